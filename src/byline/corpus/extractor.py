"""The extractor as the corpus sees it: its version (cached results of another
are read again) and its analyses, with a safety net.

The one module of `byline.corpus` that imports `byline.extract` (see the
import contracts in pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from byline.model import Analysis, Article


def extractor_version() -> str:
    """The version of what made a cached record: the extractor's, and the loader's too,
    since a record's offsets point into the body as the loader built it."""
    from byline.load import LOADER_VERSION

    return f"{_extractor_version()}+load{LOADER_VERSION}"


def _extractor_version() -> str:
    """`byline.extract.EXTRACTOR_VERSION`, read from its source when the package is not imported yet:
    importing it takes 0.15 s (lexicons, patterns), a third of a warm `byline search`."""
    import sys

    module = sys.modules.get("byline.extract")
    if module is None:
        import importlib.util
        import re

        spec = importlib.util.find_spec("byline.extract")
        try:
            with open(spec.origin, encoding="utf-8") as source:  # type: ignore[union-attr, arg-type]
                found = re.search(r'^EXTRACTOR_VERSION = "([^"]+)"$', source.read(), re.MULTILINE)
        except (OSError, AttributeError, TypeError):
            found = None
        if found is not None:
            return found.group(1)
    from byline.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def warm() -> None:
    """Import the extractor and load what it loads on first use (lexicons, word tables: a fifth of a
    second), so that processes forked from this one start with it all, not each on its own."""
    from byline.extract import analyse_text

    analyse_text("\u201cWe will,\u201d said Ann Smith of the BBC in London. Mr Smith added: \u201cYes.\u201d")


def analyse_all(articles: Iterable[Article]) -> list[tuple[Article, Analysis]]:
    """Each article with its analysis; an article the extractor fails on keeps a warning instead."""
    from byline.extract import analyse  # looked up at each call: tests stand another extractor in

    pairs = []
    for article in articles:
        try:
            pairs.append((article, analyse(article)))
        except Exception as error:  # the extractor's bug must not lose the article
            warning = f"quotes and entities could not be extracted ({type(error).__name__}: {error})"
            pairs.append((replace(article, warnings=(*article.warnings, warning)), Analysis()))
    return pairs
