"""What the people views cost at 10,000 and 100,000 articles: the speaker table, its filter, a speaker's quotes.

For each size: generates the corpus (once; reused), loads it through `load_corpus`
(the corpus cache: analysed once, then read back warm, as the app and the CLI
do), then times, from the loaded entries only (nothing is read or analysed):

* the speaker table built (`People(entries)`), against its floor: merely
  iterating every quote once; target under 300 ms at 100,000;
* the filter, a keystroke at a time (a name typed, a misspelt one), median,
  against a naive `process.extract(WRatio)` over the same names; target 16 ms;
* a speaker's quotes listed (the most quoted speaker: the longest list), target 50 ms;
* the entity table (built on first use), its quote counts (a pass over every
  quote's sentence), the quotes about someone and "what X said about Y": no target;
* the tables' memory (tracemalloc, traced apart from the timings): what all of them
  together keep (speakers, described speakers, entities, both filters, the counts)
  and their peak while made, against a floor made in the same run: an array of one
  4-byte int per quote and per entity of every entry, the least a table that knows
  every quote and entity can hold (issue #14: a million articles under 1.5 GB).

Then the app itself (headless, 160x48, `--app`, on by default): the speakers view opened
(key 2, the tables already built by the loading worker; target 300 ms), a keystroke of its
filter (the pane's `refilter`: matching and the new rows; target 16 ms median) and a
speaker's quotes listed in the middle pane (Enter's handler; target 50 ms).

Prints figures; asserts nothing. 100,000 only when asked (`--sizes 10000 100000`):
it loads and analyses 100,000 articles once (minutes). The index cache is the
user's unless BYLINE_CACHE_DIR says otherwise: point it at a scratch folder.
`--paths` measures folders already there instead (no corpus is generated).

    BYLINE_CACHE_DIR=/tmp/bench-cache python benchmarks/bench_people.py [--sizes 10000 100000] [--rounds 5]
    BYLINE_CACHE_DIR=/tmp/bench-cache python benchmarks/bench_people.py --paths corpus/0000 corpus/0001 --no-app
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from array import array
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from rapidfuzz import fuzz, process  # noqa: E402
from rapidfuzz.utils import default_process  # noqa: E402

from byline.corpus import load_corpus  # noqa: E402
from byline.corpus.records import unpack  # noqa: E402
from byline.model import Entry  # noqa: E402
from byline.people import People  # noqa: E402
from gen_corpus import generate  # noqa: E402

TYPED = ["b", "bl", "bla", "blai", "blair", "m", "mo", "mou", "mour", "mouri", "mourih", "mourihn", "mourihno"]
"""Two names typed a key at a time; the second misspelt."""


def timed(action: Callable[[], object], rounds: int) -> list[float]:
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        runs.append((time.perf_counter() - started) * 1000)
    return runs


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    return f"median {statistics.median(ordered):8.1f}  max {ordered[-1]:8.1f} ms"


def load(paths: list[str]) -> tuple[list[Entry], float, int]:
    started = time.perf_counter()
    entries: list[Entry] = []
    cached = 0
    for batch in load_corpus(paths):
        entries.extend(batch.entries)
        cached += batch.cached
    return entries, time.perf_counter() - started, cached


def floor(entries: list[Entry]) -> None:
    for entry in entries:
        for quote in entry.quotes:
            quote.speaker  # noqa: B018 - the least a table can do: look at every quote once


MB = 1 << 20


def memory(entries: list[Entry]) -> None:
    """What the tables keep and their peak while made (traced), beside the floor."""
    unpack(entries)  # the app unpacks before it builds: the entries' own memory, not the tables'
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        floor = array("i", bytes(4 * sum(len(entry.quotes) + len(entry.entities) for entry in entries)))
        floor_bytes = tracemalloc.get_traced_memory()[0] - before
        del floor
        gc.collect()
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        people = People(entries)
        _ = people.speaker_matcher, people.speakers.described, people.entity_matcher
        people.count_entity_quotes()
        gc.collect()
        kept, peak = (size - before for size in tracemalloc.get_traced_memory())
    finally:
        tracemalloc.stop()
    print(
        f"   tables' memory (traced)          kept {kept / MB:8.1f} MB  peak {peak / MB:8.1f} MB   "
        f"floor {floor_bytes / MB:.1f} MB (an int per quote and per entity)"
    )


def run_size(n: int, rounds: int) -> None:
    started = time.perf_counter()
    folder = generate(None, n)
    print(f"\n== {n:,} articles ({folder}, ready in {time.perf_counter() - started:.1f} s)")
    run_on([str(folder)], rounds)


def run_on(paths: list[str], rounds: int) -> None:
    entries, seconds, cached = load(paths)
    quotes = sum(len(entry.quotes) for entry in entries)
    print(f"   loaded {len(entries):,} entries, {quotes:,} quotes in {seconds:.1f} s ({cached:,} files from the cache)")
    print(f"   machine load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    timings(entries, rounds)
    memory(entries)  # after the timings' tables are gone


def timings(entries: list[Entry], rounds: int) -> None:
    print(f"   floor: iterate every quote        {summary(timed(lambda: floor(entries), rounds))}")
    people = People(entries)
    build = timed(lambda: People(entries), rounds)
    table = people.speakers
    print(f"   speaker table built               {summary(build)}   (target < 300 ms at 100,000)")
    print(
        f"      {table.raw_count:,} speaker strings -> {len(table.named):,} speakers, "
        f"{len(table.groups):,} descriptions ({len(table.described):,} described speakers, one per article)"
    )

    started = time.perf_counter()
    matcher = people.speaker_matcher
    print(f"   filter made ready (once)          {(time.perf_counter() - started) * 1000:8.1f} ms")
    keystrokes: list[float] = []
    for _ in range(rounds):
        for typed in TYPED:
            begun = time.perf_counter()
            matcher.filter(typed)
            keystrokes.append((time.perf_counter() - begun) * 1000)
    print(f"   filter, a keystroke               {summary(keystrokes)}   (target < 16 ms median)")
    names = [row.name for row in matcher.rows]
    naive = []
    for typed in TYPED:
        begun = time.perf_counter()
        process.extract(typed, names, scorer=fuzz.WRatio, processor=default_process, limit=50)
        naive.append((time.perf_counter() - begun) * 1000)
    print(f"   peer: process.extract(WRatio)     {summary(naive)}   over the same {len(names):,} names")
    print(f"      'mourihno' -> {[row.name for row in matcher.filter('mourihno')[:3]]}")

    top = table.named[0]
    listed = timed(lambda: people.quotes_of(top), rounds)
    print(
        f"   a speaker's quotes listed         {summary(listed)}   ({top.name}: {top.quotes:,} quotes; target < 50 ms)"
    )

    started = time.perf_counter()
    entity_table = people.entities
    print(
        f"   entity table built (on first use) {(time.perf_counter() - started) * 1000:8.1f} ms   "
        f"({len(entity_table.rows):,} entities)"
    )
    started = time.perf_counter()
    people.count_entity_quotes()
    print(f"   its quote counts (a worker's job) {(time.perf_counter() - started) * 1000:8.1f} ms")
    brown = people.find_entity("gordon brown")
    blair = people.find_speaker("tony blair")
    if brown is not None and blair is not None:
        about = timed(lambda: people.quotes_about(brown), rounds)
        said = timed(lambda: people.said_about(blair, brown), rounds)
        found = sum(len(rows) for _, rows in people.quotes_about(brown))
        print(f"   quotes about {brown.name:<20} {summary(about)}   ({found:,})")
        print(f"   what {blair.name} said about him  {summary(said)}   ({len(people.said_about(blair, brown)):,})")


def app_figures(folder: Path, rounds: int) -> None:
    import asyncio
    import tempfile

    os.environ.setdefault("BYLINE_DATA_DIR", tempfile.mkdtemp(prefix="bench-people-data-"))
    asyncio.run(_app_figures(folder, rounds))


async def _app_figures(folder: Path, rounds: int) -> None:
    from textual.widgets import Input

    from byline.tui.app import BylineApp
    from byline.tui.widgets.people_list import PeopleList

    app = BylineApp([str(folder)])
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.main
        started = time.perf_counter()
        while main.loading or main.people is None or len(main.people.entries) != len(app.corpus.entries):
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        print(
            f"   app: loaded, tables built       {(time.perf_counter() - started):8.1f} s (a worker's, off the UI"
            " thread)"
        )
        opens = []
        for _ in range(rounds):
            await pilot.press("1")
            begun = time.perf_counter()
            await pilot.press("2")  # the pilot waits for the key to be handled and the screen to be idle
            opens.append((time.perf_counter() - begun) * 1000)
        print(f"   app: speakers view opened (2)     {summary(opens)}   (target < 300 ms at 100,000)")
        pane, keystrokes = main.speakers_pane, []
        for _ in range(rounds):
            for typed in TYPED:
                with pane.filter_input.prevent(Input.Changed):
                    pane.filter_input.value = typed
                begun = time.perf_counter()
                pane.refilter()
                keystrokes.append((time.perf_counter() - begun) * 1000)
        print(f"   app: filter, a keystroke          {summary(keystrokes)}   (target < 16 ms median)")
        assert main.people is not None
        top = main.people.speakers.named[0]
        listed = timed(lambda: main.on_people_list_chosen(PeopleList.Chosen(top)), rounds)
        print(f"   app: a speaker's quotes listed    {summary(listed)}   ({top.name}; target < 50 ms)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-app", dest="app", action="store_false", help="skip the app's figures")
    parser.add_argument("--paths", nargs="+", help="measure these folders (no corpus generated; no app figures)")
    args = parser.parse_args()
    print(f"byline people benchmark; index cache: {os.environ.get('BYLINE_CACHE_DIR', 'the user cache directory')}")
    if args.paths:
        print(f"\n== {len(args.paths)} folders ({args.paths[0]}...)")
        run_on(args.paths, args.rounds)
        return 0
    for n in args.sizes:
        run_size(n, args.rounds)
        if args.app:
            app_figures(generate(None, n), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
