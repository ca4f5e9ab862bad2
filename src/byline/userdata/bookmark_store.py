"""Bookmarks of articles and quotes, kept in SQLite in the user data directory.

Nothing a user saved may be lost, so:

- every change is one transaction (WAL journal, synchronous=FULL): a kill in
  the middle of a write loses at most that write, never an earlier one;
- nothing is cached in memory: every read goes to the file, so two Byline
  processes open at once see and keep each other's bookmarks
  (`generation()` lets a UI poll cheaply for changes made elsewhere);
- a file SQLite cannot read as a database is moved aside with a timestamp,
  never overwritten, and a new one is started;
- a file that is not Byline's (another program's tables, another
  `application_id`) is moved aside the same way, unaltered;
- a data directory Byline cannot write to leaves bookmarks readable (and
  exportable) when the file is there, off with a reason when it is not, and
  everything else goes on;
- a file locked by another process at start is opened at the next operation
  once the lock has gone.

The SQLite side (schema, checks, rows) is `byline.userdata.bookmark_db`.

The bookmark itself is `byline.userdata.bookmarks.Bookmark`; exports and
imports are `byline.userdata.bookmark_io`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from byline.paths import data_dir, file_in_the_way
from byline.storage import error_code, move_aside, transaction
from byline.userdata.bookmark_db import (
    APPLICATION_ID,
    BUSY,
    COLUMNS,
    LIST_COLUMNS,
    READONLY,
    SCHEMA_VERSION,
    Foreign,
    Unusable,
    connect,
    explain,
    filter_sql,
    find_in,
    insert,
    merge,
    row_to_bookmark,
    storable,
    tags_value,
)
from byline.userdata.bookmark_io import ExportFormat, export_bookmarks, parse_export
from byline.userdata.bookmarks import (
    Bookmark,
    BookmarkError,
    article_bookmark,
    parse_tags,
    quote_bookmark,
)

__all__ = ["APPLICATION_ID", "FILENAME", "SCHEMA_VERSION", "BookmarkStore", "ImportResult"]

FILENAME = "bookmarks.sqlite3"
BUSY_TIMEOUT_S = 5.0
RETRY_TIMEOUT_S = 0.2
"""How long an operation waits for a lock held since start-up before saying "busy" again."""


def _writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already_there: int
    merged: int = 0
    """Of those already there, how many took the import's note (theirs was empty) or more tags."""
    problems: tuple[str, ...] = ()
    """The entries that were not imported, each with where and why ("row 3: kind must be ...")."""


class BookmarkStore:
    """The bookmarks file. Open it with `BookmarkStore.open()`.

    When bookmarks are off (`available` is False, `reason` says why), reads
    return nothing and changes raise `BookmarkError` with that reason. When the
    file is read-only (`read_only`), reads work and changes raise.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection | None, reason: str | None = None) -> None:
        self.path = path
        self._conn = conn
        self.reason = reason
        self.read_only = False
        self.notices: list[str] = []
        """Problems met when the store opened late (after a lock went), for the UI to show once."""
        self._retry = False
        self._lock = threading.Lock()
        self._own_changes = 0

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None) -> tuple[BookmarkStore, str | None]:
        """Open (or create) the store; never raises.

        Returns the store and a problem to show the user, or None. The store
        may be off (`available` False) or read-only when the problem says so.
        """
        path = Path(path) if path is not None else data_dir() / FILENAME
        store = cls(path, None)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if not path.is_file():
                if (blocker := file_in_the_way(path.parent)) is not None:
                    return store, store._off(f"{blocker} is a file, not a folder")
                return store, store._off(f"cannot create {path.parent}: {explain(exc)}")
        if path.exists() and not path.is_file():
            return store, store._off(f"{path} is not a file")
        return store, store._attach(BUSY_TIMEOUT_S)

    def _attach(self, timeout: float) -> str | None:
        """Connect to the file (moving it aside when it is damaged or foreign); the problem to show, or None."""
        path = self.path
        read_only = not _writable(path)
        if read_only and not path.is_file():
            return self._off(f"{path.parent} cannot be written to")
        try:
            self._conn = connect(path, timeout, read_only=read_only)
        except Unusable as exc:
            return self._set_aside(exc)
        except sqlite3.Error as exc:
            self._retry = error_code(exc) in BUSY
            if error_code(exc) in READONLY and not read_only and path.is_file():
                return self._attach_read_only(timeout)
            return self._off(f"cannot open {path}: {explain(exc)}")
        except BookmarkError as exc:
            return self._off(str(exc))
        if timeout != BUSY_TIMEOUT_S:
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self.reason, self.read_only = None, read_only
        if read_only:
            self.reason = f"Bookmarks are read-only: {path} cannot be written to; reading and exporting work."
        return self.reason

    def _attach_read_only(self, timeout: float) -> str | None:
        try:
            self._conn = connect(self.path, timeout, read_only=True)
        except (Unusable, sqlite3.Error, BookmarkError) as exc:
            return self._off(f"cannot open {self.path}: {exc}")
        self.read_only = True
        self.reason = f"Bookmarks are read-only: {self.path} cannot be written to; reading and exporting work."
        return self.reason

    def _set_aside(self, exc: Unusable) -> str | None:
        # Never overwrite what may still hold a user's bookmarks: set it aside.
        what = "is not Byline's" if isinstance(exc, Foreign) else "was damaged"
        try:
            aside = move_aside(self.path)
        except OSError as error:
            return self._off(f"{self.path} {what} ({exc}) and could not be moved aside: {explain(error)}")
        problem = f"The bookmarks file {what} ({exc}); it was moved to {aside.name} and a new one started."
        try:
            self._conn = connect(self.path, BUSY_TIMEOUT_S)
        except (sqlite3.Error, Unusable, BookmarkError) as error:
            return f"{problem} {self._off(f'cannot start a new bookmarks file: {error}')}"
        self.reason = None
        return problem

    def _off(self, reason: str) -> str:
        self._conn = None
        self.reason = f"Bookmarks are off: {reason}."
        return self.reason

    def _revive(self) -> None:
        """Open the file now if a lock held at start kept it closed (call with `_lock` held)."""
        if self._conn is None and self._retry:
            self._retry = False
            problem = self._attach(RETRY_TIMEOUT_S)
            if problem and self._conn is not None:
                self.notices.append(problem)

    @property
    def available(self) -> bool:
        with self._lock:
            self._revive()
            return self._conn is not None

    def close(self) -> None:
        with self._lock:
            self._retry = False
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

    def page(self, query: str = "", offset: int = 0, limit: int = 200) -> list[Bookmark]:
        """Bookmarks matching `query` (see `filter_sql`), newest first, quotes and notes cut for a list."""
        where, params = filter_sql(query)
        order = "ORDER BY created DESC, id DESC LIMIT ? OFFSET ?"
        rows = self._read(f"SELECT {LIST_COLUMNS} FROM bookmarks {where} {order}", (*params, limit, offset))
        return [row_to_bookmark(row) for row in rows]

    def count(self, query: str = "") -> int:
        where, params = filter_sql(query)
        rows = self._read(f"SELECT count(*) FROM bookmarks {where}", params)
        return rows[0][0] if rows else 0

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
        if self._conn is None and not self._retry:
            return (0, 0)
        rows = self._read("PRAGMA data_version")
        return (rows[0][0] if rows else 0, self._own_changes)

    # -- changing ----------------------------------------------------------

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Store a bookmark (or give back the one already on the same target).

        Also what undo calls with a removed bookmark: it comes back as it was,
        note, tags and time included.
        """

        def add_one(conn: sqlite3.Connection) -> Bookmark:
            insert(conn, bookmark)
            return _stored(conn, bookmark)

        return self._write(add_one)

    def remove(self, bookmark: Bookmark | int) -> Bookmark | None:
        """Remove a bookmark; returns it as it was (for undo), or None if not there."""

        def delete(conn: sqlite3.Connection) -> Bookmark | None:
            if isinstance(bookmark, int):
                rows = conn.execute(f"SELECT {COLUMNS} FROM bookmarks WHERE id = ?", (bookmark,)).fetchall()
                found: Bookmark | None = row_to_bookmark(rows[0]) if rows else None
            else:
                found = find_in(conn, bookmark)
            if found is not None:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (found.id,))
            return found

        return self._write(delete)

    def toggle(self, bookmark: Bookmark) -> tuple[bool, Bookmark]:
        """Add the bookmark, or remove the one on the same target.

        Returns (added, bookmark): when removed, the bookmark as it was, for undo.
        """

        def flip(conn: sqlite3.Connection) -> tuple[bool, Bookmark]:
            found = find_in(conn, bookmark)
            if found is not None:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (found.id,))
                return False, found
            insert(conn, bookmark)
            return True, _stored(conn, bookmark)

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
            rows = conn.execute(f"SELECT {COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchall()
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
                (storable(new.note), tags_value(new.tags), bookmark_id),
            )
            return new

        return self._write(change)

    # -- export and import -------------------------------------------------

    def export(self, fmt: ExportFormat = "json") -> str:
        return export_bookmarks(self.all(), fmt)

    def import_(self, text: str, fmt: str) -> ImportResult:
        """Add the bookmarks of an export; those already here are not doubled, but merged.

        Entry by entry: a bad one is reported in `problems` and the others are
        imported (in one transaction). One already here takes the import's note
        when its own is empty, and the import's tags beside its own, so that
        re-importing a backup restores what was lost since. Raises
        BookmarkImportError (nothing imported) when the file is not an export.
        """
        bookmarks, problems = parse_export(text, fmt)

        def insert_all(conn: sqlite3.Connection) -> ImportResult:
            added = merged = 0
            for bookmark in bookmarks:
                if insert(conn, bookmark):
                    added += 1
                else:
                    merged += merge(conn, bookmark)
            return ImportResult(added, len(bookmarks) - added, merged, tuple(problems))

        return self._write(insert_all)

    # -- plumbing ----------------------------------------------------------

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            self._revive()
            if self._conn is None:
                return []
            try:
                return self._conn.execute(sql, params).fetchall()
            except (sqlite3.Error, UnicodeError) as exc:
                reason = explain(exc) if isinstance(exc, sqlite3.Error) else "the bookmarks file is damaged"
                raise BookmarkError(f"Could not read bookmarks: {reason}.") from None

    def _select(self, where: str, params: tuple[Any, ...] = ()) -> list[Bookmark]:
        return [row_to_bookmark(row) for row in self._read(f"SELECT {COLUMNS} FROM bookmarks {where}", params)]

    def _write(self, change: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `change` in one IMMEDIATE transaction: all of it is saved, or none."""
        with self._lock:
            self._revive()
            if self._conn is None:
                raise BookmarkError(self.reason or "Bookmarks are off.")
            if self.read_only:
                raise BookmarkError(f"Bookmark not saved: {self.path} is read-only.")
            try:
                with transaction(self._conn) as conn:
                    result = change(conn)
            except sqlite3.Error as exc:
                raise BookmarkError(f"Bookmark not saved: {explain(exc)}.") from None
            except (OverflowError, UnicodeError) as exc:  # a value SQLite cannot hold: nothing was written
                raise BookmarkError(f"Bookmark not saved: {exc}.") from None
            self._own_changes += 1
            return result


def _stored(conn: sqlite3.Connection, bookmark: Bookmark) -> Bookmark:
    """The bookmark as stored, just inserted (or already there) in this transaction."""
    found = find_in(conn, bookmark)
    if found is None:  # pragma: no cover - the insert or the row before it is in this transaction
        raise BookmarkError("the bookmark was not stored")
    return found
