"""The article list: one two-line row per entry, drawn through the Line API.

Only the rows on screen are rendered, so 100,000 entries cost no more to
paint than 20. The list holds indices into the corpus' entries (`shown`),
never copies of them, so filtering is a list of ints.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import cast

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from byline.load.clean import printable
from byline.model import Entry
from byline.tui.widgets.line_list import LineList

ROW_HEIGHT = 2
BOOKMARK_MARK = "★"
READ_MARK = "✓"


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def folder_of(path: str) -> str:
    return printable(PurePath(path.partition("#")[0]).parent.name)


SORTS: list[tuple[str, Callable[[Entry], object] | None]] = [
    ("as loaded", None),
    ("title", lambda entry: entry.title.casefold()),
    ("quotes", lambda entry: -len(entry.quotes)),
]
"""The list's orders, in the order `o` cycles through them (most quotes first)."""


def quote_count(n: int) -> str:
    return "no quotes" if n == 0 else "1 quote" if n == 1 else f"{n} quotes"


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
        & > .article-list--bookmark { color: $warning; }
        & > .article-list--read-mark { color: $success; }
        & > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .article-list--cursor-blurred { background: $block-cursor-blurred-background; color: $foreground; }
    }
    """

    # `cursor` (LineList's): position of the highlighted row in `shown`.
    read_ids: reactive[frozenset[str]] = reactive(frozenset())
    bookmarked_ids: reactive[frozenset[str]] = reactive(frozenset())

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
        self._highlighted_id: str | None = None
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
        if SORTS[self.sort][1] is not None:
            self._filtered = len(self.entries)
            self.set_filter(self._arranged())  # sorted again, the new ones in their places
            return
        if self._keep is not None and self.shown is not None:
            keep, entries = self._keep, self.entries
            self.shown.extend(i for i in range(self._filtered, len(entries)) if keep(entries[i]))
        self._filtered = len(self.entries)
        self._update_size()
        if self._highlighted_id is None:
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
            if self.entries[indices[position]].id not in self.read_ids:
                self.cursor = position
                return True
        return False

    def _tell_position(self) -> None:
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
            position = self.position_of(keep.id) or 0
        self._update_size()
        self.set_reactive(ArticleList.cursor, min(position, max(self.count - 1, 0)))
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

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
        position = 0 if top or current is None else (self.position_of(current.id) or 0)
        self._update_size()
        self.set_reactive(ArticleList.cursor, min(position, max(self.count - 1, 0)))
        self._scroll_to_cursor()  # never animated: a sort is a new list, not a move
        self.refresh()
        self._announce()

    def position_of(self, entry_id: str) -> int | None:
        indices = range(len(self.entries)) if self.shown is None else self.shown
        for position, index in enumerate(indices):
            if self.entries[index].id == entry_id:
                return position
        return None

    def select_id(self, entry_id: str) -> bool:
        position = self.position_of(entry_id)
        if position is None:
            return False
        self.cursor = position
        return True

    # -- reactives ------------------------------------------------------------

    def cursor_moved(self) -> None:
        self._announce()
        self._tell_position()

    def watch_read_ids(self) -> None:
        self.refresh()

    def watch_bookmarked_ids(self) -> None:
        self.refresh()

    def _announce(self) -> None:
        entry = self.current
        entry_id = entry.id if entry else None
        if entry_id != self._highlighted_id:
            self._highlighted_id = entry_id
            self.post_message(self.Highlighted(entry))

    # -- actions --------------------------------------------------------------

    def action_choose(self) -> None:
        if (entry := self.current) is not None:
            self.post_message(self.Chosen(entry))

    # -- rendering ------------------------------------------------------------

    def _update_size(self) -> None:
        super()._update_size()
        self._tell_position()

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
            title_style = meta_style = mark_style = read_style = row
            meta_style = row + Style(dim=True)
        else:
            row = base
            title_style = style("article-list--title")
            meta_style = style("article-list--meta")
            mark_style = style("article-list--bookmark")
            read_style = style("article-list--read-mark")
        is_read = entry.id in self.read_ids
        if is_read:
            title_style = title_style + Style(bold=False)
        elif is_cursor:
            title_style = title_style + Style(bold=True)
        title_lines = self._title_lines(entry.title, width - 5) if is_cursor else None
        if title_lines is not None:
            # The highlighted row's title, too long for one line, takes both: the whole of it to read.
            segments = [
                Segment(" ", row),
                *(
                    []
                    if half
                    else [
                        Segment(BOOKMARK_MARK if entry.id in self.bookmarked_ids else " ", mark_style),
                        Segment(READ_MARK if is_read else " ", read_style),
                        Segment(" ", row),
                    ]
                ),
                Segment(fit(title_lines[half], width - 2 if half else width - 5), title_style),
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
            room = width - 5 - cell_len(count) - 1
            # Without an author, the folder it came from (a BBC topic, a feed's name) says most.
            source = entry.author or folder_of(entry.path)
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
