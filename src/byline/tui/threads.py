"""Handing a worker's result back to the UI thread, safely when the app is quitting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widget import Widget


def going(node: Widget) -> bool:
    """Whether `node` is being taken down (the app quitting, its screen closing) or is gone."""
    return not node.is_attached or node._pruning or node._closing or node._closed


def deliver(node: Widget, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """`callback(*args, **kwargs)` on the UI thread, from a worker thread, unless `node` is going
    by then: a worker that finishes while the app quits must not reach into widgets whose
    children are already gone (a late article once failed on the reader's missing head)."""

    def if_still_there() -> None:
        if not going(node):
            callback(*args, **kwargs)

    try:
        node.app.call_from_thread(if_still_there)
    except RuntimeError:
        pass  # the app has stopped: nothing left to show it in
