"""Shown when no clipboard can be reached: the text, selectable, to copy by hand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class CopyByHandScreen(ModalScreen[None]):
    CSS_PATH = "copy_by_hand.tcss"
    AUTO_FOCUS = "#copy-text"
    BINDINGS = [Binding("escape", "close", "Close"), Binding("y", "copy", "Copy")]

    def __init__(self, text: str, reason: str, *, copyable: bool = False) -> None:
        """`copyable`: y copies the text (a link shown for want of a browser); not when the
        screen is there because no clipboard could be reached."""
        super().__init__()
        self.text = text
        self.reason = reason
        self.copyable = copyable

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-dialog"):
            yield Label(Content(self.reason), id="copy-reason")
            # A TextArea shows the text as text (no markup) and lets the terminal's own selection take it.
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="copy-text")
            hint = "y copies it; or select" if self.copyable else "Select"
            yield Label(f"{hint} the text with the mouse (Shift+drag in most terminals), then Escape.", id="copy-hint")

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.copyable if action == "copy" else True

    def action_copy(self) -> None:
        self.dismiss(None)
        self.app.copy_to_clipboard(self.text)
