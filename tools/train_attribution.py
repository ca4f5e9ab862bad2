#!/usr/bin/env python3
"""Learn the weights of the attribution confidence model (development time only).

The speaker of each quote is chosen by rules (`byline.extract.attribution`);
this script learns how far to trust each choice. It runs the extractor over
labelled articles, pairs its quotes with the gold ones (as the scorer does),
labels each pair right or wrong, and fits a logistic regression over the
evidence features behind the choice (which kinds of evidence named the
speaker, how a pronoun or role was resolved, rival candidates, quote kind).

It reports k-fold cross-validation over ARTICLES (never its fit): how well a
confidence below `LOW_CONFIDENCE` picks out the wrong attributions. With
`--write` it then fits on all the articles given and writes the weights to
`src/byline/extract/lexicons/attribution_weights.json`, which the app reads
with no new dependency (pure Python, no numpy).

    python3 tools/train_attribution.py GOLD_DIR [--corpora DIR] [--corpus DIR]
        [--exclude-every N] [--folds K] [--write] [--check GOLD_DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from byline.extract import LOW_CONFIDENCE, analyse_with_features  # noqa: E402
from byline.load import load_paths  # noqa: E402

WEIGHTS = ROOT / "src/byline/extract/lexicons/attribution_weights.json"
MATCH = 0.8  # share of the longer quote's tokens both must hold (as the scorer)
EPOCHS = 400
LEARNING_RATE = 0.5
L2 = 0.01


def norm(s: str | None) -> str:
    """A speaker or quote as the scorer compares them."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    s = s.casefold().replace(".", "")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s'-]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^(the|a|an) ", "", s)


def _overlap(a: str, b: str) -> float:
    ta, tb = Counter(norm(a).split()), Counter(norm(b).split())
    longest = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longest if longest else 0.0


def examples(gold_files: list[Path], corpora: Path, corpus: Path) -> list[list[tuple[dict[str, float], int]]]:
    """Per article, (features, 1 if the speaker is right else 0) for each quote paired with gold."""
    out = []
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = gold["source"]
        path = corpora / source if source.startswith("bbc/") else corpus / source
        loaded = load_paths([str(path)]).articles
        if not loaded:
            print(f"skipped {gold_file.name}: {path} did not load", file=sys.stderr)
            continue
        analysis, features = analyse_with_features(loaded[0])
        pairs = sorted(
            (
                (_overlap(g["text"], q.text), gi, qi)
                for gi, g in enumerate(gold["quotes"])
                for qi, q in enumerate(analysis.quotes)
            ),
            reverse=True,
        )
        used_g, used_q, rows = set(), set(), []
        for score, gi, qi in pairs:
            if score < MATCH:
                break
            if gi in used_g or qi in used_q:
                continue
            used_g.add(gi), used_q.add(qi)
            right = norm(gold["quotes"][gi]["speaker"]) == norm(analysis.quotes[qi].speaker)
            rows.append((features[qi], int(right)))
        out.append(rows)
    return out


def fit(rows: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    """Logistic regression by batch gradient descent with an L2 penalty."""
    names = sorted({name for features, _ in rows for name in features})
    w = dict.fromkeys(["bias", *names], 0.0)
    n = len(rows) or 1
    for _ in range(EPOCHS):
        grad = dict.fromkeys(w, 0.0)
        for features, label in rows:
            error = _predict(w, features) - label
            grad["bias"] += error
            for name, value in features.items():
                grad[name] += error * value
        for name in w:
            penalty = 0.0 if name == "bias" else L2 * w[name]
            w[name] -= LEARNING_RATE * (grad[name] / n + penalty)
    return {name: round(value, 3) for name, value in w.items() if value}


def _predict(w: dict[str, float], features: dict[str, float]) -> float:
    z = w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def report(label: str, scored: list[tuple[float, int]]) -> None:
    """How well confidence separates right from wrong attributions."""
    n = len(scored)
    wrong = sum(1 for _, y in scored if not y)
    low = [(p, y) for p, y in scored if p < LOW_CONFIDENCE]
    low_wrong = sum(1 for _, y in low if not y)
    high = [(p, y) for p, y in scored if p >= LOW_CONFIDENCE]
    brier = sum((p - y) ** 2 for p, y in scored) / n if n else 0.0
    print(f"{label}: {n} quotes, {wrong} wrong speakers; brier {brier:.3f}")
    print(
        f"  below {LOW_CONFIDENCE}: {len(low)} quotes, {low_wrong} of them wrong "
        f"(flags {low_wrong}/{wrong} of the wrong ones)"
    )
    if high:
        print(f"  at or above: {len(high)} quotes, {sum(y for _, y in high) / len(high):.3f} right")
    for lo, hi in ((0.0, 0.5), (0.5, 0.8), (0.8, 0.95), (0.95, 1.01)):
        bin_ = [(p, y) for p, y in scored if lo <= p < hi]
        if bin_:
            print(
                f"  confidence {lo:.2f}-{min(hi, 1):.2f}: {len(bin_):4d} quotes, mean"
                f" {sum(p for p, _ in bin_) / len(bin_):.3f}, "
                f"right {sum(y for _, y in bin_) / len(bin_):.3f}"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared/corpora", help="where bbc/... sources are")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="where the seed sources are")
    ap.add_argument(
        "--exclude-every",
        type=int,
        default=0,
        metavar="N",
        help="leave out every Nth BBC article by sorted name, from the Nth (a part kept aside)",
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="fit on all and write the weights")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--check", type=Path, help="a second gold directory to score the final weights on")
    args = ap.parse_args(argv)

    files = sorted(args.gold_dir.glob("*.json"))
    if args.exclude_every:
        bbc = [f for f in files if f.name.startswith("bbc_")]
        aside = set(bbc[args.exclude_every - 1 :: args.exclude_every])
        files = [f for f in files if f not in aside]
    articles = examples(files, args.corpora, args.corpus)
    folds = max(2, min(args.folds, len(articles)))
    scored: list[tuple[float, int]] = []
    for k in range(folds):
        train = [row for i, rows in enumerate(articles) if i % folds != k for row in rows]
        weights = fit(train)
        scored += [(_predict(weights, f), y) for i, rows in enumerate(articles) if i % folds == k for f, y in rows]
    report(f"{folds}-fold cross-validation over {len(articles)} articles", scored)
    weights = fit([row for rows in articles for row in rows])
    if args.check:
        check = examples(sorted(args.check.glob("*.json")), args.corpora, args.corpus)
        report(f"fitted weights on {args.check}", [(_predict(weights, f), y) for rows in check for f, y in rows])
    if args.write:
        args.out.write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(weights)} weights to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
