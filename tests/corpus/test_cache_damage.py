"""A damaged index cache is never a reason to show nothing: whatever is wrong with it, it is rebuilt."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import byline.corpus.cache
import byline.corpus.pipeline
import byline.corpus.records
from byline.cli import main
from byline.corpus import load_corpus
from byline.corpus.cache import cache_path


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(byline.corpus.pipeline, "POOL_THRESHOLD", 10**9)
    root = tmp_path / "news"
    root.mkdir()
    for n in range(12):
        (root / f"{n}.txt").write_text(f"Title {n}\n\n\u201cWe will win,\u201d said Ann Smith.\n\nMore text {n}.\n")
    return root


def count(root: Path) -> int:
    return sum(len(batch.entries) for batch in load_corpus([str(root)], batch_size=4))


def forget_wal() -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{cache_path()}{suffix}").unlink(missing_ok=True)


def test_a_byte_that_is_not_utf8_anywhere_in_the_schema_means_a_rebuild(news: Path) -> None:
    assert count(news) == 12
    forget_wal()
    data = cache_path().read_bytes()
    schema_end = data.index(b"tokenize") + 40
    rng = random.Random(13)
    for _ in range(40):
        damaged = bytearray(data)
        damaged[rng.randrange(100, schema_end)] = 0xFF
        forget_wal()
        cache_path().write_bytes(bytes(damaged))
        assert count(news) == 12  # never a crash, never "0 articles"
    forget_wal()
    cache_path().write_bytes(bytes(damaged))
    assert main(["index", str(news)]) == 0


def test_any_failure_to_decode_a_row_reads_the_file_again(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert count(news) == 12

    real_loads = byline.corpus.records.marshal.loads
    seen: set[bytes] = set()

    def broken(data: bytes) -> object:
        if data not in seen:  # what the cache holds; the same file read again decodes
            seen.add(data)
            raise KeyError("something no one expected")
        return real_loads(data)

    monkeypatch.setattr(byline.corpus.records.marshal, "loads", broken)
    assert count(news) == 12


def test_any_failure_reading_the_cache_drops_it_and_the_corpus_still_loads(
    news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert count(news) == 12

    real_open = byline.corpus.cache.CorpusCache.open.__func__

    class Flaky:
        """A connection whose reads of the files table fail the way a bad byte makes them."""

        def __init__(self, conn: object) -> None:
            self._conn = conn

        def execute(self, sql: str, *args: object) -> object:
            if sql.startswith("SELECT path"):
                raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
            return self._conn.execute(sql, *args)  # type: ignore[attr-defined]

        def __getattr__(self, name: str) -> object:
            return getattr(self._conn, name)

    def flaky_open(cls: type, path: Path | None = None) -> object:
        cache = real_open(cls, path)
        cache.conn = Flaky(cache.conn)
        return cache

    monkeypatch.setattr(byline.corpus.cache.CorpusCache, "open", classmethod(flaky_open))
    monkeypatch.setattr(byline.corpus.pipeline, "_told", set())
    assert count(news) == 12
    assert not os.path.exists(cache_path())  # dropped, to be rebuilt at the next opening
