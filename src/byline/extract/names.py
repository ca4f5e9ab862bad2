"""Finding capitalised names in text and telling what each one is.

A *candidate* is a run of capitalised words (with the small words that live
inside names: "Bank of England", "Luiz Inacio Lula da Silva"). Each is cleaned
(sentence-initial filler, honorifics and job titles taken off) and typed from
the lexicons and from its own shape. Merging candidates into entities is the
business of `entities.py`.

Here: runs of capitals found in text, cut at hyphens, sentence-initial filler
and generic capitals. A piece of a run made into names is `pieces.py`; the
patterns, `Token` and `Candidate` are in `name_tokens.py`, the typing of one
name in `classify.py`, job titles in `titles.py`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from byline.extract.classify import (
    GENERIC,
    classify,
    has_lexicon_prefix,
    is_acronym_like,
    is_common,
    is_known,
    is_opening_verb,
    is_org,
)
from byline.extract.lexicons import Lexicons, name_words
from byline.extract.name_tokens import (
    CONNECTORS,
    NAME_RUN,
    PARTICLES,
    STARTS,
    Candidate,
    Token,
    is_initial,
    run_tokens,
    trim_connectors,
)
from byline.extract.pieces import add, add_word, split_piece

__all__ = ["NAME_RUN", "Candidate", "Token", "candidates", "classify", "is_initial"]

_WORDS = name_words()
_HYPHEN_WORDS = _WORDS["hyphen_words"]
_HYPHEN_PREFIXES = _WORDS["hyphen_prefixes"]
_NUMBER_AFTER = _WORDS["number_after"]
_FUNCTION_WORDS = _WORDS["function_words"]
_PLACE_OPENERS = _WORDS["place_openers"]
_HYPHEN_TAIL = re.compile(r"-([a-z]+)$")


class WordSet(Protocol):
    """The words a text holds in lower case (a frozenset, or `LowerWords`)."""

    def __contains__(self, word: str, /) -> bool: ...


def candidates(
    text: str, lex: Lexicons, lowercase_words: WordSet, dropped: list[tuple[int, str]] | None = None
) -> list[Candidate]:
    """Every name candidate in `text`, in order, with offsets into `text`.

    `lowercase_words` are the words the text uses in lower case: a capital on
    one of them proves nothing. The work on each run of capitals is cached by
    the run's words (names recur within and across articles); only the checks
    against `lowercase_words` are made per text. `dropped`, if given, gets
    (start, run) of each run whose opening words gave no typed name (English
    words, "Standard Life", "Jive"), mid-sentence or of two words or more:
    `cued_bodies.py` looks at what stands beside them.
    """
    out: list[Candidate] = []
    common = lex.common_words
    for match in NAME_RUN.finditer(text):
        start = match.start()
        run = match.group()
        if start > 2 and text[start - 1] == "-":
            if text[start - 3 : start] not in ("al-", "el-"):
                continue  # the tail of a hyphenated word ("anti-Western")
            start -= 3
            run = text[start : start + 3] + run
        i = start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        initial = i < 0 or text[i] in STARTS  # is_initial(), inlined: this loop is hot
        runs = _RUNS[initial]  # (two dicts keyed by the run: no tuple to build and hash per run)
        found = runs.get(run)
        if found is None:
            if len(runs) > 100_000:
                runs.clear()
            found = runs[run] = _process_run(run, initial, lex)
        # (a run that opens a sentence only when its second capital proves a name: "Standard Life, the insurer")
        if dropped is not None and (not initial or " " in run):
            if not found or found[0].start or (found[0].type is None and found[0].text.lower() in lex.english_words):
                dropped.append((start, run))
        for cand in found:
            if cand.check == 1:
                lower = cand.text.lower()
                if lower in lowercase_words and (cand.initial or not cand.strong) and (cand.initial or lower in common):
                    continue  # the word stands in lower case elsewhere: a common word
            elif cand.check == 2 and any(w.lower() in lowercase_words for w in cand.text.split() if w not in PARTICLES):
                continue  # "Finding Neverland": English words, not a person's name
            out.append(
                Candidate(
                    start + cand.start,
                    start + cand.end,
                    cand.text,
                    cand.type,
                    cand.initial,
                    cand.honorific,
                    cand.title,
                    cand.strong,
                )
            )
    names, lower_initial = _lower_initial_orgs(lex.orgs)
    if any(name in text for name in names):
        # "eBay", "easyJet": a brand spelt with a small first letter, which no run of capitals finds.
        seen = {c.start for c in out}  # ("al-Qaeda": a run of capitals has it already)
        found_lower = [
            Candidate(m.start(), m.end(), m.group(), "ORG", strong=True)
            for m in lower_initial.finditer(text)
            if m.start() not in seen
        ]
        if found_lower:
            out = sorted(out + found_lower, key=lambda c: c.start)
    return out


# The candidates of each run of capitals, by whether it opens a sentence (False, True).
_RUNS: tuple[dict[str, list[Candidate]], dict[str, list[Candidate]]] = ({}, {})


@cache
def _lower_initial_orgs(orgs: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The lexicon's organisations whose names open with a small letter, and
    one pattern for them (run only on a text that holds one: a substring test is cheaper)."""
    names = tuple(sorted((o for o in orgs if o[:1].islower()), key=len, reverse=True))
    return names, re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-]|\.\w)")


def _process_run(run: str, initial: bool, lex: Lexicons) -> list[Candidate]:
    """The candidates in one run of capitals, offsets relative to the run."""
    out: list[Candidate] = []
    if " " not in run and "\t" not in run and "-" not in run:
        add_word(run, initial, lex, out)
    else:
        tokens = run_tokens(run)
        if "-" in run:
            groups = _hyphen_groups(tokens, lex)
            if groups != [tokens]:
                for n, group in enumerate(groups):
                    if len(group) == 1:
                        add(group, lex, out, initial and n == 0)
                    elif len(group) <= _LONGEST_NAME:
                        _split_run(initial and n == 0, group, lex, out)
                return out
        if len(tokens) == 1:
            add(tokens, lex, out, initial)
        elif len(tokens) > _LONGEST_NAME:
            # No name runs to this many words: a list, or capitals by the
            # screenful. Each word stands alone (and the work stays linear).
            for n, token in enumerate(tokens):
                if token.text not in CONNECTORS:
                    add([token], lex, out, initial and n == 0)
        else:
            _split_run(initial, tokens, lex, out)
    return out


def _hyphen_groups(tokens: list[Token], lex: Lexicons) -> list[list[Token]]:
    """Cut a run where a lower-case hyphen tail is an English word, not a
    given name's second half: "Paris-based Euronext", "Fly-half Jonny
    Wilkinson" are a place or a word, then a name; "Hyung-taik Lee" is one."""
    groups: list[list[Token]] = [[]]
    for token in tokens:
        tail = _HYPHEN_TAIL.search(token.text)
        if tail is None:
            groups[-1].append(token)
            continue
        head = token.text[: tail.start()]
        lower_head = head.lower()
        if (
            head in _HYPHEN_PREFIXES
            or
            # (a short tail may be a syllable of a given name: "Dae-sung", "Seung-min")
            (tail.group(1) in lex.english_words and (len(tail.group(1)) > 4 or tail.group(1) in _HYPHEN_WORDS))
            or lower_head in lex.english_words
            or head in lex.places
            or head in lex.orgs
            or lower_head in lex.common_words
        ):
            groups[-1].append(Token(head, token.start, token.start + len(head)))
            groups.append([])
        else:
            groups[-1].append(token)
    return [g for g in groups if g]


def _known_alone(word: str, lex: Lexicons) -> bool:
    """A word the lexicons know as a name by itself: a body or a given name
    (not a place: "Air Sahara" opening a sentence is an airline)."""
    return word in lex.orgs or word in lex.first_names or word in lex.stage_names


_LONGEST_NAME = 16  # words in a run of capitals, connectors counted


def _split_run(initial: bool, tokens: list[Token], lex: Lexicons, out: list[Candidate]) -> None:
    # Sentence-initial filler ("But", "New", "Former") is not part of a name,
    # unless the lexicons know the whole ("New York").
    while tokens and initial and len(tokens) > 1:
        word = tokens[0].text
        lower = word.lower()
        if (
            word not in lex.honorifics
            and (
                lower in lex.common_words
                or (lower in lex.english_words and word not in lex.first_names and len(tokens) > 2)
                # "Weak US demand", "Cult British band": an adjective, then a country or a nationality
                or (
                    lower in lex.english_words
                    and word not in lex.first_names
                    and word not in lex.org_words
                    and lower not in lex.sport_words  # "Athletics Ireland", "Sport England": a body
                    and not lower.endswith("s")
                    and (tokens[1].text in lex.countries or tokens[1].text in lex.demonyms)
                )
                # "Rival Sony", "Newcomer Ciara": an English word, then one name the lexicons know
                or (
                    len(tokens) == 2
                    and lower in lex.english_words
                    and not lower.endswith("s")  # ("Universities Scotland", "Athletics Kenya": a body)
                    and word not in lex.first_names
                    and word not in lex.org_words
                    and _known_alone(tokens[1].text, lex)
                )
            )
            and not has_lexicon_prefix(tokens, lex)
            # "Police Federation", "Great Ormond Street Hospital"
            and (
                lower in _FUNCTION_WORDS
                or not (is_org(tokens, lex) or word in _PLACE_OPENERS and tokens[-1].text in lex.place_words)
            )
        ):
            # "Backbencher Stephen Pound": an English word before a full name.
            tokens = tokens[1:]
            initial = False
        elif word.endswith("ly") and lower in lex.english_words and word not in lex.first_names:
            # "Initially Visual Radio": an adverb opens the sentence.
            tokens = tokens[1:]
            initial = False
        elif is_opening_verb(word, lex) and not has_lexicon_prefix(tokens, lex) and not is_org(tokens, lex):
            # "Praising Celtic, he said": a participle opens the sentence.
            tokens = tokens[1:]
            initial = False
        else:
            break
    if (
        tokens
        and tokens[-1].text.isdigit()
        and (len(tokens) < 2 or tokens[-2].text not in _NUMBER_AFTER)
        and not is_known(tokens, lex)  # ("Number 10": a place the lexicon knows with its number)
    ):
        tokens = tokens[:-1]
    # Generic capitals (TV, ISP, Voip), words like "The" and the pronoun "I'd"
    # cut a run in pieces.
    pieces: list[list[Token]] = [[]]
    previous = ""
    for token in tokens:
        word = token.text
        if (
            (word in ("The", "the") and previous not in CONNECTORS)
            or word.startswith(("I'", "I\u2019"))
            or (
                is_common(word, lex)
                and word not in lex.orgs
                and word not in lex.places
                and (is_acronym_like(word) or word.lower() in GENERIC)
                and not (
                    word.lower() in GENERIC and is_org(tokens[tokens.index(token) :], lex)
                )  # "Internet Engineering Task Force"
            )
        ):
            pieces.append([])
        else:
            pieces[-1].append(token)
        previous = word
    pieces = [p for p in (trim_connectors(p) for p in pieces) if p]
    for n, piece in enumerate(pieces):
        split_piece(piece, lex, out, initial and n == 0 and piece[0] is tokens[0])
