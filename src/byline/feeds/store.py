"""Subscriptions and the entries already kept, in `feeds.sqlite3` in the user data directory.

Like the bookmarks: every change is one transaction (WAL, synchronous=FULL),
and a file SQLite cannot read is moved aside, never overwritten. The articles
themselves are Markdown files under `articles/` (`byline.feeds.articles`);
this file only remembers which entries were kept, so that a refresh never
stores one twice and never deletes one.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from byline.paths import data_dir
from byline.storage import is_corrupt, move_aside, transaction

FILENAME = "feeds.sqlite3"
BUSY_TIMEOUT_S = 5.0

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL DEFAULT '',
        tags          TEXT NOT NULL DEFAULT '[]',
        folder        TEXT NOT NULL UNIQUE,
        etag          TEXT,
        last_modified TEXT,
        last_fetch    TEXT,
        last_status   TEXT NOT NULL DEFAULT '',
        last_error    TEXT NOT NULL DEFAULT '',
        retry_at      TEXT,
        added         TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS entries (
        folder  TEXT NOT NULL,
        key     TEXT NOT NULL,
        path    TEXT NOT NULL,
        url     TEXT NOT NULL DEFAULT '',
        date    TEXT NOT NULL DEFAULT '',
        fetched TEXT NOT NULL,
        PRIMARY KEY (folder, key)
    )""",
)
_COLUMNS = "id, url, title, tags, folder, etag, last_modified, last_fetch, last_status, last_error, retry_at"


class FeedStoreError(Exception):
    """The subscriptions file cannot be read or written; `str()` says why."""


@dataclass(frozen=True)
class Subscription:
    id: int
    url: str
    title: str
    tags: tuple[str, ...]
    folder: str
    """The folder under `articles/` that holds this feed's entries."""
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_status: str = ""
    """"ok", "unchanged", "failed" or "" (never fetched)."""
    last_error: str = ""
    retry_at: str | None = None
    articles: int = 0

    @property
    def name(self) -> str:
        return self.title or self.url


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and dashes: safe as a file or folder name anywhere."""
    words = re.findall(r"[a-z0-9]+", text.lower().encode("ascii", "ignore").decode())
    return "-".join(words)[:limit].strip("-") or "untitled"


def folder_for(url: str) -> str:
    """A stable folder name for a feed: its host and a short hash of its URL."""
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=4).hexdigest()
    return f"{slug(urlsplit(url).hostname or 'feed', 40)}-{digest}"


def store_path() -> Path:
    return data_dir() / FILENAME


class FeedStore:
    """The subscriptions file. Not shared between threads: a refresh writes from one thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or store_path()
        self.problem: str | None = None
        """Set when a damaged file was moved aside on opening."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
        except sqlite3.DatabaseError as error:
            if not is_corrupt(error):
                raise FeedStoreError(f"cannot open {self.path}: {error}") from None
            try:
                aside = move_aside(self.path)
            except OSError as move_error:
                raise FeedStoreError(f"{self.path} is damaged and could not be moved aside: {move_error}") from None
            self.problem = f"the subscriptions file was damaged; it was moved to {aside.name} and a new one started"
            self._conn = self._connect()
        except OSError as error:
            raise FeedStoreError(f"cannot open {self.path}: {error.strerror or error}") from None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            with transaction(conn):
                for statement in _SCHEMA:
                    conn.execute(statement)
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> FeedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- subscriptions ---------------------------------------------------------

    def all(self) -> list[Subscription]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS}, (SELECT count(*) FROM entries e WHERE e.folder = f.folder) FROM feeds f ORDER BY id"
        ).fetchall()
        return [_subscription(row) for row in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM feeds").fetchone()[0])

    def find(self, url_or_number: str) -> Subscription | None:
        """A subscription by its URL, or by its number in `all()` (1-based)."""
        subs = self.all()
        if url_or_number.isdigit() and 1 <= int(url_or_number) <= len(subs):
            return subs[int(url_or_number) - 1]
        return next((s for s in subs if s.url == url_or_number.strip()), None)

    def add(self, url: str, title: str = "", tags: tuple[str, ...] = ()) -> tuple[Subscription, bool]:
        """Subscribe; returns the subscription and whether it is new (an existing one gains the tags)."""
        with transaction(self._conn):
            row = self._conn.execute("SELECT tags FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                self._conn.execute(
                    "INSERT INTO feeds (url, title, tags, folder, added) VALUES (?, ?, ?, ?, ?)",
                    (url, title, json.dumps(list(tags)), folder_for(url), now()),
                )
            elif tags:
                merged = list(dict.fromkeys([*json.loads(row[0]), *tags]))
                self._conn.execute("UPDATE feeds SET tags = ? WHERE url = ?", (json.dumps(merged), url))
        found = self.find(url)
        assert found is not None
        return found, row is None

    def remove(self, sub: Subscription) -> None:
        """Unsubscribe. The entries kept stay on disk and stay known, so subscribing again stores no copy."""
        with transaction(self._conn):
            self._conn.execute("DELETE FROM feeds WHERE id = ?", (sub.id,))

    def record(self, sub: Subscription, status: str, error: str = "", **fields: str | None) -> None:
        """What a fetch found: status, error, and any of title, etag, last_modified, retry_at."""
        allowed = {"title", "etag", "last_modified", "retry_at"}
        assert set(fields) <= allowed, fields
        sets = ", ".join(f"{name} = ?" for name in fields)
        with transaction(self._conn):
            self._conn.execute(
                f"UPDATE feeds SET last_fetch = ?, last_status = ?, last_error = ?{', ' + sets if sets else ''} "
                "WHERE id = ?",
                (now(), status, error, *fields.values(), sub.id),
            )

    # -- entries -------------------------------------------------------------------

    def known_keys(self, folder: str) -> set[str]:
        return {row[0] for row in self._conn.execute("SELECT key FROM entries WHERE folder = ?", (folder,))}

    def entry_path(self, folder: str, key: str) -> Path | None:
        row = self._conn.execute("SELECT path FROM entries WHERE folder = ? AND key = ?", (folder, key)).fetchone()
        return Path(row[0]) if row else None

    def entry_dates(self) -> dict[str, str]:
        """Every kept entry's file path and its date as the feed gave it (ISO 8601 in UTC when readable)."""
        return {row[0]: row[1] for row in self._conn.execute("SELECT path, date FROM entries")}

    def add_entries(self, folder: str, entries: list[tuple[str, str, str, str]]) -> None:
        """Remember kept entries, (key, path, url, date) each, in one transaction."""
        stamp = now()
        with transaction(self._conn):
            self._conn.executemany(
                "INSERT OR IGNORE INTO entries (folder, key, path, url, date, fetched) VALUES (?, ?, ?, ?, ?, ?)",
                [(folder, key, path, url, date, stamp) for key, path, url, date in entries],
            )


def _subscription(row: tuple) -> Subscription:
    try:
        tags = tuple(str(t) for t in json.loads(row[3]))
    except (ValueError, TypeError):
        tags = ()
    return Subscription(
        id=row[0],
        url=row[1],
        title=row[2],
        tags=tags,
        folder=row[4],
        etag=row[5],
        last_modified=row[6],
        last_fetch=row[7],
        last_status=row[8],
        last_error=row[9],
        retry_at=row[10],
        articles=row[11],
    )


def has_subscriptions(path: Path | None = None) -> bool:
    """Whether any feed is subscribed; False (never an error) when the file is missing or unreadable."""
    path = path or store_path()
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            return conn.execute("SELECT 1 FROM feeds LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False
