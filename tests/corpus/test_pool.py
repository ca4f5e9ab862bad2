"""Worker processes end when their load does: a quit during a cold load never waits on their queue."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from byline.corpus import pipeline
from byline.corpus.pipeline import load_corpus
from byline.corpus.pool import start_pool, stop_pool


def test_stopping_the_pool_ends_a_task_that_is_running() -> None:
    """shutdown(cancel_futures=True) drops what is queued but waits on what runs: at exit, the
    interpreter joined workers that a busy machine starved for minutes (106 s seen at 100,000)."""
    pool = start_pool(2)
    assert pool is not None
    running = pool.submit(time.sleep, 600)
    queued = [pool.submit(time.sleep, 600) for _ in range(4)]
    while not running.running():
        time.sleep(0.01)
    processes = list(pool._processes.values())  # type: ignore[attr-defined]
    stop_pool(pool)
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode is not None, "a worker outlived its pool"
    # Each queued task is dropped: cancelled, or failed with the pool it was queued on
    # (which of the two is a race between the cancel and the workers' end).
    # (Polled, not wait(): a future cancelled by shutdown() never wakes a waiter.)
    deadline = time.monotonic() + 30
    while not all(future.done() for future in [running, *queued]) and time.monotonic() < deadline:
        time.sleep(0.01)
    for future in [running, *queued]:
        assert future.done() and (future.cancelled() or future.exception() is not None)


def test_stopping_the_pool_waits_for_its_manager_thread() -> None:
    """The manager thread closes a pipe that the interpreter's exit hook writes to: were it
    still ending at exit, `byline index` printed "OSError: Bad file descriptor" (seen in CI)."""
    pool = start_pool(2)
    assert pool is not None
    pool.submit(time.sleep, 600)
    manager = pool._executor_manager_thread  # type: ignore[attr-defined]
    assert manager is not None and manager.is_alive()
    stop_pool(pool)
    assert not manager.is_alive()


def _in_a_fresh_process(code: str) -> subprocess.CompletedProcess[str]:
    """`code` run by a process with no other thread (pytest's may have some)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_a_process_with_one_thread_forks_its_workers() -> None:
    """The CLI's case: the workers start with the extractor the parent has warmed."""
    done = _in_a_fresh_process(
        "from byline.corpus.pool import start_pool, stop_pool\n"
        "pool = start_pool(2)\n"
        "print(pool._mp_context.get_start_method())\n"
        "stop_pool(pool)\n"
    )
    assert done.stdout.strip() == "fork", done.stderr


def test_forked_workers_start_with_the_extractor_warmed() -> None:
    """Warmed once in the parent before the fork, not once in each worker, and then out of the
    collector's sight (gc.freeze): the parent's later collections need not walk its tables."""
    done = _in_a_fresh_process(
        "import gc, sys\n"
        "from byline.corpus.pool import start_pool, stop_pool\n"
        "pool = start_pool(2)\n"
        "from byline.extract.lexicons import lexicons\n"
        "print('byline.extract' in sys.modules, lexicons.cache_info().currsize, gc.get_freeze_count() > 10_000)\n"
        "stop_pool(pool)\n"
    )
    assert done.stdout.split() == ["True", "1", "True"], done.stderr


@pytest.mark.parametrize(("forks", "read_here"), [(True, 0), (False, 1)])
def test_the_first_chunk_goes_to_workers_that_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: bool, read_here: int
) -> None:
    """Forked workers start warm at once: this process reads no chunk itself and walks on.
    Workers from a fork server take a third of a second to start: the first chunk is read here."""
    root = tmp_path / "news"
    root.mkdir()
    files = pipeline.POOL_THRESHOLD + pipeline.CHUNK
    for n in range(files):
        (root / f"{n:03d}.txt").write_text(f"Title {n}\n\nParagraph {n}.\n", encoding="utf-8")
    queued = [0]  # files queued for reading so far
    started: list[int] = []  # files queued when the pool was started
    here: list[int] = []  # chunks read in this process
    real_queue, real_done = pipeline._Run._queue, pipeline._done

    def counted(self: pipeline._Run, key: str, stat: object) -> None:
        queued[0] += 1
        real_queue(self, key, stat)  # type: ignore[arg-type]

    def start(workers: int) -> ThreadPoolExecutor:
        started.append(queued[0])
        return ThreadPoolExecutor(workers)

    def read_in_process(chunk: list) -> object:
        here.append(len(chunk))
        return real_done(chunk)

    monkeypatch.setattr(pipeline, "forks_here", lambda: forks)
    monkeypatch.setattr(pipeline, "start_pool", start)
    monkeypatch.setattr(pipeline, "stop_pool", lambda pool: pool.shutdown())
    monkeypatch.setattr(pipeline, "_done", read_in_process)
    monkeypatch.setattr(pipeline._Run, "_queue", counted)
    entries = [e for batch in load_corpus([str(root)], use_cache=False, workers=2) for e in batch.entries]
    assert len(entries) == files
    assert started == [pipeline.FORKED_POOL_THRESHOLD if forks else pipeline.POOL_THRESHOLD]
    assert len(here) == read_here


def test_a_process_with_threads_starts_its_workers_from_the_fork_server() -> None:
    """The app's case: forking a threaded process can copy a held lock into the child."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        pool = start_pool(1)
        assert pool is not None
        try:
            assert pool._mp_context.get_start_method() == "forkserver"  # type: ignore[attr-defined]
        finally:
            stop_pool(pool)
    finally:
        stop.set()
        other.join()


def test_a_signal_during_the_fork_is_not_lost() -> None:
    """A handler run during a fork runs in an at-fork hook, which drops its exception: `byline
    index` signalled then ran on to its end (seen in the suite). Held back, it ends the start."""
    done = _in_a_fresh_process(
        "import os, signal\n"
        "from multiprocessing import resource_tracker\n"
        "from byline.corpus.pool import start_pool\n"
        "def stop(signum, frame):\n"
        "    raise SystemExit(7)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        "resource_tracker.ensure_running()\n"
        "os.register_at_fork(before=lambda: os.kill(os.getpid(), signal.SIGTERM))\n"
        "start_pool(2)\n"
        "print('the signal was lost')\n"
    )
    assert done.returncode == 7, (done.stdout, done.stderr)


def test_a_cancelled_load_ends_without_its_last_batch(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(3_000):
        (root / f"{i:04d}.txt").write_text(f"Title {i}\n\nParagraph {i}.\n", encoding="utf-8")
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # wanted at first, then not

    batches = list(load_corpus([str(root)], workers=0, cancelled=cancelled))
    assert len(asked) == 2
    assert not any(batch.total is not None and batch.done == batch.total for batch in batches)
    assert sum(len(batch.entries) for batch in batches) < 3_000
