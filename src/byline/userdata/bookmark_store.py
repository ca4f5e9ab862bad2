"""Bookmarks of articles and quotes, kept in SQLite in the user data directory.

Nothing a user saved may be lost, so:

- every change is one transaction (WAL journal, synchronous=FULL): a kill in
  the middle of a write loses at most that write, never an earlier one;
- nothing is cached in memory: every read goes to the file, so two Byline
  processes open at once see and keep each other's bookmarks
  (`generation()` lets a UI poll cheaply for changes made elsewhere);
- a file SQLite cannot read as a database is moved aside with a timestamp,
  never overwritten, and a new one is started;
- a data directory Byline cannot write to turns bookmarks off with a reason,
  and everything else goes on.

The bookmark itself is `byline.userdata.bookmarks.Bookmark`; exports and
imports are `byline.userdata.bookmark_io`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from byline.paths import data_dir
from byline.storage import error_code, is_corrupt, move_aside, transaction
from byline.userdata.bookmark_io import ExportFormat, export_bookmarks, parse_export
from byline.userdata.bookmark_rows import COLUMNS as _COLUMNS
from byline.userdata.bookmark_rows import MIGRATIONS as _MIGRATIONS
from byline.userdata.bookmark_rows import SCHEMA_VERSION, insert_row, row_to_bookmark
from byline.userdata.bookmarks import (
    Bookmark,
    BookmarkError,
    article_bookmark,
    parse_tags,
    quote_bookmark,
)

FILENAME = "bookmarks.sqlite3"
BUSY_TIMEOUT_S = 5.0

# SQLite result codes (sqlite3.h) that say what went wrong.
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_READONLY = {3, 8, 14}  # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN
_FULL = {13}  # SQLITE_FULL


def _explain(exc: sqlite3.Error | OSError) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    code = error_code(exc)
    if code in _BUSY:
        return "the bookmarks file is busy (another Byline is writing to it); try again"
    if code in _READONLY:
        return "the data directory cannot be written to"
    if code in _FULL:
        return "the disk is full"
    if is_corrupt(exc):
        return "the bookmarks file is damaged; restart Byline to set it aside and start a new one"
    return str(exc)


class _Corrupt(Exception):
    pass


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already_there: int


class BookmarkStore:
    """The bookmarks file. Open it with `BookmarkStore.open()`.

    When bookmarks are off (`available` is False, `reason` says why), reads
    return nothing and changes raise `BookmarkError` with that reason.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection | None, reason: str | None = None) -> None:
        self.path = path
        self._conn = conn
        self.reason = reason
        self._lock = threading.Lock()
        self._own_changes = 0

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None) -> tuple[BookmarkStore, str | None]:
        """Open (or create) the store; never raises.

        Returns the store and a problem to show the user, or None. The store
        may be off (`available` False) when the problem says so.
        """
        path = Path(path) if path is not None else data_dir() / FILENAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls._off(path, f"cannot create {path.parent}: {_explain(exc)}")
        if path.exists() and not path.is_file():
            return cls._off(path, f"{path} is not a file")
        try:
            return cls(path, _connect(path)), None
        except _Corrupt as exc:
            pass_on = str(exc)
        except sqlite3.Error as exc:
            return cls._off(path, f"cannot open {path}: {_explain(exc)}")
        except BookmarkError as exc:
            return cls._off(path, str(exc))
        # Never overwrite what may still hold a user's bookmarks: set it aside.
        try:
            aside = move_aside(path)
        except OSError as exc:
            return cls._off(path, f"{path} is damaged ({pass_on}) and could not be moved aside: {_explain(exc)}")
        problem = f"The bookmarks file was damaged ({pass_on}); it was moved to {aside.name} and a new one started."
        try:
            return cls(path, _connect(path)), problem
        except (sqlite3.Error, _Corrupt, BookmarkError) as exc:
            store, reason = cls._off(path, f"cannot start a new bookmarks file: {exc}")
            return store, f"{problem} {reason}"

    @classmethod
    def _off(cls, path: Path, reason: str) -> tuple[BookmarkStore, str]:
        message = f"Bookmarks are off: {reason}."
        return cls(path, None, message), message

    @property
    def available(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
                self.reason = self.reason or "Bookmarks are off: the store was closed."

    # -- reading -----------------------------------------------------------

    def all(self) -> list[Bookmark]:
        """Every bookmark, newest first, read from the file each time."""
        return self._select("ORDER BY created DESC, id DESC")

    def find(self, article_id: str, quote_start: int | None = None) -> Bookmark | None:
        """The bookmark on an article (quote_start None) or on its quote at quote_start."""
        kind = "article" if quote_start is None else "quote"
        found = self._select(
            "WHERE article_id = ? AND kind = ? AND ifnull(quote_start, -1) = ?",
            (article_id, kind, -1 if quote_start is None else quote_start),
        )
        return found[0] if found else None

    def get(self, bookmark_id: int) -> Bookmark | None:
        found = self._select("WHERE id = ?", (bookmark_id,))
        return found[0] if found else None

    def article_ids(self) -> set[str]:
        """Ids of articles with any bookmark (on them or on a quote), for list marks."""
        return {row[0] for row in self._read("SELECT DISTINCT article_id FROM bookmarks")}

    def generation(self) -> tuple[int, int]:
        """Changes whenever the bookmarks change, here or in another process.

        Cheap (no table read): compare it with the last value to know when to
        refresh what is shown.
        """
        if self._conn is None:
            return (0, 0)
        rows = self._read("PRAGMA data_version")
        return (rows[0][0] if rows else 0, self._own_changes)

    # -- changing ----------------------------------------------------------

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Store a bookmark (or give back the one already on the same target).

        Also what undo calls with a removed bookmark: it comes back as it was,
        note, tags and time included.
        """

        def insert(conn: sqlite3.Connection) -> Bookmark:
            insert_row(conn, bookmark)
            return self._find_in(conn, bookmark)

        return self._write(insert)

    def remove(self, bookmark: Bookmark | int) -> Bookmark | None:
        """Remove a bookmark; returns it as it was (for undo), or None if not there."""

        def delete(conn: sqlite3.Connection) -> Bookmark | None:
            if isinstance(bookmark, int):
                rows = conn.execute(f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark,)).fetchall()
                found = row_to_bookmark(rows[0]) if rows else None
            else:
                found = self._find_in(conn, bookmark)
            if found is not None:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (found.id,))
            return found

        return self._write(delete)

    def toggle(self, bookmark: Bookmark) -> tuple[bool, Bookmark]:
        """Add the bookmark, or remove the one on the same target.

        Returns (added, bookmark): when removed, the bookmark as it was, for undo.
        """

        def flip(conn: sqlite3.Connection) -> tuple[bool, Bookmark]:
            found = self._find_in(conn, bookmark)
            if found is not None:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (found.id,))
                return False, found
            insert_row(conn, bookmark)
            return True, self._find_in(conn, bookmark)

        return self._write(flip)

    def toggle_article(self, article_id: str, path: str, title: str) -> tuple[bool, Bookmark]:
        return self.toggle(article_bookmark(article_id, path, title))

    def toggle_quote(
        self, article_id: str, path: str, title: str, quote: str, speaker: str | None, start: int, end: int
    ) -> tuple[bool, Bookmark]:
        return self.toggle(quote_bookmark(article_id, path, title, quote, speaker, start, end))

    def update(
        self, bookmark: Bookmark | int, *, note: str | None = None, tags: str | Iterable[str] | None = None
    ) -> Bookmark:
        """Change a bookmark's note and/or tags; returns it as stored."""
        bookmark_id = bookmark if isinstance(bookmark, int) else bookmark.id

        def change(conn: sqlite3.Connection) -> Bookmark:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchall()
            if not rows:
                raise BookmarkError("that bookmark is no longer there (removed in another window?)")
            current = row_to_bookmark(rows[0])
            new = replace(
                current,
                note=current.note if note is None else note.strip(),
                tags=current.tags if tags is None else parse_tags(tags),
            )
            conn.execute(
                "UPDATE bookmarks SET note = ?, tags = ? WHERE id = ?",
                (new.note, json.dumps(list(new.tags), ensure_ascii=False), bookmark_id),
            )
            return new

        return self._write(change)

    # -- export and import -------------------------------------------------

    def export(self, fmt: ExportFormat = "json") -> str:
        return export_bookmarks(self.all(), fmt)

    def import_(self, text: str, fmt: str) -> ImportResult:
        """Add the bookmarks of an export; those already here are not doubled.

        All or nothing: a file with one bad entry imports nothing and says where.
        """
        bookmarks = parse_export(text, fmt)

        def insert_all(conn: sqlite3.Connection) -> ImportResult:
            added = sum(insert_row(conn, b) for b in bookmarks)
            return ImportResult(added=added, already_there=len(bookmarks) - added)

        return self._write(insert_all)

    # -- plumbing ----------------------------------------------------------

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._conn is None:
                return []
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise BookmarkError(f"Could not read bookmarks: {_explain(exc)}.") from None

    def _select(self, where: str, params: tuple[Any, ...] = ()) -> list[Bookmark]:
        return [row_to_bookmark(row) for row in self._read(f"SELECT {_COLUMNS} FROM bookmarks {where}", params)]

    @staticmethod
    def _find_in(conn: sqlite3.Connection, bookmark: Bookmark) -> Any:
        article_id, kind, start = bookmark.target
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE article_id = ? AND kind = ? AND ifnull(quote_start, -1) = ?",
            (article_id, kind, start),
        ).fetchall()
        return row_to_bookmark(rows[0]) if rows else None

    def _write(self, change: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `change` in one IMMEDIATE transaction: all of it is saved, or none."""
        with self._lock:
            if self._conn is None:
                raise BookmarkError(self.reason or "Bookmarks are off.")
            try:
                with transaction(self._conn) as conn:
                    result = change(conn)
            except sqlite3.Error as exc:
                raise BookmarkError(f"Bookmark not saved: {_explain(exc)}.") from None
            self._own_changes += 1
            return result


def _connect(path: Path) -> sqlite3.Connection:
    """Open, check and migrate the file. Raises _Corrupt when it is not a sound database."""
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per change.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            check = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if is_corrupt(exc):
                raise _Corrupt(str(exc)) from None
            raise
        if check != [("ok",)]:
            raise _Corrupt("; ".join(str(row[0]) for row in check[:3]))
        _refuse_newer(conn, path)  # before anything writes, even the journal mode
        # WAL: readers never block the writer, and a commit is one append.
        # Where WAL cannot work (some network file systems) SQLite keeps its
        # rollback journal, which is just as safe, only slower to share.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        _migrate(conn, path)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(bookmarks)")}
        missing = {"article_id", "kind", "quote_start", "note", "tags", "created"} - columns
        if missing:
            raise _Corrupt(f"it does not hold Byline bookmarks (no {', '.join(sorted(missing))})")
        return conn
    except BaseException:
        conn.close()
        raise


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise BookmarkError(
            f"{path} was written by a newer Byline (schema {version}, this one knows {SCHEMA_VERSION}); "
            "it was left untouched"
        )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    _refuse_newer(conn, path)
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    with transaction(conn):
        # Another Byline may have migrated while we waited for the lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'bookmarks'").fetchone():
            raise _Corrupt("it has a bookmarks table but no schema version")
        for step in range(version, SCHEMA_VERSION):
            for statement in _MIGRATIONS[step]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
