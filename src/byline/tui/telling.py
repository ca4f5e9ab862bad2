"""The app's notices, shown inert (notices name files and quote articles, and either may hold
escape codes or markup-like brackets), and never over a dialog.

Toasts sit at the foot of whatever screen is on top: over the help, the bookmarks or the search
they hid the dialog's own lines ("2 bookmarks", the last rows). So no toast shows on a modal
screen (byline.tcss hides those already up, to come back when it closes if they are still due),
and a notice told while one is up waits for it to close, then shows for its whole time. A
dialog says what its own keys did in its own lines (the bookmarks view's status line).
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.signal import Signal

from byline.load.clean import printable
from byline.tui.host import Notice


class TellingApp(App[None]):
    _held: list[tuple[str, str, bool, dict[str, Any]]] | None = None
    """Notices told while a modal screen was up (None until the first)."""

    def notify(self, message: str, *, title: str = "", markup: bool = True, **options: Any) -> None:
        # Notices name files, and a file's name may hold escape codes that Content would
        # pass to the terminal: every notice goes through here to show them inert.
        message, title = printable(message), printable(title)
        if self._under_a_dialog():
            if self._held is None:
                self._held = []
                signal: Signal[Screen[Any]] = self.screen_change_signal
                signal.subscribe(self, self._show_held)
            self._held.append((message, title, markup, options))
            return
        super().notify(message, title=title, markup=markup, **options)

    def tell(self, notice: Notice, *, title: str = "", timeout: float = 6) -> None:
        # markup=False: notices quote article titles and text.
        self.notify(notice.message, title=title, severity=notice.severity, markup=False, timeout=timeout)

    def _under_a_dialog(self) -> bool:
        return bool(self.screen_stack) and self.screen.is_modal

    def _show_held(self, screen: Screen[Any]) -> None:
        if not self._held or screen.is_modal:
            return
        held, self._held = self._held, []
        for message, title, markup, options in held:
            super().notify(message, title=title, markup=markup, **options)
