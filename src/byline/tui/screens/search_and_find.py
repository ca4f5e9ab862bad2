"""Search (`/`) and find in the article (Ctrl+F) from the main view: the dialog opened, and
what it chose shown in the reader.

A mixin of `MainScreen` (kept apart to keep that module short): its actions are the screen's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from byline.search import quote_number

if TYPE_CHECKING:
    from textual.screen import Screen

    from byline.model import Entry, Hit
    from byline.tui.host import Host
    from byline.tui.widgets.reader import Reader

    class _Screen(Screen[None]):
        """What the mixin uses of `MainScreen`."""

        host: Host
        reader: Reader

        def open_entry(
            self, entry: Entry, quote: int | None = None, then: Callable[[], object] | None = None
        ) -> None: ...
else:
    _Screen = object


class SearchAndFind(_Screen):
    """The search's and find's part of `MainScreen`."""

    def action_search(self) -> None:
        from byline.tui.screens.search import SearchScreen

        if not isinstance(self.app.screen, SearchScreen):
            self.app.push_screen(SearchScreen(self.host.search_index), callback=self._search_chosen)

    def _search_chosen(self, hit: Hit | None) -> None:
        if hit is None:
            return  # Escape: everything stays as it was
        entry = self.host.search_index.entries[hit.entry]
        quote = quote_number(entry, hit)
        jump = None
        if quote is None and hit.start is not None and hit.end is not None:
            jump = partial(self.reader.scroll_to_span, hit.start, hit.end)  # the passage the search found
        self.open_entry(entry, quote=quote, then=jump)
        self.reader.focus()

    def action_find(self) -> None:
        from byline.tui.screens.find import FindScreen

        if self.reader.article is not None and not isinstance(self.app.screen, FindScreen):
            self.app.push_screen(FindScreen(self.reader.find_needle), callback=self._find_chosen)

    def _find_chosen(self, needle: str | None) -> None:
        if needle is None:
            return
        self.reader.focus()
        if not self.reader.find(needle):
            self.notify(f"Not in this article: {needle}", markup=False, timeout=3)
        elif (near := self.reader.finder.near) is not None:
            self.notify(f"No “{needle}” in this article: found “{near}”", markup=False, timeout=3)
