"""Who said what across the whole corpus: speakers merged across articles, the entities
their quotes name, and the quotes behind either, from what loading kept (no article is
read or analysed again; Textual is never imported here).

    people = People(corpus.entries)        # the speaker table: ~0.1 s at 100,000 articles
    people.speakers.named                  # speakers known by name, most quoted first
    people.speakers.groups                 # descriptions ("spokesman"), each kept per article
    speaker = people.find_speaker("blare") # typos forgiven -> Tony Blair (or None)
    people.quotes_of(speaker)              # -> [QuoteRow]
    entity = people.find_entity("brown")   # the entity table is built on first use
    people.count_entity_quotes()           # its rows' counts of quotes that name them (seconds at 100,000)
    people.quotes_about(entity)            # -> [(Speaker or None, [QuoteRow]), ...] by speaker
    people.said_about(speaker, entity)     # what X said about Y
"""

from __future__ import annotations

from collections.abc import Sequence

from byline.model import Entry
from byline.people.entities import EntityRow, EntityTable, build_entities
from byline.people.match import NameMatcher
from byline.people.names import is_description, name_key
from byline.people.quotes import QuoteRow, quotes_about, quotes_of, said_about
from byline.people.speakers import LOW_CONFIDENCE, Speaker, SpeakerTable, build_speakers
from byline.people.steps import Cancel, Cancelled

__all__ = [
    "LOW_CONFIDENCE",
    "Cancelled",
    "EntityRow",
    "EntityTable",
    "People",
    "QuoteRow",
    "Speaker",
    "SpeakerTable",
    "is_description",
    "name_key",
]


def one_per_article(entries: Sequence[Entry]) -> Sequence[Entry]:
    """`entries` with each article once: identical files (the BBC set has 98 pairs) are one
    article, whose quotes and names must not count twice. The first file of each is kept."""
    ids = [entry.id for entry in entries]
    if len(set(ids)) == len(ids):
        return entries
    first = {article: at for at, article in reversed(list(enumerate(ids)))}
    return [entries[at] for at in sorted(first.values())]


class People:
    """The speaker table of some entries, and (built when first asked for) their entity table.

    `entries` is kept, not copied, unless identical files are among them (see `one_per_article`):
    QuoteRow.entry indexes into `self.entries`. Build a new `People` when the entries change.
    """

    def __init__(self, entries: Sequence[Entry], cancelled: Cancel = None) -> None:
        """`cancelled`, if given, is asked while the tables are made: once it says True, making
        them raises `Cancelled` (a worker's tables that are no longer wanted stop at once)."""
        self.entries = one_per_article(entries)
        self.cancelled = cancelled
        self.speakers: SpeakerTable = build_speakers(self.entries, cancelled)
        self._speaker_matcher: NameMatcher[Speaker] | None = None
        self._entities: EntityTable | None = None
        self._entity_matcher: NameMatcher[EntityRow] | None = None

    @property
    def entities(self) -> EntityTable:
        """Made when first asked for; rows' `quotes` stay None until `count_entity_quotes`."""
        if self._entities is None:
            self._entities = build_entities(self.entries, self.cancelled)
        return self._entities

    def count_entity_quotes(self) -> EntityTable:
        """The entity table with each row's count of the quotes that name it (slow: a worker's job)."""
        table = self.entities
        if table.rows and table.rows[0].quotes is None:
            table.count_quotes(self.entries, self.speakers, self.cancelled)
        return table

    @property
    def speaker_matcher(self) -> NameMatcher[Speaker]:
        """Named speakers, then description groups: `filter(text)` per keystroke."""
        if self._speaker_matcher is None:
            self._speaker_matcher = NameMatcher([*self.speakers.named, *self.speakers.groups])
        return self._speaker_matcher

    @property
    def entity_matcher(self) -> NameMatcher[EntityRow]:
        if self._entity_matcher is None:
            self._entity_matcher = NameMatcher(self.entities.rows)
        return self._entity_matcher

    def find_speaker(self, name: str) -> Speaker | None:
        return self.speaker_matcher.resolve(name)

    def find_entity(self, name: str) -> EntityRow | None:
        return self.entity_matcher.resolve(name)

    def quotes_of(self, speaker: Speaker) -> list[QuoteRow]:
        return quotes_of(self.entries, self.speakers, speaker)

    def quotes_about(self, entity: EntityRow) -> list[tuple[Speaker | None, list[QuoteRow]]]:
        return quotes_about(self.entries, self.speakers, self.entities, entity)

    def said_about(self, speaker: Speaker, entity: EntityRow) -> list[QuoteRow]:
        return said_about(self.entries, self.speakers, self.entities, speaker, entity)
