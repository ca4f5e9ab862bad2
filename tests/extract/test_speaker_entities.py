"""Someone the article quotes is someone it names: speakers the entity finder left out."""

from __future__ import annotations

from byline.extract.speaker_entities import with_speakers
from byline.model import Entity, Quote


def said(speaker: str) -> Quote:
    return Quote("x", speaker, 0, 1)


def test_a_speaker_known_by_a_bare_surname_joins_the_people() -> None:
    body = 'But Parry, speaking to the club website, said talks went on. "We will not sell," Parry said.'
    found = with_speakers(body, (), [said("Parry")])
    assert found == (Entity("Parry", "PERSON", 2, ((4, 9), (81, 86))),)


def test_a_speaker_the_entities_hold_is_not_added_twice() -> None:
    body = "Tony Blair spoke. Blair said so. The BBC said so."
    entities = (Entity("Tony Blair", "PERSON", 2), Entity("BBC", "ORG", 1))
    quotes = [said("Tony Blair"), said("Blair"), said("BBC")]
    assert with_speakers(body, entities, quotes) == entities


def test_plural_nouns_initials_roles_and_descriptions_are_not_made_people() -> None:
    body = "Ministers said no. MPs said no. NUJ General Secretary Jeremy Dear said no. A spokesman said no."
    quotes = [said(s) for s in ("Ministers", "MPs", "NUJ General Secretary", "spokesman", "Foster's")]
    assert with_speakers(body, (), quotes) == ()
