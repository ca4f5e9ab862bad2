"""How fast the search answers: query to ranked results, at 10,000 and 100,000 articles.

For each size: generates the corpus (once; reused from the cache directory),
loads and analyses it, builds the search index, then runs a set of queries,
each with the vocabulary's cache cleared (a keystroke never finds its word
ready), and prints median, 95th percentile and max in milliseconds. In the
same run, the same queries go through `fzf --filter` over the same lines (the
index's distinct titles, quotes, speakers and entities, one per line) for a
side-by-side figure. Prints figures; asserts nothing.

    python benchmarks/bench_search.py [--sizes 10000 100000] [--rounds 3] [--million]

--million adds 1,000,000 articles (generated once, reused). Past 100,000 the index is
built as the app builds it, through the corpus cache (both cores; set BYLINE_CACHE_DIR
to a scratch dir), with article text searched in the cache's FTS5 index.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from rapidfuzz import fuzz, process  # noqa: E402
from rapidfuzz.utils import default_process  # noqa: E402

from byline.corpus import Entry  # noqa: E402
from byline.extract import analyse  # noqa: E402
from byline.load import iter_files, load_file  # noqa: E402
from byline.model import Analysis, Article, Entity, Quote  # noqa: E402
from byline.search import SearchIndex, parse_query  # noqa: E402
from gen_corpus import generate  # noqa: E402

QUERIES = [
    "blair election",
    "election blair",
    "mobile phone",
    "chelsae",
    "mobil phnoe",
    "gordon brown budget",
    "iraq war",
    "world cup",
    "oil prices",
    "microsoft",
    "the",
    "@blair",
    "@mourinho",
    "#london",
    "#microsfot",
    '"we will',
    "t:chelsae",
    "t:mobile",
]
# A query typed a key at a time: what the search box sees.
TYPED = ["c", "ch", "che", "chel", "chels", "chelse", "chelsea", "chelsea b", "chelsea bo", "chelsea boss"]


_QUOTE = re.compile(r'"([^"]{12,400})"')
_SAID = re.compile(r"\s*(?:,\s*)?(?:said|says|told \w+)\s+((?:Mr|Ms|Mrs|Dr)\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}\b")


def stand_in_analysis(article: Article) -> Analysis:
    """Rough quotes, speakers and names by pattern, only while the real
    extractor is the interim stub: so that the index holds quote, speaker and
    entity strings in realistic numbers, and the figures mean something."""
    body = article.body
    quotes = []
    for match in _QUOTE.finditer(body):
        said = _SAID.match(body, match.end())
        quotes.append(Quote(match.group(1), said.group(2) if said else None, match.start(1), match.end(1)))
    counts: dict[str, int] = {}
    for match in _NAME.finditer(body):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    entities = tuple(Entity(name, "PERSON" if name.count(" ") == 1 else "ORG", count) for name, count in counts.items())
    return Analysis(tuple(quotes), entities)


def build(folder: Path) -> tuple[SearchIndex, dict[str, float]]:
    """Load, analyse and index every article, the way the app does, keeping bodies for the text source."""
    index = SearchIndex()
    figures = {"load+analyse s": 0.0, "index s": 0.0}
    batch: list[tuple[Entry, str]] = []
    analysis = analyse
    for number, path in enumerate(iter_files([folder])):
        if not isinstance(path, Path):
            continue
        started = time.perf_counter()
        for article in load_file(path).articles:
            if number == 0 and analyse(article) == Analysis():
                analysis = stand_in_analysis
                print("   the extractor is the interim stub: using a stand-in analysis by pattern")
            batch.append((Entry.of(article, analysis(article)), article.body))
        figures["load+analyse s"] += time.perf_counter() - started
        if len(batch) >= 256:
            started = time.perf_counter()
            index.add([entry for entry, _ in batch], [body for _, body in batch])
            figures["index s"] += time.perf_counter() - started
            batch = []
    started = time.perf_counter()
    index.add([entry for entry, _ in batch], [body for _, body in batch])
    figures["index s"] += time.perf_counter() - started
    return index, figures


def build_cached(folder: Path) -> tuple[SearchIndex, dict[str, float]]:
    """As the app does for a large corpus: entries through the corpus cache, text in its FTS5 index."""
    from byline.corpus import load_corpus
    from byline.corpus.fulltext import FullTextIndex
    from byline.search.sources import FullTextSource

    index = SearchIndex(with_text=False)
    figures = {"load+analyse s": 0.0, "index s": 0.0}
    started = time.perf_counter()
    for batch in load_corpus([str(folder)]):
        added = time.perf_counter()
        index.add(batch.entries)
        figures["index s"] += time.perf_counter() - added
    figures["load+analyse s"] = time.perf_counter() - started - figures["index s"]
    fts = FullTextIndex.open()
    if fts is not None:
        index.text = FullTextSource(fts, index.entries, roots=[str(folder)])
    return index, figures


def time_queries(
    run: Callable[[str], list[str]], queries: list[str], rounds: int, before: Callable[[], None] = lambda: None
) -> tuple[list[float], dict[str, tuple[int, str]]]:
    """Milliseconds per query over `rounds` rounds, and each query's result count and top result."""
    times: list[float] = []
    tops: dict[str, tuple[int, str]] = {}
    for _ in range(rounds):
        for query in queries:
            before()
            started = time.perf_counter()
            found = run(query)
            times.append((time.perf_counter() - started) * 1000)
            tops[query] = (len(found), found[0][:60] if found else "-")
    return times, tops


def byline_search(index: SearchIndex) -> Callable[[str], list[str]]:
    return lambda query: [f"{hit.kind}: {hit.text}" for hit in index.search(query, limit=50)]


def plain_extract(strings: list[str]) -> Callable[[str], list[str]]:
    def run(query: str) -> list[str]:
        found = process.extract(
            parse_query(query).text, strings, scorer=fuzz.WRatio, processor=default_process, limit=50
        )
        return [string for string, _, _ in found]

    return run


def fzf_filter(fzf: str, lines_file: Path) -> Callable[[str], list[str]]:
    def run(query: str) -> list[str]:
        text = parse_query(query).text  # fzf knows no kind prefixes
        with lines_file.open("rb") as lines:
            done = subprocess.run([fzf, "--filter", text], stdin=lines, capture_output=True)
        return done.stdout.decode("utf-8", "replace").splitlines()

    return run


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):7.1f}  p95 {p95:7.1f}  max {ordered[-1]:7.1f}"


def run_size(n: int, rounds: int, fzf: str | None) -> None:
    started = time.perf_counter()
    folder = generate(None, n)
    print(f"\n== {n:,} articles ({folder}, ready in {time.perf_counter() - started:.1f} s)")
    index, figures = build(folder) if n <= 100_000 else build_cached(folder)
    text = index.text
    in_memory = (
        f"text in memory: {len(text):,} passages ({text.chars / 1e6:.0f} M"
        f" chars{', budget reached' if text.full else ''})"
        if hasattr(text, "chars")
        else "text in the cache's FTS5 index"
    )
    print(
        f"   load+analyse {figures['load+analyse s']:.1f} s, index {figures['index s']:.1f} s; "
        f"{len(index):,} entries, {index.strings:,} distinct strings, {len(index.vocab):,} words; "
        f"{in_memory}; peak RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    # A keystroke never finds its words expanded already: clear the vocabulary's cache.
    cold = index.vocab._cache.clear
    print(f"   machine load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ours, our_tops = time_queries(byline_search(index), QUERIES, rounds, cold)
    typed, _ = time_queries(byline_search(index), TYPED, rounds, cold)
    print(f"   byline search, queries (ms):     {summary(ours)}   [{len(ours)} runs]")
    print(f"   byline search, typed a key at a time: {summary(typed)}   [{len(typed)} runs]")
    # The naive way, for scale: one WRatio scan over every distinct string.
    strings = list(index.lines())
    naive, _ = time_queries(plain_extract(strings), QUERIES, 1)
    print(f"   process.extract(WRatio) over all:  {summary(naive)}   [{len(naive)} runs]")
    fzf_tops: dict[str, tuple[int, str]] = {}
    if fzf:
        with tempfile.TemporaryDirectory() as tmp:
            lines_file = Path(tmp) / "lines.txt"
            lines_file.write_text("\n".join(index.lines()) + "\n", encoding="utf-8")
            theirs, fzf_tops = time_queries(fzf_filter(fzf, lines_file), QUERIES, rounds)
        print(f"   fzf --filter (ms, process incl.): {summary(theirs)}   [{len(theirs)} runs]")
    else:
        print("   fzf not found: no side-by-side figure")
    print(f"   {'query':<22} {'byline hits, top':<70} fzf lines, top")
    for query in QUERIES:
        count, top = our_tops[query]
        fzf_count, fzf_top = fzf_tops.get(query, (0, "-"))
        print(f"   {query:<22} {count:>3} {top:<66} {fzf_count:>6} {fzf_top}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--million", action="store_true", help="also 1,000,000 articles (generated once, reused)")
    args = parser.parse_args()
    if args.million:
        args.sizes.append(1_000_000)
    fzf = shutil.which("fzf")
    print(f"byline search benchmark; fzf: {fzf or 'not installed'}")
    for n in args.sizes:
        run_size(n, args.rounds, fzf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
