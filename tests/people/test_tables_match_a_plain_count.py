"""The tables against the plainest computation of the same figures, on a random small corpus.

The tables keep their flat data compact (arrays, a byte per quote, ids for names, tuples for
spellings) so that a million articles fit in memory: any slip there shows up here as a count,
a list of articles or a row that the straightforward loops below do not give.
"""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from byline.model import LOW_CONFIDENCE, Entity, EntityType, Entry, Quote
from byline.people import People, Speaker
from byline.people import steps as steps_module

SPEAKERS = [
    ["Tony Blair", "Blair", "Mr Blair"],
    ["Gordon Brown", "Brown"],
    ["Michael Howard", "Howard"],
    ["London"],
    ["spokesman", "a spokesman"],
    ["spokesman for the firm"],
    ["Rosneft spokesman"],
    [None],
]
"""Each list one speaker's spellings: an article uses one of them (the extractor gives a speaker
the fullest name its article knows), as it holds an entity under one name."""
ENTITIES: list[list[tuple[str, EntityType]]] = [
    [("Tony Blair", "PERSON"), ("Blair", "PERSON")],
    [("Gordon Brown", "PERSON"), ("Brown", "PERSON")],
    [("Michael Howard", "PERSON")],
    [("Labour", "ORG")],
    [("New Labour", "ORG")],
    [("London", "GPE")],
    [("Rosneft", "ORG")],
]


def corpus(seed: int, size: int) -> list[Entry]:
    chance = random.Random(seed)
    entries = []
    for number in range(size):
        spelling = [chance.choice(spellings) for spellings in SPEAKERS]
        quotes = tuple(
            Quote("Words.", chance.choice(spelling), 0, 6, confidence=chance.choice([1.0, 0.9, 0.75, 0.4]))
            for _ in range(chance.choice([0, 0, 1, 2, 3, 5, 8]))
        )
        held = chance.sample(ENTITIES, chance.randint(0, 4))
        entities = tuple(Entity(*chance.choice(names), chance.randint(1, 4)) for names in held)
        # Some files are copies of another (one article twice): the tables count it once.
        article = str(number) if chance.random() > 0.05 or number == 0 else str(chance.randrange(number))
        entries.append(Entry(article, f"{number}.txt", "T", "", quotes, entities))
    return entries


@pytest.fixture(params=[(1, 60), (2, 400), (3, 1_000)], ids=["60", "400", "1000"])
def people(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> People:
    monkeypatch.setattr(steps_module, "STEP", 7)  # many steps, one ending short
    seed, size = request.param
    return People(corpus(seed, size))


def spoken(people: People, speaker: Speaker) -> list[tuple[int, int, Quote]]:
    return [
        (at, number, quote)
        for at, entry in enumerate(people.entries)
        for number, quote in enumerate(entry.quotes)
        if quote.speaker in set(speaker.aliases)
    ]


def test_every_speaker_row_has_the_plain_counts(people: People) -> None:
    table = people.speakers
    strings = {quote.speaker for entry in people.entries for quote in entry.quotes if quote.speaker}
    rows = [*table.named, *table.groups]
    assert sorted(alias for row in rows for alias in row.aliases) == sorted(strings), "each string in one row"
    assert set(table.by_alias) == strings
    for row in rows:
        said = spoken(people, row)
        assert row.quotes == len(said), row.name
        assert row.articles == len({at for at, _, _ in said}), row.name
        assert row.low_confidence == sum(quote.confidence < LOW_CONFIDENCE for _, _, quote in said), row.name
        assert list(table.entries_of(row)) == sorted({at for at, _, _ in said}), row.name
        assert [(q.entry, q.number) for q in people.quotes_of(row)] == [(at, n) for at, n, _ in said], row.name
        assert all(table.by_alias[alias] is row for alias in row.aliases)


def test_every_described_speaker_is_one_article_s_with_the_plain_counts(people: People) -> None:
    table = people.speakers
    plain: dict[tuple[str, int], list[Quote]] = defaultdict(list)
    for at, entry in enumerate(people.entries):
        for quote in entry.quotes:
            group = table.by_alias.get(quote.speaker) if quote.speaker else None
            if group is not None and group.described:
                plain[group.key, at].append(quote)
    assert sorted((row.key, row.entries[0]) for row in table.described) == sorted(plain)  # type: ignore[index]
    for row in table.described:
        quotes = plain[row.key, row.entries[0]]  # type: ignore[index]
        assert row.quotes == len(quotes) and row.articles == 1
        assert row.low_confidence == sum(quote.confidence < LOW_CONFIDENCE for quote in quotes)
        assert set(row.aliases) == {quote.speaker for quote in quotes}
    for at, entry in enumerate(people.entries):
        for quote in entry.quotes:
            row = table.row_of(quote.speaker, at)
            assert (row is None) == (quote.speaker is None)
            if row is not None:
                assert quote.speaker in row.aliases and (not row.described or list(row.entries or ()) == [at])


def test_every_entity_row_has_the_plain_counts(people: People) -> None:
    table = people.entities
    pairs = {(entity.name, entity.type) for entry in people.entries for entity in entry.entities}
    assert set(table.by_name) == pairs
    assert sorted((alias, row.type) for row in table.rows for alias in row.aliases) == sorted(pairs)
    for row in table.rows:
        holding = [
            (at, entity)
            for at, entry in enumerate(people.entries)
            for entity in entry.entities
            if entity.type == row.type and entity.name in set(row.aliases)
        ]
        assert row.articles == len(holding), row.name
        assert row.mentions == sum(entity.count for _, entity in holding), row.name
        assert list(table.entries_of(row)) == sorted({at for at, _ in holding}), row.name
        assert all(table.by_name[alias, row.type] is row for alias in row.aliases)
