"""The worker pool: loading and analysing files in other processes.

Workers load a file, analyse its articles (`byline.corpus.extractor`) and
encode the results for the cache; the parent only decodes them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from byline.corpus.cache import FileRecord
    from byline.load import FileStat

log = logging.getLogger(__name__)

WORKER_NICENESS = 10
# How long stopping the pool waits for its manager thread, which ends once the workers are.
STOP_WAIT_SECONDS = 10.0


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def forks_here() -> bool:
    """Whether `start_pool` would fork this process: where it has no other thread (the CLI's case).
    Forked workers start at once with the extractor warmed (lexicons loaded, patterns compiled,
    the names read so far kept), not by importing and loading it all again. Where it has (the app
    calls `start_pool` from a thread), forking could copy a held lock into the child: the workers
    then come from a fork server (or are spawned), which takes a third of a second."""
    import multiprocessing
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def start_pool(workers: int) -> Executor | None:
    """Worker processes, or None when this system cannot start them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        if forks_here():
            method = "fork"
            # Warmed here, once, before the fork: not once in each worker.
            import gc

            from byline.corpus.extractor import warm

            warm()
            # And set apart from the collector, as Python's docs advise before a fork: this
            # process's later collections no longer walk the extractor's tables (5% of its
            # work in `byline extract`), nor do the workers' touch the pages they share.
            gc.freeze()
        else:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            # Imported once in the server, not once per worker (the extractor's lexicons take a while).
            context.set_forkserver_preload(
                ["byline.corpus.pool", "byline.corpus.cache", "byline.load", "byline.extract"]
            )
        _start_resource_tracker()
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),))
        if method == "fork":
            _fork_now(pool)
        return pool
    except Exception as error:  # no /dev/shm, no semaphores, a sandbox...
        log.warning("cannot start worker processes (%s); reading in-process", error)
        return None


# The signals the CLI handles (`byline index` turns SIGTERM and SIGHUP into an exit, Ctrl+C stops).
_HELD = ("SIGTERM", "SIGHUP", "SIGINT")


def _held_signals() -> set[int]:
    import signal

    return {getattr(signal, name) for name in _HELD if hasattr(signal, name)}


def _fork_now(pool: Executor) -> None:
    """Fork the workers now (the pool forks them all at its first task), the handled signals
    held back meanwhile: a handler run during a fork runs in one of the interpreter's at-fork
    hooks, which prints its exception and drops it (a SIGTERM was lost so, and `byline index`
    ran on to its end). Held back, the signal is handled once the fork is done."""
    import signal

    held = _held_signals()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        pool.submit(int)
    finally:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # (a signal held back is handled here)
        except BaseException:
            stop_pool(pool)  # the caller never gets the pool: its workers go now
            raise


def stop_pool(pool: Executor) -> None:
    """Stop the workers now: what is queued is dropped and what is running is ended (its results
    are not wanted; the cache keeps what was stored). Exit then never waits on a long queue."""
    # Taken before shutdown(), which forgets them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    # The manager thread closes its wake-up pipe as it ends. Were that to happen while the
    # interpreter exits, concurrent.futures' exit hook could write to the pipe just closed
    # ("OSError: Bad file descriptor" printed at the end of `byline index`, CPython 3.11).
    # With the workers terminated it ends at once; waiting for it keeps the two apart.
    if manager is not None:
        manager.join(STOP_WAIT_SECONDS)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a stderr it can pass on.

    It hands `sys.stderr.fileno()` to its process; inside the app, Textual's
    capture of stderr answers -1 and the start fails ("bad value(s) in
    fds_to_keep"), so the pool never started there. For that moment it gets
    a real file (its own warnings are not for the app's screen).
    """
    import contextlib
    import sys
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    with open(os.devnull, "w") as devnull, contextlib.redirect_stderr(devnull):
        resource_tracker.ensure_running()


def _worker_init(owner: int) -> None:
    import gc
    import signal
    import threading

    # Ctrl+C is for the parent to handle; workers end when it shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's handlers (`byline index` turns SIGTERM into an exit):
    # the pool's terminate() must end a worker at once, as it does one from the fork server.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    # A forked worker also inherits the mask that held the signals back during the fork.
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _held_signals())
    # The pool may be forked inside the parent's `no_gc()` (a cache look-up queues the files
    # it lacks): a worker collects as one from the fork server does, but never walks what it
    # inherited (the lexicons: thousands of objects that live as long as it does).
    gc.freeze()
    gc.enable()
    # A parent killed outright (kill -9, the OOM killer) shuts nothing down, and a worker's
    # parent may be the fork server, not the process that owns the pool: watch the owner.
    threading.Thread(target=_exit_when_gone, args=(owner,), name="owner-watch", daemon=True).start()
    # Below the parent: its walk, its writes and (in the app) the UI come first;
    # the workers still get every cycle the parent leaves.
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):
        pass


OWNER_POLL_SECONDS = 1.0


def _exit_when_gone(owner: int) -> None:
    import time

    while True:
        time.sleep(OWNER_POLL_SECONDS)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(1)  # nothing to save: the owner that would have read our results is gone
        except OSError:
            pass  # alive, but not ours to signal


def read_files(chunk: list[tuple[str, FileStat]]) -> list[FileRecord]:
    """Load and analyse files: the work done in a worker process."""
    from byline.corpus.cache import FileRecord, encode_file
    from byline.corpus.extractor import analyse_all
    from byline.load import load_file

    records = []
    for key, stat in chunk:
        result = load_file(Path(stat.path))
        pairs = analyse_all(result.articles)
        bodies = [article.body for article, _ in pairs]
        records.append(FileRecord(key, stat.size, stat.mtime_ns, encode_file(stat.path, pairs, result.skipped), bodies))
    return records
