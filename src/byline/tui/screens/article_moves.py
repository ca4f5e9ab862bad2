"""Moving through the articles and marking them read: `[` `]`, Space, `U`, `m`, and the list's order (`o`).

A mixin of `MainScreen` (kept apart to keep that module short): its actions are the screen's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from byline.model import Entry
    from byline.tui.host import Host
    from byline.tui.widgets.article_list import ArticleList
    from byline.tui.widgets.reader import Reader

    class _Screen(Screen[None]):
        """What the mixin uses of `MainScreen`."""

        host: Host
        article_list: ArticleList
        reader: Reader
else:
    _Screen = object


class ArticleMoves(_Screen):
    """Moving through the articles and the read marks: `MainScreen`'s part."""

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        articles = self.article_list
        if not articles.count:
            return
        if not 0 <= articles.cursor + delta < articles.count:
            self.app.bell()
            self.notify("This is the last article." if delta > 0 else "This is the first article.", timeout=2)
            return
        articles.cursor += delta
        if (entry := articles.current) is not None:
            self.mark_read(entry)

    def action_next_unread(self) -> None:
        if self.article_list.next_unread() and (entry := self.article_list.current) is not None:
            self.mark_read(entry)
        else:
            self.notify("No unread articles left.", timeout=3)

    def action_cycle_sort(self) -> None:
        order = self.article_list.cycle_sort()
        if order == "date" and not any(entry.date for entry in self.host.corpus.entries):
            # (the BBC set: plain text with no date line) a sort that changed nothing says why
            self.notify("Sorted by date: no article here has a date, so the order is as loaded.", timeout=4)
            return
        self.notify("In the order loaded." if order == "as loaded" else f"Sorted by {order}.", timeout=2)

    def action_read_on(self) -> None:
        # From any pane, as in a newsreader: page through the article, then on to the next.
        if self.reader.article is not None and not self.reader.at_end:
            self.reader.scroll_pages(1, animate=False)  # at once: a burst of Space pages on, page by page
            return
        if (done := self.article_list.current) is not None:
            self.mark_read(done)  # paged to its end: read, though never stepped to (the first one shown)
        self._step(1)

    def action_toggle_read(self) -> None:
        entry, state = self.article_list.current, self.host.state
        if entry is None:
            return
        if self.article_list.is_read(entry):
            state.read.discard(entry.key)
            state.read.discard(entry.id)  # a mark made before file keys, on every copy
            self.article_list.read_ids = frozenset(state.read)
            self.host.schedule_save()
            self.notify("Marked unread.", timeout=2)
        else:
            self.mark_read(entry)
            self.notify("Marked read.", timeout=2)

    def mark_read(self, entry: Entry) -> None:
        state = self.host.state
        if not self.article_list.is_read(entry):
            state.read.add(entry.key)
            self.article_list.read_ids = frozenset(state.read)
            self.host.schedule_save()
