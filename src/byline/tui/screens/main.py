"""The main view: article list, reader and sidebar over a corpus loading in the background.

The app (`byline.tui.app`) owns the data, the state and the stores; this screen
shows them and turns keys into changes. Keys are bound on the app (so they show
in the footer and work over every screen, as they always have) and land here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from byline.corpus import ArticleGone
from byline.model import Analysis, Article, Entry, Skipped
from byline.tui.host import Host
from byline.tui.loading import LoadingBar
from byline.tui.reread import reread, swap_in
from byline.tui.screens.article_moves import ArticleMoves
from byline.tui.screens.corpus_loading import CorpusLoading
from byline.tui.screens.people_views import PeopleViews
from byline.tui.screens.quote_choice import QuoteChoice
from byline.tui.screens.search_and_find import SearchAndFind
from byline.tui.threads import deliver, going
from byline.tui.widgets.article_list import ArticleList
from byline.tui.widgets.footer import BylineFooter
from byline.tui.widgets.reader import Reader
from byline.tui.widgets.sidebar import Sidebar

# Frames a place waits for the article to be laid out down to it (a shorter one goes to its end).
PUT_BACK_FRAMES = 20


class MainScreen(CorpusLoading, ArticleMoves, SearchAndFind, PeopleViews, QuoteChoice, Screen[None]):
    """The three panes, the filter chip and the loading line; moving through the articles
    (`ArticleMoves`), search and find (`SearchAndFind`), the people views (`PeopleViews`)."""

    entity_filter: reactive[str | None] = reactive(None, init=False)
    """The entity the list is filtered by (from the sidebar), or None."""
    loading: reactive[bool] = reactive(True, init=False)
    sidebar_toggled: reactive[bool] = reactive(False, init=False)
    """`s`: the sidebar hidden (or, on a narrow screen, shown in place of the list)."""

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.skipped: list[Skipped] = []
        # Held as attributes, not queried: messages in flight as the app closes (or before it mounts) find them.
        self.article_list = ArticleList(host.corpus.entries, id="articles")
        self.reader = Reader(id="reader")
        self.sidebar = Sidebar(id="sidebar")
        self.chip = Static(id="filter-chip")
        self.loading_bar = LoadingBar(host.paths, host.search_index, id="loading")
        self.people_widgets()
        # The place in this corpus (each folder keeps its own): a file key, or an article id saved before those.
        self._restore_id, _ = host.state.place(host.corpus_key)
        self._when_shown: tuple[str, Callable[[], object]] | None = None
        """Where to scroll once the file with this key is shown (a quote, a search hit), not its own place."""
        self._placing: str | None = None
        """The file (key) being scrolled back to its place: until it is, its position is not read from the reader."""
        self._place_deadline: float | None = None
        """Until when the first article shown is held back for the place to come back to."""
        self._was_narrow: bool | None = None
        """Whether the screen was narrow at the last resize (None before the first)."""
        self._focus_before_sidebar: Widget | None = None
        """What had the focus when `s` showed the sidebar in the list's place, to go back to."""

    def compose(self) -> ComposeResult:
        yield Header(icon="❝")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield self.chip
                yield self.article_list
            yield from self.people_widgets_made()
            yield self.reader
            yield self.sidebar
        yield self.loading_bar
        yield BylineFooter(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = "loading…"
        pane = self.query_one("#list-pane")
        pane.border_title = "Articles"
        self.article_list.on_position = partial(setattr, pane, "border_subtitle")  # "12 of 2,225"
        self.article_list.read_ids = frozenset(self.host.state.read)
        self.chip.display = False
        self.article_list.focus()
        # The place in the article is kept as the reader scrolls, not only when asked: by the
        # time quitting asks, taking the reader down may have scrolled it back to the top.
        self.watch(self.reader, "scroll_y", self.note_position, init=False)
        # The loader starts now, for the rows a snapshot's head gives the first frame; anything slower
        # waits for that frame to be out (the loader's thread competes for the GIL).
        self.loading_bar.load()
        self.call_after_refresh(self.loading_bar.first_frame_out.set)

    # -- following the cursor ---------------------------------------------------

    @property
    def _user_moved(self) -> bool:
        """Whether the reader has moved the cursor since the app opened (restoring then must not yank it)."""
        return self.article_list.cursor != 0 or self.entity_filter is not None

    @on(ArticleList.Highlighted)
    def _follow_cursor(self, message: ArticleList.Highlighted) -> None:
        entry = message.entry
        if self._waiting_for_place(entry):
            # The place to come back to is still loading: showing the first article meanwhile
            # would flash it, then jump (1.5-5 s later on a busy machine).
            return
        self._sidebar_on_reader(entry)
        if entry is None:
            if not self.loading:
                self.reader.show_message("No article matches the filter." if self.entity_filter else "No articles.")
            return
        if not self._restore_id or self._user_moved:
            # While the last article is still being looked for, the first one shown is not a new place to keep.
            self._remember(entry)
        self._open(entry)

    def show_entry(self, entry: Entry) -> None:
        """The sidebar and the reader on `entry`."""
        self._sidebar_on_reader(entry)
        self._open(entry)

    def _sidebar_on_reader(self, entry: Entry | None) -> None:
        """The sidebar on the reader's article, unless it shows the quote list's (which is shown)."""
        if not self.sidebar_on_quotes:
            self.sidebar.show(entry)

    def _remember(self, entry: Entry) -> None:
        """`entry` becomes this corpus's place, after the reader's place in the article it leaves."""
        self.note_position()
        state = self.host.state
        state.remember(self.host.corpus_key, entry.key, self._position_of(entry.key, entry.id))
        self.host.schedule_save()

    def _position_of(self, key: str, article_id: str) -> int:
        """Where the reader left this file's article (by its key; else by the id a place saved before file keys had)."""
        state = self.host.state
        return state.position_of(key) or state.position_of(article_id)

    def note_position(self) -> None:
        """Keep how far down the article shown the reader is (not while it is still being put back there)."""
        article = self.reader.article
        if article is None or self._restore_id is not None or going(self.reader):
            return  # (while the reader is taken down its scroll is no place of the reader's)
        if self._when_shown is not None and self._when_shown[0] == article.key:
            return
        if self._placing != article.key:
            self.host.state.remember(self.host.corpus_key, article.key, round(self.reader.scroll_y))

    @work(thread=True, exclusive=True, group="open", description="open an article")
    def _open(self, entry: Entry) -> None:
        try:
            # The body from its file; the analysis (quotes, entities with their
            # mention offsets) as loading made it: the extractor does not run again.
            article, analysis = self.host.corpus.open(entry)
        except ArticleGone as gone:
            again = reread(self.host.corpus, entry)  # the cache may be stale: an edit that kept size and mtime
            if again is None:
                deliver(self, self._article_gone, entry, str(gone))
                return
            fresh, entry, article, analysis = again
            deliver(self, self._swap_in, fresh)
        except Exception as error:  # an unreadable file must not end the app
            deliver(self, self._article_gone, entry, f"{type(error).__name__}: {error}")
            return
        if not get_current_worker().is_cancelled:
            deliver(self, self._show_article, entry, article, analysis)

    def _show_article(self, entry: Entry, article: Article, analysis: Analysis) -> None:
        if self.article_list.current is not entry:
            return  # the cursor moved on while this one was read
        jumping = self._when_shown is not None and self._when_shown[0] == entry.key
        # Where the reader left it, unless jumping elsewhere: read, and marked as being put back,
        # before showing it, whose scroll to the top is noted as a place otherwise.
        line = 0 if jumping else self._position_of(entry.key, entry.id)
        if line:
            self._placing = entry.key
        self.reader.show(article, analysis, placing=bool(line) or jumping)
        # Scrolled to once the paragraphs are laid out: before that they are nowhere.
        if jumping and self._when_shown is not None:
            self.reader.after_show(self._when_shown[1], reveal=True)
            self._when_shown = None
        elif line:
            self.reader.after_show(partial(self._put_back, entry.key, line))

    def _put_back(self, key: str, line: int, frames: int = PUT_BACK_FRAMES) -> None:
        reader = self.reader
        if reader.article is None or reader.article.key != key:
            return  # the cursor moved on while waiting: that article's place is not this one's
        if reader.max_scroll_y < line and frames:
            # Not laid out to that depth yet (a busy machine can take a frame or two more):
            # scrolling now would stop short, and that short place would then be kept.
            reader.call_after_refresh(self._put_back, key, line, frames - 1)
            return
        reader.reveal(line)
        if self._placing == key:
            self._placing = None

    def _swap_in(self, fresh: dict[str, Entry]) -> None:
        swap_in(self.host.corpus.entries, fresh)
        self.article_list.refresh()
        self._sidebar_on_reader(self.article_list.current)

    def _article_gone(self, entry: Entry, reason: str) -> None:
        if self.article_list.current is entry:
            self.reader.show_message(f"{entry.title}\n\nThis article can no longer be read: {reason}")
            # A notice too: the reader may be folded away or scrolled, and a vanished file is news.
            self.notify(f"{entry.title}: {reason}", title="Article gone", severity="warning", markup=False, timeout=8)

    @on(ArticleList.Chosen)
    def _chosen(self, message: ArticleList.Chosen) -> None:
        self.mark_read(message.entry)
        self.reader.focus()

    def _is_shown(self, entry: Entry) -> bool:
        shown = self.reader.article
        return self.article_list.current is entry and shown is not None and shown.key == entry.key

    def open_entry(self, entry: Entry, quote: int | None = None, then: Callable[[], object] | None = None) -> None:
        """Open `entry`, scrolled to its quote number `quote` (or doing `then`) once shown.
        For the palette, and for search and bookmarks: whatever finds an article opens it here."""
        if self.article_list.position_of(entry.key) is None:
            self.action_clear_filter()
        if quote is not None:
            then = partial(self._show_quote, quote)
        if then is not None:
            if self._is_shown(entry):
                then()
            else:
                self._when_shown = (entry.key, then)
        self.article_list.select(entry.key)
        self.mark_read(entry)

    def _show_quote(self, number: int) -> None:
        self.reader.scroll_to_quote(number)
        self.sidebar.mark_quote(number)

    # -- the sidebar and the filter ------------------------------------------------

    @on(Sidebar.QuoteChosen)
    def _quote_chosen(self, message: Sidebar.QuoteChosen) -> None:
        entry = self.sidebar.entry
        if self.sidebar_on_quotes and entry is not None:
            # The sidebar is on the quote list's article, not the reader's: open it at the quote.
            self.show_quotes(False)
            self.open_entry(entry, quote=message.number)
            return
        self.reader.scroll_to_quote(message.number)

    @on(Sidebar.EntityChosen)
    def _entity_chosen(self, message: Sidebar.EntityChosen) -> None:
        if self.view != "articles":
            # The speakers' or entities' view hides the article list it filters: back to it.
            self.action_show_articles()
        self.entity_filter = message.entity.name
        if self.has_class("-narrow"):
            self.sidebar_toggled = False  # the list comes back to show the result
        self.article_list.focus()

    def watch_entity_filter(self, name: str | None) -> None:
        self.article_list.filter_by(None if name is None else self.host.search_index.mentioning(name))
        self.chip.display = name is not None
        if name is not None:
            self.chip.update(
                Content(" Mentioning ")
                + Content.styled(name, "bold")
                + Content(f"  {self.article_list.count:,}  ")
                + Content.styled("✕ x", "bold $text-accent")
            )
        self._update_subtitle()

    def on_click(self, event: events.Click) -> None:
        if getattr(event.widget, "id", None) == "filter-chip":
            self.action_clear_filter()

    def action_clear_filter(self) -> None:
        # Escape undoes the latest narrowing first: a find in the article, then the entity filter.
        if not self.reader.clear_find():
            self.entity_filter = None

    def watch_sidebar_toggled(self, toggled: bool) -> None:
        self.set_class(toggled, "-sidebar-toggled")

    def on_resize(self, event: events.Resize) -> None:
        # `s` shows the sidebar on a narrow screen and hides it on a wider one: a toggle made on
        # one side of that line, read on the other, hid the sidebar that `s` had asked to see.
        # Crossing the line starts from the new layout's own default.
        reached = [name for least, name in self.app.HORIZONTAL_BREAKPOINTS or [] if event.size.width >= least]
        narrow = bool(reached) and reached[-1] == "-narrow"
        if self._was_narrow is not None and narrow != self._was_narrow:
            self.sidebar_toggled = False
        self._was_narrow = narrow

    def action_toggle_sidebar(self) -> None:
        self.sidebar_toggled = not self.sidebar_toggled
        sidebar = self.sidebar
        if sidebar.has_focus and not sidebar.display:
            # (narrow: it stood in the list's place) back where `s` was pressed, not in the reader
            back, self._focus_before_sidebar = self._focus_before_sidebar, None
            (back if back is not None and back.is_attached else self.reader).focus()
        elif self.has_class("-narrow") and sidebar.display:
            self._focus_before_sidebar = self.focused if self.focused is not sidebar else None
            sidebar.focus()
        elif self.focused is None or not self.focused.display:
            self.reader.focus()

    # -- the reader's highlights ---------------------------------------------------

    def action_toggle_entities(self) -> None:
        self.reader.entities_on = not self.reader.entities_on
