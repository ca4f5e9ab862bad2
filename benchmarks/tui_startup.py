"""Time from launching `byline` to its first frame, and to the whole corpus loaded.

    python benchmarks/tui_startup.py [PATH ...]

Runs the installed command in a detached tmux at 120x40 (a real terminal,
real start-up: imports, CSS, first paint) and polls the screen. Measured
for the sample corpus and, when it is beside the repo, the BBC set, unless
PATHs are given. Prints the median of a few runs.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 3
TIMEOUT = 120.0


def byline() -> str:
    beside = Path(sys.executable).parent / "byline"
    return str(beside) if beside.exists() else (shutil.which("byline") or sys.exit("byline is not installed"))


def screen(socket: str) -> str:
    done = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "bench"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else ""


# The floor: a bare Textual app showing the same two words, started the same way.
BARE_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('Articles Reader  0 articles')\n"
    "Bare().run()\n"
)


def one_run(path: str | None, program: str | None = None) -> tuple[float, float]:
    socket = f"byline-bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as home:
        env = f"env -u COLUMNS -u LINES BYLINE_DATA_DIR={home}/data BYLINE_CACHE_DIR={home}/cache TERM=xterm-256color"
        if program is not None:
            script = Path(home) / "bare.py"
            script.write_text(program)
            command = f"{env} {sys.executable} {script}"
        else:
            command = f"{env} {byline()} {path or ''}"
        start = time.perf_counter()
        subprocess.run(
            ["tmux", "-L", socket, "new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", command], check=True
        )
        first = loaded = None
        try:
            while time.perf_counter() - start < TIMEOUT:
                text = screen(socket)
                now = time.perf_counter() - start
                if first is None and "Articles" in text and "Reader" in text:
                    first = now
                if first is not None and " articles" in text and "loading" not in text:
                    loaded = now
                    break
                time.sleep(0.01)
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    return first or float("nan"), loaded or float("nan")


def main(argv: list[str]) -> None:
    if not shutil.which("tmux"):
        sys.exit("tmux is needed")
    corpora: list[tuple[str, str | None]] = [(p, p) for p in argv]
    if not corpora:
        corpora = [("sample corpus", None)]
        bbc = REPO.parent / "shared" / "corpora" / "bbc"
        if bbc.is_dir():
            corpora.append(("BBC (2,225 files)", str(bbc)))
    print(f"{'corpus':<22} {'first frame':>12} {'all loaded':>12}   (median of {RUNS} runs, seconds, 120x40 tmux)")
    for name, path, program in [("bare Textual app", None, BARE_APP), *((n, p, None) for n, p in corpora)]:
        runs = [one_run(path, program) for _ in range(RUNS)]
        first = statistics.median(r[0] for r in runs)
        loaded = statistics.median(r[1] for r in runs)
        print(f"{name:<22} {first:>12.2f} {loaded:>12.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
