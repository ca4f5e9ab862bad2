"""Extraction speed over the BBC set, on one core: prints figures, asserts nothing.

Run from the repo root:  python benchmarks/bench_extract.py [CORPUS_DIR]
The bar (issue 3): at least 1,000 articles a second, one article well under 16 ms.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from byline.extract import analyse
from byline.load import load_paths

PASSES = 3
DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "bbc"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = load_paths([corpus]).articles
    if not articles:
        sys.exit(f"no articles under {corpus}")
    started = time.perf_counter()
    analyse(articles[0])  # the lexicons load once, on first use: timed apart
    first = time.perf_counter() - started

    # CPU time of this process, best of three passes: the machine is shared,
    # and wall time would count the other users' work as ours.
    best: list[tuple[float, str]] = []
    first_pass = 0.0
    for _ in range(PASSES):
        timings = []
        for article in articles:
            t0 = time.process_time()
            analyse(article)
            timings.append((time.process_time() - t0, article.path))
        first_pass = first_pass or sum(t for t, _ in timings)
        if not best or sum(t for t, _ in timings) < sum(t for t, _ in best):
            best = timings
    timings = best
    total = sum(t for t, _ in timings)
    ordered = sorted(t for t, _ in timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    slowest = max(timings)
    print(f"articles            {len(articles)}")
    print(f"first call          {first * 1000:.1f} ms (loads the lexicons)")
    print(f"articles/second     {len(articles) / total:,.0f}  (CPU time, one core, best of {PASSES} passes)")
    # The later passes find the runs of capitals and the names typed in the first one
    # (names.py, classify.py keep them): a single run over a corpus, as `byline extract`
    # makes, goes at the first pass's speed.
    print(f"  first pass        {len(articles) / first_pass:,.0f}  (the extractor's caches empty)   bar: 1,000")
    print(f"mean per article    {total / len(articles) * 1000:.3f} ms")
    print(f"p99 per article     {p99 * 1000:.3f} ms")
    print(f"slowest article     {slowest[0] * 1000:.3f} ms  {slowest[1]}")


if __name__ == "__main__":
    main()
