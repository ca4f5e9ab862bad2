"""The app's state between runs: where the reader was in each corpus, read marks, the theme.

Kept as one small JSON file in the user data directory. Losing it is an
inconvenience, never a crash: a file that is not one Byline wrote (damaged,
not UTF-8, not a regular file, too large) is moved aside (so nothing is
destroyed) and a fresh state is used; a directory that cannot be written means
the state is simply not saved. Each problem is reported once, in `notices`,
for the UI to show.

Two windows may share the file: each save re-reads it under a lock and merges
(read marks taken on or off here, places and positions changed here, over
what the file holds), then replaces it atomically, so neither window's marks
are lost to the other's.
"""

from __future__ import annotations

import copy
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from byline.paths import data_dir, file_in_the_way
from byline.storage import move_aside

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: the merge alone narrows the window
    fcntl = None  # type: ignore[assignment]

STATE_FILE = "state.json"
VERSION = 2
MAX_BYTES = 4 * 1024 * 1024
"""A state file larger than this is not one Byline wrote (read marks of 100,000 articles take 1.5 MB)."""
MAX_PLACES = 200
"""Corpora whose reading place is kept (the most recently used)."""
MAX_POSITIONS = 5000
"""Articles whose scroll position is kept (the most recently left)."""


V = TypeVar("V")


class _Damaged(Exception):
    """The file is there but is not a state Byline wrote; the message says how."""


def corpus_key(paths: Iterable[str]) -> str:
    """The key of a corpus in `State.places`: the paths opened, absolute and sorted."""
    absolute = sorted({os.path.abspath(os.path.expanduser(os.fspath(p))) for p in paths})
    return json.dumps(absolute)


@dataclass
class State:
    last_article: str | None = None
    """The article open when the app last closed (in whichever corpus): its file key
    (`byline.model.file_key`), or its id in a state saved before file keys."""
    position: int = 0
    """How far down that article the reader was scrolled, in lines."""
    read: set[str] = field(default_factory=set)
    """The files read, by file key (each of identical files on its own); article ids in a state
    saved before file keys (such a mark covers every copy)."""
    theme: str | None = None
    places: dict[str, str] = field(default_factory=dict)
    """The article open last in each corpus (a file key), by `corpus_key`; the most recent last."""
    positions: dict[str, int] = field(default_factory=dict)
    """How far down each article the reader was, in lines, by file key; the most recent last."""

    def place(self, corpus: str) -> tuple[str | None, int]:
        """(article id, position) to return to in the corpus `corpus_key(paths)`; (None, 0) for a new one."""
        article = self.places.get(corpus)
        if article is None and not self.places:  # a state saved before places: its one last article
            article = self.last_article
        return article, self.position_of(article) if article else 0

    def position_of(self, article_id: str) -> int:
        """Where the reader left `article_id`, in lines (0: its top)."""
        if article_id in self.positions:
            return self.positions[article_id]
        return self.position if article_id == self.last_article else 0

    def remember(self, corpus: str, article_id: str, position: int = 0) -> None:
        """The reader is at `position` (lines) in `article_id`, in the corpus `corpus_key(paths)`."""
        position = max(0, int(position))
        _to_end(self.places, corpus, article_id, MAX_PLACES)
        _to_end(self.positions, article_id, position, MAX_POSITIONS)
        self.last_article, self.position = article_id, position


def _to_end(mapping: dict[str, Any], key: str, value: Any, cap: int) -> None:
    mapping.pop(key, None)
    mapping[key] = value
    while len(mapping) > cap:
        del mapping[next(iter(mapping))]


class StateFile:
    """Loads and saves `State`; never raises for a bad file or directory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / STATE_FILE
        self.notices: list[str] = []
        """Problems to tell the user about, once each."""
        self.writable = True
        self._base = State()
        """The state as this window last loaded or saved it: what changed since is what it merges in."""

    def load(self) -> State:
        state = self._read() or State()
        self._base = copy.deepcopy(state)
        return state

    def _read(self) -> State | None:
        """The file's state; None (and a notice) when there is none or it cannot be used."""
        try:
            return _parse(_read_capped(self.path))
        except FileNotFoundError:
            return None
        except _Damaged as error:
            self._start_afresh(str(error))
        except NotADirectoryError:
            # A file where the data folder should be: nothing can be read or saved. One notice,
            # not one for the read and one for the first save.
            self.writable = False
            blocker = file_in_the_way(self.path.parent) or self.path.parent
            self.notices.append(
                f"Reading position and read marks will not be saved: {blocker} is a file, not a folder."
            )
        except OSError as error:
            self.notices.append(f"Could not read the saved state ({self.path}): {error.strerror or error}.")
        except (ValueError, TypeError, KeyError, RecursionError) as error:
            self._start_afresh(f"damaged ({error})")
        return None

    def _start_afresh(self, what: str) -> None:
        aside = self._move_aside()
        where = f" It was moved to {aside}." if aside else ""
        self.notices.append(f"The saved state was {what}; starting afresh.{where}")

    def save(self, state: State) -> bool:
        """Merge `state` with the file and write it atomically; False (and one notice) when it cannot be.

        `state` takes in what other windows saved meanwhile (read marks, places, positions).
        """
        if not self.writable:
            return False
        if state == self._base:
            return True  # nothing new from this window
        tmp_name = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                on_disk = self._read()
                text = _dump(_merge(state, self._base, on_disk) if on_disk is not None else state)
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
        self._base = copy.deepcopy(state)
        return True

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold a lock beside the file, so that two windows' read-merge-replace do not interleave."""
        if fcntl is None:  # pragma: no cover
            yield
            return
        fd = os.open(self.path.with_name(f".{self.path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def _move_aside(self) -> Path | None:
        try:
            return move_aside(self.path, before_suffix=True)
        except OSError:
            return None


def _merge(ours: State, base: State, theirs: State) -> State:
    """`theirs` (the file) with what this window changed since `base` on top; `ours` takes in the rest.

    Read marks, places and positions are updated in `ours` in place, so the
    window shows marks made in another one; the other fields are this
    window's own when it changed them, else the file's.
    """
    added, removed = ours.read - base.read, base.read - ours.read
    merged_read = (theirs.read - removed) | added
    ours.read.clear()
    ours.read.update(merged_read)
    _merge_map(ours.places, base.places, theirs.places, MAX_PLACES)
    _merge_map(ours.positions, base.positions, theirs.positions, MAX_POSITIONS)

    def pick(name: str) -> Any:
        return getattr(ours, name) if getattr(ours, name) != getattr(base, name) else getattr(theirs, name)

    return State(
        last_article=pick("last_article"),
        position=pick("position"),
        read=ours.read,
        theme=pick("theme"),
        places=ours.places,
        positions=ours.positions,
    )


def _merge_map(mine: dict[str, V], old: dict[str, V], other: dict[str, V], cap: int) -> None:
    """`mine` becomes `other` with the entries this window changed since `old` on top (most recent last)."""
    changed = {key: value for key, value in mine.items() if old.get(key) != value}
    merged = dict(other)
    for key, value in changed.items():
        _to_end(merged, key, value, cap)
    mine.clear()
    mine.update(merged)


def _dump(state: State) -> str:
    # ensure_ascii: a corpus path that is not UTF-8 (lone surrogates) is written as \udcXX escapes.
    return json.dumps(
        {
            "version": VERSION,
            "last_article": state.last_article,
            "position": state.position,
            "read": sorted(state.read),
            "theme": state.theme,
            "places": state.places,
            "positions": state.positions,
        }
    )


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
    places = data.get("places", {})
    positions = data.get("positions", {})
    if not _is_line(position):
        raise ValueError("position is not a line number")
    if last is not None and not isinstance(last, str):
        raise ValueError("last_article is not a string")
    if not isinstance(read, list) or not all(isinstance(item, str) for item in read):
        raise ValueError("read is not a list of ids")
    if theme is not None and not isinstance(theme, str):
        raise ValueError("theme is not a string")
    if not isinstance(places, dict) or not all(isinstance(v, str) for v in places.values()):
        raise ValueError("places is not a map of corpora to article ids")
    if not isinstance(positions, dict) or not all(_is_line(v) for v in positions.values()):
        raise ValueError("positions is not a map of article ids to line numbers")
    return State(last_article=last, position=position, read=set(read), theme=theme, places=places, positions=positions)


def _is_line(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
