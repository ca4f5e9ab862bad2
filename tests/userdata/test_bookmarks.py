"""The bookmarks store: its API, and what happens when things go wrong."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from byline.paths import data_dir
from byline.userdata.bookmark_store import FILENAME, SCHEMA_VERSION, BookmarkStore
from byline.userdata.bookmarks import (
    Bookmark,
    BookmarkError,
    BookmarkImportError,
    article_bookmark,
    parse_tags,
    quote_bookmark,
)


def open_store(path: Path | None = None) -> BookmarkStore:
    store, problem = BookmarkStore.open(path)
    assert problem is None, problem
    assert store.available
    return store


def a_quote(n: int = 0, article: str = "a1") -> Bookmark:
    return quote_bookmark(
        article, f"/news/{article}.txt", f"Title {article}", f"Words {n}.", "Ms Speaker", 10 * n, 10 * n + 8
    )


# -- the API ------------------------------------------------------------------


def test_opens_in_the_data_dir_with_wal_and_a_schema_version() -> None:
    store = open_store()
    assert store.path == data_dir() / FILENAME
    assert store.path.is_file()
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_add_find_and_all_newest_first() -> None:
    store = open_store()
    first = store.add(article_bookmark("a1", "/news/a1.txt", "First"))
    second = store.add(a_quote(1))
    third = store.add(a_quote(2))
    assert first.id is not None and first.title == "First"
    assert [b.id for b in store.all()] == [third.id, second.id, first.id]
    assert store.find("a1") == first
    assert store.find("a1", 10) == second
    assert store.find("a1", 20) == third
    assert store.find("a1", 30) is None
    assert store.find("nope") is None
    assert store.article_ids() == {"a1"}


def test_add_the_same_target_twice_does_not_double() -> None:
    store = open_store()
    kept = store.add(a_quote(1))
    again = store.add(a_quote(1))
    assert again.id == kept.id
    assert len(store.all()) == 1


def test_remove_returns_the_bookmark_and_add_undoes_it() -> None:
    store = open_store()
    store.add(article_bookmark("a0", "/p0", "Older"))
    stored = store.update(store.add(a_quote(1)), note="why it matters", tags="politics, gaza")
    removed = store.remove(stored)
    assert removed is not None and removed.note == "why it matters"
    assert store.find("a1", 10) is None
    assert store.remove(stored) is None
    restored = store.add(removed)
    assert restored == stored  # note, tags and time come back
    assert store.all()[0] == restored  # in its place by time, i.e. still the newest


def test_remove_by_id() -> None:
    store = open_store()
    stored = store.add(a_quote(1))
    assert stored.id is not None
    assert store.remove(stored.id) == stored
    assert store.all() == []


def test_toggle_article_and_quote() -> None:
    store = open_store()
    added, bookmark = store.toggle_article("a1", "/p", "T")
    assert added and store.find("a1") == bookmark
    added, quote = store.toggle_quote("a1", "/p", "T", "Hello.", None, 5, 11)
    assert added and quote.kind == "quote" and quote.speaker == ""
    assert len(store.all()) == 2
    added, removed = store.toggle_article("a1", "/p", "T")
    assert not added and removed == bookmark
    assert [b.kind for b in store.all()] == ["quote"]
    added, removed = store.toggle_quote("a1", "/p", "T", "Hello.", None, 5, 11)
    assert not added and removed == quote
    assert store.all() == []


def test_update_note_and_tags() -> None:
    store = open_store()
    stored = store.add(a_quote(1))
    updated = store.update(stored, note="  check this  ", tags=" b, a ,b,,  long   tag ")
    assert updated.note == "check this"
    assert updated.tags == ("b", "a", "long tag")
    assert store.find("a1", 10) == updated
    only_note = store.update(updated.id or 0, note="")
    assert only_note.tags == ("b", "a", "long tag") and only_note.note == ""
    store.remove(stored)
    with pytest.raises(BookmarkError, match="no longer there"):
        store.update(stored, note="x")


def test_parse_tags() -> None:
    assert parse_tags("") == ()
    assert parse_tags(["x,y", " z "]) == ("x", "y", "z")
    assert parse_tags("test, big,  ,Test, BIG") == ("test", "big")  # #test and #Test are one tag


def test_text_is_kept_exactly() -> None:
    store = open_store()
    odd = "[bold red]x[/] \x1b[2J «ünïcödé» 漢字 \u202eRTL"
    stored = store.add(quote_bookmark("a1", odd, odd, odd, odd, 0, 5))
    assert (stored.path, stored.title, stored.quote, stored.speaker) == (odd, odd, odd, odd)


def test_generation_changes_with_changes_from_any_connection() -> None:
    one, two = open_store(), open_store()
    before = one.generation()
    assert one.generation() == before
    two.add(a_quote(1))
    after_other = one.generation()
    assert after_other != before
    one.add(a_quote(2))
    assert one.generation() != after_other


# -- export and import ----------------------------------------------------------


def fill(store: BookmarkStore) -> list[Bookmark]:
    store.add(article_bookmark("a1", "/news/a1.txt", 'A "title", with, commas'))
    store.update(store.add(a_quote(1)), note='multi\nline "note", ok', tags="x, y z")
    store.add(quote_bookmark("a2", "/news/a2.txt", "T2", "[b]odd[/b] «q»", None, 0, 14))
    return store.all()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_gives_back_the_same_bookmarks(fmt: str, tmp_path: Path) -> None:
    source = open_store()
    original = fill(source)
    exported = source.export(fmt)
    target = open_store(tmp_path / "other.sqlite3")
    result = target.import_(exported, fmt)
    assert (result.added, result.already_there) == (3, 0)
    assert target.all() == original
    assert target.export(fmt) == exported
    again = target.import_(exported, fmt)
    assert (again.added, again.already_there) == (0, 3)
    assert len(target.all()) == 3


def test_json_export_shape() -> None:
    store = open_store()
    fill(store)
    document = json.loads(store.export("json"))
    assert document["format"] == "byline-bookmarks"
    assert [b["kind"] for b in document["bookmarks"]] == ["quote", "quote", "article"]
    assert document["bookmarks"][1]["tags"] == ["x", "y z"]


def test_markdown_export_shows_text_without_accidental_markup() -> None:
    store = open_store()
    fill(store)
    text = store.export("markdown")
    assert text.startswith("# Bookmarks (3)")
    assert "> “\\[b\\]odd\\[/b\\] «q»”" in text
    assert "> “Words 1.” — Ms Speaker" in text
    assert "Tags: x, y z" in text


def test_markdown_export_cites_a_quote_without_the_comma_that_led_to_its_speaker() -> None:
    store = open_store()
    store.add(quote_bookmark("a3", "/news/a3.txt", "T3", "It will be given to Europe,", "A spokesman", 0, 27))
    assert "> “It will be given to Europe” — A spokesman" in store.export("markdown")


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("{not json", "json", "not valid JSON"),
        ('{"bookmarks": 3}', "json", "no list of bookmarks"),
        ("a,b\n1,2\n", "csv", "no column"),
        ("x", "xml", "cannot import"),
    ],
)
def test_a_file_that_is_not_an_export_imports_nothing_and_says_why(text: str, fmt: str, message: str) -> None:
    store = open_store()
    with pytest.raises(BookmarkImportError, match=message):
        store.import_(text, fmt)
    assert store.all() == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[{"kind": "quote", "article_id": "a", "quote_start": 1}, {"kind": "film", "article_id": "b"}]',
            "bookmark 2: kind",
        ),
        ('[{"kind": "quote", "article_id": "a"}]', "bookmark 1: a quote bookmark needs quote_start"),
        ('[{"kind": "quote", "article_id": "a", "quote_start": "x"}]', "bookmark 1: quote_start"),
        ('[{"kind": "article", "article_id": "a", "created": "yesterday"}]', "bookmark 1: created"),
    ],
)
def test_a_bad_entry_is_reported_by_its_place_and_the_good_ones_kept(text: str, message: str) -> None:
    store = open_store()
    result = store.import_(text, "json")
    assert len(result.problems) == 1 and result.problems[0].startswith(message)
    assert len(store.all()) == result.added == len(json.loads(text)) - 1


# -- migration ----------------------------------------------------------------


def test_a_version_1_file_is_migrated_on_open_and_keeps_its_bookmarks() -> None:
    path = data_dir() / FILENAME
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    # Version 1, written out by hand as it shipped: no note, no tags.
    conn.executescript(
        """
        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, path TEXT NOT NULL,
            title TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('article', 'quote')),
            quote TEXT NOT NULL DEFAULT '', speaker TEXT NOT NULL DEFAULT '',
            quote_start INTEGER, quote_end INTEGER, created TEXT NOT NULL);
        CREATE UNIQUE INDEX bookmarks_target ON bookmarks (article_id, kind, ifnull(quote_start, -1));
        INSERT INTO bookmarks VALUES (1, 'a1', '/old/a1.txt', 'Old one', 'article', '', '', NULL, NULL,
                                      '2025-01-02T03:04:05.000000+00:00');
        INSERT INTO bookmarks VALUES (2, 'a1', '/old/a1.txt', 'Old one', 'quote', 'Said it.', 'Him', 4, 12,
                                      '2025-01-02T03:04:06.000000+00:00');
        PRAGMA user_version = 1;
        """
    )
    conn.close()
    store = open_store()
    assert [(b.kind, b.quote, b.note, b.tags) for b in store.all()] == [
        ("quote", "Said it.", "", ()),
        ("article", "", "", ()),
    ]
    assert store.update(store.all()[0], note="now", tags="t").tags == ("t",)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_file_from_a_newer_byline_is_left_untouched() -> None:
    path = data_dir() / FILENAME
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    store, problem = BookmarkStore.open()
    assert not store.available
    assert problem and "newer Byline" in problem and "untouched" in problem
    assert path.read_bytes() == before
    assert list(path.parent.iterdir()) == [path]


# -- faults -------------------------------------------------------------------


def test_a_corrupt_file_is_moved_aside_with_its_bytes_and_a_new_one_started() -> None:
    path = data_dir() / FILENAME
    path.parent.mkdir(parents=True)
    garbage = os.urandom(3000) + b"not sqlite at all"
    path.write_bytes(garbage)
    store, problem = BookmarkStore.open()
    assert store.available
    assert problem is not None and "damaged" in problem and "moved to bookmarks.sqlite3.corrupt-" in problem
    aside = [p for p in path.parent.iterdir() if p.name.startswith(f"{FILENAME}.corrupt-")]
    assert len(aside) == 1 and aside[0].name in problem
    assert aside[0].read_bytes() == garbage
    store.add(a_quote(1))
    assert len(store.all()) == 1


def test_a_database_damaged_inside_is_moved_aside_too() -> None:
    store = open_store()
    for n in range(300):
        store.add(a_quote(n, article=f"a{n}"))
    store.close()
    path = data_dir() / FILENAME
    data = bytearray(path.read_bytes())
    # Keep the header (so SQLite opens it) and smash the pages after it.
    data[4096 * 2 : 4096 * 4] = b"\xff" * (4096 * 2)
    path.write_bytes(bytes(data))
    again, problem = BookmarkStore.open()
    assert problem and "damaged" in problem
    assert again.available and again.all() == []
    assert any(p.read_bytes() == bytes(data) for p in path.parent.glob(f"{FILENAME}.corrupt-*"))


def test_two_corrupt_files_in_the_same_second_both_kept() -> None:
    path = data_dir() / FILENAME
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage one" * 100)
    BookmarkStore.open()[0].close()
    path.write_bytes(b"garbage two" * 100)
    BookmarkStore.open()[0].close()
    kept = sorted(
        p.read_bytes()[:11] for p in path.parent.glob(f"{FILENAME}.corrupt-*") if not p.name.endswith(("-wal", "-shm"))
    )
    assert kept == [b"garbage one", b"garbage two"]


def _cannot_write_after_chmod(directory: Path) -> bool:
    probe = directory / "probe"
    try:
        probe.write_text("x")
    except OSError:
        return True
    probe.unlink()
    return False


def test_a_read_only_data_dir_turns_bookmarks_off_and_says_why(tmp_path: Path) -> None:
    blocked = tmp_path / "ro"
    blocked.mkdir()
    blocked.chmod(0o500)
    try:
        if not _cannot_write_after_chmod(blocked):
            # Root ignores permissions: use a data dir that cannot exist
            # because its parent is a regular file.
            (tmp_path / "a-file").write_text("x")
            blocked = tmp_path / "a-file" / "data"
        store, problem = BookmarkStore.open(blocked / FILENAME)
        assert not store.available
        assert problem is not None and problem.startswith("Bookmarks are off:")
        assert store.all() == [] and store.find("a1") is None and store.article_ids() == set()
        with pytest.raises(BookmarkError, match="Bookmarks are off"):
            store.add(a_quote(1))
        with pytest.raises(BookmarkError, match="Bookmarks are off"):
            store.toggle_article("a", "p", "t")
    finally:
        (tmp_path / "ro").chmod(0o700)


def test_a_read_only_existing_file_says_so_on_write(tmp_path: Path) -> None:
    store = open_store(tmp_path / FILENAME)
    store.add(a_quote(1))
    store.close()
    # A read-only connection stands in for a file the user may not write
    # (chmod does not stop root, who runs these tests).
    conn = sqlite3.connect(f"file:{tmp_path / FILENAME}?mode=ro", uri=True, isolation_level=None)
    ro = BookmarkStore(tmp_path / FILENAME, conn)
    assert [b.quote for b in ro.all()] == ["Words 1."]
    with pytest.raises(BookmarkError, match="Bookmark not saved: the data directory cannot be written to"):
        ro.add(a_quote(2))
    assert [b.quote for b in ro.all()] == ["Words 1."]


def test_a_directory_where_the_file_should_be_turns_bookmarks_off() -> None:
    path = data_dir() / FILENAME
    path.mkdir(parents=True)
    store, problem = BookmarkStore.open()
    assert not store.available and problem and "is not a file" in problem
    assert path.is_dir()


_WRITER = textwrap.dedent(
    """
    import sys
    from byline.userdata.bookmark_store import BookmarkStore
    from byline.userdata.bookmarks import quote_bookmark
    store, problem = BookmarkStore.open(sys.argv[1])
    assert problem is None, problem
    tag = sys.argv[2]
    for n in range(int(sys.argv[3])):
        stored = store.add(quote_bookmark(f"{tag}-{n}", "/p", "T", "x" * 2000, "S", n, n + 1))
        print(stored.article_id, flush=True)  # only once committed
    """
)


def test_a_kill_in_the_middle_of_writing_loses_nothing_saved_before(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), "k", "1000000"], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    committed = [writer.stdout.readline().strip() for _ in range(200)]
    writer.kill()  # SIGKILL, in the middle of the stream of writes
    writer.wait()
    committed += [line.strip() for line in writer.stdout if line.strip()]
    store = open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    kept = {b.article_id for b in store.all()}
    assert set(committed) <= kept
    assert len(kept) - len(committed) <= 1  # at most the write the kill interrupted


def test_two_processes_writing_at_once_keep_each_others_bookmarks(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    open_store(path).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), tag, "150"], stdout=subprocess.PIPE, text=True)
        for tag in ("one", "two")
    ]
    outputs = [w.communicate(timeout=120)[0].split() for w in writers]
    assert [w.returncode for w in writers] == [0, 0]
    assert [len(o) for o in outputs] == [150, 150]
    ids = {b.article_id for b in open_store(path).all()}
    assert ids == set(outputs[0]) | set(outputs[1])


def test_two_stores_in_one_process_see_each_others_changes_at_once() -> None:
    one, two = open_store(), open_store()
    errors: list[Exception] = []

    def write(store: BookmarkStore, article: str) -> None:
        try:
            for n in range(50):
                store.add(a_quote(n, article))
        except Exception as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(s, a)) for s, a in ((one, "one"), (two, "two"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(one.all()) == len(two.all()) == 100
    removed = one.remove(two.all()[0])
    assert removed is not None and two.find(removed.article_id, removed.quote_start) is None


def test_a_store_locked_by_another_writer_is_reported_busy_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.userdata.bookmark_store as bookmarks

    monkeypatch.setattr(bookmarks, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / FILENAME
    store = open_store(path)
    store.add(a_quote(1))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another Byline (or a backup tool) in the middle of a long write
    try:
        with pytest.raises(BookmarkError, match="busy"):
            store.add(a_quote(2))
        # WAL readers are not blocked by the writer.
        assert [b.quote for b in store.all()] == ["Words 1."]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.add(a_quote(2))
    assert len(store.all()) == 2
    assert list(tmp_path.glob(f"{FILENAME}.corrupt-*")) == []


def test_opening_while_a_migration_holds_the_lock_is_not_taken_for_corruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.userdata.bookmark_store as bookmarks

    monkeypatch.setattr(bookmarks, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / FILENAME
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE half_done (x)")
    try:
        store, problem = BookmarkStore.open(path)
        assert not store.available and problem and "busy" in problem
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert list(tmp_path.glob(f"{FILENAME}.corrupt-*")) == []
    assert open_store(path).all() == []
