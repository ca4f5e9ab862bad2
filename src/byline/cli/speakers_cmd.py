"""`byline speakers`: everyone quoted under PATHs, merged across articles, most quoted first."""

from __future__ import annotations

import argparse
import json
import sys

from byline.cli.common import PATHS_HELP, fail, load_entries_or_exit, shown

EXAMPLES = """\
examples:
  byline speakers ~/news              the 50 most quoted, then the descriptions ("spokesman")
  byline speakers ~/news --limit 10   the 10 most quoted
  byline speakers ~/news --json       every speaker, as JSON
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("--json", action="store_true", help="print one JSON object (every speaker unless --limit)")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N speakers and N descriptions (default 50)")


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        fail("--limit must be at least 1", 2)
    from byline.people import People

    people = People(load_entries_or_exit(args.paths))
    table = people.speakers
    limit = args.limit if args.limit is not None else (None if args.json else 50)
    named, groups = table.named[:limit], table.groups[:limit]
    if args.json:
        document = {
            "speakers": [
                {
                    "name": row.name,
                    "quotes": row.quotes,
                    "articles": row.articles,
                    "low_confidence": row.low_confidence,
                    "spellings": sorted(row.aliases),
                }
                for row in named
            ],
            "descriptions": [
                {
                    "description": row.name,
                    "quotes": row.quotes,
                    "articles": row.articles,
                    "low_confidence": row.low_confidence,
                    "speakers": sum(1 for r in table.described if r.key == row.key),
                }
                for row in groups
            ],
            "totals": {
                "speaker_strings": table.raw_count,
                "speakers": len(table.named),
                "descriptions": len(table.groups),
                "described_speakers": len(table.described),
            },
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    if not table.named and not table.groups:
        print("byline: no quote has a speaker here", file=sys.stderr)
        return 1
    print(f"{'quotes':>7} {'articles':>8} {'low':>4}  speaker")
    for row in named:
        print(f"{row.quotes:>7,} {row.articles:>8,} {row.low_confidence:>4,}  {shown(row.name)}")
    if groups:
        print("\nknown only by a description (each row: one description, a different speaker in each article):")
        for row in groups:
            print(f"{row.quotes:>7,} {row.articles:>8,} {row.low_confidence:>4,}  {shown(row.name)}")
    left = len(table.named) - len(named) + len(table.groups) - len(groups)
    print(
        f"byline: {len(table.named):,} speakers and {len(table.groups):,} descriptions "
        f"from {table.raw_count:,} speaker names" + (f"; {left:,} not shown (--limit)" if left else ""),
        file=sys.stderr,
    )
    return 0
