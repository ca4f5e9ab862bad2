"""The people tables: merging speakers, fuzzy names, and which quotes name whom."""

from __future__ import annotations

import re

import pytest

from byline.model import Analysis, Article, Entity, EntityType, Entry, Quote
from byline.people import People, is_description, name_key
from byline.people.names import merge_bare


def entry(n: int, body: str, said: dict[str, str | None], entities: dict[str, EntityType], low: str = "") -> Entry:
    """An entry of `body`: each quote (its words) with its speaker; each entity's mentions found by name
    (a person's surname alone counts as a mention of them, as the extractor does)."""
    quotes = []
    for words, speaker in said.items():
        start = body.index(words)
        # 0.75: uncertain as the sidebar and `extract` mark it (below 0.8); the tables once counted
        # only what was below 0.5 and missed it.
        quotes.append(Quote(words, speaker, start, start + len(words), confidence=0.75 if words == low else 1.0))
    found = []
    for name, kind in entities.items():
        pattern = name if kind != "PERSON" else rf"(?:{name.rpartition(' ')[0]} )?{name.rpartition(' ')[2]}"
        spans = tuple(m.span() for m in re.finditer(rf"\b{pattern}\b", body))
        found.append(Entity(name, kind, len(spans), spans))
    article = Article(id=f"a{n}", path=f"{n}.txt", title=f"Article {n}", paragraphs=(body,))
    return Entry.of(article, Analysis(tuple(quotes), tuple(found)))


@pytest.fixture
def people() -> People:
    return People(
        [
            entry(
                0,
                'Tony Blair met Gordon Brown. "We are united on the economy," Mr Blair said of Mr Brown. '
                '"It is a fine day," said a spokesman for the firm.',
                {"We are united on the economy,": "Tony Blair", "It is a fine day,": "spokesman for the firm"},
                {"Tony Blair": "PERSON", "Gordon Brown": "PERSON"},
            ),
            entry(
                1,
                '"Schools come first," Blair said. "Taxes will not rise," said a spokesman.',
                {"Schools come first,": "Blair", "Taxes will not rise,": "spokesman"},
                {"Tony Blair": "PERSON"},
                low="Schools come first,",
            ),
            entry(
                2,
                '"The budget is sound," said Mr Brown. "Labour will win," Brown added. '
                'Michael Howard said: "Brown is wrong."',
                {
                    "The budget is sound,": "Gordon Brown",
                    "Labour will win,": "Gordon Brown",
                    "Brown is wrong.": "Michael Howard",
                },
                {"Gordon Brown": "PERSON", "Michael Howard": "PERSON", "Labour": "ORG"},
            ),
            entry(
                3,
                '"We back him," said the spokesman. "Nothing changes," Howard said. "London is ready," said London.',
                {"We back him,": "spokesman", "Nothing changes,": "Howard", "London is ready,": "London"},
                {"Michael Howard": "PERSON", "London": "PLACE"},
            ),
        ]
    )


def test_descriptions_are_told_from_names_by_a_general_test() -> None:
    for description in ("spokesman", "spokesman for the firm", "Rosneft spokesman", "a BBC source", "Prime Minister"):
        assert is_description(description), description
    for name in ("Tony Blair", "Mr Blair", "Police Federation", "Ludwig van Beethoven", "Robert Kilroy-Silk", "UN"):
        assert not is_description(name), name


@pytest.mark.parametrize(
    "name",
    ["Department for Education and Skills", "Institute for Fiscal Studies", "University of the West of England"],
)
def test_a_body_s_name_with_small_words_in_it_is_a_name(name: str) -> None:
    assert not is_description(name)


@pytest.mark.parametrize("name", ["Home Office spokesman", "Gunners boss Arsene Wenger", "spokesman for the firm"])
def test_a_role_or_a_lower_case_word_makes_a_description(name: str) -> None:
    assert is_description(name)


def test_one_name_in_many_spellings_is_one_key() -> None:
    assert name_key("Mr Tony  Blair") == name_key("tony blair") == name_key("Sir Tony Blair") == "tony blair"
    assert name_key("Mr Blair") == "blair"
    assert name_key("José Mourinho") == "jose mourinho"


def test_a_bare_surname_joins_the_only_person_of_that_surname() -> None:
    assert merge_bare(["blair", "tony blair"], {"tony blair", "blair"}) == {"blair": "tony blair"}
    # Two people named Brown: a bare "Brown" joins neither.
    assert merge_bare(["brown"], {"gordon brown", "nick brown", "brown"}) == {}
    # Not a person: "Labour" is not the surname of "New Labour".
    assert merge_bare(["labour"], {"new labour"}, is_person=lambda key: key != "new labour") == {}


def test_a_speaker_quoted_mostly_by_surname_is_named_in_full() -> None:
    people = People(
        [
            entry(
                0, '"We will not sell," said Rick Parry.', {"We will not sell,": "Rick Parry"}, {"Rick Parry": "PERSON"}
            ),
            entry(
                1,
                '"Talks go on," Parry said. "Money is not all," Parry said.',
                {"Talks go on,": "Parry", "Money is not all,": "Parry"},
                {"Parry": "PERSON"},
            ),
        ]
    )
    [parry] = people.speakers.named
    assert (parry.name, parry.quotes, set(parry.aliases)) == ("Rick Parry", 3, {"Rick Parry", "Parry"})


def test_speakers_merge_across_articles_and_descriptions_stay_apart(people: People) -> None:
    table = people.speakers
    by_name = {row.name: row for row in table.named}
    assert set(by_name) == {"Tony Blair", "Gordon Brown", "Michael Howard", "London"}
    blair = by_name["Tony Blair"]
    assert (blair.quotes, blair.articles, blair.low_confidence) == (2, 2, 1)
    assert set(blair.aliases) == {"Tony Blair", "Blair"}
    assert set(by_name["Michael Howard"].aliases) == {"Michael Howard", "Howard"}
    assert table.named[0].name == "Gordon Brown"  # most quoted first (2 quotes, then by name)
    # "spokesman" in two articles: two speakers, grouped apart, never merged.
    assert [(row.name, row.entries[0]) for row in table.described if row.key == "spokesman"] == [
        ("spokesman", 1),
        ("spokesman", 3),
    ]
    group = next(row for row in table.groups if row.key == "spokesman")
    assert (group.quotes, group.articles, group.described) == (2, 2, True)
    assert table.raw_count == 8


def test_a_place_quoted_as_a_speaker_is_not_anyone_s_surname(people: People) -> None:
    assert people.speakers.by_alias["London"].aliases == ("London",)


@pytest.mark.parametrize(
    ("typed", "found"),
    [("blare", "Tony Blair"), ("BLAIR", "Tony Blair"), ("tony blare", "Tony Blair"), ("brwon", "Gordon Brown"),
     ("howrd", "Michael Howard"), ("gordon", "Gordon Brown"), ("spokesmn", "spokesman")],
)  # fmt: skip
def test_names_are_found_with_typos_forgiven(people: People, typed: str, found: str) -> None:
    speaker = people.find_speaker(typed)
    assert speaker is not None and speaker.name == found


def test_nothing_like_any_name_finds_nobody(people: People) -> None:
    assert people.find_speaker("zzzzzz") is None
    assert people.find_speaker("   ") is None
    assert people.find_entity("qqqqq") is None


def test_the_filter_keeps_the_matches_best_first(people: People) -> None:
    assert [row.name for row in people.speaker_matcher.filter("b")][:2] == ["Gordon Brown", "Tony Blair"]
    assert len(people.speaker_matcher.filter("")) == len(people.speakers.named) + len(people.speakers.groups)


def test_a_speaker_s_quotes_say_where_they_are(people: People) -> None:
    blair = people.find_speaker("blair")
    assert blair is not None
    rows = people.quotes_of(blair)
    assert [(row.speaker, row.title, row.path, row.number) for row in rows] == [
        ("Tony Blair", "Article 0", "0.txt", 0),
        ("Tony Blair", "Article 1", "1.txt", 0),
    ]
    assert [row.low_confidence for row in rows] == [False, True]
    first = people.entries[rows[0].entry]
    assert rows[0].quote is first.quotes[0] and (rows[0].start, rows[0].end) == (
        first.quotes[0].start,
        first.quotes[0].end,
    )


def test_the_entity_table_counts_articles_and_the_quotes_that_name_them(people: People) -> None:
    rows = {row.name: row for row in people.count_entity_quotes().rows}
    brown = rows["Gordon Brown"]
    assert (brown.type, brown.articles) == ("PERSON", 2)
    # Blair's quote (its sentence says "of Mr Brown") and Howard's ("Brown is wrong."), not
    # Brown's own quotes, whose sentences name him only as their speaker.
    assert brown.quotes == 2
    assert rows["London"].type == "PLACE"


def test_quotes_about_an_entity_are_grouped_by_speaker(people: People) -> None:
    brown = people.find_entity("brown")
    assert brown is not None and brown.name == "Gordon Brown"
    groups = people.quotes_about(brown)
    assert {who.name: [row.quote.text for row in rows] for who, rows in groups if who is not None} == {
        "Tony Blair": ["We are united on the economy,"],
        "Michael Howard": ["Brown is wrong."],
    }


def test_what_x_said_about_y(people: People) -> None:
    blair, howard, brown = people.find_speaker("blair"), people.find_speaker("howard"), people.find_entity("brown")
    assert blair is not None and howard is not None and brown is not None
    assert [row.quote.text for row in people.said_about(blair, brown)] == ["We are united on the economy,"]
    assert [row.quote.text for row in people.said_about(howard, brown)] == ["Brown is wrong."]
    labour = people.find_entity("labour")
    assert labour is not None and people.said_about(howard, labour) == []


def test_a_body_or_place_in_the_words_around_a_quote_is_not_what_it_is_about() -> None:
    people = People(
        [
            entry(
                0,
                '"Prices will rise," Mr Brown told the BBC in London. '
                '"The BBC is biased," he said. Mr Brown said of Mr Blair: "He is tired."',
                {
                    "Prices will rise,": "Gordon Brown",
                    "The BBC is biased,": "Gordon Brown",
                    "He is tired.": "Gordon Brown",
                },
                {"Gordon Brown": "PERSON", "Tony Blair": "PERSON", "BBC": "ORG", "London": "PLACE"},
            )
        ]
    )
    bbc, london, blair = (people.find_entity(name) for name in ("bbc", "london", "blair"))
    assert bbc is not None and london is not None and blair is not None
    # Told to the BBC, said in London: about neither. The BBC in the quote's own words: about it.
    assert [row.quote.text for _, rows in people.quotes_about(bbc) for row in rows] == ["The BBC is biased,"]
    assert people.quotes_about(london) == []
    assert [row.quote.text for _, rows in people.quotes_about(blair) for row in rows] == ["He is tired."]


def test_an_empty_corpus_has_empty_tables() -> None:
    people = People([])
    assert people.speakers.named == [] and people.entities.rows == [] and people.find_speaker("blair") is None


def test_identical_files_count_once_in_who_said_what() -> None:
    body = '"The budget is sound," said Gordon Brown. Labour agreed.'
    said = {"The budget is sound,": "Gordon Brown"}
    names: dict[str, EntityType] = {"Gordon Brown": "PERSON", "Labour": "ORG"}
    original, copy = entry(0, body, said, names), entry(0, body, said, names)
    copy = Entry.of(
        Article(id=original.id, path="copy/0.txt", title=original.title, paragraphs=(body,)),
        Analysis(original.quotes, original.entities),
    )
    people = People([original, copy, entry(1, body.replace("Labour", "The Tories"), said, {"Gordon Brown": "PERSON"})])
    assert [e.path for e in people.entries] == ["0.txt", "1.txt"], "the first file of an article is kept"
    brown = people.find_speaker("gordon brown")
    assert brown is not None and (brown.quotes, brown.articles) == (2, 2)
    labour = people.find_entity("labour")
    assert labour is not None and labour.articles == 1
    assert sum(len(rows) for _, rows in people.quotes_about(people.find_entity("gordon brown"))) <= 2


def test_each_speaker_is_one_string_however_many_entries_make_it() -> None:
    """Entries read from the cache make new strings on every read: a million articles' speakers
    kept as they come would be millions of strings."""
    from byline.people.speakers import Quotes

    def entry(number: int) -> Entry:
        name = "".join(["Tony ", "Blair"])  # a new string each time, as a read from the cache gives
        return Entry(str(number), f"{number}.txt", "T", "", (Quote("Words.", name, 0, 6),), ())

    speakers = Quotes.of([entry(n) for n in range(3)]).speakers
    assert speakers == ["Tony Blair"] * 3 and speakers[0] is speakers[1] is speakers[2]
