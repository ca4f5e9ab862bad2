"""The speaker table: every speaker of the corpus, merged across articles.

Built from the entries loading produced (each quote's speaker and confidence);
no article is read or analysed again. The rules:

* the same name, whatever its case, accents or honorific ("Mr", "Sir"), is one
  speaker, shown under its most quoted spelling;
* a bare surname ("Blair") joins the full name ("Tony Blair") when the speakers
  of the corpus hold only one full name with that surname;
* a speaker known only by a description ("spokesman", "Rosneft spokesman") is
  one row per article, never merged: two articles' spokesmen are two people.
  Rows of one description are grouped apart (`SpeakerTable.groups`).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from byline.model import Entry
from byline.people.names import is_bare, is_description, merge_bare, name_key, surname

PERSON_LOOKS = 4
"""Articles looked at to tell whether a speaker is a person or an organisation or place."""
LOW_CONFIDENCE = 0.5
"""A quote whose attribution's confidence is below this counts as low-confidence."""


@dataclass(slots=True, eq=False)
class Speaker:
    """One row of the speaker table."""

    name: str
    """The name shown: the most quoted spelling (or the description)."""
    key: str
    """`name_key` of the name: what merged spellings share."""
    aliases: frozenset[str]
    """The speaker strings of quotes this row stands for."""
    quotes: int
    articles: int
    low_confidence: int
    entries: array[int]
    """Indexes of the entries (in the list the table was built from) that quote it, ascending."""
    described: bool = False
    """Known only by a description: one article's (or, for a group, every article's) such speaker."""


@dataclass(slots=True, eq=False)
class _Raw:
    """One speaker string's figures while the table is built."""

    entries: array[int] = field(default_factory=lambda: array("i"))
    counts: array[int] = field(default_factory=lambda: array("i"))
    """Quotes per entry, beside `entries`."""
    low: dict[int, int] | None = None
    """Low-confidence quotes per entry, when there are any."""


def tally(entries: Sequence[Entry]) -> dict[str, _Raw]:
    """Each speaker string with the entries that quote it: one pass over every quote."""
    raws: dict[str, _Raw] = {}
    get = raws.get
    for at, entry in enumerate(entries):
        for quote in entry.quotes:
            speaker = quote.speaker
            if speaker is None:
                continue
            raw = get(speaker)
            if raw is None:
                raw = raws[speaker] = _Raw()
            if raw.entries and raw.entries[-1] == at:
                raw.counts[-1] += 1
            else:
                raw.entries.append(at)
                raw.counts.append(1)
            if quote.confidence < LOW_CONFIDENCE:
                if raw.low is None:
                    raw.low = {}
                raw.low[at] = raw.low.get(at, 0) + 1
    return raws


@dataclass(slots=True)
class SpeakerTable:
    named: list[Speaker]
    """Speakers known by name, most quoted first."""
    described: list[Speaker]
    """Speakers known only by a description, one row per article, most quoted first."""
    groups: list[Speaker]
    """The described rows of each description taken together (never one person), most quoted first."""
    by_alias: dict[str, Speaker]
    """Speaker string -> its named row or its group."""

    @property
    def raw_count(self) -> int:
        """Distinct speaker strings before merging."""
        return len(self.by_alias)

    def row_of(self, speaker: str | None, entry: int) -> Speaker | None:
        """The row a quote of `speaker` in entry number `entry` belongs to."""
        row = self.by_alias.get(speaker) if speaker else None
        if row is None or not row.described:
            return row
        return next((r for r in self.described if r.key == row.key and r.entries[0] == entry), row)


def build_speakers(entries: Sequence[Entry]) -> SpeakerTable:
    raws = tally(entries)
    named: dict[str, list[str]] = {}
    described: dict[str, list[str]] = {}
    for speaker in raws:
        (described if is_description(speaker) else named).setdefault(name_key(speaker), []).append(speaker)
    joined = merge_bare(list(named), set(named), _PersonTest(entries, named, raws))
    for bare, full in joined.items():
        named[full].extend(named.pop(bare))
    table = SpeakerTable([], [], [], {})
    for key, spellings in named.items():
        row = _merged(key, spellings, raws)
        table.named.append(row)
        table.by_alias.update(dict.fromkeys(spellings, row))
    for key, spellings in described.items():
        group = _merged(key, spellings, raws, described=True)
        table.groups.append(group)
        table.by_alias.update(dict.fromkeys(spellings, group))
        table.described.extend(_per_article(key, spellings, raws))
    for rows in (table.named, table.described, table.groups):
        rows.sort(key=lambda row: (-row.quotes, row.key))
    return table


class _PersonTest:
    """Whether a speaker is a person, by the type its name has among the entities of the
    articles that quote it: asked only of the few names a bare surname could join."""

    def __init__(self, entries: Sequence[Entry], named: dict[str, list[str]], raws: dict[str, _Raw]) -> None:
        self.entries, self.named, self.raws = entries, named, raws

    def __call__(self, key: str) -> bool:
        for spelling in self.named.get(key, ()):
            for at in self.raws[spelling].entries[:PERSON_LOOKS]:
                for entity in self.entries[at].entities:
                    known = name_key(entity.name)
                    if entity.type != "PERSON" and known == key:
                        return False
                    if entity.type == "PERSON" and (known == key or surname(known) == key):
                        return True
        return not is_bare(key)  # unknown: a full name may join, a bare one may be taken


def _merged(key: str, spellings: list[str], raws: dict[str, _Raw], described: bool = False) -> Speaker:
    quotes = {spelling: sum(raws[spelling].counts) for spelling in spellings}
    # The most quoted spelling, the fuller one on a tie: "Tony Blair" over "Blair".
    name = max(spellings, key=lambda s: (quotes[s], " " in name_key(s), len(s), s))
    if len(spellings) == 1:
        entries = raws[name].entries
    else:
        entries = array("i", sorted({at for spelling in spellings for at in raws[spelling].entries}))
    low = sum(sum((raws[s].low or {}).values()) for s in spellings)
    total = sum(quotes.values())
    return Speaker(name, name_key(name), frozenset(spellings), total, len(entries), low, entries, described)


def _per_article(key: str, spellings: list[str], raws: dict[str, _Raw]) -> list[Speaker]:
    rows: dict[int, Speaker] = {}
    for spelling in spellings:
        raw = raws[spelling]
        for at, count in zip(raw.entries, raw.counts):
            low = raw.low.get(at, 0) if raw.low else 0
            row = rows.get(at)
            if row is None:
                rows[at] = Speaker(spelling, key, frozenset({spelling}), count, 1, low, array("i", [at]), True)
            else:
                row.aliases |= {spelling}
                row.quotes += count
                row.low_confidence += low
    return list(rows.values())
