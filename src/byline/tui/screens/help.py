"""The help screen: every key, generated from the bindings so it cannot go stale."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from byline.tui.keys import LineByLine, vim_keys

KEYS_WIDTH = 15
"""Cells for the keys (two more indent them): descriptions start after, and wrap back there."""


def describe(bindings: Iterable[BindingType], key_display) -> list[tuple[str, str]]:
    """(keys, description) rows; a binding's several keys share a row."""
    rows: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        # The tooltip is the long form of a description kept short for the footer.
        description = binding.tooltip or binding.description
        if not description or binding.system:
            continue
        keys = rows.setdefault(description, [])
        if (shown := key_display(binding)) not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for description, keys in rows.items()]


class HelpKeys(Static):
    """The rows of keys, wrapped again whenever the width changes."""

    def on_resize(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.keys_resized(self)


class HelpBox(LineByLine, VerticalScroll):
    """The help's scrolling box: j/k and g/G too, the keys it lists for every pane."""

    BINDINGS = [*vim_keys("scroll_up", "scroll_down", "scroll_home", "scroll_end")]


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the app and of each pane."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with HelpBox(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Escape closes"
            yield HelpKeys(self._render_keys(), id="help-keys")

    def keys_resized(self, keys: Static) -> None:
        # Wrapped by hand to the room there is, so a long description goes on under itself.
        keys.update(self._render_keys(keys.content_region.width or None))

    def _render_keys(self, width: int | None = None) -> Content:
        room = max(20, width - KEYS_WIDTH - 2) if width else None
        lines: list[Content] = []
        for title, bindings in self.sections:
            rows = describe(bindings, self.app.get_key_display)
            if not rows:
                continue
            if lines:
                lines.append(Content())
            lines.append(Content.styled(title, "bold $text-accent"))
            for keys, description in rows:
                first, *rest = textwrap.wrap(description, room) if room else [description]
                lines.append(Content.styled(f"  {keys:<{KEYS_WIDTH}}", "bold $text-secondary") + Content(first))
                lines += [Content(" " * (KEYS_WIDTH + 2) + line) for line in rest]
        return Content("\n").join(lines)

    def on_click(self, event) -> None:
        if event.widget is self:
            self.dismiss()


def byline_help(anywhere: Iterable[BindingType]) -> HelpScreen:
    """The help screen of Byline: the keys that work `anywhere`, then each pane's."""
    from byline.tui.screens.search import search_keys
    from byline.tui.widgets.article_list import ArticleList
    from byline.tui.widgets.name_filter import FILTER_KEYS
    from byline.tui.widgets.people_list import PeopleList, PeoplePane
    from byline.tui.widgets.quote_list import QuoteList
    from byline.tui.widgets.reader import Reader
    from byline.tui.widgets.sidebar import Sidebar

    return HelpScreen(
        [
            ("Anywhere", [*anywhere, Binding("ctrl+p", "command_palette", "Command palette")]),
            ("Article list", ArticleList.BINDINGS),
            ("Reader", Reader.BINDINGS),
            ("Search box", search_keys()),
            ("Sidebar", Sidebar.BINDINGS),
            ("Speakers and entities (2, 3)", [*PeopleList.BINDINGS[-3:], *PeoplePane.BINDINGS, *FILTER_KEYS]),
            (
                "Quotes across the corpus",
                [
                    *QuoteList.BINDINGS[-3:],
                    Binding("y", "-", "Copy the quote"),
                    Binding("b", "-", "Bookmark the quote"),
                ],
            ),
        ]
    )
