"""What the sub-commands share: loading with a report, and printing."""

from __future__ import annotations

import sys

from byline.load import LoadResult, load_paths, sample_corpus
from byline.load.clean import printable
from byline.model import Entry, Skipped

MAX_SKIPPED_SHOWN = 20


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


def load_entries_or_exit(paths: list[str]) -> list[Entry]:
    """The entries under PATHs (the sample corpus if none) through the corpus cache:
    a file unchanged since the last run is not analysed again. In path order, so that
    output is the same on a cold run and a warm one.

    Exits with status 1 when nothing at all could be loaded.
    """
    from byline.corpus import load_corpus

    entries: list[Entry] = []
    skipped: list[Skipped] = []
    for batch in load_corpus([str(p) for p in paths] or [str(sample_corpus())]):
        entries.extend(batch.entries)
        skipped.extend(batch.skipped)
        for note in batch.notes:
            print(f"byline: {note}", file=sys.stderr)
    for item in skipped[:MAX_SKIPPED_SHOWN]:
        print(f"byline: skipped {printable(item.path)}: {item.reason}", file=sys.stderr)
    if len(skipped) > MAX_SKIPPED_SHOWN:
        print(f"byline: ... and {len(skipped) - MAX_SKIPPED_SHOWN:,} more skipped", file=sys.stderr)
    if not entries:
        fail("no articles could be loaded" + (f" from {' '.join(map(printable, paths))}" if paths else ""))
    entries.sort(key=lambda entry: entry.path)
    return entries


def shown(text: str | None) -> str:
    """One line, control characters made visible (�) and inert: names and titles on a terminal."""
    return printable(" ".join((text or "").split()))
