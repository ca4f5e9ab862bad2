"""Runs of capitalised words and their words: the patterns and the Token.

`NAME_RUN` finds a run of capitals in text (with the small words that live
inside names: "Bank of England", "Luiz Inacio Lula da Silva"); `TOKEN` cuts a
run in words (`run_tokens`), each a `Token` with its offsets in the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple


class Token(NamedTuple):
    """A word of a run of capitals, with its offsets (in the run)."""

    text: str
    start: int
    end: int


UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# A name word: capitalised, inner hyphens, dots and apostrophes kept
# (Rolls-Royce, Amazon.com, O'Neill), but never a possessive 's, which ends
# the name. The pattern starts with a capital so the regex engine can skip
# ahead fast: "al-" before a name is taken in afterwards.
WORD_TAIL = (
    rf"[{LETTER}0-9]*"
    rf"(?:(?:-(?=[{UPPER}0-9])|\.(?=(?:com|net|org|co|uk|tv)\b)|&(?=[{UPPER}])|['\u2019](?![sS]\b)(?=[{LETTER}]))[{LETTER}0-9]+)*"
)
# A given name hyphenated in lower case before a surname: "Hyung-taik Lee",
# "Lee Hyung-taik"; not a prefix ("Ex-president Bill Clinton").
# (The lookahead for the hyphen comes first: NAME_RUN tries this after every
# word, and most words end without one, so the lookbehinds are spared.)
_LOWER_HYPHEN = (
    r"(?=-)(?<=[a-z])(?<!\b(?:Ex|Co))(?<!\b(?:Non|Pro|Pre|Mid))(?<!\b(?:Anti|Post|Self|Semi|Half|Well))"
    r"-(?=[a-z]{2,5}\b(?![-'\u2019])(?:[ \t]+[A-Z]|[,.;:]|$))[a-z]+"
)
WORD_TAIL = rf"[{LETTER}0-9]*(?:{_LOWER_HYPHEN})?" + WORD_TAIL[len(rf"[{LETTER}0-9]*") :]
# A plural possessive inside a name: "London Critics' Circle".
WORD_TAIL += r"(?:(?<=s)'(?=[ \t]+[A-Z]))?"
WORD = rf"[{UPPER}]{WORD_TAIL}"
# (two particles run together in Dutch, Spanish and French surnames: "Jeroen
# van der Veer", "Rodrigo de la Serna"; "d'" is written onto the surname:
# "Valery Giscard d'Estaing")
_CONNECTOR = (
    r"(?:of|for|and|&|de|da|di|du|del|della|dos|das|do|von|van|der|den|le|la|bin|ibn|y)"
    r"(?:[ \t]+(?:the|der|den|la|las|los))?"
)
# "Mr. Smith": the American full stop after a title does not end the name.
# (The lookahead for the dot comes first, for speed: this is tried after
# every word of a run, and fifteen lookbehinds cost more than one lookahead.)
TITLE_DOT = (
    r"(?=\.)(?:"
    + "|".join(rf"(?<=\b{t})" for t in "Mr Mrs Ms Dr St Gen Gov Sen Rep Lt Col Capt Sgt Prof Rev".split())
    + r")\."
)
NAME_RUN = re.compile(
    rf"[{UPPER}](?<![{LETTER}0-9].){WORD_TAIL}(?:{TITLE_DOT})?"
    rf"(?:(?:[ \t]+{_CONNECTOR})?[ \t]+(?:(?:al|el)-|d['\u2019](?=[{UPPER}]))?{WORD}(?:{TITLE_DOT})?)*"
    r"(?:[ \t]+[0-9]{1,2}\b(?![.,:][0-9]))?"
)
TOKEN = re.compile(rf"{WORD}(?:{TITLE_DOT})?|[0-9]+|\S+")
CONNECTORS = frozenset("of for and & de da di du del della dos das do von van der den le la bin ibn y the".split())
PARTICLES = frozenset("de da di du del della dos das do von van der den le la bin ibn y".split())
INITIAL_OPENERS = frozenset('.!?:;"\u201c\u2018(\u2014\u2013')
STARTS = INITIAL_OPENERS | {"\n"}


def make_token(text: str, start: int, end: int) -> Token:
    """`Token(text, start, end)` made as `tuple.__new__` makes it: the named tuple's own `__new__`
    (and `_make`) is Python code, a frame run for each token of each run of capitals."""
    return tuple.__new__(Token, (text, start, end))


def run_tokens(run: str) -> list[Token]:
    """`TOKEN`'s words of a run of capitals (a `NAME_RUN` match, maybe after "al-" or "el-"),
    each with its offsets in the run.

    A run without `_CUT_INSIDE`'s characters (most runs) is cut at its spaces and tabs
    instead, for less: the same words. Only those characters open the parts of `WORD` whose
    lookarounds can stop it inside a word of the run (the first word's lookbehinds see the
    run's start, not the text before it; the last word's lookaheads, the run's end). Without
    them every word of a run is a capital and letters or digits (`WORD`, taken whole), a
    connector (`\\S+`) or a number (`[0-9]+`), and white space ends each."""
    if any(char in run for char in _CUT_INSIDE):
        return [make_token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(run)]
    tokens: list[Token] = []
    at = 0
    for word in run.split():
        at = run.find(word, at)
        tokens.append(make_token(word, at, at + len(word)))
        at += len(word)
    return tokens


_CUT_INSIDE = "-.&'\u2019"  # the characters that open `WORD`'s optional parts (and "al-", "el-", "d'")


def whole(tokens: list[Token]) -> str:
    """The words as one name."""
    return " ".join([t.text for t in tokens])  # (a list, not a generator: join is faster on one, and this is hot)


def trim_connectors(tokens: list[Token]) -> list[Token]:
    """Without the small words ("of", "the") that may stand at either end."""
    while tokens and tokens[0].text in CONNECTORS:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in CONNECTORS:
        tokens = tokens[:-1]
    return tokens


def is_initial(text: str, start: int) -> bool:
    """Whether position `start` begins a sentence (or a quotation, or a paragraph)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n" or text[i] in INITIAL_OPENERS


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

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        type: str | None,
        initial: bool = False,
        honorific: str = "",
        title: str = "",
        strong: bool = False,
        check: int = 0,
    ) -> None:
        # (written out, not the dataclass's own: compiled, mypyc makes this one native; the
        # generated one runs as Python and made creating these 7x slower)
        self.start, self.end, self.text, self.type = start, end, text, type
        self.initial, self.honorific, self.title, self.strong, self.check = initial, honorific, title, strong, check
