"""How fast Byline opens a corpus, cold and warm, beside the floor of plain reads.

    python benchmarks/bench_startup.py [--sizes sample,bbc,10000,100000] [--skip-app] [--skip-cold] [--million]

For each corpus it prints, each measured in a fresh process, launch included:
  floor        a plain open+read of every file (and that process's peak RSS);
  first batch  launch to the first Batch of `load_corpus` (the list can show);
  full         launch to the last Batch: a full cold index (articles/s), then warm;
  app          launch to the first frame of the real BylineApp with rows in the list
               (headless, `App.run_test`), cold and warm; and the app's peak RSS
               once every article is loaded;
  search       in a fresh process, the index a warm app opening gets (its snapshot),
               queries' median and p95 (ms) and that process's peak RSS.
--million adds 1,000,000 articles (generated once under the scratch dir, ~2.5 GB).
The cache lives in a scratch BYLINE_CACHE_DIR, never the user's. Generated
corpora are built once under $TMPDIR/byline-bench/. Targets (issue 7): app first
frame < 1 s warm for every size and cold for BBC; cold index >= 1,000 articles/s;
< 500 MB at 100,000 articles. Figures only, no asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BBC = REPO.parent / "shared" / "corpora" / "bbc"
SCRATCH = Path(os.environ.get("BYLINE_BENCH_DIR") or Path(tempfile.gettempdir()) / "byline-bench")
"""Generated corpora, the cache and the app's data; BYLINE_BENCH_DIR moves it (engineers sharing a machine)."""

FLOOR = """
import os, sys, time, resource
t0 = float(sys.argv[1]); n = 0; size = 0
for root in sys.argv[2:]:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as f:
                size += len(f.read()); n += 1
print(json.dumps({"seconds": time.time() - t0, "files": n, "bytes": size,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CORE = """
import sys, time, resource
def main():
    t0 = float(sys.argv[1])
    from byline.corpus import load_corpus
    first = None; entries = 0; cached = 0; notes = []
    for batch in load_corpus(sys.argv[2:]):
        if first is None and batch.entries:
            first = time.time() - t0
        entries += len(batch.entries); cached += batch.cached; notes += batch.notes
    full = time.time() - t0
    print(json.dumps({"first": first, "full": full, "entries": entries, "cached": cached, "notes": notes,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
if __name__ == "__main__":
    main()
"""

CPU = """
import sys, time, resource
def main():
    from byline.corpus import load_corpus
    cpu = time.process_time(); n = 0
    for batch in load_corpus(sys.argv[2:], workers=0):
        n += len(batch.entries)
    print(json.dumps({"cpu_ms": (time.process_time() - cpu) * 1000 / max(n, 1)}))
if __name__ == "__main__":
    main()
"""

# The app, headless: stop at the first frame with rows in the list, or (--until-loaded)
# once loading is over, reporting peak RSS then.
APP = """
import asyncio, sys, threading, time, resource
def main():
    t0 = float(sys.argv[1]); until_loaded = sys.argv[2] in ("loaded", "prime")
    from byline.tui.app import BylineApp
    from byline.tui.widgets.article_list import ArticleList
    app = BylineApp(paths=sys.argv[3:])
    out = {}

    class Painted(threading.Event):
        # The app sets this after the refresh that first shows rows: the first frame with the list.
        def set(self):
            out.setdefault("painted", time.time() - t0)
            super().set()

    try:  # the loader waits on this event until the first rows are painted
        from byline.tui.loading import LoadingBar
        init = LoadingBar.__init__
        def hooked(self, *args, **kwargs):
            init(self, *args, **kwargs)
            self.first_rows_shown = Painted()
        LoadingBar.__init__ = hooked
    except ImportError:  # before the main screen had its own loading bar
        app._first_rows_shown = Painted()
    async def run():
        async with app.run_test(size=(120, 40)) as pilot:
            out["mounted"] = time.time() - t0
            listing = app.query_one(ArticleList)
            waited = 0
            while listing.count == 0 or ("painted" not in out and waited < 400):
                await pilot.pause(0.005)
                waited += 1
            out["first"] = out.get("painted") or time.time() - t0
            out["rows_at_first"] = listing.count
            if until_loaded:
                listed, count = None, -1
                while app.loading:
                    # Every row listed and searchable can come before loading is over (the walk
                    # that checks a snapshot goes on): when the count last changed, all searchable.
                    if listing.count != count or (listed is None and app.search_index.coverage is None):
                        count = listing.count
                        listed = time.time() - t0 if app.search_index.coverage is None else None
                    await pilot.pause(0.05)
                out["loaded"] = time.time() - t0
                out["listed"] = listed if listed is not None and listing.count == count else out["loaded"]
                out["rows"] = listing.count
                if sys.argv[2] == "prime":  # a first opening, to its end: it keeps a snapshot for the next
                    await app.workers.wait_for_complete()
                    out["kept"] = time.time() - t0
    try:
        asyncio.run(run())
    except Exception as error:  # a failure while closing must not lose the figures taken
        if "first" not in out:
            raise
        out["closing_error"] = f"{type(error).__name__}: {error}"
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))
if __name__ == "__main__":
    main()
"""


# What a warm app opening gets (the snapshot a first opening kept), then queries against it.
SEARCH = """
import sys, time, resource, statistics
def main():
    t0 = float(sys.argv[1]); paths = sys.argv[2:]
    from byline.corpus.cache import CorpusCache
    from byline.corpus.walk import Walk
    from byline.corpus.snapshots import held, snapshot_key
    from byline.search import SearchIndex, snapshot
    with CorpusCache.open() as cache:
        found = held(cache, snapshot_key(paths, "app"), Walk.of(paths).stamp)
        if found is None:
            print(json.dumps({"error": "no snapshot: run the app on this corpus first"})); return
        index = snapshot.load(found.take_index, found.parts())
    if not len(index.text):
        from byline.corpus.fulltext import FullTextIndex
        from byline.search.sources import FullTextSource
        fts = FullTextIndex.open()
        if fts is not None:
            index.text = FullTextSource(fts, index.entries, roots=paths)
    loaded = time.time() - t0
    times = []
    for _ in range(3):
        for query in QUERIES:
            index.vocab._cache.clear()  # a keystroke never finds its words expanded already
            started = time.perf_counter()
            index.search(query, limit=50)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[round(0.95 * (len(times) - 1))]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"loaded": loaded, "median": statistics.median(times), "p95": p95, "rss_mb": rss_mb}))
QUERIES = ["blair election", "mobil phnoe", "chelsae", "gordon brown budget", "iraq war", "the", "@blair",
           "#london", '"we will', "t:mobile", "c", "ch", "che", "chel", "chels", "chelse", "chelsea"]
if __name__ == "__main__":
    main()
"""


def generator():
    """The search issue's generator when it has landed, else the stand-in, and its folder's name."""
    sys.path.insert(0, str(HERE))
    try:
        from gen_corpus import generate  # type: ignore[import-not-found]

        return generate, "gen_corpus"  # it refuses folders it did not make: a name of its own
    except ImportError:
        from local_gen import generate

        return generate, "gen"


def corpora(sizes: list[str]) -> list[tuple[str, list[str]]]:
    out = []
    for size in sizes:
        if size == "sample":
            out.append(("sample", [str(REPO / "corpus")]))
        elif size == "bbc":
            out.append(("BBC", [str(BBC)]))
        else:
            n = int(size)
            generate, name = generator()
            folder = generate(SCRATCH / f"{name}-{n}", n, seed=0)
            out.append((f"{n:,} generated", [str(folder)]))
    return out


def run(script: str, *args: str, env: dict[str, str], best_of: int = 1, before=None, key: str = "first") -> dict:
    """Run `script` in a fresh interpreter; the best of `best_of` runs (the machine is shared)."""
    results = []
    for _ in range(best_of):
        if before is not None:
            before()
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", "import json\n" + script, repr(started), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=3600,
        )
        if done.returncode != 0:
            return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(results, key=lambda r: r.get(key) or float("inf"))


def count_files(paths: list[str]) -> int:
    return sum(len(files) for root in paths for _, _, files in os.walk(root))


def fmt(value: object, unit: str = "s") -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample,bbc,10000,100000")
    parser.add_argument("--skip-app", action="store_true", help="measure the core only")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 articles (generated once, reused)")
    parser.add_argument(
        "--skip-cold", action="store_true", help="warm figures only, over the cache a previous run left (no rebuild)"
    )
    args = parser.parse_args()
    try:
        import byline.tui.widgets.article_list  # noqa: F401

        has_app = not args.skip_app
    except ImportError:
        has_app = False
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; page cache warm for every figure (files read just"
        " before)"
    )
    if not has_app:
        print("(the app's ArticleList is not here: app figures skipped, core figures only)")
    cpu: dict = {}
    sizes = args.sizes.split(",") + (["1000000"] if args.million else [])
    for name, paths in corpora(sizes):
        load = os.getloadavg()[0]
        cache = SCRATCH / "cache"
        # Scratch data dir too: the app saves its place there, and must not touch the user's.
        env = {**os.environ, "BYLINE_CACHE_DIR": str(cache), "BYLINE_DATA_DIR": str(SCRATCH / "data")}
        clear = partial(shutil.rmtree, cache, ignore_errors=True)
        big = (floor_files := count_files(paths)) > 20_000
        repeat = 1 if big else 3
        floor = run(FLOOR, *paths, env=env, best_of=repeat, key="seconds")
        cold_too = not args.skip_cold
        app_cold = run(APP, "first", *paths, env=env, best_of=repeat, before=clear) if has_app and cold_too else {}
        cold = (
            run(CORE, *paths, env=env, best_of=1 if floor_files > 5_000 else repeat, before=clear, key="full")
            if cold_too
            else {}
        )
        warm = run(CORE, *paths, env=env, best_of=repeat)
        app_first = run(APP, "prime", *paths, env=env) if has_app else {}
        app_warm = run(APP, "first", *paths, env=env, best_of=repeat) if has_app else {}
        app_loaded = run(APP, "loaded", *paths, env=env) if has_app else {}
        search = run(SEARCH, *paths, env=env, key="median") if has_app else {}
        if (
            100 <= floor_files <= 20_000 and cold_too
        ):  # at 100,000 the 10,000 figure stands in: same articles, an hour less
            cpu = {**run(CPU, *paths, env=env, before=clear), "from": name}
        n = cold.get("entries") or warm.get("entries") or 0
        rate = n / cold["full"] if cold.get("full") else None
        floor_rate = floor["files"] / floor["seconds"] if floor.get("seconds") else None
        cache_mb = sum(f.stat().st_size for f in cache.glob("index.sqlite3*")) / 2**20 if cache.exists() else 0
        print(
            f"\n== {name}: {floor.get('files', '?'):,} files, {floor.get('bytes', 0) / 2**20:.1f} MB, {n:,} articles"
            f"   (load average {load:.1f} when started)"
        )
        print(
            f"  floor (launch + open+read every file)   {fmt(floor.get('seconds'))}   ({floor_rate or 0:,.0f}"
            f" files/s, RSS {fmt(floor.get('rss_mb'), 'MB')})"
        )
        print(
            f"  core, cold: first batch {fmt(cold.get('first'))}   full index {fmt(cold.get('full'))}   ="
            f" {rate or 0:,.0f} articles/s   (floor {fmt(floor.get('seconds'))})"
        )
        if cpu.get("cpu_ms"):
            ceiling = os.cpu_count() * 1000 / cpu["cpu_ms"]
            print(
                f"  cold CPU per article, load+analyse+store in one process ({cpu['from']}): {cpu['cpu_ms']:.2f} ms"
                f" = at most {ceiling:,.0f} articles/s on {os.cpu_count()} idle cores"
            )
        print(
            f"  core, warm: first batch {fmt(warm.get('first'))}   full load  {fmt(warm.get('full'))}  "
            f" ({warm.get('cached', 0):,} from cache; RSS {fmt(warm.get('rss_mb'), 'MB')})"
        )
        if has_app:
            print(
                f"  app first frame with rows: cold {fmt(app_cold.get('first'))}   warm {fmt(app_warm.get('first'))}"
                f"   (floor {fmt(floor.get('seconds'))})"
            )
            print(
                f"  app first opening over a warm cache: all loaded {fmt(app_first.get('loaded'))}, text indexed and"
                f" snapshot kept {fmt(app_first.get('kept'))}"
            )
            print(
                f"  app all loaded (warm) {fmt(app_loaded.get('loaded'))}, {app_loaded.get('rows', 'n/a')} rows,"
                f" peak RSS {fmt(app_loaded.get('rss_mb'), 'MB')}   (floor RSS {fmt(floor.get('rss_mb'), 'MB')})"
            )
            print(
                f"  app every row listed and searchable (warm) {fmt(app_loaded.get('listed'))}   (the rest: the walk"
                " that checks the snapshot)"
            )
            print(
                f"  search over the warm app's index: median {search.get('median') or 0:.1f} ms, p95"
                f" {search.get('p95') or 0:.1f} ms"
                f"   (index loaded in {fmt(search.get('loaded'))}, peak RSS {fmt(search.get('rss_mb'), 'MB')}; floor"
                f" RSS {fmt(floor.get('rss_mb'), 'MB')})"
            )
        print(f"  cache on disk {cache_mb:.0f} MB")
        for result in (floor, cold, warm, app_cold, app_first, app_warm, app_loaded, search):
            for problem in ("error", "closing_error"):
                if problem in result:
                    print(f"  ! {result[problem]}")


if __name__ == "__main__":
    main()
