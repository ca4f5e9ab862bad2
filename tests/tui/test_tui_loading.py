"""Loading in the app: the index cache behind the list, the progress line, cache trouble."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

import byline.corpus
import byline.corpus.pipeline
import byline.extract
from byline.corpus import Batch
from byline.search import SearchIndex
from byline.tui.app import BylineApp
from byline.tui.loading import BatchLoaded
from tests.helpers.tui import settle, wait_until

pytestmark = pytest.mark.usefixtures("fake_extractor")


async def opened_once(corpus: Path) -> BylineApp:
    """The app opened on `corpus` until all is loaded, then closed: the cache (and its snapshot) filled."""
    app = BylineApp([str(corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    return app


def titles(app: BylineApp) -> list[str]:
    return [entry.title for entry in app.corpus.entries]


async def test_a_second_launch_fills_the_list_from_the_cache(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await opened_once(small_corpus)
    read: list[int] = []
    real = byline.corpus.pipeline.read_files
    monkeypatch.setattr(byline.corpus.pipeline, "read_files", lambda chunk: read.append(len(chunk)) or real(chunk))

    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert titles(second) == titles(first) and len(titles(second)) == 5
        assert second.corpus.entries[0].quotes  # the analysis came back from the cache too
    assert read == []


async def test_the_progress_line_gives_count_rate_and_time_left(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        app.main.loading_bar.post_message(BatchLoaded(Batch([], [], 250, 1000), elapsed=0.5))
        expected = "Loading 250 of 1,000 files · searching 250 of 1,000 · 500/s · 0:02 left"
        label = lambda: str(app.query_one("#loading-label", Static).content)  # noqa: E731
        await wait_until(pilot, lambda: label() == expected, "the progress line", seen=[])
        assert label() == expected


async def test_an_unusable_cache_is_said_once_and_the_articles_still_load(
    open_app, small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(byline.corpus.pipeline, "_told", set())
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        assert len(titles(app)) == 5
        said = [n.message for n in app._notifications if "index cache" in n.message]
        assert len(said) == 1 and "cannot create" in said[0]


async def test_the_first_rows_are_shown_before_loading_goes_on(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.tui.loading
    from byline.corpus import load_corpus

    entries = [e for b in load_corpus([str(small_corpus)]) for e in b.entries]
    rows_when_resumed: list[int] = []
    app = BylineApp([str(small_corpus)])

    def loading(paths: list[str], batch_size: int = 256, **options: object):
        yield Batch(entries[:2], [], 2, None)
        rows_when_resumed.append(app.article_list.count)  # back in the loader thread
        yield Batch(entries[2:], [], 5, 5)

    monkeypatch.setattr(byline.tui.loading, "load_corpus", loading)
    monkeypatch.setattr(byline.tui.loading, "FIRST_ROWS_WAIT", 60)  # a busy machine must not make it pass or fail
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.article_list.count == 5
    assert rows_when_resumed == [2]


async def test_a_second_launch_takes_the_whole_index_from_the_snapshot(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.tui.loading

    first = await opened_once(small_corpus)
    hits = [(h.kind, h.entry, h.text) for h in first.search_index.search("the", limit=10)]
    walked: list[int] = []
    monkeypatch.setattr(byline.tui.loading, "load_corpus", lambda *a, **k: walked.append(1) or iter(()))

    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert walked == []  # no file by file: one snapshot
        assert titles(second) == titles(first)
        assert second.search_index.entries == second.corpus.entries
        assert [(h.kind, h.entry, h.text) for h in second.search_index.search("the", limit=10)] == hits
        assert "5 articles" in second.sub_title


async def test_a_changed_file_makes_the_snapshot_stale(small_corpus: Path) -> None:
    first = await opened_once(small_corpus)
    before = titles(first)
    changed = sorted(small_corpus.glob("*.txt"))[0]
    old_title = changed.read_text(encoding="utf-8").splitlines()[0]
    changed.write_text("A brand new headline\n\nNothing else is the same.\n", encoding="utf-8")

    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The head of the last opening showed first; once the walk found the change, it went.
        shown = titles(second)
        assert "A brand new headline" in shown and old_title not in shown
        assert len(shown) == len(before) == len(set(shown)) and second.main.article_list.count == len(before)
        assert any(h.text == "A brand new headline" for h in second.search_index.search("brand new headline"))


async def test_the_head_shows_before_the_walk_that_checks_the_snapshot(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk takes a second at 100,000 files: the first rows must not wait for it."""
    import byline.corpus.walk

    first = await opened_once(small_corpus)
    second = BylineApp([str(small_corpus)])
    rows_at_walk: list[int] = []
    walk = byline.corpus.walk.Walk.stamp_of

    def watched(paths: list[str]) -> bytes:
        second.main.loading_bar.first_rows_shown.wait(5)
        rows_at_walk.append(len(second.corpus.entries))
        return walk(paths)

    monkeypatch.setattr(byline.corpus.walk.Walk, "stamp_of", staticmethod(watched))
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert rows_at_walk and rows_at_walk[0] > 0
        assert titles(second) == titles(first)


@pytest.mark.parametrize("warm", [True, False], ids=["from the snapshot", "file by file"])
async def test_the_first_rows_are_shown_as_they_arrive_not_with_the_later_ones(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:
    """Later batches are shown together every ROWS_EVERY_S, the first at once: the first frame
    with rows must not wait for that timer (it did, 0.3 s at every size: the list's entries are
    the corpus's, so the list counted the first batch before it was shown)."""
    import byline.tui.screens.corpus_loading as corpus_loading

    if warm:
        await opened_once(small_corpus)
        # No place to come back to (it would be shown at once, whatever the timer): a first launch's data.
        monkeypatch.setenv("BYLINE_DATA_DIR", str(small_corpus.parent / "other-data"))
    monkeypatch.setattr(corpus_loading, "ROWS_EVERY_S", 1000.0)  # a later batch would wait for ever
    handled = corpus_loading.CorpusLoading.on_batch_loaded
    after_first: list[bool] = []

    def watched(screen: corpus_loading.CorpusLoading, message: BatchLoaded) -> None:
        handled(screen, message)
        if message.batch.entries and not after_first:
            after_first.append(screen._rows_pending)

    monkeypatch.setattr(corpus_loading.CorpusLoading, "on_batch_loaded", watched)
    async with BylineApp([str(small_corpus)]).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    assert after_first == [False]  # the first rows went to the list at once, none held for the timer


def flag_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> threading.Event:
    """An event set once `module.name` has been called."""
    real, called = getattr(module, name), threading.Event()

    def watched(*args, **kwargs):
        called.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, watched)
    return called


async def first_paint_waited_for(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, ready: threading.Event, wait: float
) -> bool:
    """Open the app on `corpus`, its list's first paint held until `ready` (`wait` s at most):
    whether `ready` came meanwhile."""
    from byline.tui.widgets.article_list import ArticleList

    real = ArticleList.render_line
    came: list[bool] = []

    def render_line(self, y: int):
        if not came:
            came.append(ready.wait(wait))
        return real(self, y)

    monkeypatch.setattr(ArticleList, "render_line", render_line)
    async with BylineApp([str(corpus)]).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(pilot.app.corpus.entries) == 5
    return came == [True]


async def test_a_snapshots_head_is_read_while_the_first_frame_is_made(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its rows can then be in the very first frame: the loader does not wait for an empty one."""
    import byline.corpus.snapshots

    await opened_once(small_corpus)
    read = flag_calls(monkeypatch, byline.corpus.snapshots, "head")
    assert await first_paint_waited_for(small_corpus, monkeypatch, read, wait=5)  # at once, unless it fails


async def test_file_by_file_no_file_is_read_before_the_first_frame_is_out(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading files takes the GIL for long stretches: the first frame comes first."""
    analysed = flag_calls(monkeypatch, byline.extract, "analyse")
    assert not await first_paint_waited_for(small_corpus, monkeypatch, analysed, wait=1)  # a second: none may come


async def test_every_row_is_listed_and_searchable_before_the_walk_is_over(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a million files the walk that checks the snapshot takes 15 s: the snapshot's rows do not wait for it."""
    import threading

    import byline.corpus.walk

    first = await opened_once(small_corpus)
    walked, stamp_of = threading.Event(), byline.corpus.walk.Walk.stamp_of

    def slow(paths: list[str]) -> bytes:
        walked.wait(30)
        return stamp_of(paths)

    monkeypatch.setattr(byline.corpus.walk.Walk, "stamp_of", staticmethod(slow))
    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        # The head's rows come first, then the index: wait for both (rows alone raced the index).
        await wait_until(
            pilot, lambda: second.article_list.count == 5 and len(second.search_index) == 5, "every row, searchable"
        )
        assert second.loading and not walked.is_set()
        assert [(h.kind, h.text) for h in second.search_index.search("the", limit=10)] == [
            (h.kind, h.text) for h in first.search_index.search("the", limit=10)
        ]
        walked.set()
        await settle(pilot)
        assert not second.loading and titles(second) == titles(first)


async def test_past_the_paged_size_the_snapshot_keeps_columns_and_entries_read_the_cache(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million packed entries do not fit in memory: past PAGED_FROM the snapshot holds what the
    list and search show, and each entry reads its quotes and entities from the cache when asked."""
    import byline.search.snapshot
    import byline.tui.loading
    from byline.corpus.paged import PagedEntry

    monkeypatch.setattr(byline.search.snapshot, "PAGED_FROM", 2)
    monkeypatch.setattr(byline.search.snapshot, "HEAD", 1)
    first = await opened_once(small_corpus)
    hits = [(h.kind, h.entry, h.text) for h in first.search_index.search("the", limit=10)]
    walked: list[int] = []
    monkeypatch.setattr(byline.tui.loading, "load_corpus", lambda *a, **k: walked.append(1) or iter(()))
    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert walked == []  # from the snapshot, not file by file
        entries = second.corpus.entries
        assert not isinstance(entries[0], PagedEntry)  # the head's entries are whole
        assert all(isinstance(entry, PagedEntry) for entry in entries[1:]) and len(entries) == 5
        assert entries == first.corpus.entries  # quotes, entities and the rest read back from the cache
        assert any(entry.quotes for entry in entries[1:])
        assert [(h.kind, h.entry, h.text) for h in second.search_index.search("the", limit=10)] == hits


@pytest.mark.parametrize("paged_snapshot", [True, False], ids=["paged snapshot", "packed snapshot"])
async def test_a_first_opening_past_the_whole_size_keeps_stand_ins_not_whole_entries(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch, paged_snapshot: bool
) -> None:
    """The first opening of a million held a million whole entries (4 GB, and it never ended): past
    WHOLE_KEPT it keeps stand-ins that read the rest from the cache, and the snapshot it keeps
    (paged past PAGED_FROM, else packed from what the stand-ins read) is the one the next opening reads."""
    import byline.corpus.paged
    import byline.search.snapshot
    from byline.corpus.paged import PagedEntry
    from byline.corpus.records import PackedEntry

    whole = [
        entry for batch in byline.corpus.load_corpus([str(small_corpus)], use_cache=False) for entry in batch.entries
    ]
    monkeypatch.setattr(byline.corpus.paged, "WHOLE_KEPT", 2)
    monkeypatch.setattr(byline.search.snapshot, "PAGED_FROM", 3 if paged_snapshot else 100)
    monkeypatch.setattr(byline.search.snapshot, "HEAD", 1)
    first = await opened_once(small_corpus)
    entries = first.corpus.entries
    assert [isinstance(entry, PagedEntry) for entry in entries] == [False, False, True, True, True]
    assert entries == whole and any(entry.quotes for entry in entries[2:])
    assert all(a is b for a, b in zip(first.search_index.entries, entries))
    plain = SearchIndex()
    plain.add(whole)
    hits = [(h.kind, h.entry, h.text) for h in plain.search("the", limit=10)]
    fields = lambda app: [(h.kind, h.entry, h.text) for h in app.search_index.search("the") if h.kind != "text"]  # noqa: E731
    assert fields(first)[:10] == hits

    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert second.corpus.entries == whole  # from the snapshot the first opening kept
        kind = PagedEntry if paged_snapshot else PackedEntry
        assert all(isinstance(entry, kind) for entry in second.corpus.entries[1:])
        assert fields(second)[:10] == hits
        await pilot.press("G")  # the last article, a stand-in: its quotes reach the sidebar
        await settle(pilot)
        shown = second.reader.article
        assert shown is not None and shown.title == whole[-1].title
        rows = [option for option in second.sidebar.options if (option.id or "").startswith("quote-")]
        assert len(rows) == len(whole[-1].quotes) > 0


@asynccontextmanager
async def opened_on_stand_ins(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> AsyncIterator[tuple[BylineApp, Any, Callable[[], int]]]:
    """The app on `corpus` (five articles) with all but the first entry stand-ins (`PagedEntry`),
    from a first opening or a snapshot, and a count of the records they have read from the cache
    (none is at hand when it starts: every read counts)."""
    import byline.corpus.paged
    import byline.search.snapshot
    from byline.corpus.paged import PagedEntry

    monkeypatch.setattr(byline.corpus.paged, "WHOLE_KEPT", 1)
    monkeypatch.setattr(byline.search.snapshot, "PAGED_FROM", 2)
    monkeypatch.setattr(byline.search.snapshot, "HEAD", 1)
    if opening == "snapshot":
        await opened_once(corpus)  # keeps the snapshot this opening reads
    app = BylineApp([str(corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        entries = app.corpus.entries
        assert all(isinstance(entry, PagedEntry) for entry in entries[1:]) and len(entries) == 5
        pages = {entry._pages for entry in entries if isinstance(entry, PagedEntry)}
        for page in pages:
            page.close()
        yield app, pilot, lambda: sum(page.reads for page in pages)


@pytest.mark.parametrize("opening", ["first opening", "snapshot"])
async def test_sorting_by_quotes_reads_no_stand_in_s_record(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """Sorting by quote count read every entry's quotes: past WHOLE_KEPT, or from a snapshot past
    PAGED_FROM, a record from the cache each, on the UI thread (seconds at 100,000). The count is
    a column the stand-ins hold, as the title is (a packed snapshot's too: tests/corpus/test_paged.py)."""
    async with opened_on_stand_ins(small_corpus, monkeypatch, opening) as (app, pilot, reads):
        read_before = reads()
        for _ in ("date", "title", "quotes"):
            await pilot.press("o")
            await settle(pilot)
        assert app.main.article_list.entry_at(0).title == "Article number 2"  # its two quotes first
        assert str(app.main.query_one("#list-pane").border_subtitle).endswith("by quotes")
        assert reads() == read_before  # neither the sort nor the rows it shows read a record


@pytest.mark.parametrize("opening", ["first opening", "snapshot"])
async def test_filtering_by_an_entity_reads_no_stand_in_s_record(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """Choosing an entity in the sidebar narrows the list to the articles naming it: past WHOLE_KEPT
    that asked every stand-in for its entities, a record from the cache each, on the UI thread (tens
    of seconds at a million). The search index's references answer for the stand-ins."""
    async with opened_on_stand_ins(small_corpus, monkeypatch, opening) as (app, pilot, reads):
        read_before = reads()
        listed, opened = app.main.article_list, set()
        for name, titles in (
            ("Israel", ["Article number 4"]),
            ("State Department", ["Article number 2"]),
            ("Hamas", [f"Article number {n}" for n in range(5)]),  # the whole first entry too
        ):
            app.main.entity_filter = name
            await settle(pilot)
            assert sorted(listed.entry_at(i).title for i in range(listed.count)) == titles
            assert app.main.reader.article is not None
            opened.add(app.main.reader.article.title)
        assert opened == {"Article number 4", "Article number 2"}
        assert reads() - read_before == len(opened)  # the articles the reader opened, none for the filter


async def test_past_what_memory_could_hold_text_is_searched_in_the_cache_from_the_start(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus far past the in-memory text budget does not read its files to fill it first."""
    import byline.tui.loading
    from byline.search.sources import FullTextSource

    filled: list[int] = []
    monkeypatch.setattr(byline.tui.loading, "TEXT_IN_MEMORY_MAX", 2)
    monkeypatch.setattr(byline.tui.loading, "fill_text", lambda *a, **k: filled.append(1) or 0)
    app = await opened_once(small_corpus)
    assert filled == [] and isinstance(app.search_index.text, FullTextSource)
    assert app.search_index._ids is None  # settled once loading was over
    hits = [(h.kind, app.corpus.entries[h.entry].title) for h in app.search_index.search("rafah appears")]
    assert ("text", "Article number 4") in hits


async def test_no_bar_animates_while_the_total_is_unknown(open_app, small_corpus: Path) -> None:
    """An indeterminate bar repaints at the screen's frame rate, on the thread the loader needs:
    while the walk goes on the line gives the count alone, and the bar comes with the total."""
    from textual.widgets import ProgressBar

    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        bar, label = app.query_one(ProgressBar), app.query_one("#loading-label", Static)
        app.main.loading_bar.post_message(BatchLoaded(Batch([], [], 250, None), elapsed=0.5))
        await wait_until(pilot, lambda: "Loading 250 of ? files" in str(label.content), "the count")
        assert not bar.display
        app.main.loading_bar.post_message(BatchLoaded(Batch([], [], 300, 1000), elapsed=0.6))
        await wait_until(pilot, lambda: "Loading 300 of 1,000" in str(label.content), "the total")
        assert bar.display and bar.total == 1000


async def left_at_the_last_article(corpus: Path, monkeypatch: pytest.MonkeyPatch, cold: Path) -> threading.Event:
    """Open `corpus`, leave it at its last article (the place to come back to), and make the next
    opening a cold one through `held_loader`: returns the event that lets its rest come."""
    import byline.tui.loading

    app = BylineApp([str(corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.title == "Article number 4"
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(cold))  # no snapshot: the loader runs
    release = threading.Event()
    monkeypatch.setattr(byline.tui.loading, "load_corpus", held_loader(corpus, release))
    return release


def held_loader(corpus: Path, release: threading.Event):
    """A loader that gives the first two rows, then waits for `release` before the rest."""
    from byline.corpus import load_corpus

    entries = [e for b in load_corpus([str(corpus)]) for e in b.entries]

    def loading(paths: list[str], batch_size: int = 256, **options: object):
        yield Batch(entries[:2], [], 2, None)
        release.wait(30)
        yield Batch(entries[2:], [], 5, 5)

    return loading


async def test_the_first_article_is_not_flashed_while_the_place_to_come_back_to_loads(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = await left_at_the_last_article(small_corpus, monkeypatch, tmp_path / "cold")
    shown: list[str] = []
    app = BylineApp([str(small_corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.article_list.count == 2, "the first rows")
        await pilot.pause(0.3)
        shown.append(app.reader.article.title if app.reader.article else "")
        release.set()
        await wait_until(pilot, lambda: app.reader.article is not None, "an article")
        await settle(pilot)
        assert app.reader.article.title == "Article number 4"
    assert shown == [""], "no other article shown while the place was loading"


async def test_a_place_slow_to_come_is_not_waited_for_past_a_few_seconds(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.tui.screens.corpus_loading

    release = await left_at_the_last_article(small_corpus, monkeypatch, tmp_path / "cold")
    monkeypatch.setattr(byline.tui.screens.corpus_loading, "PLACE_WAIT_S", 0.3)
    app = BylineApp([str(small_corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            await wait_until(pilot, lambda: app.reader.article is not None, "the first article, after the wait")
            assert app.reader.article.title == "Article number 0"
        finally:
            release.set()
        await wait_until(
            pilot,
            lambda: app.reader.article and app.reader.article.title == "Article number 4",
            "the place, once it came",
        )
