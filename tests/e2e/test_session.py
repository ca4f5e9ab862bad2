"""A reader's whole session, end to end: the installed `byline` on the BBC set in tmux.

Open, search, read, jump to a quote, bookmark it, copy it, filter by a name, quit; start
again and find the bookmark and the article left open. Then the same with a data
directory that cannot be written and with a corrupt bookmarks file: the app goes
on, says so, and what was saved is kept aside, never overwritten.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from byline.userdata.bookmark_store import FILENAME
from tests.helpers import BBC
from tests.helpers.tmux import Terminal, byline_in_tmux, reader_text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc is not beside the repo"),
]

SIZE = (160, 48)
LOAD_WAIT = 120.0
"""Seconds for 2,225 articles to load and be analysed on a busy two-core machine."""
SECOND = "Dollar gains on Greenspan speech"
"""business/002.txt: three quotes, the second by Robert Sinche."""
QUOTE_WORDS = "taking a longer-term view"


def loaded(screen: str) -> bool:
    return "2,225 articles" in screen and "loading" not in screen


def start(term: Terminal) -> str:
    return term.wait_for(loaded, "the BBC set loaded", wait=LOAD_WAIT)


def read_second_article_and_keep_a_quote(term: Terminal) -> None:
    """Search, read, jump to a quote, bookmark it, copy it: the heart of a session."""
    term.keys("/")
    term.wait_for(lambda s: "@ speakers and people" in s, "the search box")
    term.type("greenspan speach")  # misspelt, as typed in a hurry
    term.wait_for(lambda s: f"title   {SECOND}" in s, "the article among the results")
    term.keys("Enter")  # opens it, the reader focused
    term.wait_for(lambda s: SECOND in reader_text(s) and "@ speakers and people" not in s, "the article in the reader")
    term.keys("PageDown")
    term.wait_for(lambda s: not re.search(r"─ 0% ─", s), "the reader scrolled by a page")
    term.keys("Tab", "Down", "Enter")  # the sidebar's second quote, into the reader
    term.wait_for(lambda s: QUOTE_WORDS in reader_text(s), "the quote in the reader")
    term.keys("b")
    term.wait_for(lambda s: "Bookmarked the quote" in s, "the notice that the quote is bookmarked")
    term.keys("y")
    screen = term.wait_for(lambda s: "Copied" in s, "the notice of the copy")
    # No display in tmux: the app must say it went through the terminal (OSC 52).
    assert "Copied through the terminal" in screen, screen


def test_a_whole_session_and_the_next_one(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    with byline_in_tmux(BBC, data, cache, SIZE) as term:
        start(term)
        read_second_article_and_keep_a_quote(term)
        pasted = term.tmux("show-buffer")
        assert QUOTE_WORDS in pasted and "Robert Sinche" in pasted and SECOND in pasted, pasted

        # Filter by a name: the sidebar's last row is an entity.
        term.keys("G", "Enter")
        screen = term.wait_for(lambda s: "Mentioning" in s, "the filter chip")
        shown = re.search(r"([\d,]+) shown", screen)
        assert shown and 0 < int(shown.group(1).replace(",", "")) < 2225, screen
        term.keys("x")
        term.wait_for(lambda s: "Mentioning" not in s, "the filter cleared")
        term.quit()

    with byline_in_tmux(BBC, data, cache, SIZE) as term:
        screen = start(term)
        assert SECOND in reader_text(screen), "the article left open is open again"
        term.keys("v")
        screen = term.wait_for(lambda s: re.search(r"\b1 bookmark\b", s) is not None, "the bookmarks view")
        assert QUOTE_WORDS in screen and "Robert Sinche" in screen
        term.keys("Escape")
        term.wait_for(lambda s: "Type to filter" not in s, "the view to close")
        term.quit()


def test_a_data_directory_that_cannot_be_written(tmp_path: Path) -> None:
    # chmod does not stop root: a data dir under a regular file cannot be made by anyone.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n")
    with byline_in_tmux(BBC, blocker / "data", tmp_path / "cache", SIZE) as term:
        # The notice is said at start and fades after a while: on a busy machine the
        # BBC set may still be loading by then, so wait for the notice, then the load.
        term.wait_for(lambda s: "Bookmarks are off" in s, "the notice that bookmarks are off", wait=LOAD_WAIT)
        start(term)
        term.keys("]")
        # Its title is in the list from the start: wait for it in the reader, its quotes in the sidebar.
        term.wait_for(
            lambda s: SECOND in reader_text(s) and "— Robert Sinche" in s, "the second article: reading goes on"
        )
        term.keys("Tab", "Tab", "b")
        term.wait_for(lambda s: "Bookmarks are off" in s or "bookmarks are off" in s, "bookmarking says why it cannot")
        term.keys("y")
        term.wait_for(lambda s: "Copied through the terminal" in s, "copying still works")
        term.quit()
    assert blocker.read_text() == "not a directory\n"


def test_a_corrupt_bookmarks_file_is_kept_aside(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    garbage = b"\x00\xffnot SQLite at all\x1b[2J" * 100
    (data / FILENAME).write_bytes(garbage)
    with byline_in_tmux(BBC, data, cache, SIZE) as term:
        # Said at start, and fades: wait for it before waiting for the whole load.
        term.wait_for(lambda s: "damaged" in s, "the notice that the bookmarks file is damaged", wait=LOAD_WAIT)
        start(term)
        read_second_article_and_keep_a_quote(term)
        term.quit()
    kept = [p for p in data.iterdir() if p.name.startswith(f"{FILENAME}.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == garbage, "the damaged file is kept as it was"
    assert (data / FILENAME).read_bytes() != garbage
