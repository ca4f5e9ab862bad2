"""The corpus cache: what loading and analysing each file produced, kept in SQLite.

One row per file, keyed by its absolute path and checked against its size and
modification time: a file whose stamp still matches is not read again. The
file's entries (title, author, quotes and the bounds of their sentences, entities
and their mentions, warnings; no body) and the reasons it was skipped are one
`marshal` BLOB, the fastest thing Python reads back. Body paragraphs go into a
contentless FTS5 index for full-text search (`byline.corpus.fulltext`): the text
is not stored twice, a hit is read back from its file.

The cache is only a cache, never a reason to show nothing. A file of another
schema or extractor version is emptied and rebuilt; a corrupt one (SQLite says
so, or text in it is not UTF-8, or reading it fails in any other way) is
deleted and rebuilt, and a row that does not decode means reading its file again; an unusable cache
directory means working without one (`CacheUnavailable`), never failing.
Two Byline processes may share it: WAL journal, a busy timeout, and one write
transaction per batch of files.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from byline.corpus.extractor import extractor_version
from byline.corpus.records import EntryDecoder, FileRecord, encode_file
from byline.paths import cache_dir
from byline.storage import DAMAGE, decode_text, is_damage, transaction

__all__ = ["CacheBroken", "CacheUnavailable", "CorpusCache", "EntryDecoder", "FileRecord", "encode_file"]

SCHEMA_VERSION = "9"
"""Bumped whenever the tables or the BLOB layout change."""
CACHE_NAME = "index.sqlite3"
BUSY_TIMEOUT_S = 10.0
MAX_ORPHANS = 50_000
"""Stale FTS rows a contentless FTS5 index cannot delete (SQLite < 3.43 needs the
old text to do it); past this many, and more than there are live ones, the cache
is rebuilt so that it does not grow without end."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id INTEGER NOT NULL,
    entry INTEGER NOT NULL
);
CREATE INDEX texts_by_file ON texts (file_id);
CREATE TABLE snapshots (
    key BLOB PRIMARY KEY,
    stamp BLOB NOT NULL,
    used INTEGER NOT NULL,
    head BLOB NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE snapshot_parts (
    key BLOB NOT NULL,
    part INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (key, part)
);
CREATE VIRTUAL TABLE text_index USING fts5 (
    body, content='', detail=none, tokenize='unicode61 remove_diacritics 2'
);
"""
# Paths are stored as their bytes (os.fsencode): a file name that is not valid
# UTF-8 is a str with lone surrogates in Python, which SQLite's TEXT refuses.
# One FTS row per article, not per paragraph: a third of the indexing time, and
# the passage is found when a hit is read back. detail=none (no positions) halves
# the index again; queries are plain AND of words, which need no positions.
# AUTOINCREMENT matters: text ids are FTS5 rowids, and the FTS rows of a re-read
# file stay behind as orphans; a reused id would resurrect one.


class CacheUnavailable(Exception):
    """The cache cannot be used here (unwritable directory, locked, read-only); work without it."""


class CacheBroken(Exception):
    """The cache file turned out corrupt while in use; it has been removed."""


def cache_path() -> Path:
    return cache_dir() / CACHE_NAME


def clear_cache(path: Path | None = None) -> bool:
    """Remove the cache file and its WAL companions; True if there was one."""
    path = path or cache_path()
    existed = path.exists()
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
    return existed


# --- The database ------------------------------------------------------------


class CorpusCache:
    """The open cache. Use `CorpusCache.open()`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> CorpusCache:
        """Open (creating, or rebuilding when stale or corrupt) the cache.

        Raises `CacheUnavailable` with a reason a person understands.
        """
        path = path or cache_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheUnavailable(f"cannot create {path.parent} ({error.strerror or error})") from None
        for attempt in range(2):
            conn = None
            try:
                conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
                conn.text_factory = decode_text
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                # Fewer, larger checkpoints: a cold index writes hundreds of MB.
                conn.execute("PRAGMA wal_autocheckpoint=8192")
                _ensure_schema(conn)
                return cls(conn, path)
            except DAMAGE as error:
                if conn is not None:
                    conn.close()
                if attempt == 0 and is_damage(error):
                    clear_cache(path)  # only a cache: start again from nothing
                    continue
                raise CacheUnavailable(f"cannot use {path} ({error})") from None
        raise CacheUnavailable(f"cannot use {path}")  # pragma: no cover - loop always returns or raises

    @classmethod
    def open_to_read(cls, path: Path | None = None) -> CorpusCache:
        """The cache as it is, for reading only: no write transaction is taken to check or make its
        tables (`open` takes one), so that this opens while any connection, of this thread too, is
        in the middle of a write. A cache without the tables makes its reads fail, not this.

        Raises `CacheUnavailable` when the file cannot be opened."""
        path = path or cache_path()
        if not path.is_file():
            raise CacheUnavailable(f"there is no {path}")
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            conn.text_factory = decode_text
        except sqlite3.Error as error:
            raise CacheUnavailable(f"cannot use {path} ({error})") from None
        return cls(conn, path)

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> CorpusCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guard(self, error: Exception) -> Exception:
        """The exception to raise for `error`: damage (any failure but a busy or read-only file) removes the file."""
        if is_damage(error) or not isinstance(error, sqlite3.Error):
            self.close()
            clear_cache(self.path)
            return CacheBroken(f"the index cache was corrupt and has been removed ({error})")
        return CacheUnavailable(f"cannot use {self.path} ({error})")

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; taken at once (IMMEDIATE) so that two processes queue, not deadlock."""
        try:
            with transaction(self.conn):
                yield self.conn
        except DAMAGE as error:
            raise self._guard(error) from None

    def lookup(self, keys: list[str]) -> dict[str, tuple[int, int, bytes]]:
        """(size, mtime_ns, data) of the files among `keys` that the cache holds."""
        found: dict[str, tuple[int, int, bytes]] = {}
        try:
            for marks, part in _in_chunks(keys):
                for key, size, mtime_ns, data in self.conn.execute(
                    f"SELECT path, size, mtime_ns, data FROM files WHERE path IN ({marks})", part
                ):
                    found[os.fsdecode(key)] = (size, mtime_ns, data)
        except Exception as error:  # whatever reading fails with: drop the cache, read the files
            raise self._guard(error) from None
        return found

    def records_from(self, key: str, count: int) -> list[tuple[str, bytes]]:
        """The data of `count` files from `key` on, in the order of their paths: what a reader
        going through a corpus in walk order asks for next (one query, not `count`)."""
        try:
            rows = self.conn.execute(
                "SELECT path, data FROM files WHERE path >= ? ORDER BY path LIMIT ?", (os.fsencode(key), count)
            ).fetchall()
        except Exception as error:  # whatever reading fails with: drop the cache, read the files
            raise self._guard(error) from None
        return [(os.fsdecode(path), data) for path, data in rows]

    def keys_under(self, roots: Iterable[str]) -> Iterator[str]:
        """Every cached path inside the folders `roots` (absolute paths)."""
        try:
            for root in roots:
                rows = self.conn.execute("SELECT path FROM files WHERE path >= ? AND path < ?", under(root)).fetchall()
                yield from (os.fsdecode(row[0]) for row in rows)
        except Exception as error:  # whatever reading fails with: drop the cache, read the files
            raise self._guard(error) from None

    def store(self, records: list[FileRecord]) -> None:
        """Write the records in one transaction, replacing what the files held before."""
        if not records:
            return
        with self._writing() as conn:
            orphans = _forget(conn, [record.key for record in records])
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'texts'").fetchone()
            next_id = (row[0] if row else 0) + 1
            text_rows = []
            index_rows = []
            for record in records:
                (file_id,) = conn.execute(
                    "INSERT INTO files (path, size, mtime_ns, data) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
                    "data = excluded.data RETURNING id",
                    (os.fsencode(record.key), record.size, record.mtime_ns, record.data),
                ).fetchone()
                for entry, body in enumerate(record.bodies):
                    text_rows.append((next_id, file_id, entry))
                    index_rows.append((next_id, body))
                    next_id += 1
            conn.executemany("INSERT INTO texts (id, file_id, entry) VALUES (?, ?, ?)", text_rows)
            conn.executemany("INSERT INTO text_index (rowid, body) VALUES (?, ?)", index_rows)
            _add_orphans(conn, orphans)

    def drop(self, keys: Iterable[str]) -> int:
        """Forget files that are gone; returns how many were dropped."""
        keys = list(keys)
        if not keys:
            return 0
        with self._writing() as conn:
            orphans = _forget(conn, keys)
            for marks, part in _in_chunks(keys):
                conn.execute(f"DELETE FROM files WHERE path IN ({marks})", part)
            _add_orphans(conn, orphans)
        return len(keys)


def _in_chunks(keys: list[str], size: int = 900) -> Iterator[tuple[str, list[bytes]]]:
    """`?` marks and (encoded) values for `IN (...)`, within SQLite's limit on parameters."""
    for start in range(0, len(keys), size):
        part = [os.fsencode(key) for key in keys[start : start + size]]
        yield ",".join("?" * len(part)), part


def under(folder: str) -> tuple[bytes, bytes]:
    """Bounds of the stored paths inside `folder` (absolute): `low <= path < high`."""
    low = os.fsencode(folder.rstrip(os.sep) + os.sep)
    return low, low[:-1] + bytes([low[-1] + 1])


def _forget(conn: sqlite3.Connection, keys: list[str]) -> int:
    """Delete the text rows of files about to be replaced; their FTS rows become orphans."""
    orphans = 0
    for marks, part in _in_chunks(keys):
        cursor = conn.execute(
            f"DELETE FROM texts WHERE file_id IN (SELECT id FROM files WHERE path IN ({marks}))", part
        )
        orphans += max(cursor.rowcount, 0)
    return orphans


def _ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the tables, or empty a cache written by another version of Byline."""
    expected = {"schema": SCHEMA_VERSION, "extractor": extractor_version()}
    # Read first, without the write lock: an opening of a cache in order (nearly every one) then
    # never waits on a writer (`byline index` in another terminal) nor writes a thing.
    if _in_order(conn, expected):
        return
    with transaction(conn):
        if not _in_order(conn, expected):  # (looked at again under the lock: another process may have seen to it)
            for name in ("text_index", "texts", "files", "snapshots", "snapshot_parts", "meta"):
                conn.execute(f"DROP TABLE IF EXISTS {name}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [*expected.items(), ("orphans", "0")])


def _in_order(conn: sqlite3.Connection, expected: dict[str, str]) -> bool:
    """Whether the cache was written by this version of Byline and holds few enough orphans."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    meta: dict[str, str] = {}
    if "meta" in tables:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    return {key: meta.get(key) for key in expected} == expected and not _too_many_orphans(conn, meta)


def _too_many_orphans(conn: sqlite3.Connection, meta: dict[str, str]) -> bool:
    try:
        orphans = int(meta.get("orphans", "0"))
    except ValueError:
        return True
    if orphans <= MAX_ORPHANS:
        return False
    (live,) = conn.execute("SELECT count(*) FROM texts").fetchone()
    return orphans > live


def _add_orphans(conn: sqlite3.Connection, count: int) -> None:
    if count:
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'orphans'", (count,))
