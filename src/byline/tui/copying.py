"""Copying from the app: the core's `clipboard.copy` with the terminal as the fallback.

Textual 8.2.8's `App.copy_to_clipboard` writes a bare OSC 52, which tmux
swallows unless `set-clipboard on`; inside tmux we also write the sequence
wrapped in tmux's passthrough, which reaches the outer terminal when
`allow-passthrough on`. Either way `App.clipboard` holds what was copied.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from byline.clipboard import CopyResult, copy, in_tmux, osc52_sequence, tmux_passthrough


def send_through_terminal(app: App[Any], text: str) -> None:
    """OSC 52 through the app's terminal (wrapped again for tmux when inside it)."""
    App.copy_to_clipboard(app, text)  # Textual's own: sets App.clipboard, writes OSC 52
    driver = app._driver
    if driver is not None and in_tmux():
        driver.write(tmux_passthrough(osc52_sequence(text)))


def copy_from_app(app: App[Any], text: str) -> CopyResult:
    """Copy by the best way there is; never raises."""
    terminal = (lambda t: send_through_terminal(app, t)) if app._driver is not None else None
    result = copy(text, osc52=terminal)
    if result.method == "system":
        # `App.clipboard` is read-only and only Textual's OSC 52 path sets it;
        # keep it true to "the last text copied" when the system clipboard did the work.
        app._clipboard = text
    return result
