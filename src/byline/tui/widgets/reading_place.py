"""The reading place as text, not as rows: which character of a paragraph begins the top line.

A resize re-wraps every paragraph. A place kept as a row, or as a fraction of a paragraph's
rows, lands on other text at another width (the rows of a paragraph do not hold equal shares
of its text), and a place read back from where that landed drifts further at each resize.
A character offset names the same text at every width: the top line is the one that holds it.
`KeptPlace` is the reader's part that keeps it so.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.containers import VerticalScroll
    from textual.widgets import Static

    from byline.model import Article

    class _Reader(VerticalScroll):
        """What the mixin uses of `Reader`."""

        article: Article | None

        def paragraphs(self) -> Sequence[Static]: ...
        def _update_progress(self) -> None: ...
else:
    _Reader = object


def line_starts(text: str, width: int) -> list[int]:
    """Where each line of `text` begins, wrapped at `width` cells as a Static wraps it."""
    starts: list[int] = []
    at = 0
    for line in Content(text).wrap(max(width, 1)):
        plain = line.plain
        found = text.find(plain, at) if plain else -1
        if found >= 0:
            at = found
        starts.append(at)
        at += len(plain)
    return starts or [0]


def offset_of_line(text: str, width: int, line: int) -> int:
    """The offset in `text` of the first character of row `line` (clamped) at `width`."""
    starts = line_starts(text, width)
    return starts[min(max(line, 0), len(starts) - 1)]


def line_of_offset(text: str, width: int, offset: int) -> int:
    """The row that holds character `offset` of `text` wrapped at `width`."""
    return max(0, bisect_right(line_starts(text, width), offset) - 1)


class KeptPlace(_Reader):
    """The reader's place in the article across a resize (a mixin of `Reader`): kept as it scrolls,
    as the paragraph at the top and the character that begins its top line, and gone back to
    once a new width has re-wrapped the text."""

    _place: tuple[int, float] | None = None
    """The paragraph at the top of the view and the offset of the character that begins the
    top line (-1 and a fraction of its height: the head), kept across a resize."""
    _place_width = 0
    _returning = False

    def on_resize(self) -> None:
        # A new width re-wraps every paragraph, so the same scroll_y would land elsewhere in
        # the article: go back to the paragraph that was at the top once the text is laid out.
        if self.size.width != self._place_width:
            self._place_width = self.size.width
            if self._place is not None and not self._returning:
                self._returning = True  # until then, scrolling (clamped to the new height) is not a new place
                self.call_after_refresh(self._return_to_place)
        self._update_progress()

    def _remember_place(self) -> None:
        if self.article is None or self.size.width != self._place_width or self._returning:
            return  # nothing shown, or a resize is moving the text under us: the old place stands
        y = int(self.scroll_y)
        for index, (paragraph, text) in enumerate(zip(self.paragraphs(), self.article.paragraphs)):
            region = paragraph.virtual_region
            if index == 0 and y < region.y:  # in the title and byline above the text: a place of its own
                self._place = (-1, y / max(region.y, 1))
                return
            if region.bottom > y:  # the text at the top, as a character: rows change with the width
                self._place = (index, offset_of_line(text, paragraph.size.width, y - region.y))
                return

    def _return_to_place(self, last_y: int | None = None, looks: int = 4) -> None:
        """Scroll back to the place, and again after each refresh while the layout still moves it."""
        self._returning = False
        if self._place is None or self.article is None:
            return
        index, into = self._place
        paragraphs = self.paragraphs()
        if index < len(paragraphs) and paragraphs:
            paragraph = paragraphs[max(index, 0)]
            region = paragraph.virtual_region
            if index < 0:
                y = round(into * region.y)
            else:
                y = region.y + line_of_offset(self.article.paragraphs[index], paragraph.size.width, int(into))
            if y == last_y:
                return  # the layout has stopped moving (and a key pressed since stands)
            place = self._place
            self.scroll_to(y=y, animate=False, immediate=True)
            self._place = place  # clamped at the end of the text, it is still the place to come back to
            if looks > 1:
                self._returning = True
                self.call_after_refresh(self._return_to_place, y, looks - 1)
