"""Classes of entity errors seen by readers, each fixed by a general rule (one case a class)."""

from __future__ import annotations

import pytest

from .helpers import entity_names

# (the article's paragraphs, names that must be there with their types, names that must not)
CASES = {
    "a corporate suffix makes a body": (
        ["The claims were made by Indepen Consulting Limited in London."],
        {"Indepen Consulting Limited": "ORG", "London": "PLACE"},
        (),
    ),
    "a people named by its adjective's plural is no entity": (
        ["The Czechs and the Thais sent aid to Bangkok."],
        {"Bangkok": "PLACE"},
        ("Czechs", "Thais"),
    ),
    "a plural of initials is a common noun": (
        ["Some people spend more time in MMORPGs and with NGOs than at home in Leeds."],
        {"Leeds": "PLACE"},
        ("MMORPGs", "NGOs"),
    ),
    "films after a genre noun with no determiner are works": (
        [
            "Profits at Time Warner slumped, helped by box-office flops Alexander and Catwoman.",
            "Colin Farrell played the title role in historical blockbuster Alexander in Morocco.",
        ],
        {"Time Warner": "ORG", "Colin Farrell": "PERSON", "Morocco": "PLACE"},
        ("Alexander", "Catwoman"),
    ),
    "a name that only qualifies a work noun stays": (
        ["The Producers beat the other blockbuster West End musicals at the awards."],
        {"West End": "PLACE"},
        (),
    ),
    "a known work lengthened is a work": (
        ["I played Star Wars Galaxies for a year, and Mario Kart DS after that, in Texas."],
        {"Texas": "PLACE"},
        ("Wars Galaxies", "Mario Kart DS"),
    ),
    "a name after a person and 'of' is his employer": (
        ["Yet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says fares will rise."],
        {"Mike Powell": "PERSON", "Dresdner Kleinwort Wasserstein": "ORG"},
        (),
    ),
    "a peer's territorial designation is part of his name": (
        ["Lord Nicholls of Birkenhead, in his ruling, said it was wrong. Lord Nicholls added more."],
        {"Lord Nicholls of Birkenhead": "PERSON"},
        ("Birkenhead", "Lord Nicholls"),
    ),
    "a peer's designation joins the given name the article uses": (
        ["Neil Kinnock led Labour until 1992.", "He will take the title of Lord Kinnock of Bedwellty."],
        {"Neil Kinnock": "PERSON"},
        ("Lord Kinnock of Bedwellty", "Bedwellty"),
    ),
    "a body's name run together is the spaced form": (
        ["Time Warner said profits rose. TimeWarner also owns AOL, and TimeWarner shares rose."],
        {"Time Warner": "ORG"},
        ("TimeWarner",),
    ),
    "a given name before 'and' and a full name shares the surname": (
        ["The song was written by Robin and Barry Gibb in Miami."],
        {"Robin Gibb": "PERSON", "Barry Gibb": "PERSON", "Miami": "PLACE"},
        ("Robin",),
    ),
    "a plural possessive on a place owns what follows": (
        ["The squad trained at Leeds' Elland Road on Monday."],
        {"Leeds": "PLACE", "Elland Road": "PLACE"},
        ("Leeds' Elland Road",),
    ),
    "a people's noun in the possessive keeps the body whole": (
        ["Paul Smith of the Musicians' Union spoke."],
        {"Musicians' Union": "ORG"},
        (),
    ),
    "a building a name owns makes the name a body": (
        ["Gaming has distracted people since the days of Pong at the Atari offices."],
        {"Atari": "ORG"},
        (),
    ),
    "a party named only before its government is an adjective": (
        ["Mr Blair and the Labour government have backed Turkey."],
        {},
        ("Labour",),
    ),
    "English words before 'chief executive' name a body": (
        ["Shoppers will use a pin. Retail Decisions chief executive Carl Clump told the BBC so."],
        {"Retail Decisions": "ORG"},
        (),
    ),
    "a lone plural after 'the' in sports news is a side": (
        [
            "Middlesbrough striker Jimmy Floyd Hasselbaink missed a penalty in the match against Charlton.",
            "The Addicks defended well and the goalkeeper made a save before the striker scored in the second half.",
        ],
        {"Addicks": "ORG"},
        (),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_entity_class(case: str) -> None:
    paragraphs, wanted, unwanted = CASES[case]
    names = entity_names(*paragraphs)
    assert {name: names.get(name) for name in wanted} == wanted
    assert [name for name in unwanted if name in names] == []
