"""Who said what across the corpus, in the main view: the left pane's Speakers and Entities views,
the middle pane's list of quotes, and the `People` tables behind them, built on a worker thread.

A mixin of `MainScreen` (kept apart to keep that module short): its handlers and actions are the
screen's. The tables are built from the entries loading produced (nothing is analysed again):
the speaker table after each run of batches (debounced), and all of them once loading is over,
the entity table and then its quote counts.

While the quote list is shown, the sidebar shows the article of the quote under its cursor (that
quote highlighted); once the list is closed, the reader's article again.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Literal

from textual.timer import Timer
from textual.worker import get_current_worker

from byline.corpus.records import unpack
from byline.model import Entity, Entry, Quote
from byline.people import Cancelled, EntityRow, People, QuoteRow, Speaker
from byline.tui.host import Notice
from byline.tui.threads import deliver
from byline.tui.widgets.people_list import PeopleList, PeoplePane
from byline.tui.widgets.quote_list import QuoteItem, QuoteList
from byline.tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from textual.screen import Screen

    from byline.tui.host import Host
    from byline.tui.widgets.article_list import ArticleList
    from byline.tui.widgets.reader import Reader

    class _Screen(Screen[None]):
        """What the mixin uses of `MainScreen`."""

        host: Host
        article_list: ArticleList
        reader: Reader
        sidebar: Sidebar
        sidebar_toggled: bool

        def open_entry(self, entry: Entry, quote: int | None = None) -> None: ...
else:
    _Screen = object

View = Literal["articles", "speakers", "entities"]
REBUILD_DELAY = 2.0
"""Seconds of quiet after a batch before the speaker table is built again (loading goes on).
Only the speaker table (a few tenths of a second at 100,000): the entity table, slower to make,
waits for loading to be over, so the rebuilds never hold the loader back for long."""
Stage = Literal["speakers", "entities", "counted"]
UNPACK_STEP = 2_000
"""Entries unpacked between two looks at whether the table is still wanted."""
SIDEBAR_QUIET = 0.1
"""Seconds after the sidebar took the article of the quote list's cursor during which another
article waits for the cursor to rest: a held key shows the article it stops on, not each one it
passes (a stand-in entry reads its quotes from the cache)."""


class PeopleViews(_Screen):
    """The people views' part of `MainScreen`."""

    people: People | None = None
    view: View = "articles"
    chosen_speaker: Speaker | None = None
    """The speaker last chosen: `a` on an entity narrows to what they said about it."""
    _quotes_of: View | None = None
    """The view the quote list was filled from (the middle pane shows it while that view is)."""
    _rebuild_timer: Timer | None = None
    _entities_of: People | None = None
    """The tables whose entity table is made (the sidebar's entities are looked up in it)."""
    sidebar_on_quotes: bool = False
    """The sidebar shows the article of the quote list's cursor, not the reader's."""
    _sidebar_timer: Timer | None = None
    _sidebar_wanted: QuoteRow | None = None
    """The quote whose article waits for the keys to pause."""
    _listed_from: People | None = None
    """The tables the quote list's rows came from: their `entry` numbers index these tables' entries."""

    def people_widgets(self) -> None:
        """Made with the screen, as its other panes are (messages in flight must find them)."""
        self.speakers_pane = PeoplePane("speakers", id="speakers")
        self.entities_pane = PeoplePane("entities", id="entities")
        self.quote_list = QuoteList(id="quotes")

    def people_widgets_made(self) -> tuple[PeoplePane, PeoplePane, QuoteList]:
        """For `compose`: the left pane's two views, then the middle pane's quote list."""
        return self.speakers_pane, self.entities_pane, self.quote_list

    # -- building the tables ----------------------------------------------------

    def people_batch_loaded(self) -> None:
        if self._rebuild_timer is not None:
            self._rebuild_timer.stop()
        self._rebuild_timer = self.set_timer(REBUILD_DELAY, partial(self.build_people, final=False))

    def build_people(self, final: bool = True) -> None:
        if self._rebuild_timer is not None:
            self._rebuild_timer.stop()
            self._rebuild_timer = None
        entries = list(self.host.corpus.entries)  # a snapshot: QuoteRow.entry indexes into it
        # A description of our own: Textual's default is repr(work), which here is the repr
        # of every entry (3 s of the UI thread per rebuild at 100,000 articles).
        self.run_worker(
            partial(self._build, entries, final),
            description=f"people tables over {len(entries):,} articles",
            thread=True,
            exclusive=True,
            group="people",
        )

    def _build(self, entries: list[Entry], final: bool) -> None:
        worker = get_current_worker()
        # Entries from a snapshot unpack their quotes on first read: seconds at 100,000, done
        # here a step at a time so that quitting meanwhile is not held up by it.
        for start in range(0, len(entries), UNPACK_STEP):
            if worker.is_cancelled:
                return
            unpack(entries[start : start + UNPACK_STEP])
        try:
            self._made(People(entries, cancelled=lambda: worker.is_cancelled), final)
        except Cancelled:  # a newer build took over (more entries came), or the app is closing
            return

    def _made(self, people: People, final: bool) -> None:
        """Finish `people`'s tables, each handed to the screen as it is made (`Cancelled` stops it)."""
        cancelled = people.cancelled or (lambda: False)
        _ = people.speaker_matcher, people.speakers.described  # made here, not on the first keystroke
        if cancelled():
            return
        deliver(self, self._people_ready, people, "speakers")
        if not final:
            return
        _ = people.entity_matcher
        if cancelled():
            return
        deliver(self, self._people_ready, people, "entities")
        people.count_entity_quotes()  # seconds at 100,000: the counts show "…" meanwhile
        if not cancelled():
            deliver(self, self._people_ready, people, "counted")

    def _people_ready(self, people: People, stage: Stage) -> None:
        if stage == "speakers":
            self.people = people
            if self.chosen_speaker is not None:
                alias = next(iter(self.chosen_speaker.aliases))
                self.chosen_speaker = people.speakers.by_alias.get(alias)
            self.speakers_pane.show(people.speaker_matcher)
        elif people is self.people:
            self._entities_of = people
            self.entities_pane.show(people.entity_matcher)

    # -- switching views --------------------------------------------------------

    def action_show_articles(self) -> None:
        self._switch("articles")

    def action_show_speakers(self) -> None:
        self._switch("speakers")

    def action_show_entities(self) -> None:
        self._switch("entities")

    def _switch(self, view: View) -> None:
        again = self.view == view
        self.view = view
        for name in ("speakers", "entities"):
            self.set_class(view == name, f"-view-{name}")
        self.set_class(view == "articles", "-view-articles")
        self.show_quotes(view != "articles" and self._quotes_of == view)
        if view == "articles":
            self.article_list.focus()
        elif again and self._quotes_of == view:
            self.quote_list.focus()  # pressed again: back to the quotes
        else:
            self.pane(view).filter_input.focus()

    def pane(self, view: View) -> PeoplePane:
        return self.speakers_pane if view == "speakers" else self.entities_pane

    def show_quotes(self, shown: bool) -> None:
        """The quote list in the middle pane (else the reader), the sidebar on its article."""
        self.set_class(shown, "-quotes")
        if shown:
            self._sidebar_follows(self.quote_list.current, at_once=True)
            return
        self._sidebar_wanted = None
        if self.sidebar_on_quotes:
            self.sidebar_on_quotes = False
            self.sidebar.show(self.article_list.current)

    # -- the sidebar on the quote under the cursor ------------------------------

    def on_quote_list_highlighted(self, message: QuoteList.Highlighted) -> None:
        if self.has_class("-quotes"):
            self._sidebar_follows(message.row)

    def _sidebar_follows(self, row: QuoteRow | None, at_once: bool = False) -> None:
        """The sidebar on `row`'s article, `row` highlighted; another article than the one shown
        waits while keys come faster than `SIDEBAR_QUIET` (a heading, or no quote: left as is)."""
        entry = self.entry_of(row)
        if row is None or entry is None:
            return
        # (by identity, not ==: a stand-in compared reads nothing from the cache)
        if self.sidebar_on_quotes and self.sidebar.entry is entry:
            self._sidebar_wanted = None  # back on the article shown before the keys paused
            self.sidebar.mark_quote(row.number)
            return
        waiting = self._sidebar_timer is not None and not at_once
        if self._sidebar_timer is not None:
            self._sidebar_timer.stop()  # (not `reset`, which waits out the interval it is in first)
        self._sidebar_timer = self.set_timer(SIDEBAR_QUIET, self._sidebar_quiet)
        if waiting:
            self._sidebar_wanted = row
        else:
            self._sidebar_wanted = None
            self._sidebar_on(row)

    def _sidebar_quiet(self) -> None:
        self._sidebar_timer = None
        wanted, self._sidebar_wanted = self._sidebar_wanted, None
        if wanted is not None and self.has_class("-quotes"):
            self._sidebar_on(wanted)

    def _sidebar_on(self, row: QuoteRow) -> None:
        entry = self.entry_of(row)
        if entry is None:
            return
        self.sidebar_on_quotes = True
        self.sidebar.show(entry)
        self.sidebar.mark_quote(row.number)

    # -- choosing ---------------------------------------------------------------

    def on_people_list_chosen(self, message: PeopleList.Chosen) -> None:
        people, row = self.people, message.row
        if people is None:
            return
        if isinstance(row, Speaker):
            self.chosen_speaker = row
            self._list(f"Quotes of {row.name}", people.quotes_of(row))
        elif message.about:
            if self.chosen_speaker is None:
                self.host.tell(Notice("Choose a speaker first (2, then Enter), then a to narrow.", "warning"))
                return
            speaker = self.chosen_speaker
            nothing = f"{speaker.name} says nothing about {row.name} in these articles"
            self._list(f"{speaker.name} about {row.name}", people.said_about(speaker, row), nothing)
        else:
            self.list_quotes_about(row)

    def list_quotes_about(self, row: EntityRow) -> None:
        assert self.people is not None
        items: list[QuoteItem] = []
        for who, rows in self.people.quotes_about(row):
            items.append(f"{who.name if who is not None else 'Unattributed'} · {len(rows)}")
            items.extend(rows)
        self._list(f"Quotes naming {row.name}", items, f"No quote names {row.name} in these articles")

    def _list(self, title: str, items: Sequence[QuoteItem], nothing: str = "") -> None:
        assert self.people is not None
        entries = self.people.entries
        totals = {item.entry: len(entries[item.entry].quotes) for item in items if isinstance(item, QuoteRow)}
        self.quote_list.show(title, items, totals, empty=nothing)
        self._listed_from = self.people
        self._quotes_of = self.view if self.view != "articles" else None
        self.show_quotes(True)
        self.quote_list.focus()

    def on_quote_list_chosen(self, message: QuoteList.Chosen) -> None:
        """Open the article in the reader at the quote, marked."""
        entry = self.entry_of(message.row)
        if entry is None:
            return
        self.show_quotes(False)
        self.open_entry(entry, quote=message.row.number)
        self.reader.focus()

    def on_quote_list_about(self) -> None:
        """`a` in the quotes naming an entity does what `a` on the entity does (README: `a`
        narrows them): pressed there, it did nothing at all."""
        row = self.entities_pane.list.current if self._quotes_of == "entities" else None
        if isinstance(row, EntityRow):
            self.on_people_list_chosen(PeopleList.Chosen(row, about=True))
        else:
            self.host.tell(Notice("a narrows the quotes naming an entity: 3, Enter on one, then a.", "warning"))

    def on_quote_list_back(self) -> None:
        if self._quotes_of is not None and self._quotes_of == self.view:
            self.pane(self._quotes_of).list.focus()
        else:  # the quotes naming a sidebar's entity, over the articles: back to the reader
            self.show_quotes(False)
            self.reader.focus()

    def on_sidebar_quotes_about(self, message: Sidebar.QuotesAbout) -> None:
        row = self._entity_row(message.entity)
        if row is None:
            self.host.tell(Notice("Still gathering the names of the corpus; try again in a moment.", "warning"))
            return
        if self.has_class("-narrow"):
            self.sidebar_toggled = False  # the middle pane comes back to show the quotes
        self.list_quotes_about(row)

    def _entity_row(self, entity: Entity) -> EntityRow | None:
        people = self.people
        if people is None or self._entities_of is not people:  # the entity table is still being made
            return None
        return people.entities.by_name.get((entity.name, entity.type))

    def chosen_in_quotes(self) -> tuple[Entry, Quote] | None:
        """The quote under the quote list's cursor while it has focus: what `y` and `b` take."""
        row = self.quote_list.current
        # The screen's focus, not has_focus, which waits for the Focus event: a key typed ahead runs first.
        if self.focused is not self.quote_list or (entry := self.entry_of(row)) is None or row is None:
            return None
        return entry, row.quote

    def entry_of(self, row: QuoteRow | None) -> Entry | None:
        """The article of a row of the quote list: in the tables it was listed from (newer ones, made
        as loading goes on, may number their entries otherwise), if they still hold it."""
        if row is None or self._listed_from is None or row.entry >= len(self._listed_from.entries):
            return None
        return self._listed_from.entries[row.entry]

    def forget_quotes(self) -> None:
        """The entries the quote list pointed into are gone (the corpus is read again): it closes, empty."""
        if self._sidebar_timer is not None:
            self._sidebar_timer.stop()
            self._sidebar_timer = None
        self.show_quotes(False)
        self.quote_list.show("", [], {})
        self._quotes_of, self._listed_from = None, None
