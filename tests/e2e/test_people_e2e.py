"""End to end: the installed `byline` on the BBC corpus in tmux: the speakers view, a misspelt
surname, the speaker's quotes, one of them opened in the reader at the quote."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import BBC, needs_bbc
from tests.helpers.tmux import byline_in_tmux, reader_text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    needs_bbc(),
]

LOADED = 240.0
"""Seconds for a first load of 2,225 articles (analysed, then cached) on a busy machine."""


def test_a_misspelt_surname_finds_the_speaker_and_a_quote_opens_in_the_reader(tmp_path: Path) -> None:
    with byline_in_tmux(BBC, tmp_path / "data", tmp_path / "cache") as term:
        term.wait_for(lambda s: "2,225 articles" in s and "loading" not in s, "the corpus loaded", wait=LOADED)
        term.keys("2")
        term.wait_for(lambda s: "─ Speakers " in s and "Tony Blair" in s, "the speakers view")
        term.type("blare")
        # Both names: before the filter applies, the whole list already shows Tony Blair at its top.
        screen = term.wait_for(
            lambda s: "blare" in s and "Tony Blair" in s and "Ian Blair" in s, "the Blairs found as blare"
        )
        assert screen.index("Tony Blair") < screen.index("Ian Blair"), "the most quoted Blair first"
        term.keys("Enter")
        screen = term.wait_for("Quotes of Tony Blair", "his quotes in the middle pane")
        first = next(line for line in screen.splitlines() if "“" in line)
        words = re.split(r"[“”…]", first.split("“", 1)[1])[0].split()[:4]
        assert words, first
        term.keys("Enter")

        def at_the_quote(s: str) -> bool:
            return "─ Reader " in s and " ".join(words) in reader_text(s)

        screen = term.wait_for(at_the_quote, f"the article in the reader at “{' '.join(words)}…”")
        assert "Quotes of Tony Blair" not in screen
