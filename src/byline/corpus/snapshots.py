"""Snapshots in the corpus cache: what a whole opening produced (a search index and its
entries, see `byline.search.snapshot`), kept per set of paths: a row with a head (the first
rows) that reads alone, the index as a part of its own, and the entries in parts.

A snapshot is keyed by the paths as given and the folder they were given from, and
checked against a stamp of the walk (every file's path, size and modification
time, every skipped path and why): one changed, added or removed file makes it
stale, and the opening goes the slow way, file by file, and stores a new one.
The cache keeps the few snapshots used last.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from byline.corpus.cache import CorpusCache
from byline.model import Skipped

KEPT = 8
"""Snapshots kept; the least lately used go first."""


def snapshot_key(paths: Iterable[str], kind: str) -> bytes:
    """What a snapshot is filed under: who made it (`kind`: the app and the command line
    order and name entries differently), the paths as given, and from where."""
    return marshal.dumps((kind, os.getcwd(), [os.fspath(path) for path in paths]), 4)


class Stamp:
    """Builds the stamp of a walk, item by item."""

    def __init__(self) -> None:
        self._digest = hashlib.blake2b(digest_size=20)

    def file(self, path: str, size: int, mtime_ns: int) -> None:
        self._digest.update(os.fsencode(path) + b"\0%d\0%d\n" % (size, mtime_ns))

    def skipped(self, item: Skipped) -> None:
        self._digest.update(b"!" + os.fsencode(item.path) + b"\0" + item.reason.encode("utf-8", "replace") + b"\n")

    def value(self) -> bytes:
        return self._digest.digest()


Buffer = bytes | bytearray | memoryview
"""A piece of a snapshot's index (`byline.search.snapshot.dump` gives it in pieces)."""

INDEX_PART = -1
"""The part that holds a snapshot's index, or its first piece: its other pieces count down from
there (-2, -3...), and the parts of entries count up from 0."""
BLOB_STEP = 8 << 20
"""Bytes written or read at a time through SQLite's incremental blob I/O (see `put`)."""


def put(
    cache: CorpusCache,
    key: bytes,
    stamp: bytes,
    head: bytes,
    data: bytes,
    parts: Iterable[bytes] = (),
    index: Sequence[Buffer] | None = None,
) -> None:
    """File a snapshot and its `parts` (replacing what was under `key`); forget the oldest past
    `KEPT`. Parts are written as they are made, in the one transaction. Never raises.

    `index` (hundreds of MB at a million articles) is parts of its own, a piece each from
    `INDEX_PART` down, each written a step at a time into a blob made at its full size: joined
    first, or bound whole to a statement, they were copied once more (the first opening's peak);
    and each is read back as bytes of its own, which go when what was read from them does."""
    try:
        with cache._writing() as conn:
            conn.execute("DELETE FROM snapshot_parts WHERE key = ?", (key,))
            conn.execute(
                "INSERT OR REPLACE INTO snapshots (key, stamp, used, head, data) VALUES (?, ?, ?, ?, ?)",
                (key, stamp, time.time_ns(), head, data),
            )
            for number, piece in enumerate(index or ()):
                view = memoryview(piece).cast("B")
                row = conn.execute(
                    "INSERT INTO snapshot_parts (key, part, data) VALUES (?, ?, zeroblob(?))",
                    (key, INDEX_PART - number, len(view)),
                ).lastrowid
                assert row is not None  # (set by every INSERT)
                with conn.blobopen("snapshot_parts", "data", row) as blob:
                    for start in range(0, len(view), BLOB_STEP):
                        blob.write(view[start : start + BLOB_STEP])
            for number, part in enumerate(parts):
                conn.execute("INSERT INTO snapshot_parts (key, part, data) VALUES (?, ?, ?)", (key, number, part))
            conn.execute(
                "DELETE FROM snapshots WHERE key NOT IN (SELECT key FROM snapshots ORDER BY used DESC LIMIT ?)",
                (KEPT,),
            )
            conn.execute("DELETE FROM snapshot_parts WHERE key NOT IN (SELECT key FROM snapshots)")
    except Exception:  # only a cache
        pass


def has(cache: CorpusCache, key: bytes) -> bool:
    """Whether a snapshot is filed under `key` at all (worth walking the files to check its stamp)."""
    try:
        return cache.conn.execute("SELECT 1 FROM snapshots WHERE key = ?", (key,)).fetchone() is not None
    except Exception:  # only a cache
        return False


def held(cache: CorpusCache, key: bytes, stamp: bytes | None) -> Held | None:
    """What `keep` filed under `key` with `stamp` (any, if None: check `Held.stamp` before use):
    files walked, files skipped, the head, the index's bytes, and its parts, read one at a time
    as they are taken (`Held.parts`)."""
    try:
        row = cache.conn.execute("SELECT stamp, head, data FROM snapshots WHERE key = ?", (key,)).fetchone()
    except Exception:  # only a cache: the slow way still works
        return None
    if row is None or (stamp is not None and row[0] != stamp):
        return None
    try:
        files, reasons, index = marshal.loads(row[2])
        skipped = [Skipped(path, reason) for path, reason in reasons]
        # (`index` is None where it is a part of its own, read only when taken; in a snapshot kept
        # before that, the bytes themselves)
        return Held(files, skipped, bytes(row[1]), index, cache, key, bytes(row[0]))
    except Exception:  # damaged: the slow way
        return None


@dataclass
class Held:
    files: int
    skipped: list[Skipped]
    head: bytes
    index: bytes | None
    """The index's bytes when `data` held them; None when they are parts (`take_index` reads them)."""
    cache: CorpusCache
    key: bytes
    stamp: bytes

    def take_index(self) -> bytes | list[bytes]:
        """The index's bytes (its pieces, in order, where it was kept in parts), not kept here:
        whoever reads them can let them go (hundreds of MB at a million). Raises ValueError if
        they cannot be read."""
        data, self.index = self.index, b""
        return self._read_index() if data is None else data

    def _read_index(self) -> list[bytes]:
        try:
            rows = self.cache.conn.execute(
                "SELECT part, rowid FROM snapshot_parts WHERE key = ? AND part < 0 ORDER BY part DESC", (self.key,)
            ).fetchall()
            if [part for part, _ in rows] != list(range(INDEX_PART, INDEX_PART - len(rows), -1)) or not rows:
                raise ValueError("the index is missing")
            pieces = []
            for _, row in rows:
                # Read straight into one buffer: a plain SELECT holds SQLite's copy and Python's at once.
                with self.cache.conn.blobopen("snapshot_parts", "data", row, readonly=True) as blob:
                    pieces.append(blob.read())
            return pieces
        except sqlite3.Error as error:
            raise ValueError(f"cannot read the snapshot ({error})") from None

    def parts(self) -> Iterator[bytes]:
        """The parts in order. Raises ValueError if they cannot be read (or changed since `held`)."""
        try:
            rows = self.cache.conn.execute(
                "SELECT part FROM snapshot_parts WHERE key = ? AND part >= 0 ORDER BY part", (self.key,)
            )
            numbers = [number for (number,) in rows]
            if numbers != list(range(len(numbers))):
                raise ValueError("parts are missing")
            for number in numbers:
                row = self.cache.conn.execute(
                    "SELECT data FROM snapshot_parts WHERE key = ? AND part = ?", (self.key, number)
                ).fetchone()
                if row is None:
                    raise ValueError("a part went as it was read")
                yield bytes(row[0])
        except sqlite3.Error as error:
            raise ValueError(f"cannot read the snapshot ({error})") from None


def head(cache: CorpusCache, key: bytes) -> bytes | None:
    """Only the small head `keep` filed under `key`, whatever its stamp: what a first frame shows,
    read before the walk says whether the snapshot still holds. None if there is none (or on failure)."""
    try:
        row = cache.conn.execute("SELECT head FROM snapshots WHERE key = ?", (key,)).fetchone()
    except Exception:  # only a cache: the slow way still works
        return None
    return None if row is None else bytes(row[0])


def keep(
    cache: CorpusCache,
    key: bytes,
    stamp: bytes,
    files: int,
    skipped: list[Skipped],
    head: bytes,
    index: Sequence[Buffer],
    parts: Iterable[bytes],
) -> None:
    """File what an opening found (see `held`), with a `head` (the first rows) that reads alone. Never raises."""
    put(cache, key, stamp, head, marshal.dumps((files, [(s.path, s.reason) for s in skipped], None), 4), parts, index)
