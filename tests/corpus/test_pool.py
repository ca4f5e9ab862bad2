"""Worker processes end when their load does: a quit during a cold load never waits on their queue."""

from __future__ import annotations

import time
from pathlib import Path

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
