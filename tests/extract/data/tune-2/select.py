#!/usr/bin/env python3
"""Pick the tune-2 articles: seed 20261204, sections in a fixed order.

As heldout-2's select.py, with one addition: the BBC corpus holds some articles twice under two
numbers, so a pick whose text is identical to a used source's text is the same article, not an
unseen one. Such a pick is replaced by a draw from the same rng among the section's remaining
candidates (the draws before it are unchanged).
"""

import glob
import json
import random
from pathlib import Path

CORPUS = Path("../shared/corpora")
used = set()
for pattern in (
    "../shared/eval/dev/*.json",
    "tests/extract/data/heldout/*.json",
    "tests/extract/data/heldout-2/*.json",
    "tests/extract/data/tune/*.json",
    "tests/extract/data/check/*.json",
    "tests/extract/data/heldout-3/*.json",
):
    for f in glob.glob(pattern):
        used.add(json.load(open(f, encoding="utf-8"))["source"])


def read(src: str) -> str:
    path = CORPUS / src
    if not path.is_file():  # the dev set's two seed samples
        path = CORPUS / "seeds" / src
    return path.read_text(encoding="utf-8", errors="replace")


used_texts = {read(s).strip() for s in used}


def pairs(text: str) -> int:
    body = text.split("\n", 2)[2] if text.count("\n") >= 2 else text
    return body.count("\u201c") + body.count('"') // 2


rng = random.Random(20261204)
picked, replaced = [], []
for section, n in (("politics", 8), ("business", 7), ("sport", 7), ("entertainment", 5), ("tech", 3)):
    cands = []
    for p in sorted((CORPUS / "bbc" / section).glob("*.txt")):
        src = f"bbc/{section}/{p.name}"
        if src in used:
            continue
        if pairs(p.read_text(encoding="utf-8", errors="replace")) >= 2:
            cands.append(src)
    picks = rng.sample(cands, n)
    seen = set(picks)
    for i, src in enumerate(picks):
        while read(src).strip() in used_texts:
            replaced.append(src)
            src = rng.choice([c for c in cands if c not in seen])
            seen.add(src)
        picks[i] = src
    picked += picks
print(len(used), "sources excluded")
for s in replaced:
    print("# replaced (same text as a used source):", s)
for s in picked:
    print(s)
