"""Entries that read their quotes and entities from the cache (`byline.corpus.paged`): what a
snapshot past `PAGED_FROM` entries gives, so that a million articles fit in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.corpus import Entry, load_corpus
from byline.corpus.paged import PagedEntry, RecordPages
from byline.people import People
from byline.search import SearchIndex, snapshot

pytestmark = pytest.mark.usefixtures("fake_extractor")


@pytest.fixture
def loaded(small_corpus: Path) -> list[Entry]:
    """The corpus's whole entries; loading them filled the cache the paged ones read."""
    return [entry for batch in load_corpus([str(small_corpus)]) for entry in batch.entries]


def paged(entries: list[Entry], pages: RecordPages) -> list[PagedEntry]:
    return [PagedEntry((e.id, e.path, e.title, e.author, e.date, e.source, len(e.quotes)), pages) for e in entries]


def test_a_paged_entry_reads_what_the_whole_one_holds(loaded: list[Entry]) -> None:
    pages = RecordPages()
    assert paged(loaded, pages) == loaded
    assert any(entry.quotes for entry in paged(loaded, pages)) and any(e.entities for e in paged(loaded, pages))


def test_the_last_records_read_are_kept_and_no_more(loaded: list[Entry]) -> None:
    pages = RecordPages(kept=2)
    first, second, third = paged(loaded[:3], pages)
    _ = first.quotes, first.entities, first.quote_sentences
    assert pages.reads == 1  # one record for every field of the entry
    _ = second.quotes, first.quotes
    assert pages.reads == 2
    _ = third.quotes, first.quotes  # the third pushed the second out, not the first (read last)
    assert pages.reads == 3
    _ = second.quotes
    assert pages.reads == 4


def test_entries_read_in_walk_order_take_one_query_for_many(loaded: list[Entry]) -> None:
    pages = RecordPages()
    entries = paged(loaded, pages)
    assert [len(entry.quotes) for entry in entries] == [len(entry.quotes) for entry in loaded]
    assert pages.reads == len(loaded) and pages.queries == 1


def test_a_stand_in_reads_its_record_while_a_write_is_under_way(
    loaded: list[Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot is written in one transaction from what its stand-ins read. Opening the cache as
    `CorpusCache.open` does (its tables checked in a write transaction) waited for that very
    transaction's lock, 10 s, then read nothing: the snapshot kept entries without quotes."""
    import byline.corpus.cache
    from byline.corpus.cache import CorpusCache

    monkeypatch.setattr(byline.corpus.cache, "BUSY_TIMEOUT_S", 0.2)  # any wait for the lock: short, and a failure
    writer = CorpusCache.open()
    try:
        with writer._writing():  # as `snapshots.put` is while the parts are made
            entries = paged(loaded, RecordPages())
            assert [entry.quotes for entry in entries] == [entry.quotes for entry in loaded]
    finally:
        writer.close()


def test_a_record_gone_from_the_cache_gives_no_quotes_not_an_error(loaded: list[Entry], tmp_path: Path) -> None:
    gone = paged(loaded[:1], RecordPages())[0]
    gone.path = str(tmp_path / "never-loaded.txt")
    assert gone.quotes == () and gone.entities == () and gone.title == loaded[0].title


def test_the_people_tables_of_paged_entries_are_those_of_whole_ones(loaded: list[Entry]) -> None:
    whole, by_page = People(loaded), People(paged(loaded, RecordPages(kept=1)))
    assert [(s.name, s.quotes, s.articles) for s in by_page.speakers.named] == [
        (s.name, s.quotes, s.articles) for s in whole.speakers.named
    ]
    assert by_page.speakers.named
    rows = lambda people: [(r.name, r.articles, r.mentions, r.quotes) for r in people.count_entity_quotes().rows]  # noqa: E731
    assert rows(by_page) == rows(whole) and rows(whole)


def test_past_the_paged_size_a_snapshot_gives_paged_entries(loaded: list[Entry]) -> None:
    index = SearchIndex(with_text=False)
    index.add(loaded)
    data, made = snapshot.dump(index, paged_from=len(loaded))
    parts = list(made)
    again = snapshot.load(data, parts)
    assert all(isinstance(entry, PagedEntry) for entry in again.entries)
    assert again.entries == loaded
    small, made = snapshot.dump(index, paged_from=len(loaded) + 1)
    small_parts = list(made)
    assert not any(isinstance(entry, PagedEntry) for entry in snapshot.load(small, small_parts).entries)
    assert len(b"".join(parts)) < len(b"".join(small_parts)) / 2  # what a paged part leaves out is most of it


def test_each_batch_is_in_the_cache_when_it_comes(small_corpus: Path) -> None:
    """What makes stand-ins safe: a cold load stores a batch's records before giving it."""
    from byline.corpus.pipeline import load_corpus as load

    pages = RecordPages()
    seen = 0
    for batch in load([str(small_corpus)], batch_size=2, workers=0):
        assert batch.stored
        # Read now, while loading goes on: each entry's record is there already.
        assert paged(batch.entries, pages) == batch.entries
        seen += len(batch.entries)
    assert seen == 5


def test_without_a_cache_nothing_is_stored_and_nothing_is_paged(small_corpus: Path) -> None:
    from byline.corpus.paged import Pager

    pager = Pager(whole=1)
    for batch in load_corpus([str(small_corpus)], use_cache=False):
        assert not batch.stored
        assert pager.stand_ins(batch) is batch.entries


def test_a_snapshot_keeps_each_entry_s_quote_count_and_reading_it_reads_no_record(loaded: list[Entry]) -> None:
    """The list shows the count on every row and sorts by it: a stand-in holds it as it holds the
    title (sorting 100,000 stand-ins by quotes read every record, seconds on the UI thread)."""
    from byline.corpus.records import PackedEntry

    index = SearchIndex(with_text=False)
    index.add(loaded)
    counts = [len(entry.quotes) for entry in loaded]
    assert sorted(set(counts)) == [1, 2]  # the fake extractor finds two in the long article
    for paged_from, kind in ((len(loaded), PagedEntry), (len(loaded) + 1, PackedEntry)):
        data, made = snapshot.dump(index, paged_from=paged_from)
        again = snapshot.load(data, list(made)).entries
        assert all(isinstance(entry, kind) for entry in again)
        assert [entry.quote_count for entry in again] == counts
        assert all(entry._packed for entry in again if isinstance(entry, PackedEntry))  # none unpacked for it
        pages = {entry._pages for entry in again if isinstance(entry, PagedEntry)}
        assert sum(page.reads for page in pages) == 0
        assert [len(entry.quotes) for entry in again] == counts  # the count is what the quotes are


def test_the_pager_keeps_the_first_entries_whole_and_stands_in_for_the_rest(small_corpus: Path) -> None:
    from byline.corpus.paged import Pager

    pager = Pager(whole=3)
    whole: list[Entry] = []
    kept: list[Entry] = []
    for batch in load_corpus([str(small_corpus)], batch_size=2):
        whole.extend(batch.entries)
        kept.extend(pager.stand_ins(batch))
    assert [type(entry) is PagedEntry for entry in kept] == [False, False, False, True, True]
    assert kept[:3] == whole[:3] and all(a is b for a, b in zip(kept[:3], whole[:3]))
    assert kept == whole  # the stand-ins read back what the whole entries hold


def test_an_index_built_from_whole_entries_keeps_their_stand_ins(loaded: list[Entry]) -> None:
    stand_ins = paged(loaded, RecordPages())
    index, plain = SearchIndex(), SearchIndex()
    index.add(loaded, kept=stand_ins)
    plain.add(loaded)
    assert all(a is b for a, b in zip(index.entries, stand_ins))
    assert [(h.kind, h.entry, h.text) for h in index.search("the")] == [
        (h.kind, h.entry, h.text) for h in plain.search("the")
    ]
    with pytest.raises(ValueError):
        index.add(loaded, kept=stand_ins[:1])


def test_what_reads_share_is_let_go_past_its_bound(loaded: list[Entry], monkeypatch: pytest.MonkeyPatch) -> None:
    """A walk through a million records met every entity of the corpus and kept each one."""
    import byline.corpus.paged

    monkeypatch.setattr(byline.corpus.paged, "SHARED_MAX", 1)
    pages = RecordPages(kept=1)
    decoders, entities = set(), 0
    for stand_in, whole in zip(paged(loaded, pages), loaded):
        assert stand_in == whole  # every read right, the sharing started afresh as it went
        decoders.add(id(pages._decoder))
        entities = max(entities, len(pages._decoder._entities))
    assert len(decoders) > 1 and entities <= 1 + max(len(entry.entities) for entry in loaded)
