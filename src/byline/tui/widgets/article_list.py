"""The article list: one two-line row per entry, drawn through the Line API.

Only the rows on screen are rendered, so 100,000 entries cost no more to
paint than 20. The list holds indices into the corpus' entries (`shown`),
never copies of them, so filtering is a list of ints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from byline.model import Entry
from byline.tui.widgets.article_rows import ROW_HEIGHT, ArticleRows, fit
from byline.tui.widgets.line_list import LineList

__all__ = ["ROW_HEIGHT", "SORTS", "ArticleList", "fit"]


def newest_first(entry: Entry) -> tuple[bool, str]:
    """A sort key: the newest date first, the undated last (as loaded among themselves)."""
    # Normalised dates (YYYY-MM-DD[ HH:MM]) sort as text; each character's complement turns it round.
    return not entry.date, "".join(chr(0x10FFFF - ord(ch)) for ch in entry.date)


SORTS: list[tuple[str, Callable[[Entry], object] | None]] = [
    ("as loaded", None),
    ("date", newest_first),
    ("title", lambda entry: entry.title.casefold()),
    # The count, not the quotes: a stand-in holds it (100,000 read from the cache took seconds).
    ("quotes", lambda entry: -entry.quote_count),
]
"""The list's orders, in the order `o` cycles through them (newest, most quotes first)."""


class ArticleList(ArticleRows):
    """Every article of the corpus, or those a filter lets through."""

    BINDINGS = [*LineList.BINDINGS, Binding("enter", "choose", "Open", show=False)]
    row_height = ROW_HEIGHT

    COMPONENT_CLASSES = {
        "article-list--title",
        "article-list--meta",
        "article-list--bookmark",
        "article-list--read-mark",
        "article-list--cursor",
        "article-list--cursor-blurred",
    }

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        & > .article-list--title { text-style: bold; }
        & > .article-list--meta { color: $text-muted; }
        & > .article-list--bookmark { color: $text-warning; }
        & > .article-list--read-mark { color: $text-success; }
        & > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .article-list--cursor-blurred { background: $block-cursor-blurred-background; color: $foreground; }
    }
    """

    # `cursor` (LineList's): position of the highlighted row in `shown`.
    read_ids: reactive[frozenset[str]] = reactive(frozenset())
    """The read marks: file keys (`Entry.key`: each copy of an article on its own), and the
    article ids that marks were before there were file keys (those cover every copy)."""
    bookmarked_ids: reactive[frozenset[str]] = reactive(frozenset())
    """Article ids: a bookmark is of the content, so it marks every copy."""

    @dataclass
    class Highlighted(Message):
        """The cursor has moved to another entry (or the list became empty: None)."""

        entry: Entry | None

    @dataclass
    class Chosen(Message):
        """An entry was chosen: Enter or a click."""

        entry: Entry

    def __init__(self, entries: Sequence[Entry] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: Sequence[Entry] = entries
        self.shown: list[int] | None = None
        """Indices of the entries that pass the filter; None when none is set."""
        self._keep: Callable[[Entry], bool] | None = None
        self._filtered = 0
        """How many of the entries the filter has been applied to."""
        self._highlighted_key: str | None = None
        self._copies: dict[str, int] = {}
        """How many files hold each article id (identical files share one), for the rows to tell them apart."""
        self._counted = 0
        self.sort = 0
        """Which of `SORTS` orders the list."""
        self.on_position: Callable[[str], object] | None = None
        """Told "12 of 2,225" (and the order) whenever the cursor or the count changes."""

    # -- data -----------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.entries) if self.shown is None else len(self.shown)

    @property
    def current(self) -> Entry | None:
        if not self.count:
            return None
        index = self.cursor if self.shown is None else self.shown[self.cursor]
        return self.entries[index]

    def entries_changed(self) -> None:
        """The entries grew (loading goes on): filter the new ones, resize, keep the cursor where it is."""
        copies = self._copies
        for entry in self.entries[self._counted :]:
            copies[entry.id] = copies.get(entry.id, 0) + 1
        self._counted = len(self.entries)
        if SORTS[self.sort][1] is not None:
            self._filtered = len(self.entries)
            self.set_filter(self._arranged())  # sorted again, the new ones in their places
            return
        if self._keep is not None and self.shown is not None:
            keep, entries = self._keep, self.entries
            self.shown.extend(i for i in range(self._filtered, len(entries)) if keep(entries[i]))
        self._filtered = len(self.entries)
        self._update_size()
        if self._highlighted_key is None:
            self._announce()

    def entries_replaced(self) -> None:
        """The entries were replaced, not grown (loading started again): arrange them afresh."""
        self.shown = None  # positions into the entries that were
        self._filtered = len(self.entries)
        self.set_filter(self._arranged())

    def filter_by(self, keep: Callable[[Entry], bool] | None) -> None:
        """Show only the entries `keep` lets through (None: all), those still loading too."""
        self._keep = keep
        self._filtered = len(self.entries)
        self.set_filter(self._arranged())

    def cycle_sort(self) -> str:
        """The next order of `SORTS`; returns its name."""
        self.sort = (self.sort + 1) % len(SORTS)
        self.set_filter(self._arranged())
        return SORTS[self.sort][0]

    def _arranged(self) -> list[int] | None:
        """The positions to show: those the filter keeps, in the order chosen (None: all, as loaded)."""
        keep, key, entries = self._keep, SORTS[self.sort][1], self.entries
        if keep is None and key is None:
            return None
        shown = list(range(len(entries))) if keep is None else [i for i, e in enumerate(entries) if keep(e)]
        if key is not None:
            shown.sort(key=lambda i: key(entries[i]))  # type: ignore[arg-type, return-value]
        return shown

    def next_unread(self) -> bool:
        """Move to the next article not read yet (after the cursor, wrapping); False if there is none."""
        indices = range(len(self.entries)) if self.shown is None else self.shown
        count = len(indices)
        for step in range(1, count + 1):
            position = (self.cursor + step) % count
            if not self.is_read(self.entries[indices[position]]):
                self.cursor = position
                return True
        return False

    def tell_position(self) -> None:
        if self.on_position is not None:
            where = f"{self.cursor + 1:,} of {self.count:,}" if self.count else "none"
            order = SORTS[self.sort][0]
            self.on_position(where if order == "as loaded" else f"{where} · by {order}")

    def set_filter(self, shown: list[int] | None) -> None:
        """Show only the entries at `shown` (None: all), keeping the current one if it stays."""
        keep = self.current
        self.shown = shown
        position = 0
        if keep is not None:
            position = self.position_of(keep.key) or 0
        self.set_reactive(ArticleList.cursor, min(position, max(self.count - 1, 0)))
        self._update_size()  # after the cursor: its row may open up
        self._scroll_to_cursor()
        self.refresh()
        self._announce()
        self.tell_position()  # set_reactive calls no watcher: "n of N" is the new row's

    def reorder(self, key: Callable[[Entry], str], *, reverse: bool = False, top: bool = False) -> None:
        """Sort the entries in place (they are the corpus' own list), keeping the filter, and the
        cursor on the entry it was on (or, with `top`, on the first row)."""
        current = self.current
        entries = cast(list[Entry], self.entries)
        entries.sort(key=key, reverse=reverse)
        if self._keep is not None:
            keep = self._keep
            self.shown = [i for i, entry in enumerate(entries) if keep(entry)]
        self._filtered = len(entries)
        position = 0 if top or current is None else (self.position_of(current.key) or 0)
        self.set_reactive(ArticleList.cursor, min(position, max(self.count - 1, 0)))
        self._update_size()  # after the cursor: its row may open up
        self._scroll_to_cursor()  # never animated: a sort is a new list, not a move
        self.refresh()
        self._announce()
        self.tell_position()

    def position_of(self, key: str) -> int | None:
        """The row of the file `key` (`Entry.key`) names; an article id (a place saved before
        file keys) names its first copy."""
        indices = range(len(self.entries)) if self.shown is None else self.shown
        entries = self.entries
        # A bare id names the first copy; a file key, its file: has_key tells both.
        return next((position for position, index in enumerate(indices) if entries[index].has_key(key)), None)

    def select(self, key: str) -> bool:
        """Move to the row of `key` (see `position_of`); False if it is not shown."""
        position = self.position_of(key)
        if position is None:
            return False
        self.cursor = position
        return True

    def is_read(self, entry: Entry) -> bool:
        return entry.key in self.read_ids or entry.id in self.read_ids

    def copies(self, entry: Entry) -> int:
        """How many files of the corpus hold this article (identical files)."""
        return self._copies.get(entry.id, 1)

    # -- reactives ------------------------------------------------------------

    def cursor_moved(self) -> None:
        self._announce()
        self.tell_position()

    def watch_read_ids(self) -> None:
        self.refresh()

    def watch_bookmarked_ids(self) -> None:
        self.refresh()

    def _announce(self) -> None:
        entry = self.current
        key = entry.key if entry else None
        if key != self._highlighted_key:
            self._highlighted_key = key
            self.post_message(self.Highlighted(entry))

    # -- actions --------------------------------------------------------------

    def action_choose(self) -> None:
        if (entry := self.current) is not None:
            self.post_message(self.Chosen(entry))

    # -- rendering ------------------------------------------------------------

    def _update_size(self) -> None:
        super()._update_size()
        self.tell_position()

    def entry_at(self, position: int) -> Entry:
        return self.entries[position if self.shown is None else self.shown[position]]

    @property
    def by_date(self) -> bool:
        return SORTS[self.sort][0] == "date"
