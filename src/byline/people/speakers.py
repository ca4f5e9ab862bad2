"""The speaker table: every speaker of the corpus, merged across articles.

Built from the entries loading produced (each quote's speaker and confidence);
no article is read or analysed again. The rules:

* the same name, whatever its case, accents or honorific ("Mr", "Sir"), is one
  speaker, shown under its most quoted spelling;
* a bare surname ("Blair") joins the full name ("Tony Blair") when the speakers
  of the corpus hold only one person with that surname (a person: the entities
  of the articles that quote the name say so, so "Labour" never joins "New Labour");
* a speaker known only by a description ("spokesman", "Rosneft spokesman") is
  one row per article, never merged: two articles' spokesmen are two people.
  Rows of one description are grouped apart (`SpeakerTable.groups`).

Speed: the counting runs in C (`map`, `Counter`, `compress` over every quote
once), so the table of 100,000 articles is ready in a few tenths of a second;
which articles quote a speaker is found when asked (`entries_of`), the same way.
"""

from __future__ import annotations

from array import array
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, count, repeat
from operator import and_, attrgetter, sub

from byline.gc_pause import no_gc
from byline.model import LOW_CONFIDENCE, Entry
from byline.people.names import is_bare, is_description, merge_bare, name_key, surname
from byline.people.steps import Cancel, steps

PERSON_LOOKS = 4
"""Articles looked at to tell whether a speaker is a person or an organisation or place."""


@dataclass(slots=True, eq=False)
class Speaker:
    """One row of the speaker table."""

    name: str
    """The name shown: the most quoted spelling (or the description)."""
    key: str
    """`name_key` of the name: what merged spellings share."""
    aliases: tuple[str, ...]
    """The speaker strings of quotes this row stands for, each once (a tuple, not a set: most rows
    have one, and at a million articles there are hundreds of thousands of rows)."""
    quotes: int
    articles: int
    low_confidence: int
    described: bool = False
    """Known only by a description: one article's (or, for a group, every article's) such speaker."""
    entries: array[int] | None = None
    """Indexes of the entries that quote it, ascending: `SpeakerTable.entries_of` fills it in."""


@dataclass(slots=True)
class Quotes:
    """Every quote's speaker and entry number, flat, in entry order: what the counts are made from.

    Beside `speakers` (a list: its strings are what the counts count), flat arrays, not lists:
    at a million articles (five million quotes) a list of bools or of ints is 8 bytes a quote
    and, past 256, an int object per entry on top. Each quote's entry number is not kept
    (4 bytes a quote): `owners()` makes them again from `ends`, in C, when a pass needs them."""

    speakers: list[str | None]
    low: bytearray
    """1 for each quote below `LOW_CONFIDENCE`, else 0 (a selector for `compress`)."""
    ends: array[int]
    """Where each entry's quotes end in `speakers`."""

    @classmethod
    def of(cls, entries: Sequence[Entry], cancelled: Cancel = None) -> Quotes:
        speakers: list[str | None] = []
        low = bytearray()
        lengths = array("q")
        shared: dict[str | None, str | None] = {}
        # A step at a time: entries read from the cache (`PagedEntry`) make their quotes anew on
        # each read, and a million articles' quotes at once would not fit in memory.
        for step in steps(entries, cancelled):
            per_entry = list(map(attrgetter("quotes"), step))
            flat = list(chain.from_iterable(per_entry))
            # One attribute a pass: cheaper than a tuple per quote; the rest works on these lists.
            # Each name one string, kept once: entries read from the cache make new strings on every read.
            names = list(map(attrgetter("speaker"), flat))
            speakers += map(shared.setdefault, names, names)
            low.extend(map(LOW_CONFIDENCE.__gt__, map(attrgetter("confidence"), flat)))
            lengths.extend(map(len, per_entry))
        return cls(speakers, low, array("q", accumulate(lengths)))

    def owners(self) -> Iterator[int]:
        """The entry number of each quote, in order."""
        return entry_numbers(self.ends)

    def articles(self) -> Counter[str | None]:
        """How many entries quote each speaker string: each entry's speakers, once each."""
        starts = chain((0,), self.ends)  # `map` stops with `ends`: the last end starts nothing
        per_entry = map(self.speakers.__getitem__, map(slice, starts, self.ends))
        return Counter(chain.from_iterable(map(dict.fromkeys, per_entry)))

    def entries_of(self, aliases: Iterable[str]) -> array[int]:
        """The entries that quote any of `aliases`, ascending."""
        wanted = frozenset(aliases)
        return array("i", sorted(set(compress(self.owners(), map(wanted.__contains__, self.speakers)))))


def entry_numbers(ends: array[int]) -> Iterator[int]:
    """Which entry each item of a flat list is of, given where each entry's items end."""
    return chain.from_iterable(map(repeat, count(), map(sub, ends, chain((0,), ends))))


@dataclass(slots=True)
class SpeakerTable:
    named: list[Speaker]
    """Speakers known by name, most quoted first."""
    groups: list[Speaker]
    """Speakers known only by a description, each description's taken together (never one
    person: `described` has one row per article), most quoted first."""
    by_alias: dict[str, Speaker]
    """Speaker string -> its named row or its group."""
    quotes: Quotes
    _described: list[Speaker] | None = field(default=None, repr=False)
    _by_article: dict[tuple[str, int], Speaker] = field(default_factory=dict, repr=False)

    @property
    def raw_count(self) -> int:
        """Distinct speaker strings before merging."""
        return len(self.by_alias)

    @property
    def described(self) -> list[Speaker]:
        """Speakers known only by a description, one row per article, most quoted first (made when asked)."""
        if self._described is None:
            self._described = _per_article(self.quotes, self.groups)
            self._by_article = {(row.key, row.entries[0]): row for row in self._described}  # type: ignore[index]
        return self._described

    def entries_of(self, speaker: Speaker) -> array[int]:
        if speaker.entries is None:
            speaker.entries = self.quotes.entries_of(speaker.aliases)
        return speaker.entries

    def row_of(self, speaker: str | None, entry: int) -> Speaker | None:
        """The row a quote of `speaker` in entry number `entry` belongs to."""
        row = self.by_alias.get(speaker) if speaker else None
        if row is None or not row.described:
            return row
        _ = self.described
        return self._by_article.get((row.key, entry), row)


def build_speakers(entries: Sequence[Entry], cancelled: Cancel = None) -> SpeakerTable:
    """Raises `Cancelled` (byline.people.steps) once `cancelled()` is true."""
    # The collector is paused for the table's rows, not for reading every entry: at a million
    # that read takes minutes, and a pause that long let the UI's cyclic garbage pile up.
    quotes = Quotes.of(entries, cancelled)
    with no_gc():
        return _build(entries, quotes)


def _build(entries: Sequence[Entry], quotes: Quotes) -> SpeakerTable:
    counts = Counter(quotes.speakers)
    articles = quotes.articles()
    low = Counter(compress(quotes.speakers, quotes.low))
    counts.pop(None, None)
    named: dict[str, list[str]] = {}
    described: dict[str, list[str]] = {}
    for speaker in counts:
        assert speaker is not None
        (described if is_description(speaker) else named).setdefault(name_key(speaker), []).append(speaker)
    joined = merge_bare(list(named), set(named), _PersonTest(entries, named, quotes))
    for bare, full in joined.items():
        named[full].extend(named.pop(bare))
    table = SpeakerTable([], [], {}, quotes)
    for rows, keys, is_described in ((table.named, named, False), (table.groups, described, True)):
        for key, spellings in keys.items():
            if len(spellings) == 1:  # most: nothing to merge
                only = spellings[0]
                row = Speaker(only, key, (only,), counts[only], articles[only], low[only], is_described)
                rows.append(row)
                table.by_alias[only] = row
                continue
            # The full name a bare surname joined ("Rick Parry", not "Parry" though it is quoted
            # more), then the spelling quoted most.
            name = max(spellings, key=lambda s: (" " in name_key(s), counts[s], len(s), s))
            row = Speaker(
                name,
                key,
                tuple(spellings),
                sum(counts[s] for s in spellings),
                sum(articles[s] for s in spellings),
                sum(low[s] for s in spellings),
                is_described,
            )
            rows.append(row)
            table.by_alias.update(dict.fromkeys(spellings, row))
        rows.sort(key=lambda row: (-row.quotes, row.key))
    # Spellings merged into one speaker never share an article (the extractor gives a speaker
    # the fullest name its article knows), so their articles add up; which ones, `entries_of` finds.
    return table


class _PersonTest:
    """Whether a speaker is a person, by the type its name has among the entities of the
    articles that quote it: asked only of the few names a bare surname could join."""

    def __init__(self, entries: Sequence[Entry], named: dict[str, list[str]], quotes: Quotes) -> None:
        self.entries, self.named = entries, named
        # Only bare names that are some full name's surname, and those full names, are asked about:
        # the first and the last article quoting each of their spellings (in C; the last write wins).
        bare = {key for key in named if is_bare(key)}
        surnames = {surname(key) for key in named if not is_bare(key)}
        asked = {s for key, spellings in named.items() if key in surnames or surname(key) in bare for s in spellings}
        # Streamed into the dicts, never a list: the names asked about can be most quotes, and a
        # tuple and an int per quote at a million articles were hundreds of megabytes for the while.
        speakers = quotes.speakers
        self.last = dict(compress(zip(speakers, quotes.owners()), map(asked.__contains__, speakers)))
        self.first: dict[str | None, int] = {}
        found = compress(speakers, map(asked.__contains__, speakers))
        where = compress(quotes.owners(), map(asked.__contains__, speakers))
        deque(map(self.first.setdefault, found, where), maxlen=0)  # the first write stays

    def __call__(self, key: str) -> bool:
        spellings = self.named.get(key, ())
        looks = dict.fromkeys(at for s in spellings for at in (self.first[s], self.last[s]))
        for at in list(looks)[:PERSON_LOOKS]:
            for entity in self.entries[at].entities:
                known = name_key(entity.name)
                if entity.type != "PERSON" and known == key:
                    return False
                if entity.type == "PERSON" and (known == key or surname(known) == key):
                    return True
        return not is_bare(key)  # unknown: a full name may be joined, a bare one does not join


def _per_article(quotes: Quotes, groups: list[Speaker]) -> list[Speaker]:
    group_of = {alias: group for group in groups for alias in group.aliases}
    speakers = quotes.speakers
    per_pair = Counter(compress(zip(speakers, quotes.owners()), map(group_of.__contains__, speakers)))
    # The described quotes of low confidence only: the low ones of every speaker made a tuple each.
    described_low = map(and_, quotes.low, map(group_of.__contains__, speakers))
    lows = Counter(compress(zip(speakers, quotes.owners()), described_low))
    alone = {alias: (alias,) for alias in group_of}  # a spelling's 1-tuple, one for all its rows
    rows: dict[tuple[str, int], Speaker] = {}
    for (spelling, at), said in per_pair.items():
        assert spelling is not None
        key = group_of[spelling].key
        row = rows.get((key, at))
        if row is None:
            rows[key, at] = Speaker(spelling, key, alone[spelling], 0, 1, 0, True, array("i", [at]))
            row = rows[key, at]
        else:
            row.aliases += (spelling,)  # another spelling: each (spelling, article) comes once
        row.quotes += said
        row.low_confidence += lows[spelling, at]
    return sorted(rows.values(), key=lambda row: (-row.quotes, row.key, row.entries[0]))  # type: ignore[index]
