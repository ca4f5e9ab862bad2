"""The app's state between runs: the last article open, read marks, the theme.

Kept as one small JSON file in the user data directory. Losing it is an
inconvenience, never a crash: a corrupt file is moved aside (so nothing is
destroyed) and a fresh state is used; a directory that cannot be written means
the state is simply not saved. Each problem is reported once, in `notices`,
for the UI to show.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from byline.paths import data_dir
from byline.storage import move_aside

STATE_FILE = "state.json"
VERSION = 1
MAX_BYTES = 4 * 1024 * 1024
"""A state file larger than this is not one Byline wrote (read marks of 100,000 articles take 1.5 MB)."""


class _Damaged(Exception):
    """The file is there but is not a state Byline wrote; the message says how."""


@dataclass
class State:
    last_article: str | None = None
    """Id of the article open when the app last closed."""
    position: int = 0
    """How far down that article the reader was scrolled, in lines."""
    read: set[str] = field(default_factory=set)
    """Ids of the articles that have been read."""
    theme: str | None = None


class StateFile:
    """Loads and saves `State`; never raises for a bad file or directory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / STATE_FILE
        self.notices: list[str] = []
        """Problems to tell the user about, once each."""
        self.writable = True
        self._last_written: str | None = None

    def load(self) -> State:
        try:
            raw = _read_capped(self.path)
            state = _parse(raw)
        except FileNotFoundError:
            return State()
        except _Damaged as error:
            return self._start_afresh(str(error))
        except OSError as error:
            self.notices.append(f"Could not read the saved state ({self.path}): {error.strerror or error}.")
            return State()
        except (ValueError, TypeError, KeyError, RecursionError) as error:
            return self._start_afresh(f"damaged ({error})")
        self._last_written = raw
        return state

    def _start_afresh(self, what: str) -> State:
        aside = self._move_aside()
        where = f" It was moved to {aside}." if aside else ""
        self.notices.append(f"The saved state was {what}; starting afresh.{where}")
        return State()

    def save(self, state: State) -> bool:
        """Write `state` atomically; False (and one notice) when it cannot be."""
        if not self.writable:
            return False
        text = json.dumps(
            {
                "version": VERSION,
                "last_article": state.last_article,
                "position": state.position,
                "read": sorted(state.read),
                "theme": state.theme,
            },
            ensure_ascii=False,
        )
        if text == self._last_written:
            return True
        tmp_name = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as tmp:
                tmp.write(text)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, self.path)
        except OSError as error:
            if tmp_name:
                try:
                    os.unlink(tmp_name)
                except OSError:
                    pass
            self.writable = False
            self.notices.append(
                f"Reading position and read marks will not be saved: {self.path.parent} "
                f"cannot be written ({error.strerror or error})."
            )
            return False
        self._last_written = text
        return True

    def _move_aside(self) -> Path | None:
        try:
            return move_aside(self.path, before_suffix=True)
        except OSError:
            return None


def _read_capped(path: Path) -> str:
    """The file's text: only a regular file, at most MAX_BYTES, strict UTF-8.

    Raises FileNotFoundError, OSError, or _Damaged (not a regular file, too large, not UTF-8).
    A FIFO is opened without blocking, and a device (`/dev/zero`) is never read:
    its size says nothing about how much it holds.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _Damaged("not a regular file")
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _Damaged(f"too large to be Byline's (over {MAX_BYTES // (1024 * 1024)} MiB)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Damaged(f"damaged (not UTF-8 text: {error.reason} at byte {error.start})") from None


def _parse(raw: str) -> State:
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    last = data.get("last_article")
    read = data.get("read", [])
    theme = data.get("theme")
    position = data.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise ValueError("position is not a line number")
    if last is not None and not isinstance(last, str):
        raise ValueError("last_article is not a string")
    if not isinstance(read, list) or not all(isinstance(item, str) for item in read):
        raise ValueError("read is not a list of ids")
    if theme is not None and not isinstance(theme, str):
        raise ValueError("theme is not a string")
    return State(last_article=last, position=position, read=set(read), theme=theme)
