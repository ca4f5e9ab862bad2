"""What a walk of some paths found: the files in walk order, and a stamp of the whole walk
(every file's path, size and modification time, every skipped path and why) that says
whether a snapshot made from an earlier walk still holds."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from byline.load import FileStat, iter_file_stats
from byline.model import Skipped


class WalkWatcher(Protocol):
    """What is fed a walk's finds as they come (`load_corpus(watch=...)`): a `Stamp`, a `Walk`."""

    def file(self, path: str, size: int, mtime_ns: int) -> None: ...

    def skipped(self, item: Skipped) -> None: ...


UNKNOWN = sys.maxsize
"""The place of a path the walk never met: after all."""


def walk_order(paths: list[str]) -> Callable[[str], tuple[int, tuple[str, ...]]]:
    """A sort key that puts what a walk of `paths` found (files, skipped paths) in the walk's
    order without keeping the walk: the walk goes through `paths` in turn, each folder depth first
    in name order, so a path's place is that of the first of `paths` it is in, then its parts
    under it compared by name. A path in none of them sorts last."""
    tops = [os.path.expanduser(os.fspath(path)) for path in paths]

    def key(path: str) -> tuple[int, tuple[str, ...]]:
        for number, top in enumerate(tops):
            if path == top:
                return number, ()
            folder = top.rstrip(os.sep) + os.sep
            if path.startswith(folder):
                return number, tuple(path[len(folder) :].split(os.sep))
        return len(tops), ()

    return key


@dataclass
class Walk:
    """The files under some paths, in walk order, and the stamp of what the walk found.

    A file given twice (by itself and in a folder also given) is met twice, and has a place
    each time: loading reads it each time, and lists its articles in both places."""

    order: dict[str, int] = field(default_factory=dict)
    """Each path's place the first time the walk met it."""
    again: dict[str, list[int]] = field(default_factory=dict)
    """The later places of a path the walk met more than once (none, unless one was given twice)."""
    places: int = 0
    """Places so far: every file met, and every path skipped."""
    files: set[str] = field(default_factory=set)
    stamp: bytes = b""

    @classmethod
    def of(cls, paths: list[str]) -> Walk:
        from byline.corpus.snapshots import Stamp

        walk, stamp = cls(), Stamp()
        for item in iter_file_stats(paths):
            if isinstance(item, FileStat):
                walk.file(*item)
                stamp.file(*item)
            else:
                walk.skipped(item)
                stamp.skipped(item)
        walk.stamp = stamp.value()
        return walk

    def file(self, path: str, size: int, mtime_ns: int) -> None:
        """A file the walk found next. Fed by `load_corpus` as it walks, a `Walk` knows a file's
        place before any of its entries come, without walking everything first."""
        self._met(path)
        self.files.add(path)

    def skipped(self, item: Skipped) -> None:
        self._met(item.path)

    def _met(self, path: str) -> None:
        place, self.places = self.places, self.places + 1
        if self.order.setdefault(path, place) != place:
            self.again.setdefault(path, []).append(place)

    @staticmethod
    def stamp_of(paths: list[str]) -> bytes:
        """Only the stamp of a walk of `paths` (what checks a snapshot): at a million files the
        order and the set of paths `of` keeps are 200 MB and a third of the time."""
        from byline.corpus.snapshots import Stamp

        stamp = Stamp()
        for item in iter_file_stats(paths):
            if isinstance(item, FileStat):
                stamp.file(*item)
            else:
                stamp.skipped(item)
        return stamp.value()

    def file_of(self, path: str) -> str:
        """The path of the file that `path` is an article of, as the walk met it (a feed's `file#n`: the
        file's); an unknown path as it is. A file's own name may hold a "#" (`c#.txt`, `a#b/c.txt`):
        only what follows the last is a feed's."""
        if path in self.order:
            return path
        file = path.rpartition("#")[0]
        return file if file in self.order else path

    def place(self, path: str, meeting: int = 0) -> int:
        """Where `path`'s file came in the walk (see `file_of`) the first time, or at its meeting
        number `meeting` (from 0) when it was met more than once; an unknown path, after all (`UNKNOWN`)."""
        file = self.file_of(path)
        first = self.order.get(file)
        if first is None:
            return UNKNOWN
        later = self.again.get(file, ())
        return first if meeting <= 0 or not later else later[min(meeting, len(later)) - 1]
