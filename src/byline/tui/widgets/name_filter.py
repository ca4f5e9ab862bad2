"""The people views' filter box: it takes what is typed, except, while it is empty, the keys
that cannot begin a name and that the footer offers (the view keys 1 2 3, ? / [ ]).

A new user pressed 2, looked at the speakers, and pressed 1 to go back: the 1 went into the
filter ("No speaker matches “1”"). Letters are always typed (q begins Qatar, o begins Obama);
Escape or ↓ reach the list, where every key of the view works, and Ctrl+Q quits from anywhere.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

PASSED_WHEN_EMPTY = frozenset({"1", "2", "3", "question_mark", "slash", "left_square_bracket", "right_square_bracket"})
"""Keys an empty filter leaves to their bindings: no name begins with them (digits but the view
keys are typed, for "10 Downing Street" and "7-Eleven")."""

TYPED_CHARACTERS = {"slash": "/"}
"""Textual's `key_to_character` knows no "slash": without this its binding (/ Search) showed in
the filter's footer while / was typed."""


FILTER_KEYS = [
    Binding("1,2,3", "-", "In an empty filter: switch views (letters are always typed)"),
    Binding("ctrl+q", "-", "Quit from the filter (q is typed there)"),
]
"""For the help: what the filter does with keys."""


class NameFilter(Input):
    """The filter box: takes the printable keys, but an empty one lets `PASSED_WHEN_EMPTY` act."""

    BINDINGS = [
        Binding("escape", "to_list", "List", tooltip="Between the filter and the list"),
        # Priority, as the app's own (hidden) Ctrl+Q: the footer shows the binding that wins.
        Binding("ctrl+q", "app.quit", "Quit", tooltip="Quit (q is typed in the filter)", priority=True),
    ]

    def passes(self, key: str) -> bool:
        """Whether `key` goes to its binding rather than into the filter."""
        return not self.value and key in PASSED_WHEN_EMPTY

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # What the footer shows: the keys this box would type are left out of it.
        if self.passes(key):
            return False
        return super().check_consume_key(key, character or TYPED_CHARACTERS.get(key))

    async def _on_key(self, event: events.Key) -> None:
        # Runs before Input's own handler, which types the key unless the default is prevented.
        if self.passes(event.key):
            event.prevent_default()  # not typed: it bubbles up to the bindings

    def watch_value(self) -> None:
        self.refresh_bindings()  # empty or not: the footer's keys change

    def action_to_list(self) -> None:
        self.screen.focus_next()
