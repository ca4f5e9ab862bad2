"""Bodies named by English words, kept by the words that stand beside them.

A run of capitalised English words ("Standard Life", "Global Insight",
"Unison", "Jive") reads as a title or a sentence's start to the name finder
(`classify.py` drops it). Mid-sentence, with a body's cue before it ("an
economist at Global Insight", "the union Unison", "industry analysts Screen
Digest") or after it ("a Jive spokeswoman", "Standard Life, Europe's
largest mutual life insurer"), it names a body: an ORG, and every other
mention of the same words is that body too.

Only the runs the name finder dropped are looked at (`names.candidates`
lists them): a name it typed (a person, a known body) keeps its type. The
cues are words looked up in sets, not patterns searched: this runs for every
article.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from functools import cache

from byline.extract.context import apposition_type
from byline.extract.lexicons import Lexicons, cue_words
from byline.extract.name_tokens import Candidate
from byline.extract.names import WordSet
from byline.extract.whole_words import whole_word_starts

_LONGEST = 4  # words in a body's name found this way
_LOOK = 30  # characters looked at on each side of a run for its cue
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
_PLAIN_RUN = re.compile(rf"[A-Z][a-z]+(?: [A-Z][a-z]+){{0,{_LONGEST - 1}}}")
_INSIDE_NAMES = frozenset({"of", "and", "&"})  # "Culture and Sport", "Top of the Pops"
_PUNCTUATION = ',.;:()"\u201c\u201d'


@cache
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    cues = cue_words()
    return frozenset(cues["body_named_before"]), frozenset(cues["body_named_after"])


@cache
def _after_heads() -> frozenset[str]:
    """The first words of the cues after a name ("lead" of "lead singer")."""
    return frozenset(cue.split()[0] for cue in _cues()[1])


def cued_bodies(
    body: str, dropped: Sequence[tuple[int, str]], found: Sequence[Candidate], lex: Lexicons, lowercase: WordSet
) -> list[Candidate]:
    """Candidates for the bodies named by English words that a cue marks,
    among the `dropped` runs (start, run): one for each mention no candidate
    of `found` keeps (an untyped English word at the same place gives way
    to it: see `entities.py`)."""
    before_cues, after_cues = _cues()
    after_heads = _after_heads()
    names: dict[str, None] = {}
    for start, run in dropped:
        before = body[max(0, start - _LOOK) : start].split()[-2:]
        mid_sentence = bool(before) and before[-1].isalpha() and before[-1].islower()
        if not mid_sentence and " " not in run:
            continue  # one word opening a sentence: any word
        if _PLAIN_RUN.fullmatch(run):  # (the cheap test first: most runs have no cue)
            run_end = start + len(run)
            next_word = body[run_end : run_end + _LOOK].split()[:1]
            if not (
                mid_sentence
                and (before[-1] in before_cues or " ".join(before) in before_cues)
                or body.startswith(",", run_end)
                or next_word
                and next_word[0].strip(_PUNCTUATION) in after_heads
            ):
                continue
        words: list[str] = []
        for word in run.split()[:_LONGEST]:
            if not _PLAIN_WORD.fullmatch(word):
                if word[:1].isdigit():
                    words = []  # "Pro Evolution Soccer 4": a numbered product
                break
            words.append(word)
        if not words:
            continue
        if not mid_sentence and (len(words) < 2 or before and before[-1][-1:].isalnum()):
            continue  # a capital after a capital: the tail of a name; one word opening a sentence: any word
        if before and (before[-1] in _INSIDE_NAMES or (len(before) == 2 and before[0] in _INSIDE_NAMES)):
            continue
        end = start + len(" ".join(words))
        after = [w.strip(_PUNCTUATION) for w in body[end : end + _LOOK].split()[:2]]
        if not (
            mid_sentence
            and (before[-1] in before_cues or " ".join(before) in before_cues)
            or (after and after[0] in after_cues)
            or " ".join(after) in after_cues
            or (body.startswith(",", end) and apposition_type(body, end, lex) == "ORG")
        ):
            continue
        name = _body_name(words, lex, lowercase, body)
        if name:
            names[name] = None
    out: list[Candidate] = []
    for name in names:
        for start in whole_word_starts(body, name):
            if not _covered(start, found, lex.english_words):
                out.append(Candidate(start, start + len(name), name, "ORG", strong=True))
    return out


def _covered(start: int, found: Sequence[Candidate], english: Container[str]) -> bool:
    """Whether a candidate covers `start` that stays without the cue (an
    untyped English word, "Jive", would be dropped: the cue types it; an
    untyped other word is typed from its context later, `context.py`)."""
    return any(c.start <= start < c.end and (c.type is not None or c.text.lower() not in english) for c in found)


def _known(name: str, lex: Lexicons) -> bool:
    return name in lex.orgs or name in lex.org_aliases or name in lex.places


def _body_name(words: list[str], lex: Lexicons, lowercase: WordSet, body: str) -> str:
    """The body's name the cued run holds, or "" when the run is no such name:
    a person ("rival John Kerry"), a title, a month, a word the text also
    writes in lower case."""
    if any(_known(" ".join(words[:n]), lex) for n in range(1, len(words) + 1)):
        return ""  # "Lib Dem Treasury spokesman": a known body, and what it does
    kept: list[str] = []
    for n, word in enumerate(words):
        if word in lex.first_names:
            if n == 0 or n == len(words) - 1:
                return ""  # "director Spike Lee": a person, the last word his surname
            break  # "the union Unison Dave Prentis": the body, then its man
        lower = word.lower()
        if (
            lower in lex.common_words
            or lower in lex.roles
            or word in lex.honorifics
            or word in lex.calendar
            or word in lex.demonyms
            or word in lex.event_words
        ):
            return ""
        kept.append(word)
    if not kept:
        return ""
    name = " ".join(kept)
    if len(kept) == 1 and name.lower() in lowercase:
        return ""
    if len(kept) > 1 and name.lower() in body:
        return ""
    return name
