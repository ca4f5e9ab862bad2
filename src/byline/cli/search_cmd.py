"""`byline search QUERY [PATH ...]`: the app's fuzzy search, for scripts.

Exits 0 when something matched and 1 when nothing did, as grep does.
"""

from __future__ import annotations

import argparse
import json

from byline.cli.common import fail, load_or_exit
from byline.search import PREFIX_HELP, SearchIndex, parse_query


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help=f"words to find, typos forgiven; prefixes: {PREFIX_HELP}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per hit (JSON Lines)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")


def run(args: argparse.Namespace) -> int:
    if not parse_query(args.query).tokens:
        fail("the query has no words to search for")
    if args.limit < 1:
        fail("--limit must be at least 1", 2)
    from byline.corpus import Entry
    from byline.extract import analyse

    articles = load_or_exit(args.paths).articles
    index = SearchIndex()
    index.add((Entry.of(article, analyse(article)) for article in articles), (a.body for a in articles))
    hits = index.search(args.query, limit=args.limit)
    for hit in hits:
        entry = index.entries[hit.entry]
        if args.json:
            record = {
                "kind": hit.kind,
                "text": hit.text,
                "score": hit.score,
                "positions": list(hit.positions),
                "start": hit.start,
                "end": hit.end,
                "others": hit.others,
                "detail": hit.detail,
                "title": entry.title,
                "path": entry.path,
                "id": entry.id,
            }
            print(json.dumps(record, ensure_ascii=False))
        elif hit.kind == "title":
            print(f"{hit.kind:<8} {entry.title}")
        else:
            detail = f"  ({hit.detail.lower()})" if hit.detail else ""
            print(f"{hit.kind:<8} {entry.title}\n{'':<9}{hit.text}{detail}")
    return 0 if hits else 1
