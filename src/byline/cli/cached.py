"""The commands' way through the corpus cache: `list`, `extract` and `search` print from
what the cache holds for unchanged files, and analyse only new and changed ones.

What they print is what a fresh analysis prints (`--no-cache`): entries come in the
order of the walk, under the paths loading gives articles (`str(Path(...))`), and
every skipped file is reported as `load_or_exit` reports it. `search` also keeps its
whole index in the cache (`byline.search.snapshot`), filed under the paths and
stamped with the walk, so that asking again over unchanged files reads one BLOB.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from byline.cli.common import fail, nothing_loaded, paths_or_default, report_skipped
from byline.corpus.walk import Walk
from byline.load import LoadResult
from byline.model import Analysis, Article, Entry, Skipped

if TYPE_CHECKING:
    from byline.corpus.cache import CorpusCache
    from byline.search import SearchIndex


def load_cached(
    paths: list[str], walk: Walk | None = None, *, details: bool = False, use_cache: bool = True
) -> tuple[list[Entry], list[Skipped]]:
    """Entries and skipped files under `paths` (see `paths_or_default`) through the corpus cache
    (or, `use_cache=False`, all analysed afresh and nothing stored), as `load_paths` orders and names them."""
    from byline.corpus import load_corpus

    walk = walk or Walk.of(paths)
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    for batch in load_corpus(paths, details=details, use_cache=use_cache):
        entries.extend(batch.entries)
        skipped.extend(batch.skipped)
        for note in batch.notes:
            print(f"byline: {note}", file=sys.stderr)
    entries.sort(key=lambda entry: walk.place(entry.path))  # stable: a feed's entries keep their order
    skipped.sort(key=lambda item: walk.place(item.path))
    for entry in entries:
        file_path, sep, rest = entry.path.partition("#")
        entry.path = str(Path(file_path)) + sep + rest
    # A file that loading could not read is named as loading names it; a path the walk passed over, as given.
    skipped = [Skipped(str(Path(s.path)), s.reason) if s.path in walk.files else s for s in skipped]
    return entries, skipped


def report_or_exit(args_paths: list[str], entries: list[Entry], skipped: list[Skipped]) -> None:
    """Report skipped files as `load_or_exit` does; exit with status 1 when nothing could be loaded."""
    report_skipped(LoadResult(skipped=skipped))
    if not entries:
        hint = "" if args_paths else " (no articles fetched yet? 'byline feeds refresh' fetches them)"
        fail(nothing_loaded(args_paths) + hint)


def listed_or_exit(args_paths: list[str], *, use_cache: bool = True) -> tuple[list[Entry], list[Skipped]]:
    """`load_or_exit` through the cache (see `load_cached`): the entries, with `Entry.details`, and the
    skipped files, reported."""
    entries, skipped = load_cached(paths_or_default(args_paths), details=True, use_cache=use_cache)
    report_or_exit(args_paths, entries, skipped)
    return entries, skipped


def as_article(entry: Entry) -> Article:
    """The article an entry (with details) stands for, without its paragraphs (see `paragraphs`)."""
    title, subtitle, format_, date, url, _ = entry.details or (entry.title, "", "text", "", "", 0)
    return Article(
        id=entry.id,
        path=entry.path,
        title=title,
        paragraphs=(),
        subtitle=subtitle,
        author=entry.author,
        format=format_,
        date=date,
        url=url,
        warnings=entry.warnings,
        source=entry.source,
    )


def paragraphs(entry: Entry) -> int:
    return entry.details[5] if entry.details else 0


def as_analysis(entry: Entry) -> Analysis:
    return Analysis(quotes=entry.quotes, entities=entry.entities)


def search_index_or_exit(args_paths: list[str]) -> SearchIndex:
    """The search index over PATHs, with article text: from the cache's snapshot when no file
    changed since it was made, else built from the cached entries and stored for next time."""
    from byline.corpus import read_bodies
    from byline.corpus.snapshots import snapshot_key
    from byline.search import SearchIndex, snapshot

    paths = paths_or_default(args_paths)
    walk = Walk.of(paths)
    key = snapshot_key(paths, "cli")
    cache = _open_cache()
    try:
        held = _get(cache, key, walk.stamp)
        if held is not None:
            skipped, index = held
            report_or_exit(args_paths, index.entries, skipped)
            return index
        entries, skipped = load_cached(paths, walk)
        report_or_exit(args_paths, entries, skipped)
        index = SearchIndex()
        index.add(entries, [body for _, body in read_bodies(entries)])
        if cache is not None:
            from byline.corpus import snapshots

            snapshots.keep(cache, key, walk.stamp, len(walk.files), skipped, b"", *snapshot.dump(index))
        return index
    finally:
        if cache is not None:
            cache.close()


def _open_cache() -> CorpusCache | None:
    from byline.corpus.cache import CacheUnavailable, CorpusCache

    try:
        return CorpusCache.open()
    except CacheUnavailable:
        return None  # load_corpus says so


def _get(cache: CorpusCache | None, key: bytes, stamp: bytes) -> tuple[list[Skipped], SearchIndex] | None:
    from byline.corpus import snapshots
    from byline.search import snapshot

    found = snapshots.held(cache, key, stamp) if cache is not None else None
    if found is None:
        return None
    try:
        return found.skipped, snapshot.load(found.index, found.parts())
    except ValueError:  # a damaged snapshot only means building the index again
        return None
