"""How the article list draws its rows: two lines each, the title, then the author (or the
source), the date and the quote count; the row under the cursor opens up to three when its
title is too long for one line, so that it shows the whole title and still its author and count.

`ArticleRows` is the drawing half of `ArticleList` (which holds the entries, the filter and the
order), kept apart to keep that module short.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from byline.model import Entry
from byline.search.copies import file_name
from byline.tui.widgets.line_list import LineList

ROW_HEIGHT = 2
AUTHOR_ROOM = 10
"""Cells an author keeps on a row's second line before a date is left out for it."""
BOOKMARK_MARK = "★"
READ_MARK = "✓"
MARGIN = 5
"""Cells of a row that are not its title: a space, the bookmark and read marks, a space each side."""


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def day_of(date: str) -> str:
    """What a row shows of a date: its day (`2024-03-04`), or a date not in that form as it is."""
    return date[:10] if len(date) >= 10 and date[4] == "-" and date[:4].isdigit() else date


COUNT_WIDTH = len("no quotes")


def quotes_label(n: int) -> str:
    return "no quotes" if n == 0 else "1 quote" if n == 1 else f"{n:,} quotes"


def title_lines(title: str, width: int) -> tuple[str, str] | None:
    """A title too long for one line of `width`, as two (the second cut with … if need be); None if it fits."""
    if width <= 3 or cell_len(title) <= width:
        return None
    first = textwrap.wrap(title, width)[0]
    return first, title[len(first) :].strip()


class ArticleRows(LineList):
    """The rows of the article list (see the module's docstring)."""

    row_height = ROW_HEIGHT
    entries: Sequence[Entry]
    bookmarked_ids: frozenset[str]
    _opened_for: tuple[str, str, int] | None = None
    _opened_lines = 0

    def entry_at(self, position: int) -> Entry:
        raise NotImplementedError

    @property
    def by_date(self) -> bool:
        """Whether the list is sorted by date (the date then shows whatever room it leaves)."""
        raise NotImplementedError

    def is_read(self, entry: Entry) -> bool:
        raise NotImplementedError

    def copies(self, entry: Entry) -> int:
        raise NotImplementedError

    def cursor_extra(self) -> int:
        """A line more for the cursor's row when its title takes two."""
        if not self.count:
            return 0
        entry, width = self.entry_at(self.cursor), self.scrollable_content_region.width - MARGIN
        key = (entry.key, entry.title, width)
        if key != self._opened_for:
            self._opened_for, self._opened_lines = key, int(title_lines(entry.title, width) is not None)
        return self._opened_lines

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position, line = self.row_at(int(self.scroll_y) + y)
        base = self.rich_style
        if position >= self.count:
            return Strip.blank(width, base)
        entry = self.entry_at(position)
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
        # The highlighted row's title, too long for one line, takes two, the second under the first:
        # the whole of it to read, and its author and count still on the line after.
        titles = (title_lines(entry.title, width - MARGIN) if is_cursor else None) or (entry.title,)
        if line >= len(titles):
            segments = self._meta(entry, width, row, meta_style)
        else:
            marks = (
                [
                    Segment(BOOKMARK_MARK if entry.id in self.bookmarked_ids else " ", mark_style),
                    Segment(READ_MARK if is_read else " ", read_style),
                ]
                if line == 0
                else [Segment("  ", row)]
            )
            segments = [
                Segment(" ", row),
                *marks,
                Segment(" ", row),
                Segment(fit(titles[line], width - MARGIN), title_style),
                Segment(" ", row),
            ]
        return Strip(segments).adjust_cell_length(width, row).apply_meta({"row": position})

    def _meta(self, entry: Entry, width: int, row: Style, meta_style: Style) -> list[Segment]:
        """The row's last line: the author (or where it was published), the date, the quote count."""
        count = quotes_label(entry.quote_count)  # a stand-in's own column: no record read for a row
        # Without an author, where it was published (a feed's or a site's name), if known.
        source = entry.author or entry.source
        if self.copies(entry) > 1:  # identical files: which file this row is
            source = " · ".join(part for part in (source, file_name(entry.path)) if part)
        day = day_of(entry.date)
        room = width - MARGIN - cell_len(count) - 1
        # The date where there is room beside the author (first when the list is sorted by date).
        if day and (room - cell_len(day) - 2 >= AUTHOR_ROOM or not source or self.by_date):
            # The count right-aligned in the width of "no quotes", so that dates stand in one column.
            count = f"{fit(day, room - 2) if cell_len(day) > room - 2 else day}  {count:>{COUNT_WIDTH}}"
            room = width - MARGIN - cell_len(count) - 1
        author = fit(source, room) if room > 3 else ""
        gap = width - 4 - cell_len(author) - cell_len(count) - 1
        return [
            Segment("    ", row),
            Segment(author, meta_style),
            Segment(" " * max(gap, 0), row),
            Segment(count, meta_style),
            Segment(" ", row),
        ]
