"""The app's copying: every copy (ours, and Textual's Ctrl+C on a selection) goes to the system
clipboard, else through the terminal (OSC 52), else to a screen to copy by hand.

A mixin of `BylineApp`.
"""

from __future__ import annotations

from functools import partial

from byline.clipboard import CopyResult
from byline.tui.host import Notice
from byline.tui.telling import TellingApp


class QuoteCopying(TellingApp):
    _tmux_hinted: bool

    def copy_to_clipboard(self, text: str) -> None:
        """Every copy (ours, and Textual's Ctrl+C on a selection): system clipboard, else OSC 52, else by hand."""
        from byline.tui.copying import copy_from_app, may_block

        if may_block():  # a clipboard tool that hangs must not freeze the UI
            self.run_worker(partial(self._copy_off_thread, text), thread=True, group="copy", exit_on_error=False)
        else:
            self._copied(copy_from_app(self, text))

    def _copy_off_thread(self, text: str) -> None:
        from byline.tui.copying import copy_from_app, send_through_terminal, tmux_may_drop, with_tmux_fix

        result = copy_from_app(self, text, lambda t: self.call_from_thread(send_through_terminal, self, t))
        title = "Copied"
        if tmux_may_drop(result):
            title = "Sent to the terminal"  # not "Copied": tmux may have dropped it
            if not self._tmux_hinted:
                self._tmux_hinted, result = True, with_tmux_fix(result)
        self.call_from_thread(self._copied, result, title)

    def _copied(self, result: CopyResult, title: str = "Copied") -> None:
        if result.ok:
            self.tell(Notice(result.message), title=title, timeout=8 if "tmux.conf" in result.message else 4)
            return
        from byline.tui.screens.copy_by_hand import CopyByHandScreen

        self.push_screen(CopyByHandScreen(result.text, result.message))
