"""Running the `byline` command as a user would."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "byline", *args], capture_output=True, text=True, timeout=120)
