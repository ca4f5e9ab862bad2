"""What the sub-commands share: loading with a report, and printing."""

from __future__ import annotations

import sys

from byline.load import LoadResult, load_paths


def paths_or_default(paths: list[str]) -> list[str]:
    """PATHs as given, or what Byline opens by default: the samples until the
    first feed subscription, then the fetched articles (`byline.feeds.default_paths`)."""
    if paths:
        return paths
    from byline.feeds import default_paths

    return [str(path) for path in default_paths()]


def load_or_exit(paths: list[str]) -> LoadResult:
    """Load PATHs (the default paths if none), report skipped files on stderr.

    Exits with status 1 when nothing at all could be loaded.
    """
    result = load_paths(paths_or_default(paths))
    report_skipped(result)
    if not result.articles:
        hint = "" if paths else " (no articles fetched yet? 'byline feeds refresh' fetches them)"
        fail("no articles could be loaded" + (f" from {' '.join(paths)}" if paths else hint))
    return result


def report_skipped(result: LoadResult) -> None:
    for skipped in result.skipped:
        print(f"byline: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)


def fail(message: str, status: int = 1) -> None:
    print(f"byline: {message}", file=sys.stderr)
    raise SystemExit(status)
