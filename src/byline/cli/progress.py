"""A progress line on stderr for long commands: count, rate and time left.

On a terminal it is one line redrawn in place (`\\r`) at most ten times a
second; otherwise (a log, a pipe) it is a plain line every few seconds, so
logs stay short.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from byline.progress import rate, time_left


def describe(label: str, done: int, total: int | None, elapsed: float, unit: str = "files") -> str:
    if total:
        count = f"{done:,}/{total:,} {unit} {100 * done // total:3d}%"
    else:
        count = f"{done:,} {unit} (still looking)"
    parts = [label, count, f"{rate(done, elapsed):,.0f}/s"]
    left = time_left(done, total, elapsed)
    if left:
        parts.append(left)
    return "  ".join(parts)


class Progress:
    def __init__(
        self, label: str, stream: TextIO | None = None, every: float | None = None, unit: str = "files"
    ) -> None:
        self.label = label
        self.unit = unit
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every if every is not None else (0.1 if self.tty else 5.0)
        self.started = time.perf_counter()
        self._last = 0.0
        self._width = 0
        self._shown: tuple[int, int | None] | None = None

    def update(self, done: int, total: int | None, force: bool = False) -> None:
        now = time.perf_counter()
        if (done, total) == self._shown or (not force and now - self._last < self.every):
            return
        self._last, self._shown = now, (done, total)
        line = describe(self.label, done, total, now - self.started, self.unit)
        if self.tty:
            self.stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started
