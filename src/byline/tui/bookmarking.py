"""What the app does with bookmarks, apart from widgets: toggle with undo, edit, marks.

The app's actions call these and show the `Notice` they return; keeping the
logic here lets it be tested without a screen, and keeps the app module short.
"""

from __future__ import annotations

from byline.model import Quote, cited_speaker
from byline.tui.host import Notice, Severity
from byline.tui.screens.bookmarks import describe
from byline.userdata.bookmark_store import BookmarkStore
from byline.userdata.bookmarks import Bookmark, BookmarkError, article_bookmark, quote_bookmark


class Bookmarking:
    def __init__(self, store: BookmarkStore, undo_key: str = "u") -> None:
        self.store = store
        self.undo_key = undo_key
        self._last: tuple[bool, Bookmark] | None = None
        """The last toggle (added?, bookmark), for undo."""

    @classmethod
    def open(cls) -> tuple[Bookmarking, Notice | None]:
        store, problem = BookmarkStore.open()
        severity: Severity = "warning" if store.available else "error"
        return cls(store), Notice(problem, severity) if problem else None

    def target(self, article_id: str, path: str, title: str, quote: Quote | None) -> Bookmark:
        if quote is None:
            return article_bookmark(article_id, path, title)
        return quote_bookmark(article_id, path, title, quote.text, cited_speaker(quote), quote.start, quote.end)

    def find(self, article_id: str, quote: Quote | None) -> Bookmark | None:
        try:
            return self.store.find(article_id, None if quote is None else quote.start)
        except BookmarkError:
            return None

    def toggle(self, article_id: str, path: str, title: str, quote: Quote | None = None) -> Notice:
        try:
            added, bookmark = self.store.toggle(self.target(article_id, path, title, quote))
        except BookmarkError as exc:
            return Notice(str(exc), "error")
        self._last = (added, bookmark)
        what = describe(bookmark)
        # The key in parentheses: the quote ends in its own punctuation.
        if added:
            return Notice(f"Bookmarked {what} ({self.undo_key} undoes it)")
        return Notice(f"Removed the bookmark on {what} ({self.undo_key} brings it back)")

    def undo(self) -> Notice:
        if self._last is None:
            return Notice("Nothing to undo.", "warning")
        added, bookmark = self._last
        try:
            if added:
                self.store.remove(bookmark)
            else:
                self.store.add(bookmark)
        except BookmarkError as exc:
            return Notice(str(exc), "error")
        self._last = None
        what = describe(bookmark)
        return Notice(f"Undone: {what} is no longer bookmarked." if added else f"Undone: {what} is bookmarked again.")

    def update(self, bookmark: Bookmark, note: str, tags: tuple[str, ...]) -> Notice:
        try:
            self.store.update(bookmark, note=note, tags=tags)
        except BookmarkError as exc:
            return Notice(str(exc), "error")
        return Notice(f"Saved the note and tags on {describe(bookmark)}")

    def marked_ids(self) -> set[str]:
        """Articles with any bookmark, for the marks in the article list."""
        try:
            return self.store.article_ids()
        except BookmarkError:
            return set()
