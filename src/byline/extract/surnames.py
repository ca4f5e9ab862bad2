"""Names that lean on another person's surname.

"Blairite", "Brownites": the followers of a person the article names; "the
Blair-Brown feud": two names made one adjective. "Vote Blair"
beside "Tony Blair": a capitalised English word before a named person's surname,
guessed a first name, is no person of its own; the surname alone is kept.
"""

from __future__ import annotations

import re

from byline.extract.lexicons import Lexicons
from byline.extract.name_tokens import Candidate


def verb_before_surname(full_persons: dict[str, None], sure: set[str], lex: Lexicons) -> set[str]:
    """Two-word "names", guessed, only ever at a sentence's start, whose first word is
    an English word and no first name, where the article names another person
    with that surname in full ("Vote Blair" beside "Tony Blair")."""
    surnames: dict[str, list[str]] = {}
    for name in full_persons:
        surnames.setdefault(name.rsplit(" ", 1)[-1], []).append(name)
    out = set()
    for name in full_persons:
        words = name.split()
        if (
            len(words) == 2
            and name not in sure
            and words[0].lower() in lex.english_words
            and words[0] not in lex.first_names
            and words[0] not in lex.honorifics
            and any(other != name and other.split()[0] != words[0] for other in surnames[words[1]])
        ):
            out.add(name)
    return out


def surnames_in_words(dropped: list[tuple[int, str]], cands: list[Candidate], lex: Lexicons) -> list[Candidate]:
    """ "West began his music career" beside "Kanye West", "Bush said" beside
    "George W Bush": the surname of a person the text names in full, an English
    word that the name finder drops alone, mid-sentence (its capital proves a name)."""
    last = {
        c.text.rsplit(" ", 1)[1]
        for c in cands
        if c.type == "PERSON" and " " in c.text and (c.strong or c.text.split(" ", 1)[0] in lex.first_names)
    }  # (a given name or a title proves the person: "Save Betamax" on a T-shirt does not)
    if not last:
        return []
    found = {c.start for c in cands}  # (a dropped run may still have given its candidate)
    return [
        Candidate(start, start + len(word), word, "PERSON")
        for start, word in dropped
        if word in last and start not in found and word not in lex.calendar and word not in lex.demonyms
    ]


def surname_only(cand: Candidate) -> Candidate:
    """The candidate cut down to its last word."""
    cut = cand.text.rfind(" ") + 1
    return Candidate(cand.start + cut, cand.end, cand.text[cut:], cand.type, cand.initial, strong=cand.strong)


def follower_of(word: str, surnames: dict[str, list[str]]) -> bool:
    """ "Blairite", "Brownites": the followers of a person the article names."""
    stem = word[: -len("ites")] if word.endswith("ites") else word[: -len("ite")] if word.endswith("ite") else ""
    return bool(stem) and (stem in surnames or stem + "e" in surnames)


def adjective_pair(
    word: str, surnames: dict[str, list[str]], seen: set[str], lex: Lexicons, body: str, end: int
) -> bool:
    """ "the Blair-Brown feud", "Turkey-EU talks", "the London-Frankfurt merger":
    two names the article or the lexicons know, joined into one adjective, which
    names nothing of its own; in the body (`body` not empty) only before a noun."""
    first, dash, second = word.partition("-")
    return (
        bool(dash)
        and (not body or _qualifies_a_noun(body, end, lex))
        and all(
            part[:1].isupper()
            and (part in surnames or part in seen or part in lex.places or part in lex.orgs or part in lex.org_aliases)
            for part in (first, second)
        )
    )


_NEXT_WORD = re.compile(r" ([a-z]+)")
_PLURAL_VERBS = frozenset({"are", "were", "have"})  # (clause_verbs serve lists, in the singular)


def _qualifies_a_noun(body: str, end: int, lex: Lexicons) -> bool:
    """Whether a lower-case word that opens no clause follows: "Turkey-EU talks",
    not "Europe and Asia-Pacific are expected" (a region)."""
    word = _NEXT_WORD.match(body, end)
    return word is not None and word.group(1) not in lex.type_cues.clause_verbs and word.group(1) not in _PLURAL_VERBS
