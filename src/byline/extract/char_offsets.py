"""Where a search can only start at a few characters: those found with `str.find` first.

`re` tries a pattern that opens with a character class at every character of the text,
testing the class against each one (some 40 instructions a character, over every body);
`str.find` skips to the next of a few characters many times faster. A pattern is then
tried only where it can start, in order, as `finditer` would try it: the same matches.
"""

from __future__ import annotations

import re


def offsets_of(text: str, chars: str) -> list[int]:
    """The offsets of every occurrence of any of `chars` in `text`, in order."""
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    if len(chars) > 1:
        found.sort()
    return found


def match_ends(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[int]:
    """`[m.end() for m in pattern.finditer(text)]` for a pattern whose every match starts at
    one of `starts` and is never empty: each is tried in turn (`match` sees the text before
    it too, for lookbehinds and `\\b`), and after a match the search goes on from its end."""
    ends: list[int] = []
    resume = 0
    for start in starts:
        if start >= resume:
            found = pattern.match(text, start)
            if found is not None:
                resume = found.end()
                ends.append(resume)
    return ends
