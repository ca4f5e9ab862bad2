"""The app's notices, shown inert: notices name files and quote articles, and either may hold
escape codes or markup-like brackets."""

from __future__ import annotations

from typing import Any

from textual.app import App

from byline.load.clean import printable
from byline.tui.host import Notice


class TellingApp(App[None]):
    def notify(self, message: str, *, title: str = "", markup: bool = True, **options: Any) -> None:
        # Notices name files, and a file's name may hold escape codes that Content would
        # pass to the terminal: every notice goes through here to show them inert.
        super().notify(printable(message), title=printable(title), markup=markup, **options)

    def tell(self, notice: Notice, *, title: str = "", timeout: float = 6) -> None:
        # markup=False: notices quote article titles and text.
        self.notify(notice.message, title=title, severity=notice.severity, markup=False, timeout=timeout)
