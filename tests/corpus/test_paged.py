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
    return [PagedEntry(e.id, e.path, e.title, e.author, e.date, e.source, pages) for e in entries]


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
