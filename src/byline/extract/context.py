"""The type of a name that nothing in the name itself gives away, from the
words around its mentions.

"in Basingstoke", "Basingstoke council" read as a place; "rapper Nelly" or
"Bizet's opera" as a person; "shares in Quentrix", "Quentrix announced" as a
body. Each mention votes for the type its cues point to; a name listed beside
names already typed ("Dorset, Basingstoke and Torbay") takes their type too.
The rules ask only when a name's type is a guess (`_Cluster.sure` is false).
The cues are words looked up in sets, not patterns searched: this runs for
every guessed name of every article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from byline.extract.lexicons import Lexicons, TypeCues, speaker_words

CONTEXT_CHARS = 40  # characters looked at on each side of a mention
LIST_GAP_CHARS = 8  # ", and " at most between two names of one list

_CONJUNCTIONS = frozenset({"and", "or"})
_LIST_LEADS = frozenset({"like", "including", "as", "-"})  # ("as" of "such as")
# ("artists such as Keane, Katie Melua and Scissor Sisters": bands and singers alike)
_BANDS_OR_PEOPLE = frozenset({"artist", "act"})
_PEOPLE = frozenset({"people", "men", "women"})
_OWNERS = frozenset({"his", "her", "their", "the", "a", "my", "our"})  # before "mother, " in "his mother, Giselle"
_PHRASAL_IN = frozenset("bring brought bringing called drafted sent stepped".split())
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or)\s*$")


_PUNCTUATION = ',.;:()"\u201c\u201d'
APPOSITION_CHARS = 60  # looked at after the comma that opens an apposition
APPOSITION_WORDS = 7  # words of an apposition at most
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})
_AFTER_HEAD = frozenset({"of", "in", "at", "for", "from", "with", "which", "that", "who", "and", "based"})


def _words_before(body: str, start: int) -> list[str]:
    """The two words before `start` (a punctuation mark ends the run)."""
    words = body[max(0, start - CONTEXT_CHARS) : start].split()[-2:]
    if words and words[-1][-1:] in _PUNCTUATION:
        return [words[-1][-1]]  # "Paris, Basingstoke": no cue across the comma
    return [w.strip(_PUNCTUATION) for w in words]


def _words_after(body: str, end: int) -> list[str]:
    """The three words after `end`, a punctuation mark as a word of its own."""
    out: list[str] = []
    for word in body[end : end + CONTEXT_CHARS].split()[:3]:
        if word[:1] in _PUNCTUATION:
            out.append(word[0])
            word = word[1:]
        if word:
            out.append(word.rstrip(_PUNCTUATION))
    return out[:3]


def vote(body: str, start: int, end: int, lex: Lexicons) -> str:
    """The type the words around one mention point to, or ""."""
    cues = lex.type_cues
    before = [w.lower() for w in _words_before(body, start)]
    if before:
        last = before[-1]
        if last == "the" and len(before) == 2 and before[0] in ("at", "in", "near", "outside"):
            if body[end : end + 1] == " " and _first_word(body, end + 1).lower() in cues.body_premises:
                return "ORG"  # "at the Atari offices": the body that owns the building
            return "PLACE"  # "at the Mater", "in the Bronx": a building or an area
        if last == "in" and len(before) == 2 and before[0] in _PHRASAL_IN:
            return ""  # "bring in Velimir Zajec": a verb's particle, not a place's preposition
        if last in cues.place_before:
            # "a stake in ING", "an economist at Natexis": a body; so is the
            # employer in "said Kyle Cooper, at Citigroup Global Markets"
            if len(before) == 2 and before[0] in cues.body_before_in or body.endswith(", at ", 0, start):
                return "ORG"
            return "PLACE"
        if last in _LIST_LEADS:
            # "authors like Cicero, Virgil and Tacitus", "firms such as Enron",
            # "eight Russian cities - Klin, Ivanovo": the kind listed
            kind = _kind_listed(body, start, cues)
            if kind:
                return kind
        if last in cues.person_before:
            return "PERSON"
        if last in cues.body_before:
            return "ORG"
        if last == "of" and len(before) == 2 and before[0] in cues.place_nouns_of:
            return "PLACE"
        if last == "for" and len(before) == 2 and before[0] in cues.place_before_for:
            return "PLACE"  # "the MP for Sittingbourne": a seat
        if last == "," and _kin_before_comma(body, start) in cues.person_before:
            return "PERSON"  # "his mother, Giselle,": the apposition names the noun
    after = _words_after(body, end)
    if after:
        first = after[0].lower()
        if first == ",":
            kind = apposition_type(body, end, lex)
            if kind:
                return kind
        if (first in ("'s", "\u2019s") or first in ("'", "\u2019") and body[end - 1] == "s") and len(after) > 1:
            # ("Jesus' life": the possessive of a name ending in s)
            noun = after[1].lower()
            return "PERSON" if noun in cues.person_possessions else "ORG" if noun in cues.body_possessions else ""
        if first.startswith("-based"):
            return "PLACE"
        if first in cues.person_after:
            return "PERSON"
        if first in cues.body_after:
            return "ORG"
        if first in cues.place_after:
            return "PLACE"
    return ""


def _first_word(body: str, at: int) -> str:
    """The word that starts at `at`, without the marks after it."""
    return body[at : at + CONTEXT_CHARS].split(None, 1)[0].rstrip(_PUNCTUATION) if body[at : at + 1].isalpha() else ""


def _kin_before_comma(body: str, start: int) -> str:
    """The noun of "his mother, " or "the singer, " before `start`, or "".
    (A determiner or a possessive before it: "a DVD player, Windows XP" is no person's.)"""
    words = body[max(0, start - CONTEXT_CHARS) : start].split()[-2:]
    if len(words) < 2 or not words[1].endswith(",") or words[0].lower() not in _OWNERS:
        return ""
    return words[1][:-1]


def _kind_listed(body: str, start: int, cues: TypeCues) -> str:
    """The type of what a plural noun before "like", "including", "such as" or
    a dash lists ("artists such as", "cities -"), or ""."""
    words = body[max(0, start - CONTEXT_CHARS) : start].split()[-3:]
    if len(words) == 3 and words[1:] == ["such", "as"]:
        noun = words[0]
    elif len(words) >= 2 and words[-1] in _LIST_LEADS and words[-1] != "as":
        noun = words[-2]
    else:
        return ""
    noun = noun.rstrip(",").lower()
    if noun in cues.place_kinds:
        return "PLACE"
    if noun in _PEOPLE:
        return "PERSON"  # "people such as Matisse and Stravinsky"
    if not noun.endswith("s"):
        return ""
    one = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]  # "companies", "firms"
    if one in _BANDS_OR_PEOPLE:
        return ""
    return "PERSON" if one in cues.person_before else "ORG" if one in cues.body_before else ""


def apposition_type(body: str, end: int, lex: Lexicons) -> str:
    """The type that an apposition after a name gives it, by its head noun:
    "Unosat, the UN satellite mapping organisation" a body, "Grozny, the
    capital of Chechnya" a place; or ""."""
    comma = body.find(",", end, end + 2)
    words = body[comma + 1 : comma + 1 + APPOSITION_CHARS].split()[:APPOSITION_WORDS]
    if not words or not (words[0] in _DETERMINERS or words[0].endswith(("'s", "’s"))):
        return ""
    head = ""
    for word in words[1:]:
        bare = word.rstrip(_PUNCTUATION)
        if bare in _AFTER_HEAD:
            break  # "the maker of the iPod": the head is "maker"
        head = bare.lower()
        if bare != word:
            break  # a mark ends the apposition
    if head in speaker_words().body_nouns and head not in lex.type_cues.person_before:  # ("a senior broadcaster")
        return "ORG"
    if head in lex.type_cues.place_nouns_of:
        return "PLACE"
    return ""


def votes(body: str, mentions: Iterable[tuple[int, int]], lex: Lexicons) -> Counter[str]:
    """How many of the mentions point to each type."""
    out: Counter[str] = Counter()
    for start, end in mentions:
        kind = vote(body, start, end, lex)
        if kind:
            out[kind] += 1
    return out


def listed_beside(
    body: str, mentions: list[tuple[int, int, str]], known: dict[str, str], wanted: set[str], lex: Lexicons
) -> dict[str, Counter[str]]:
    """For each name of `wanted`, the types of the `known` names (name -> type)
    it is listed beside; `mentions` are (start, end, name) in body order."""
    out: dict[str, Counter[str]] = {}
    for i, (start, end, name) in enumerate(mentions):
        if name not in wanted:
            continue
        gaps = []  # (gap, neighbour) on each side
        if i > 0:
            gaps.append((body[mentions[i - 1][1] : start], mentions[i - 1][2]))
        if i + 1 < len(mentions):
            gaps.append((body[end : mentions[i + 1][0]], mentions[i + 1][2]))
        listed = [(g, other) for g, other in gaps if len(g) <= LIST_GAP_CHARS and _LIST_GAP.match(g)]
        # A comma alone may close an apposition ("the Parliament, Josep Borrell,
        # said"): a list has an "and" or "or", or commas on both sides.
        if not listed or (len(listed) < 2 and not any(_CONJUNCTIONS & set(g.split()) for g, _ in listed)):
            continue
        if any(w.lower() in lex.type_cues.clause_verbs for w in _words_after(body, end)[:1]):
            continue  # "a tie at Old Trafford and Ancelotti said": a new clause, not a list
        for _, other in listed:
            kind = known.get(other)
            if kind and other != name:
                out.setdefault(name, Counter())[kind] += 1
    return out


def employers(
    body: str, mentions: list[tuple[int, int, str]], known: dict[str, str], wanted: set[str], lex: Lexicons
) -> list[str]:
    """The names of `wanted` said right after a person's full name and "of"
    ("analyst Mike Powell of Dresdner Kleinwort Wasserstein"): where he works,
    once a mention; `mentions` are (start, end, name) in body order."""
    return [
        name
        for (_, end, before), (start, _, name) in zip(mentions, mentions[1:])
        if name in wanted
        and known.get(before) == "PERSON"
        and " " in before
        and body[end:start] == " of "
        and name.split()[0] not in lex.first_names  # ("Maria Full of Grace": a title's words)
    ]


def named_by_cue_after(body: str, end: int, lex: Lexicons) -> bool:
    """Whether the word after a sentence's first capital makes it a body's
    name ("Ladbrokes spokesman Warren Lush", "Quentrix announced", "Molik admitted"), which a
    capital at a sentence's start does not prove by itself."""
    if body.startswith((", the ", ", a "), end):
        return True  # "Myskina, the third seed, now plays": an apposition describes a name
    after = body[end : end + CONTEXT_CHARS].split(None, 1)
    return bool(after) and (after[0] in lex.type_cues.body_after or after[0] in lex.type_cues.person_after)


SENTENCE_OPENS = re.compile(r"(?:^|[.!?:][\"'\u201c\u2018]?\s+[\"'\u201c\u2018]?|\s[\"\u201c\u2018])$")
SENTENCE_OPEN_CHARS = 40  # looked at before a name for the end of the sentence before it
_QUOTES = "\"'\u201c\u2018"  # the opening quotes of SENTENCE_OPENS
_ENDS_AND_QUOTES = ".!?:" + _QUOTES  # and the marks that end a sentence in it


def opens_sentence(body: str, start: int) -> bool:
    """Whether a sentence opens at `start`. Searched in the few characters before it:
    searching the body from 0 each time made a 25,000-character article take 116 ms."""
    if 2 <= start <= len(body):
        # Every match but the body's start ends in two of these characters (before a last
        # newline, `$` allows, the same two stand one further back, and the newline is a space):
        # a test that turns away most names ("said John") before the pattern's walk of 40 characters.
        last, before = body[start - 1], body[start - 2]
        if not (last.isspace() or last in _QUOTES) or not (before.isspace() or before in _ENDS_AND_QUOTES):
            return False
    return SENTENCE_OPENS.search(body, max(0, start - SENTENCE_OPEN_CHARS), start) is not None
