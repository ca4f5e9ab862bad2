"""Figures for progress displays (the CLI's line, the app's bar): rate and time left."""

from __future__ import annotations


def rate(done: int, elapsed: float) -> float:
    return done / elapsed if elapsed > 0 else 0.0


def time_left(done: int, total: int | None, elapsed: float) -> str:
    """`m:ss left` at the pace so far; "" while the total or the pace is unknown."""
    if not total or done <= 0 or elapsed <= 0:
        return ""
    left = (total - done) * elapsed / done
    minutes, seconds = divmod(int(left + 0.5), 60)
    return f"{minutes}:{seconds:02d} left"
