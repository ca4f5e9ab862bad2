"""The cache's records: one file's entries (no body) and the reasons it was skipped, as one
`marshal` BLOB, the fastest thing Python reads back; and turning them back into `Entry`s.

Each row also keeps what `byline list` and `byline extract` print but an `Entry` leaves
out (the title as written, subtitle, format, date, URL, paragraph count): `EntryDecoder`
gives them only when asked (`details=True`), so that the app's entries stay small. Asked for
no analysis (`analysis=False`), it leaves out the quotes and entities: `byline list` prints
none, and building them was three quarters of what decoding its entries cost (30 µs of 40).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from dataclasses import dataclass, fields
from itertools import starmap
from pathlib import Path

from byline.model import Analysis, Article, Entity, Entry, Quote, Skipped, pack_mentions, pack_sentences


@dataclass(slots=True)
class FileRecord:
    """One file's results, ready to store; built in a worker process."""

    key: str
    """The absolute path: the cache's key."""
    size: int
    mtime_ns: int
    data: bytes
    """`encode_file(...)`: the entries and the reasons the file was skipped."""
    bodies: list[str]
    """Each entry's body, in order, for the full-text index."""


def encode_file(path: str, pairs: Iterable[tuple[Article, Analysis]], skipped: Iterable[Skipped]) -> bytes:
    rows = []
    bases = (path, str(Path(path)))
    for article, analysis in pairs:
        # A feed's articles are `file#n`: keep only the `#n`, so that entries
        # come back under the path the walk gives this time (relative or not).
        # (Loading names them after `str(Path(path))`: "./news/feed.xml" gives "news/feed.xml#1".)
        suffix = next((article.path[len(base) :] for base in bases if article.path.startswith(base)), "")
        rows.append(row_of(suffix, article, analysis))
    return marshal.dumps((tuple(rows), tuple(s.reason for s in skipped)), 4)


def entry_row(suffix: str, entry: Entry) -> tuple:
    """An entry as a record stores it (`EntryDecoder.entries` reads it), under its path's `suffix`."""
    return (
        suffix,
        entry.id,
        entry.title,
        entry.author,
        _quote_rows(entry.quotes),
        _entity_rows(entry.entities),
        entry.warnings,
        entry.mention_spans,
        entry.quote_sentences,
        entry.details,
        entry.date,
        entry.source,
    )


def row_of(suffix: str, article: Article, analysis: Analysis) -> tuple:
    """`entry_row(suffix, Entry.of(article, analysis))`, with the entry's details, but without
    making the entry: its entities are frozen dataclasses, made only to be taken apart again
    (a fifth of encoding a file)."""
    return (
        suffix,
        article.id,
        article.display_title,
        article.author,
        _quote_rows(analysis.quotes),
        _entity_rows(analysis.entities),
        article.warnings,
        pack_mentions(analysis.entities),
        pack_sentences(article.body, analysis.quotes),
        details(article),
        article.date,
        article.source,
    )


def _quote_rows(quotes: Iterable[Quote]) -> tuple:
    return tuple((q.text, q.speaker, q.start, q.end, q.kind, q.confidence, q.evidence) for q in quotes)


def _entity_rows(entities: Iterable[Entity]) -> tuple:
    return tuple((e.name, e.type, e.count) for e in entities)


def details(article: Article) -> tuple[str, str, str, str, str, int]:
    """What `Entry.details` holds."""
    return (article.title, article.subtitle, article.format, article.date, article.url, len(article.paragraphs))


class EntryDecoder:
    """Turns stored BLOBs back into `Entry`s, sharing what repeats between them.

    Speakers and authors recur across thousands of articles, and so does the
    same entity with the same count (`Entity("BBC", "ORG", 1)`): one object
    each, frozen and so safe to share, keeps 100,000 entries well inside the
    memory budget.
    """

    def __init__(self, *, details: bool = False, analysis: bool = True) -> None:
        self._details = details
        self._analysis = analysis
        self._names: dict[str, str] = {}
        self._entities: dict[tuple[str, str, int], Entity] = {}

    def decode(self, path: str, data: bytes) -> tuple[list[Entry], list[Skipped]]:
        """Raises ValueError when the BLOB is not what we wrote, however it fails to decode."""
        try:
            return self._decode(path, data)
        except Exception as error:  # a damaged row can fail in any way: it only means reading the file again
            raise ValueError(f"not an entry the cache wrote ({type(error).__name__}: {error})") from None

    def _decode(self, path: str, data: bytes) -> tuple[list[Entry], list[Skipped]]:
        rows, reasons = marshal.loads(data)
        return self.entries(path, rows), [Skipped(path, reason) for reason in reasons]

    def entries(self, path: str, rows: Iterable[tuple]) -> list[Entry]:
        """Entries from stored rows (see `encode_file`) of the file at `path`."""
        share = self._names.setdefault
        analysed = self._analysis  # else as `Entry.of` an empty `Analysis`: no quotes, no entities
        return [
            Entry(
                id=entry_id,
                path=path + suffix,
                title=title,
                author=share(author, author),
                quotes=tuple(
                    Quote(
                        text,
                        share(speaker, speaker) if speaker else speaker,
                        start,
                        end,
                        kind,
                        confidence,
                        tuple(share(e, e) for e in evidence),
                    )
                    for text, speaker, start, end, kind, confidence, evidence in quotes
                )
                if analysed
                else (),
                entities=tuple(self._entity(row) for row in entities) if analysed else (),
                warnings=warnings,
                mention_spans=spans if analysed else b"",
                quote_sentences=sentences if analysed else b"",
                details=extra if self._details else (),
                date=date,
                source=share(source, source),
            )
            for (
                suffix,
                entry_id,
                title,
                author,
                quotes,
                entities,
                warnings,
                spans,
                sentences,
                extra,
                date,
                source,
            ) in rows
        ]

    @staticmethod
    def identity(data: bytes, entry: int) -> tuple[str, str]:
        """The path suffix (`#n` in a feed, else "") and id of entry number `entry` in a stored BLOB.

        Raises ValueError, TypeError, EOFError or IndexError when it is not what we wrote.
        """
        suffix, entry_id = marshal.loads(data)[0][entry][:2]
        return suffix, entry_id

    def _entity(self, row: tuple[str, str, int]) -> Entity:
        entity = self._entities.get(row)
        if entity is None:
            name, kind, count = row
            share = self._names.setdefault
            entity = self._entities[row] = Entity(share(name, name), share(kind, kind), count)  # type: ignore[arg-type]
        return entity


PACKED_END = 10
"""`entry_row(...)[4:PACKED_END]` is what `PackedEntry` keeps packed: quotes to details (the
date and source after them are read at once, for the list)."""


class StandIn(Entry):
    """An entry that holds only the columns the list shows and sorts by (id, path, title, author,
    date, source and the quote count) and gets the rest when asked: from its packed bytes
    (`PackedEntry`) or from the cache (`byline.corpus.paged.PagedEntry`)."""

    __slots__ = ("_quote_count",)

    def __init__(
        self, entry_id: str, path: str, title: str, author: str, date: str, source: str, quote_count: int
    ) -> None:
        self.id, self.path, self.title, self.author = entry_id, path, title, author
        self.date, self.source, self._key = date, source, ""
        self._quote_count = quote_count

    @property
    def quote_count(self) -> int:
        """A column held as the title is: the list's rows and its sort by quotes read nothing more."""
        return self._quote_count

    def __eq__(self, other: object) -> bool:
        # Equal to an `Entry` of the same fields (the dataclass's own test wants the same class).
        if not isinstance(other, Entry):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    __hash__ = None  # type: ignore[assignment]  # as `Entry`'s: mutable, compared by value


class PackedEntry(StandIn):
    """An entry whose quotes, entities and the rest stay packed (`entry_row(...)[4:PACKED_END]`)
    until first asked for: a warm opening of 100,000 articles needs the titles at once, and the
    quotes of only the rows on screen and the article open.

    The packed fields read as the `Entry` fields they are (see `_unpacked_on_read`), so code
    that takes an `Entry` takes this one; it unpacks once, on the first read of any of them.
    """

    __slots__ = ("_packed", "_decoder")

    def __init__(self, columns: tuple[str, str, str, str, str, str, int], packed: bytes, decoder: EntryDecoder) -> None:
        super().__init__(*columns)
        self._packed = packed
        self._decoder = decoder

    @staticmethod
    def pack(entry: Entry) -> bytes:
        """What `PackedEntry` keeps packed of `entry` (its own bytes again if it was never unpacked)."""
        if isinstance(entry, PackedEntry) and entry._packed:
            return entry._packed
        return marshal.dumps(entry_row("", entry)[4:PACKED_END], 4)

    def _unpack(self) -> None:
        # Two threads may unpack at once (the people tables, a row on screen): both set the same
        # values, and `_packed` is cleared only once every field is set.
        packed = self._packed
        if not packed:
            return
        quotes, entities, warnings, spans, sentences, extra = marshal.loads(packed)
        decoder, put = self._decoder, _PACKED_SLOTS
        put["quotes"].__set__(self, tuple(starmap(Quote, quotes)))
        put["entities"].__set__(self, tuple(map(decoder._entity, entities)))
        put["warnings"].__set__(self, warnings)
        put["mention_spans"].__set__(self, spans)
        put["quote_sentences"].__set__(self, sentences)
        put["details"].__set__(self, extra)
        self._packed = b""


def unpack(entries: Iterable[Entry]) -> None:
    """Unpack whatever `PackedEntry`s are among `entries` (a worker's job: about 20 µs each)."""
    for entry in entries:
        if isinstance(entry, PackedEntry) and entry._packed:
            entry._unpack()


_FIELDS = tuple(field.name for field in fields(Entry) if field.compare)
_PACKED_SLOTS = {
    name: Entry.__dict__[name]
    for name in ("quotes", "entities", "warnings", "mention_spans", "quote_sentences", "details")
}
"""`Entry`'s own slots for the fields `PackedEntry` unpacks on first read."""


def _unpacked_on_read(name: str) -> property:
    slot = _PACKED_SLOTS[name]

    def read(entry: PackedEntry) -> object:
        try:
            return slot.__get__(entry, Entry)
        except AttributeError:  # not unpacked yet
            entry._unpack()
            return slot.__get__(entry, Entry)

    return property(read, slot.__set__)


# Set on the class after it is made: a property in the class body would shadow `Entry`'s
# typed attribute for the type checker too, and the fields keep their `Entry` types.
for _name in _PACKED_SLOTS:
    setattr(PackedEntry, _name, _unpacked_on_read(_name))
