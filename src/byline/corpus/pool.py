"""The worker pool: loading and analysing files in other processes.

This is the one module of `byline.corpus` that runs the extractor (see the
import contracts in pyproject.toml): workers load a file, analyse its articles
and encode the results for the cache; the parent only decodes them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from byline.model import Analysis, Article

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from byline.corpus.cache import FileRecord
    from byline.load import FileStat

log = logging.getLogger(__name__)

WORKER_NICENESS = 10


def extractor_version() -> str:
    """The extractor's version: cached results of another version are read again."""
    from byline.extract import EXTRACTOR_VERSION

    return str(EXTRACTOR_VERSION)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def start_pool(workers: int) -> Executor | None:
    """Worker processes, or None when this system cannot start them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        # forkserver, not fork: the app calls this from a thread, and forking a
        # threaded process can copy a held lock into the child.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            # Imported once in the server, not once per worker (the extractor's lexicons take a while).
            context.set_forkserver_preload(["byline.corpus.pool", "byline.load", "byline.extract"])
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init)
    except Exception as error:  # no /dev/shm, no semaphores, a sandbox...
        log.warning("cannot start worker processes (%s); reading in-process", error)
        return None


def _worker_init() -> None:
    import signal

    # Ctrl+C is for the parent to handle; workers end when it shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Below the parent: its walk, its writes and (in the app) the UI come first;
    # the workers still get every cycle the parent leaves.
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):
        pass


def read_files(chunk: list[tuple[str, FileStat]]) -> list[FileRecord]:
    """Load and analyse files: the work done in a worker process."""
    from byline.extract import analyse
    from byline.load import load_file
    from byline.corpus.cache import FileRecord, encode_file

    records = []
    for key, stat in chunk:
        result = load_file(Path(stat.path))
        pairs = [_analyse(analyse, article) for article in result.articles]
        bodies = [article.body for article, _ in pairs]
        records.append(FileRecord(key, stat.size, stat.mtime_ns, encode_file(stat.path, pairs, result.skipped), bodies))
    return records


def _analyse(analyse: Callable[[Article], Analysis], article: Article) -> tuple[Article, Analysis]:
    try:
        return article, analyse(article)
    except Exception as error:  # the extractor's bug must not lose the article
        warning = f"quotes and entities could not be extracted ({type(error).__name__}: {error})"
        return replace(article, warnings=(*article.warnings, warning)), Analysis()
