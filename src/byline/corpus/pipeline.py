"""Opening a corpus fast: the walk, the corpus cache, and worker processes.

`load_corpus` gives everything under some paths as batches of entries. The walk only stats
files; a file whose size and modification time match the cache comes back from
it, in batches, while the walk goes on (each is checked against its own stamp
before it is yielded, so nothing stale is shown). Files that are new or changed
are loaded and analysed in worker processes, in chunks, while this thread
writes their results to the cache, one transaction per chunk. Files that are
gone are dropped from the cache. Without a usable cache the same pipeline runs
and simply stores nothing.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent import futures
from concurrent.futures import Future
from typing import TYPE_CHECKING, TypeVar

from byline.corpus.pool import cpu_count, forks_here, read_files, start_pool, stop_pool
from byline.gc_pause import no_gc
from byline.load import FileStat, iter_file_stats
from byline.model import Batch, Entry, Skipped

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from byline.corpus.cache import CorpusCache, FileRecord
    from byline.corpus.walk import WalkWatcher

log = logging.getLogger(__name__)
T = TypeVar("T")

CHUNK = 48
"""Files per task sent to a worker: enough to amortise the round trip, few enough that the list fills steadily."""
POOL_THRESHOLD = 96
"""Files to read before worker processes from a fork server pay for their start-up (~0.3 s)."""
FORKED_POOL_THRESHOLD = CHUNK
"""The same for workers forked from this process (`forks_here`): they start warm in ~0.03 s."""

CANCEL_EVERY = 1_000
"""Files walked between two looks at whether the load is still wanted."""

BATCH_SECONDS = 0.1
MAX_BATCH_FACTOR = 16
"""A batch holds at least `batch_size` entries (but the first and the last), and
more when they come faster than one batch per BATCH_SECONDS, up to this many
times `batch_size`."""

_told: set[str] = set()


def load_corpus(
    paths: list[str],
    batch_size: int = 256,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    details: bool = False,
    analysis: bool = True,
    watch: WalkWatcher | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Generator[Batch, None, None]:
    """Load and analyse everything under `paths`, in batches, for a progress bar.

    Runs on a worker thread in the app. With the corpus cache (the default), files unchanged since the last
    opening come from the cache, in walk order, before the walk is over; new and changed files follow, loaded
    and analysed in worker processes. Entries therefore arrive in walk order on a cold start, but re-read files
    come after the cached ones on a warm start. The last batch has `done == total`. Closing the generator early
    stops the work. `workers=0` reads in this process; None picks one per CPU. `details=True` fills
    `Entry.details` (for the command line's listings); `analysis=False` leaves out the quotes and entities
    (`byline list` prints none); `watch` is fed what the walk finds as it goes (a `Stamp`, for a snapshot; a
    `Walk`, for the files' order). `cancelled` is asked while the walk goes on and while waiting on the workers:
    once it says True, the generator ends (without its last batch) and the workers are stopped.
    """
    from byline.corpus.cache import EntryDecoder

    notes: list[str] = []
    cache = _open_cache(notes) if use_cache else None
    run = _Run(cache, batch_size, workers, notes)
    run.decoder = EntryDecoder(details=details, analysis=analysis)
    run.watch = watch
    run.cancelled = cancelled or _never
    try:
        yield from run.go(paths)
    except _Cancelled:
        return
    finally:
        run.close()


class _Cancelled(Exception):
    """The consumer no longer wants the batches (see `load_corpus`'s `cancelled`)."""


def _never() -> bool:
    return False


WAIT_STEP_S = 0.2
"""While waiting on a worker's result, how often `cancelled` is asked."""


def reindex(paths: list[str]) -> list[Entry]:
    """Read files again, whatever their stamps say; store what they hold now in the cache; give their entries.

    For an entry whose article is not in its file although the file's size and
    modification time are unchanged (an edit that kept both, or a clock that
    did): the cache trusts the stamp, so without this the article would be
    "no longer readable" at every start until the cache was cleared. Call it
    before declaring an entry gone; the entries it gives replace all of the
    file's (a feed's `file#n` entries name their file). A path that is gone or
    unreadable gives nothing.
    """
    from byline.corpus.cache import EntryDecoder

    files = list(dict.fromkeys(path.partition("#")[0] for path in paths))
    stats = [item for item in iter_file_stats(files) if isinstance(item, FileStat)]
    keys = _Keys()
    records = read_files([(keys.of(stat.path), stat) for stat in stats])
    notes: list[str] = []
    run = _Run(_open_cache(notes), 1, 0, notes)
    run.unsaved = list(records)
    run.close()  # stores the records, replacing the stale ones, and closes the cache
    decoder = EntryDecoder()
    found: list[Entry] = []
    for stat, record in zip(stats, records):
        try:
            found.extend(decoder.decode(stat.path, record.data)[0])
        except ValueError:  # pragma: no cover - just encoded
            continue
    return found


def _open_cache(notes: list[str]) -> CorpusCache | None:
    from byline.corpus.cache import CacheUnavailable, CorpusCache

    try:
        return CorpusCache.open()
    except CacheUnavailable as error:
        _tell_once(notes, f"working without the index cache: {error}")
        return None


def _tell_once(notes: list[str], message: str) -> None:
    """Say it once per process, as a note in the next batch (the caller shows it)."""
    if message not in _told:
        _told.add(message)
        notes.append(message)
        log.info("%s", message)


class _Run:
    def __init__(self, cache: CorpusCache | None, batch_size: int, workers: int | None, notes: list[str]) -> None:
        from byline.corpus.cache import EntryDecoder

        self.cache = cache
        self.batch_size = max(1, batch_size)
        self.workers = cpu_count() if workers is None else workers
        self.notes = notes
        self.decoder = EntryDecoder()
        self.pool: Executor | None = None
        self.pool_tried = False
        self.yielded = False
        self.last_yield = 0.0
        self.in_flight: deque[tuple[Future[list[FileRecord]], list[tuple[str, FileStat]]]] = deque()
        self.to_read: list[tuple[str, FileStat]] = []
        self.unsaved: list[FileRecord] = []
        self.read_count = 0
        self.entries: list[Entry] = []
        self.skipped: list[Skipped] = []
        self.done = 0
        """Files whose entries have all gone out in a batch: what `Batch.done` says."""
        self.undelivered: deque[int] = deque()
        """Entries per handled file not yet all in a batch, oldest first."""
        self.total: int | None = None
        self.cached = 0
        self.watch: WalkWatcher | None = None
        self.cancelled: Callable[[], bool] = _never

    # --- the run ---------------------------------------------------------

    def go(self, paths: list[str]) -> Iterator[Batch]:
        roots = []
        seen: set[str] = set()
        to_check: list[tuple[str, FileStat]] = []
        found = 0
        keys = _Keys()
        for raw in paths:
            expanded = os.path.expanduser(os.fspath(raw))
            if os.path.isdir(expanded):
                roots.append(os.path.abspath(expanded))
        for item in iter_file_stats(paths):
            if found % CANCEL_EVERY == 0 and self.cancelled():
                raise _Cancelled
            if isinstance(item, Skipped):
                if self.watch is not None:
                    self.watch.skipped(item)
                self.skipped.append(item)
                continue
            if self.watch is not None:
                self.watch.file(*item)
            found += 1
            key = keys.of(item.path)
            seen.add(key)
            if self.cache is not None:
                to_check.append((key, item))
                # A small first look-up, so that the first entries show at once.
                if len(to_check) >= (self.batch_size if self.yielded else min(32, self.batch_size)):
                    self._check(to_check)
                    to_check = []
            else:
                self._queue(key, item)
            if self.pool is None:
                yield from self._collect(wait=False)  # chunks read here, before the pool is up
            # With the pool up, results wait until the walk is over: it takes a
            # second at 100,000 files, and then the total (and time left) is known.
            yield from self._flush(full_only=True)
        self._check(to_check)
        self.total = found
        self._drop_gone(roots, seen)
        self._send(everything=True)
        yield from self._collect(wait=True)
        self._save()
        yield from self._flush(full_only=False, final=True)

    def close(self) -> None:
        self._save()  # what was read before the consumer stopped is worth keeping
        if self.pool is not None:
            stop_pool(self.pool)
            self.pool = None
        if self.cache is not None:
            self.cache.close()

    # --- files the cache holds -------------------------------------------

    def _check(self, batch: list[tuple[str, FileStat]]) -> None:
        """Take from the cache what it holds unchanged; queue the rest for reading."""
        if not batch:
            return
        empty: dict[str, tuple[int, int, bytes]] = {}
        found = self._cache_call(lambda cache: cache.lookup([key for key, _ in batch]), empty)
        with no_gc():  # entries by the thousand: see byline.gc_pause
            for key, stat in batch:
                held = found.get(key)
                if held is not None and held[0] == stat.size and held[1] == stat.mtime_ns:
                    try:
                        entries, skipped = self.decoder.decode(stat.path, held[2])
                    except (ValueError, TypeError, EOFError):
                        pass  # not what we wrote: read the file again
                    else:
                        self._handled(entries, skipped)
                        self.cached += 1
                        continue
                self._queue(key, stat)

    def _drop_gone(self, roots: list[str], seen: set[str]) -> None:
        if self.cache is None or not roots:
            return
        nothing: list[str] = []
        gone = self._cache_call(lambda cache: [key for key in cache.keys_under(roots) if key not in seen], nothing)
        if gone:
            self._cache_call(lambda cache: cache.drop(gone), 0)

    def _cache_call(self, call: Callable[[CorpusCache], T], fallback: T) -> T:
        """Run `call` on the cache; when the cache fails, say so and go on without it."""
        from byline.corpus.cache import CacheBroken, CacheUnavailable

        if self.cache is None:
            return fallback
        try:
            return call(self.cache)
        except (CacheBroken, CacheUnavailable) as error:
            _tell_once(self.notes, f"working without the index cache: {error}")
            self.cache.close()
            self.cache = None
            return fallback

    # --- files to read -----------------------------------------------------

    def _queue(self, key: str, stat: FileStat) -> None:
        self.to_read.append((key, stat))
        self.read_count += 1
        threshold = FORKED_POOL_THRESHOLD if not self.pool_tried and forks_here() else POOL_THRESHOLD
        if not self.pool_tried and self.workers > 1 and self.read_count >= threshold:
            self.pool_tried = True
            self.pool = start_pool(self.workers)
        # Until the pool is up (or without one) chunks are read here as they fill: first entries show at once.
        self._send(everything=False)

    def _send(self, everything: bool) -> None:
        while len(self.to_read) >= CHUNK or (everything and self.to_read):
            chunk, self.to_read = self.to_read[:CHUNK], self.to_read[CHUNK:]
            future: Future[list[FileRecord]]
            if self.pool is not None:
                try:
                    future = self.pool.submit(read_files, chunk)
                except Exception:  # a broken pool: read here instead
                    future = _done(chunk)
            else:
                future = _done(chunk)
            self.in_flight.append((future, chunk))

    def _collect(self, wait: bool) -> Iterator[Batch]:
        while self.in_flight and (wait or self.in_flight[0][0].done()):
            future, chunk = self.in_flight[0]
            # Not a bare result(): the workers run below the UI's priority and a busy machine
            # can starve them for minutes; the consumer may have gone meanwhile.
            while not future.done():
                if self.cancelled():
                    raise _Cancelled
                futures.wait([future], timeout=WAIT_STEP_S)
            self.in_flight.popleft()
            try:
                records = future.result()
            except Exception as error:  # a worker died (killed, out of memory): read here
                log.warning("worker failed (%s); reading %d files in-process", error, len(chunk))
                records = read_files(chunk)
            self.unsaved.extend(records)
            if len(self.unsaved) >= self.batch_size:
                self._save()
            for (_, stat), record in zip(chunk, records):
                try:
                    entries, skipped = self.decoder.decode(stat.path, record.data)
                except (ValueError, TypeError, EOFError):  # pragma: no cover - we just encoded it
                    entries, skipped = [], [Skipped(stat.path, "could not be read back after analysis")]
                self._handled(entries, skipped)
            yield from self._flush(full_only=True)

    def _save(self) -> None:
        """One write transaction per batch of files, not per file: commits are the cost."""
        records, self.unsaved = self.unsaved, []
        if records:
            self._cache_call(lambda cache: cache.store(records), None)

    def _flush(self, full_only: bool, final: bool = False) -> Iterator[Batch]:
        if not self.yielded and self.entries:
            # The first batch goes out as soon as there is anything to show.
            yield self._batch(min(len(self.entries), self.batch_size))
        # Entries from the cache come faster than a UI wants messages: past
        # `batch_size`, gather them for up to a tenth of a second.
        pending = len(self.entries)
        if pending >= self.batch_size and (
            time.perf_counter() - self.last_yield >= BATCH_SECONDS or pending >= MAX_BATCH_FACTOR * self.batch_size
        ):
            yield self._batch(pending)
        if not full_only and (self.entries or self.skipped or self.notes or final):
            yield self._batch(len(self.entries))

    def _handled(self, entries: list[Entry], skipped: list[Skipped]) -> None:
        self.entries.extend(entries)
        self.skipped.extend(skipped)
        self.undelivered.append(len(entries))

    def _batch(self, size: int) -> Batch:
        # Stored before they go out (a commit per batch, not per file), so that the consumer
        # may keep entries that read their quotes back from the cache (`Batch.stored`).
        self._save()
        # A file counts as done once its last entry is in a batch, so that the
        # progress a batch reports matches the rows the list has.
        left = size
        while self.undelivered and self.undelivered[0] <= left:
            left -= self.undelivered.popleft()
            self.done += 1
        if left:
            self.undelivered[0] -= left  # part of a feed's entries
        entries, self.entries = self.entries[:size], self.entries[size:]
        skipped, self.skipped = self.skipped, []
        notes, self.notes[:] = tuple(self.notes), []
        cached, self.cached = self.cached, 0
        self.yielded = True
        self.last_yield = time.perf_counter()
        stored = self.cache is not None
        return Batch(entries, skipped, self.done, self.total, cached=cached, notes=notes, stored=stored)


class _Keys:
    """Absolute paths (the cache's keys) for walked paths, one `abspath` per folder, not per file."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def of(self, path: str) -> str:
        folder, sep, name = path.rpartition(os.sep)
        if not sep:
            return os.path.abspath(path)
        absolute = self._folders.get(folder)
        if absolute is None:
            absolute = self._folders[folder] = os.path.abspath(folder or os.sep)
        return absolute.rstrip(os.sep) + os.sep + name


def _done(chunk: list[tuple[str, FileStat]]) -> Future[list[FileRecord]]:
    future: Future[list[FileRecord]] = Future()
    future.set_result(read_files(chunk))
    return future
