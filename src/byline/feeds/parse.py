"""Reading a fetched feed safely: entities refused, entries cut off, text cleaned.

feedparser (6.x) does not expand entities declared in a DOCTYPE, but a feed
that declares any is refused before it is parsed, so that neither a billion
laughs nor an external entity (`<!ENTITY x SYSTEM "file:///...">`) depends on
a parser's defaults. A feed of more than `MAX_ENTRIES` entries is cut off
before parsing (parsing 100,000 entries would take a minute), with a note.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from byline.load.clean import clean_line, clean_text
from byline.load.feed import html_to_text
from byline.load.text import blocks_of

MAX_ENTRIES = 500
SUMMARY_ONLY_CHARS = 600
"""An entry without full content whose summary is shorter than this is a teaser: its page is fetched."""

_ENTRY_END = re.compile(rb"</(?:[A-Za-z0-9_-]+:)?(?:item|entry)\s*>")


class RefusedFeed(ValueError):
    """The bytes are not a feed Byline will read; `str()` says why."""


@dataclass
class FeedEntry:
    key: str
    """What identifies the entry across refreshes: its id, else its link, else a hash of its text."""
    title: str
    url: str
    author: str
    date: str
    """ISO 8601 in UTC when the feed gives a readable date, else the feed's own text, else ""."""
    paragraphs: tuple[str, ...]
    summary_only: bool


@dataclass
class ParsedFeed:
    title: str
    entries: list[FeedEntry]
    notes: list[str] = field(default_factory=list)


def declares_entities(data: bytes) -> bool:
    """Whether the document's DOCTYPE declares entities (internal or external).

    NULs are dropped first, so a UTF-16 or UTF-32 document is screened too.
    """
    text = data.replace(b"\x00", b"")
    doctype = text.find(b"<!DOCTYPE")
    return doctype >= 0 and b"<!ENTITY" in text[doctype:]


def cut_entries(data: bytes, limit: int = MAX_ENTRIES) -> tuple[bytes, bool]:
    """The bytes up to the end of the `limit`-th entry, and whether anything was cut."""
    for n, match in enumerate(_ENTRY_END.finditer(data), 1):
        if n == limit:
            rest = data[match.end() :]
            if _ENTRY_END.search(rest):
                return data[: match.end()], True
            return data, False
    return data, False


def parse_feed_bytes(data: bytes, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Entries of an RSS or Atom document, newest first, at most `MAX_ENTRIES`."""
    import feedparser

    if declares_entities(data):
        raise RefusedFeed("refused: the feed declares XML entities (entity expansion is never followed)")
    notes = []
    data, cut = cut_entries(data)
    if cut:
        notes.append(f"more than {MAX_ENTRIES} entries: the first {MAX_ENTRIES} were read")
    parsed = feedparser.parse(data, response_headers=dict(headers or {}))
    version = parsed.get("version", "")
    if not parsed.entries and not version:
        raise RefusedFeed("not an RSS or Atom feed")
    entries = [entry for entry in (_entry(raw) for raw in parsed.entries) if entry is not None]
    entries.sort(key=lambda e: e.date, reverse=True)
    if len(entries) > MAX_ENTRIES:
        entries = entries[:MAX_ENTRIES]
    if parsed.get("bozo") and not cut and entries:
        notes.append("not well-formed XML; read what could be read")
    return ParsedFeed(title=clean_line(html_to_text(parsed.feed.get("title") or "")), entries=entries, notes=notes)


def _entry(raw: Any) -> FeedEntry | None:
    content = raw.get("content") or []
    full = (content[0].get("value") if content else "") or ""
    markup = full or raw.get("summary") or ""
    paragraphs = tuple(blocks_of(clean_text(html_to_text(markup))))
    title = clean_line(html_to_text(raw.get("title") or ""))
    if not title and not paragraphs:
        return None
    url = clean_line(raw.get("link") or "")
    key = clean_line(raw.get("id") or "") or url
    if not key:
        key = "sha1:" + hashlib.sha1(f"{title}\n{markup}".encode("utf-8", "replace")).hexdigest()
    text_length = sum(len(p) for p in paragraphs)
    return FeedEntry(
        key=key,
        title=title,
        url=url,
        author=clean_line(raw.get("author") or ""),
        date=_date(raw),
        paragraphs=paragraphs,
        summary_only=not full and text_length < SUMMARY_ONLY_CHARS,
    )


def _date(raw: Any) -> str:
    for name in ("published_parsed", "updated_parsed"):
        value = raw.get(name)
        if value:
            try:
                stamp = calendar.timegm(value)
            except (TypeError, ValueError, OverflowError):
                continue
            import time

            return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))
    return clean_line(raw.get("published") or raw.get("updated") or "")
