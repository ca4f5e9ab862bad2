"""A bookmark of an article or of a quote in it: plain data, no storage.

A bookmark is tied to its article by the content-derived id, and also keeps the
path, the title and the quote's text and speaker, so it still means something
when the file has moved or the corpus is opened from elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from byline.model import Quote

Kind = Literal["article", "quote"]
KINDS: tuple[Kind, ...] = ("article", "quote")


class BookmarkError(Exception):
    """A change could not be saved or read; the message says why, in a user's words."""


class BookmarkImportError(BookmarkError):
    """An import file is not a Byline bookmarks export; nothing was imported."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def normalise_time(text: str) -> str:
    """ISO 8601 in UTC with microseconds, so that text order is time order."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def is_utf8(text: str) -> bool:
    """False for a str holding lone surrogates (how Python names a file whose name is not UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_tags(text: str | Iterable[str]) -> tuple[str, ...]:
    """Tags from 'a, b,c' (or a list): trimmed, no empties, no repeats (in any case: the
    first spelling stays), order kept.

    A tag never holds a comma, so tags survive a round trip through one CSV cell.
    """
    parts = text.split(",") if isinstance(text, str) else [p for t in text for p in str(t).split(",")]
    first: dict[str, str] = {}
    for part in parts:
        if tag := " ".join(part.split()):
            first.setdefault(tag.casefold(), tag)
    return tuple(first.values())


@dataclass(frozen=True, slots=True)
class Bookmark:
    article_id: str
    path: str
    title: str
    kind: Kind = "article"
    quote: str = ""
    speaker: str = ""
    quote_start: int | None = None
    quote_end: int | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = field(default_factory=now)
    id: int | None = field(default=None, compare=False)
    """The row id in the store; None until stored."""

    @property
    def target(self) -> tuple[str, Kind, int]:
        """What is bookmarked: an article, or one quote in it (by its offset)."""
        return (self.article_id, self.kind, -1 if self.quote_start is None else self.quote_start)

    def quote_number(self, quotes: Sequence[Quote]) -> int | None:
        """Which of an article's `quotes` this bookmark is of (None for an article bookmark, or if gone).

        By offset first; by its words if the extractor has since found the quote's edges differently.
        """
        if self.kind != "quote":
            return None
        number = next((i for i, q in enumerate(quotes) if q.start == self.quote_start), None)
        if number is None:
            number = next((i for i, q in enumerate(quotes) if q.text == self.quote), None)
        return number

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("id")
        data["tags"] = list(self.tags)
        return data


def article_bookmark(article_id: str, path: str, title: str) -> Bookmark:
    return Bookmark(article_id=article_id, path=path, title=title, kind="article")


def quote_bookmark(
    article_id: str, path: str, title: str, quote: str, speaker: str | None, start: int, end: int
) -> Bookmark:
    return Bookmark(
        article_id=article_id,
        path=path,
        title=title,
        kind="quote",
        quote=quote,
        speaker=speaker or "",
        quote_start=start,
        quote_end=end,
    )
