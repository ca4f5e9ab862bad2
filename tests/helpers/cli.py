"""Running the `byline` command as a user would."""

from __future__ import annotations

import subprocess
import sys

HANG = 600
"""Seconds after which a command is taken to hang: a guard, not a speed test (a cold analysis
of the BBC set took over 120 s with the machine's two cores four times oversubscribed)."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "byline", *args], capture_output=True, text=True, timeout=HANG)
