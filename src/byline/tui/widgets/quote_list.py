"""The middle pane's other view: quotes across the corpus (a speaker's, those naming an entity,
or what one said about the other), two lines each: the quote, then its article and its place.

Enter posts `QuoteList.Chosen`; the screen opens the article at the quote. Each move of the
cursor posts `QuoteList.Highlighted`: the sidebar shows the article of the quote under it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip

from byline.people import QuoteRow
from byline.tui.widgets.article_list import fit
from byline.tui.widgets.line_list import LineList

TITLE_LEAST = 12
"""Cells of an article's title kept on a quote's second line before its speaker's name goes."""

QuoteItem = QuoteRow | str
"""A quote, or a heading (str): the speaker the quotes after it are grouped under."""


class QuoteList(LineList):
    """Quotes across the corpus; low-confidence attributions in italics and marked “?”."""

    BINDINGS = [
        *LineList.BINDINGS,
        Binding("enter", "choose", "Open the article at the quote", show=False),
        Binding("escape", "back", "Back to the speakers or entities", show=False),
        Binding("a", "about", "Quotes naming an entity: what the chosen speaker said about it", show=False),
    ]

    row_height = 2

    @dataclass
    class Chosen(Message):
        row: QuoteRow

    @dataclass
    class Highlighted(Message):
        """The cursor moved (or the rows changed): the quote under it, None on a heading or with none."""

        row: QuoteRow | None

    class Back(Message):
        """Escape: back to the list the quotes were chosen from."""

    class About(Message):
        """`a`: narrow the quotes naming an entity to what the chosen speaker said about it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: Sequence[QuoteItem] = ()
        self.totals: dict[int, int] = {}
        """Entry index -> how many quotes the article has ("quote 3 of 7")."""
        self.message = ""
        """What the list says in place of quotes when there are none (its only row)."""

    def show(self, title: str, items: Sequence[QuoteItem], totals: dict[int, int], empty: str = "") -> None:
        """`empty`: the line shown if `items` holds no quote, as the people lists say theirs."""
        self.border_title = title
        self.items, self.totals = items, totals
        quotes = sum(1 for item in items if not isinstance(item, str))
        self.message = "" if quotes else empty
        self.border_subtitle = f"{quotes:,} quote{'s' if quotes != 1 else ''}"
        self.rows_changed(next((n for n, item in enumerate(items) if not isinstance(item, str)), 0))

    @property
    def count(self) -> int:
        return len(self.items) or (1 if self.message else 0)

    @property
    def current(self) -> QuoteRow | None:
        if not self.items:
            return None
        item = self.items[self.cursor]
        return None if isinstance(item, str) else item

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self.current))

    def action_choose(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.Chosen(row))

    def action_back(self) -> None:
        self.post_message(self.Back())

    def action_about(self) -> None:
        self.post_message(self.About())

    def render_row(self, position: int, line: int, width: int, is_cursor: bool) -> Strip:
        if not self.items:
            # A sentence, not a heading: as written, over the row's two lines if it needs them.
            lines = textwrap.wrap(self.message, max(width - 2, 1)) or [""]
            text = lines[line] if line < len(lines) else ""
            if line == self.row_height - 1 and len(lines) > self.row_height:
                text = fit(" ".join(lines[line:]), width - 2)
            return Strip([Segment(" " + text, self.get_component_rich_style("line-list--meta"))])
        item = self.items[position]
        if isinstance(item, str):
            text = "" if line == 0 else " " + fit(item.upper(), width - 1)
            return Strip([Segment(text, self.get_component_rich_style("line-list--heading"))])
        style = self.cursor_style() if is_cursor else self.rich_style
        # On the cursor the row's own colours (dimmed they fell under 4.5:1); an uncertain
        # attribution in italics, not dimmed, beside its "?" and "uncertain".
        meta = style if is_cursor else self.get_component_rich_style("line-list--meta")
        if item.low_confidence:
            style, meta = style + Style(italic=True), meta + Style(italic=True)
        if line == 0:
            mark = "?" if item.low_confidence else " "
            return Strip(
                [Segment(mark, style), Segment(fit(f"“{' '.join(item.quote.text.split())}”", width - 2), style)]
            )
        place = f"quote {item.number + 1} of {self.totals.get(item.entry, item.number + 1)}"
        if item.low_confidence:
            # The speaker's name gives way before the title and "uncertain" (cut, it read "uncerta"
            # beside no title at all, at 80x24): the list's title or heading names the speaker.
            guess = f"{place} · {item.speaker or 'unattributed'}? uncertain"
            place = guess if width - 6 - cell_len(guess) >= TITLE_LEAST else f"{place} · uncertain"
        title = fit(item.title, max(width - 6 - cell_len(place), 0))
        return Strip([Segment("   ", style), Segment(title, meta), Segment(" · ", meta), Segment(place, meta)])
