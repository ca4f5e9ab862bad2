"""The bookmarks file's SQLite side: its schema and migrations, opening and checking a
file, and rows to and from `Bookmark`. `byline.userdata.bookmark_store` is the API over it.

A file is used only when it is sound and Byline's: one SQLite cannot read, whose
text is not UTF-8, or that holds another program's tables (or another
`application_id`) raises `Unusable`, to be moved aside before anything writes to it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

from byline.storage import DAMAGE, decode_text, error_code, is_corrupt, is_damage, transaction
from byline.userdata.bookmarks import Bookmark, BookmarkError, is_utf8, parse_tags

SCHEMA_VERSION = 2
APPLICATION_ID = 0x42794C6E  # "ByLn", in the header of every bookmarks file Byline makes

# Each step takes the schema from version N to N+1, inside one transaction.
# A new file runs them all, so the upgrade path is exercised on every install.
_MIGRATIONS: list[tuple[str, ...]] = [
    (  # 0 -> 1: the first schema
        """CREATE TABLE bookmarks (
            id          INTEGER PRIMARY KEY,
            article_id  TEXT NOT NULL,
            path        TEXT NOT NULL,
            title       TEXT NOT NULL,
            kind        TEXT NOT NULL CHECK (kind IN ('article', 'quote')),
            quote       TEXT NOT NULL DEFAULT '',
            speaker     TEXT NOT NULL DEFAULT '',
            quote_start INTEGER,
            quote_end   INTEGER,
            created     TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX bookmarks_target ON bookmarks (article_id, kind, ifnull(quote_start, -1))",
        "CREATE INDEX bookmarks_created ON bookmarks (created)",
    ),
    (  # 1 -> 2: a note and tags on each bookmark
        "ALTER TABLE bookmarks ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bookmarks ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
    ),
]
assert len(_MIGRATIONS) == SCHEMA_VERSION

COLUMNS = "id, article_id, path, title, kind, quote, speaker, quote_start, quote_end, note, tags, created"
_NEEDED = set(COLUMNS.split(", "))
LIST_CAP = 2000
"""Characters of a quote or note read for a list row: a 50 MB note is read whole only when opened."""
LIST_COLUMNS = COLUMNS.replace(" quote,", f" substr(quote, 1, {LIST_CAP}),").replace(
    " note,", f" substr(note, 1, {LIST_CAP}),"
)
_HAYSTACK = " || ' ' || ".join(f"lower(ifnull({c}, ''))" for c in ("title", "quote", "speaker", "note", "tags", "path"))
_CANTOPEN_OR_READONLY = {8, 14}  # SQLITE_READONLY, SQLITE_CANTOPEN


class Unusable(Exception):
    """The file is damaged or not Byline's: move it aside, never write to it."""


class Foreign(Unusable):
    """A sound SQLite database, but another program's."""


def connect(path: Path, timeout: float, *, read_only: bool = False) -> sqlite3.Connection:
    """Open, check and (unless `read_only`) migrate the file.

    Raises Unusable, BookmarkError (a newer Byline's file, or a read-only one
    that would need upgrading) or sqlite3.Error (busy, cannot open).
    """
    conn = _open(path, timeout, read_only)
    try:
        try:
            version = _check(conn, path)
        except sqlite3.OperationalError as exc:
            if not (read_only and error_code(exc) in _CANTOPEN_OR_READONLY):
                raise
            # A WAL file in a folder SQLite cannot write its -shm beside: read it as it is on disk.
            conn.close()
            conn = _open(path, timeout, read_only, immutable=True)
            version = _check(conn, path)
        if read_only:
            if version != SCHEMA_VERSION:
                raise BookmarkError(f"{path} needs upgrading to this Byline, and its folder cannot be written to")
            return conn
        # WAL: readers never block the writer, and a commit is one append.
        # Where WAL cannot work (some network file systems) SQLite keeps its
        # rollback journal, which is just as safe, only slower to share.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        _migrate(conn, path)
        _check_columns(conn)
        return conn
    except BaseException:
        conn.close()
        raise


def _open(path: Path, timeout: float, read_only: bool, immutable: bool = False) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per change.
    target: str | Path = path
    if read_only:
        target = "file:" + urllib.parse.quote(os.fsencode(path.absolute())) + "?mode=ro"
        target += "&immutable=1" if immutable else ""
    conn = sqlite3.connect(target, timeout=timeout, isolation_level=None, check_same_thread=False, uri=read_only)
    # One byte that is not UTF-8 costs its character, not every bookmark (nor start-up).
    conn.text_factory = decode_text
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return conn


def _check(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, once it is known to be sound and Byline's (nothing is written)."""
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except DAMAGE as exc:
        if is_damage(exc):
            raise Unusable(str(exc)) from None
        raise
    if check != [("ok",)]:
        raise Unusable("; ".join(str(row[0]) for row in check[:3]))
    if app_id not in (0, APPLICATION_ID):
        raise Foreign(f"another program's database, application id {app_id:#x}")
    if version > SCHEMA_VERSION:
        raise BookmarkError(
            f"{path} was written by a newer Byline (schema {version}, this one knows {SCHEMA_VERSION}); "
            "it was left untouched"
        )
    if app_id == 0:  # made by this program before it set an id, or by another program
        others = sorted(name for name in tables if name != "bookmarks" and not name.startswith("sqlite_"))
        if others or (version > 0 and "bookmarks" not in tables):
            raise Foreign(f"it holds {', '.join(others) or 'no bookmarks'}")
    return version


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if _stamp(conn) == (SCHEMA_VERSION, APPLICATION_ID):
        return  # the usual case: no write lock to take
    with transaction(conn):
        # Another Byline may have migrated while we waited for the lock.
        version = _check(conn, path)
        if version == 0 and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'bookmarks'").fetchone():
            raise Unusable("it has a bookmarks table but no schema version")
        for step in range(version, SCHEMA_VERSION):
            for statement in _MIGRATIONS[step]:
                conn.execute(statement)
        if version != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    return (
        conn.execute("PRAGMA user_version").fetchone()[0],
        conn.execute("PRAGMA application_id").fetchone()[0],
    )


def _check_columns(conn: sqlite3.Connection) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(bookmarks)")}
    missing = _NEEDED - columns
    if missing:
        raise Unusable(f"it does not hold Byline bookmarks (no {', '.join(sorted(missing))})")


# SQLite result codes (sqlite3.h) that say what went wrong.
BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
READONLY = {3, 8, 14}  # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN
FULL = {13}  # SQLITE_FULL


def explain(exc: sqlite3.Error | OSError) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    code = error_code(exc)
    if code in BUSY:
        return "the bookmarks file is busy (another Byline is writing to it); try again"
    if code in READONLY:
        return "the data directory cannot be written to"
    if code in FULL:
        return "the disk is full"
    if is_corrupt(exc):
        return "the bookmarks file is damaged; restart Byline to set it aside and start a new one"
    return str(exc)


# --- Rows ---------------------------------------------------------------------


def storable(text: str) -> str:
    """`text` as SQLite can store it: a lone surrogate (a file name's byte that was not UTF-8) becomes U+FFFD."""
    if is_utf8(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def path_value(path: str) -> str | bytes:
    """A path as stored: text, or its bytes when it is not UTF-8 (read back by `os.fsdecode`: the same str)."""
    if is_utf8(path):
        return path
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


def tags_value(tags: tuple[str, ...]) -> str:
    return storable(json.dumps(list(tags), ensure_ascii=False))


def insert(conn: sqlite3.Connection, bookmark: Bookmark) -> int:
    """Insert unless the target is already bookmarked; returns 1 if inserted."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO bookmarks "
        "(article_id, path, title, kind, quote, speaker, quote_start, quote_end, note, tags, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            storable(bookmark.article_id),
            path_value(bookmark.path),
            storable(bookmark.title),
            bookmark.kind,
            storable(bookmark.quote),
            storable(bookmark.speaker),
            bookmark.quote_start,
            bookmark.quote_end,
            storable(bookmark.note),
            tags_value(bookmark.tags),
            storable(bookmark.created),
        ),
    )
    return cursor.rowcount


def merge(conn: sqlite3.Connection, bookmark: Bookmark) -> int:
    """Give the stored bookmark on the same target the note (when its own is empty) and tags of `bookmark`.

    Returns 1 when that changed it. A note is never overwritten.
    """
    found = find_in(conn, bookmark)
    if found is None:
        return 0
    note = found.note or bookmark.note
    tags = parse_tags([*found.tags, *bookmark.tags])
    if (note, tags) == (found.note, found.tags):
        return 0
    conn.execute("UPDATE bookmarks SET note = ?, tags = ? WHERE id = ?", (storable(note), tags_value(tags), found.id))
    return 1


def find_in(conn: sqlite3.Connection, bookmark: Bookmark) -> Bookmark | None:
    article_id, kind, start = bookmark.target
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM bookmarks WHERE article_id = ? AND kind = ? AND ifnull(quote_start, -1) = ?",
        (storable(article_id), kind, start),
    ).fetchall()
    return row_to_bookmark(rows[0]) if rows else None


def row_to_bookmark(row: tuple[Any, ...]) -> Bookmark:
    (id_, article_id, path, title, kind, quote, speaker, start, end, note, tags, created) = row
    if tags == "[]":  # most bookmarks: skip the JSON parser, every read goes through here
        tag_list: tuple[str, ...] = ()
    else:
        try:
            tag_list = parse_tags(json.loads(tags))
        except (TypeError, ValueError, RecursionError):
            tag_list = parse_tags(str(tags))
    return Bookmark(
        article_id=article_id,
        path=os.fsdecode(path) if isinstance(path, bytes) else path,
        title=title,
        kind=kind,
        quote=quote or "",
        speaker=speaker or "",
        quote_start=start,
        quote_end=end,
        note=note or "",
        tags=tag_list,
        created=created,
        id=id_,
    )


def filter_sql(query: str) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause (or "") for bookmarks with every word of `query` somewhere; `#tag` is a whole tag.

    Case-insensitive as SQLite's lower() is (ASCII letters); the search runs in SQLite,
    so a million bookmarks are never brought into Python to be filtered.
    """
    clauses, params = [], []
    for word in query.casefold().split():
        if word.startswith("#") and len(word) > 1:
            clauses.append("instr(lower(tags), ?) > 0")  # tags are a JSON list: the tag in its quotes
            params.append(json.dumps(word[1:], ensure_ascii=False))
        else:
            clauses.append(f"instr({_HAYSTACK}, ?) > 0")
            params.append(word)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
