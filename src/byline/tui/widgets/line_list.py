"""A cursor over rows drawn through the Line API: only the rows on screen are rendered, so
100,000 rows cost no more to paint than 20. The article list and the people views' lists are
built on it.

Every row is `row_height` lines but the cursor's, which may open up by `cursor_extra()` lines
(the article list's, for a long title over two lines above its author and count): rows above
the cursor stand where they would, rows below it that many lines lower.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from byline.tui.keys import vim_keys


class LineList(ScrollView, can_focus=True):
    """Rows of `row_height` lines; subclasses say how many (`count`) and draw them (`render_row`)."""

    BINDINGS = [
        *vim_keys("cursor_up", "cursor_down", "first", "last"),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]

    COMPONENT_CLASSES = {"line-list--cursor", "line-list--cursor-blurred", "line-list--meta", "line-list--heading"}

    DEFAULT_CSS = """
    LineList {
        overflow-x: hidden;
        & > .line-list--meta { color: $text-muted; }
        & > .line-list--heading { color: $text-accent; text-style: bold; }
        & > .line-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .line-list--cursor-blurred { background: $block-cursor-blurred-background; color: $foreground; }
    }
    """

    row_height = 1
    _opened = 0
    """The extra lines of the cursor's row when the size was last worked out."""
    cursor: reactive[int] = reactive(0, always_update=False)

    @property
    def count(self) -> int:
        raise NotImplementedError

    def render_row(self, position: int, line: int, width: int, is_cursor: bool) -> Strip:
        """Line `line` of row `position`, `width` cells wide."""
        raise NotImplementedError

    def cursor_extra(self) -> int:
        """Lines the cursor's row takes beyond `row_height` (none unless a subclass says)."""
        return 0

    def row_top(self, position: int) -> int:
        """The virtual line row `position` starts on."""
        top = position * self.row_height
        return top + self.cursor_extra() if position > self.cursor else top

    def row_at(self, y: int) -> tuple[int, int]:
        """The row at virtual line `y`, and which of its lines `y` is."""
        step, cursor_top = self.row_height, self.cursor * self.row_height
        if y < cursor_top:
            return divmod(y, step)
        extra = self.cursor_extra()
        if y < cursor_top + step + extra:
            return self.cursor, y - cursor_top
        return divmod(y - extra, step)

    def rows_changed(self, cursor: int = 0) -> None:
        """The rows are new: resize, put the cursor at `cursor`, redraw."""
        self.set_reactive(LineList.cursor, self.validate_cursor(cursor))
        self._update_size()
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        self.cursor_moved()

    def cursor_moved(self) -> None:
        """The cursor is on another row (or the rows changed): subclasses tell whom it concerns."""

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if self._opened or self.cursor_extra():
            # A row opened up under the cursor: the rows below move, and so may the list's end.
            self._update_size()
            self.refresh()
        else:
            self._refresh_row(old)
            self._refresh_row(new)
        self._scroll_to_cursor()
        self.cursor_moved()

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.count - 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_choose(self) -> None:
        """Enter or a click on the row under the cursor."""

    def on_click(self, event: events.Click) -> None:
        row, _ = self.row_at(event.y + int(self.scroll_y))
        if 0 <= row < self.count:
            self.focus()
            self.cursor = row
            self.action_choose()

    def on_resize(self) -> None:
        self._update_size()
        self._scroll_to_cursor()  # a height that changed (a filter chip came or went) may leave a half row

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    def _update_size(self) -> None:
        region = self.scrollable_content_region
        self._opened = self.cursor_extra() if self.count else 0
        lines = self.count * self.row_height + self._opened
        # A line or so more when the height is not a whole number of rows, so that even the last page starts on a row.
        last_page, more = lines - region.height, 0
        if last_page > 0 and (place := self.row_at(last_page))[1]:
            more = self.row_top(place[0] + 1) - last_page
        self.virtual_size = Size(region.width, lines + more)

    def _scroll_to_cursor(self) -> None:
        """Bring the cursor's row into view, scrolled by whole rows: a row's first line is always the top line."""
        height = self.scrollable_content_region.height
        if height <= 0:
            # Not laid out yet (filled while hidden): every row is "below" a pane of no height, and
            # scrolling to the cursor would hide what is above it (a quote list's first heading).
            # The resize that shows the list brings the cursor into view.
            return
        top = self.row_top(self.cursor)
        bottom = top + self.row_height + self.cursor_extra()
        y = int(self.scroll_y)
        if top < y:
            y = top
        elif bottom > y + height:
            y = min(top, bottom - height)
        if (place := self.row_at(y))[1]:
            y = self.row_top(place[0] + 1)
        if y != self.scroll_y:
            self.scroll_to(y=y, animate=False, force=True, immediate=True)

    def _refresh_row(self, position: int) -> None:
        y = self.row_top(position) - int(self.scroll_y)
        height = self.row_height + (self.cursor_extra() if position == self.cursor else 0)
        self.refresh(Region(0, y, self.size.width, height))

    def cursor_style(self):  # noqa: ANN201 - a rich Style
        name = "line-list--cursor" if self.has_focus else "line-list--cursor-blurred"
        return self.get_component_rich_style(name)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position, line = self.row_at(int(self.scroll_y) + y)
        if position >= self.count:
            return Strip.blank(width, self.rich_style)
        strip = self.render_row(position, line, width, position == self.cursor)
        return strip.adjust_cell_length(width, self.rich_style).apply_meta({"row": position})
