"""The parts of an article that the entity finder reads around the names.

The words the text uses in lower case, the author line, a Title Case
headline, a university named by its campus, a role written before a name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from byline.extract.lexicons import Lexicons
from byline.extract.names import NAME_RUN, Candidate
from byline.extract.whole_words import forms_found


class _Counted(Protocol):
    count: int


class LowerWords:
    """Whether a word stands in the text in lower case: as one of the words `str.split` cuts
    the text into, maybe with one of `_CLINGING` after it (cheaper than stripping every word).

    An article asks about some 15 words (at most ~150 in the BBC sample), most of them names
    not in the text at all: finding each with `str.find` costs less than splitting the text
    and hashing its hundreds of words into a set, which was 4% of the extractor's
    instructions. Each answer is kept (two words in five are asked again: a name's every
    mention). Past `FINDS_BEFORE_A_SET` words the set is made all the same, so that a
    long text asked about many words stays linear."""

    __slots__ = ("text", "answers", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}
        self.words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        words = self.words
        if words is None:
            answer = self.answers.get(word)
            if answer is not None:
                return answer
            if len(self.answers) < FINDS_BEFORE_A_SET and word:  # ("" is no word, but "," may be one)
                answer = self.answers[word] = self._found(word)
                return answer
            words = self.words = frozenset(self.text.split())
        return (
            word in words
            or word + "," in words
            or word + "." in words
            or (word + ";" in words or word + ":" in words or word + '"' in words or word + "\u201d" in words)
        )

    def _found(self, word: str) -> bool:
        """The set's answer, by `str.find`: an occurrence of `word` with white space (as
        `str.split` tells it: `str.isspace`) or the text's start before it, and after it
        white space or the end, or one clinging mark then white space or the end."""
        text = self.text
        size = len(text)
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or text[at - 1].isspace()) and (
                end == size
                or text[end].isspace()
                or text[end] in _CLINGING
                and (end + 1 == size or text[end + 1].isspace())
            ):
                return word.split() == [word]  # (`split` gives no word that holds white space)
            at = text.find(word, at + 1)
        return False


FINDS_BEFORE_A_SET = 64  # words looked for one by one in a text before its words are made a set
_CLINGING = frozenset(',.;:"\u201d')  # the marks `LowerWords` lets stand after a word


_AUTHOR_NAME = re.compile(r"^(?:By\s+)?([A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})$")


def join_campus(body: str, cands: list[Candidate]) -> list[Candidate]:
    """ "University of California at Berkeley": one university, named by its campus."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.text.startswith("University of ")
            and cand.start == prev.end + 4
            and body.startswith(" at ", prev.end)
            and " " not in cand.text
        ):
            out[-1] = Candidate(prev.start, cand.end, body[prev.start : cand.end], "ORG", strong=True)
            continue
        out.append(cand)
    return out


# A venue's lower-case noun after its name ("the Mottram Hall hotel"), the
# longest first; and a police force named by its area ("Norfolk police").
_VENUE_NOUN = re.compile(r" (?:police station|hotel|stadium|complex|arena|prison)\b")
_FORCE = " police"
_POLICE_STATION = " police station"


def join_venue(body: str, cands: list[Candidate], lex: Lexicons) -> list[Candidate]:
    """ "the Mottram Hall hotel", "Paddington Green police station", "Parken
    stadium": a place that is not a town (no lexicon's place) named with its
    lower-case noun is that venue, under the whole name; "Norfolk police",
    "West Yorkshire police": the area's police force, a body. A country's
    police ("Singapore police") and a town's hotel ("a London hotel") stay
    the country and the town."""
    out: list[Candidate] = []
    for cand in cands:
        # (an untyped capital that opens a sentence may be any word: "Local police")
        if (cand.type == "PLACE" or cand.type is None and not cand.initial) and cand.text not in lex.countries:
            venue = _VENUE_NOUN.match(body, cand.end)
            if (
                venue
                and cand.text not in lex.places
                # ("Elland Road stadium": the name says it is a place; an area's police station is not the area)
                and (cand.text.split()[-1] not in lex.place_words or venue.group() == _POLICE_STATION)
            ):
                out.append(Candidate(cand.start, venue.end(), body[cand.start : venue.end()], "PLACE", strong=True))
                continue
            end = cand.end + len(_FORCE)
            if not venue and body.startswith(_FORCE, cand.end) and not body[end : end + 1].isalpha():
                out.append(Candidate(cand.start, end, body[cand.start : end], "ORG", strong=True))
                continue
        out.append(cand)
    return out


def role_before(body: str, start: int, known: frozenset[str], heads: frozenset[str]) -> list[str]:
    """'prime minister' in 'the prime minister Tony Blair' (a role right before a name)."""
    if start < 3 or not body[start - 2].islower():
        return []
    space = body.rfind(" ", 0, start - 1)
    if body[space + 1 : start - 1].lower() not in heads:  # a cheap first test
        return []
    words = [w.lower() for w in body[max(0, start - 40) : start].split()[-3:]]
    for n in range(len(words)):
        if " ".join(words[n:]) in known:
            # "Tory leader", "Lions coach": the role with what qualifies it too;
            # but a "shadow foreign secretary" or "deputy mayor" is not the
            # foreign secretary or the mayor.
            # ("ex-Conservative chancellor": a prefix on the word before counts too)
            if any(w in _OTHER_OFFICE or w.split("-", 1)[0] in _OTHER_OFFICE for w in words[:n]):
                return [" ".join(words[m:]) for m in range(n)]
            return [" ".join(words[m:]) for m in range(n + 1)]
    return []


_OTHER_OFFICE = frozenset("shadow deputy former ex assistant vice junior acting".split())


def count_in_title(title: str, surfaces: dict[str, str], clusters: Mapping[str, _Counted]) -> None:
    # (not a pattern of the forms: compiled for each headline, it cost more than the search)
    for form in forms_found(title, sorted(surfaces, key=len, reverse=True)):
        clusters[surfaces[form]].count += 1


def is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words[1:])
    return capitalised >= 0.6 * (len(words) - 1)


def author_name(author: str) -> str:
    match = _AUTHOR_NAME.match(author.strip())
    return match.group(1) if match else ""


_ON = re.compile(r" on (?:the )?(?=[A-Z])")


def join_on(body: str, cands: list[Candidate], lex: Lexicons) -> list[Candidate]:
    """ "the Joint Committee on Human Rights", "the Council on Foreign
    Relations": a body whose name goes on past "on", which no run of capitals
    takes in (a run stops at a small word), under the whole name."""
    out: list[Candidate] = []
    skip_to = -1
    for cand in cands:
        if cand.start < skip_to:
            continue
        on = _ON.match(body, cand.end) if cand.type == "ORG" and cand.text.split()[-1] in lex.on_bodies else None
        run = NAME_RUN.match(body, on.end()) if on else None
        # ("... on Human Rights and the League ...": "and the" joins two names)
        end = run.start() + len(run.group().split(" and the ", 1)[0]) if run else 0
        if on and run and not any(w in lex.calendar or w in lex.places for w in body[run.start() : end].split()):
            out.append(Candidate(cand.start, end, body[cand.start : end], "ORG", strong=True))
            skip_to = end
            continue
        out.append(cand)
    return out


def share_surname(body: str, cands: list[Candidate], lex: Lexicons) -> list[Candidate]:
    """ "Robin and Barry Gibb", "David and Victoria Beckham": a given name alone,
    then "and" and a full name, shares its surname; unless the word is part of
    another name the article gives in full ("Owen and Natalie Portman" beside Clive
    Owen, "biopic Ray and Mike Leigh's drama" beside Ray Charles)."""
    out = cands
    named: set[str] | None = None
    for i in range(len(cands) - 1):
        first, full = cands[i], cands[i + 1]
        if (
            full.type == "PERSON"
            and " " not in first.text
            and first.text in lex.first_names
            and first.text not in lex.stage_names  # ("Madonna and David Bowie")
            and full.text.count(" ") == 1
            and full.text.split(" ", 1)[0] in lex.first_names
            and body.startswith(" and ", first.end)
            and full.start == first.end + 5
        ):
            if named is None:
                named = {w for c in cands if c.type == "PERSON" and " " in c.text for w in c.text.split()}
            if first.text in named:
                continue
            if out is cands:
                out = list(cands)
            surname = full.text.split(" ", 1)[1]
            out[i] = Candidate(first.start, first.end, f"{first.text} {surname}", "PERSON", strong=True)
    return out
