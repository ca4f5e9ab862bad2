#!/usr/bin/env python3
"""Entity errors by kind on gold folders (development time only).

    python3 tools/entity_errors.py GOLD_DIR [...] [--list] [--half odd|even]

Kinds: wrong type (the name found, its type not the gold one), name form (a
gold name missed and a predicted one extra that share a word), missed,
spurious (by the type predicted). `--half` keeps the files at odd or even
positions (sorted by name) of tests/extract/data/tune: a check half scored by totals only.
Never point it at the heldout folders: they measure unseen articles.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(SHARED / "eval"))

from score import TYPES, norm  # type: ignore[import-not-found]  # noqa: E402

from byline.extract import analyse  # noqa: E402
from byline.load import load_paths  # noqa: E402


def article_path(source: str) -> Path:
    return SHARED / "corpora" / source if source.startswith("bbc/") else ROOT / "corpus" / source


def gold_files(folders: list[Path], half: str | None) -> list[Path]:
    out = []
    for folder in folders:
        if "heldout" in folder.name:
            sys.exit("not on heldout sets")
        files = sorted(folder.glob("*.json"))
        if half and folder.name == "tune":
            files = files[1::2] if half == "odd" else files[0::2]
        out += files
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--half", choices=("odd", "even"))
    args = ap.parse_args()
    files = gold_files(args.gold, args.half)
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    articles = load_paths([article_path(g["source"]) for g in golds]).articles
    kinds: Counter[str] = Counter()
    lines = []
    tp = n_pred = n_gold = 0
    for gold, article in zip(golds, articles):
        ge = {norm(n): t for t in TYPES for n in gold["entities"].get(t, [])}
        pe = {norm(e.name): e.type for e in analyse(article).entities}
        n_gold += len(ge)
        n_pred += len(pe)
        tp += sum(1 for n, t in pe.items() if ge.get(n) == t)
        src = gold["source"]
        for n in sorted(set(ge) & set(pe)):
            if ge[n] != pe[n]:
                kinds[f"wrong type {ge[n]}->{pe[n]}"] += 1
                lines.append(f"{src}: TYPE {n!r} gold {ge[n]} pred {pe[n]}")
        missed = set(ge) - set(pe)
        extra = set(pe) - set(ge)
        for g in sorted(missed):
            gw = set(g.split())
            forms = [p for p in extra if gw & set(p.split())]
            if forms:
                kinds["name form"] += 1
                lines.append(f"{src}: FORM gold {g!r} ({ge[g]}) pred {forms}")
            else:
                kinds[f"missed {ge[g]}"] += 1
                lines.append(f"{src}: MISSED {g!r} ({ge[g]})")
        formed = {p for p in extra for g in missed if set(g.split()) & set(p.split())}
        for p in sorted(extra - formed):
            kinds[f"spurious {pe[p]}"] += 1
            lines.append(f"{src}: SPURIOUS {p!r} ({pe[p]})")
    if args.list:
        print("\n".join(lines))
    pr, rc = tp / n_pred, tp / n_gold
    print(f"typed P {pr:.3f} R {rc:.3f} F1 {2 * pr * rc / (pr + rc):.3f}  (gold {n_gold}, pred {n_pred})")
    for kind, n in sorted(kinds.items()):
        print(f"  {kind:28} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
