"""Copying from the app: the core's `clipboard.copy` with the terminal as the fallback.

Textual 8.2.8's `App.copy_to_clipboard` writes a bare OSC 52, which tmux
swallows unless `set-clipboard on`; inside tmux we also write the sequence
wrapped in tmux's passthrough, which reaches the outer terminal when
`allow-passthrough on`. Either way `App.clipboard` holds what was copied.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from textual.app import App

from byline.clipboard import (
    TMUX_FIX,
    CopyResult,
    copy,
    in_tmux,
    osc52_sequence,
    system_clipboard_unavailable,
    tmux_passthrough,
    tmux_takes_osc52,
)


def send_through_terminal(app: App[Any], text: str) -> None:
    """OSC 52 through the app's terminal (wrapped again for tmux when inside it)."""
    App.copy_to_clipboard(app, text)  # Textual's own: sets App.clipboard, writes OSC 52
    driver = app._driver
    if driver is not None and in_tmux():
        driver.write(tmux_passthrough(osc52_sequence(text)))


def may_block() -> bool:
    """Whether a copy may wait on another program (a clipboard tool, tmux): then it is run off the UI thread."""
    return in_tmux() or system_clipboard_unavailable(os.environ, sys.platform) is None


def copy_from_app(app: App[Any], text: str, terminal: Callable[[str], None] | None = None) -> CopyResult:
    """Copy by the best way there is; never raises. `terminal` writes OSC 52 (from a worker: through the UI thread)."""
    if terminal is None and app._driver is not None:
        terminal = lambda t: send_through_terminal(app, t)  # noqa: E731
    result = copy(text, osc52=terminal if app._driver is not None else None)
    if result.method == "system":
        # `App.clipboard` is read-only and only Textual's OSC 52 path sets it;
        # keep it true to "the last text copied" when the system clipboard did the work.
        app._clipboard = text
    return result


def tmux_may_drop(result: CopyResult) -> bool:
    """Whether the copy went out as OSC 52 into a tmux that takes none from programs: it may arrive nowhere."""
    return result.method == "terminal" and in_tmux() and not tmux_takes_osc52()


def with_tmux_fix(result: CopyResult) -> CopyResult:
    """The notice names the fix (said once a session: it is a setting, not news)."""
    message = f"Sent through the terminal, but tmux may drop it: add `{TMUX_FIX}` to ~/.tmux.conf."
    return CopyResult(result.method, result.ok, message, result.text)
