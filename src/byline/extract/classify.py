"""The type of a cleaned name from the name alone: lexicons, keywords, shape.

PERSON, ORG or PLACE, with whether a lexicon or a keyword said so ("strong")
or the shape only suggests it; "DROP" for what names nothing (a month, a
nationality, a law, a work's title in capitals).
"""

from __future__ import annotations

import re

from byline.extract.lexicons import Lexicons, name_words
from byline.extract.name_tokens import CONNECTORS, PARTICLES, Token, whole

_WORDS = name_words()
_SURNAME_PLACE_WORDS = _WORDS["surname_place_words"]
_PLACE_FIRST = _WORDS["place_first"]
_COMPASS = _WORDS["compass"]
_FOREIGN_ARTICLES = _WORDS["foreign_articles"]
_INDEX_WORDS = _WORDS["index_words"]
GENERIC = _WORDS["generic"]
_NEWSPAPER_FIRST = _WORDS["newspaper_first"]
_EVENT_FIRST = _WORDS["event_first"]
_CAUSE_WORDS = _WORDS["cause_words"]
_IDEA_ENDINGS = tuple(_WORDS["idea_endings"])
_SHORTEST_IDEA = 7  # letters: "Brian", "Julian" end so too
# A model's number ("A350", "AV400", "PMC-100", "A380s"): a product, not a body.
MODEL_NUMBER = re.compile(r"[A-Z]{1,4}-?[0-9]{3,4}s?")
# "BT3", "TiVo", "PlayStation": a code or a capital inside a word, a body's (compiled once: `re.fullmatch`
# with the pattern's text looks it up in re's cache at each call, 4,000 instructions)
_CODE_OR_INNER_CAPITAL = re.compile(r"[A-Z]+[0-9]+|[A-Z][a-z]*[A-Z][A-Za-z]*")
_LONGEST_INITIALS = 3  # capitals that can be a person's initials ("JRR")


def classify(tokens: list[Token], lex: Lexicons) -> tuple[str | None, bool]:
    """The type of a cleaned name, and whether a lexicon or a keyword said so.

    Kept by the name's words: the type depends on them alone, and a third of the
    names typed in a corpus were typed before, in other runs of capitals
    ("Mr Blair", "Tony Blair said") or other articles."""
    words = [t.text for t in tokens]
    key = tuple(words)
    if _TYPED_BY[0] is not lex:  # (other lexicons, in tests: what was kept no longer holds)
        _TYPED_BY[0] = lex
        _TYPED.clear()
    found = _TYPED.get(key)
    if found is None:
        if len(_TYPED) > MAX_TYPED:
            _TYPED.clear()
        found = _TYPED[key] = _classify(tokens, words, lex)
    return found


MAX_TYPED = 100_000  # names kept with their types, at most (a long run forgets them all and starts again)
_TYPED: dict[tuple[str, ...], tuple[str | None, bool]] = {}
_TYPED_BY: list[Lexicons | None] = [None]


def _classify(tokens: list[Token], words: list[str], lex: Lexicons) -> tuple[str | None, bool]:
    name = " ".join(words)
    if (
        name in lex.calendar
        or name.endswith("days")
        and name[:-1] in lex.calendar  # "on Fridays"
        or name in lex.demonyms
        or name in lex.honorifics
        or words[-1] in lex.event_words
        or name in lex.works
        or len(words) > 1
        and (words[0] in _EVENT_FIRST or words[0] in lex.countries and name[len(words[0]) + 1 :] in lex.works)
    ):  # ("Hurricane Ivan": a storm; "US Wife Swap": a work's national version)
        return "DROP", True
    if len(words) > 1 and words[-1] in _INDEX_WORDS:
        return "DROP", True  # "Dow Jones Industrial Average": a share index, not a body
    if "-" in name and all(part in lex.calendar for part in name.split("-")):
        return "DROP", True  # "July-September", "Monday-Friday"
    if "-" in name and all(part in lex.countries or part in lex.demonyms for part in name.split("-")):
        return "DROP", True  # "US-German", "Anglo-French": an adjective
    if "-" in words[0] and words[0].split("-", 1)[0] in lex.demonyms:
        return "DROP", True  # "German-US", "Anglo-French"
    if name in lex.org_aliases or name in lex.orgs:
        return "ORG", True
    if name in lex.places:
        return "PLACE", True
    if name in lex.stage_names:
        # "Eminem", "Bono": a person known by one name; not typed strongly, so
        # the acts listed beside ("Eminem, Coldplay and Keane") keep their own type
        return "PERSON", False
    capitals = [w for w in words if w.isupper() and len(w) > 1]
    if len(capitals) > 1 and any(len(w) >= _LONGEST_INITIALS + 1 and w.lower() in lex.english_words for w in capitals):
        # "MATCH STATS", "METAL GEAR SOLID": a heading or a title in capitals, not
        # initials; but "BLACKBURN ROVERS" in a heading is the club the lexicon knows
        known = " ".join(w.capitalize() if w in capitals else w for w in words)
        return ("ORG", True) if known in lex.orgs else ("PLACE", True) if known in lex.places else ("DROP", True)
    if is_org(tokens, lex):
        return "ORG", True
    if words[-1].isdigit():
        return "ORG", False
    if words[0] in _PLACE_FIRST and len(words) > 1 and words[0] not in lex.first_names:
        return "PLACE", False  # "St Louis", "County Durham", "Lake Geneva"
    if words[-1] in lex.place_words and len(words) > 1:
        if words[0] in lex.first_names and words[-1] in _SURNAME_PLACE_WORDS and len(words) <= 3:
            return "PERSON", True  # "William Hill", "Charlotte Church": a person
        return "PLACE", True
    if len(words) == 2 and words[1] in _COMPASS and len(words[1]) > 2 and words[0] in lex.places:
        return "PLACE", False  # "Oldham East", "Bristol West": a constituency, a part of the place
    if len(words) > 1 and words[0] in _COMPASS and words[-1] in lex.demonyms:
        return "DROP", True  # "South African", "North Korean": an adjective
    if (
        len(words) > 1
        and words[0] in _COMPASS
        and (len(words[0]) > 2 or words[1] in lex.places)
        and not any(w in lex.orgs or w.isupper() and len(w) > 1 for w in words[1:])
    ):
        return "PLACE", False  # "East Anglia", "South Asia", "W Yorkshire"
    if all(w.lower() in lex.common_words and not w.isupper() for w in words if w not in CONNECTORS):
        return "DROP", True
    if len(words) == 1:
        word = words[0]
        if is_common(word, lex) and (is_acronym_like(word) or word.lower() in GENERIC):
            return "DROP", True
        if len(word) == 1:
            return "DROP", True
        if word in lex.first_names:
            return "PERSON", False
        if word[-1:] == "s" and word[:-1] in lex.demonyms:
            return "DROP", True  # "Slovaks", "Spaniards": a people, as "Slovak" is its adjective
        if word.endswith(("ians", "eans", "ites")) and len(word) > 6:
            return "DROP", False  # "Gibraltarians": people of a place, not a name
        if is_plural_acronym(word) and len(word) > _LONGEST_INITIALS and word.isalpha():
            return "DROP", False  # "NGOs", "SMEs", "MMORPGs": the plural of a common noun's initials, no name
        if MODEL_NUMBER.fullmatch(word):
            return "DROP", False  # "A350", "E190": a model's number, a product
        if word.isupper() and len(word) >= _LONGEST_INITIALS + 1 and word.lower() in lex.english_words:
            return "DROP", False  # "FAST", "LEGEND": an English word in capitals (a title, a headline), not initials
        if word.isupper() and 2 <= len(word) <= 6 or _CODE_OR_INNER_CAPITAL.fullmatch(word):
            return "ORG", False
        return None, False
    amp = words.index("&") if "&" in words[1:-1] else 0
    if amp and (len(words[amp - 1]) == 1 or len(words[amp + 1]) == 1):
        return "DROP", False  # "R & B": a genre
    if amp and all(w.lower() in lex.english_words for w in words if w != "&"):
        return "DROP", False  # "Black & White", "Dungeons & Dragons": a title or a style
    if amp and "of" not in words and "the" not in words:
        return "ORG", False  # "Tate & Lyle", "Johnson & Johnson": a firm's partners
    if any(w in CONNECTORS and w not in PARTICLES for w in words):
        # "Lord of the Rings": a name with "of" and no keyword is more often a
        # work or an event than a person.
        return "DROP", False
    if words[0] in lex.first_names and not any(w.isupper() and len(w) > 1 for w in words):
        return "PERSON", True
    if (
        (len(words) == 2 or all(w in PARTICLES for w in words[1:-1]))  # ("CJ van der Linde")
        and words[0].isupper()
        and len(words[0]) <= _LONGEST_INITIALS
        and words[0] not in lex.orgs
        and not words[-1].isupper()
        and words[-1].lower() not in lex.english_words
        and words[-1] not in lex.orgs
        and words[-1] not in lex.places
    ):
        return "PERSON", False  # "JK Rowling", "JRR Tolkien": initials, then a surname
    if any(w.isupper() and len(w) > 1 for w in words) or any(w in lex.orgs for w in words):
        return "ORG", False  # "BBC Radio Scotland", "Sony Ericsson": no person's name has these
    if words[0] in _NEWSPAPER_FIRST and words[-1].lower() not in lex.calendar:
        return "ORG", False  # "Evening Standard", "Sunday Herald": a newspaper
    if all(w.lower() in lex.english_words for w in words):
        return "DROP", False  # "Dead Man", "Killing Fields": English words, a work's title
    if any(w in lex.places or w in lex.orgs for w in words[1:]) or (
        words[0] in lex.places and words[0] not in lex.first_names
    ):
        return "ORG", False  # "Media Lab Europe", "London Zoo": a body named after a place
    if "St" in words[1:-1] or "St." in words[1:-1]:
        return "PLACE", False  # "Chalfont St Peter", "Bury St Edmunds"
    if words[0] in _FOREIGN_ARTICLES:
        return "ORG", False  # "Le Matin", "De Telegraaf", "El Pais": a title, most often a newspaper
    if len(words) <= 4 and not any(w.lower() in lex.common_words for w in words):
        # Capitalised words that are not English words: most often a person.
        return "PERSON", False
    return "DROP", False


def is_org(tokens: list[Token], lex: Lexicons) -> bool:
    words = [t.text for t in tokens if not t.text.isdigit()]
    if len(words) > 1 and (words[-1] in lex.org_words or any(w in lex.org_words_anywhere for w in words)):
        return True
    # "Times of Israel", "Bureau of Statistics": a body's word before "of";
    # "League Against Cruel Sports", "Doctors Without Borders": a cause's word.
    for i in range(1, len(words) - 1):
        if words[i] in ("of", "for") and words[i - 1] in lex.org_words or words[i] in _CAUSE_WORDS:
            return True
    return False


def is_known(tokens: list[Token], lex: Lexicons) -> bool:
    name = whole(tokens)
    return name in lex.orgs or name in lex.places or name in lex.org_aliases


def has_lexicon_prefix(tokens: list[Token], lex: Lexicons) -> bool:
    for size in range(len(tokens), 1, -1):
        name = whole(tokens[:size])
        if name in lex.places or name in lex.orgs or name in lex.works:  # ("Windows XP" opening a sentence)
            return True
    return False


def is_opening_verb(word: str, lex: Lexicons) -> bool:
    """A participle or past tense that may open a sentence ("Praising", "Asked")."""
    lower = word.lower()
    return (
        len(lower) > 5
        and lower.endswith(("ing", "ed"))
        and lower in lex.english_words
        and word not in lex.first_names
        and word not in lex.orgs
        and word not in lex.places
    )


def is_common(word: str, lex: Lexicons) -> bool:
    """A common word, or the plural of a common abbreviation ("TVs", "PCs")."""
    lower = word.lower()
    return lower in lex.common_words or (is_plural_acronym(word) and lower[:-1] in lex.common_words)


def is_acronym_like(word: str) -> bool:
    """Capitals that abbreviate a common noun in any case mix: "GMT", "PhD", "CEOs"."""
    return word.isupper() or is_plural_acronym(word) or sum(c.isupper() for c in word) >= 2


def is_plural_acronym(word: str) -> bool:
    """'MPs', 'MEPs' (but not 'Ms' or 'Mr')."""
    return len(word) > 2 and word[-1] == "s" and word[:-1].isupper()


def is_idea(word: str, lex: Lexicons) -> bool:
    """ "Thatcherism", "Christianity", "Orwellian": a creed or an adjective
    made from a name, which names nothing the guidelines count."""
    return len(word) > _SHORTEST_IDEA and word.endswith(_IDEA_ENDINGS) and word not in lex.first_names
