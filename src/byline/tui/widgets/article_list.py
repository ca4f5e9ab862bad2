"""The article list: one two-line row per entry, drawn through the Line API.

Only the rows on screen are rendered, so 100,000 entries cost no more to
paint than 20. The list holds indices into the corpus' entries (`shown`),
never copies of them, so filtering is a list of ints.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from byline.model import Entry
from byline.search.copies import file_name
from byline.tui.widgets.line_list import LineList

ROW_HEIGHT = 2
AUTHOR_ROOM = 10
"""Cells an author keeps on a row's second line before a date is left out for it."""
BOOKMARK_MARK = "★"
READ_MARK = "✓"


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def newest_first(entry: Entry) -> tuple[bool, str]:
    """A sort key: the newest date first, the undated last (as loaded among themselves)."""
    # Normalised dates (YYYY-MM-DD[ HH:MM]) sort as text; each character's complement turns it round.
    return not entry.date, "".join(chr(0x10FFFF - ord(ch)) for ch in entry.date)


SORTS: list[tuple[str, Callable[[Entry], object] | None]] = [
    ("as loaded", None),
    ("date", newest_first),
    ("title", lambda entry: entry.title.casefold()),
    ("quotes", lambda entry: -len(entry.quotes)),
]
"""The list's orders, in the order `o` cycles through them (newest, most quotes first)."""


def day_of(date: str) -> str:
    """What a row shows of a date: its day (`2024-03-04`), or a date not in that form as it is."""
    return date[:10] if len(date) >= 10 and date[4] == "-" and date[:4].isdigit() else date


COUNT_WIDTH = len("no quotes")


def quote_count(n: int) -> str:
    return "no quotes" if n == 0 else "1 quote" if n == 1 else f"{n:,} quotes"


class ArticleList(LineList):
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
        self._update_size()
        self.set_reactive(ArticleList.cursor, min(position, max(self.count - 1, 0)))
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
        self._update_size()
        self.set_reactive(ArticleList.cursor, min(position, max(self.count - 1, 0)))
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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        position, half = divmod(line, ROW_HEIGHT)
        base = self.rich_style
        if position >= self.count:
            return Strip.blank(width, base)
        index = position if self.shown is None else self.shown[position]
        entry = self.entries[index]
        style = self.get_component_rich_style
        is_cursor = position == self.cursor
        if is_cursor:
            row = style("article-list--cursor" if self.has_focus else "article-list--cursor-blurred")
            # All in the row's colours, the title bold: dimmed, the rest fell to 3.96:1 on the cursor.
            title_style = meta_style = mark_style = read_style = row
        else:
            row = base
            title_style = style("article-list--title")
            meta_style = style("article-list--meta")
            mark_style = style("article-list--bookmark")
            read_style = style("article-list--read-mark")
        is_read = self.is_read(entry)
        if is_read:
            title_style = title_style + Style(bold=False)
        elif is_cursor:
            title_style = title_style + Style(bold=True)
        title_lines = self._title_lines(entry.title, width - 5) if is_cursor else None
        if title_lines is not None:
            # The highlighted row's title, too long for one line, takes both: the whole of it to
            # read, its second line under its first.
            marks = (
                [Segment("   ", row)]
                if half
                else [
                    Segment(BOOKMARK_MARK if entry.id in self.bookmarked_ids else " ", mark_style),
                    Segment(READ_MARK if is_read else " ", read_style),
                    Segment(" ", row),
                ]
            )
            segments = [
                Segment(" ", row),
                *marks,
                Segment(fit(title_lines[half], width - 5), title_style),
                Segment(" ", row),
            ]
        elif half == 0:
            segments = [
                Segment(" ", row),
                Segment(BOOKMARK_MARK if entry.id in self.bookmarked_ids else " ", mark_style),
                Segment(READ_MARK if is_read else " ", read_style),
                Segment(" ", row),
                Segment(fit(entry.title, width - 5), title_style),
                Segment(" ", row),
            ]
        else:
            count = quote_count(len(entry.quotes))
            # Without an author, where it was published (a feed's or a site's name), if known.
            source = entry.author or entry.source
            if self.copies(entry) > 1:  # identical files: which file this row is
                source = " · ".join(part for part in (source, file_name(entry.path)) if part)
            day = day_of(entry.date)
            room = width - 5 - cell_len(count) - 1
            # The date where there is room beside the author (first when the list is sorted by date).
            if day and (room - cell_len(day) - 2 >= AUTHOR_ROOM or not source or SORTS[self.sort][0] == "date"):
                # The count right-aligned in the width of "no quotes", so that dates stand in one column.
                count = f"{fit(day, room - 2) if cell_len(day) > room - 2 else day}  {count:>{COUNT_WIDTH}}"
                room = width - 5 - cell_len(count) - 1
            author = fit(source, room) if room > 3 else ""
            gap = width - 4 - cell_len(author) - cell_len(count) - 1
            segments = [
                Segment("    ", row),
                Segment(author, meta_style),
                Segment(" " * max(gap, 0), row),
                Segment(count, meta_style),
                Segment(" ", row),
            ]
        return Strip(segments).adjust_cell_length(width, row).apply_meta({"row": position})

    @staticmethod
    def _title_lines(title: str, width: int) -> tuple[str, str] | None:
        """A title too long for one line of `width`, as two (the second cut with … if need be); None if it fits."""
        if width <= 3 or cell_len(title) <= width:
            return None
        first = textwrap.wrap(title, width)[0]
        return first, title[len(first) :].strip()
