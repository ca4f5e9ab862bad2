#!/usr/bin/env python3
"""How often a speaker is wrong above and below the "uncertain" line, on labelled articles
(development time only): what the README's claim about `confidence` rests on.

Pairs each predicted quote with its gold quote as ../shared/eval/score.py does, then counts,
for quotes given a speaker, how many are wrong at or above `LOW_CONFIDENCE` and below it.
Only totals are printed: run it on held-out folders without reading their misses.

    python3 tools/calibration.py GOLD_DIR [GOLD_DIR ...] [--lenient]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from byline.extract import analyse  # noqa: E402
from byline.load import load_paths  # noqa: E402
from byline.model import LOW_CONFIDENCE  # noqa: E402


def load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--lenient", action="store_true", help="a speaker with the gold's last word counts as right")
    args = ap.parse_args()
    score = load_scorer()
    counts = {"sure": [0, 0], "uncertain": [0, 0]}  # band -> [quotes with a speaker, wrong]
    for folder in args.gold:
        for gold_file in sorted(folder.glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            source = gold["source"]
            path = SHARED / "corpora" / source if source.startswith("bbc/") else ROOT / "corpus" / source
            [article] = load_paths([path]).articles
            predicted = analyse(article).quotes
            as_dicts = [{"text": q.text, "speaker": q.speaker} for q in predicted]
            for g, p in score.pair_quotes(gold["quotes"], as_dicts):
                quote = predicted[p]
                if not quote.speaker:
                    continue
                band = counts["sure" if quote.confidence >= LOW_CONFIDENCE else "uncertain"]
                band[0] += 1
                band[1] += not score.same_speaker(gold["quotes"][g]["speaker"], quote.speaker, args.lenient)
    for band, (given, wrong) in counts.items():
        share = f"{wrong / given:.1%}" if given else "-"
        line = "at or above" if band == "sure" else "below"
        print(f"{band:<10} (confidence {line} {LOW_CONFIDENCE}): {given} quotes, {wrong} wrong ({share})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
