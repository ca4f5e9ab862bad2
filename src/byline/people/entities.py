"""The entity table: people, organisations and places across the corpus, and the quotes that name them.

An entity is once per article under its fullest name (the extractor merges
"Brown" into "Gordon Brown" inside an article); across articles the same name
and type is one row, and a bare surname joins the one person of the corpus
with that surname, as speakers do.

A quote names an entity when one of the entity's mentions lies in the quote or
in the sentence that carries it (the bounds loading kept, `Entry.quote_sentences`);
mentions of people include their bare surnames. A speaker's own name in the
words that attribute the quote ("said Mr Blair") does not make the quote about
them. Entries without mention offsets fall back on the name in the quote's words;
asked about one entity (`named_in(..., only=row)`), its name or surname in the
quote's words counts as well, so the lists can hold a few more quotes than the
table's count (which is mentions only, to stay fast).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress
from operator import attrgetter

from byline.model import EntityType, Entry, unpack_sentences
from byline.people.names import merge_bare, name_key, surname
from byline.people.speakers import SpeakerTable, entry_numbers
from byline.people.steps import STEP, Cancel, check, steps


@dataclass(slots=True, eq=False)
class EntityRow:
    """One row of the entity table."""

    name: str
    key: str
    type: EntityType
    aliases: tuple[str, ...]
    """The entity names of entries this row stands for, each once (tuples, not sets: most rows
    have one name)."""
    keys: tuple[str, ...]
    """Their name keys, each once."""
    articles: int
    mentions: int
    quotes: int | None = None
    """Quotes that name it (see the module's docstring): None until `EntityTable.count_quotes`."""
    entries: array[int] | None = None
    """Indexes of the entries that hold it, ascending: `EntityTable.entries_of` fills it in."""


@dataclass(slots=True)
class EntityTable:
    rows: list[EntityRow]
    """Those in the most articles first."""
    by_name: dict[tuple[str, str], EntityRow]
    """(entity name, type) as entries hold it -> its row."""
    pairs: list[tuple[str, str]]
    """Each (name, type) of the entries once: `ids` number them by their place here."""
    ids: array[int]
    """Every entry's entities' (name, type) as their number in `pairs`, flat, in entry order;
    `ends` says whose. Numbers, not the tuples: 4 bytes an entity, not 8 (15 million at a million articles)."""
    ends: array[int]
    """Where each entry's entities end in `ids` (an entity's entry number, 4 bytes more an entity,
    is made again from these when a row's entries are asked for)."""

    def entries_of(self, row: EntityRow) -> array[int]:
        if row.entries is None:
            wanted = {at for at, pair in enumerate(self.pairs) if self.by_name[pair] is row}
            holding = compress(entry_numbers(self.ends), map(wanted.__contains__, self.ids))
            row.entries = array("i", sorted(set(holding)))
        return row.entries

    def count_quotes(self, entries: Sequence[Entry], speakers: SpeakerTable, cancelled: Cancel = None) -> None:
        """Fill in each row's count of the quotes that name it: a pass over every quote's
        sentence (seconds at 100,000 articles: the app runs it on a worker thread)."""
        counts: Counter[int] = Counter()
        for entry_at, entry in enumerate(entries):
            if entry_at % STEP == 0:
                check(cancelled)
            if entry.quotes and entry.entities:
                for _, rows in named_in(entry, entry_at, self, speakers):
                    counts.update(map(id, rows))
        for row in self.rows:
            row.quotes = counts[id(row)]


def build_entities(entries: Sequence[Entry], cancelled: Cancel = None) -> EntityTable:
    """The rows, with their counts of articles and mentions (in C, over every entity once)."""
    ids = array("i")
    lengths = array("q")
    counted: Counter[tuple[int, int]] = Counter()
    numbers: dict[tuple[str, str], int] = {}
    # A step at a time, each (name, type) one tuple however many articles hold it, known by its
    # number: entries read from the cache (`PagedEntry`) make their entities anew on each read,
    # and at a million articles a tuple per entity would take most of a gigabyte.
    for step in steps(entries, cancelled):
        per_entry = list(map(attrgetter("entities"), step))
        flat = list(chain.from_iterable(per_entry))
        found = list(map(attrgetter("name", "type"), flat))
        for pair in dict.fromkeys(found):  # the step's own, once each: few
            numbers.setdefault(pair, len(numbers))
        numbered = list(map(numbers.__getitem__, found))
        ids.extend(numbered)
        lengths.extend(map(len, per_entry))
        counted.update(zip(numbered, map(attrgetter("count"), flat)))
    pairs = list(numbers)  # in the order of their numbers
    del numbers
    per_number = Counter(ids)  # an entity is once per article
    articles = {pair: per_number[at] for at, pair in enumerate(pairs)}
    mentions: Counter[tuple[str, str]] = Counter()
    for (at, count), times in counted.items():
        mentions[pairs[at]] += count * times
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pair in pairs:
        groups.setdefault((pair[1], name_key(pair[0])), []).append(pair)
    people = [key for kind, key in groups if kind == "PERSON"]
    for bare, full in merge_bare(people, set(people)).items():
        groups[("PERSON", full)].extend(groups.pop(("PERSON", bare)))
    table = EntityTable([], {}, pairs, ids, array("q", accumulate(lengths)))
    for (kind, key), names in groups.items():
        shown = (
            max(names, key=lambda n: (mentions[n], " " in name_key(n[0]), n[0]))[0] if len(names) > 1 else names[0][0]
        )
        row = EntityRow(
            shown,
            key,
            kind,  # type: ignore[arg-type]
            tuple(n[0] for n in names),  # one type: the names differ
            tuple(dict.fromkeys(name_key(n[0]) for n in names)) if len(names) > 1 else (key,),
            sum(articles[n] for n in names),  # a bare name and its full one are never in one article
            sum(mentions[n] for n in names),
        )
        table.rows.append(row)
        table.by_name.update(dict.fromkeys(names, row))
    table.rows.sort(key=lambda row: (-row.articles, -row.mentions, row.key))
    return table


def named_in(
    entry: Entry, entry_at: int, table: EntityTable, speakers: SpeakerTable, only: EntityRow | None = None
) -> Iterator[tuple[int, set[EntityRow]]]:
    """Each quote of `entry` (by number) with the rows (or just `only`) it names, when it names any."""
    quotes = entry.quotes
    bounds = unpack_sentences(entry.quote_sentences) if entry.quote_sentences else []
    if len(bounds) != len(quotes):
        bounds = [(q.start, q.end) for q in quotes]
    names = [(table.by_name.get((e.name, e.type)), e.name) for e in entry.entities]
    if only is not None and all(row is not only for row, _ in names):
        return
    if not entry.mention_spans:
        yield from _by_words(entry, names, only)
        return
    starts, ends, owners = _mentions(entry.mention_spans, names, only)
    # For one entity, its name in the quote's words counts too (a mention the extractor took for another name).
    words = _pattern(only) if only is not None else None
    for number, (quote, (lo, hi)) in enumerate(zip(quotes, bounds)):
        if words is not None and words.search(quote.text):
            yield number, {only}  # type: ignore[arg-type]
            continue
        own = speakers.by_alias.get(quote.speaker) if quote.speaker else None
        own_key = own.key if own is not None and not own.described else None
        found: set[EntityRow] = set()
        at = bisect_left(starts, lo)
        while at < len(starts) and starts[at] < hi:
            row = owners[at]
            inside = quote.start <= starts[at] < quote.end
            # Outside the quote's words, in the words that attribute it, a body or a place is the outlet
            # ("he told BBC News"), the speaker's employer or where it was said, not what it is about;
            # a person there is ("Blair said of Brown"), but not the speaker's own name.
            if ends[at] <= hi and row not in found and (inside or row.type == "PERSON"):
                if own_key is None or own_key not in row.keys or inside:
                    found.add(row)
            at += 1
        if found:
            yield number, found


def _mentions(
    packed: bytes, names: list[tuple[EntityRow | None, str]], only: EntityRow | None
) -> tuple[list[int], list[int], list[EntityRow]]:
    """The entry's mentions (of `only`, if given) in order: starts, ends and their rows."""
    flat = array("I")
    flat.frombytes(packed)
    found: list[tuple[int, int, EntityRow]] = []
    at = 0
    for row, _ in names:
        count = flat[at] if at < len(flat) else 0
        if row is not None and (only is None or row is only):
            pairs = flat[at + 1 : at + 1 + 2 * count]
            found.extend(zip(pairs[::2], pairs[1::2], [row] * count))
        at += 1 + 2 * count
    found.sort(key=lambda mention: mention[0])
    return [m[0] for m in found], [m[1] for m in found], [m[2] for m in found]


def _pattern(row: EntityRow) -> re.Pattern[str]:
    """The row's names (and, for a person, surnames) as whole words."""
    words = set(row.aliases) | ({surname(key) for key in row.keys} if row.type == "PERSON" else set())
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE)


def _by_words(
    entry: Entry, names: list[tuple[EntityRow | None, str]], only: EntityRow | None
) -> Iterator[tuple[int, set[EntityRow]]]:
    patterns = [(row, _pattern(row)) for row, _ in names if row is not None and (only is None or row is only)]
    for number, quote in enumerate(entry.quotes):
        found = {row for row, pattern in patterns if pattern.search(quote.text)}
        if found:
            yield number, found
