"""The tables the word lists are read into (`byline.extract.lexicons`).

Defined here, among the compiled modules, not beside the reading: the extractor reads their
fields a couple of hundred thousand times a pass over BBC, and a compiled class's field is read
directly, where a Python class's costs a generic attribute look-up (~170 instructions).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TypeCues:
    """Words around a name that tell its type (type_cues.txt)."""

    place_before: frozenset[str] = frozenset()
    body_before_in: frozenset[str] = frozenset()
    person_before: frozenset[str] = frozenset()
    person_possessions: frozenset[str] = frozenset()
    body_possessions: frozenset[str] = frozenset()
    person_after: frozenset[str] = frozenset()
    body_after: frozenset[str] = frozenset()
    place_after: frozenset[str] = frozenset()
    clause_verbs: frozenset[str] = frozenset()
    place_nouns_of: frozenset[str] = frozenset()
    body_before: frozenset[str] = frozenset()
    place_kinds: frozenset[str] = frozenset()
    place_before_for: frozenset[str] = frozenset()
    body_premises: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicons:
    places: frozenset[str]
    countries: frozenset[str]
    orgs: frozenset[str]
    org_aliases: dict[str, str]
    org_words: frozenset[str]
    org_words_anywhere: frozenset[str]
    place_words: frozenset[str]
    demonyms: frozenset[str]
    calendar: frozenset[str]
    honorifics: dict[str, str]
    first_names: dict[str, str]
    roles: frozenset[str]
    role_heads: frozenset[str]  # last words of the roles ("minister")
    common_words: frozenset[str]
    event_words: frozenset[str]
    english_words: frozenset[str]
    sport_words: frozenset[str] = frozenset()
    type_cues: TypeCues = TypeCues()
    works: frozenset[str] = frozenset()  # well-known titles of works and products
    on_bodies: frozenset[str] = frozenset()  # "Committee" in "Joint Committee on Human Rights"
    stage_names: frozenset[str] = frozenset()  # people known by one name ("Eminem", "Bono")
    country_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "US" -> its forms, fullest first
