"""Names the entity finder did not list, where a verb's subject stands:
"says Stephen Candillon of ...", "But Age Concern said", "Michelle, a
mother of twins, said". They serve `speaker_resolve.resolve_np`, which says
where in a phrase the subject stands (`Prefer`).
"""

from __future__ import annotations

import re
from typing import Literal

from byline.extract.lexicons import Lexicons, lexicons
from byline.extract.mentions import Mention
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
_NAME_WORD = r"[A-Z][a-z'\u2019]+(?:-[A-Z]?[a-z'\u2019]+)*"
# Two or three capitalised words after any honorific, ending where a word ends.
_INVERTED_NAME = re.compile(
    rf"(?:(?:Professor|Prof|Dr|Mr|Mrs|Ms|Sir|Dame|Lord|Lady)\.?\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})(?![\w-])"
)
# A title of capitalised words, then a given name and a surname, ending the phrase.
_TITLED_NAME = re.compile(rf"(?:^|\s)(?:{_NAME_WORD}\s+){{1,4}}(?P<name>{_NAME_WORD}\s+{_NAME_WORD})\s*$")
_TITLED_SPACES = 10  # a subject of more words than that is no title and name
LOWER_LEAD = re.compile(r"^(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")


def unlisted_name(ctx: Context, np: str, prefer: Prefer, mentions: list[Mention]) -> str | None:
    """A person's name that the entity finder did not list, where the verb's
    subject stands: at the start of an inverted phrase ("says Stephen
    Candillon of ..."), or alone after a comma before the verb ("In one of
    his posts, Heretic writes"). A name of two words or more must start with
    a known first name; a lone word must not be a common word or a role."""
    lex = lexicons()
    if prefer == FIRST:
        lead = LOWER_LEAD.sub("", np.lstrip(), count=1)
        m = UNKNOWN_NAME.match(lead)  # "economist Gary Thayer of ..."
        if not m or " " not in m.group():
            return None
        name, words = m.group(), m.group().split()
        if words[0] in lex.first_names:
            return name
        inverted = _INVERTED_NAME.match(lead)
        if not inverted:
            return None
        name = inverted.group("name")
        words = name.split()
        # "said Zara Hyde Peters of UK Athletics": the capitalised words right
        # after an inverted verb name its subject, given name known or not;
        # but not a body's or a place's ("said British Airways", "said Wall
        # Street analysts"), which the entity finder or a description covers.
        if (
            words[0] in lex.demonyms
            or words[0] in lex.calendar
            or words[0].lower() in lex.common_words
            or any(w in lex.org_words or w in lex.place_words or w in lex.countries for w in words)
            or any(name in x.name or x.name in name for x in mentions)
        ):
            return None
        return name
    if prefer != LAST:
        return None
    named = set_off_name(np, mentions, lex)
    if named:
        return named
    titled = _TITLED_NAME.search(np) if not mentions and np.count(" ") < _TITLED_SPACES else None
    if titled and titled.group("name").split()[0] in lex.first_names:
        return titled.group("name")  # "Jefferson Parish Sheriff Harry Lee said": the name after the title
    lead, comma, phrase = np.rstrip(" ,").rpartition(",")
    if not comma:
        # The whole subject of its clause: "But Age Concern said", "Highfield said".
        listed = {e.name for e in ctx.index.entities if e.type != "PLACE"}
        clause_subject = _clause_start_name(phrase, mentions, lex, listed)
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


def _clause_start_name(phrase: str, mentions: list[Mention], lex: Lexicons, listed: set[str]) -> str | None:
    """A capitalised name that is all of a clause's subject, after any 'But'
    or 'However': two or three words not starting with a common word, or one
    word that is no English word ('Highfield', not 'Officials'), or a person's
    or a body's name the article lists elsewhere ('"...," Orange said', where
    the entity finder passed over this one, an English word)."""
    phrase = LEADING_LINK.sub("", phrase).strip()
    if phrase in listed and not any(m.name == phrase for m in mentions):
        return phrase
    if not UNKNOWN_NAME.fullmatch(phrase) or any(phrase in m.name or m.name in phrase for m in mentions):
        return None
    words = phrase.split()
    if words[0] in lex.common_words or words[0] in lex.demonyms or words[0].lower() in lex.common_words:
        return None
    if len(words) == 1 and (phrase.lower() in lex.english_words or phrase in lex.calendar):
        return None
    return phrase
