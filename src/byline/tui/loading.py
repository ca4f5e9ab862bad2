"""Loading a corpus into the app: the loader's messages, the progress line, and what to say about skipped files."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from byline.corpus import load_corpus
from byline.corpus.paged import Pager
from byline.corpus.snapshots import Stamp, snapshot_key
from byline.gc_pause import no_gc
from byline.heap import give_back
from byline.model import Batch, Skipped
from byline.progress import rate, time_left
from byline.search import SearchIndex, fill_text

SHOWN_EVERY_S = 0.25
"""The progress line changes at most this often while loading goes on."""
FIRST_ROWS_WAIT = 10.0
"""At most this long, the loader waits for the first rows to be painted (a safety net:
on a loaded machine a 1 s wait ran out and the first frame came 8 s late)."""
TEXT_IN_MEMORY_MAX = 100_000
"""Past this many articles their text is searched in the cache's FTS5 index from the start: the
in-memory budget holds about 15,000, and filling it only to throw it away read 15,000 files."""
SKIPPED_SHOWN = 5
"""Skipped files named in the notice; the rest are counted."""


@dataclass
class BatchLoaded(Message):
    """The loader has a batch for the list (posted from its thread)."""

    batch: Batch
    elapsed: float


@dataclass
class LoadRestarted(Message):
    """The rows shown so far (a snapshot's head) are out of date: they go, and loading starts again."""


@dataclass
class LoadFinished(Message):
    """Every batch is in (or loading stopped)."""


class LoadingBar(Horizontal):
    """Loads the corpus on a worker thread, posting `BatchLoaded` and `LoadFinished`, and shows how
    far it is: "Loading 250 of 1,000 files · 500/s · 2 s left" and a progress bar, above the footer."""

    def __init__(self, paths: list[str], search_index: SearchIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.paths = paths
        self.search_index = search_index
        self.first_rows_shown = threading.Event()
        self.first_frame_out = threading.Event()
        """Set (by the screen) once its first frame, rows or none, is painted."""
        self._shown_at = -SHOWN_EVERY_S
        self._latest: BatchLoaded | None = None
        self._show_timer: Timer | None = None
        """Set (by the screen) once the first rows are painted: until then the loader waits."""

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        worker, search_index = get_current_worker(), self.search_index
        start = time.perf_counter()
        key, stamp, files = snapshot_key(self.paths, "app"), Stamp(), 0
        skipped: list[Skipped] = []
        try:
            # Frozen once loaded: the entries live as long as the app, and each later
            # collection (a pause of the UI) would otherwise walk all of them again.
            with no_gc(freeze=True):
                if self._load_snapshot(key, start):
                    return
            # A snapshot's head is read at once (a few ms, mostly in SQLite): its rows can be in the
            # very first frame. Reading files is not: it waits for that frame to be out.
            self.first_frame_out.wait(timeout=FIRST_ROWS_WAIT)
            pager = Pager()
            for batch in load_corpus(self.paths, watch=stamp, cancelled=lambda: worker.is_cancelled):
                if worker.is_cancelled:
                    return
                # Indexed here, off the UI thread, in the order the list gets them; past the
                # first 50,000 (WHOLE_KEPT) what is kept is a stand-in that reads the rest from the cache.
                kept = pager.stand_ins(batch)
                search_index.add(batch.entries, kept=kept)
                batch.entries = kept
                search_index.coverage = (batch.done, batch.total)
                files = batch.total or batch.done
                skipped.extend(batch.skipped)
                self.post_message(BatchLoaded(batch, time.perf_counter() - start))
                if batch.entries and not self.first_rows_shown.is_set():
                    # Let the first rows reach the screen before loading takes the
                    # CPU (and the GIL) again: a warm 100,000 would delay the frame.
                    self.first_rows_shown.wait(timeout=FIRST_ROWS_WAIT)
        except Exception as error:  # a loader bug must leave the app usable
            stopped = Skipped(" ".join(self.paths), f"loading stopped: {error}")
            self.post_message(BatchLoaded(Batch([], [stopped], 0, 0), 0))
            files = -1  # nothing to keep
        search_index.coverage = None
        search_index.settle()
        self.post_message(LoadFinished())
        # The search finds titles, quotes and names already; article text follows.
        try:
            if len(search_index) <= TEXT_IN_MEMORY_MAX:
                fill_text(search_index, cancelled=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return
            if len(search_index) > TEXT_IN_MEMORY_MAX or getattr(search_index.text, "full", False):
                self.search_index.text_from_cache(self.paths)
            if 0 <= files:
                self._keep_snapshot(key, stamp.value(), files, skipped)
                give_back()  # what writing it took
        except Exception:  # the text search is a bonus: without it the rest still works
            pass

    def _load_snapshot(self, key: bytes, start: float) -> bool:
        """Open the corpus from the cache's snapshot of the last opening, if no file changed since:
        the first rows at once, then the entries and the whole search index in bulk, not file by
        file and string by string. False when there is no snapshot to use (nothing was shown)."""
        from byline.corpus.cache import CacheUnavailable, CorpusCache
        from byline.corpus.snapshots import has, head, held
        from byline.corpus.walk import Walk
        from byline.search import snapshot
        from byline.search.sources import MemoryTextSource

        try:
            cache = CorpusCache.open()
        except CacheUnavailable:
            return False  # load_corpus says why
        with cache:
            if not has(cache, key):
                return False
            # The head shows before the walk that checks the snapshot (a second at 100,000
            # files): rows from the last opening at once, taken back if a file has changed.
            try:
                first = snapshot.load_head(head(cache, key) or b"")
            except ValueError:
                first = []
            if first:
                self.search_index.coverage = (0, None)  # the first rows show; the search has nothing yet
                self.post_message(BatchLoaded(Batch(first, [], 0, None), time.perf_counter() - start))
                self.first_rows_shown.wait(timeout=FIRST_ROWS_WAIT)
            # The walk (mostly waiting on stat) goes on beside the reading of the snapshot. What was
            # read is listed and searchable before the walk is over (15 s at a million files), and
            # taken back, as the head is, if the walk then finds a file changed.
            with ThreadPoolExecutor(1) as walker:
                walk = walker.submit(Walk.stamp_of, self.paths)
                found = held(cache, key, None)
                try:
                    if found is None:
                        raise ValueError("no snapshot")
                    files, skipped, stamp = found.files, found.skipped, found.stamp
                    index = snapshot.load(found.take_index, found.parts(), into=self.search_index)
                except ValueError:
                    index = None
                if index is not None:
                    with index._lock:
                        index.entries[: len(first)] = first  # the very objects the list has
                        index.coverage = None
                    rest = index.entries[len(first) :]
                    elapsed = time.perf_counter() - start
                    self.post_message(BatchLoaded(Batch(rest, skipped, files, files, cached=files), elapsed))
                    if walk.result() != stamp:
                        index.clear()
                        index, first = None, first or rest
            if index is None:
                if first:
                    self.search_index.coverage = None
                    self.post_message(LoadRestarted())  # what was shown goes; the files are read the slow way
                return False
        self.post_message(LoadFinished())
        if isinstance(index.text, MemoryTextSource) and not len(index.text):
            # The snapshot holds no text: the corpus was too large for memory.
            self.search_index.text_from_cache(self.paths)
        return True

    def _keep_snapshot(self, key: bytes, stamp: bytes, files: int, skipped: list[Skipped]) -> None:
        """Keep this opening for the next: with its text when all of it fit in memory."""
        from byline.corpus.cache import CacheUnavailable, CorpusCache
        from byline.corpus.snapshots import keep
        from byline.search import snapshot

        text = self.search_index.text
        data, parts = snapshot.dump(self.search_index, with_text=not getattr(text, "full", True))
        try:
            with CorpusCache.open() as cache:
                keep(cache, key, stamp, files, skipped, snapshot.dump_head(self.search_index), data, parts)
        except CacheUnavailable:
            pass

    def on_batch_loaded(self, message: BatchLoaded) -> None:
        # And on to the screen. The line changes a few times a second at most (the latest
        # figures, a moment later): each change repaints, on the thread the loader shares
        # the GIL with.
        self._latest = message
        if self._show_timer is None:
            wait = self._shown_at + SHOWN_EVERY_S - time.monotonic()
            if wait <= 0:
                self._show_latest()
            else:
                self._show_timer = self.set_timer(wait, self._show_latest)

    def _show_latest(self) -> None:
        self._show_timer = None
        if self._latest is not None:
            self._shown_at = time.monotonic()
            self.show(self._latest.batch, self._latest.elapsed)
            self._latest = None

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="loading-label")
        bar = ProgressBar(id="loading-bar", show_eta=False)
        bar.display = False  # until the total is known (see `show`)
        yield bar

    def show(self, batch: Batch, elapsed: float) -> None:
        bar = self.query_one(ProgressBar)
        # No bar until the walk knows the total: an indeterminate bar animates at the screen's
        # frame rate, and every frame is a composition on the thread the loader needs.
        bar.display = batch.total is not None
        bar.update(total=batch.total, progress=batch.done)
        total = f"{batch.total:,}" if batch.total is not None else "?"
        # What the search covers: the index takes each batch before the list shows it.
        figures = [
            f"Loading {batch.done:,} of {total} files",
            f"searching {batch.done:,} of {total}",
            f"{rate(batch.done, elapsed):,.0f}/s",
        ]
        left = time_left(batch.done, batch.total, elapsed)
        if left:
            figures.append(left)
        self.query_one("#loading-label", Static).update(" · ".join(figures))


def problems(skipped: list[Skipped]) -> list[Skipped]:
    """Skipped files worth telling about: a README or an image beside the articles is not one."""
    return [s for s in skipped if not s.reason.startswith("not an article")]


def skipped_notice(skipped: list[Skipped]) -> str:
    found = problems(skipped)
    count = len(found)
    lines = [f"{count:,} file{'s' if count != 1 else ''} could not be loaded:"]
    lines += [f"• {Path(s.path).name}: {s.reason}" for s in found[:SKIPPED_SHOWN]]
    if count > SKIPPED_SHOWN:
        lines.append(f"…and {count - SKIPPED_SHOWN:,} more (see `byline list`).")
    return "\n".join(lines)


NO_ARTICLES = (
    "No articles found in {where}.\n\n"
    "Byline reads plain text (.txt), Markdown (.md), saved web pages (.html) "
    "and feeds (.xml, .rss, .atom).\n"
    "Run `byline PATH` with a folder of articles, or `byline` alone for the samples."
)
