"""`byline index`: build or refresh the index cache, or clear it."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from byline.cli.common import PATHS_HELP, nothing_loaded, plural, shown_path

MAX_SKIPPED_SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=PATHS_HELP,
    )
    parser.add_argument("--clear", action="store_true", help="remove the index cache (then index PATHs, if given)")


def run(args: argparse.Namespace) -> int:
    from byline.corpus.cache import cache_path, clear_cache

    if args.clear:
        path = cache_path()
        try:
            removed = clear_cache(path)
        except OSError as error:
            print(f"byline: cannot remove {path}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"removed the index cache {path}" if removed else f"no index cache at {path}")
        if not args.paths:
            return 0
    with _terminate_as_exit():
        return _index(args.paths)


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as an exception would, not at once:
    the loading generator is closed, which shuts its worker pool down and keeps
    what was read, so no worker process is left behind."""

    signalled = []

    def stop(signum: int, frame: object) -> None:
        signalled.append(signum)
        raise SystemExit(128 + signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    try:
        previous = {signum: signal.signal(signum, stop) for signum in wanted}
    except ValueError:  # not the main thread: leave the signals alone
        previous = {}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if signalled:
            _stop_workers()


def _stop_workers() -> None:
    """End the worker pool's processes now, on a signal.

    A worker holds both ends of its task queue, so it never sees its parent go
    and would wait for work forever (and keep the resource tracker alive); and
    a signal that lands while the pool starts a worker leaves one that the pool
    does not know yet. So every process below this one goes: in `byline index`
    they are all the pool's (the forkserver, its workers, the tracker).
    """
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return
    children = multiprocessing.active_children()
    for pid in _descendants(os.getpid()) or [child.pid for child in children]:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    for child in children:
        child.join(timeout=5)


def _descendants(root: int) -> list[int]:
    """The processes below `root`, from /proc (empty where there is none)."""
    parents: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    found: list[int] = []
    todo = [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.append(child)
                todo.append(child)
    return found


def _index(paths: list[str]) -> int:
    from byline.cli.common import paths_or_default
    from byline.cli.progress import Progress
    from byline.corpus import load_corpus

    progress = Progress("indexing")
    articles = cached = done = 0
    skipped = []
    batches = load_corpus(paths_or_default([str(p) for p in paths]))
    try:
        for batch in batches:
            articles += len(batch.entries)
            cached += batch.cached
            done = batch.done
            skipped.extend(batch.skipped)
            for note in batch.notes:
                print(f"byline: {note}", file=sys.stderr)
            progress.update(batch.done, batch.total, force=batch.total is not None and batch.done == batch.total)
    finally:
        batches.close()  # now, even on a signal: it stops the worker processes
        progress.finish()
    for item in skipped[:MAX_SKIPPED_SHOWN]:
        print(f"byline: skipped {shown_path(item.path)}: {item.reason}", file=sys.stderr)
    if len(skipped) > MAX_SKIPPED_SHOWN:
        print(f"byline: ... and {len(skipped) - MAX_SKIPPED_SHOWN:,} more skipped", file=sys.stderr)
    seconds = progress.elapsed
    print(
        f"{plural(articles, 'article')} from {plural(done, 'file')} "
        f"({cached:,} from the cache, {done - cached:,} read); "
        f"{len(skipped):,} skipped; {seconds:.2f} s"
    )
    if not articles:
        # As list, extract and search: nothing to work with is a failure.
        print(f"byline: {nothing_loaded(paths)}", file=sys.stderr)
        return 1
    return 0
