"""Snapshots filed in the corpus cache (`byline.corpus.snapshots`): the index is a part of its own,
written and read a step at a time, and a snapshot filed before that still reads."""

from __future__ import annotations

import marshal

import pytest

from byline.corpus import snapshots
from byline.corpus.cache import CorpusCache
from byline.model import Skipped
from byline.search import SearchIndex, snapshot
from tests.unit.test_search import index  # noqa: F401  (the fixture)
from tests.unit.test_snapshot import answers, format_7

KEY, STAMP = b"key", b"stamp"


def test_the_index_is_a_part_of_its_own_read_only_when_taken(
    index: SearchIndex,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(snapshots, "BLOB_STEP", 7)  # many steps, the last one short
    monkeypatch.setattr(snapshot, "PART", 3)
    data, parts = snapshot.dump(index)
    assert len(data) == 6 and any(len(memoryview(piece).cast("B")) % 7 for piece in data)
    skipped = [Skipped("notes.py", "not an article format (.py)")]
    with CorpusCache.open() as cache:
        snapshots.keep(cache, KEY, STAMP, 4, skipped, b"head", data, parts)
        stored = cache.conn.execute("SELECT length(data) FROM snapshots WHERE key = ?", (KEY,)).fetchone()[0]
        assert stored < 200  # the files walked and skipped, not the index
        found = snapshots.held(cache, KEY, STAMP)
        assert found is not None and found.index is None and found.files == 4 and found.skipped == skipped
        assert len(list(found.parts())) == 2  # the entries' parts only
        loaded = snapshot.load(found.take_index, found.parts())
        assert answers(loaded) == answers(index) and loaded.entries == index.entries
        assert snapshots.held(cache, KEY, STAMP).take_index() == [bytes(piece) for piece in data]  # type: ignore[union-attr]
        assert snapshots.held(cache, KEY, b"another stamp") is None


def test_a_snapshot_filed_with_its_index_inside_still_reads(index: SearchIndex) -> None:  # noqa: F811
    data, parts = snapshot.dump(index)
    whole = format_7(data)  # (as the version that filed it inside wrote it)
    with CorpusCache.open() as cache:
        snapshots.put(cache, KEY, STAMP, b"head", marshal.dumps((4, [], whole), 4), parts)
        found = snapshots.held(cache, KEY, STAMP)
        assert found is not None and found.index == whole
        assert answers(snapshot.load(found.take_index, found.parts())) == answers(index)


def test_a_missing_index_is_a_value_error(index: SearchIndex) -> None:  # noqa: F811
    data, parts = snapshot.dump(index)
    with CorpusCache.open() as cache:
        snapshots.keep(cache, KEY, STAMP, 4, [], b"head", data, parts)
        found = snapshots.held(cache, KEY, STAMP)
        with cache._writing() as conn:
            conn.execute("DELETE FROM snapshot_parts WHERE part = ?", (snapshots.INDEX_PART - 2,))
        assert found is not None
        with pytest.raises(ValueError, match="index is missing"):
            snapshot.load(found.take_index, found.parts())
