"""End to end: the installed `byline` in tmux; a misspelt search opens the right article."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.tmux import Terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

BYLINE = Path(sys.executable).with_name("byline")


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a_phones.txt").write_text(
        "Mobile phone sales soar\n\nMore handsets were sold this year than ever before.\n", encoding="utf-8"
    )
    (folder / "b_football.txt").write_text(
        "Chelsea hold Arsenal to a draw\n\nThe match at Stamford Bridge ended level after a late goal.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def terminal(news: Path, private_dirs: Path) -> Iterator[Terminal]:
    if not BYLINE.exists():
        pytest.skip(f"byline is not installed beside {sys.executable}")
    term = Terminal(f"byline-e2e-{os.getpid()}", "byline")
    env = " ".join(
        f"{name}={shlex.quote(os.environ[name])}"
        for name in ("BYLINE_DATA_DIR", "BYLINE_CACHE_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")
    )
    command = f"env {env} TERM=xterm-256color {shlex.quote(str(BYLINE))} {shlex.quote(str(news))}"
    term.tmux("new-session", "-d", "-s", "byline", "-x", "120", "-y", "40", command)
    try:
        yield term
    finally:
        term.tmux("kill-server")


def test_a_misspelt_search_opens_the_article(terminal: Terminal) -> None:
    first = terminal.wait_for("More handsets were sold")
    assert "Stamford Bridge" not in first
    terminal.keys("/")
    terminal.wait_for("@ speakers and people")
    terminal.type("chelsae")
    results = terminal.wait_for(" result")
    assert "title   Chelsea hold Arsenal to a draw" in results
    terminal.keys("Enter")
    shown = terminal.wait_for("The match at Stamford Bridge")
    assert "@ speakers and people" not in shown  # the search box is gone
    assert "Chelsea hold Arsenal" in shown
