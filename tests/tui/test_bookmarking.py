"""Toggling, undo and editing, as the app's actions use them."""

from __future__ import annotations

from pathlib import Path

from byline.model import Quote
from byline.tui.bookmarking import Bookmarking
from byline.userdata.bookmark_store import FILENAME, BookmarkStore

QUOTE = Quote("We will not talk.", "Israeli official", 120, 137)


def test_toggle_an_article_then_a_quote_then_undo_the_removal() -> None:
    marks, problem = Bookmarking.open()
    assert problem is None
    notice = marks.toggle("a1", "/p/a1.txt", "Talks stall")
    assert notice.message == "Bookmarked “Talks stall” (u undoes it)" and notice.severity == "information"
    assert marks.find("a1", None) is not None and marks.marked_ids() == {"a1"}
    assert marks.toggle("a1", "/p/a1.txt", "Talks stall", QUOTE).message.startswith(
        "Bookmarked the quote “We will not talk.”"
    )
    marks.update(marks.find("a1", QUOTE), "key line", ("gaza",))  # type: ignore[arg-type]
    removed = marks.toggle("a1", "/p/a1.txt", "Talks stall", QUOTE)
    assert removed.message.startswith("Removed the bookmark on the quote") and removed.message.endswith(
        "(u brings it back)"
    )
    assert marks.find("a1", QUOTE) is None
    assert "bookmarked again" in marks.undo().message
    restored = marks.find("a1", QUOTE)
    assert restored is not None and (restored.note, restored.tags) == ("key line", ("gaza",))
    assert marks.undo().severity == "warning"  # nothing left to undo


def test_undo_an_addition_removes_it() -> None:
    marks, _ = Bookmarking.open()
    marks.toggle("a1", "/p", "T")
    assert "no longer bookmarked" in marks.undo().message
    assert marks.marked_ids() == set()


def test_with_bookmarks_off_every_action_says_why(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    store, problem = BookmarkStore.open(tmp_path / "file" / FILENAME)
    marks = Bookmarking(store)
    notice = marks.toggle("a1", "/p", "T")
    assert notice.severity == "error" and notice.message == problem
    assert marks.find("a1", None) is None and marks.marked_ids() == set()
