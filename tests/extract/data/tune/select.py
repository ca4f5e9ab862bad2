#!/usr/bin/env python3
"""Pick the tuning-set articles: seed 20261203, sections in a fixed order."""

import glob
import json
import random
from pathlib import Path

CORPUS = Path("../shared/corpora")
used = set()
for pattern in (
    "../shared/eval/dev/*.json",
    "tests/extract/data/heldout/*.json",
    "tests/extract/data/check/*.json",
    "tests/extract/data/heldout-2/*.json",
):
    for f in glob.glob(pattern):
        used.add(json.load(open(f, encoding="utf-8"))["source"])


def pairs(text: str) -> int:
    body = text.split("\n", 2)[2] if text.count("\n") >= 2 else text
    return body.count("\u201c") + body.count('"') // 2


rng = random.Random(20261203)
picked = []
for section, n in (("politics", 10), ("business", 10), ("sport", 10), ("entertainment", 6), ("tech", 4)):
    cands = []
    for p in sorted((CORPUS / "bbc" / section).glob("*.txt")):
        src = f"bbc/{section}/{p.name}"
        if src in used:
            continue
        if pairs(p.read_text(encoding="utf-8", errors="replace")) >= 2:
            cands.append(src)
    picked += rng.sample(cands, n)
print(len(used), "sources excluded")
for s in picked:
    print(s)
