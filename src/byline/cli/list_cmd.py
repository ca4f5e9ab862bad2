"""`byline list`: the articles found, one line each, or JSON.

Both are printed as the articles come, never gathered first: over a million articles a
listing starts at once, and holds one article at a time rather than all of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from byline.cli.common import (
    PATHS_HELP,
    exit_if_none,
    paths_or_default,
    print_json_listing,
    say_skipped,
    shown_path,
)
from byline.model import Article, Skipped


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("--json", action="store_true", help="print one JSON object with articles and skipped files")
    parser.add_argument("--no-cache", action="store_true", help="analyse every file afresh, without the index cache")


def run(args: argparse.Namespace) -> int:
    skipped: list[Skipped] = []
    listed = _listed(args, skipped)
    if args.json:
        # The skipped files are known only at the end: they come after the articles.
        print_json_listing(
            "articles",
            (as_json(article, count) for article, count in listed),
            lambda: {"skipped": [{"path": s.path, "reason": s.reason} for s in skipped]},
        )
        return 0
    for article, _ in listed:
        author = f"  ({article.author})" if article.author else ""
        flag = "  [!] " + "; ".join(article.warnings) if article.warnings else ""
        print(f"{article.display_title}{author}{flag}\n    {shown_path(article.path)}")
    return 0


def _listed(args: argparse.Namespace, skipped: list[Skipped]) -> Iterator[tuple[Article, int]]:
    """Each article with its paragraph count, in walk order: from the index cache for files it
    holds unchanged (analysing the rest), or, with --no-cache, as loading reads them. Each skipped
    file is reported, and put in `skipped`, in its place among them; none exits 1."""
    if args.no_cache:
        from byline.load import iter_articles

        given = said = 0
        for article in iter_articles(paths_or_default(args.paths), skipped):
            for item in skipped[said:]:  # (the files before this article's)
                say_skipped(item)
            said = len(skipped)
            given += 1
            yield article, len(article.paragraphs)
        for item in skipped[said:]:
            say_skipped(item)
        exit_if_none(args.paths, given)
        return
    from byline.cli.cached import as_article, paragraphs, streamed_or_exit

    for entry in streamed_or_exit(args.paths, analysis=False, skipped=skipped):  # it prints no quotes
        yield as_article(entry), paragraphs(entry)


def as_json(article: Article, count: int) -> dict[str, object]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "subtitle": article.subtitle,
        "author": article.author,
        "format": article.format,
        "date": article.date,
        "url": article.url,
        "paragraphs": count,
        "warnings": list(article.warnings),
    }
