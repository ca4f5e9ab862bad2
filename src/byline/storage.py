"""What the corpus cache and the user's data share about files: SQLite transactions,
telling a damaged database, and moving a damaged file aside.

Written once here so that the cache (thrown away and rebuilt) and the user's
bookmarks and state (never lost: moved aside) behave alike where they should.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

# SQLite result codes (sqlite3.h) that say a file is not a sound database.
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
SQLITE_COMPANIONS = ("-wal", "-shm")
"""The files SQLite keeps beside a database in WAL mode."""


def error_code(error: sqlite3.Error) -> int:
    """SQLite's primary result code for `error` (0 when unknown)."""
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether `error` says the file is damaged or not a database at all."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if error_code(error) in _CORRUPT_CODES or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    text = str(error)
    return "malformed" in text or "not a database" in text


def is_damage(error: BaseException) -> bool:
    """Whether a failure to read says the file is damaged, as opposed to busy, read-only or full.

    Python's sqlite3 raises UnicodeDecodeError, not sqlite3.Error, when text in
    the file (its schema, a row) is not UTF-8; a plain DatabaseError is what it
    raises for a file SQLite cannot make sense of.
    """
    if isinstance(error, UnicodeDecodeError):
        return True
    if isinstance(error, sqlite3.Error):
        return is_corrupt(error) or type(error) is sqlite3.DatabaseError
    return False


DAMAGE = (sqlite3.Error, UnicodeDecodeError)
"""What reading a SQLite file can raise; `is_damage` tells damage from a busy or read-only file."""


def decode_text(data: bytes) -> str:
    """A `text_factory`: a byte that is not UTF-8 costs its character (U+FFFD), never the whole read."""
    return str(data, "utf-8", "replace")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (IMMEDIATE) so that two processes queue, not deadlock.

    All of it is committed, or none (rolled back on any exception). The
    connection must have been opened with `isolation_level=None`.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def move_aside(path: Path, *, before_suffix: bool = False) -> Path:
    """Rename a damaged file (and its SQLite companions) to `name.corrupt-STAMP`; return the new path.

    Never overwrites: a second file set aside in the same second gets `-2`, and
    so on. With `before_suffix`, the stamp goes before the file's suffix
    (`state.corrupt-STAMP.json`), so the file still opens as what it is.
    Raises OSError when the file cannot be moved.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    stem, suffix = (path.stem, path.suffix) if before_suffix else (path.name, "")

    def named(extra: str) -> Path:
        return path.with_name(f"{stem}.corrupt-{stamp}{extra}{suffix}")

    aside, n = named(""), 1
    while any(Path(f"{aside}{companion}").exists() for companion in ("", *SQLITE_COMPANIONS)):
        n += 1
        aside = named(f"-{n}")
    for companion in (*SQLITE_COMPANIONS, ""):  # the main file last: it is what matters most
        source = Path(f"{path}{companion}")
        if source.exists():
            os.rename(source, f"{aside}{companion}")
    return aside
