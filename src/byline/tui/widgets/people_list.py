"""The left pane's other two views: every speaker of the corpus, or every entity, with a filter
that forgives typos (the core's `NameMatcher`) and a sort by count or by name.

The pane owns its rows and its matcher; the screen hands it a new table when one is built
(`show`), and hears `PeoplePane.Chosen` when a row is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import Input

from byline.people import EntityRow, Speaker
from byline.people.match import NameMatcher
from byline.tui.widgets.article_list import fit
from byline.tui.widgets.line_list import LineList
from byline.tui.widgets.name_filter import NameFilter

Kind = Literal["speakers", "entities"]
PeopleRow = Speaker | EntityRow | str
"""A speaker, an entity, or a heading (str) between groups."""
TYPE_MARKS = {"PERSON": "P", "ORG": "O", "PLACE": "L"}
DESCRIBED_HEADING = "Known by description"


class Note(str):
    """A row that says something ("No speaker matches …"), not a heading: shown as written."""


def counts_of(row: Speaker | EntityRow, tail: int = 0) -> str:
    """The figures a row shows: quotes · articles for a speaker (low-confidence ones marked),
    articles · quotes for an entity (… while the quotes are counted); the second figure is
    right-aligned in `tail` cells, so that the dots stand in one column."""
    if isinstance(row, Speaker):
        low = f" ({row.low_confidence}?)" if row.low_confidence else ""
        return f"{row.quotes}{low} · {row.articles:>{tail}}"
    quotes = "…" if row.quotes is None else str(row.quotes)
    return f"{row.articles} · {quotes:>{tail}}"


def tail_width(rows: Sequence[PeopleRow]) -> int:
    """Cells the widest second figure of `rows` takes (see `counts_of`)."""
    widest = max(
        ((row.articles if isinstance(row, Speaker) else row.quotes or 0) for row in rows if not isinstance(row, str)),
        default=0,
    )
    return len(str(widest))


class PeopleList(LineList):
    """One line a row: the name, then its counts; headings set the described speakers apart."""

    BINDINGS = [
        *LineList.BINDINGS,
        Binding("enter", "choose", "List the quotes (of the speaker / naming the entity)", show=False),
        Binding("o", "sort", "Sort by count or by name", show=False),
        Binding("a", "about", "Entities: what the chosen speaker said about this one", show=False),
    ]

    rows: reactive[Sequence[PeopleRow]] = reactive((), always_update=True, init=False)
    _tail = 0
    """The second figure's column width over all rows (set with them)."""

    @dataclass
    class Chosen(Message):
        row: Speaker | EntityRow
        about: bool = False
        """`a`: narrow to what the chosen speaker said about this entity."""

    @dataclass
    class Sort(Message):
        pass

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def current(self) -> Speaker | EntityRow | None:
        if not self.rows:
            return None
        row = self.rows[self.cursor]
        return None if isinstance(row, str) else row

    def watch_rows(self) -> None:
        self._tail = tail_width(self.rows)
        self.rows_changed(next((n for n, row in enumerate(self.rows) if not isinstance(row, str)), 0))

    def action_choose(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.Chosen(row))

    def action_about(self) -> None:
        if isinstance(row := self.current, EntityRow):
            self.post_message(self.Chosen(row, about=True))

    def action_sort(self) -> None:
        self.post_message(self.Sort())

    def render_row(self, position: int, line: int, width: int, is_cursor: bool) -> Strip:
        row = self.rows[position]
        base = self.rich_style
        if isinstance(row, Note):  # what was typed, as typed: not a heading's capitals
            return Strip([Segment(" " + fit(row, width - 1), self.get_component_rich_style("line-list--meta"))])
        if isinstance(row, str):
            return Strip(
                [Segment(" " + fit(row.upper(), width - 1), self.get_component_rich_style("line-list--heading"))]
            )
        style = self.cursor_style() if is_cursor else base
        meta = style if is_cursor else self.get_component_rich_style("line-list--meta")  # not dim: 3.96:1
        figures = counts_of(row, self._tail)
        mark = TYPE_MARKS.get(row.type, "?") + " " if isinstance(row, EntityRow) else ""
        room = width - 3 - cell_len(figures) - len(mark)
        name = fit(row.name, room) if room > 3 else ""
        return Strip(
            [
                Segment(" ", style),
                Segment(mark, meta),
                Segment(name, style + Style(bold=True) if is_cursor else style),
                Segment(" " * max(width - 2 - len(mark) - cell_len(name) - cell_len(figures), 1), style),
                Segment(figures, meta),
                Segment(" ", style),
            ]
        )


class PeoplePane(Vertical):
    """The filter box over the list, for speakers or for entities."""

    BINDINGS = [Binding("escape", "to_list", "Between the filter and the list", show=False)]

    by_name: reactive[bool] = reactive(False, init=False)
    """Sorted by name (else by count, most first); a typed filter lists best matches first."""

    def __init__(self, kind: Kind, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind
        self.matcher: NameMatcher[Speaker] | NameMatcher[EntityRow] | None = None
        self.filter_input = NameFilter(placeholder="Filter names, typos ok", id=f"{kind}-filter")
        self.list = PeopleList(id=f"{kind}-list")

    def compose(self) -> ComposeResult:
        yield self.filter_input
        yield self.list

    def on_mount(self) -> None:
        self.border_title = "Speakers" if self.kind == "speakers" else "Entities"
        self.border_subtitle = "quotes · articles" if self.kind == "speakers" else "articles · quotes"
        self.list.rows = ["Gathering names…"]

    def show(self, matcher: NameMatcher[Speaker] | NameMatcher[EntityRow]) -> None:
        """A new table (the corpus grew, or its counts came in): the same filter over it."""
        self.matcher = matcher
        self.refilter(keep=True)

    def refilter(self, keep: bool = False) -> None:
        """The rows the filter lets through; with `keep`, the cursor stays on the row it was on."""
        if self.matcher is None:
            return
        # Kept only where the reader put it: a cursor still on the top row stays on the top row.
        current, top = self.list.current, next((n for n, r in enumerate(self.list.rows) if not isinstance(r, str)), 0)
        kept = current.key if keep and current is not None and self.list.cursor != top else None
        query = self.filter_input.value
        found: list[Speaker | EntityRow] = list(self.matcher.filter(query))
        if self.by_name and not query.strip():
            found.sort(key=lambda row: row.key)
        rows: list[PeopleRow] = [*found]
        if self.kind == "speakers":
            named = [row for row in found if isinstance(row, Speaker) and not row.described]
            described = [row for row in found if isinstance(row, Speaker) and row.described]
            rows = [*named, f"{DESCRIBED_HEADING} · {len(described)}", *described] if described else [*named]
        self.list.rows = rows or [self._nothing(query)]
        if kept is not None:
            at = next((n for n, row in enumerate(rows) if not isinstance(row, str) and row.key == kept), None)
            if at is not None:
                self.list.cursor = at

    def _nothing(self, query: str) -> Note:
        """What an empty list says: nothing matched what was typed, or there is nothing at all."""
        noun = "speaker" if self.kind == "speakers" else "name"
        if query.strip():
            return Note(f"No {noun} matches “{query.strip()}”")
        return Note("No speakers in these articles" if self.kind == "speakers" else "No names in these articles")

    def watch_by_name(self) -> None:
        self.refilter()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter chooses the best match."""
        event.stop()
        self.list.focus()
        self.list.call_later(self.list.action_choose)  # made by the list: a message never bubbles back to its sender

    def on_people_list_sort(self, event: PeopleList.Sort) -> None:
        event.stop()
        self.by_name = not self.by_name
        self.notify(f"Sorted by {'name' if self.by_name else 'count'}", timeout=2)

    def on_key(self, event) -> None:  # noqa: ANN001 - a textual Key event
        if event.key == "down" and self.filter_input.has_focus:
            event.stop()
            self.list.focus()

    def action_to_list(self) -> None:
        if self.filter_input.has_focus:
            self.list.focus()
        else:
            self.filter_input.focus()
