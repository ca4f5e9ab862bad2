"""The find box: one line at the foot of the screen for Ctrl+F in the reader."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input


class FindScreen(ModalScreen[str | None]):
    """Dismisses with the text to find, or None on Escape."""

    CSS_PATH = "find.tcss"
    BINDINGS = [Binding("escape", "close", "Close find")]

    def __init__(self, needle: str = "") -> None:
        super().__init__()
        self.needle = needle

    def compose(self) -> ComposeResult:
        yield Input(self.needle, placeholder="Find in this article (Enter; then n / N)", id="find-input")

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value if event.value.strip() else None)

    def action_close(self) -> None:
        self.dismiss(None)
