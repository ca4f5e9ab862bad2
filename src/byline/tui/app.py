"""Byline's Textual app: article list, reader and sidebar over a corpus loading in the background."""

from __future__ import annotations

import threading
import time
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, ProgressBar, Static
from textual.worker import get_current_worker

from byline.clipboard import CopyResult, attribution
from byline.corpus import ArticleGone, Batch, Corpus, Entry, load_corpus
from byline.load.clean import printable
from byline.model import Analysis, Article, Quote, Skipped
from byline.progress import rate, time_left
from byline.search import Hit, SearchIndex, fill_text
from byline.tui.bookmarking import Bookmarking, Notice
from byline.tui.commands import BylineCommands
from byline.tui.widgets.article_list import ArticleList
from byline.tui.widgets.reader import Reader
from byline.tui.widgets.sidebar import Sidebar
from byline.userdata.bookmarks import Bookmark
from byline.userdata.state import State, StateFile

DARK_THEME = "tokyo-night"
LIGHT_THEME = "catppuccin-latte"
SKIPPED_SHOWN = 5
"""Skipped files named in the notice; the rest are counted."""
FIRST_ROWS_WAIT = 10.0
"""At most this long, the loader waits for the first rows to be painted (a safety net:
on a loaded machine a 1 s wait ran out and the first frame came 8 s late)."""
SAVE_DELAY = 0.5
"""Seconds of quiet before the state is written, so holding a key does not write on every row."""


class BatchLoaded(Message):
    def __init__(self, batch: Batch, elapsed: float) -> None:
        super().__init__()
        self.batch = batch
        self.elapsed = elapsed


class LoadFinished(Message):
    pass


class BylineApp(App[None]):
    """Read a corpus: who said what, about whom."""

    TITLE = "Byline"
    CSS_PATH = "byline.tcss"
    COMMANDS = App.COMMANDS | {BylineCommands}
    # The sidebar folds away below 110 columns: under that the reader would be left too narrow to read.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (150, "-wide")]

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search", tooltip='Titles, quotes, speakers, entities, text; prefixes @ # " t:'),
        Binding("ctrl+f", "find", "Find in article", show=False, tooltip="Find in this article, then n / N"),
        Binding("left_square_bracket", "previous_article", "Prev", tooltip="Previous article"),
        Binding("right_square_bracket", "next_article", "Next", tooltip="Next article"),
        Binding(
            "space", "read_on", "Read on", show=False, tooltip="Scroll the reader a page; at the end, the next article"
        ),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
        Binding("e", "toggle_entities", "Entities", tooltip="Highlight people, organisations and places"),
        Binding("s", "toggle_sidebar", "Sidebar", tooltip="Show or hide the sidebar"),
        Binding("m", "toggle_read", "Mark read/unread", show=False),
        Binding("x,escape", "clear_filter", "Clear filter", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        # Only v in the footer (80 columns hold no more): the bookmarks view, empty, says to press b.
        Binding(
            "b",
            "toggle_bookmark",
            "Bookmark",
            tooltip="Bookmark the article, or the quote chosen in the sidebar; again to remove",
            show=False,
        ),
        Binding("u", "undo_bookmark", "Undo bookmark change", show=False),
        Binding("B", "edit_bookmark", "Bookmark note and tags", show=False),
        Binding("v", "bookmarks", "Bookmarks", tooltip="Show bookmarks, from every corpus"),
        Binding(
            "y,c",
            "copy_quote",
            "Copy quote",
            tooltip="The chosen quote with its attribution, or the selected text",
            show=False,
        ),
        Binding(
            "Y",
            "copy_quote_alone",
            "Copy quote alone",
            tooltip="Copy the chosen quote alone, without attribution",
            show=False,
        ),
    ]

    def __init__(self, paths: list[str] | None = None, *, state_file: StateFile | None = None) -> None:
        super().__init__()
        from byline.load import sample_corpus

        self.paths = [str(p) for p in paths] if paths else [str(sample_corpus())]
        self.corpus = Corpus()
        self.search_index = SearchIndex()
        self._jump: tuple[str, Hit] | None = None
        """A search hit to scroll to once its article is shown: (entry id, hit)."""
        self.skipped: list[Skipped] = []
        self.loading = True
        self.entity_filter: str | None = None
        self.state_file = state_file or StateFile()
        self.state: State = self.state_file.load()
        self._restore_id = self.state.last_article
        self._restore_position: tuple[str, int] | None = (
            (self.state.last_article, self.state.position) if self.state.last_article and self.state.position else None
        )
        self._corpus_lock = threading.Lock()
        self._first_rows_shown = threading.Event()
        self._save_timer = None
        self._pending_quote: tuple[str, int] | None = None
        self.bookmarking: Bookmarking | None = None
        self._bookmarks_seen: tuple[int, int] | None = None
        if self.state.theme in self.available_themes:
            self.theme = self.state.theme
        else:
            self.theme = DARK_THEME

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Held as attributes, not queried: messages still in flight while the app
        # closes (or before it has mounted) must find them.
        self.article_list = ArticleList(self.corpus.entries, id="articles")
        self.reader = Reader(id="reader")
        self.sidebar = Sidebar(id="sidebar")
        self.chip = Static(id="filter-chip")
        self.loading_label = Static("Loading…", id="loading-label")
        self.loading_bar = ProgressBar(id="loading-bar", show_eta=False)
        yield Header(icon="❝")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield self.chip
                yield self.article_list
            yield self.reader
            yield self.sidebar
        with Horizontal(id="loading"):
            yield self.loading_label
            yield self.loading_bar
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "loading…"
        self.query_one("#list-pane").border_title = "Articles"
        self.article_list.read_ids = frozenset(self.state.read)
        self.chip.display = False
        self.article_list.focus()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for notice in self.state_file.notices:
            self.notify(notice, title="Saved state", severity="warning", markup=False, timeout=8)
        self.state_file.notices.clear()
        # Start loading once the first frame is out: the loader's thread competes for the GIL.
        self.call_after_refresh(self._open_bookmarks)
        self.call_after_refresh(self.load)

    # -- loading --------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        worker = get_current_worker()
        start = time.perf_counter()
        try:
            for batch in load_corpus(self.paths):
                if worker.is_cancelled:
                    return
                # Indexed here, off the UI thread, in the order the list gets them.
                self.search_index.add(batch.entries)
                self.post_message(BatchLoaded(batch, time.perf_counter() - start))
                if batch.entries and not self._first_rows_shown.is_set():
                    # Let the first rows reach the screen before loading takes the
                    # CPU (and the GIL) again: a warm 100,000 would delay the frame.
                    self._first_rows_shown.wait(timeout=FIRST_ROWS_WAIT)
        except Exception as error:  # a loader bug must leave the app usable
            self.post_message(
                BatchLoaded(Batch([], [Skipped(" ".join(self.paths), f"loading stopped: {error}")], 0, 0), 0)
            )
        self.post_message(LoadFinished())
        # The search finds titles, quotes and names already; article text follows.
        try:
            fill_text(self.search_index, cancelled=lambda: worker.is_cancelled)
            if getattr(self.search_index.text, "full", False) and not worker.is_cancelled:
                self._search_text_through_cache()
        except Exception:  # the text search is a bonus: without it the rest still works
            pass

    def _search_text_through_cache(self) -> None:
        """Past what memory holds, article text is searched in the cache's FTS5 index."""
        from byline.corpus.fulltext import FullTextIndex
        from byline.search.sources import FullTextSource

        index = FullTextIndex.open()
        if index is not None:
            self.search_index.text = FullTextSource(index, self.search_index.entries, roots=self.paths)

    def on_batch_loaded(self, message: BatchLoaded) -> None:
        batch = message.batch
        first = len(self.corpus.entries)
        self.corpus.entries.extend(batch.entries)
        self.skipped.extend(batch.skipped)
        if self.entity_filter is not None and self.article_list.shown is not None:
            self.article_list.shown.extend(
                i for i in range(first, len(self.corpus.entries)) if self.corpus.entries[i].mentions(self.entity_filter)
            )
        self.article_list.entries_changed()
        if batch.entries and not self._first_rows_shown.is_set():
            self.call_after_refresh(self._first_rows_shown.set)
        if self._restore_id and not self._user_moved and any(entry.id == self._restore_id for entry in batch.entries):
            self.article_list.select_id(self._restore_id)
            self._restore_id = None
        for note in batch.notes:  # e.g. the index cache is unusable: said once, loading goes on
            self.notify(note, title="Index cache", severity="warning", markup=False, timeout=8)
        self.loading_bar.update(total=batch.total, progress=batch.done)
        total = f"{batch.total:,}" if batch.total is not None else "?"
        figures = [f"Loading {batch.done:,} of {total} files", f"{rate(batch.done, message.elapsed):,.0f}/s"]
        left = time_left(batch.done, batch.total, message.elapsed)
        if left:
            figures.append(left)
        self.loading_label.update(" · ".join(figures))
        self._update_subtitle()

    def on_load_finished(self) -> None:
        self.loading = False
        if self._restore_id is not None:
            # Not in this corpus: where the reader is now becomes the place to come back to.
            self._restore_id = None
            if (current := self.article_list.current) is not None:
                self.state.last_article = current.id
                self._schedule_save()
        if not self.loading_label.is_attached:
            return  # the app quit before loading was over: nothing left to show
        self.loading_label.parent.display = False
        self._update_subtitle()
        if self._problems():
            self.notify(
                self._skipped_notice(), title="Some files were skipped", severity="warning", markup=False, timeout=10
            )
        if not self.corpus.entries:
            where = ", ".join(self.paths)
            self.reader.show_message(
                f"No articles found in {where}.\n\n"
                "Byline reads plain text (.txt), Markdown (.md), saved web pages (.html) "
                "and feeds (.xml, .rss, .atom).\n"
                "Run `byline PATH` with a folder of articles, or `byline` alone for the samples."
            )
            self.sidebar.show(None)

    def _problems(self) -> list[Skipped]:
        """Skipped files worth telling about: a README or an image beside the articles is not one."""
        return [s for s in self.skipped if not s.reason.startswith("not an article")]

    def _skipped_notice(self) -> str:
        problems = self._problems()
        count = len(problems)
        lines = [f"{count:,} file{'s' if count != 1 else ''} could not be loaded:"]
        lines += [f"• {Path(s.path).name}: {s.reason}" for s in problems[:SKIPPED_SHOWN]]
        if count > SKIPPED_SHOWN:
            lines.append(f"…and {count - SKIPPED_SHOWN:,} more (see `byline list`).")
        return "\n".join(lines)

    def _update_subtitle(self) -> None:
        count = len(self.corpus.entries)
        text = f"{count:,} article{'s' if count != 1 else ''}"
        if self.loading:
            text += " · loading…"
        if self.entity_filter is not None:
            text += f" · {self.article_list.count:,} shown"
        self.sub_title = text

    # -- following the cursor ---------------------------------------------------

    @property
    def _user_moved(self) -> bool:
        """Whether the reader has moved the cursor since the app opened (restoring then must not yank it)."""
        return self.article_list.cursor != 0 or self.entity_filter is not None

    @on(ArticleList.Highlighted)
    def _follow_cursor(self, message: ArticleList.Highlighted) -> None:
        entry = message.entry
        self.sidebar.show(entry)
        if entry is None:
            if not self.loading:
                self.reader.show_message("No article matches the filter." if self.entity_filter else "No articles.")
            return
        if not self._restore_id or self._user_moved:
            # While the last article is still being looked for, the first one shown is not a new place to keep.
            self.state.last_article = entry.id
            self._schedule_save()
        self._open(entry)

    @work(thread=True, exclusive=True, group="open")
    def _open(self, entry: Entry) -> None:
        try:
            with self._corpus_lock:
                # The body from its file; the analysis (quotes, entities with their
                # mention offsets) as loading made it: the extractor does not run again.
                article, analysis = self.corpus.open(entry)
        except ArticleGone as gone:
            self.call_from_thread(self._article_gone, entry, str(gone))
            return
        except Exception as error:  # an unreadable file must not end the app
            self.call_from_thread(self._article_gone, entry, f"{type(error).__name__}: {error}")
            return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show_article, entry, article, analysis)

    def _show_article(self, entry: Entry, article: Article, analysis: Analysis) -> None:
        if self.article_list.current is not entry:
            return  # the cursor moved on while this one was read
        self.reader.show(article, analysis)
        if self._restore_position is not None and self._restore_position[0] == entry.id:
            _, line = self._restore_position
            self._restore_position = None
            self.reader.call_after_refresh(self.reader.scroll_to, y=line, animate=False, immediate=True)
        # Scrolled to once the paragraphs are laid out: before that they are nowhere.
        pending, self._pending_quote = self._pending_quote, None
        if pending is not None and pending[0] == entry.id:
            self.reader.after_show(partial(self._show_quote, pending[1]))
        if self._jump is not None and self._jump[0] == entry.id:
            self.reader.after_show(partial(self._jump_to, self._jump[1]))

    def _show_quote(self, number: int) -> None:
        self.reader.scroll_to_quote(number)
        self.sidebar.mark_quote(number)

    def _article_gone(self, entry: Entry, reason: str) -> None:
        if self.article_list.current is entry:
            self.reader.show_message(f"{entry.title}\n\nThis article can no longer be read: {reason}")
            # A notice too: the reader may be folded away or scrolled, and a vanished file is news.
            self.notify(f"{entry.title}: {reason}", title="Article gone", severity="warning", markup=False, timeout=8)

    @on(ArticleList.Chosen)
    def _chosen(self, message: ArticleList.Chosen) -> None:
        self._mark_read(message.entry)
        self.reader.focus()

    def open_entry(self, entry: Entry, quote: int | None = None) -> None:
        """Open `entry`, scrolled to its quote number `quote` if given.

        For the palette, and for search and bookmarks: whatever finds an article opens it here.
        """
        if self.article_list.position_of(entry.id) is None:
            self.action_clear_filter()
        if quote is not None:
            if (
                self.reader.article is not None
                and self.reader.article.id == entry.id
                and self.article_list.current is entry
            ):
                self.reader.scroll_to_quote(quote)
                self.sidebar.mark_quote(quote)
            else:
                self._pending_quote = (entry.id, quote)
        self.article_list.select_id(entry.id)
        self._mark_read(entry)

    # -- search -----------------------------------------------------------------

    def action_search(self) -> None:
        from byline.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.search_index), callback=self._search_chosen)

    def _search_chosen(self, hit: Hit | None) -> None:
        if hit is None:
            return  # Escape: everything stays as it was
        entry = self.search_index.entries[hit.entry]
        quote = _quote_number(entry, hit)
        self._jump = None
        if quote is None and hit.start is not None:
            shown = self.reader.article
            if self.article_list.current is entry and shown is not None and shown.id == entry.id:
                self._jump_to(hit)
            else:
                self._jump = (entry.id, hit)
        self.open_entry(entry, quote=quote)
        self.reader.focus()

    def _jump_to(self, hit: Hit) -> None:
        """Scroll the reader to a passage the search found, and mark it."""
        self._jump = None
        if hit.start is not None and hit.end is not None:
            self.reader.scroll_to_span(hit.start, hit.end)

    def action_find(self) -> None:
        from byline.tui.screens.find import FindScreen

        if self.reader.article is not None and not isinstance(self.screen, FindScreen):
            self.push_screen(FindScreen(self.reader.finder.needle), callback=self._find_chosen)

    def _find_chosen(self, needle: str | None) -> None:
        if needle is None:
            return
        self.reader.focus()
        if not self.reader.find(needle):
            self.notify(f"Not in this article: {needle}", markup=False, timeout=3)

    # -- sidebar ----------------------------------------------------------------

    @on(Sidebar.QuoteChosen)
    def _quote_chosen(self, message: Sidebar.QuoteChosen) -> None:
        self.reader.scroll_to_quote(message.number)

    @on(Sidebar.EntityChosen)
    def _entity_chosen(self, message: Sidebar.EntityChosen) -> None:
        name = message.entity.name
        self.entity_filter = name
        self.article_list.set_filter([i for i, entry in enumerate(self.corpus.entries) if entry.mentions(name)])
        chip = self.chip
        chip.update(
            Content.styled(" Mentioning ", "dim")
            + Content.styled(name, "bold")
            + Content.styled(f"  {self.article_list.count:,}  ", "dim")
            + Content.styled("✕ x", "bold $text-accent")
        )
        chip.display = True
        self._update_subtitle()
        if self.screen.has_class("-narrow"):
            self.screen.remove_class("-sidebar-toggled")  # the list comes back to show the result
        self.article_list.focus()

    def on_click(self, event) -> None:
        if getattr(event.widget, "id", None) == "filter-chip":
            self.action_clear_filter()

    # -- actions ----------------------------------------------------------------

    def action_clear_filter(self) -> None:
        if self.entity_filter is None:
            return
        self.entity_filter = None
        self.chip.display = False
        self.article_list.set_filter(None)
        self._update_subtitle()

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        articles = self.article_list
        if not articles.count:
            return
        articles.cursor += delta
        if (entry := articles.current) is not None:
            self._mark_read(entry)

    def action_read_on(self) -> None:
        # From any pane, as in a newsreader: page through the article, then on to the next.
        if self.reader.article is not None and not self.reader.at_end:
            self.reader.scroll_page_down(animate=False)
        else:
            self._step(1)

    def action_toggle_entities(self) -> None:
        self.reader.entities_on = not self.reader.entities_on

    def action_toggle_sidebar(self) -> None:
        self.screen.toggle_class("-sidebar-toggled")
        sidebar = self.sidebar
        if sidebar.has_focus and not sidebar.display:
            self.reader.focus()
        elif self.screen.has_class("-narrow") and sidebar.display:
            sidebar.focus()
        elif self.focused is None or not self.focused.display:
            self.reader.focus()

    def action_toggle_read(self) -> None:
        entry = self.article_list.current
        if entry is None:
            return
        if entry.id in self.state.read:
            self.state.read.discard(entry.id)
            self.article_list.read_ids = frozenset(self.state.read)
            self._schedule_save()
        else:
            self._mark_read(entry)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_help(self) -> None:
        from byline.tui.screens.help import HelpScreen
        from byline.tui.screens.search import search_keys

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(
            HelpScreen(
                [
                    ("Anywhere", self.BINDINGS + [Binding("ctrl+p", "command_palette", "Command palette")]),
                    ("Article list", ArticleList.BINDINGS),
                    ("Reader", Reader.BINDINGS),
                    ("Search box", search_keys()),
                    ("Sidebar", Sidebar.BINDINGS),
                ]
            )
        )

    # -- bookmarks ----------------------------------------------------------------

    BOOKMARKS_POLL_SECONDS = 3.0
    """How often to look for bookmarks made in another Byline window (one PRAGMA)."""

    def _open_bookmarks(self) -> None:
        self.bookmarking, problem = Bookmarking.open()
        if problem is not None:
            self._tell(problem, title="Bookmarks", timeout=12)
        self._refresh_bookmark_marks()
        if self.bookmarking.store.available:
            self.set_interval(self.BOOKMARKS_POLL_SECONDS, self._refresh_bookmark_marks)

    def _refresh_bookmark_marks(self) -> None:
        if self.bookmarking is None:
            return
        try:
            generation = self.bookmarking.store.generation()
        except Exception:  # a store gone bad mid-session: the next change will say why
            return
        if generation != self._bookmarks_seen:
            self._bookmarks_seen = generation
            self.article_list.bookmarked_ids = frozenset(self.bookmarking.marked_ids())

    def chosen_quote(self) -> Quote | None:
        """The quote under the sidebar's cursor while it has focus, else the one jumped to in the reader."""
        entry = self.sidebar.entry
        option = self.sidebar.highlighted_option
        if (
            self.sidebar.has_focus
            and entry is not None
            and option is not None
            and (option.id or "").startswith("quote-")
        ):
            number = int((option.id or "").partition("-")[2])
            if number < len(entry.quotes):
                return entry.quotes[number]
        number = self.reader.marked_quote
        if number is not None and number < len(self.reader.analysis.quotes):
            return self.reader.analysis.quotes[number]
        return None

    def action_toggle_bookmark(self) -> None:
        entry = self.article_list.current
        if entry is None or self.bookmarking is None:
            self._tell(Notice("No article to bookmark.", "warning"))
            return
        self._tell(self.bookmarking.toggle(entry.id, entry.path, entry.title, self.chosen_quote()))
        self._refresh_bookmark_marks()

    def action_undo_bookmark(self) -> None:
        if self.bookmarking is not None:
            self._tell(self.bookmarking.undo())
            self._refresh_bookmark_marks()

    def action_edit_bookmark(self) -> None:
        from byline.tui.screens.bookmark_edit import BookmarkEdit, BookmarkEditScreen

        entry = self.article_list.current
        if entry is None or self.bookmarking is None:
            return
        quote = self.chosen_quote()
        bookmark = self.bookmarking.find(entry.id, quote)
        if bookmark is None:
            what = "this quote" if quote is not None else "this article"
            self._tell(Notice(f"Bookmark {what} first (b), then B adds a note and tags.", "warning"))
            return

        def save(edit: BookmarkEdit | None) -> None:
            if edit is not None and self.bookmarking is not None:
                self._tell(self.bookmarking.update(bookmark, edit.note, edit.tags))

        self.push_screen(BookmarkEditScreen(bookmark), save)

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
            self._tell(Notice(f"“{bookmark.title}” is not in this corpus; it was at {bookmark.path}.", "warning"))
            return
        number = None
        if bookmark.kind == "quote":
            # By offset first; by its words if the extractor has since found the quote's edges differently.
            number = next((i for i, q in enumerate(entry.quotes) if q.start == bookmark.quote_start), None)
            if number is None:
                number = next((i for i, q in enumerate(entry.quotes) if q.text == bookmark.quote), None)
            if number is None:
                self._tell(
                    Notice("The bookmarked quote is no longer found in this article; opening the article.", "warning")
                )
        self.open_entry(entry, quote=number)
        self.reader.focus()

    # -- copying ------------------------------------------------------------------

    def action_copy_quote(self) -> None:
        """The selected text as it is, else the chosen quote with its attribution."""
        selection = self.screen.get_selected_text()
        if selection:
            self.copy_to_clipboard(selection)
            return
        quote, entry = self.chosen_quote(), self.article_list.current
        if quote is None or entry is None:
            self._tell(
                Notice("Choose a quote in the sidebar first (Tab to it, then Enter), or select text.", "warning")
            )
            return
        self.copy_to_clipboard(attribution(quote.text, quote.speaker, entry.title))

    def action_copy_quote_alone(self) -> None:
        quote = self.chosen_quote()
        if quote is None:
            self._tell(Notice("Choose a quote in the sidebar first (Tab to it, then Enter).", "warning"))
            return
        self.copy_to_clipboard(" ".join(quote.text.split()))

    def copy_to_clipboard(self, text: str) -> None:
        """Every copy (ours, and Textual's Ctrl+C on a selection): system clipboard, else OSC 52, else by hand."""
        from byline.tui.copying import copy_from_app

        self._report_copy(copy_from_app(self, text))

    def _report_copy(self, result: CopyResult) -> None:
        if result.ok:
            self._tell(Notice(result.message), title="Copied", timeout=4)
            return
        from byline.tui.screens.copy_by_hand import CopyByHandScreen

        self.push_screen(CopyByHandScreen(result.text, result.message))

    def notify(
        self, message: str, *, title: str = "", severity="information", timeout=None, markup: bool = True
    ) -> None:
        # Notices name files, and a file's name may hold escape codes that Content would
        # pass to the terminal: every notice goes through here to show them inert.
        super().notify(printable(message), title=printable(title), severity=severity, timeout=timeout, markup=markup)

    def _tell(self, notice: Notice, *, title: str = "", timeout: float = 6) -> None:
        # markup=False: notices quote article titles and text.
        self.notify(notice.message, title=title, severity=notice.severity, markup=False, timeout=timeout)

    # -- state ------------------------------------------------------------------

    def _mark_read(self, entry: Entry) -> None:
        if entry.id not in self.state.read:
            self.state.read.add(entry.id)
            self.article_list.read_ids = frozenset(self.state.read)
            self._schedule_save()

    def _theme_changed(self, theme) -> None:
        self.state.theme = theme.name
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_state)

    def save_state(self) -> None:
        self._save_timer = None
        self._note_position()
        if not self.state_file.save(self.state):
            for notice in self.state_file.notices:
                self.notify(notice, title="Saved state", severity="warning", markup=False, timeout=8)
            self.state_file.notices.clear()

    def _note_position(self) -> None:
        article = self.reader.article
        shown = article is not None and article.id == self.state.last_article
        self.state.position = round(self.reader.scroll_y) if shown else 0

    def on_unmount(self) -> None:
        self._note_position()
        self.state_file.save(self.state)
        if self.bookmarking is not None:
            self.bookmarking.store.close()  # folds the WAL back into the file


def _quote_number(entry: Entry, hit: Hit) -> int | None:
    """The number of the quote a quote or speaker hit points at, as the reader and sidebar count."""
    if hit.kind not in ("quote", "speaker"):
        return None
    return next((number for number, quote in enumerate(entry.quotes) if quote.start == hit.start), None)
