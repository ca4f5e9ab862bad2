"""The index cache: what a second opening re-reads, and what it must never trust."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

import byline.corpus.pipeline
import byline.extract
import byline.load
from byline.corpus import Batch, Entry, load_corpus
from byline.corpus.cache import CorpusCache, cache_path
from byline.model import Analysis, Entity, Quote


def write(path: Path, title: str, *paragraphs: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def touch_later(path: Path) -> None:
    """Move the mtime on, so a rewrite is seen even on a coarse-clock file system."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    write(root / "a.txt", "Alpha title", "First paragraph about rain.", "Second about the election.")
    write(root / "b.txt", "Beta title", "Football at Chelsea on Saturday.")
    write(root / "sub" / "c.md", "# Gamma title", "Mobile phone sales rose.")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    return root


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file that load_file reads, in this process (no worker pool in tests)."""
    seen: list[str] = []
    real = byline.load.load_file

    def counting(path: Path) -> byline.load.LoadResult:
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(byline.load, "load_file", counting)
    monkeypatch.setattr(byline.corpus.pipeline, "POOL_THRESHOLD", 10**9)
    return seen


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in analysis with quotes and entities, counting calls."""
    titles: list[str] = []

    def analyse(article: byline.model.Article) -> Analysis:
        titles.append(article.title)
        return Analysis(
            quotes=(Quote("we will win", "Ann Smith", 3, 14, "full"), Quote("a partial", None, 20, 29, "partial")),
            entities=(Entity("Ann Smith", "PERSON", 2, ((0, 9),)), Entity("Chelsea", "ORG", 1)),
        )

    monkeypatch.setattr(byline.extract, "analyse", analyse)
    return titles


def load(paths: list[Path], **kwargs: object) -> tuple[list[Entry], list[Batch]]:
    batches = list(load_corpus([str(p) for p in paths], batch_size=2, **kwargs))
    return [e for b in batches for e in b.entries], batches


def by_path(entries: list[Entry]) -> dict[str, Entry]:
    return {e.path: e for e in entries}


def test_second_load_reads_no_file_and_gives_the_same_entries(
    corpus: Path, reads: list[str], analysed: list[str]
) -> None:
    first, _ = load([corpus])
    assert sorted(reads) == ["a.txt", "b.txt", "broken.txt", "c.md"]
    assert len(analysed) == 3
    reads.clear()
    analysed.clear()

    second, batches = load([corpus])

    assert reads == [] and analysed == []
    assert by_path(second) == by_path(first)
    assert sum(b.cached for b in batches) == 4
    assert by_path(second)[str(corpus / "a.txt")].quotes[0] == Quote("we will win", "Ann Smith", 3, 14, "full")
    # Entities come back with their counts but without mention offsets.
    assert by_path(second)[str(corpus / "a.txt")].entities[0] == Entity("Ann Smith", "PERSON", 2)
    # A skipped file stays skipped, with its reason, without being read again.
    assert [(Path(s.path).name, s.reason) for b in batches for s in b.skipped] == [
        ("broken.txt", "binary file, not text")
    ]


def test_uncached_and_cached_loads_agree(corpus: Path) -> None:
    plain, plain_batches = load([corpus], use_cache=False)
    load([corpus])
    cached, _ = load([corpus])
    assert plain == cached
    assert plain_batches[-1].done == plain_batches[-1].total == 4


def test_the_last_batch_reports_every_file_done(corpus: Path) -> None:
    for _ in range(2):
        _, batches = load([corpus])
        assert batches[-1].done == batches[-1].total == 4
        assert all(b.total is None or b.total == 4 for b in batches)


def test_a_changed_file_is_read_again(corpus: Path, reads: list[str]) -> None:
    load([corpus])
    write(corpus / "b.txt", "Beta title, revised", "Football at Arsenal.")
    touch_later(corpus / "b.txt")
    reads.clear()

    entries, _ = load([corpus])

    assert reads == ["b.txt"]
    assert by_path(entries)[str(corpus / "b.txt")].title == "Beta title, revised"
    reads.clear()
    load([corpus])
    assert reads == []


def test_a_new_file_is_read_and_a_deleted_one_dropped(corpus: Path, reads: list[str]) -> None:
    load([corpus])
    write(corpus / "sub" / "d.txt", "Delta title", "New today.")
    (corpus / "a.txt").unlink()
    reads.clear()

    entries, _ = load([corpus])

    assert reads == ["d.txt"]
    titles = sorted(e.title for e in entries)
    assert titles == ["Beta title", "Delta title", "Gamma title"]
    with CorpusCache.open() as cache:
        keys = list(cache.keys_under([str(corpus)]))
    assert os.path.abspath(corpus / "a.txt") not in keys
    assert os.path.abspath(corpus / "sub" / "d.txt") in keys


def test_files_of_another_corpus_are_kept(tmp_path: Path, corpus: Path, reads: list[str]) -> None:
    other = write(tmp_path / "other" / "o.txt", "Other title", "Elsewhere.")
    load([other.parent])
    load([corpus])
    reads.clear()
    load([other.parent])
    assert reads == []


def test_relative_paths_come_back_relative(corpus: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    load([Path("news")])
    reads.clear()
    entries, _ = load([Path("news")])
    assert reads == []
    assert sorted(e.path for e in entries) == sorted(
        os.path.join("news", name) for name in ("a.txt", "b.txt", os.path.join("sub", "c.md"))
    )
    # ... and absolute when opened by an absolute path, from the same cache rows.
    entries, _ = load([corpus])
    assert reads == []
    assert all(os.path.isabs(e.path) for e in entries)


def test_feed_entries_keep_their_numbered_paths(tmp_path: Path, reads: list[str]) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>One</title><description>First item text.</description></item>"
        "<item><title>Two</title><description>Second item text.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    first, _ = load([feed])
    reads.clear()
    second, _ = load([feed])
    assert reads == []
    assert [e.path for e in second] == [f"{feed}#1", f"{feed}#2"] == [e.path for e in first]


def test_an_extractor_version_bump_rebuilds(corpus: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    load([corpus])
    monkeypatch.setattr(byline.extract, "EXTRACTOR_VERSION", "a newer one")
    reads.clear()
    load([corpus])
    assert sorted(reads) == ["a.txt", "b.txt", "broken.txt", "c.md"]
    reads.clear()
    load([corpus])
    assert reads == []


def test_a_corrupt_cache_is_rebuilt(corpus: Path, reads: list[str]) -> None:
    load([corpus])
    path = cache_path()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(os.urandom(64 * 1024))
    reads.clear()

    entries, batches = load([corpus])

    assert sorted(reads) == ["a.txt", "b.txt", "broken.txt", "c.md"]
    assert len(entries) == 3
    assert not any(b.notes for b in batches)  # rebuilt, not given up on
    reads.clear()
    load([corpus])
    assert reads == []


def test_a_cache_with_a_corrupt_row_reads_that_file_again(corpus: Path, reads: list[str]) -> None:
    load([corpus])
    with CorpusCache.open() as cache:
        cache.conn.execute(
            "UPDATE files SET data = x'00ff00' WHERE path = ?", (os.fsencode(os.path.abspath(corpus / "b.txt")),)
        )
    reads.clear()
    entries, _ = load([corpus])
    assert reads == ["b.txt"]
    assert str(corpus / "b.txt") in by_path(entries)


def test_an_unusable_cache_dir_means_working_without_it_and_saying_so_once(
    corpus: Path, tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(byline.corpus.pipeline, "_told", set())

    entries, batches = load([corpus])
    assert len(entries) == 3
    notes = [note for b in batches for note in b.notes]
    assert len(notes) == 1 and "without the index cache" in notes[0]

    reads.clear()
    entries, batches = load([corpus])
    assert len(entries) == 3 and sorted(reads) == ["a.txt", "b.txt", "broken.txt", "c.md"]
    assert not any(b.notes for b in batches)


def test_a_failing_analysis_keeps_the_article_with_a_warning(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article: byline.model.Article) -> Analysis:
        raise RuntimeError("lexicon missing")

    monkeypatch.setattr(byline.extract, "analyse", broken)
    entries, _ = load([corpus])
    assert len(entries) == 3
    assert all(any("lexicon missing" in w for w in e.warnings) for e in entries)


def test_worker_processes_give_what_in_process_reading_gives(tmp_path: Path) -> None:
    root = tmp_path / "many"
    for i in range(120):
        write(root / f"{i:03d}.txt", f"Title {i}", f"Paragraph one of {i}.", f"Paragraph two of {i}.")
    pooled = [e for b in byline.corpus.pipeline.load_corpus([str(root)], workers=2) for e in b.entries]
    alone = [e for b in byline.corpus.pipeline.load_corpus([str(root)], use_cache=False, workers=0) for e in b.entries]
    assert len(pooled) == 120
    assert pooled == alone


def test_too_many_stale_text_rows_rebuild_the_cache(
    corpus: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.corpus.cache

    load([corpus])
    for n in range(4):  # each rewrite leaves the old FTS row behind, as an orphan
        write(corpus / "b.txt", f"Beta {n}", "Changed again.")
        touch_later(corpus / "b.txt")
        load([corpus])
    reads.clear()
    load([corpus])
    assert reads == []  # 4 orphans for 3 live rows, but under the limit

    monkeypatch.setattr(byline.corpus.cache, "MAX_ORPHANS", 3)
    load([corpus])
    assert sorted(reads) == ["a.txt", "b.txt", "broken.txt", "c.md"]


def test_each_batch_reports_the_files_whose_entries_it_completes(corpus: Path) -> None:
    for _ in range(2):  # cold, then from the cache
        delivered = 0
        for batch in load_corpus([str(corpus)], batch_size=1):
            delivered += len(batch.entries)
            # One entry per file here, and the binary file has none: done never runs ahead of the rows.
            assert delivered <= batch.done <= delivered + 1
        assert batch.done == batch.total == 4


def test_entries_from_the_cache_share_repeated_entities_and_names(
    corpus: Path, reads: list[str], analysed: list[str]
) -> None:
    load([corpus])
    entries, _ = load([corpus])
    assert reads and len(entries) == 3
    first, second = entries[0], entries[1]
    assert first.entities == second.entities
    assert all(a is b for a, b in zip(first.entities, second.entities))  # one object for 100,000 mentions
    assert first.quotes[0].speaker is second.quotes[0].speaker


def test_a_file_name_that_is_not_utf8_is_cached_like_any_other(tmp_path: Path, reads: list[str]) -> None:
    from byline.corpus.fulltext import search_text

    folder = tmp_path / "latin1"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")  # a lone surrogate once decoded
    with open(odd, "wb") as handle:
        handle.write(b"Cafe title\n\nA body about Chelsea.\n")
    first, _ = load([folder])
    reads.clear()
    second, _ = load([folder])
    assert reads == [] and second == first and len(second) == 1
    (hit,) = search_text("chelsea", roots=[str(folder)])
    assert hit.path == os.fsdecode(odd) and hit.entry_id == second[0].id


def test_an_entry_keeps_its_date_through_the_cache(tmp_path: Path, reads: list[str]) -> None:
    root = tmp_path / "dated"
    root.mkdir()
    (root / "a.md").write_text(
        "---\ntitle: Dated\ndate: Mon, 04 Mar 2024 09:30:00 GMT\n---\n\nSome words.\n", encoding="utf-8"
    )
    write(root / "b.txt", "Undated", "Other words.")
    first, _ = load([root])
    assert {e.title: e.date for e in first} == {"Dated": "2024-03-04 09:30", "Undated": ""}
    reads.clear()
    second, _ = load([root])
    assert reads == [] and {e.title: e.date for e in second} == {"Dated": "2024-03-04 09:30", "Undated": ""}


def test_the_stamp_alone_is_the_stamp_of_the_whole_walk(corpus: Path) -> None:
    from byline.corpus.walk import Walk

    assert Walk.stamp_of([str(corpus)]) == Walk.of([str(corpus)]).stamp
    before = Walk.stamp_of([str(corpus)])
    touch_later(next(corpus.rglob("*.txt")))
    assert Walk.stamp_of([str(corpus)]) != before


def test_entries_without_analysis_are_the_entries_but_for_their_quotes_and_entities(
    corpus: Path, reads: list[str], analysed: list[str]
) -> None:
    # What `byline list` asks for: decoding no quotes or entities, analysed afresh or cached.
    fresh, _ = load([corpus], details=True, analysis=False, use_cache=False)
    load([corpus])
    cached, _ = load([corpus], details=True, analysis=False)
    full, _ = load([corpus], details=True)
    assert full[0].quotes and full[0].entities and full[0].details
    bare = [replace(e, quotes=(), entities=(), mention_spans=b"", quote_sentences=b"") for e in full]
    assert fresh == cached == bare


def test_opening_a_cache_in_order_waits_on_no_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An app opened while `byline index` writes (another process, holding the write lock) reads
    the cache at once: checking the cache's version takes no lock, and writes nothing."""
    import sqlite3

    import byline.corpus.cache

    path = tmp_path / "index.sqlite3"
    CorpusCache.open(path).close()  # made, and in order
    monkeypatch.setattr(byline.corpus.cache, "BUSY_TIMEOUT_S", 0.05)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the other process, mid-batch
    try:
        with CorpusCache.open(path) as cache:
            (count,) = cache.conn.execute("SELECT count(*) FROM files").fetchone()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert count == 0
