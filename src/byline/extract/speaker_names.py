"""Names the entity finder did not list, where a verb's subject stands:
"says Stephen Candillon of ...", "But Age Concern said", "Michelle, a
mother of twins, said". They serve `speaker_resolve.resolve_np`, which says
where in a phrase the subject stands (`Prefer`).
"""

from __future__ import annotations

import re
from typing import Literal

from byline.extract.entities import Mention
from byline.extract.lexicons import Lexicons, lexicons
from byline.extract.speaker_context import Context
from byline.extract.speaker_patterns import (
    ANY_DETERMINER,
    BODY_NOUNS,
    CLAUSE_OPENER,
    LEADING_LINK,
    UNKNOWN_NAME,
)

# Which name in a noun phrase is its verb's subject: the first (after an
# inverted verb: "said Mr Blair, the prime minister"), the last (before the
# verb: "the BBC's Nick Robinson said") or the clause's own subject (before a
# participle or a coordinated verb: "Mr Blair spoke, saying ...").
Prefer = Literal["first", "last", "subject"]
FIRST: Prefer = "first"
LAST: Prefer = "last"
SUBJECT: Prefer = "subject"
LOWER_LEAD = re.compile(r"^(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")


def unlisted_name(ctx: Context, np: str, prefer: Prefer, mentions: list[Mention]) -> str | None:
    """A person's name that the entity finder did not list, where the verb's
    subject stands: at the start of an inverted phrase ("says Stephen
    Candillon of ..."), or alone after a comma before the verb ("In one of
    his posts, Heretic writes"). A name of two words or more must start with
    a known first name; a lone word must not be a common word or a role."""
    lex = lexicons()
    if prefer == FIRST:
        m = UNKNOWN_NAME.match(LOWER_LEAD.sub("", np.lstrip(), count=1))  # "economist Gary Thayer of ..."
        if not m or " " not in m.group() or m.group().split()[0] not in lex.first_names:
            return None
        return m.group()
    if prefer != LAST:
        return None
    named = set_off_name(np, mentions, lex)
    if named:
        return named
    lead, comma, phrase = np.rstrip(" ,").rpartition(",")
    if not comma:
        # The whole subject of its clause: "But Age Concern said", "Highfield said".
        clause_subject = _clause_start_name(phrase, mentions, lex)
        if clause_subject:
            return clause_subject
    openers = list(CLAUSE_OPENER.finditer(phrase + " "))
    opener = openers[-1] if openers else None  # the last clause opener
    if opener is not None:  # "... in the summer - but Parry claims"
        phrase, comma = (phrase + " ")[opener.end() :], ","
    phrase = phrase.strip()
    if any(phrase in m.name for m in mentions):
        return None  # a name the entity finder knows, and not as a person
    m = UNKNOWN_NAME.fullmatch(phrase)
    if not m:
        return None
    words = phrase.split()
    if len(words) > 1:
        return phrase if words[0] in lex.first_names else None
    lower = phrase.lower()
    if (
        not comma
        or lower in lex.common_words
        or phrase in lex.demonyms
        or lower in BODY_NOUNS
        or ctx.role_words.fullmatch(lower)
    ):
        return None
    return phrase


def set_off_name(np: str, mentions: list[Mention], lex: Lexicons) -> str | None:
    """ "Michelle, a mother of twins, said": the name that a description in
    commas sets off, when it is all of the words before it and opens with a
    known first name (alone or with one or two capitalised words more)."""
    lead, comma, phrase = np.rstrip(" ,").rpartition(",")
    if not comma or not ANY_DETERMINER.match(phrase):
        return None
    lead = LEADING_LINK.sub("", lead).strip()
    if not UNKNOWN_NAME.fullmatch(lead) or any(lead in m.name or m.name in lead for m in mentions):
        return None
    return lead if lead.split()[0] in lex.first_names else None


def _clause_start_name(phrase: str, mentions: list[Mention], lex: Lexicons) -> str | None:
    """A capitalised name that is all of a clause's subject, after any 'But'
    or 'However': two or three words not starting with a common word, or one
    word that is no English word ('Highfield', not 'Officials')."""
    phrase = LEADING_LINK.sub("", phrase).strip()
    if not UNKNOWN_NAME.fullmatch(phrase) or any(phrase in m.name or m.name in phrase for m in mentions):
        return None
    words = phrase.split()
    if words[0] in lex.common_words or words[0] in lex.demonyms or words[0].lower() in lex.common_words:
        return None
    if len(words) == 1 and (phrase.lower() in lex.english_words or phrase in lex.calendar):
        return None
    return phrase
