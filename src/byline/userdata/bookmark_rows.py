"""The bookmarks table: its schema, step by step, and a bookmark as a row and back."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from byline.userdata.bookmarks import Bookmark, parse_tags

SCHEMA_VERSION = 2

# Each step takes the schema from version N to N+1, inside one transaction.
# A new file runs them all, so the upgrade path is exercised on every install.
MIGRATIONS: list[tuple[str, ...]] = [
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
assert len(MIGRATIONS) == SCHEMA_VERSION

COLUMNS = "id, article_id, path, title, kind, quote, speaker, quote_start, quote_end, note, tags, created"


def insert_row(conn: sqlite3.Connection, bookmark: Bookmark) -> int:
    """Insert unless the target is already bookmarked; returns 1 if inserted."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO bookmarks "
        "(article_id, path, title, kind, quote, speaker, quote_start, quote_end, note, tags, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bookmark.article_id,
            bookmark.path,
            bookmark.title,
            bookmark.kind,
            bookmark.quote,
            bookmark.speaker,
            bookmark.quote_start,
            bookmark.quote_end,
            bookmark.note,
            json.dumps(list(bookmark.tags), ensure_ascii=False),
            bookmark.created,
        ),
    )
    return cursor.rowcount


def row_to_bookmark(row: tuple[Any, ...]) -> Bookmark:
    (id_, article_id, path, title, kind, quote, speaker, start, end, note, tags, created) = row
    if tags == "[]":  # most bookmarks: skip the JSON parser, every read goes through here
        tag_list: tuple[str, ...] = ()
    else:
        try:
            tag_list = parse_tags(json.loads(tags))
        except (TypeError, ValueError):
            tag_list = parse_tags(str(tags))
    return Bookmark(
        article_id=article_id,
        path=path,
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
