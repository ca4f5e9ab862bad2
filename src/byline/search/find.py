"""Finding a string inside one article: Ctrl+F in the reader, then n / N.

Case and accents are ignored (`fold` keeps one character for one, so the
offsets found are offsets in the article's own text).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from byline.search.vocabulary import fold


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of `needle` in `text`, as (start, end), left to right, not overlapping."""
    if not needle.strip():
        return []
    haystack, wanted = fold(text), fold(needle)
    found: list[tuple[int, int]] = []
    at = haystack.find(wanted)
    while at >= 0:
        found.append((at, at + len(wanted)))
        at = haystack.find(wanted, at + len(wanted))
    return found


@dataclass
class Finder:
    """The matches of the last find in an article, and which one is current."""

    needle: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1

    def find(self, text: str, needle: str, after: int = 0) -> tuple[int, int] | None:
        """Find `needle` in `text`; the current match is the first at or after `after` (wrapping)."""
        self.needle = needle
        self.matches = find_all(text, needle)
        if not self.matches:
            self.current = -1
            return None
        self.current = bisect_left(self.matches, (after, 0)) % len(self.matches)
        return self.matches[self.current]

    @property
    def match(self) -> tuple[int, int] | None:
        return self.matches[self.current] if self.matches else None

    def next(self) -> tuple[int, int] | None:
        return self._step(1)

    def previous(self) -> tuple[int, int] | None:
        return self._step(-1)

    def _step(self, by: int) -> tuple[int, int] | None:
        if not self.matches:
            return None
        self.current = (self.current + by) % len(self.matches)
        return self.matches[self.current]

    @property
    def status(self) -> str:
        """`3/12`, or `no match` — for the reader to show."""
        if not self.needle:
            return ""
        return f"{self.current + 1}/{len(self.matches)}" if self.matches else "no match"
