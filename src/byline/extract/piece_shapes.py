"""Pieces of a run of capitals that read as one name whatever their words say,
or as two: a peer with his territorial designation ("Lord Nicholls of
Birkenhead"), a known work lengthened ("Star Wars Galaxies"), an owner and
what it owns ("Leeds' Elland Road"). `pieces.py` asks these before it cuts a piece.
"""

from __future__ import annotations

from byline.extract.classify import is_known, is_org
from byline.extract.lexicons import Lexicons, name_words
from byline.extract.name_tokens import Token, whole

_PEERAGE = name_words()["peerage"]
LONGEST_DESIGNATION = 2  # words of the place in "Lord Irvine of Lairg"


def owner_named(tokens: list[Token], lex: Lexicons) -> int:
    """Where what a name owns starts in "Leeds' Elland Road", or 0: a possessive
    "s'" on a known body or place, or on a word that is no English plural (a
    people's noun, "Actors'", "Workers'", makes a body's name of its own)."""
    if len(tokens) < 2 or is_known(tokens, lex):
        return 0
    for k, token in enumerate(tokens[:-1]):
        word = token.text
        if word[-2:] in ("s'", "s\u2019") and len(word) > 2:
            bare = word[:-1]
            owner = [*tokens[:k], Token(bare, token.start, token.end - 1)]
            if tokens[k + 1].text in lex.first_names:
                return 0  # "Ladbrokes' Warren Lush": a person after what describes him (pieces.py)
            if is_known(owner, lex) or (
                bare.lower() not in lex.english_words and bare[:-1].lower() not in lex.english_words
            ):
                return k + 1
            return 0
    return 0


def known_work_first(tokens: list[Token], lex: Lexicons) -> bool:
    """A known work of two words or more, then more capitals that name no body or
    place of their own ("Star Wars Galaxies", "Harry Potter Trading Cards"): a
    sequel, a game or a product of the same title. (One word is too little:
    "Islam Karimov"; "and" may list another name: "Shrek and Eddie Murphy".)"""
    if len(tokens) < 3 or any(t.text in ("and", "&") for t in tokens):
        return False
    for size in range(len(tokens) - 1, 1, -1):
        if whole(tokens[:size]) in lex.works:
            return not (is_org(tokens, lex) or is_known(tokens, lex) or tokens[-1].text in lex.place_words)
    return False


def peer_of_place(tokens: list[Token], lex: Lexicons) -> bool:
    """ "Lord Irvine of Lairg": a peer's title, a surname, "of" and a place of a word or two."""
    place = tokens[3:]
    return (
        len(tokens) > 3
        and tokens[0].text in _PEERAGE
        and tokens[2].text == "of"
        and tokens[1].text[:1].isupper()
        and len(place) <= LONGEST_DESIGNATION
        and all(t.text[:1].isupper() and t.text not in lex.org_words for t in place)
        and not is_known(tokens, lex)
    )
