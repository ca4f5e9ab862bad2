"""A stand-in for `byline.corpus.load_corpus` that gives the batches a test wants, when it wants."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from byline.corpus.walk import WalkWatcher
from byline.load import FileStat, iter_file_stats
from byline.model import Batch


def giving(batches: list[Batch], before_each: Callable[[int], None]) -> Callable[..., Iterator[Batch]]:
    """A `load_corpus` giving `batches`, calling `before_each(n)` before batch number n."""

    def load_corpus(paths: list[str], *, watch: WalkWatcher | None = None, **options: object) -> Iterator[Batch]:
        # The real one feeds `watch` each file as it walks it, before any of its entries: here
        # the walk is all fed first, so that the batches may come in whatever order a test likes.
        for item in iter_file_stats(paths) if watch is not None else ():
            if isinstance(item, FileStat):
                watch.file(*item)
            else:
                watch.skipped(item)
        for n, batch in enumerate(batches):
            before_each(n)
            yield batch

    return load_corpus
