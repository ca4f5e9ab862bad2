"""Names as the people views compare them: keys, surnames, and descriptions told from names.

A speaker string is either a name ("Tony Blair", "Mr Blair", "Lord Falconer",
"Police Federation") or a description ("spokesman", "Rosneft spokesman",
"a BBC source"). The test is general, not a list of known descriptions: a
description starts lower case, or holds a lower-case word that is not a name
particle ("de", "van") nor a link in a body's name ("for", "and"), or is made only of
role words ("Prime Minister").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from byline.search.vocabulary import fold

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor", "rev"})
"""Dropped from the front of a name: "Mr Blair" is "Blair", "Sir Alex Ferguson" is "Alex Ferguson"."""
PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "do", "dos", "du", "van", "von", "la", "le", "al", "el", "bin"}
    | {"ben", "ibn", "y", "e", "ter", "st", "of"}
)
"""Lower-case words that belong to names ("Ludwig van Beethoven", "Duke of Edinburgh")."""
LINKS = frozenset({"and", "for", "the", "on", "in", "of", "&"})
"""Small words inside the name of a body ("Institute for Fiscal Studies")."""
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson spokesmen representative official officials source sources "
    "minister ministers prime chancellor secretary president chairman chairwoman chair chief executive "
    "director manager coach boss leader aide adviser analyst analysts expert experts police report "
    "statement survey study poll government officer spokespeople deputy general head".split()
)
"""Words that alone make a description when a speaker is nothing but them ("Prime Minister")."""

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


@lru_cache(maxsize=65536)
def is_description(name: str) -> bool:
    """True for a speaker known only by what they are ("spokesman for the firm"), not who."""
    tokens = name.split()
    if not tokens or not tokens[0][:1].isupper():
        return True
    # A body's name links capitalised words with small ones ("Department for Education and
    # Skills", "University of the West of England"); a description ends on a lower-case word
    # or holds one that is no link ("Home Office spokesman", "Gunners boss Arsene Wenger").
    ends_capitalised = tokens[-1][:1].isupper()
    if any(
        token[:1].islower() and token.lower() not in PARTICLES and not (ends_capitalised and token in LINKS)
        for token in tokens[1:]
    ):
        return True
    return all(token.strip(".,'’").lower() in ROLE_WORDS for token in tokens)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """What two spellings of one name share: folded, honorifics and suffixes off.

    "Mr Tony  Blair" and "tony blair" give "tony blair"; "Mr Blair" gives "blair".
    """
    words = [word.rstrip(".") for word in _WORD.findall(fold(name))]
    words = [word[:-2] if word.endswith(("'s", "’s")) else word for word in words]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def surname(key: str) -> str:
    """The last word of a name key: what a bare mention ("Blair") would be."""
    return key.rpartition(" ")[2]


def is_bare(key: str) -> bool:
    return " " not in key


def merge_bare(keys: list[str], known: set[str], is_person: Callable[[str], bool] = lambda key: True) -> dict[str, str]:
    """Bare keys that join a full name: each to the one person in `known` with that surname.

    A surname two known people share ("brown": Gordon and Nick) joins neither; nor
    does a bare name or a full one that is not a person (`is_person`): "Labour" is
    not the surname of "New Labour", nor "London" that of Michael London.
    """
    by_surname: dict[str, list[str]] = {}
    for key in known:
        if not is_bare(key):
            by_surname.setdefault(surname(key), []).append(key)
    joined = {}
    for key in keys:
        if is_bare(key):
            fulls = [full for full in by_surname.get(key, ()) if is_person(full)]
            if len(fulls) == 1 and is_person(key):
                joined[key] = fulls[0]
    return joined
