"""Pausing Python's cyclic garbage collector while a corpus's objects are built in bulk.

A warm opening of 100,000 articles makes about a million long-lived objects in a
second; every collection that allocation triggers walks all the objects made so
far, and the pauses added up to half the time of loading a snapshot (0.36-0.8 s
of 0.6-1.4 s here). None of these objects form cycles (reference counting frees
them), so nothing is lost by not looking for cycles meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def no_gc(*, freeze: bool = False) -> Iterator[None]:
    """The collector paused for the block (threads may nest these: it resumes when the last one
    ends, as it was before the first). With `freeze`, what exists at the end is moved out of the
    collector's sight for good (`gc.freeze`): the corpus lives as long as the app, and later
    collections, a UI pause each, need not walk it again."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if freeze:
                gc.freeze()
            if _depth == 0 and _was_enabled:
                gc.enable()
