"""The installed `byline` in a real terminal (tmux): start it, send keys, read the screen."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import tempfile
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
        """What the terminal shows (the pane stays once byline has ended: see `exited`)."""
        done = subprocess.run(
            ["tmux", "-L", self.socket, "capture-pane", "-p", "-t", self.session], capture_output=True, text=True
        )
        return done.stdout if done.returncode == 0 else ""

    def exit_status(self) -> int | None:
        """byline's exit status once its process has ended, else None.

        The pane is kept after the process ends (remain-on-exit), so this is read off
        tmux, not guessed from the screen: a screen without the app on it can be a
        moment of the app's way out, and a test that moved on then killed the app
        before it had saved its state (one run in three under load)."""
        done = subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "display-message",
                "-p",
                "-t",
                self.session,
                "#{pane_dead} #{pane_dead_status}",
            ],
            capture_output=True,
            text=True,
        )
        dead, _, status = done.stdout.strip().partition(" ")
        return int(status or 0) if done.returncode == 0 and dead == "1" else None

    def quit(self, key: str = "q", wait: float = WAIT) -> str:
        """Press `key` and wait until byline's process has ended, cleanly: what it left on the screen."""
        self.keys(key)
        deadline = time.monotonic() + wait
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"byline still running {wait:.0f} s after {key!r}\n--- screen ---\n{self.screen()}"
                )
            time.sleep(0.1)
        left = self.screen()
        assert status == 0 and "Traceback" not in left, f"byline ended with status {status}\n--- screen ---\n{left}"
        return left

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
        passing: dict[str, None] = {}  # lines shown during the wait and gone by its end (notices), in order
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            passing.update(dict.fromkeys(line.strip() for line in screen.splitlines()))
            time.sleep(0.2)
        gone = "\n".join(line for line in passing if line and line not in screen)[-3000:]
        raise AssertionError(
            f"not seen within {wait:.0f} s: {what}\n--- screen ---\n{screen}\n--- lines seen, then gone ---\n{gone}"
        )


@contextmanager
def byline_in_tmux(
    corpus: Path | None, data: Path, cache: Path | None = None, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> Iterator[Terminal]:
    """The installed byline on `corpus` (None: `byline` alone), in a private tmux server that takes OSC 52 into its"
    " buffer."""
    term = Terminal(f"byline-bm-{uuid.uuid4().hex[:8]}", "byline")
    cache_dir = cache or data.parent / "cache"
    env = f"BYLINE_DATA_DIR={shlex.quote(str(data))} BYLINE_CACHE_DIR={shlex.quote(str(cache_dir))} TERM=xterm-256color"
    where = shlex.quote(str(corpus)) if corpus is not None else ""
    command = f"env -u COLUMNS -u LINES -u DISPLAY -u WAYLAND_DISPLAY -u TMUX {env} {byline_command()} {where}"
    # Options from a file, in force before byline starts: the pane must outlive a byline that ends at once.
    conf = tempfile.NamedTemporaryFile("w", prefix="byline-tmux-", suffix=".conf", delete=False)
    with conf:
        conf.write("set-option -g remain-on-exit on\nset-option -g set-clipboard on\n")
    try:
        term.tmux(
            "-f", conf.name, "new-session", "-d", "-s", term.session, "-x", str(size[0]), "-y", str(size[1]), command
        )
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)
        Path(conf.name).unlink(missing_ok=True)


def reader_text(screen: str) -> str:
    """The words inside the reader's frame as one line, so wrapped text reads through."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "─ Reader " in line)
    left = lines[top].index("╭─ Reader ")
    right = lines[top].index("╮", left)
    inside = [line[left + 1 : right] for line in lines[top + 1 :] if len(line) > right and line[right] == "│"]
    text = " ".join(inside).translate({ord(c): " " for c in BOX_CHARS})
    return " ".join(text.split())
