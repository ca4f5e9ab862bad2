"""Opening the article's link in a web browser (`o`), off the UI thread.

`webbrowser` may start a browser that runs in this very terminal (lynx, w3m): that would
fight the app for the screen, so such a browser is not used. Without a browser the app
shows the link, to copy by hand.
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING

from byline.load.clean import printable
from byline.tui.host import Notice
from byline.tui.threads import deliver

if TYPE_CHECKING:
    from byline.tui.screens.main import MainScreen

TERMINAL_BROWSERS = {"www-browser", "links", "links2", "elinks", "lynx", "w3m", "browsh", "carbonyl"}
WEB_SCHEMES = ("http://", "https://")


def runs_in_terminal() -> bool:
    """Whether the browser `webbrowser` would pick runs in the terminal, in front of the app."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False  # none: `webbrowser.open` says so by returning False
    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    name = getattr(browser, "name", "") or ""
    return name.rsplit("/", 1)[-1] in TERMINAL_BROWSERS


def open_url(url: str) -> bool:
    """Open `url` in a browser that does not take the terminal; False if none was started."""
    if runs_in_terminal():
        return False
    try:
        return bool(webbrowser.open(url))
    except Exception:  # a broken browser setting must not end the app
        return False


def open_in_browser(main: MainScreen) -> None:
    """The reader's article, in the browser; or say why not."""
    from byline.tui.screens.copy_by_hand import CopyByHandScreen

    article = main.reader.article
    if article is None:
        main.host.tell(Notice("No article is open.", "warning"), timeout=4)
        return
    url = printable(article.url).strip()
    if not url:
        main.host.tell(Notice("This article has no link to open (no URL was saved with it).", "warning"))
        return
    if not url.lower().startswith(WEB_SCHEMES):
        reason = "Only web (http, https) links are opened. The article's link:"
        main.app.push_screen(CopyByHandScreen(url, reason, copyable=True))
        return

    def work() -> None:
        if open_url(url):
            deliver(main, main.host.tell, Notice(f"Opened in the browser: {url}"), timeout=4)
        else:
            deliver(
                main,
                main.app.push_screen,
                CopyByHandScreen(url, "No web browser could be started here. The article's link:", copyable=True),
            )

    main.run_worker(work, name="open in browser", thread=True, group="browser", exit_on_error=False)
