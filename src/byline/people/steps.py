"""Reading every entry a step at a time while the tables are made, and stopping when they are
no longer wanted.

At a million articles most entries read their quotes and entities from the cache on each
read (`byline.corpus.paged`), and a table takes minutes: a step at a time keeps one step's
quotes in memory, and a table the app no longer wants (loading brought more entries, a newer
build started) stops at the next step instead of running on beside its successor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from byline.model import Entry

STEP = 10_000
"""Entries whose quotes or entities are read at once while the tables are made."""

Cancel = Callable[[], bool] | None
"""Asked before each step; True stops the build with `Cancelled`."""


class Cancelled(Exception):
    """The tables being made are no longer wanted (their `cancelled` said so)."""


def steps(entries: Sequence[Entry], cancelled: Cancel = None) -> Iterator[Sequence[Entry]]:
    """`entries` in slices of `STEP`; raises `Cancelled` before a slice once `cancelled()` is true."""
    for start in range(0, len(entries), STEP):
        check(cancelled)
        yield entries[start : start + STEP]


def check(cancelled: Cancel) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled
