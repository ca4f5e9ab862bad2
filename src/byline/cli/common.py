"""What the sub-commands share: loading with a report, and printing."""

from __future__ import annotations

import sys

from byline.load import LoadResult, load_paths, sample_corpus


def load_or_exit(paths: list[str]) -> LoadResult:
    """Load PATHs (the sample corpus if none), report skipped files on stderr.

    Exits with status 1 when nothing at all could be loaded.
    """
    result = load_paths(paths or [sample_corpus()])
    report_skipped(result)
    if not result.articles:
        fail("no articles could be loaded" + (f" from {' '.join(paths)}" if paths else ""))
    return result


def report_skipped(result: LoadResult) -> None:
    for skipped in result.skipped:
        print(f"byline: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)


def fail(message: str, status: int = 1) -> None:
    print(f"byline: {message}", file=sys.stderr)
    raise SystemExit(status)
