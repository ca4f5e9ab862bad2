"""Speakers as entities: someone the article quotes is someone it names.

The entity finder types a name by its cues (a title, a first name, a verb); a bare surname
that only ever speaks ("But Parry, speaking to BBC Sport, ...") has none it trusts, and
was left out of the article's people though the quotes give it to him.
"""

from __future__ import annotations

import re

from byline.extract.context import opens_sentence
from byline.extract.lexicons import lexicons
from byline.model import Entity, Quote

_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*$")
_ACRONYM = re.compile(r"[A-Z]{2,}s?$")
MAX_NAME_WORDS = 4


def with_speakers(body: str, entities: tuple[Entity, ...], quotes: list[Quote]) -> tuple[Entity, ...]:
    """The entities, and each speaker named by a proper name that none of them holds, as a person:
    someone the article quotes is someone it names ("But Parry, speaking to BBC Sport," where the
    name alone, with no title or first name, was not taken for anyone's)."""
    roles = lexicons().roles
    known = {e.name for e in entities}
    surnames = {e.name.rsplit(" ", 1)[-1] for e in entities if e.type == "PERSON"}
    words_of = {w for e in entities for w in e.name.split()}
    added: list[Entity] = []
    for speaker in dict.fromkeys(q.speaker for q in quotes if q.speaker):
        parts = speaker.split()
        if len(parts) > MAX_NAME_WORDS or not all(_NAME_WORD.match(p) and not _ACRONYM.match(p) for p in parts):
            continue  # a description ("a spokesman") or a body's initials ("MPs", "NUJ"), not a name
        if speaker in known or speaker in surnames or speaker in words_of or speaker.endswith(("'s", "’s")):
            continue
        if any(part.lower() in roles for part in parts):
            continue  # "NUJ General Secretary": a role, not a name
        spans = tuple((m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(speaker)}\b", body))
        # One word seen only where any word takes a capital ("Ministers said") may be a plain noun.
        if len(parts) == 1 and all(opens_sentence(body, start) for start, _ in spans):
            continue
        if spans:
            added.append(Entity(speaker, "PERSON", len(spans), spans))
    return (*entities, *added) if added else entities
