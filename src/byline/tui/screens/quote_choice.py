"""Which quote the keys act on (`y`, `Y`, `b`, `B`): the one chosen in the quote list or the
sidebar, else the one marked in the reader; and copying it with its attribution.

A mixin of `MainScreen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from byline.clipboard import attribution
from byline.model import Entry, Quote, cited, cited_speaker
from byline.tui.host import Notice

if TYPE_CHECKING:
    from textual.screen import Screen

    from byline.tui.host import Host
    from byline.tui.widgets.article_list import ArticleList
    from byline.tui.widgets.reader import Reader
    from byline.tui.widgets.sidebar import Sidebar

    class _Screen(Screen[None]):
        """What the mixin uses of `MainScreen`."""

        host: Host
        article_list: ArticleList
        reader: Reader
        sidebar: Sidebar

        sidebar_on_quotes: bool

        def chosen_in_quotes(self) -> tuple[Entry, Quote] | None: ...
else:
    _Screen = object


class QuoteChoice(_Screen):
    def chosen_quote(self) -> Quote | None:
        """The quote under the cursor of the focused quote list or sidebar, else the one marked in the reader."""
        if (chosen := self.chosen_in_quotes()) is not None:
            return chosen[1]
        if self.sidebar_on_quotes:  # the reader is hidden: its quote is not the one in view
            return self.sidebar.chosen_quote()
        return self.sidebar.chosen_quote() or self.reader.current_quote

    def chosen_entry(self) -> Entry | None:
        """The article of the chosen quote in the quote list or sidebar while it has focus, else the list's
        (the sidebar may be on the article of the quote list's cursor, not the reader's)."""
        chosen = self.chosen_in_quotes()
        if chosen is not None:
            return chosen[0]
        if self.sidebar_on_quotes:  # the reader's article is hidden: the sidebar's is in view
            return self.sidebar.entry
        return self.article_list.current

    def action_copy_quote(self) -> None:
        """The selected text as it is, else the chosen quote with its attribution."""
        selection = self.get_selected_text()
        if selection:
            self.host.copy_to_clipboard(selection)
            return
        quote, entry = self._quote_to_copy(), self.chosen_entry()
        if quote is not None and entry is not None:
            self.host.copy_to_clipboard(attribution(quote.text, cited_speaker(quote), entry.title))

    def action_copy_quote_alone(self) -> None:
        if (quote := self._quote_to_copy()) is not None:
            self.host.copy_to_clipboard(cited(" ".join(quote.text.split())))

    def _quote_to_copy(self) -> Quote | None:
        """The chosen quote, else the one highlighted in the sidebar; if none, says why (None)."""
        # (the sidebar's highlighted quote is the reader's article's only while it is on that article)
        quote = self.chosen_quote() or (None if self.sidebar_on_quotes else self.sidebar.highlighted_quote())
        if quote is None:
            entry = self.chosen_entry()
            if entry is None:
                why = "No article open: nothing to copy."
            elif not entry.quotes:
                why = "This article has no quotes to copy; select text to copy it."
            else:
                show = "s shows the sidebar, " if not self.sidebar.display else ""
                why = f"Choose a quote first: {show}Tab to the sidebar, arrows to a quote, then y."
            self.host.tell(Notice(why, "warning"))
        return quote
