"""Saved HTML article pages, through trafilatura.

trafilatura (and lxml under it) costs a few hundred milliseconds to import, so
it is imported here, when the first HTML page is met, never at start-up.
"""

from __future__ import annotations

from byline.load.clean import clean_line, clean_text
from byline.load.text import blocks_of
from byline.model import Article, article_id


class NoArticleText(ValueError):
    """The page holds no text that reads as an article."""


def parse_html(raw: str, path: str, warnings: list[str] | None = None) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise NoArticleText("no article text found in the HTML page")
    # trafilatura gives one paragraph a line.
    paragraphs = tuple(blocks_of(clean_text(text).replace("\n", "\n\n")))
    title = clean_line(getattr(document, "title", None) or "")
    if not title and paragraphs:
        title, paragraphs = paragraphs[0][:120], paragraphs[1:]
    if not paragraphs:
        raise NoArticleText("no article text found in the HTML page")
    return Article(
        id=article_id(title, "\n\n".join(paragraphs)),
        path=path,
        title=title,
        subtitle=clean_line(getattr(document, "description", None) or ""),
        author=clean_line(getattr(document, "author", None) or ""),
        paragraphs=paragraphs,
        format="html",
        date=clean_line(getattr(document, "date", None) or ""),
        url=clean_line(getattr(document, "url", None) or ""),
        warnings=tuple(warnings or ()),
        source=clean_line(getattr(document, "sitename", None) or ""),
    )
