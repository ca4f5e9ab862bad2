"""End to end in tmux (issue 13): delete in the bookmarks view, and a corpus switch that comes back to the place."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.helpers.tmux import byline_in_tmux, reader_text
from tests.helpers.tui import write_article

pytestmark = [pytest.mark.e2e]


def count_shown(screen: str) -> str | None:
    found = re.search(r"(\d+) bookmarks?\b", screen)
    return found.group(0) if found else None


def test_delete_in_the_bookmarks_view_and_undo_and_it_stays_deleted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_article(corpus, "01.txt", "First story", ["One thing happened."])
    write_article(corpus, "02.txt", "Second story", ["Another thing happened."])
    data = tmp_path / "data"
    with byline_in_tmux(corpus, data) as term:
        term.wait_for("First story")
        term.keys("b")
        term.wait_for("Bookmarked", "the first bookmark")
        term.keys("]", "b")
        term.wait_for(lambda s: s.count("Bookmarked") >= 1 and "Second story" in s)
        term.keys("v")
        term.wait_for(lambda s: count_shown(s) == "2 bookmarks", "the view with both")
        term.keys("DC")  # Delete: the highlighted (newest) one
        term.wait_for(lambda s: count_shown(s) == "1 bookmark" and "Deleted" in s, "one deleted, and said so")
        term.keys("u")
        term.wait_for(lambda s: count_shown(s) == "2 bookmarks", "undo brings it back")
        term.keys("DC")  # the highlight stayed on the first story's row: that one goes now
        term.wait_for(lambda s: count_shown(s) == "1 bookmark", "deleted again")
        term.keys("Escape")
        term.wait_for(lambda s: "Type to filter" not in s, "the view to close")
        term.quit()
    with byline_in_tmux(corpus, data) as term:
        term.wait_for("First story")
        term.keys("v")
        screen = term.wait_for(lambda s: count_shown(s) == "1 bookmark", "still one after a restart")
        assert "Second story" in screen.split("Type to filter")[-1]
        term.keys("Escape")
        term.wait_for(lambda s: "Type to filter" not in s, "the view to close")
        term.quit()


def steady(term) -> str:
    """The screen once it has stopped changing (a scroll may still be running)."""
    last = term.screen()
    for _ in range(40):
        time.sleep(0.5)
        now = term.screen()
        if now == last:
            return now
        last = now
    raise AssertionError("the screen never settled")


def folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    for n in range(3):
        body = [f"Paragraph {i} of {name}{n} goes on long enough to wrap and to scroll a while." for i in range(60)]
        write_article(path, f"{n}.txt", f"Folder {name} article {n}", body)
    return path


def test_switching_corpus_and_back_returns_to_the_reading_place(tmp_path: Path) -> None:
    a, b = folder(tmp_path, "a"), folder(tmp_path, "b")
    data = tmp_path / "data"
    with byline_in_tmux(a, data) as term:
        term.wait_for("Folder a article 0")
        term.keys("]", "]")
        term.wait_for(lambda s: "Paragraph 0 of a2" in reader_text(s), "article 2 of folder a")
        term.keys("Tab", "PageDown", "PageDown")
        term.wait_for(lambda s: "Paragraph 0 of a2" not in reader_text(s), "the reader scrolled")
        screen = steady(term)
        place = re.search(r"Paragraph (\d+) of a2", reader_text(screen))
        assert place is not None
        left_at = place.group(0)
        term.quit()
    with byline_in_tmux(b, data) as term:
        term.wait_for("Folder b article 0")
        term.keys("]")
        term.wait_for(lambda s: "Paragraph 0 of b1" in reader_text(s), "article 1 of folder b")
        term.quit()
    with byline_in_tmux(a, data) as term:
        screen = term.wait_for(
            lambda s: "Folder a article 0" in s and reader_text(s).find("of a2") != -1, "folder a, article 2 again"
        )
        screen = term.wait_for(
            lambda s: (m := re.search(r"Paragraph (\d+) of a2", reader_text(s))) is not None and m.group(0) == left_at,
            f"back at {left_at}",
        )
        term.quit()
