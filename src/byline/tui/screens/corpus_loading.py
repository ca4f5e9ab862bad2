"""Loading the corpus into the main view: batches reach the list, the subtitle and the people
tables; when loading is over, what was skipped is told and the place to come back to is settled.

A mixin of `MainScreen` (kept apart to keep that module short): its handlers are the screen's.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.timer import Timer

from byline.model import Entry, Skipped
from byline.tui.loading import NO_ARTICLES, BatchLoaded, problems, skipped_notice

if TYPE_CHECKING:
    from textual.screen import Screen

    from byline.tui.host import Host
    from byline.tui.loading import LoadingBar
    from byline.tui.widgets.article_list import ArticleList
    from byline.tui.widgets.reader import Reader
    from byline.tui.widgets.sidebar import Sidebar

    class _Screen(Screen[None]):
        """What the mixin uses of `MainScreen`."""

        host: Host
        article_list: ArticleList
        loading_bar: LoadingBar
        reader: Reader
        sidebar: Sidebar
        skipped: list[Skipped]
        loading: bool
        entity_filter: str | None
        _restore_id: str | None
        _place_deadline: float | None

        @property
        def _user_moved(self) -> bool: ...
        def _remember(self, entry: Entry) -> None: ...
        def show_entry(self, entry: Entry) -> None: ...
        def people_batch_loaded(self) -> None: ...
        def build_people(self, final: bool = True) -> None: ...
        def forget_quotes(self) -> None: ...
else:
    _Screen = object

PLACE_WAIT_S = 3.0
"""How long the first article is held back while the place to come back to loads."""
ROWS_EVERY_S = 0.3
"""While loading goes on, new rows reach the list at most this often (the first ones at once)."""


class CorpusLoading(_Screen):
    """The loading part of `MainScreen`."""

    _rows_pending: bool = False
    """Entries are in the corpus that the list has not been told of (see `_show_new_rows`)."""
    _rows_timer: Timer | None = None

    def on_batch_loaded(self, message: BatchLoaded) -> None:
        batch = message.batch
        # (asked before the extend: the list's entries are the corpus's, and would count the new ones)
        first_rows = not self.article_list.count
        self.host.corpus.entries.extend(batch.entries)
        self.skipped.extend(batch.skipped)
        restore = (
            self._restore_id is not None
            and not self._user_moved
            and any(entry.has_key(self._restore_id) for entry in batch.entries)
        )
        if batch.entries:
            self._rows_pending = True
            # The first rows (and the place to come back to, and articles a feed refresh brings
            # after loading) show at once; later batches of a load are shown together every
            # ROWS_EVERY_S: each showing lays out and paints the screen, on the thread the
            # loader competes with for the GIL.
            if first_rows or restore or not self.loading:
                self._show_new_rows()
            elif self._rows_timer is None:
                self._rows_timer = self.set_timer(ROWS_EVERY_S, self._show_new_rows)
        if restore and self._restore_id is not None:
            self.article_list.select(self._restore_id)
            self._restore_id = None
        for note in batch.notes:  # e.g. the index cache is unusable: said once, loading goes on
            self.notify(note, title="Index cache", severity="warning", markup=False, timeout=8)

    def _show_new_rows(self) -> None:
        if self._rows_timer is not None:
            self._rows_timer.stop()
            self._rows_timer = None
        if not self._rows_pending:
            return
        self._rows_pending = False
        self.article_list.entries_changed()  # the filter, if any, applies to the new rows too
        self.call_after_refresh(self.loading_bar.first_rows_shown.set)
        self.people_batch_loaded()
        self._update_subtitle()

    def _waiting_for_place(self, entry: Entry | None) -> bool:
        """Whether to hold `entry` back: the place to come back to is another article, not loaded
        yet, and the wait is not over (PLACE_WAIT_S: a cold load may take minutes to reach it)."""
        restore = self._restore_id
        if restore is None or not self.loading or self._user_moved or entry is None or entry.has_key(restore):
            return False
        if self._place_deadline is None:
            self._place_deadline = time.monotonic() + PLACE_WAIT_S
            self.set_timer(PLACE_WAIT_S, self._stop_waiting_for_place)
        return time.monotonic() < self._place_deadline

    def _stop_waiting_for_place(self) -> None:
        """The place is still not loaded: show the article under the cursor (the place is still
        gone back to if it comes)."""
        current = self.article_list.current
        if self._restore_id is not None and current is not None and self.reader.article is None:
            self.show_entry(current)

    def on_load_restarted(self) -> None:
        """The rows shown came from a snapshot that no longer holds: they go; the files are read."""
        current = self.article_list.current
        self.forget_quotes()
        self.host.corpus.entries.clear()
        self._rows_pending = False
        self.article_list.entries_replaced()
        if current is not None and self._restore_id is None:
            self._restore_id = current.key  # back to it once it is read again

    def on_load_finished(self) -> None:
        self._show_new_rows()
        self.loading = False
        self.build_people()

    def watch_loading(self, loading: bool) -> None:
        if loading:
            return
        if self._restore_id is not None:
            # Not in this corpus: where the reader is now becomes the place to come back to,
            # and is shown (it was held back while the place was looked for).
            self._restore_id = None
            if (current := self.article_list.current) is not None:
                self._remember(current)
                self.show_entry(current)
        if not self.loading_bar.is_attached:
            return  # the app quit before loading was over: nothing left to show
        self.loading_bar.display = False
        self._update_subtitle()
        if problems(self.skipped):
            self.notify(
                skipped_notice(self.skipped),
                title="Some files were skipped",
                severity="warning",
                markup=False,
                timeout=10,
            )
        if not self.host.corpus.entries:
            self.reader.show_message(NO_ARTICLES.format(where=", ".join(self.host.paths)))
            self.sidebar.show(None)

    def _update_subtitle(self) -> None:
        count = len(self.host.corpus.entries)
        text = f"{count:,} article{'s' if count != 1 else ''}"
        if self.loading:
            text += " · loading…"
        if self.entity_filter is not None:
            text += f" · {self.article_list.count:,} shown"
        self.app.sub_title = text
