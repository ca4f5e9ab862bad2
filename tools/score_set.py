#!/usr/bin/env python3
"""Score the extractor on a folder of gold labels, in one command (development time only).

Finds each gold file's article (`bbc/...` under ../shared/corpora, the samples
under corpus/), runs the working tree's extractor on them in-process (no cache),
and hands the predictions to ../shared/eval/score.py.

    python3 tools/score_set.py GOLD_DIR [GOLD_DIR ...] [--show-misses] [--json]

Several folders are scored together, as one set.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from byline.cli.extract_cmd import as_json  # noqa: E402
from byline.extract import analyse  # noqa: E402
from byline.load import load_paths  # noqa: E402


def article_path(source: str) -> Path:
    return SHARED / "corpora" / source if source.startswith("bbc/") else ROOT / "corpus" / source


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        paths = []
        for folder in args.gold:
            for f in sorted(folder.glob("*.json")):
                shutil.copy(f, gold / f"{folder.name}--{f.name}")
                paths.append(article_path(json.loads(f.read_text(encoding="utf-8"))["source"]))
        predictions = Path(tmp) / "pred.jsonl"
        with predictions.open("w", encoding="utf-8") as out:
            for article in load_paths(paths).articles:
                out.write(json.dumps(as_json(article, analyse(article)), ensure_ascii=False) + "\n")
        flags = [f for f, on in (("--show-misses", args.show_misses), ("--json", args.json)) if on]
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(predictions), *flags]
        return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
