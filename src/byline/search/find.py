"""Finding a string inside one article: Ctrl+F in the reader, then n / N.

Case and accents are ignored (`fold` keeps one character for one, so the
offsets found are offsets in the article's own text).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from byline.search.vocabulary import fold, words

NEAR_MIN_LETTERS = 4
"""A word this long or longer that is not in the article is looked for with a typo or two forgiven."""
LONG_WORD = 6
"""From this length two typos are forgiven, below it one ("gerard" finds "Gerrard")."""


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


def near_word(text: str, needle: str) -> str | None:
    """The article's word closest to a one-word `needle` that is not in it, typos forgiven; None
    if the needle is more than one word or too short, or nothing is close enough."""
    wanted = fold(needle).strip()
    if len(wanted) < NEAR_MIN_LETTERS or not wanted.isalnum():
        return None
    limit = 2 if len(wanted) >= LONG_WORD else 1
    found = process.extractOne(
        wanted, {word for word, _, _ in words(text)}, scorer=Levenshtein.distance, score_cutoff=limit
    )
    return found[0] if found else None


@dataclass
class Finder:
    """The matches of the last find in an article, and which one is current."""

    needle: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1
    near: str | None = None
    """The word found instead of a needle that is not in the text ("gerard": "gerrard")."""

    def find(self, text: str, needle: str, after: int = 0) -> tuple[int, int] | None:
        """Find `needle` in `text`, else the word nearest to it (`near`); the current match is the
        first at or after `after` (wrapping)."""
        self.needle = needle
        self.matches = find_all(text, needle)
        self.near = None
        if not self.matches and (near := near_word(text, needle)) is not None:
            self.near, self.matches = near, find_all(text, near)
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
        """`3 of 12` (as the list's "12 of 2,225"), or `no match` — for the reader to show."""
        if not self.needle:
            return ""
        if not self.matches:
            return "no match"
        place = f"{self.current + 1} of {len(self.matches):,}"
        return f"{place} as “{self.near}”" if self.near else place
