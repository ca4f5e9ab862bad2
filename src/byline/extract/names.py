"""Finding capitalised names in text and telling what each one is.

A *candidate* is a run of capitalised words (with the small words that live
inside names: "Bank of England", "Luiz Inacio Lula da Silva"). Each is cleaned
(sentence-initial filler, honorifics and job titles taken off) and typed from
the lexicons and from its own shape. Merging candidates into entities is the
business of `entities.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from byline.extract.lexicons import Lexicons

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# A name word: capitalised, or a lower-case particle glued to one (al-Qaeda,
# eBay); inner hyphens, dots and apostrophes kept (Rolls-Royce, Amazon.com,
# O'Neill), but never a possessive 's, which ends the name.
# A name word: capitalised, inner hyphens, dots and apostrophes kept
# (Rolls-Royce, Amazon.com, O'Neill), but never a possessive 's, which ends
# the name. The pattern starts with a capital so the regex engine can skip
# ahead fast: "al-" before a name is taken in afterwards.
_WORD_TAIL = (
    rf"[{_LETTER}0-9]*"
    rf"(?:(?:-(?=[{_UPPER}0-9])|\.(?=(?:com|net|org|co|uk|tv)\b)|&(?=[{_UPPER}])|['\u2019](?![sS]\b)(?=[{_LETTER}]))[{_LETTER}0-9]+)*"
)
# A given name hyphenated in lower case before a surname: "Hyung-taik Lee",
# "Lee Hyung-taik"; not a prefix ("Ex-president Bill Clinton").
_LOWER_HYPHEN = (
    r"(?<=[a-z])(?<!\b(?:Ex|Co))(?<!\b(?:Non|Pro|Pre|Mid))(?<!\b(?:Anti|Post|Self|Semi|Half|Well))"
    r"-(?=[a-z]{2,5}\b(?![-'\u2019])(?:[ \t]+[A-Z]|[,.;:]|$))[a-z]+"
)
_HYPHEN_WORDS = frozenset("born based owned run led hit held half made type like free wide long time rich ray".split())
_HYPHEN_PREFIXES = frozenset("Multi Inter Cross Ultra Super Sub Bio Eco Euro Mega Micro Mini Neo Quasi Pseudo".split())
_HYPHEN_TAIL = re.compile(r"-([a-z]+)$")
_WORD_TAIL = rf"[{_LETTER}0-9]*(?:{_LOWER_HYPHEN})?" + _WORD_TAIL[len(rf"[{_LETTER}0-9]*") :]
# A plural possessive inside a name: "London Critics' Circle".
_WORD_TAIL += r"(?:(?<=s)'(?=[ \t]+[A-Z]))?"
_WORD = rf"[{_UPPER}]{_WORD_TAIL}"
_CONNECTOR = r"(?:of|for|and|&|de|da|di|du|del|della|dos|das|do|von|van|der|den|le|la|bin|ibn|y)(?:[ \t]+the)?"
_NUMBER_AFTER = frozenset({"Radio", "Channel", "BBC", "Formula", "Division", "ITV", "Series", "Group"})
# "Mr. Smith": the American full stop after a title does not end the name.
_TITLE_DOT = "(?:" + "|".join(rf"(?<=\b{t})" for t in "Mr Mrs Ms Dr St Gen Gov Sen Rep Lt Col Capt Sgt Prof Rev".split()) + r")\."
NAME_RUN = re.compile(
    rf"[{_UPPER}](?<![{_LETTER}0-9].){_WORD_TAIL}(?:{_TITLE_DOT})?(?:(?:[ \t]+{_CONNECTOR})?[ \t]+(?:(?:al|el)-)?{_WORD}(?:{_TITLE_DOT})?)*"
    r"(?:[ \t]+[0-9]{1,2}\b(?![.,:][0-9]))?"
)
_TOKEN = re.compile(rf"{_WORD}(?:{_TITLE_DOT})?|[0-9]+|\S+")
_CONNECTORS = frozenset(
    "of for and & de da di du del della dos das do von van der den le la bin ibn y the".split()
)
_PARTICLES = frozenset("de da di du del della dos das do von van der den le la bin ibn y".split())
_MULTI_TITLES = (
    ("Prime", "Minister"),
    ("Deputy", "Prime", "Minister"),
    ("Secretary", "of", "State"),
    ("Chancellor", "of", "the", "Exchequer"),
    ("Attorney", "General"),
    ("Director", "General"),
    ("Secretary", "General"),
    ("Chief", "Executive"),
    ("Foreign", "Minister"),
    ("Foreign", "Secretary"),
    ("Home", "Secretary"),
    ("Vice", "President"),
)
_FUNCTION_WORDS = frozenset(
    "the but and or so yet if as at in on by for from with after before when while since although though "
    "because however meanwhile also now then there this that these those its his her their our my your a an "
    "last next earlier later".split()
)
# Place words that are also surnames: after a first name they end a person's name.
_SURNAME_PLACE_WORDS = frozenset(
    "Hill Hills Church Hall Field Park Ground Gardens Camp Base Port Town City Village Estate District "
    "Wood Green Bridge Tower Castle Lane Palace Abbey Temple Mount Rivers Lake".split()
)
_PLACE_FIRST = frozenset("St St. County Lake Mount Port Fort Cape Isle Gulf Bay Loch Glen Lough".split())
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central N S E W NE NW SE SW".split())
_FOREIGN_ARTICLES = frozenset("De La Le Les El Il Der Die Het Los Las Du Des".split())
_INDEX_WORDS = frozenset("Average Industrial Composite Index Indices".split())
_ROYAL = frozenset("Prince Princess King Queen Pope Duke Duchess Lord Lady Baroness Baron Earl".split())
_INITIAL_OPENERS = frozenset('.!?:;"\u201c\u2018(\u2014\u2013')
_STARTS = _INITIAL_OPENERS | {"\n"}


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


def is_initial(text: str, start: int) -> bool:
    """Whether position `start` begins a sentence (or a quotation, or a paragraph)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n" or text[i] in _INITIAL_OPENERS


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
        key = (run, i < 0 or text[i] in _STARTS)  # is_initial(), inlined: this loop is hot
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
            elif cand.check == 2 and any(w.lower() in lowercase_words for w in cand.text.split() if w not in _PARTICLES):
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
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(run)]
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
                if token[0] not in _CONNECTORS:
                    _add([token], lex, out, initial and n == 0)
        else:
            _split_run(initial, tokens, lex, out)
    return out


def _hyphen_groups(tokens: list[tuple[str, int, int]], lex: Lexicons) -> list[list[tuple[str, int, int]]]:
    """Cut a run where a lower-case hyphen tail is an English word, not a
    given name's second half: "Paris-based Euronext", "Fly-half Jonny
    Wilkinson" are a place or a word, then a name; "Hyung-taik Lee" is one."""
    groups: list[list[tuple[str, int, int]]] = [[]]
    for token in tokens:
        tail = _HYPHEN_TAIL.search(token[0])
        if tail is None:
            groups[-1].append(token)
            continue
        head = token[0][: tail.start()]
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
            groups[-1].append((head, token[1], token[1] + len(head)))
            groups.append([])
        else:
            groups[-1].append(token)
    return [g for g in groups if g]


_SELF_STANDING_ORG_WORDS = 3  # a body's title this long names it without its country
_LONGEST_NAME = 16  # words in a run of capitals, connectors counted


def _split_run(initial: bool, tokens: list[tuple[str, int, int]], lex: Lexicons, out: list[Candidate]) -> None:
    # Sentence-initial filler ("But", "New", "Former") is not part of a name,
    # unless the lexicons know the whole ("New York").
    while tokens and initial and len(tokens) > 1:
        word = tokens[0][0]
        lower = word.lower()
        if (
            word not in lex.honorifics
            and (lower in lex.common_words or (lower in lex.english_words and word not in lex.first_names and len(tokens) > 2))
            and not _lexicon_prefix(tokens, lex)
            and (lower in _FUNCTION_WORDS or not _is_org(tokens, lex))  # "Police Federation"
        ):
            # "Backbencher Stephen Pound": an English word before a full name.
            tokens = tokens[1:]
            initial = False
        elif _opening_verb(word, lex) and not _lexicon_prefix(tokens, lex) and not _is_org(tokens, lex):
            # "Praising Celtic, he said": a participle opens the sentence.
            tokens = tokens[1:]
            initial = False
        else:
            break
    if tokens and tokens[-1][0].isdigit() and (len(tokens) < 2 or tokens[-2][0] not in _NUMBER_AFTER):
        tokens = tokens[:-1]
    # Generic capitals (TV, ISP, Voip), words like "The" and the pronoun "I'd"
    # cut a run in pieces.
    pieces: list[list[tuple[str, int, int]]] = [[]]
    previous = ""
    for token in tokens:
        word = token[0]
        if (word in ("The", "the") and previous not in _CONNECTORS) or word.startswith(("I'", "I\u2019")) or (
            _common(word, lex)
            and word not in lex.orgs
            and word not in lex.places
            and (_acronym_like(word) or word.lower() in _GENERIC)
            and not (word.lower() in _GENERIC and _is_org(tokens[tokens.index(token):], lex))  # "Internet Engineering Task Force"
        ):
            pieces.append([])
        else:
            pieces[-1].append(token)
        previous = word
    pieces = [p for p in (_trim_connectors(p) for p in pieces) if p]
    for n, piece in enumerate(pieces):
        _split_piece(piece, lex, out, initial and n == 0 and piece[0] is tokens[0])


_GENERIC = frozenset({"voip", "internet", "web", "net", "online", "e-mail", "email", "website", "broadband", "software", "mobile"})


def _split_piece(tokens: list[tuple[str, int, int]], lex: Lexicons, out: list[Candidate], initial: bool) -> None:
    if tokens[-1][0] in lex.event_words or _whole(tokens[-2:]) in lex.event_words:
        return  # a law, an event, a prize: not an entity
    # "The Electoral Commission and the Department for Education and Skills":
    # "and the" joins two names (each keeps the "and" inside it).
    for i, token in enumerate(tokens):
        if token[0] == "and" and 0 < i < len(tokens) - 2 and tokens[i + 1][0] == "the" and not _known(tokens, lex):
            left, right = _trim_connectors(tokens[:i]), _trim_connectors(tokens[i + 2 :])
            if left and right:
                _split_piece(left, lex, out, initial)
                _split_piece(right, lex, out, False)
                return
    # "Serbia & Montenegro", "Ant Lee & Dec Ross": two names; "Tate & Lyle" is one.
    for i, token in enumerate(tokens):
        if token[0] == "&" and 0 < i < len(tokens) - 1 and not _known(tokens, lex):
            left, right = tokens[:i], tokens[i + 1 :]
            if (_known(left, lex) and _known(right, lex)) or (len(left) > 1 and left[0][0] in lex.first_names):
                _split_piece(left, lex, out, initial)
                _split_piece(right, lex, out, False)
                return
    # "Britain and France", "Mr Abbasi and Mr Mubanga": a list, not one name,
    # unless it names one body ("Department for Culture Media and Sport");
    # "Procter & Gamble" is one name.
    for i, token in enumerate(tokens):
        if token[0] == "and" and 0 < i < len(tokens) - 1 and not _known(tokens, lex):
            left = _trim_connectors(tokens[:i])
            right = _trim_connectors(tokens[i + 1 :])
            # "Securities and Exchange Commission": one body unless the left
            # part is a name of its own.
            left_named = _known(left, lex) or _is_org(left, lex) or left[0][0] in lex.first_names or any(
                t[0].lower() not in lex.english_words for t in left
            )
            both_named = bool(right) and left_named and (_known(right, lex) or (len(right) > 1 and _is_org(right, lex)))
            if left and (_known(left, lex) or _last_title(left, lex) or both_named or not _is_org(tokens, lex)):
                _split_piece(left, lex, out, initial)
                if right:
                    _split_piece(right, lex, out, False)
                return
    # "Mark Stephen Trotter of California", "Nick Donofrio of IBM": a name,
    # then another; but "Bank of England" and "Times of Israel" are one.
    for i, token in enumerate(tokens):
        if token[0] in ("of", "from", "for") and 0 < i < len(tokens) - 1:
            left, right = tokens[:i], _trim_connectors(tokens[i + 1 :])
            if left[-1][0] in lex.org_words or left[-1][0] in lex.place_words or _known(tokens, lex):
                break
            words = [t[0] for t in tokens]
            if any(
                tuple(words[j : j + len(t)]) == t and j < i < j + len(t)
                for j in range(i) for t in _MULTI_BY_FIRST.get(words[j], ())
            ):
                break  # "Secretary of State Antony Blinken"
            if left[0][0] in lex.honorifics and len(left) == 1:
                tokens = right  # "President of the European Parliament"
                break
            person_first = token[0] != "of" and 2 <= len(left) <= 3 and classify(left, lex)[0] == "PERSON"
            if not right or not (
                _known(right, lex) or _is_org(right, lex) or all(t[0].isupper() for t in right) or person_first
            ):
                break  # "The Passion of the Christ": a title, dropped whole below
            _split_piece(left, lex, out, initial)
            if token[0] == "for" and person_first and not (_known(right, lex) or _is_org(right, lex)):
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
    while len(tokens) > 1 and (tokens[0][0] in lex.demonyms or tokens[0][0] in lex.calendar):
        if _known(tokens, lex) or _is_org(tokens, lex):  # "Czech Republic" is a country
            break
        tokens = tokens[1:]
        initial = False

    if (
        len(tokens) > _SELF_STANDING_ORG_WORDS and tokens[0][0].isupper() and tokens[0][0] in lex.countries
        and _is_org(tokens[1:], lex) and not _known(tokens, lex)
    ):
        tokens = tokens[1:]
        initial = False
    # A title standing after a name is not part of it ("NUJ General Secretary").
    if len(tokens) > 1 and tokens[-1][0] in lex.honorifics and not _known(tokens, lex):
        trimmed = _trim_titles(tokens, lex)
        if trimmed and (_known(trimmed, lex) or _is_org(trimmed, lex) or all(t[0].isupper() for t in trimmed)):
            tokens = trimmed  # but "Kristin King" and "Ms King" are names
        elif not trimmed and all(t[0] in lex.honorifics or t[0] in _CONNECTORS for t in tokens) and not _last_title(tokens, lex):
            return  # "Prime Minister", "Secretary of State": a title alone
    # "Metropolitan Police Commissioner Sir Ian Blair": the person follows the
    # last title; what stands before the title may be a name of its own.
    whole = _whole(tokens)
    if not _known(tokens, lex) and tokens[-1][0] not in lex.org_words:
        cut = _last_title(tokens, lex)
        if cut is not None:
            title_start, person_start = cut
            before = _trim_titles(tokens[:title_start], lex)
            if before:
                _add(before, lex, out, initial)
            honorific = tokens[person_start - 1][0]
            title = " ".join(t[0] for t in tokens[title_start:person_start])
            person = tokens[person_start:]
            if len(person) == 1 and person[0][0].lower() in lex.common_words:
                return  # "Dr No": a title, not a name
            if len(person) == 1 and honorific in _ROYAL:
                person = tokens[person_start - 1 : person_start + 1]  # "Prince Harry", "Lord Hanningfield"
            out.append(
                Candidate(
                    person[0][1], person[-1][2], _whole(person), "PERSON",
                    honorific=honorific.rstrip("."), title=title, strong=True,
                )
            )
            return
    del whole
    _add(tokens, lex, out, initial)


def _known(tokens: list[tuple[str, int, int]], lex: Lexicons) -> bool:
    name = _whole(tokens)
    return name in lex.orgs or name in lex.places or name in lex.org_aliases


def _add_word(word: str, initial: bool, lex: Lexicons, out: list[Candidate]) -> None:
    _add([(word, 0, len(word))], lex, out, initial)


def _add(tokens: list[tuple[str, int, int]], lex: Lexicons, out: list[Candidate], initial: bool) -> None:
    tokens = _trim_connectors(tokens)
    while len(tokens) > 1 and tokens[0][0] == "The":
        tokens = tokens[1:]
    if not tokens:
        return
    name = _whole(tokens)
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
    out.append(Candidate(tokens[0][1], tokens[-1][2], name, kind, initial=initial and single, strong=strong, check=check))


def classify(tokens: list[tuple[str, int, int]], lex: Lexicons) -> tuple[str | None, bool]:
    """The type of a cleaned name, and whether a lexicon or a keyword said so."""
    name = _whole(tokens)
    words = [t[0] for t in tokens]
    if name in lex.calendar or name in lex.demonyms or name in lex.honorifics or words[-1] in lex.event_words:
        return "DROP", True
    if len(words) > 1 and words[-1] in _INDEX_WORDS:
        return "DROP", True  # "Dow Jones Industrial Average": a share index, not a body
    if "-" in words[0] and words[0].split("-", 1)[0] in lex.demonyms:
        return "DROP", True  # "German-US", "Anglo-French"
    if name in lex.org_aliases or name in lex.orgs:
        return "ORG", True
    if name in lex.places:
        return "PLACE", True
    if _is_org(tokens, lex):
        return "ORG", True
    if words[-1].isdigit():
        return "ORG", False
    if words[0] in _PLACE_FIRST and len(words) > 1 and words[0] not in lex.first_names:
        return "PLACE", False  # "St Louis", "County Durham", "Lake Geneva"
    if words[-1] in lex.place_words and len(words) > 1:
        if words[0] in lex.first_names and words[-1] in _SURNAME_PLACE_WORDS and len(words) <= 3:
            return "PERSON", True  # "William Hill", "Charlotte Church": a person
        return "PLACE", True
    if len(words) > 1 and words[0] in _COMPASS and (len(words[0]) > 2 or words[1] in lex.places) and not any(w in lex.orgs or w.isupper() and len(w) > 1 for w in words[1:]):
        return "PLACE", False  # "East Anglia", "South Asia", "W Yorkshire"
    if all(w.lower() in lex.common_words and not w.isupper() for w in words if w not in _CONNECTORS):
        return "DROP", True
    if len(words) == 1:
        word = words[0]
        if _common(word, lex) and (_acronym_like(word) or word.lower() in _GENERIC):
            return "DROP", True
        if len(word) == 1:
            return "DROP", True
        if word in lex.first_names:
            return "PERSON", False
        if word.endswith(("ians", "eans", "ites")) and len(word) > 6:
            return "DROP", False  # "Gibraltarians": people of a place, not a name
        if word.isupper() and 2 <= len(word) <= 6 or re.fullmatch(r"[A-Z]+[0-9]+|[A-Z][a-z]*[A-Z][A-Za-z]*", word):
            return "ORG", False
        return None, False
    amp = words.index("&") if "&" in words[1:-1] else 0
    if amp and (len(words[amp - 1]) == 1 or len(words[amp + 1]) == 1):
        return "DROP", False  # "R & B": a genre
    if amp and all(w.lower() in lex.english_words for w in words if w != "&"):
        return "DROP", False  # "Black & White", "Dungeons & Dragons": a title or a style
    if amp and "of" not in words and "the" not in words:
        return "ORG", False  # "Tate & Lyle", "Johnson & Johnson": a firm's partners
    if any(w in _CONNECTORS and w not in _PARTICLES for w in words):
        # "Lord of the Rings": a name with "of" and no keyword is more often a
        # work or an event than a person.
        return "DROP", False
    if words[0] in lex.first_names and not any(w.isupper() and len(w) > 1 for w in words):
        return "PERSON", True
    if any(w.isupper() and len(w) > 1 for w in words) or any(w in lex.orgs for w in words):
        return "ORG", False  # "BBC Radio Scotland", "Sony Ericsson": no person's name has these
    if all(w.lower() in lex.english_words for w in words):
        return "DROP", False  # "Dead Man", "Killing Fields": English words, a work's title
    if any(w in lex.places or w in lex.orgs for w in words[1:]) or (words[0] in lex.places and words[0] not in lex.first_names):
        return "ORG", False  # "Media Lab Europe", "London Zoo": a body named after a place
    if "St" in words[1:-1] or "St." in words[1:-1]:
        return "PLACE", False  # "Chalfont St Peter", "Bury St Edmunds"
    if words[0] in _FOREIGN_ARTICLES:
        return "ORG", False  # "Le Matin", "De Telegraaf", "El Pais": a title, most often a newspaper
    if len(words) <= 4 and not any(w.lower() in lex.common_words for w in words):
        # Capitalised words that are not English words: most often a person.
        return "PERSON", False
    return "DROP", False


def _is_org(tokens: list[tuple[str, int, int]], lex: Lexicons) -> bool:
    words = [t[0] for t in tokens if not t[0].isdigit()]
    if len(words) > 1 and (words[-1] in lex.org_words or any(w in lex.org_words_anywhere for w in words)):
        return True
    # "Times of Israel", "Bureau of Statistics": a body's word before "of".
    for i in range(1, len(words) - 1):
        if words[i] in ("of", "for") and words[i - 1] in lex.org_words:
            return True
    return False


def _last_title(tokens: list[tuple[str, int, int]], lex: Lexicons) -> tuple[int, int] | None:
    """(where the title begins, where the person's name begins), or None."""
    words = [t[0] for t in tokens]
    best = None
    i = 0
    while i < len(words):
        size = _title_at(words, i, lex)
        if size:
            rest = words[i + size :]
            # (a title word may be the name itself when it comes last: "Ms King", "Mr Major")
            if rest and (rest[0] not in _CONNECTORS or rest[0] in _PARTICLES) and (rest[0] not in lex.honorifics or len(rest) == 1):
                start = i
                # Take in the words of a title that run before it ("Home Secretary").
                while start > 0 and words[start - 1] in lex.honorifics:
                    start -= 1
                best = (start, i + size)
            i += size
        else:
            i += 1
    if best is None:
        return None
    person = words[best[1] :]
    if any(w in _CONNECTORS and w not in _PARTICLES for w in person) or len(person) > 6:
        return None
    return best


_MULTI_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _multi in _MULTI_TITLES:
    _MULTI_BY_FIRST.setdefault(_multi[0], []).append(_multi)


def _title_at(words: list[str], i: int, lex: Lexicons) -> int:
    for multi in _MULTI_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(multi)]) == multi:
            return len(multi)
    return 1 if words[i] in lex.honorifics else 0


def _trim_titles(tokens: list[tuple[str, int, int]], lex: Lexicons) -> list[tuple[str, int, int]]:
    while tokens and (tokens[-1][0] in lex.honorifics or tokens[-1][0] in _CONNECTORS):
        tokens = tokens[:-1]
    while tokens and (tokens[0][0] in lex.demonyms or tokens[0][0] in lex.honorifics or tokens[0][0] in _CONNECTORS):
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0][0] not in lex.places and tokens[0][0] not in lex.orgs and not tokens[0][0].isupper():
        return []
    return tokens


def _trim_connectors(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    while tokens and tokens[0][0] in _CONNECTORS:
        tokens = tokens[1:]
    while tokens and tokens[-1][0] in _CONNECTORS:
        tokens = tokens[:-1]
    return tokens


def _lexicon_prefix(tokens: list[tuple[str, int, int]], lex: Lexicons) -> bool:
    for size in range(len(tokens), 1, -1):
        name = _whole(tokens[:size])
        if name in lex.places or name in lex.orgs:
            return True
    return False


def _whole(tokens: list[tuple[str, int, int]]) -> str:
    return " ".join(t[0] for t in tokens)


def _opening_verb(word: str, lex: Lexicons) -> bool:
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


def _common(word: str, lex: Lexicons) -> bool:
    """A common word, or the plural of a common abbreviation ("TVs", "PCs")."""
    lower = word.lower()
    return lower in lex.common_words or (_plural_acronym(word) and lower[:-1] in lex.common_words)


def _acronym_like(word: str) -> bool:
    """Capitals that abbreviate a common noun in any case mix: "GMT", "PhD", "CEOs"."""
    return word.isupper() or _plural_acronym(word) or sum(c.isupper() for c in word) >= 2


def _plural_acronym(word: str) -> bool:
    """'MPs', 'MEPs' (but not 'Ms' or 'Mr')."""
    return len(word) > 2 and word[-1] == "s" and word[:-1].isupper()
