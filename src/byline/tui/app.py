"""Byline's Textual app: the theme, the state and the stores, around the main view (`MainScreen`).

Keys are bound here, to show in the footer and work over every screen; the main view's land on it via `main(...)`.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.theme import Theme
from textual.timer import Timer

from byline.clipboard import CopyResult
from byline.corpus import Corpus
from byline.load.clean import printable
from byline.model import Entry
from byline.search import SearchIndex
from byline.tui.bookmarking import Bookmarking, Notice
from byline.tui.commands import BylineCommands
from byline.tui.refreshing import FeedRefresh
from byline.tui.screens.bookmarks import describe
from byline.tui.screens.main import MainScreen
from byline.tui.themes import DARK_THEME, LIGHT_THEME, THEMES, theme_named
from byline.userdata.bookmarks import Bookmark
from byline.userdata.state import State, StateFile, corpus_key

SAVE_DELAY = 0.5
"""Seconds of quiet before the state is written, so holding a key does not write on every row."""


VIEWS = Binding.Group("Views", compact=True)
"""The left pane's three views: one footer entry, "123 Views" (past 80 columns: there it has no room)."""


class BookmarkWritten(Message):
    """A bookmark change written off the UI thread, with what to tell."""

    def __init__(self, notice: Notice) -> None:
        super().__init__()
        self.notice = notice


def main(action: str) -> str:
    return f"main('{action}')"


class BylineApp(App[None]):
    """Read a corpus: who said what, about whom."""

    TITLE = "Byline"
    CSS_PATH = "byline.tcss"
    COMMANDS = App.COMMANDS | {BylineCommands}
    # The sidebar folds away below 110 columns: under that the reader would be left too narrow to read.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (150, "-wide")]
    BOOKMARKS_POLL_SECONDS = 3.0
    """How often to look for bookmarks made in another Byline window (one PRAGMA)."""

    # fmt: off
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", main("search"), "Search", tooltip="Titles, quotes, speakers, entities, text; prefixes @ # \" t:"),  # noqa: E501
        Binding("ctrl+f", main("find"), "Find in article", show=False, tooltip="Find in this article, then n / N"),
        Binding("left_square_bracket", main("previous_article"), "Prev", tooltip="Previous article"),
        Binding("right_square_bracket", main("next_article"), "Next", tooltip="Next article"),
        Binding("space", main("read_on"), "Read on", show=False, tooltip="Scroll the reader a page; at the end, the next article"),  # noqa: E501
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
        Binding("e", main("toggle_entities"), "Entities", tooltip="Highlight people, organisations and places"),
        Binding("s", main("toggle_sidebar"), "Sidebar", tooltip="Show or hide the sidebar"),
        Binding("m", main("toggle_read"), "Mark read/unread", show=False),
        Binding("U", main("next_unread"), "Next unread", show=False, tooltip="The next article not read yet"),
        Binding("o", main("cycle_sort"), "Sort", show=False, tooltip="Sort the list: as loaded, by title, by quotes"),
        Binding("x,escape", main("clear_filter"), "Clear filter", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        # Only v in the footer (80 columns hold no more): the bookmarks view, empty, says to press b.
        Binding("b", "toggle_bookmark", "Bookmark", tooltip="Bookmark the article, or the quote chosen in the sidebar; again to remove", show=False),  # noqa: E501
        Binding("u", "undo_bookmark", "Undo bookmark change", show=False),
        Binding("B", "edit_bookmark", "Bookmark note and tags", show=False),
        Binding("v", "bookmarks", "Bookmarks", tooltip="Show bookmarks, from every corpus"),
        Binding("1", main("show_articles"), "Articles", tooltip="Left pane: the articles", group=VIEWS),
        Binding("2", main("show_speakers"), "Speakers", tooltip="Left pane: every speaker of the corpus; Enter lists their quotes", group=VIEWS),  # noqa: E501
        Binding("3", main("show_entities"), "Entities", tooltip="Left pane: every person, organisation and place; Enter lists the quotes naming one", group=VIEWS),  # noqa: E501
        Binding("y,c", main("copy_quote"), "Copy quote", tooltip="The chosen quote with its attribution, or the selected text", show=False),  # noqa: E501
        Binding("Y", main("copy_quote_alone"), "Copy quote alone", tooltip="Copy the chosen quote alone, without attribution", show=False),  # noqa: E501
        Binding("R", "refresh_feeds", "Refresh feeds", tooltip="Refresh feeds: fetch new articles in the background", show=False),  # noqa: E501
        Binding("w", "open_in_browser", "Open in browser", tooltip="Open the article's link in the web browser", show=False),  # noqa: E501
    ]
    # fmt: on

    def __init__(self, paths: list[str] | None = None, *, state_file: StateFile | None = None) -> None:
        super().__init__()
        from byline.load import sample_corpus

        self.paths = [str(p) for p in paths] if paths else [str(sample_corpus())]
        self.corpus = Corpus()
        self.search_index = SearchIndex()
        self.state_file = state_file or StateFile()
        self.state: State = self.state_file.load()
        self.corpus_key = corpus_key(self.paths)
        """Each corpus (the folders opened) keeps its own reading place in the state."""
        self.bookmarking: Bookmarking | None = None
        self._bookmarks_seen: tuple[int, int] | None = None
        self._save_timer: Timer | None = None
        self._writes: deque[Callable[[], Notice]] = deque()
        """Bookmark changes waiting for the writer thread, in the order asked."""
        self._writes_lock = threading.Lock()
        self._writing = False
        self._writes_done = threading.Event()
        """Clear while the writer thread runs."""
        self._writes_done.set()
        self._closing = False
        self._tmux_hinted = False
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = theme_named(self.state.theme, self.available_themes)

    def get_default_screen(self) -> MainScreen:
        self.main = MainScreen(self)
        self.feeds = FeedRefresh(self.main)
        return self.main

    # The main view's parts, as the palette, the screens and the tests reach them.
    reader = property(lambda self: self.main.reader)
    article_list = property(lambda self: self.main.article_list)
    sidebar = property(lambda self: self.main.sidebar)
    loading = property(lambda self: self.main.loading)
    entity_filter = property(lambda self: self.main.entity_filter)

    def open_entry(self, entry: Entry, quote: int | None = None) -> None:
        self.main.open_entry(entry, quote)

    async def action_main(self, action: str) -> None:
        await self.main.run_action(action)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._tell_state_notices()
        self.call_after_refresh(self._open_bookmarks)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A view with keys of its own (the bookmarks view) shows those in its footer, not these.
        return not getattr(self.screen, "KEYS_OF_ITS_OWN", False)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_help(self) -> None:
        from byline.tui.screens.help import HelpScreen, byline_help

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(byline_help(self.BINDINGS))

    # -- feeds ---------------------------------------------------------------------

    def action_refresh_feeds(self) -> None:
        self.feeds.start()

    def action_open_in_browser(self) -> None:
        from byline.tui.browser import open_in_browser

        open_in_browser(self.main)

    # -- bookmarks ----------------------------------------------------------------

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
        entry = next((e for e in self.corpus.entries if e.id == bookmark.article_id), None)
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

    # -- copying ------------------------------------------------------------------

    def copy_to_clipboard(self, text: str) -> None:
        """Every copy (ours, and Textual's Ctrl+C on a selection): system clipboard, else OSC 52, else by hand."""
        from byline.tui.copying import copy_from_app, may_block

        if may_block():  # a clipboard tool that hangs must not freeze the UI
            self.run_worker(partial(self._copy_off_thread, text), thread=True, group="copy", exit_on_error=False)
        else:
            self._copied(copy_from_app(self, text))

    def _copy_off_thread(self, text: str) -> None:
        from byline.tui.copying import copy_from_app, send_through_terminal, tmux_hint

        result = copy_from_app(self, text, lambda t: self.call_from_thread(send_through_terminal, self, t))
        if not self._tmux_hinted and (hinted := tmux_hint(result)) is not result:
            self._tmux_hinted, result = True, hinted  # once a session: it is a setting, not news
        self.call_from_thread(self._copied, result)

    def _copied(self, result: CopyResult) -> None:
        if result.ok:
            self.tell(Notice(result.message), title="Copied", timeout=8 if "tmux.conf" in result.message else 4)
            return
        from byline.tui.screens.copy_by_hand import CopyByHandScreen

        self.push_screen(CopyByHandScreen(result.text, result.message))

    # -- notices and state ----------------------------------------------------------

    def notify(self, message: str, *, title: str = "", markup: bool = True, **options: Any) -> None:
        # Notices name files, and a file's name may hold escape codes that Content would
        # pass to the terminal: every notice goes through here to show them inert.
        super().notify(printable(message), title=printable(title), markup=markup, **options)

    def tell(self, notice: Notice, *, title: str = "", timeout: float = 6) -> None:
        # markup=False: notices quote article titles and text.
        self.notify(notice.message, title=title, severity=notice.severity, markup=False, timeout=timeout)

    def _tell_state_notices(self) -> None:
        for notice in self.state_file.notices:
            self.notify(notice, title="Saved state", severity="warning", markup=False, timeout=8)
        self.state_file.notices.clear()

    def _theme_changed(self, theme: Theme) -> None:
        self.state.theme = theme.name
        self.schedule_save()

    def schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_state)

    def save_state(self) -> None:
        self._save_timer = None
        self._note_position()
        self.state_file.save(self.state)
        # The save merged in what other windows marked: show their marks too.
        self.main.article_list.read_ids = frozenset(self.state.read)
        self._tell_state_notices()

    def _note_position(self) -> None:
        if getattr(self, "main", None) is not None:
            self.main.note_position()

    def on_unmount(self) -> None:
        self._note_position()
        self.state_file.save(self.state)
        self._finish_writes()
        if self.bookmarking is not None:
            self.bookmarking.store.close()  # folds the WAL back into the file
