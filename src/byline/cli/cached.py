"""The commands' way through the corpus cache: `list`, `extract` and `search` print from
what the cache holds for unchanged files, and analyse only new and changed ones.

What they print is what a fresh analysis prints (`--no-cache`): entries come in the
order of the walk, under the paths loading gives articles (`str(Path(...))`), and
every skipped file is reported as `load_or_exit` reports it. `search` also keeps its
whole index in the cache (`byline.search.snapshot`), filed under the paths and
stamped with the walk, so that asking again over unchanged files reads one BLOB.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from byline.cli.common import exit_if_none, paths_or_default, report_or_exit, say_skipped
from byline.corpus.walk import Walk
from byline.model import Analysis, Article, Entry, Skipped

if TYPE_CHECKING:
    from byline.corpus.cache import CorpusCache
    from byline.search import SearchIndex


def load_cached(
    paths: list[str], walk: Walk | None = None, *, details: bool = False, use_cache: bool = True
) -> tuple[list[Entry], list[Skipped]]:
    """Entries and skipped files under `paths` (see `paths_or_default`) through the corpus cache
    (or, `use_cache=False`, all analysed afresh and nothing stored), as `load_paths` orders and names them."""
    skipped: list[Skipped] = []
    entries = list(streamed_cached(paths, skipped, walk, details=details, use_cache=use_cache))
    return entries, skipped


def streamed_cached(
    paths: list[str],
    skipped: list[Skipped],
    walk: Walk | None = None,
    *,
    details: bool = False,
    analysis: bool = True,
    use_cache: bool = True,
    report: Callable[[Skipped], object] | None = None,
) -> Iterator[Entry]:
    """`load_cached`'s entries, each given as soon as every file before it in the walk is in,
    not once all are: `byline extract` prints while the rest is analysed, and a script reading
    it starts at once. Each skipped file is put in `skipped` (and given to `report`) in its place
    in the walk, as the entries before it are given. `analysis=False`: without their quotes and
    entities (see `load_corpus`). A file given twice has its entries in both places, as loading
    gives them."""
    from byline.corpus import load_corpus

    fed = walk is None  # a `Walk` load_corpus fills as it walks: a file has its place before its entries come
    walk = Walk() if walk is None else walk
    waiting: dict[int, list[Entry]] = {}
    waiting_skipped: dict[int, list[Skipped]] = {}
    settled: set[int] = set()
    next_place = 0
    met: dict[str, int] = {}
    """How many times each file's entries (or its reason to be skipped) have come: a file given
    twice comes twice, and its second coming is its second place in the walk."""
    coming: tuple[str, str] | None = None
    """The file whose entries came last, and the first of them: a batch may end inside a feed's entries."""
    place = 0
    named = _Names()

    def place_of(file: str) -> int:
        meeting = met[file] = met.get(file, -1) + 1
        return walk.place(file, meeting)

    def given(at: int) -> Iterator[Entry]:
        yield from map(named, waiting.pop(at, ()))
        for item in waiting_skipped.pop(at, ()):
            # A file that loading could not read is named as loading names it; a path the walk passed over, as given.
            item = Skipped(str(Path(item.path)), item.reason) if item.path in walk.files else item
            skipped.append(item)
            if report is not None:
                report(item)

    for batch in load_corpus(
        paths, details=details, analysis=analysis, use_cache=use_cache, watch=walk if fed else None
    ):
        for note in batch.notes:
            print(f"byline: {note}", file=sys.stderr)
        for entry in batch.entries:
            file = walk.file_of(entry.path)
            # A file's entries come together: another file's, or this one's first again, begin the next coming.
            if coming is None or coming[0] != file or coming[1] == entry.path:
                if coming is not None:
                    settled.add(place)  # the file before is whole
                place, coming = place_of(file), (file, entry.path)
            waiting.setdefault(place, []).append(entry)
        for item in batch.skipped:
            reason_place = place_of(walk.file_of(item.path))
            waiting_skipped.setdefault(reason_place, []).append(item)
            settled.add(reason_place)
        while next_place in settled:
            yield from given(next_place)
            next_place += 1
    for rest in sorted(waiting.keys() | waiting_skipped.keys()):
        yield from given(rest)


class _Names:
    """Puts an entry under the path loading gives its file (`str(Path(...))`, as `load_paths` names
    it), worked out once per folder rather than once per entry: 0.6 s of 7 at 100,000 entries."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, entry: Entry) -> Entry:
        file_path, sep, rest = entry.path.partition("#")
        folder, slash, name = file_path.rpartition(os.sep)
        if not (slash and name):
            entry.path = str(Path(file_path)) + sep + rest
            return entry
        prefix = self._folders.get(folder)
        if prefix is None:
            # A file's name is one part, never "." or "..": `Path` changes only its folder's parts.
            prefix = self._folders[folder] = str(Path(folder + slash + "x"))[:-1]
        entry.path = prefix + name + sep + rest
        return entry


def streamed_or_exit(
    args_paths: list[str], *, analysis: bool = True, use_cache: bool = True, skipped: list[Skipped] | None = None
) -> Iterator[Entry]:
    """`load_or_exit`'s articles, as entries with `Entry.details` (and, unless `analysis=False`,
    their quotes and entities), given as `streamed_cached` gives them; each skipped file reported
    in its place among them (and put in `skipped`, if given): `byline list | head` still says
    what was skipped before it stopped."""
    skipped = [] if skipped is None else skipped
    given = 0
    paths = paths_or_default(args_paths)
    streamed = streamed_cached(paths, skipped, details=True, analysis=analysis, use_cache=use_cache, report=say_skipped)
    for entry in streamed:
        given += 1
        yield entry
    exit_if_none(args_paths, given)


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
    from byline.corpus.snapshots import snapshot_key
    from byline.search import snapshot

    paths = paths_or_default(args_paths)
    walk = Walk.of(paths)
    key = snapshot_key(paths, "cli")
    cache = _open_cache()
    try:
        held = _get(cache, key, walk.stamp, paths)
        if held is not None:
            report_or_exit(args_paths, held[1].entries, held[0])
            return held[1]
        skipped: list[Skipped] = []
        index = _indexed(streamed_cached(paths, skipped, walk), stored=cache is not None)
        report_or_exit(args_paths, index.entries, skipped)
        text = index.text
        if cache is not None:
            from byline.corpus import snapshots

            dumped = snapshot.dump(index, with_text=not getattr(text, "full", False))
            snapshots.keep(cache, key, walk.stamp, len(walk.files), skipped, b"", *dumped)
        return _with_text_beyond_memory(index, paths)
    finally:
        if cache is not None:
            cache.close()


INDEXED_STEP = 1_000
"""Entries indexed (and their bodies read) at a time: memory holds one step's bodies, not all."""


def _indexed(entries: Iterable[Entry], *, stored: bool) -> SearchIndex:
    """A search index over `entries` with their text while memory has room for it; past the
    first 50,000 it keeps stand-ins that read the rest from the cache (as the app does)."""
    from byline.corpus import read_bodies
    from byline.corpus.paged import Pager
    from byline.search import SearchIndex

    index, pager, given = SearchIndex(), Pager(), iter(entries)
    while whole := list(islice(given, INDEXED_STEP)):
        full = getattr(index.text, "full", False)
        bodies = [None] * len(whole) if full else [body for _, body in read_bodies(whole)]
        index.add(whole, bodies, kept=pager.of(whole, stored=stored))
    return index


def _with_text_beyond_memory(index: SearchIndex, paths: list[str]) -> SearchIndex:
    """`index`, its text searched in the cache's FTS5 index when memory could not hold it all
    (or the snapshot it came from holds none): text hits past the first ~15,000 articles."""
    from byline.search.sources import MemoryTextSource

    text = index.text
    if isinstance(text, MemoryTextSource) and (text.full or not len(text)):
        index.text_from_cache(paths)
    return index


def _open_cache() -> CorpusCache | None:
    from byline.corpus.cache import CacheUnavailable, CorpusCache

    try:
        return CorpusCache.open()
    except CacheUnavailable:
        return None  # load_corpus says so


def _get(
    cache: CorpusCache | None, key: bytes, stamp: bytes, paths: list[str]
) -> tuple[list[Skipped], SearchIndex] | None:
    from byline.corpus import snapshots
    from byline.search import snapshot

    found = snapshots.held(cache, key, stamp) if cache is not None else None
    if found is None:
        return None
    try:
        return found.skipped, _with_text_beyond_memory(snapshot.load(found.take_index, found.parts()), paths)
    except ValueError:  # a damaged snapshot only means building the index again
        return None
