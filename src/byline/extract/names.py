"""Finding capitalised names in text and telling what each one is.

A *candidate* is a run of capitalised words (with the small words that live
inside names: "Bank of England", "Luiz Inacio Lula da Silva"). Each is cleaned
(sentence-initial filler, honorifics and job titles taken off) and typed from
the lexicons and from its own shape. Merging candidates into entities is the
business of `entities.py`.

Here: where a run of capitals is cut into names and what is trimmed off them.
The patterns and `Token` are in `name_tokens.py`, the typing of one name in
`classify.py`, job titles in `titles.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    TOKEN,
    Token,
    is_initial,
    trim_connectors,
    whole,
)
from byline.extract.titles import MULTI_BY_FIRST, is_title_word, last_title, trim_titles

__all__ = ["NAME_RUN", "Candidate", "Token", "candidates", "classify", "is_initial"]

_WORDS = name_words()
_HYPHEN_WORDS = _WORDS["hyphen_words"]
_HYPHEN_PREFIXES = _WORDS["hyphen_prefixes"]
_NUMBER_AFTER = _WORDS["number_after"]
_FUNCTION_WORDS = _WORDS["function_words"]
_ROYAL = _WORDS["royal"]
_PLACE_FIRST = _WORDS["place_first"]
_HYPHEN_TAIL = re.compile(r"-([a-z]+)$")
_token = Token._make  # (faster than Token(...) in the hot loop)


@dataclass(slots=True)
class Candidate:
    """One name as it stands in the text, once cleaned and typed."""

    start: int
    end: int
    text: str
    type: str | None  # PERSON, ORG, PLACE, or None while still unknown
    initial: bool = False  # first word of a sentence: a capital that proves nothing
    honorific: str = ""  # Mr, Ms, President... seen right before the name
    title: str = ""  # job title seen right before the name ("prime minister")
    strong: bool = False  # typed from a lexicon or a title, not guessed
    check: int = 0  # 1: a word that may be common; 2: a guessed person (see candidates)




def candidates(text: str, lex: Lexicons, lowercase_words: frozenset[str]) -> list[Candidate]:
    """Every name candidate in `text`, in order, with offsets into `text`.

    `lowercase_words` are the words the text uses in lower case: a capital on
    one of them proves nothing. The work on each run of capitals is cached by
    the run's words (names recur within and across articles); only the checks
    against `lowercase_words` are made per text.
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
        key = (run, i < 0 or text[i] in STARTS)  # is_initial(), inlined: this loop is hot
        found = _RUNS.get(key)
        if found is None:
            if len(_RUNS) > 200_000:
                _RUNS.clear()
            found = _RUNS[key] = _process_run(run, key[1], lex)
        for cand in found:
            if cand.check == 1:
                lower = cand.text.lower()
                if lower in lowercase_words and (cand.initial or not cand.strong) and (cand.initial or lower in common):
                    continue  # the word stands in lower case elsewhere: a common word
            elif cand.check == 2 and any(w.lower() in lowercase_words for w in cand.text.split() if w not in PARTICLES):
                continue  # "Finding Neverland": English words, not a person's name
            out.append(
                Candidate(
                    start + cand.start, start + cand.end, cand.text, cand.type, cand.initial,
                    cand.honorific, cand.title, cand.strong,
                )
            )
    return out


_RUNS: dict[tuple[str, bool], list[Candidate]] = {}


def _process_run(run: str, initial: bool, lex: Lexicons) -> list[Candidate]:
    """The candidates in one run of capitals, offsets relative to the run."""
    out: list[Candidate] = []
    if " " not in run and "\t" not in run and "-" not in run:
        _add_word(run, initial, lex, out)
    else:
        tokens = [_token((m.group(), m.start(), m.end())) for m in TOKEN.finditer(run)]
        if "-" in run:
            groups = _hyphen_groups(tokens, lex)
            if groups != [tokens]:
                for n, group in enumerate(groups):
                    if len(group) == 1:
                        _add(group, lex, out, initial and n == 0)
                    elif len(group) <= _LONGEST_NAME:
                        _split_run(initial and n == 0, group, lex, out)
                return out
        if len(tokens) == 1:
            _add(tokens, lex, out, initial)
        elif len(tokens) > _LONGEST_NAME:
            # No name runs to this many words: a list, or capitals by the
            # screenful. Each word stands alone (and the work stays linear).
            for n, token in enumerate(tokens):
                if token.text not in CONNECTORS:
                    _add([token], lex, out, initial and n == 0)
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
            head in _HYPHEN_PREFIXES or
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


_SELF_STANDING_ORG_WORDS = 3  # a body's title this long names it without its country
_LONGEST_BODY_AND_PERSON = 4  # words of "Unison Dave Prentis"
_LONGEST_NAME = 16  # words in a run of capitals, connectors counted


def _split_run(initial: bool, tokens: list[Token], lex: Lexicons, out: list[Candidate]) -> None:
    # Sentence-initial filler ("But", "New", "Former") is not part of a name,
    # unless the lexicons know the whole ("New York").
    while tokens and initial and len(tokens) > 1:
        word = tokens[0].text
        lower = word.lower()
        if (
            word not in lex.honorifics
            and (lower in lex.common_words or (lower in lex.english_words and word not in lex.first_names and len(tokens) > 2))
            and not has_lexicon_prefix(tokens, lex)
            and (lower in _FUNCTION_WORDS or not is_org(tokens, lex))  # "Police Federation"
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
    if tokens and tokens[-1].text.isdigit() and (len(tokens) < 2 or tokens[-2].text not in _NUMBER_AFTER):
        tokens = tokens[:-1]
    # Generic capitals (TV, ISP, Voip), words like "The" and the pronoun "I'd"
    # cut a run in pieces.
    pieces: list[list[Token]] = [[]]
    previous = ""
    for token in tokens:
        word = token.text
        if (word in ("The", "the") and previous not in CONNECTORS) or word.startswith(("I'", "I\u2019")) or (
            is_common(word, lex)
            and word not in lex.orgs
            and word not in lex.places
            and (is_acronym_like(word) or word.lower() in GENERIC)
            and not (word.lower() in GENERIC and is_org(tokens[tokens.index(token):], lex))  # "Internet Engineering Task Force"
        ):
            pieces.append([])
        else:
            pieces[-1].append(token)
        previous = word
    pieces = [p for p in (trim_connectors(p) for p in pieces) if p]
    for n, piece in enumerate(pieces):
        _split_piece(piece, lex, out, initial and n == 0 and piece[0] is tokens[0])




def _split_piece(tokens: list[Token], lex: Lexicons, out: list[Candidate], initial: bool) -> None:
    if tokens[-1].text in lex.event_words or whole(tokens[-2:]) in lex.event_words:
        return  # a law, an event, a prize: not an entity
    # "The Electoral Commission and the Department for Education and Skills":
    # "and the" joins two names (each keeps the "and" inside it).
    for i, token in enumerate(tokens):
        if token.text == "and" and 0 < i < len(tokens) - 2 and tokens[i + 1].text == "the" and not is_known(tokens, lex):
            left, right = trim_connectors(tokens[:i]), trim_connectors(tokens[i + 2 :])
            if left and right:
                _split_piece(left, lex, out, initial)
                _split_piece(right, lex, out, False)
                return
    # "Serbia & Montenegro", "Ant Lee & Dec Ross": two names; "Tate & Lyle" is one.
    for i, token in enumerate(tokens):
        if token.text == "&" and 0 < i < len(tokens) - 1 and not is_known(tokens, lex):
            left, right = tokens[:i], tokens[i + 1 :]
            if (is_known(left, lex) and is_known(right, lex)) or (len(left) > 1 and left[0].text in lex.first_names):
                _split_piece(left, lex, out, initial)
                _split_piece(right, lex, out, False)
                return
    # "Britain and France", "Mr Abbasi and Mr Mubanga": a list, not one name,
    # unless it names one body ("Department for Culture Media and Sport");
    # "Procter & Gamble" is one name.
    for i, token in enumerate(tokens):
        if token.text == "and" and 0 < i < len(tokens) - 1 and not is_known(tokens, lex):
            left = trim_connectors(tokens[:i])
            right = trim_connectors(tokens[i + 1 :])
            # "(US) Securities and Exchange Commission": one body unless the left
            # part is a name of its own (not one English word after a country).
            own = [t for t in left if t.text not in lex.countries]
            left_named = bool(own) and (
                is_known(left, lex)
                or (is_org(left, lex) and not (len(own) == 1 and own[0].text.lower() in lex.english_words))
                or left[0].text in lex.first_names
                or any(t.text.lower() not in lex.english_words for t in own)
            )
            both_named = bool(right) and left_named and (is_known(right, lex) or (len(right) > 1 and is_org(right, lex)))
            if left and (is_known(left, lex) or last_title(left, lex) or both_named or not is_org(tokens, lex)):
                _split_piece(left, lex, out, initial)
                if right:
                    _split_piece(right, lex, out, False)
                return
    # "Mark Stephen Trotter of California", "Nick Donofrio of IBM": a name,
    # then another; but "Bank of England" and "Times of Israel" are one.
    for i, token in enumerate(tokens):
        if token.text in ("of", "from", "for") and 0 < i < len(tokens) - 1:
            left, right = tokens[:i], trim_connectors(tokens[i + 1 :])
            if left[-1].text in lex.org_words or left[-1].text in lex.place_words or is_known(tokens, lex):
                break
            words = [t.text for t in tokens]
            if any(
                tuple(words[j : j + len(t)]) == t and j < i < j + len(t)
                for j in range(i) for t in MULTI_BY_FIRST.get(words[j], ())
            ):
                break  # "Secretary of State Antony Blinken"
            if left[0].text in lex.honorifics and len(left) == 1:
                tokens = right  # "President of the European Parliament"
                break
            # "Nick Donofrio for IBM"; with "of", a full name that starts with a
            # known first name ("Herbert Hansen of Respond").
            left_type = classify(left, lex) if 2 <= len(left) <= 3 else (None, False)
            person_first = left_type[0] == "PERSON" and (token.text != "of" or left_type[1])
            if not right or not (
                is_known(right, lex) or is_org(right, lex) or all(t.text.isupper() for t in right) or person_first
            ):
                break  # "The Passion of the Christ": a title, dropped whole below
            _split_piece(left, lex, out, initial)
            if token.text == "for" and person_first and not (is_known(right, lex) or is_org(right, lex)):
                return  # "Susan Fletcher for Eve Green": a prize for a work, named after its author
            if right:
                _split_piece(right, lex, out, False)
            return
    if not tokens:
        return
    # Nationality adjectives and dates in front of a name are not part of it;
    # a country in front of a body's name is ("Pakistan International Airlines",
    # "US Air Force"), except an abbreviated one before a body's full title
    # ("US Federal Trade Commission").
    while len(tokens) > 1 and (tokens[0].text in lex.demonyms or tokens[0].text in lex.calendar):
        if is_known(tokens, lex) or is_org(tokens, lex):  # "Czech Republic" is a country
            break
        tokens = tokens[1:]
        initial = False

    if (
        len(tokens) > _SELF_STANDING_ORG_WORDS and tokens[0].text.isupper() and tokens[0].text in lex.countries
        and is_org(tokens[1:], lex) and not is_known(tokens, lex)
    ):
        tokens = tokens[1:]
        initial = False
    # A title standing after a name is not part of it ("NUJ General Secretary").
    if len(tokens) > 1 and is_title_word(tokens[-1].text, lex) and not is_known(tokens, lex):
        trimmed = trim_titles(tokens, lex)
        if trimmed and (is_known(trimmed, lex) or is_org(trimmed, lex) or all(t.text.isupper() for t in trimmed)):
            tokens = trimmed  # but "Kristin King" and "Ms King" are names
        elif not trimmed and all(t.text in lex.honorifics or t.text in CONNECTORS for t in tokens) and not last_title(tokens, lex):
            return  # "Prime Minister", "Secretary of State": a title alone
    # "Metropolitan Police Commissioner Sir Ian Blair": the person follows the
    # last title; what stands before the title may be a name of its own.
    if not is_known(tokens, lex) and tokens[-1].text not in lex.org_words:
        cut = last_title(tokens, lex)
        if cut is not None:
            title_start, person_start = cut
            before = trim_titles(tokens[:title_start], lex)
            if before:
                _add(before, lex, out, initial)
            honorific = tokens[person_start - 1].text
            title = " ".join(t.text for t in tokens[title_start:person_start])
            person = tokens[person_start:]
            if len(person) == 1 and (
                person[0].text.lower() in lex.common_words or (honorific in _ROYAL and person[0].text in lex.honorifics)
            ):
                return  # "Dr No", "Lord Chancellor": a title, not a name
            if len(person) == 1 and honorific in _ROYAL:
                person = tokens[person_start - 1 : person_start + 1]  # "Prince Harry", "Lord Hanningfield"
            out.append(
                Candidate(
                    person[0].start, person[-1].end, whole(person), "PERSON",
                    honorific=honorific.rstrip("."), title=title, strong=True,
                )
            )
            return
    # "Unison Dave Prentis", "Arsenal Thierry Henry": a body, then a person
    # whose first name opens the rest.
    if (
        3 <= len(tokens) <= _LONGEST_BODY_AND_PERSON
        and tokens[1].text in lex.first_names
        and tokens[0].text not in lex.first_names
        # (a body's name: known, in capitals or an English word; not "Farhat Omar Ben Gadaravice")
        and (tokens[0].text in lex.orgs or tokens[0].text.isupper() or tokens[0].text.lower() in lex.english_words)
        and tokens[0].text not in lex.honorifics
        and tokens[0].text not in _PLACE_FIRST  # "St John Ambulance"
        and not is_known(tokens, lex)
        and not is_org(tokens, lex)
        and not any(t.text in CONNECTORS for t in tokens)
    ):
        _add(tokens[:1], lex, out, initial)
        _add(tokens[1:], lex, out, False)
        return
    _add(tokens, lex, out, initial)




def _add_word(word: str, initial: bool, lex: Lexicons, out: list[Candidate]) -> None:
    _add([Token(word, 0, len(word))], lex, out, initial)


def _add(tokens: list[Token], lex: Lexicons, out: list[Candidate], initial: bool) -> None:
    tokens = trim_connectors(tokens)
    while len(tokens) > 1 and tokens[0].text == "The":
        tokens = tokens[1:]
    if not tokens:
        return
    name = whole(tokens)
    kind, strong = classify(tokens, lex)
    if kind == "DROP":
        return
    check = 0
    if len(tokens) == 1 and not name.isupper():
        if initial and not strong and name.lower() in lex.common_words:
            return
        check = 1
    elif kind == "PERSON" and not strong:
        check = 2
    single = len(tokens) == 1
    out.append(Candidate(tokens[0].start, tokens[-1].end, name, kind, initial=initial and single, strong=strong, check=check))


























