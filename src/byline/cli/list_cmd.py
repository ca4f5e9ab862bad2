"""`byline list`: the articles found, one line each, or JSON."""

from __future__ import annotations

import argparse

from byline.cli.common import PATHS_HELP, load_or_exit, shown_path, to_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("--json", action="store_true", help="print one JSON object with articles and skipped files")
    parser.add_argument("--no-cache", action="store_true", help="analyse every file afresh, without the index cache")


def run(args: argparse.Namespace) -> int:
    if args.no_cache:
        result = load_or_exit(args.paths)
        listed = [(article, len(article.paragraphs)) for article in result.articles]
        skipped = result.skipped
    else:
        from byline.cli.cached import as_article, listed_or_exit, paragraphs

        entries, skipped = listed_or_exit(args.paths)
        listed = [(as_article(entry), paragraphs(entry)) for entry in entries]
    if args.json:
        print(
            to_json(
                {
                    "articles": [
                        {
                            "id": a.id,
                            "path": a.path,
                            "title": a.title,
                            "subtitle": a.subtitle,
                            "author": a.author,
                            "format": a.format,
                            "date": a.date,
                            "url": a.url,
                            "paragraphs": count,
                            "warnings": list(a.warnings),
                        }
                        for a, count in listed
                    ],
                    "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
                },
                indent=2,
            )
        )
        return 0
    for article, _ in listed:
        author = f"  ({article.author})" if article.author else ""
        flag = "  [!] " + "; ".join(article.warnings) if article.warnings else ""
        print(f"{article.display_title}{author}{flag}\n    {shown_path(article.path)}")
    return 0
