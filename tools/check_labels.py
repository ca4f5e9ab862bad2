#!/usr/bin/env python3
"""Check a folder of gold labels: the dev set's JSON keys, and every quote verbatim in its article.

    python3 tools/check_labels.py tests/extract/data/heldout-2 [CORPORA]

CORPORA is where the gold files' `source` paths start (default: ../shared/corpora).
Run it after labelling: a quote that is not word for word in the body can never be matched.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KEYS = {"source", "title", "quotes", "entities"}
TYPES = {"PERSON", "ORG", "PLACE"}
QUOTE_KEYS = {"text", "speaker", "kind"}


def problems(gold_dir: Path, corpora: Path) -> list[str]:
    found = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if set(gold) != KEYS or set(gold["entities"]) != TYPES:
            found.append(f"{gold_file.name}: keys {sorted(gold)} / {sorted(gold['entities'])}")
            continue
        # The dev set's two samples live in corpora/seeds/, its BBC articles under corpora/bbc/.
        article = next((p for p in (corpora / gold["source"], corpora / "seeds" / gold["source"]) if p.is_file()), None)
        if article is None:
            found.append(f"{gold_file.name}: no article at {gold['source']}")
            continue
        title, _, body = article.read_text(encoding="utf-8").partition("\n\n")
        if gold["title"] != title.strip():
            found.append(f"{gold_file.name}: title differs from the article's")
        for quote in gold["quotes"]:
            if set(quote) != QUOTE_KEYS or quote["kind"] not in ("full", "partial"):
                found.append(f"{gold_file.name}: quote fields {sorted(quote)}")
            elif quote["text"] not in body:
                found.append(f"{gold_file.name}: not in the body: {quote['text'][:60]!r}")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    corpora = Path(argv[1]) if len(argv) > 1 else Path("../shared/corpora")
    found = problems(Path(argv[0]), corpora)
    for line in found:
        print(line)
    print("ok" if not found else f"{len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
