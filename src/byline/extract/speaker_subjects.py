"""Whose clause a subject is: two names that speak together, and a name
that is only a preposition's object.

"EADS and BAE Systems said": a joint subject (`joint_subject`). "Reacting to
a comment by Tim Phillips, the American said": a person the opening clause
names as an object is not who "the American" is (`only_objects_before`).
"Speaking to Le Matin, the 24-year-old added": the names of an opening
phrase are no subject (`introduced_subject`). "Ms Greer quit over what she
called "bullying"": a pronoun in a relative clause is the sentence's subject
(`relative_subject`). All serve `speaker_resolve.resolve_np`.
"""

from __future__ import annotations

import re

from byline.extract.entities import Mention
from byline.extract.lexicons import lexicons
from byline.extract.speaker_context import Context, gender_of, in_quote, mentions_in, person_name, sentence_start
from byline.extract.speaker_patterns import DETERMINER

_ARTICLES = frozenset({"a", "an", "the"})
_PREPOSITIONS = frozenset("by to with for from against of on over at about after before than like".split())
# (an honorific: "Mr Smith and Mr Jones"; a role: "and drummer Jonny Quinn")
_AND = re.compile(r" and (?:(?P<role>[a-z][\w-]*(?: [a-z][\w-]*)?) )?(?:[A-Z][a-z]{1,3}\.? )?")
_WORD_BEFORE_CHARS = 20  # looked at before a joint subject for a preposition
# A sentence's opening phrase that says where, when or to whom one spoke.
_OPENING_PHRASE = re.compile(
    r"^\s*(?:(?:Speaking|Writing|Talking|Commenting|Responding|Interviewed)\b"
    r"|(?:In|At|On|During)\s+(?:an?|the|his|her|its)\s)"
)
_MAX_SUBJECT_WORDS = 7  # words of the described subject after the opening phrase ("the 24-year-old Swiss")
# A pronoun that opens a relative clause: "what she called", "who he described as".
_RELATIVE = re.compile(r"\b(?:what|which|who|whom)\s*$")
_RELATIVE_LOOKBACK = 7  # characters before the pronoun that hold the relative word
_GENDER = {"he": "m", "she": "f"}
_JOINED_BY_PREPOSITION = frozenset("of with between to for from by against on at in about and".split())


def only_objects_before(body: str, start: int, comma: int, mentions: list[Mention]) -> bool:
    """Whether people stand before the comma, each a preposition's object."""
    before = [m for m in mentions if m.start < comma and m.type == "PERSON"]
    return bool(before) and all(_object_of_preposition(body, start, m.start) for m in before)


def _object_of_preposition(body: str, clause_start: int, pos: int) -> bool:
    """Whether the name at `pos` is a preposition's object: the word before
    it, past capitals, titles and articles ("by All England Club chairman
    Tim Phillips"), is "by", "to", "with"..."""
    role_heads = lexicons().role_heads
    for word in reversed(body[clause_start:pos].split()):
        if word[:1].isupper() or word in _ARTICLES or word in role_heads:
            continue
        return word in _PREPOSITIONS
    return False


def _joined(ctx: Context, end: int, start: int) -> bool:
    """Whether two names are joined by "and", a role in front of the second
    allowed ("singer Gary Lightbody and drummer Jonny Quinn said")."""
    m = _AND.fullmatch(ctx.body, end, start)
    return m is not None and (not m.group("role") or ctx.role_words.fullmatch(m.group("role")) is not None)


def joint_subject(ctx: Context, mentions: list[Mention], stop: int) -> str | None:
    """ "Mr Smith and Ms Jones said", "EADS and BAE Systems said": two people,
    or two bodies, joined by "and" right before the verb speak together."""
    if len(mentions) < 2:
        return None
    first, second = mentions[-2], mentions[-1]
    body = ctx.body
    if (
        first.type != second.type
        or first.type == "PLACE"
        or not _joined(ctx, first.end, second.start)
        or body[second.end : stop].strip(" ,")
        or first.name == second.name
    ):
        return None
    before = body[max(0, first.start - _WORD_BEFORE_CHARS) : first.start].split()[-1:]
    if before and before[0].lower() in _JOINED_BY_PREPOSITION:
        return None  # "talks between Mr Smith and Ms Jones": not the verb's subject
    if first.type == "PERSON":
        return f"{person_name(ctx, first)} and {person_name(ctx, second)}"
    return f"{first.name} and {second.name}"


def introduced_subject(np: str, comma: int, mentions: list[Mention], start: int) -> bool:
    """Whether a phrase is an opening phrase ("Speaking at ...", "In an
    interview with ...") and then, after its comma, a subject that a
    determiner starts and no name stands in ("the Bishop", "a spokesman")."""
    subject = np[comma + 1 :].strip()
    return (
        _OPENING_PHRASE.match(np) is not None
        and DETERMINER.match(subject) is not None
        and len(subject.split()) <= _MAX_SUBJECT_WORDS
        and all(m.start < start + comma for m in mentions)
    )


def relative_subject(ctx: Context, pronoun: str, at: int) -> str | None:
    """'Germaine Greer quit the show over what she called "bullying"': a he
    or she that opens a relative clause stands for the person who is the
    sentence's subject (its first person, not a preposition's object), of
    that gender. The pronoun resolver looks only before the sentence, since
    a name in a pronoun's own sentence is most often someone else."""
    want = _GENDER.get(pronoun)
    if want is None or not _RELATIVE.search(ctx.body, max(0, at - _RELATIVE_LOOKBACK), at):
        return None
    start = sentence_start(ctx, at, 0)
    for m in mentions_in(ctx, start, at):
        if m.type != "PERSON" or in_quote(ctx, m.start):
            continue
        if _object_of_preposition(ctx.body, start, m.start) or gender_of(ctx, m.name) not in (want, "-"):
            return None  # the first person is an object, or of the other gender: no clear subject
        ctx.trail.append(f"pronoun->{person_name(ctx, m)}")
        return person_name(ctx, m)
    return None


def whose_role(ctx: Context, person: Mention, stop: int) -> bool:
    """Whether a name only says whose the role after it is, the role ending
    the phrase: "a Howard spokesman", "a Blair aide"."""
    role = ctx.role_words.match(ctx.body, person.end + 1, stop)
    return (
        ctx.body[person.end : person.end + 1] == " "
        and role is not None
        and role.group(0).islower()  # ("Andrew Tyrie MP": a title after a name is part of it)
        and not ctx.body[role.end() : stop].strip(" ,")
    )
