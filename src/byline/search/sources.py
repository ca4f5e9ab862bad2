"""Where the search finds article text: in memory (`MemoryTextSource`), or in the
corpus cache's FTS5 index (`FullTextSource`).

In memory, paragraphs are the passages.

Bodies are read once, split into the paragraphs `Article.body` is made of,
and indexed word by word through the search's shared vocabulary, so a typo
in the query is forgiven here as it is for titles. A hit is the sentence of
the best passage that holds most of the typed words, with its offsets in the
body, so the reader can scroll to it.

Memory is the limit: past `budget` characters of text the source takes no
more (a corpus that large wants the SQLite FTS5 source of the corpus cache).
"""

from __future__ import annotations

import os
import re
from array import array
from bisect import bisect_left
from typing import TYPE_CHECKING, Protocol

from byline.model import Entry, Hit
from byline.search.engine import TEXT_WEIGHT, match_documents
from byline.search.flat import FlatPostings
from byline.search.query import Query
from byline.search.vocabulary import Highlighter, Vocabulary, word_list

if TYPE_CHECKING:
    from byline.corpus.fulltext import FullTextIndex


class TextSource(Protocol):
    """Where article text is searched: in memory, or (later) SQLite FTS5."""

    def add(self, entry: int, body: str) -> bool:
        """Take in an article's body; False when the source is full."""
        ...

    def search(self, query: Query, limit: int, floor: float = 0.0) -> list[Hit]:
        """At most `limit` text hits scoring `floor` or more, best first, at
        most one per article. (The floor spares building hits that other
        kinds already outrank.)"""
        ...


TEXT_BUDGET = 40_000_000
"""Characters of article text kept: about 15,000 news articles, ~100 MB with the index."""

_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'\u201d\u2019)\]]*)\s+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph (roughly: ends at . ! ? and a space)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end(1)))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class MemoryTextSource:
    def __init__(self, vocab: Vocabulary, budget: int | None = None) -> None:
        self.vocab = vocab
        self.budget = TEXT_BUDGET if budget is None else budget
        self.chars = 0
        self.full = False
        """True once an article was refused for want of room."""
        self._entry = array("i")
        self._offset = array("i")
        self._text: list[str] = []
        self._postings = FlatPostings()

    def __len__(self) -> int:
        return len(self._text)

    def add(self, entry: int, body: str) -> bool:
        if self.chars + len(body) > self.budget:
            self.full = True
            return False
        self.chars += len(body)
        offset = 0
        for paragraph in body.split("\n\n"):
            if paragraph.strip():
                passage = len(self._text)
                self._entry.append(entry)
                self._offset.append(offset)
                self._text.append(paragraph)
                append = self._postings.append
                for word_id in {self.vocab.id(word) for word in word_list(paragraph)}:
                    append(word_id, passage)
            offset += len(paragraph) + 2
        return True

    def search(self, query: Query, limit: int, floor: float = 0.0) -> list[Hit]:
        expansions = [self.vocab.expand(token) for token in query.tokens]
        best: dict[int, tuple[float, int]] = {}
        for score, passage in match_documents(expansions, self._postings, limit * 8):
            if TEXT_WEIGHT * score < floor:
                break  # best first: none further can make the cut
            entry = self._entry[passage]
            if entry not in best:
                best[entry] = (score, passage)
            if len(best) >= limit:
                break
        highlighter = Highlighter(query.tokens, expansions, self.vocab)
        hits = [self._hit(highlighter, entry, score, passage) for entry, (score, passage) in best.items()]
        hits.sort(key=lambda hit: -hit.score)
        return hits

    def _hit(self, highlighter: Highlighter, entry: int, score: float, passage: int) -> Hit:
        """The passage's sentence that holds the most typed words, highlighted."""
        paragraph = self._text[passage]
        positions = highlighter.positions(paragraph)
        spans = sentences(paragraph)
        start, end = max(spans, key=lambda span: bisect_left(positions, span[1]) - bisect_left(positions, span[0]))
        inside = tuple(p - start for p in positions if start <= p < end)
        offset = self._offset[passage]
        return Hit(
            kind="text",
            entry=entry,
            text=paragraph[start:end],
            score=round(TEXT_WEIGHT * score, 2),
            positions=inside,
            start=offset + start,
            end=offset + end,
        )


RUN = 100_000
"""Entries `FullTextSource` maps at a time: one sorted run each (what sorting holds at once stays small)."""


class FullTextSource:
    """Article text through the index cache's SQLite FTS5 index, for corpora
    too large to hold in memory.

    The cache indexes bodies when it indexes files, so `add` has nothing to do;
    hits are mapped back to entries by (absolute path, id).
    """

    full = False

    def __init__(self, index: FullTextIndex, entries: list[Entry], roots: list[str] | None = None) -> None:
        self.index = index
        self.entries = entries
        self.roots = roots
        self._runs: list[tuple[array, array]] = []
        """Entries mapped by their article ids, `RUN` at a time: the ids' hashes in order, and the
        entry of each. No path is worked out (at a million entries a map by absolute path took
        250 MB and the first query a second), nor a dict kept (65 MB at a million: 12 here)."""
        self._seen = 0

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: int, body: str) -> bool:
        return True

    def catch_up(self) -> None:
        """Map the entries added since (a worker may do it ahead of the first query)."""
        entries, first = self.entries, self._seen
        if first < len(entries) and self._runs and len(self._runs[-1][1]) < RUN:
            # A short last run takes the new entries in: added a few at a time (a feed's refresh),
            # runs of a handful each would pile up, and every hit looks in every run.
            first -= len(self._runs.pop()[1])
        for start in range(first, len(entries), RUN):
            numbers = range(start, min(start + RUN, len(entries)))
            hashes = [hash(entries[number].id) for number in numbers]
            order = sorted(range(len(hashes)), key=hashes.__getitem__)
            self._runs.append((array("q", [hashes[i] for i in order]), array("i", [numbers[i] for i in order])))
        self._seen = len(entries)

    def _entry(self, path: str, entry_id: str) -> int | None:
        """The entry of the hit at `path` (absolute) with `entry_id`, if it is one of ours: of the
        entries holding that article (copies of it), the first whose file is at `path`."""
        wanted, candidates = hash(entry_id), []
        for hashes, numbers in self._runs:
            at = bisect_left(hashes, wanted)
            while at < len(hashes) and hashes[at] == wanted:
                candidates.append(numbers[at])
                at += 1
        entries = self.entries
        return next(
            (
                at
                for at in sorted(candidates)
                if entries[at].id == entry_id and os.path.abspath(entries[at].path) == path
            ),
            None,
        )

    def search(self, query: Query, limit: int, floor: float = 0.0) -> list[Hit]:
        self.catch_up()
        hits = []
        for rank, found in enumerate(self.index.search(" ".join(query.tokens), limit, roots=self.roots)):
            score = round(TEXT_WEIGHT * (100 - rank), 2)  # FTS5's bm25 order, on the search's scale
            at = self._entry(found.path, found.entry_id)
            if at is None or score < floor:
                continue
            start, end = found.snippet_match
            hits.append(
                Hit(
                    kind="text",
                    entry=at,
                    text=found.snippet,
                    score=score,
                    positions=tuple(range(start, end)),
                    start=found.start,
                    end=found.end,
                )
            )
        return hits
