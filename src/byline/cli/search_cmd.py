"""`byline search QUERY [PATH ...]`: the app's fuzzy search, for scripts.

Exits 0 when something matched and 1 when nothing did, as grep does.
"""

from __future__ import annotations

import argparse
import sys

from byline.cli.common import PATHS_HELP, fail, load_or_exit, shown, to_json
from byline.model import cited_speaker
from byline.search import PREFIX_HELP, SearchIndex, parse_query, quote_number
from byline.search.copies import copies_among, file_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Optional to argparse, so that its message for a missing QUERY does not
    # also name PATH (which is optional); run() asks for it.
    parser.usage = "%(prog)s [-h] [--json] [--limit N] [--no-cache] QUERY [PATH ...]"
    parser.add_argument(
        "query", nargs="?", metavar="QUERY", help=f"words to find, typos forgiven; prefixes: {PREFIX_HELP}"
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("--json", action="store_true", help="print one JSON object per hit (JSON Lines)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    parser.add_argument("--no-cache", action="store_true", help="analyse every file afresh, without the index cache")


def run(args: argparse.Namespace) -> int:
    if args.query is None:
        fail("search needs a QUERY: the words to find (see 'byline search --help')", 2)
    if not parse_query(args.query).tokens:
        fail("the query has no words to search for")
    if args.limit < 1:
        fail("--limit must be at least 1", 2)
    if args.no_cache:
        from byline.corpus import Entry
        from byline.extract import analyse

        articles = load_or_exit(args.paths).articles
        index = SearchIndex()
        index.add((Entry.of(article, analyse(article)) for article in articles), (a.body for a in articles))
    else:
        from byline.cli.cached import search_index_or_exit

        index = search_index_or_exit(args.paths)
    hits = index.search(args.query, limit=args.limit)
    copies = copies_among(hits, index.entries)
    for hit in hits:
        entry = index.entries[hit.entry]
        # Two copies of one article among the hits: say which file each is, as the app does.
        title = f"{entry.title}  [{file_name(entry.path)}]" if hit.entry in copies else entry.title
        number = quote_number(entry, hit) if hit.kind == "quote" else None
        quote = entry.quotes[number] if number is not None else None  # who said it, as the app shows
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
                "speaker": quote.speaker if quote is not None else None,
                "confidence": round(quote.confidence, 3) if quote is not None and quote.speaker else None,
                "title": entry.title,
                "path": entry.path,
                "id": entry.id,
            }
            print(to_json(record))
        elif hit.kind == "title":
            print(f"{hit.kind:<8} {title}")
        else:
            detail = f"  ({hit.detail.lower()})" if hit.detail else ""
            print(f"{hit.kind:<8} {title}\n{'':<9}{hit.text}{detail}")
            if quote is not None and quote.speaker:
                print(f"{'':<9}— {shown(cited_speaker(quote) or '')}")
    if not hits:
        # Exit 1 as grep does, for scripts; a word on stderr for a person, stdout left empty.
        print(f"byline: no matches for {shown(args.query)}", file=sys.stderr)
    return 0 if hits else 1
