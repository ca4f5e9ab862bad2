"""The bookmarks file when it is damaged, foreign, read-only or locked, and paths that are not UTF-8."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

import byline.userdata.bookmark_store as bookmark_store
from byline.paths import data_dir
from byline.userdata.bookmark_store import FILENAME, BookmarkStore
from byline.userdata.bookmarks import BookmarkError, article_bookmark, quote_bookmark


def saved(path: Path, count: int = 20) -> bytes:
    store, problem = BookmarkStore.open(path)
    assert problem is None and store.available
    for n in range(count):
        store.add(quote_bookmark(f"a{n}", f"/news/a{n}.txt", f"Title {n}", f"Words {n}.", "Ms Speaker", n, n + 5))
    store.close()
    return path.read_bytes()


def test_one_non_utf8_byte_in_the_schema_is_damage_moved_aside_never_a_crash(tmp_path: Path) -> None:
    data = saved(tmp_path / "base.sqlite3")
    schema_end = data.index(b"note TEXT")  # page 1 holds the schema text
    rng = random.Random(13)
    for n in range(60):
        damaged = bytearray(data)
        damaged[rng.randrange(100, schema_end + 40)] = 0xFF
        path = tmp_path / str(n) / FILENAME
        path.parent.mkdir()
        path.write_bytes(bytes(damaged))
        store, problem = BookmarkStore.open(path)  # must not raise
        assert store.available, problem
        bookmarks = store.all()
        store.export("csv")
        if problem is not None:
            assert "moved to" in problem
            kept = [p for p in path.parent.glob(f"{FILENAME}.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
            assert [p.read_bytes() for p in kept] == [bytes(damaged)]
            assert bookmarks == []
        store.close()


def test_a_bad_byte_in_one_title_costs_that_character_not_every_bookmark(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    saved(path, 3)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE bookmarks SET title = CAST(x'43616ff9' AS TEXT) WHERE article_id = 'a1'")
    conn.commit()
    conn.close()
    store, problem = BookmarkStore.open(path)
    assert problem is None
    titles = sorted(b.title for b in store.all())
    assert titles == ["Cao\N{REPLACEMENT CHARACTER}", "Title 0", "Title 2"]
    assert "Title 2" in store.export("json")


def test_a_path_that_is_not_utf8_is_bookmarked_and_comes_back_the_same(tmp_path: Path) -> None:
    store, _ = BookmarkStore.open(tmp_path / FILENAME)
    odd = os.fsdecode(b"/news/caf\xe9.txt")  # a lone surrogate, as Python names such a file
    added, bookmark = store.toggle_article("a1", odd, "Caf" + odd[-5])
    assert added
    (back,) = store.all()
    assert back.path == odd and os.fsencode(back.path) == b"/news/caf\xe9.txt"
    assert store.find("a1") == back
    for fmt in ("json", "csv", "markdown"):
        store.export(fmt).encode("utf-8")  # exports are text a terminal or a file can take
    assert store.toggle_article("a1", odd, "again")[0] is False


def test_a_foreign_database_is_refused_unaltered_and_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '0123')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    store, problem = BookmarkStore.open(path)
    assert problem is not None and "not Byline's" in problem and "moved to" in problem
    assert store.available and store.all() == []
    (kept,) = [p for p in tmp_path.glob(f"{FILENAME}.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert kept.read_bytes() == before  # not a table added, not user_version set


def test_a_database_with_another_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE bookmarks (x)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store, problem = BookmarkStore.open(path)
    assert problem is not None and "not Byline's" in problem
    assert store.available


def test_byline_marks_its_file_as_its_own(tmp_path: Path) -> None:
    saved(tmp_path / FILENAME, 1)
    conn = sqlite3.connect(tmp_path / FILENAME)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == bookmark_store.APPLICATION_ID


def test_a_read_only_data_dir_still_reads_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / FILENAME
    saved(path, 2)
    real_access = os.access

    def no_write(target: object, mode: int, **kwargs: object) -> bool:
        return False if mode & os.W_OK else real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bookmark_store.os, "access", no_write)
    before = path.read_bytes()
    store, problem = BookmarkStore.open(path)
    assert store.available and problem is not None and "read-only" in problem
    assert len(store.all()) == 2 and "Title 1" in store.export("json")
    with pytest.raises(BookmarkError, match="read-only"):
        store.add(article_bookmark("new", "/p", "T"))
    store.close()
    assert path.read_bytes() == before


def test_a_lock_held_at_start_does_not_turn_bookmarks_off_for_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bookmark_store, "BUSY_TIMEOUT_S", 0.1)
    path = tmp_path / FILENAME
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE half_done (x)")
    try:
        store, problem = BookmarkStore.open(path)
        assert problem and "busy" in problem
        with pytest.raises(BookmarkError, match="busy"):
            store.add(article_bookmark("a", "/p", "T"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # The lock has gone: the next operation opens the file.
    store.add(article_bookmark("a", "/p", "T"))
    assert store.available and [b.article_id for b in store.all()] == ["a"]


def test_the_cli_reads_a_read_only_store(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from byline.cli import main

    data_dir().mkdir(parents=True)
    saved(data_dir() / FILENAME, 2)
    real_access = os.access
    monkeypatch.setattr(
        bookmark_store.os, "access", lambda target, mode, **kw: False if mode & os.W_OK else real_access(target, mode)
    )
    assert main(["bookmarks", "--json"]) == 0
    assert "Title 1" in capsys.readouterr().out


@pytest.mark.parametrize("flag", [None, "--json", "--csv", "--markdown"])
def test_the_cli_lists_a_path_that_is_not_utf8_under_a_strict_locale(tmp_path: Path, flag: str | None) -> None:
    import subprocess
    import sys

    store, _ = BookmarkStore.open(tmp_path / FILENAME)
    store.toggle_article("a1", os.fsdecode(b"/news/caf\xe9.txt"), "Cafe")
    store.close()
    env = {**os.environ, "BYLINE_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    code = "import sys; from byline.cli import main; raise SystemExit(main(['bookmarks'] + sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, *([flag] if flag else [])], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "caf" in done.stdout


def _without_root_powers() -> list[str] | None:
    """A command prefix under which permissions apply (root ignores them), or None when there is none."""
    import shutil

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"] if setpriv else None


def test_a_really_read_only_data_dir_lists_and_exports(tmp_path: Path) -> None:
    import subprocess
    import sys

    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    folder = tmp_path / "data"
    folder.mkdir()
    saved(folder / FILENAME, 2)  # closed cleanly: no -wal or -shm beside it, and none can be made
    (folder / FILENAME).chmod(0o444)
    folder.chmod(0o555)
    try:
        env = {**os.environ, "BYLINE_DATA_DIR": str(folder)}
        code = "from byline.cli import main; raise SystemExit(main(['bookmarks', '--json']))"
        done = subprocess.run(
            [*prefix, sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        if done.returncode != 0 and "Operation not permitted" in done.stderr:
            pytest.skip("setpriv is not allowed here")
        assert done.returncode == 0, done.stderr
        assert "Title 1" in done.stdout and "read-only" in done.stderr
        assert sorted(p.name for p in folder.iterdir()) == [FILENAME]
    finally:
        folder.chmod(0o755)
