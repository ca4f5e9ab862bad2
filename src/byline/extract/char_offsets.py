"""Where a search can only start at a few strings: those found with `str.find` first.

`re` tries a pattern that opens with a character class at every character of the text,
testing the class against each one (some 40 instructions a character, over every body);
one that opens with `^` (multiline), at every character too; one that opens with a word,
with a scan of its own, a few instructions a character. `str.find` skips to the next
occurrence of a character or a word many times faster. A pattern is then tried only
where it can start, in order, as `finditer` would try it: the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def offsets_of(text: str, needles: Iterable[str]) -> list[int]:
    """The offsets of every occurrence of any of `needles` (characters, or words) in
    `text`, in order (overlapping occurrences included)."""
    found: list[int] = []
    searched = 0
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
        searched += 1
    if searched > 1:
        found.sort()
    return found


def line_starts(text: str) -> list[int]:
    """Where `^` matches in multiline mode: the start, and after each newline."""
    return [0, *(at + 1 for at in offsets_of(text, "\n"))]


def matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern whose every match starts at one of
    `starts` (in order) and is never empty: each start is tried in turn (`match` sees the
    text before it too, for lookbehinds, `\\b` and `^`), and after a match the search goes
    on from its end."""
    found: list[re.Match[str]] = []
    resume = 0
    for start in starts:
        if start >= resume:
            match = pattern.match(text, start)
            if match is not None:
                resume = match.end()
                found.append(match)
    return found
