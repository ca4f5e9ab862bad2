"""Names that lean on another person's surname.

"Blairite", "Brownites": the followers of a person the article names. "Vote Blair"
beside "Tony Blair": a capitalised English word before a named person's surname,
guessed a first name, is no person of its own; the surname alone is kept.
"""

from __future__ import annotations

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


def surname_only(cand: Candidate) -> Candidate:
    """The candidate cut down to its last word."""
    cut = cand.text.rfind(" ") + 1
    return Candidate(cand.start + cut, cand.end, cand.text[cut:], cand.type, cand.initial, strong=cand.strong)


def follower_of(word: str, surnames: dict[str, list[str]]) -> bool:
    """ "Blairite", "Brownites": the followers of a person the article names."""
    stem = word[: -len("ites")] if word.endswith("ites") else word[: -len("ite")] if word.endswith("ite") else ""
    return bool(stem) and (stem in surnames or stem + "e" in surnames)
