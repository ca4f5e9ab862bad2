"""Entries whose quotes and entities stay in the cache: what a snapshot too big for memory gives.

A million `PackedEntry`s take ~1.6 GB (their packed bytes are most of it); the list and the
search need only a title, author, id, path, date, source and number of quotes at once. A
`PagedEntry` holds those, and reads the rest from its file's record in the corpus cache when
first asked, each time: `RecordPages` keeps the last few hundred read (an LRU), which is what the rows on screen,
the article open and a page of search results ask for again and again. Nothing read is kept on
the entry, so walking every entry (the people tables) costs time, not memory.

The snapshot that made these entries was checked against the files' stamps, so the cache's
records are the very ones it was made from; a record gone or changed meanwhile (another
process re-read the file) gives an entry with no quotes or entities rather than an error.
"""

from __future__ import annotations

import marshal
import os
import threading
from collections import OrderedDict
from itertools import starmap
from typing import TYPE_CHECKING

from byline.corpus.records import PACKED_END, EntryDecoder, StandIn
from byline.model import Batch, Entry, Quote

if TYPE_CHECKING:
    from byline.corpus.cache import CorpusCache

SLOTS = ("quotes", "entities", "warnings", "mention_spans", "quote_sentences", "details")
"""The `Entry` fields read from the cache (`entry_row(...)[4:PACKED_END]`, in that order)."""
_EMPTY: tuple = ((), (), (), b"", b"", ())
PAGED_FROM = 150_001
"""From this many entries on, a snapshot (`byline.search.snapshot`) holds its entries as
`PagedEntry`s: a million packed entries would take 1.6 GB; their columns take ~0.4 GB."""
WHOLE_KEPT = 50_000
"""Entries an opening made file by file keeps whole before it keeps `PagedEntry` stand-ins
(`Pager`): a million whole entries took 4 GB, and 150,000 of them ~400 MB of a 1.5 GB budget.
Past it, the first opening of a mid-sized corpus reads quotes back from the cache for its
people tables (seconds more); the snapshot it keeps packs them, as it packs whole ones."""
KEPT = 512
"""Records kept read: a screenful of rows, a page of search results and the open article, many times over."""
SHARED_MAX = 50_000
"""Entities the reads share (one object for each name, type and count) before the sharing starts
afresh: a walk through a million records met every entity of the corpus, and kept them all."""
AHEAD = 128
"""Records fetched by one query, from the one asked for on in path order: the people tables read
every entry in walk order, a query each would be most of their time (minutes at a million)."""


class RecordPages:
    """Reads entries' packed fields from the corpus cache (opened on first read), the latest `kept` at hand.

    Thread-safe: the list paints on the UI thread while workers build the people tables."""

    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._recent: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()
        self._cache: CorpusCache | None = None
        self._unavailable = False
        self._decoder = EntryDecoder()  # shares speakers' and entities' objects between reads
        self._ahead: dict[str, bytes] = {}
        """Records fetched with the last one read and not yet asked for, still packed."""
        self.reads = 0
        """Records read (unpacked) so far, and queries made: tests count them."""
        self.queries = 0

    def fields(self, entry: Entry) -> tuple:
        """`entry`'s fields in `SLOTS` order, from the LRU or its file's record."""
        with self._lock:
            found = self._recent.get(entry.path)
            if found is not None:
                self._recent.move_to_end(entry.path)
                return found
            if len(self._decoder._entities) > SHARED_MAX:
                self._decoder = EntryDecoder()
            found = self._read(entry)
            self._recent[entry.path] = found
            if len(self._recent) > self._kept:
                self._recent.popitem(last=False)
            return found

    def _read(self, entry: Entry) -> tuple:
        from byline.corpus.cache import CacheUnavailable, CorpusCache

        if self._cache is None and not self._unavailable:
            try:
                # Only to read: a snapshot is written (in one transaction) from these reads, and
                # `open` would wait for that transaction's write lock, then read nothing at all.
                self._cache = CorpusCache.open_to_read()
            except CacheUnavailable:
                self._unavailable = True
        if self._cache is None:
            return _EMPTY
        self.reads += 1
        # A feed's entries are "file#n": the record is the file's.
        path, _, number = entry.path.rpartition("#")
        file = path if path and number.isdigit() else entry.path
        try:
            key = os.path.abspath(file)
            data = self._ahead.pop(key, None)
            if data is None:
                self.queries += 1
                self._ahead = dict(self._cache.records_from(key, AHEAD))
                data = self._ahead.pop(key, None)
            rows = marshal.loads(data)[0] if data is not None else ()
            suffix = entry.path[len(file) :]
            for row in rows:
                if row[0] == suffix and row[1] == entry.id:
                    # Only this entry's fields, as `PackedEntry` unpacks them: no whole `Entry`
                    # made of each row, which was most of the people tables' time.
                    quotes, entities, warnings, spans, sentences = row[4 : PACKED_END - 1]
                    entity = self._decoder._entity
                    return (
                        tuple(starmap(Quote, quotes)),
                        tuple(map(entity, entities)),
                        warnings,
                        spans,
                        sentences,
                        (),  # the details the command line prints: empty in the app, as `EntryDecoder` gives
                    )
        except Exception:  # only a cache: an entry without quotes beats a failure
            return _EMPTY
        return _EMPTY

    def close(self) -> None:
        with self._lock:
            if self._cache is not None:
                self._cache.close()
            self._cache = None
            self._recent.clear()
            self._ahead.clear()


class PagedEntry(StandIn):
    """An entry whose quotes, entities and the rest are read from the cache on every read (through
    `RecordPages`'s LRU), never kept: see the module's docstring."""

    __slots__ = ("_pages",)

    def __init__(self, columns: tuple[str, str, str, str, str, str, int], pages: RecordPages) -> None:
        super().__init__(*columns)
        self._pages = pages


assert len(SLOTS) == PACKED_END - 4


def _read_from_cache(number: int) -> property:
    def read(entry: PagedEntry) -> object:
        return entry._pages.fields(entry)[number]

    return property(read)


# Set on the class after it is made, as `PackedEntry` does: the fields keep their `Entry` types.
for _number, _name in enumerate(SLOTS):
    setattr(PagedEntry, _name, _read_from_cache(_number))


class Pager:
    """Stand-ins for an opening's entries past the first `WHOLE_KEPT`: `PagedEntry`s, which
    read their quotes and the rest back from the cache when asked, so that opening a million
    articles for the first time does not hold a million whole entries. Whole entries are what
    the search index is built from; their stand-ins are what is kept."""

    def __init__(self, whole: int | None = None) -> None:
        self.whole = WHOLE_KEPT if whole is None else whole
        self.seen = 0
        self.pages: RecordPages | None = None

    def stand_ins(self, batch: Batch) -> list[Entry]:
        """`batch.entries`, those past the first `whole` of the opening as `PagedEntry`s when their
        records are in the cache (`Batch.stored`); else the very entries."""
        return self.of(batch.entries, stored=batch.stored)

    def of(self, entries: list[Entry], *, stored: bool) -> list[Entry]:
        """`stand_ins` for entries that come otherwise than in a `Batch`: `stored` says whether
        their records are in the cache."""
        start = max(0, self.whole - self.seen)
        self.seen += len(entries)
        if start >= len(entries) or not stored:
            return entries
        pages = self.pages = self.pages or RecordPages()
        paged = [
            PagedEntry((e.id, e.path, e.title, e.author, e.date, e.source, e.quote_count), pages)
            for e in entries[start:]
        ]
        return entries[:start] + paged
