"""An export is a file anyone can edit: what it holds must not drive the terminal
when the bookmarks view or `byline bookmarks` shows it."""

from __future__ import annotations

import json

from byline.tui.screens.bookmarks import bookmark_row
from byline.userdata.bookmark_store import BookmarkStore
from tests.helpers.hostile import TERMINAL_CONTROL

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def test_escape_codes_in_an_imported_export_never_reach_the_view_or_an_export(tmp_path) -> None:
    record = {
        "kind": "quote",
        "article_id": "abc",
        "path": "/news/\x1b[2Ja.txt",
        "title": f"Title{HOSTILE} [bold]x[/]",
        "quote": f"We said{HOSTILE} it",
        "speaker": f"Ann{HOSTILE}",
        "quote_start": 3,
        "quote_end": 9,
        "note": f"note{HOSTILE}",
        "tags": [f"tag{HOSTILE}"],
    }
    store, problem = BookmarkStore.open(tmp_path / "bookmarks.sqlite3")
    assert problem is None
    assert store.import_(json.dumps([record]), "json").added == 1
    (bookmark,) = store.all()
    assert bookmark.title == "Title [bold]x[/]", "escape codes are dropped on import, as the README says"
    assert bookmark.path == record["path"], "a path is kept as the file system names it"
    for text in (bookmark_row(bookmark, True).plain, store.export("markdown"), bookmark.note, bookmark.speaker):
        assert not TERMINAL_CONTROL.search(text), repr(text)
    store.close()
