"""The data model: plain dataclasses that every layer shares.

Data flows one way: files -> `Article` -> `Analysis` -> `Entry` -> search -> widgets / CLI.
Nothing here imports Textual or does I/O, and nothing here imports the rest of
Byline: every other module may import this one, so it never imports back up.
"""

from __future__ import annotations

import hashlib
import os
import re
from array import array
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PERSON", "ORG", "PLACE"]
Kind = Literal["title", "quote", "speaker", "entity", "text"]
"""What a search hit matched."""
ENTITY_TYPES: tuple[EntityType, ...] = ("PERSON", "ORG", "PLACE")


def article_id(title: str, body: str) -> str:
    """A stable id derived from the content, so it survives moves and renames."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(title.strip().encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(body.strip().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def file_key(article_id: str, path: str) -> str:
    """One file's copy of an article: its id (from its content) and the file's absolute path.

    Identical files share an id, never a file key: read marks, the reading place and the
    list's rows go by it, so each copy is read, scrolled and chosen on its own.
    """
    return f"{article_id}:{os.path.abspath(path)}"


@dataclass(frozen=True, slots=True)
class Article:
    """One article, as loaded from a file (or one entry of a feed).

    All offsets that the analysis produces point into `body`, the paragraphs
    joined by blank lines.
    """

    id: str
    path: str
    title: str
    paragraphs: tuple[str, ...]
    subtitle: str = ""
    author: str = ""
    author_bio: str = ""
    format: str = "text"
    date: str = ""
    url: str = ""
    warnings: tuple[str, ...] = ()
    source: str = ""
    """Where it was published, where that is known: a feed's name, a site's; else ""."""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def key(self) -> str:
        """`file_key`: this file's copy of the article."""
        return file_key(self.id, self.path)

    @property
    def display_title(self) -> str:
        return self.title or "(untitled)"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be loaded, and why, in words a user understands."""

    path: str
    reason: str


LOW_CONFIDENCE = 0.8
"""A quote whose `confidence` is below this has an uncertain speaker: the UI shows
it as uncertain, not as fact (the extractor's attribution sets the figure)."""


def cited(words: str) -> str:
    """A quote's words as cited on their own: without the comma (or colon, semicolon) that
    handed the sentence on to its attribution ("…given to Europe," he said)."""
    return words.rstrip(",;: ")


def cited_speaker(quote: Quote) -> str | None:
    """The speaker as a citation gives it: an uncertain attribution says so, so that a quote
    copied, bookmarked or exported does not present the extractor's guess as fact."""
    if not quote.speaker:
        return None
    return f"{quote.speaker} (uncertain)" if quote.confidence < LOW_CONFIDENCE else quote.speaker


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks and who said them.

    `start`/`end` delimit `text` (the words without their marks) in `Article.body`.
    `confidence` (0 to 1) says how sure the attribution is, and `evidence` names
    what it rests on (for example ``said-after-quote`` or ``pronoun->Tony Blair``),
    so a reader can be shown an uncertain speaker as uncertain, not as fact.
    """

    text: str
    speaker: str | None
    start: int
    end: int
    kind: Literal["full", "partial"] = "full"
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, once per article under its fullest name."""

    name: str
    type: EntityType
    count: int
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for quote in self.quotes:
            if quote.speaker:
                seen.setdefault(quote.speaker, None)
        return list(seen)


@dataclass(slots=True)
class Entry:
    """What the list, the search and the sidebar need of an article, without its body.

    A corpus of 100,000 articles stays small because bodies are read back from
    their files on demand (`byline.corpus.Corpus.open`).
    """

    id: str
    path: str
    title: str
    author: str
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    """Entities with counts; their mention offsets are in `mention_spans`."""
    warnings: tuple[str, ...] = ()
    mention_spans: bytes = b""
    """The entities' mention offsets, packed (see `pack_mentions`): kept so that
    opening the article never runs the extractor again, packed so that 100,000
    entries stay small."""
    quote_sentences: bytes = b""
    """Where the sentence that carries each quote starts and ends, packed (see
    `pack_sentences`): "what X said about Y" asks which names that sentence holds,
    without reading the body again."""
    details: tuple[str, str, str, str, str, int] | tuple[()] = ()
    """Only when asked for (`byline list`, `byline extract` read the cache): the title as
    written, subtitle, format, date, URL and number of paragraphs; empty in the app."""
    date: str = ""
    """The article's date as the loader normalised it (`YYYY-MM-DD`, with ` HH:MM` when it
    has a time of day; else as written), or "": the list shows it and sorts by it."""
    source: str = ""
    """`Article.source`: what the list shows in the author's place when there is no author."""
    _key: str = field(default="", init=False, repr=False, compare=False)

    @classmethod
    def of(cls, article: Article, analysis: Analysis) -> Entry:
        return cls(
            id=article.id,
            path=article.path,
            title=article.display_title,
            author=article.author,
            quotes=analysis.quotes,
            entities=tuple(Entity(e.name, e.type, e.count) for e in analysis.entities),
            warnings=article.warnings,
            mention_spans=pack_mentions(analysis.entities),
            quote_sentences=pack_sentences(article.body, analysis.quotes),
            date=article.date,
            source=article.source,
        )

    @property
    def key(self) -> str:
        """`file_key`: which file's copy of the article this is (worked out once)."""
        if not self._key:
            self._key = file_key(self.id, self.path)
        return self._key

    def has_key(self, key: str) -> bool:
        """Whether `key` names this file's copy (or, a bare article id as saved before file keys,
        this article). The id is compared first: a scan of 100,000 entries must not work out
        every entry's key (an abspath each) to find one."""
        article_id, sep, _ = key.partition(":")
        return self.id == article_id and (not sep or self.key == key)

    @property
    def quote_count(self) -> int:
        """How many quotes the article holds: the list shows it and sorts by it. The stand-ins
        that keep their quotes packed or in the cache (`PackedEntry`, `PagedEntry`) hold it as
        a column, so that neither needs its quotes read for it."""
        return len(self.quotes)

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(q.speaker for q in self.quotes if q.speaker))

    def mentions(self, name: str) -> bool:
        return any(e.name == name for e in self.entities)

    def analysis(self) -> Analysis:
        """The analysis loading made: the quotes, and the entities with their mention offsets."""
        spans = unpack_mentions(self.mention_spans, len(self.entities))
        entities = tuple(Entity(e.name, e.type, e.count, mentions) for e, mentions in zip(self.entities, spans))
        return Analysis(quotes=self.quotes, entities=entities)


def sentence_bounds(body: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """The sentence of `body` that holds `body[start:end]` (a quote): from the end of the
    sentence before it (or the paragraph's start) to the end of the one it closes,
    looking at most `reach` characters each way.

    A quote that ends its own sentence ("... we will win." He left) ends it there;
    one followed by its attribution ("... we will win," he said.) runs on to the full stop.
    """
    floor = max(0, start - reach)
    before = body.rfind("\n\n", floor, start)
    lo = floor if before < 0 else before + 2
    # The last sentence end before the quote, looked for backwards from it: its full stop (or ! or ?)
    # before start - 1, its look-ahead up to the quote's first letter. (Matches cannot overlap, each
    # taking one stop, so the last one a search from `lo` would find is the first found backwards.)
    limit = min(len(body), start + 1)
    stop = _last_stop(body, lo, start - 1)
    while stop >= 0:
        match = _SENTENCE_END.match(body, stop, limit)
        if match is not None:
            lo = match.end()
            break
        stop = _last_stop(body, lo, stop)
    ceiling = min(len(body), end + reach)
    after = body.find("\n\n", end, ceiling)
    hi = ceiling if after < 0 else after
    closes = _QUOTE_CLOSES.match(body, end, hi)
    if closes is not None:
        return lo, closes.end(1)
    full_stop = _SENTENCE_END.search(body, end, hi)
    return lo, (full_stop.start() + len(full_stop.group().rstrip()) if full_stop else hi)


def _last_stop(body: str, lo: int, hi: int) -> int:
    """Where the last ".", "!" or "?" of `body[lo:hi]` is, or -1."""
    return max(body.rfind(".", lo, hi), body.rfind("!", lo, hi), body.rfind("?", lo, hi))


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_QUOTE_CLOSES = re.compile(r"(?<=[.!?])([\"'\u201d\u2019]*)(?:\s+(?=[\"'\u201c\u2018]?[A-Z])|\s*$)")


def pack_sentences(body: str, quotes: tuple[Quote, ...]) -> bytes:
    """Each quote's sentence bounds (`sentence_bounds`) as one small `bytes`: (start, end) pairs."""
    if not quotes:
        return b""
    flat = array("I")
    for quote in quotes:
        flat.extend(sentence_bounds(body, quote.start, quote.end))
    return flat.tobytes()


def unpack_sentences(data: bytes) -> list[tuple[int, int]]:
    """The pairs `pack_sentences` packed (none if there are none)."""
    flat = array("I")
    flat.frombytes(data)
    return list(zip(flat[::2], flat[1::2]))


def pack_mentions(entities: tuple[Entity, ...]) -> bytes:
    """Mention offsets of `entities` as one small `bytes`: per entity, a count then (start, end) pairs."""
    if not any(e.mentions for e in entities):
        return b""
    flat = array("I")
    for entity in entities:
        flat.append(len(entity.mentions))
        for start, end in entity.mentions:
            flat.extend((start, end))
    return flat.tobytes()


def unpack_mentions(data: bytes, count: int) -> list[tuple[tuple[int, int], ...]]:
    """The mention offsets `pack_mentions` packed, for `count` entities (none if there are none)."""
    if not data:
        return [()] * count
    flat = array("I")
    flat.frombytes(data)
    spans, at = [], 0
    for _ in range(count):
        n = flat[at] if at < len(flat) else 0
        pairs = flat[at + 1 : at + 1 + 2 * n]
        spans.append(tuple(zip(pairs[::2], pairs[1::2])))
        at += 1 + 2 * n
    return spans


class ArticleGone(Exception):
    """The file behind an entry was moved, deleted or changed since it was loaded."""


@dataclass(slots=True)
class Batch:
    """A step of loading: the entries and skipped files found since the last one."""

    entries: list[Entry]
    skipped: list[Skipped]
    done: int
    """Files handled so far."""
    total: int | None
    """Files to handle in all, once the walk is over (None while it is not)."""
    cached: int = 0
    """Of the files handled in this batch, how many came from the corpus cache."""
    notes: tuple[str, ...] = ()
    """Things the user should hear about once (e.g. the cache is unusable)."""
    stored: bool = False
    """Every entry's record is in the corpus cache by now: a `PagedEntry` can read it back."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a string that matched, and the article it belongs to."""

    kind: Kind
    entry: int
    """Index of the article in the search index's (and the corpus's) entries."""
    text: str
    """The matched string: a title, quote, name, or a sentence of the article."""
    score: float
    """0-100, higher is better."""
    positions: tuple[int, ...] = ()
    """Indexes of the characters of `text` that matched, for highlighting."""
    start: int | None = None
    """For quotes, speakers (their first quote) and text: where in `Article.body`."""
    end: int | None = None
    others: int = 0
    """How many more articles hold the same string than have a hit of their own
    (set on the last hit of the string: a speaker quoted in 500 articles)."""
    detail: str = ""
    """For entities, their type (PERSON, ORG, PLACE)."""
