"""The reading place as text, not as rows: which character of a paragraph begins the top line.

A resize re-wraps every paragraph. A place kept as a row, or as a fraction of a paragraph's
rows, lands on other text at another width (the rows of a paragraph do not hold equal shares
of its text), and a place read back from where that landed drifts further at each resize.
A character offset names the same text at every width: the top line is the one that holds it.
"""

from __future__ import annotations

from bisect import bisect_right

from textual.content import Content


def line_starts(text: str, width: int) -> list[int]:
    """Where each line of `text` begins, wrapped at `width` cells as a Static wraps it."""
    starts: list[int] = []
    at = 0
    for line in Content(text).wrap(max(width, 1)):
        plain = line.plain
        found = text.find(plain, at) if plain else -1
        if found >= 0:
            at = found
        starts.append(at)
        at += len(plain)
    return starts or [0]


def offset_of_line(text: str, width: int, line: int) -> int:
    """The offset in `text` of the first character of row `line` (clamped) at `width`."""
    starts = line_starts(text, width)
    return starts[min(max(line, 0), len(starts) - 1)]


def line_of_offset(text: str, width: int, offset: int) -> int:
    """The row that holds character `offset` of `text` wrapped at `width`."""
    return max(0, bisect_right(line_starts(text, width), offset) - 1)
