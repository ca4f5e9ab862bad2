"""Byline's Textual app: the theme, the state and the stores, around the main view (`MainScreen`).

Keys (`tui/keys.py`) are bound here, to show in the footer and work over every screen;
the main view's land on it via `main(...)`.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.content import Content
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer

from byline.corpus import Corpus
from byline.model import Entry
from byline.search import SearchIndex
from byline.tui.app_copying import QuoteCopying
from byline.tui.bookmark_actions import BookmarkActions
from byline.tui.bookmarking import Bookmarking
from byline.tui.commands import BylineCommands
from byline.tui.keys import APP_BINDINGS
from byline.tui.refreshing import FeedRefresh
from byline.tui.screens.main import MainScreen
from byline.tui.themes import DARK_THEME, LIGHT_THEME, THEMES, theme_named, tint_defaults
from byline.userdata.state import State, StateFile, corpus_key

UNOFFERED_SYSTEM_COMMANDS = frozenset({"Quit", "Keys", "Screenshot", "Theme"})

SAVE_DELAY = 0.5
"""Seconds of quiet before the state is written, so holding a key does not write on every row."""


class BylineApp(BookmarkActions, QuoteCopying, App[None]):
    """Read a corpus: who said what, about whom."""

    TITLE = "Byline"
    CSS_PATH = "byline.tcss"
    COMMANDS = App.COMMANDS | {BylineCommands}
    # The sidebar folds away below 110 columns: under that the reader would be left too narrow to read.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (150, "-wide")]
    BOOKMARKS_POLL_SECONDS = 3.0
    """How often to look for bookmarks made in another Byline window (one PRAGMA)."""

    BINDINGS = APP_BINDINGS

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
        self.init_bookmark_writes()
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
        # A view with keys of its own (the bookmarks view) shows those in its footer, not these;
        # but quitting (Ctrl+Q) works everywhere.
        return action == "quit" or not getattr(self.screen, "KEYS_OF_ITS_OWN", False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return tint_defaults(self.current_theme)  # Byline's variables, for a theme not its own

    def format_title(self, title: str, sub_title: str) -> Content:
        """`Byline — 2 articles`, all in the bar's colours: Textual's dim sub-title was 2.7:1 on
        the bar (and a terminal draws dim as it likes), and no muted colour reads at 4.5 there."""
        return Content(f"{title} — {sub_title}" if sub_title else title)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own, but those the app does its own way: its Quit (once in the palette, not
        # twice), its help screen (not the keys panel, which lists keys the app does not use),
        # no "Screenshot" (it writes where the user did not ask, and failed for a new user), and
        # no "Theme" picker: its twenty themes are not Byline's two, whose contrast is checked.
        for command in super().get_system_commands(screen):
            if command.title not in UNOFFERED_SYSTEM_COMMANDS:
                yield command

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

    # -- notices and state ----------------------------------------------------------

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
