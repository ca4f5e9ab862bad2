"""What a walk of some paths found: the files in walk order, and a stamp of the whole walk
(every file's path, size and modification time, every skipped path and why) that says
whether a snapshot made from an earlier walk still holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from byline.load import FileStat, iter_file_stats
from byline.model import Skipped


class WalkWatcher(Protocol):
    """What is fed a walk's finds as they come (`load_corpus(watch=...)`): a `Stamp`, a `Walk`."""

    def file(self, path: str, size: int, mtime_ns: int) -> None: ...

    def skipped(self, item: Skipped) -> None: ...


@dataclass
class Walk:
    """The files under some paths, in walk order, and the stamp of what the walk found."""

    order: dict[str, int] = field(default_factory=dict)
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
        self.order.setdefault(path, len(self.order))
        self.files.add(path)

    def skipped(self, item: Skipped) -> None:
        self.order.setdefault(item.path, len(self.order))

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

    def place(self, path: str) -> int:
        """Where `path`'s file came in the walk (a feed's `file#n`, its file's); an unknown path, after all.
        A file's own name may hold a "#" (`c#.txt`, `a#b/c.txt`): only what follows the last is a feed's."""
        place = self.order.get(path)
        return self.order.get(path.rpartition("#")[0], len(self.order)) if place is None else place
