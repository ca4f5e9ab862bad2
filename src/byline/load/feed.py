"""RSS and Atom feed files, through feedparser: one article per entry."""

from __future__ import annotations

from html.parser import HTMLParser

from byline.load.clean import clean_line, clean_text
from byline.load.text import blocks_of
from byline.model import Article, article_id

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


class _TextOfHTML(HTMLParser):
    """Entry content is HTML: keep its text, a blank line at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHTML()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


class NotAFeed(ValueError):
    """The XML file parsed, but holds no feed entries."""


def parse_feed(data: bytes, path: str) -> list[Article]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        raise NotAFeed("XML file with no RSS or Atom entries")
    warnings = ("feed is not well-formed XML; read what could be read",) if parsed.get("bozo") else ()
    feed_author = parsed.feed.get("author", "")
    feed_title = clean_line(html_to_text(parsed.feed.get("title") or ""))
    articles = []
    for n, entry in enumerate(parsed.entries, 1):
        content = entry.get("content") or []
        # feedparser gives None, not "", for some broken elements: `or ""` throughout.
        markup = (content[0].get("value") if content else entry.get("summary")) or ""
        paragraphs = tuple(blocks_of(clean_text(html_to_text(markup))))
        title = clean_line(html_to_text(entry.get("title") or ""))
        if not title and not paragraphs:
            continue  # an empty <item> (a cut-off feed): nothing to read, nothing to list
        articles.append(
            Article(
                id=article_id(title, "\n\n".join(paragraphs)),
                path=f"{path}#{n}",
                title=title,
                author=clean_line(entry.get("author", "") or feed_author),
                paragraphs=paragraphs,
                format="feed",
                date=clean_line(entry.get("published", "") or entry.get("updated", "")),
                url=clean_line(entry.get("link", "")),
                warnings=warnings,
                source=feed_title,
            )
        )
    if not articles:
        raise NotAFeed("feed whose entries hold no title and no text")
    return articles
