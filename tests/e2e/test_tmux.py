"""End to end: the installed `byline` in a real terminal (tmux), driven by keys, read off the screen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from byline.load import load_file, sample_corpus

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

WIDTH, HEIGHT = 120, 40
WAIT = 20.0
BOX_CHARS = "│┃╭╮╰╯─━▊▎▌▐█▔▁"


def byline_command() -> str:
    beside = Path(sys.executable).parent / "byline"
    found = str(beside) if beside.exists() else shutil.which("byline")
    if found is None:
        pytest.skip("the byline command is not installed")
    return found


class Terminal:
    """A tmux session on its own server, so nothing leaks into the user's tmux."""

    def __init__(self, socket: str, session: str) -> None:
        self.socket, self.session = socket, session

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        """What the terminal shows; empty once the session has ended (the app quit)."""
        done = subprocess.run(["tmux", "-L", self.socket, "capture-pane", "-p", "-t", self.session], capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else ""

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        """Type `text` literally (send-keys would read "Enter" or "Tab" in it as keys)."""
        self.tmux("send-keys", "-t", self.session, "-l", text)
        time.sleep(0.15)

    def wait_for(self, predicate, what: str, wait: float = WAIT) -> str:
        deadline = time.monotonic() + wait
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"not seen within {wait:.0f} s: {what}\n--- screen ---\n{screen}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"byline-test-{uuid.uuid4().hex[:8]}", "byline")
    # COLUMNS/LINES left by other tests in this process would override the real terminal size.
    env = f"BYLINE_DATA_DIR={tmp_path / 'data'} BYLINE_CACHE_DIR={tmp_path / 'cache'} TERM=xterm-256color"
    term.tmux("new-session", "-d", "-s", term.session, "-x", str(WIDTH), "-y", str(HEIGHT), f"env -u COLUMNS -u LINES {env} {byline_command()}")
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def sample_articles():
    files = sorted(p for p in sample_corpus().iterdir() if p.suffix == ".txt")
    return [load_file(p).articles[0] for p in files]


def reader_text(screen: str) -> str:
    """The words inside the reader's frame as one line, so wrapped text reads through."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "─ Reader " in line)
    left = lines[top].index("╭─ Reader ")
    right = lines[top].index("╮", left)
    inside = [line[left + 1 : right] for line in lines[top + 1 :] if len(line) > right and line[right] == "│"]
    text = " ".join(inside).translate({ord(c): " " for c in BOX_CHARS})
    return " ".join(text.split())


def test_opens_on_the_first_article_and_moves_to_the_second(terminal: Terminal) -> None:
    first, second = sample_articles()[:2]
    screen = terminal.wait_for(lambda s: "Byline" in s and first.subtitle[:40] in s, "the first article in the reader")
    assert first.title[:25] in screen, "its title, in the list and the reader"
    assert "By Dave DeCamp" in screen
    terminal.keys("]")
    screen = terminal.wait_for(lambda s: second.subtitle[:40] in s, "the second article after ]")
    assert first.subtitle[:40] not in screen
    assert "✓" in screen, "the article opened is marked read"
    terminal.keys("q")
    terminal.wait_for(lambda s: "Byline" not in s, "the app to quit")


def test_sidebar_quote_opens_in_the_reader(terminal: Terminal) -> None:
    from byline.extract import analyse

    first, second = sample_articles()[:2]
    screen = terminal.wait_for(lambda s: first.subtitle[:40] in s, "the first article")
    assert re.search(r"QUOTES · [1-9]", screen) and "— Israeli official" in screen, "the sidebar lists quotes with speakers"

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
