"""Handing memory the process has freed back to the system.

Building a big corpus's search index makes hundreds of MB of small arrays that
`SearchIndex.settle` then copies into one flat array and lets go. C's `malloc`
(glibc's) keeps what was freed for later use rather than return it, so the
first opening of a million articles went on holding 400 MB it no longer used,
and its peak with it. `malloc_trim` returns the free pages, wherever they lie in
the heap. Elsewhere (macOS, musl) there is nothing to call, and nothing is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # glibc; not in musl
        return trim
    except (OSError, AttributeError):
        return None


def give_back() -> None:
    """Return the C heap's free pages to the system (a few ms; nothing where there is no `malloc_trim`)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
