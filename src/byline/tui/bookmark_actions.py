"""The app's bookmark actions: toggle, undo, the note dialog, the view, and a writer thread.

A mixin of `BylineApp`: bookmark writes run off the UI thread, in the order asked
(a lock held by another process makes one wait up to 5 s), and quitting waits for them.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from byline.model import file_key
from byline.tui.bookmarking import Bookmarking, Notice
from byline.tui.screens.bookmarks import describe
from byline.tui.telling import TellingApp
from byline.userdata.bookmarks import Bookmark

if TYPE_CHECKING:
    from byline.corpus import Corpus
    from byline.tui.screens.main import MainScreen


class BookmarkWritten(Message):
    """A bookmark change written off the UI thread, with what to tell."""

    def __init__(self, notice: Notice) -> None:
        super().__init__()
        self.notice = notice


class BookmarkActions(TellingApp):
    """Bookmarks, for `BylineApp`: the store opened after the first frame, changes written in order."""

    BOOKMARKS_POLL_SECONDS = 3.0
    """How often to look for bookmarks made in another Byline window (one PRAGMA)."""

    bookmarking: Bookmarking | None
    corpus: Corpus
    main: MainScreen

    def init_bookmark_writes(self) -> None:
        self.bookmarking = None
        self._bookmarks_seen: tuple[int, int] | None = None
        self._writes: deque[Callable[[], Notice]] = deque()
        """Bookmark changes waiting for the writer thread, in the order asked."""
        self._writes_lock = threading.Lock()
        self._writing = False
        self._writes_done = threading.Event()
        """Clear while the writer thread runs."""
        self._writes_done.set()
        self._closing = False

    def _open_bookmarks(self) -> None:
        self.bookmarking, problem = Bookmarking.open()
        if problem is not None:
            self.tell(problem, title="Bookmarks", timeout=12)
        self.refresh_bookmark_marks()
        # Also while off: a lock held by another process at start goes, and the store then opens.
        self.set_interval(self.BOOKMARKS_POLL_SECONDS, self.refresh_bookmark_marks)

    def refresh_bookmark_marks(self) -> None:
        if self.bookmarking is None:
            return
        try:
            generation = self.bookmarking.store.generation()
        except Exception:  # a store gone bad mid-session: the next change will say why
            return
        self._tell_store_notices()
        if generation != self._bookmarks_seen:
            self._bookmarks_seen = generation
            self.main.article_list.bookmarked_ids = frozenset(self.bookmarking.marked_ids())

    def _tell_store_notices(self) -> None:
        """What the store met when it opened late (the lock held at start went), said once."""
        if self.bookmarking is not None:
            notices = self.bookmarking.store.notices
            for notice in notices:
                self.notify(notice, title="Bookmarks", severity="warning", markup=False, timeout=12)
            notices.clear()

    def action_toggle_bookmark(self) -> None:
        entry = self.main.chosen_entry()
        if entry is None or self.bookmarking is None:
            self.tell(Notice("No article to bookmark.", "warning"))
            return
        bookmarking, quote = self.bookmarking, self.main.chosen_quote()
        self.write_bookmarks(lambda: bookmarking.toggle(entry.id, entry.path, entry.title, quote))

    def action_undo_bookmark(self) -> None:
        if self.bookmarking is not None:
            self.write_bookmarks(self.bookmarking.undo)

    def write_bookmarks(self, change: Callable[[], Notice]) -> None:
        """Run `change` off the UI thread (a lock held elsewhere makes a write wait up to 5 s),
        after the changes asked for before it; its notice is shown when it lands."""
        with self._writes_lock:
            self._writes.append(change)
            if self._writing:
                return
            self._writing = True
        self._write_bookmarks()

    @work(thread=True, group="bookmark-writes")
    def _write_bookmarks(self) -> None:
        with self._writes_lock:
            self._writes_done.clear()  # running: quitting waits for it
        while True:
            with self._writes_lock:
                if not self._writes:
                    self._writing = False
                    self._writes_done.set()
                    return
                change = self._writes.popleft()
            notice = change()
            if not self._closing:
                self.post_message(BookmarkWritten(notice))  # never blocks: quitting waits for this thread

    def on_bookmark_written(self, message: BookmarkWritten) -> None:
        self.tell(message.notice)
        self._tell_store_notices()
        self.refresh_bookmark_marks()

    def _finish_writes(self) -> None:
        """On quitting: every bookmark change asked for is written before the store closes."""
        self._closing = True
        self._writes_done.wait()  # a writer thread running drains the queue, a write at most 5 s each
        while True:
            with self._writes_lock:
                if not self._writes:
                    return
                change = self._writes.popleft()  # asked for, but its worker never started: written here
            change()

    def action_edit_bookmark(self) -> None:
        from byline.tui.screens.bookmark_edit import BookmarkEdit, BookmarkEditScreen

        entry, bookmarking = self.main.chosen_entry(), self.bookmarking
        if entry is None or bookmarking is None:
            return
        quote = self.main.chosen_quote()
        bookmark = bookmarking.find(entry.id, quote)
        if bookmark is None:
            what = "this quote" if quote is not None else "this article"
            self.tell(Notice(f"Bookmark {what} first (b), then B adds a note and tags.", "warning"))
            return

        def save(edit: BookmarkEdit) -> Notice:  # in the dialog's worker: it stays open until this is stored
            return bookmarking.update(bookmark, edit.note, edit.tags)

        def saved(edit: BookmarkEdit | None) -> None:
            if edit is not None:
                self.tell(Notice(f"Saved the note and tags on {describe(bookmark)}"))

        self.push_screen(BookmarkEditScreen(bookmark, save), saved)

    def action_bookmarks(self) -> None:
        from byline.tui.screens.bookmarks import BookmarksScreen

        if self.bookmarking is None or isinstance(self.screen, BookmarksScreen):
            return
        present = {entry.id for entry in self.corpus.entries}
        self.push_screen(BookmarksScreen(self.bookmarking.store, present), self.open_bookmark)

    def open_bookmark(self, bookmark: Bookmark | None) -> None:
        """Open the bookmark's article, at its quote."""
        if bookmark is None:
            return
        # Identical files share the bookmark (it is by article id): the file it was made in, if here.
        copies = [e for e in self.corpus.entries if e.id == bookmark.article_id]
        made_in = file_key(bookmark.article_id, bookmark.path)
        entry = next((e for e in copies if e.key == made_in), copies[0] if copies else None)
        if entry is None:
            self.tell(Notice(f"“{bookmark.title}” is not in this corpus; it was at {bookmark.path}.", "warning"))
            return
        number = bookmark.quote_number(entry.quotes)
        if bookmark.kind == "quote" and number is None:
            self.tell(
                Notice("The bookmarked quote is no longer found in this article; opening the article.", "warning")
            )
        self.main.open_entry(entry, quote=number)
        self.main.reader.focus()
