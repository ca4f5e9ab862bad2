"""The whole `byline extract` process over the BBC set: prints figures, asserts nothing.

Run from the repo root:  python benchmarks/bench_extract_process.py [CORPUS_DIR] [--runs N]
The bar (issue 11): `byline extract CORPUS --json --no-cache > /dev/null` at 1,000 articles
a second or more, whole process (start-up, walk, worker pool, analysis, JSON out).

It runs the `byline` of this interpreter (`python -m byline`): a standard install
(`pip install .`) has the extractor compiled with mypyc. Each run is put beside its floor,
taken in turn with it: `byline list CORPUS --no-cache`, the same process over the same
files (start-up, walk, reading every file) without the analysis. This machine's speed
drifts by a quarter from minute to minute, so runs alternate and the median is the figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / ".." / "shared" / "corpora" / "bbc"
BAR = 1000
RUNS = 10


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its worker processes) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    byline = [sys.executable, "-m", "byline"]
    with tempfile.TemporaryDirectory() as home:
        # Never the user's own cache or bookmarks (and --no-cache writes no cache anyway).
        env = {**os.environ, "BYLINE_DATA_DIR": f"{home}/data", "BYLINE_CACHE_DIR": f"{home}/cache"}
        listed = subprocess.run(
            [*byline, "extract", str(args.corpus), "--json", "--no-cache"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        articles = len(listed.stdout.splitlines())
        compiled = subprocess.run(
            [sys.executable, "-c", "from byline.extract import is_compiled; print(is_compiled())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print(f"{articles:,} articles under {args.corpus}; extractor compiled: {compiled}; {os.cpu_count()} cores")
        print(f"{'run':<5}{'extract':>10}{'articles/s':>12}{'CPU':>9}{'floor':>10}   (floor: byline list --no-cache)")
        extract = [*byline, "extract", str(args.corpus), "--json", "--no-cache"]
        floor = [*byline, "list", str(args.corpus), "--no-cache"]
        rows: list[tuple[float, float, float]] = []
        for n in range(args.runs):
            floor_wall, _ = timed(floor, env)
            wall, cpu = timed(extract, env)
            rows.append((wall, cpu, floor_wall))
            print(f"{n + 1:<5}{wall:>9.2f}s{articles / wall:>12,.0f}{cpu:>8.2f}s{floor_wall:>9.2f}s")
    walls = [wall for wall, _, _ in rows]
    median = statistics.median(walls)
    print(
        f"median {median:.2f} s = {articles / median:,.0f} articles/s "
        f"(fastest {articles / min(walls):,.0f}, slowest {articles / max(walls):,.0f}); "
        f"CPU median {statistics.median(cpu for _, cpu, _ in rows):.2f} s; "
        f"floor median {statistics.median(f for _, _, f in rows):.2f} s   bar: {BAR:,} articles/s"
    )


if __name__ == "__main__":
    main()
