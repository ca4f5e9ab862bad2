"""The installed `byline` in a real terminal (tmux): start it, send keys, read the screen."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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

    def wait_for(self, predicate, what: str = "", wait: float = WAIT) -> str:
        """The screen once `predicate` holds of it (or once it shows `predicate`, a str)."""
        if isinstance(predicate, str):
            text, what = predicate, what or repr(predicate)
            predicate = lambda screen: text in screen  # noqa: E731
        deadline = time.monotonic() + wait
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"not seen within {wait:.0f} s: {what}\n--- screen ---\n{screen}")


@contextmanager
def byline_in_tmux(
    corpus: Path | None, data: Path, cache: Path | None = None, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> Iterator[Terminal]:
    """The installed byline on `corpus` (None: `byline` alone), in a private tmux server that takes OSC 52 into its buffer."""
    term = Terminal(f"byline-bm-{uuid.uuid4().hex[:8]}", "byline")
    env = f"BYLINE_DATA_DIR={shlex.quote(str(data))} BYLINE_CACHE_DIR={shlex.quote(str(cache or data.parent / 'cache'))} TERM=xterm-256color"
    command = f"env -u COLUMNS -u LINES -u DISPLAY -u WAYLAND_DISPLAY -u TMUX {env} {byline_command()} {shlex.quote(str(corpus)) if corpus is not None else ''}"
    term.tmux("-f", "/dev/null", "new-session", "-d", "-s", term.session, "-x", str(size[0]), "-y", str(size[1]), command)
    term.tmux("set-option", "-g", "set-clipboard", "on")
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)  # gone already if byline quit


def reader_text(screen: str) -> str:
    """The words inside the reader's frame as one line, so wrapped text reads through."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "─ Reader " in line)
    left = lines[top].index("╭─ Reader ")
    right = lines[top].index("╮", left)
    inside = [line[left + 1 : right] for line in lines[top + 1 :] if len(line) > right and line[right] == "│"]
    text = " ".join(inside).translate({ord(c): " " for c in BOX_CHARS})
    return " ".join(text.split())
