"""Fuzzy search over a corpus: titles, quotes, speakers, entities, and text.

The same speaker or entity stands in thousands of articles, so the index
holds each distinct string once (a *document*) with the articles it comes
from, and matching runs over the distinct strings only.

Matching goes word by word, which is what forgives typos and word order:
each typed word expands, through the shared `Vocabulary`, into the known words
it may mean (itself, words it begins, words a typo or two away); the posting
lists of those words give the candidate documents, scored by how many typed
words they hold and how well; the best few hundred are re-ranked with
rapidfuzz's WRatio against the whole query. Nothing scans every string for a
keystroke, which keeps a query in milliseconds at 100,000 articles.

Article text comes from a pluggable `TextSource`: `MemoryTextSource` (in
`byline.search.sources`) holds paragraphs in memory up to a budget; a source
over SQLite FTS5 can take its place for large corpora.

Entries are only ever appended, batch by batch as they load; to drop some,
build a new index (about a second per 10,000 articles without text).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from byline.corpus import Corpus, read_bodies
from byline.heap import give_back
from byline.model import Entry, Hit
from byline.search.engine import match_documents
from byline.search.flat import FlatLists, FlatPostings
from byline.search.query import ALL_FIELDS, ENTITY, KIND_NAME, PERSON, QUOTE, SPEAKER, TITLE, Query, parse_query
from byline.search.sources import TextSource
from byline.search.vocabulary import Highlighter, Vocabulary, word_list

RERANK = 150
"""Candidates re-scored with WRatio: enough that the best are among them."""
_KIND_RANK = (3, 1, 2, 2, 2)
"""Near ties go to titles, then names, then quotes."""


class SearchIndex:
    """Titles, quotes, speakers and entities of a corpus, and its text.

    Thread-safe: the app adds batches on one worker while searching on another.
    """

    def __init__(self, text: TextSource | None = None, *, with_text: bool = True) -> None:
        self.vocab = Vocabulary()
        self.entries: list[Entry] = []
        self._kind = bytearray()
        self._string: list[str] = []
        self._detail: list[str] = []
        self._refs = FlatLists()
        """Per document, flattened (entry, start, end) triples; -1 where there is no offset."""
        self._ids: list[dict[str, int]] | None = [{} for _ in ALL_FIELDS]
        """Per kind, string -> document, to add to; None (a loaded snapshot) until entries are added.
        (A dict per kind, not one keyed by (kind, string): a tuple per document was 35 MB at a
        million, left scattered through the heap once let go.)"""
        self._postings = FlatPostings()
        if text is None and with_text:
            from byline.search.sources import MemoryTextSource

            text = MemoryTextSource(self.vocab)
        self.text = text
        self._lock = threading.RLock()
        self.generation = 0
        """Bumped whenever entries are added: a search shown for an older one may be stale."""
        self.coverage: tuple[int, int | None] | None = None
        """While loading goes on (set by the loader): files whose entries are searchable, of
        how many (None until the walk is over). None once everything is in."""

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def strings(self) -> int:
        """Distinct strings held, over all kinds."""
        return len(self._string)

    def add(
        self, entries: Iterable[Entry], bodies: Iterable[str | None] | None = None, *, kept: list[Entry] | None = None
    ) -> None:
        """Append entries (and, if given, their bodies for the text search). `kept`, if given,
        is what the index keeps in their place, one for each (their `PagedEntry` stand-ins)."""
        entries = list(entries)
        texts = list(bodies) if bodies is not None else [None] * len(entries)
        held = entries if kept is None else kept
        if len(held) != len(entries):
            raise ValueError(f"{len(held):,} entries kept for {len(entries):,}")
        with self._lock:
            if self._ids is None:
                self._ids = [{} for _ in ALL_FIELDS]
                for doc, (kind, string) in enumerate(zip(self._kind, self._string)):
                    self._ids[kind][string] = doc
            for entry, body, stand_in in zip(entries, texts, held):
                index = len(self.entries)
                self.entries.append(stand_in)
                self._add_entry(index, entry)
                if body is not None and self.text is not None:
                    self.text.add(index, body)
            self.generation += 1

    def settle(self) -> None:
        """Once loading is over: let go of what only adding entries needs (the map from each
        (kind, string) to its document, ~150 MB at a million articles; made again if entries
        are added), and flatten the reference and posting lists."""
        with self._lock:
            self._ids = None
            # One flat array each, not an array per string and per word: less memory, and what
            # a snapshot writes as it is (a copy of each at a million was ~0.5 GB at once).
            self._refs.compact()
            self._postings.compact()
        # The small lists just let go are a few hundred MB at a million articles: back to the system.
        give_back()

    def text_from_cache(self, roots: list[str]) -> None:
        """From now on, search article text in the corpus cache's FTS5 index (past what memory
        holds), its hits mapped to these entries now rather than on the first query. Nothing
        changes without a usable cache."""
        from byline.corpus.fulltext import FullTextIndex
        from byline.search.sources import FullTextSource

        found = FullTextIndex.open()
        if found is not None:
            source = FullTextSource(found, self.entries, roots=roots)
            source.catch_up()  # a second at a million entries
            self.text = source

    def clear(self) -> None:
        """Back to empty, text source and all: what a stale snapshot put here goes."""
        fresh = SearchIndex(with_text=self.text is not None)
        with self._lock:
            self.vocab, self.entries, self.text = fresh.vocab, fresh.entries, fresh.text
            self._kind, self._string, self._detail = fresh._kind, fresh._string, fresh._detail
            self._refs, self._ids, self._postings = fresh._refs, fresh._ids, fresh._postings
            self.generation += 1

    def add_text(self, entry: int, body: str) -> bool:
        """Index the body of an entry already added; False if there is no room."""
        if self.text is None:
            return False
        with self._lock:
            self.generation += 1
            return self.text.add(entry, body)

    def _add_entry(self, index: int, entry: Entry) -> None:
        self._add(TITLE, entry.title, index)
        first_quote: dict[str, tuple[int, int]] = {}
        for quote in entry.quotes:
            self._add(QUOTE, quote.text, index, quote.start, quote.end)
            if quote.speaker and quote.speaker not in first_quote:
                first_quote[quote.speaker] = (quote.start, quote.end)
        for speaker, (start, end) in first_quote.items():
            self._add(SPEAKER, speaker, index, start, end)
        for entity in entry.entities:
            self._add(PERSON if entity.type == "PERSON" else ENTITY, entity.name, index, detail=entity.type)

    def _add(self, kind: int, string: str, entry: int, start: int = -1, end: int = -1, detail: str = "") -> None:
        string = string.strip()
        if not string:
            return
        assert self._ids is not None  # `add` made it
        ids = self._ids[kind]
        doc = ids.get(string)
        if doc is None:
            doc = ids[string] = len(self._string)
            self._kind.append(kind)
            self._string.append(string)
            self._detail.append(detail)
            self._refs.add()
            append = self._postings.append
            for word_id in {self.vocab.id(word) for word in word_list(string)}:
                append(word_id, doc)
        self._refs.extend(doc, (entry, start, end))

    def search(self, raw: str, limit: int = 50, per_string: int = 3) -> list[Hit]:
        """The best hits for `raw` (which may start with a kind prefix), best first.

        A string held by many articles gives at most `per_string` hits; the
        rest are counted in `Hit.others`.
        """
        query = parse_query(raw)
        if not query.tokens or limit <= 0:
            return []
        with self._lock:
            hits = self._field_hits(query, limit, per_string)
            if query.with_text and self.text is not None:
                floor = hits[limit - 1].score if len(hits) >= limit else 0.0
                hits.extend(self.text.search(query, limit, floor))
        hits.sort(key=lambda hit: -hit.score)  # stable: a text hit stays below a tie
        return hits[:limit]

    def _field_hits(self, query: Query, limit: int, per_string: int) -> list[Hit]:
        expansions = [self.vocab.expand(token) for token in query.tokens]
        accept = None
        if query.fields != ALL_FIELDS:
            kinds, fields = self._kind, query.fields
            accept = lambda doc: kinds[doc] in fields  # noqa: E731
        ranked = match_documents(expansions, self._postings, max(RERANK, limit), accept)
        # Near ties go to titles, then names, then quotes, then to the string
        # more articles hold: "London" before "London Studios".
        kinds, refs, strings = self._kind, self._refs, self._string
        rescored = sorted(
            (
                (
                    round(0.55 * score + 0.45 * fuzz.WRatio(query.text, strings[doc], processor=default_process), 1),
                    _KIND_RANK[kinds[doc]],
                    len(refs[doc]),
                    doc,
                )
                for score, doc in ranked
            ),
            reverse=True,
        )
        highlighter = Highlighter(query.tokens, expansions, self.vocab)
        hits: list[Hit] = []
        for score, _, _, doc in rescored:
            if len(hits) >= limit:
                break
            string, kind, where = self._string[doc], self._kind[doc], self._refs[doc]
            positions = highlighter.positions(string)
            count = len(where) // 3
            shown = min(count, per_string)
            for at in range(0, 3 * shown, 3):
                entry, start, end = where[at], where[at + 1], where[at + 2]
                hits.append(
                    Hit(
                        kind=KIND_NAME[kind],
                        entry=entry,
                        text=string,
                        score=round(score, 2),
                        positions=positions,
                        start=start if start >= 0 else None,
                        end=end if end >= 0 else None,
                        others=count - shown if at == 3 * (shown - 1) else 0,
                        detail=self._detail[doc],
                    )
                )
        return hits

    def mentioning(self, name: str) -> Callable[[Entry], bool]:
        """`entry.mentions(name)` for a filter over many entries. A whole entry answers itself; a
        stand-in, whose entities are in the cache (past `WHOLE_KEPT`), is answered from the index's
        references, looked up again once more entries are indexed (at a million, reading every
        stand-in's record took tens of seconds of the UI thread)."""
        looked_at: tuple[int, int] | None = None
        named: frozenset[str] = frozenset()

        def mentions(entry: Entry) -> bool:
            nonlocal looked_at, named
            if type(entry) is Entry:
                return entry.mentions(name)
            entries = self.entries
            if looked_at != (id(entries), len(entries)):
                looked_at = (id(entries), len(entries))
                named = frozenset(entries[i].id for i in self.entries_naming(name))
            return entry.id in named

        return mentions

    def entries_naming(self, name: str) -> list[int]:
        """Where in `entries` the entries are that have an entity (a person, a body, a place) of this
        name, from the index's own references: no entry is read (a stand-in would read the cache)."""
        name = name.strip()
        found: list[int] = []
        with self._lock:
            strings, kinds, refs = self._string, self._kind, self._refs
            at = -1
            while True:
                try:
                    at = strings.index(name, at + 1)  # (a scan in C: no (kind, string) map once settled)
                except ValueError:
                    return found
                if kinds[at] in (PERSON, ENTITY):
                    where = refs[at]
                    found.extend(where[i] for i in range(0, len(where), 3))

    def lines(self) -> Iterable[str]:
        """Every distinct string held, one per line (for comparing with other tools)."""
        return (string.replace("\n", " ") for string in self._string)


def fill_text(index: SearchIndex, start: int = 0, cancelled: Callable[[], bool] = lambda: False) -> int:
    """Read the bodies of `index.entries[start:]` back from their files into
    the text source, until it is full; returns how many were taken.

    Bodies are not kept by the corpus, so this reads each file once more (a
    feed once for all its entries); a file gone or changed is passed over.
    Meant for a worker thread; `cancelled` is asked between files.
    """
    if index.text is None:
        return 0
    taken = 0
    for number, (_, body) in enumerate(read_bodies(index.entries[start:], cancelled), start):
        if body is None:
            continue
        if not index.add_text(number, body):
            break
        taken += 1
    return taken


def build_index(corpus: Corpus, with_text: bool = True) -> SearchIndex:
    """An index over every entry of `corpus`, with their text while the text source has room."""
    index = SearchIndex(with_text=with_text)
    index.add(corpus.entries)
    fill_text(index)
    return index


def quote_number(entry: Entry, hit: Hit) -> int | None:
    """The number of the quote a quote or speaker hit points at, as the reader and sidebar count."""
    if hit.kind not in ("quote", "speaker"):
        return None
    return next((number for number, quote in enumerate(entry.quotes) if quote.start == hit.start), None)
