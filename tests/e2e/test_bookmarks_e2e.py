"""End to end in tmux: bookmark a quote, copy it, quit, start again, find it in the bookmarks view."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.tmux import byline_in_tmux
from tests.helpers.tui import write_article

pytestmark = [pytest.mark.e2e]

QUOTE = "We will not give up on the talks"
TITLE = "Talks go on in Doha"


def test_a_bookmarked_quote_survives_a_restart_and_is_found_in_the_view(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_article(corpus, "01.txt", TITLE, ["Envoys met again on Monday.", f"“{QUOTE},” Antony Blinken said."])
    write_article(corpus, "02.txt", "Another day", ["Nothing was said."])
    data = tmp_path / "data"

    with byline_in_tmux(corpus, data) as term:
        term.wait_for(lambda s: "— Antony Blinken" in s and "100%" in s, "the article, and its quote in the sidebar")
        term.keys("Tab", "Tab")  # list -> reader -> sidebar, whose cursor lands on the first quote
        term.keys("b")
        term.wait_for(lambda s: "Bookmarked the quote" in s, "the notice that the quote is bookmarked")
        term.keys("y")
        term.wait_for(lambda s: "Copied through the terminal" in s, "the notice of the copy")
        # tmux (set-clipboard on) took the OSC 52 into its paste buffer: what a paste would give.
        pasted = term.tmux("show-buffer")
        assert pasted.startswith(f"“{QUOTE}") and pasted.endswith(f"” — Antony Blinken, {TITLE}"), pasted
        term.quit()

    with byline_in_tmux(corpus, data) as term:
        term.wait_for(lambda s: TITLE in s, "the app, started again")
        term.keys("v")
        screen = term.wait_for(lambda s: "1 bookmark " in s or s.rstrip().endswith("1 bookmark"), "the bookmarks view")
        assert QUOTE in screen and "Antony Blinken" in screen and "not in this corpus" not in screen
        term.keys("Escape")
        # Wait for the view to close: ESC followed at once by q would read as Alt+q.
        term.wait_for(lambda s: "Type to filter" not in s, "the view to close")
        term.quit()
