"""`byline extract`: quotes, speakers and entities of articles, for people or scripts."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterator

from byline.cli.common import PATHS_HELP, shown_path, to_json
from byline.model import LOW_CONFIDENCE, Analysis, Article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("--json", action="store_true", help="print JSON Lines: one object per article")
    parser.add_argument("--no-cache", action="store_true", help="analyse every file afresh, without the index cache")


def run(args: argparse.Namespace) -> int:
    for n, (article, analysis) in enumerate(_analysed(args)):
        if args.json:
            print(to_json(as_json(article, analysis)))
        else:
            if n:
                print()
            print(as_listing(article, analysis))
    return 0


def _analysed(args: argparse.Namespace) -> Iterator[tuple[Article, Analysis]]:
    """Each article with its analysis: from the index cache for files it holds unchanged,
    analysed afresh for the rest (and for all with --no-cache)."""
    from byline.cli.cached import as_analysis, as_article, streamed_or_exit

    # --no-cache takes the same way without the cache, not a loop here: its worker
    # processes analyse on every core (a cold run does), and it prints what a cold run prints.
    for entry in streamed_or_exit(args.paths, use_cache=not args.no_cache):
        yield as_article(entry), as_analysis(entry)


def as_json(article: Article, analysis: Analysis) -> dict:
    return {
        "path": article.path,
        "title": article.title,
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "confidence": round(q.confidence, 3),
                "evidence": list(q.evidence),
            }
            for q in analysis.quotes
        ],
        "entities": [{"name": e.name, "type": e.type, "count": e.count} for e in analysis.entities],
    }


def as_listing(article: Article, analysis: Analysis) -> str:
    lines = [article.display_title, f"  {shown_path(article.path)}"]
    lines.append(f"  Quotes ({len(analysis.quotes)}):")
    for quote in analysis.quotes:
        uncertain = bool(quote.speaker) and quote.confidence < LOW_CONFIDENCE
        # A guess is marked as the sidebar marks it ("Name?  uncertain"; README: confidence).
        who = f"{quote.speaker}?" if uncertain else quote.speaker or "(unattributed)"
        text = textwrap.shorten(quote.text, 200, placeholder=" …")
        marks = ("  [partial]" if quote.kind == "partial" else "") + ("  [uncertain]" if uncertain else "")
        lines.append(f"    {who}: \u201c{text}\u201d{marks}")
    for kind, label in (("PERSON", "People"), ("ORG", "Organisations"), ("PLACE", "Places")):
        names = [f"{e.name} ({e.count})" for e in analysis.entities if e.type == kind]
        lines.append(f"  {label}: " + (", ".join(names) if names else "none"))
    return "\n".join(lines)
