"""The quotes behind the tables: a speaker's, those that name an entity, and what X said about Y."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from byline.model import Entry, Quote
from byline.people.entities import EntityRow, EntityTable, named_in
from byline.people.speakers import LOW_CONFIDENCE, Speaker, SpeakerTable


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote with where it is: what the views list and the reader opens."""

    speaker: str | None
    """The merged speaker's name (None: unattributed)."""
    quote: Quote
    entry: int
    """Index of the article in the entries the tables were built from."""
    number: int
    """Index of the quote in the entry's quotes (quote N of the sidebar and the reader)."""
    title: str
    path: str
    who: Speaker | None = None
    """The row of the speaker table the quote belongs to (a described speaker's is its article's)."""

    @property
    def start(self) -> int:
        return self.quote.start

    @property
    def end(self) -> int:
        return self.quote.end

    @property
    def low_confidence(self) -> bool:
        return self.quote.confidence < LOW_CONFIDENCE


def _row(entries: Sequence[Entry], speakers: SpeakerTable, at: int, number: int) -> QuoteRow:
    entry = entries[at]
    quote = entry.quotes[number]
    owner = speakers.row_of(quote.speaker, at)
    name = owner.name if owner is not None else quote.speaker
    return QuoteRow(name, quote, at, number, entry.title, entry.path, owner)


def quotes_of(entries: Sequence[Entry], speakers: SpeakerTable, speaker: Speaker) -> list[QuoteRow]:
    """Every quote of `speaker`, in the order of the entries, then of the article."""
    found = []
    for at in speakers.entries_of(speaker):
        for number, quote in enumerate(entries[at].quotes):
            if quote.speaker in speaker.aliases:
                found.append(_row(entries, speakers, at, number))
    return found


def _about(
    entries: Sequence[Entry], speakers: SpeakerTable, table: EntityTable, entity: EntityRow, speaker: Speaker | None
) -> Iterator[QuoteRow]:
    candidates = table.entries_of(entity)
    if speaker is not None:
        theirs = set(speakers.entries_of(speaker))
        candidates = array("i", [at for at in candidates if at in theirs])
    for at in candidates:
        for number, _ in named_in(entries[at], at, table, speakers, only=entity):
            if speaker is None or entries[at].quotes[number].speaker in speaker.aliases:
                yield _row(entries, speakers, at, number)


def quotes_about(
    entries: Sequence[Entry], speakers: SpeakerTable, table: EntityTable, entity: EntityRow
) -> list[tuple[Speaker | None, list[QuoteRow]]]:
    """The quotes that name `entity`, grouped by speaker, most quotes first; unattributed
    ones (None) last. Two articles' spokesmen are two groups."""
    groups: dict[int, tuple[Speaker | None, list[QuoteRow]]] = {}
    for row in _about(entries, speakers, table, entity, None):
        groups.setdefault(id(row.who), (row.who, []))[1].append(row)
    return sorted(groups.values(), key=lambda group: (group[0] is None, -len(group[1]), group[1][0].speaker or ""))


def said_about(
    entries: Sequence[Entry], speakers: SpeakerTable, table: EntityTable, speaker: Speaker, entity: EntityRow
) -> list[QuoteRow]:
    """What `speaker` said about `entity`: their quotes that name it."""
    return list(_about(entries, speakers, table, entity, speaker))
