"""A search index kept as one BLOB (`byline.search.snapshot`) answers as the index it was made from."""

from __future__ import annotations

import marshal

import pytest

from byline.search import SearchIndex, snapshot
from byline.search.sources import MemoryTextSource
from tests.unit.test_search import index  # noqa: F401  (the fixture)

QUERIES = ["blair electon", "chelsae", "@blair", "#sedgefield", "mobile phones", '"we will', "t:mobile", "economy", "x"]


def answers(built: SearchIndex) -> list[list[tuple]]:
    return [
        [(h.kind, h.entry, h.text, h.score, h.positions, h.start, h.end, h.others) for h in built.search(q)]
        for q in QUERIES
    ]


def test_a_loaded_snapshot_answers_as_the_index_did(index: SearchIndex) -> None:  # noqa: F811
    loaded = snapshot.load(*snapshot.dump(index))
    assert loaded.entries == index.entries
    assert answers(loaded) == answers(index)
    assert any(hits for hits in answers(loaded))


def test_it_goes_on_growing_as_the_index_did(index: SearchIndex) -> None:  # noqa: F811
    loaded = snapshot.load(*snapshot.dump(index))
    more = [index.entries[0]]
    index.add(more, ["Extra text about Chelsea."])
    loaded.add(more, ["Extra text about Chelsea."])
    assert answers(loaded) == answers(index)


def test_a_snapshot_of_a_grown_snapshot_holds_the_growth(index: SearchIndex) -> None:  # noqa: F811
    # Lists grown after loading live apart from the flat arrays; a new dump must gather them.
    loaded = snapshot.load(*snapshot.dump(index))
    more = [index.entries[0]]
    index.add(more, ["Extra text about Chelsea."])
    loaded.add(more, ["Extra text about Chelsea."])
    again = snapshot.load(*snapshot.dump(loaded))
    assert answers(again) == answers(index)
    assert len(again.search("chelsea")) > len(snapshot.load(*snapshot.dump(loaded)).search("zzzz"))


def test_damaged_offsets_are_a_value_error(index: SearchIndex) -> None:  # noqa: F811
    pieces, parts = snapshot.dump(index)
    flat = bytes(pieces[2])[:-4]  # the reference lists' flat array loses its last int
    with pytest.raises(ValueError):
        snapshot.load([pieces[0], pieces[1], flat, *pieces[3:]], parts)
    state = list(marshal.loads(pieces[0]))
    state[7] = [size - 4 for size in state[7]]  # and sizes that say so do not make it whole
    with pytest.raises(ValueError):
        snapshot.load([marshal.dumps(tuple(state), 4), pieces[1], flat, *pieces[3:]], parts)


def format_7(pieces: list) -> bytes:
    """The index's bytes as format 7 wrote them: one marshal, its arrays inside it."""
    state = marshal.loads(pieces[0])
    refs_ends, refs_flat, keys, posting_ends, posting_flat = (bytes(piece) for piece in pieces[1:])
    old = (7, *state[1:7], (refs_ends, refs_flat), (keys, (posting_ends, posting_flat)), state[8])
    return marshal.dumps(old, 4)


def test_a_format_7_snapshot_still_loads(index: SearchIndex) -> None:  # noqa: F811
    # Kept by the version before: read as it is, not made again (a million articles' opening).
    pieces, parts = snapshot.dump(index)
    assert answers(snapshot.load(format_7(pieces), list(parts))) == answers(index)


def test_the_arrays_are_written_as_they_are_not_copied(index: SearchIndex) -> None:  # noqa: F811
    # At a million articles, a copy of the reference lists inside one marshal was 330 MB at once.
    index.settle()
    pieces, _ = snapshot.dump(index)
    flat = index._refs.pack()[1]
    first = bytes(memoryview(flat).cast("B")[:4])
    flat[0] = flat[0] + 1  # (in place, as nothing does but this test: a copy would not see it)
    assert any(
        isinstance(piece, memoryview) and len(piece) == len(memoryview(flat).cast("B")) and bytes(piece[:4]) != first
        for piece in pieces
    )


def test_without_text_it_holds_no_passages(index: SearchIndex) -> None:  # noqa: F811
    loaded = snapshot.load(*snapshot.dump(index, with_text=False))
    assert isinstance(loaded.text, MemoryTextSource) and len(loaded.text) == 0
    assert all(h.kind != "text" for h in loaded.search("mobile phones"))


def test_it_loads_into_the_index_it_is_given_and_the_head_alone(index: SearchIndex) -> None:  # noqa: F811
    target = SearchIndex()
    generation = target.generation
    assert snapshot.load(*snapshot.dump(index), into=target) is target
    assert target.generation > generation and answers(target) == answers(index)
    assert snapshot.load_head(snapshot.dump_head(index, size=2)) == index.entries[:2]


@pytest.mark.parametrize("data", [b"", b"not marshal", b"\xe9\x00\x00\x00", snapshot.marshal.dumps((99,))])
def test_damage_is_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError):
        snapshot.load(data, [])


def test_entries_come_in_parts_and_stay_packed_until_read(index: SearchIndex, monkeypatch) -> None:  # noqa: F811
    """A warm open builds the entries' titles at once and unpacks quotes only when read."""
    from byline.corpus.records import PackedEntry

    monkeypatch.setattr(snapshot, "PART", 3)
    data, parts = snapshot.dump(index)
    parts = list(parts)
    assert len(parts) == 2  # 4 entries, 3 to a part
    loaded = snapshot.load(data, parts)
    blair = loaded.entries[1]
    assert isinstance(blair, PackedEntry) and blair.title == index.entries[1].title
    assert blair._packed, "reading the title unpacked the quotes"
    assert blair.quotes == index.entries[1].quotes and not blair._packed
    assert blair.entities == index.entries[1].entities and blair == index.entries[1] == blair
    assert PackedEntry.pack(loaded.entries[2]) == PackedEntry.pack(index.entries[2])


def test_a_missing_part_is_a_value_error(index: SearchIndex, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr(snapshot, "PART", 3)
    data, parts = snapshot.dump(index)
    with pytest.raises(ValueError, match="entries, not"):
        snapshot.load(data, list(parts)[:1])
    with pytest.raises(ValueError):
        snapshot.load(data, [b"damaged"])


def test_entries_keep_their_dates_in_a_snapshot(index: SearchIndex) -> None:  # noqa: F811
    from dataclasses import replace

    index.entries = [
        replace(entry, date=f"2024-01-{n + 1:02d}", source=f"Source {n}") for n, entry in enumerate(index.entries)
    ]
    loaded = snapshot.load(*snapshot.dump(index))
    assert [e.date for e in loaded.entries] == [e.date for e in index.entries]
    assert [e.source for e in loaded.entries] == [e.source for e in index.entries]
    assert loaded.entries[0]._packed and loaded.entries == index.entries  # read without unpacking
    assert [e.date for e in snapshot.load_head(snapshot.dump_head(index))] == [e.date for e in index.entries]
