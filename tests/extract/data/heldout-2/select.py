#!/usr/bin/env python3
"""Pick the blind-label articles: seed 20261202, sections in a fixed order."""

import glob
import json
import random
from pathlib import Path

CORPUS = Path("../shared/corpora")
used = set()
for pattern in ("../shared/eval/dev/*.json", "tests/extract/data/heldout/*.json", "tests/extract/data/check/*.json"):
    for f in glob.glob(pattern):
        used.add(json.load(open(f, encoding="utf-8"))["source"])


def pairs(text: str) -> int:
    body = text.split("\n", 2)[2] if text.count("\n") >= 2 else text
    return body.count("\u201c") + body.count('"') // 2


rng = random.Random(20261202)
picked = []
for section, n in (("politics", 6), ("business", 5), ("sport", 4), ("entertainment", 3), ("tech", 2)):
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
