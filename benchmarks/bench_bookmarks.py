"""What bookmarks cost: one change (a committed transaction), a full read, the marks, the poll.

    python benchmarks/bench_bookmarks.py

Prints figures and asserts nothing. Each change is one fsync'd transaction
(synchronous=FULL), so a toggle costs a disk flush; listing re-reads the file
every time (no cache, so other windows' changes show), so it must stay cheap at
a few thousand bookmarks. Runs in a temporary directory, never the user's.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from byline.userdata.bookmark_store import BookmarkStore
from byline.userdata.bookmarks import quote_bookmark

SIZES = (100, 1_000, 10_000)
REPEAT = 20


def timed(action, repeat: int = REPEAT) -> float:
    """Median milliseconds of `repeat` runs."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    print(f"{'bookmarks':>10} {'fill/bm':>9} {'toggle':>9} {'all()':>9} {'marks':>9} {'poll':>9}   (median ms)")
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            store, problem = BookmarkStore.open(Path(folder) / "bookmarks.sqlite3")
            assert problem is None, problem
            started = time.perf_counter()
            for n in range(size):
                store.add(
                    quote_bookmark(f"a{n}", f"/news/{n}.txt", f"Title {n}", "Words said. " * 10, "Speaker", n, n + 100)
                )
            fill = (time.perf_counter() - started) * 1000 / size
            toggle = timed(partial(store.toggle_article, "x", "/x.txt", "X"))
            read = timed(store.all, repeat=5)
            marks = timed(store.article_ids, repeat=5)
            poll = timed(store.generation, repeat=200)
            print(f"{size:>10,} {fill:>9.2f} {toggle:>9.2f} {read:>9.1f} {marks:>9.1f} {poll:>9.3f}")
            store.close()


if __name__ == "__main__":
    main()
