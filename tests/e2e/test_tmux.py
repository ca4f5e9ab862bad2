"""End to end: the installed `byline` in a real terminal (tmux), driven by keys, read off the screen."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from byline.load import load_file, sample_corpus
from tests.helpers.tmux import HEIGHT, WIDTH, Terminal, byline_in_tmux, reader_text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    with byline_in_tmux(None, tmp_path / "data", tmp_path / "cache", (WIDTH, HEIGHT)) as term:
        yield term


def sample_articles():
    files = sorted(p for p in sample_corpus().iterdir() if p.suffix == ".txt")
    return [load_file(p).articles[0] for p in files]


def test_opens_on_the_first_article_and_moves_to_the_second(terminal: Terminal) -> None:
    first, second = sample_articles()[:2]
    screen = terminal.wait_for(lambda s: "Byline" in s and first.subtitle[:40] in s, "the first article in the reader")
    assert first.title[:25] in screen, "its title, in the list and the reader"
    assert "By Dave DeCamp" in screen
    terminal.keys("]")
    screen = terminal.wait_for(lambda s: second.subtitle[:40] in s, "the second article after ]")
    assert first.subtitle[:40] not in screen
    assert "✓" in screen, "the article opened is marked read"
    terminal.quit()


def test_sidebar_quote_opens_in_the_reader(terminal: Terminal) -> None:
    from byline.extract import analyse

    first, second = sample_articles()[:2]
    screen = terminal.wait_for(lambda s: first.subtitle[:40] in s, "the first article")
    assert re.search(r"QUOTES · [1-9]", screen) and "— Israeli official" in screen, (
        "the sidebar lists quotes with speakers"
    )

    terminal.keys("]")
    terminal.wait_for(lambda s: second.subtitle[:40] in s, "the second article")
    quotes = analyse(second).quotes
    last = quotes[-1]
    # To the sidebar (its first quote is ready), down to its last quote, and open it.
    terminal.keys("Tab", "Tab", *["Down"] * (len(quotes) - 1), "Enter")
    words = " ".join(last.text.split()[:6])

    def quote_in_reader(s: str) -> bool:
        return words in reader_text(s) and not re.search(r"─ 0% ─", s)

    screen = terminal.wait_for(quote_in_reader, f"the last quote ({words}…) scrolled into the reader")
    assert second.subtitle[:40] not in screen, "the reader scrolled down, past the head"


def test_the_palette_finds_search_by_name(terminal: Terminal) -> None:
    first = sample_articles()[0]
    terminal.wait_for(lambda s: first.subtitle[:40] in s, "the first article")
    terminal.keys("C-p")
    terminal.wait_for("Search for commands", "the command palette")
    terminal.type("search")
    terminal.wait_for(lambda s: "Titles, quotes, speakers" in s, "Search found by its name, its description beside")
    terminal.keys("Enter")
    terminal.wait_for(lambda s: "Type to search titles" in s, "the search screen")
