"""One piece of a run of capitals made into candidates.

A piece is what is left of a run once sentence-initial filler and generic
capitals are cut off (`names.py`). Here it is split where it holds more than
one name ("Britain and France", "Nick Donofrio of IBM", "Unison Dave
Prentis"), trimmed of what is not part of a name (nationality adjectives, job
titles), and each name is typed (`classify.py`) into a `Candidate`.
"""

from __future__ import annotations

from byline.extract.classify import MODEL_NUMBER, classify, is_known, is_org
from byline.extract.lexicons import Lexicons, name_words
from byline.extract.name_tokens import CONNECTORS, Candidate, Token, make_token, trim_connectors, whole
from byline.extract.piece_shapes import known_work_first, owner_named, peer_of_place
from byline.extract.titles import MULTI_BY_FIRST, is_title_word, last_title, trim_titles

_WORDS = name_words()
_SURNAME_PLACE_WORDS = _WORDS["surname_place_words"]
_ROYAL = _WORDS["royal"]
_PLACE_FIRST = _WORDS["place_first"]
SELF_STANDING_ORG_WORDS = 3  # a body's title this long names it without its country
LONGEST_PERSON_AFTER_DESCRIPTION = 3  # words of the person in "Beatle George Harrison"
FIELD_WORDS = 2  # words of a body's field after "and" ("... of Economic and Social Research")


def split_piece(tokens: list[Token], lex: Lexicons, out: list[Candidate], initial: bool) -> None:
    if tokens[-1].text in lex.event_words or whole(tokens[-2:]) in lex.event_words:
        return  # a law, an event, a prize: not an entity
    if known_work_first(tokens, lex):
        return  # "Star Wars Galaxies", "Mario Kart DS": a known work's title, lengthened, is a work
    owned = _person_owner(tokens, lex)
    if owned:
        # "Wesley Snipes' Blade", "Orson Welles' Macbeth": a person, then what is
        # theirs (a work, most often; a side or a body is named again on its own),
        # then maybe another name after "and".
        last = tokens[owned - 1]
        split_piece([*tokens[: owned - 1], Token(last.text[:-1], last.start, last.end - 1)], lex, out, initial)
        after = next((i for i in range(owned, len(tokens) - 1) if tokens[i].text == "and"), None)
        if after is not None:
            split_piece(tokens[after + 1 :], lex, out, False)
        return
    owned_from = owner_named(tokens, lex)
    if owned_from:
        # "Leeds' Elland Road", "Novartis' Sandoz": a body or a place, then what is
        # its own; but "Musicians' Union", "British Bankers' Association" are one
        last = tokens[owned_from - 1]
        split_piece([*tokens[: owned_from - 1], Token(last.text[:-1], last.start, last.end - 1)], lex, out, initial)
        split_piece(tokens[owned_from:], lex, out, False)
        return
    # "The Electoral Commission and the Department for Education and Skills":
    # "and the" joins two names (each keeps the "and" inside it).
    for i, token in enumerate(tokens):
        if (
            token.text == "and"
            and 0 < i < len(tokens) - 2
            and tokens[i + 1].text == "the"
            and not is_known(tokens, lex)
        ):
            left, right = trim_connectors(tokens[:i]), trim_connectors(tokens[i + 2 :])
            if left and right:
                split_piece(left, lex, out, initial)
                split_piece(right, lex, out, False)
                return
    # "Serbia & Montenegro", "Ant Lee & Dec Ross": two names; "Tate & Lyle" is one.
    for i, token in enumerate(tokens):
        if token.text == "&" and 0 < i < len(tokens) - 1 and not is_known(tokens, lex):
            left, right = tokens[:i], tokens[i + 1 :]
            if (is_known(left, lex) and is_known(right, lex)) or (len(left) > 1 and left[0].text in lex.first_names):
                split_piece(left, lex, out, initial)
                split_piece(right, lex, out, False)
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
            both_named = (
                bool(right)
                and left_named
                and (
                    is_known(right, lex)
                    # "Norwich Union and Axa Sun Life": a body, then a name opened by no English word
                    or (len(right) > 1 and (is_org(right, lex) or right[0].text.lower() not in lex.english_words))
                )
                # but "Institute of Economic and Social Research", "Department of Trade and
                # Industry": the body's field goes on past "and"
                and not (
                    any(t.text in ("of", "for") for t in left)
                    and left[-1].text.lower() in lex.english_words
                    and len(right) <= FIELD_WORDS
                    and not any(t.text in CONNECTORS for t in right)
                    and not is_known(right, lex)
                )
            )
            if left and (is_known(left, lex) or last_title(left, lex) or both_named or not is_org(tokens, lex)):
                split_piece(left, lex, out, initial)
                if right:
                    split_piece(right, lex, out, False)
                return
    # "Mark Stephen Trotter of California", "Nick Donofrio of IBM": a name,
    # then another; but "Bank of England" and "Times of Israel" are one.
    if peer_of_place(tokens, lex):
        # "Lord Nicholls of Birkenhead": a peer's full title, the place part of his name
        out.append(
            Candidate(
                tokens[0].start,
                tokens[-1].end,
                whole(tokens),
                "PERSON",
                honorific=tokens[0].text,
                title=tokens[0].text,
                strong=True,
            )
        )
        return
    for i, token in enumerate(tokens):
        if token.text in ("of", "from", "for") and 0 < i < len(tokens) - 1:
            left, right = tokens[:i], trim_connectors(tokens[i + 1 :])
            if left[-1].text in lex.org_words or left[-1].text in lex.place_words or is_known(tokens, lex):
                break
            words = [t.text for t in tokens]
            if any(
                tuple(words[j : j + len(t)]) == t and j < i < j + len(t)
                for j in range(i)
                for t in MULTI_BY_FIRST.get(words[j], ())
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
            split_piece(left, lex, out, initial)
            if token.text == "for" and person_first and not (is_known(right, lex) or is_org(right, lex)):
                return  # "Susan Fletcher for Eve Green": a prize for a work, named after its author
            if right:
                split_piece(right, lex, out, False)
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
        if _given_name_first(tokens, lex):
            break  # "Christian Slater": a given name, not a creed
        tokens = tokens[1:]
        initial = False

    if (
        len(tokens) > SELF_STANDING_ORG_WORDS
        and tokens[0].text.isupper()
        and tokens[0].text in lex.countries
        and is_org(tokens[1:], lex)
        and not is_known(tokens, lex)
    ):
        tokens = tokens[1:]
        initial = False
    # A title standing after a name is not part of it ("NUJ General Secretary").
    if len(tokens) > 1 and is_title_word(tokens[-1].text, lex) and not is_known(tokens, lex):
        trimmed = trim_titles(tokens, lex)
        if trimmed and (is_known(trimmed, lex) or is_org(trimmed, lex) or all(t.text.isupper() for t in trimmed)):
            tokens = trimmed  # but "Kristin King" and "Ms King" are names
        elif (
            not trimmed
            and all(t.text in lex.honorifics or t.text in CONNECTORS for t in tokens)
            and not last_title(tokens, lex)
        ):
            return  # "Prime Minister", "Secretary of State": a title alone
    # "Metropolitan Police Commissioner Sir Ian Blair": the person follows the
    # last title; what stands before the title may be a name of its own.
    if not is_known(tokens, lex) and tokens[-1].text not in lex.org_words and not _named_after(tokens, lex):
        cut = last_title(tokens, lex)
        if cut is not None:
            title_start, person_start = cut
            before = trim_titles(tokens[:title_start], lex)
            # "EU Trade Commissioner": the words that qualify the title are no part of the body's name
            while len(before) > 1 and before[-1].text.lower() in lex.english_words and not _named(before, lex):
                before = before[:-1]
            if before:
                add(before, lex, out, initial)
            honorific = tokens[person_start - 1].text
            title = " ".join(t.text for t in tokens[title_start:person_start])
            person = tokens[person_start:]
            owner = next((i for i, t in enumerate(person[:-1]) if t.text.endswith(("'", "\u2019"))), None)
            if owner is not None:  # "Mr Eavis' Somerset farm": the person, then what is theirs
                add(person[owner + 1 :], lex, out, False)
                last = person[owner]
                person = [*person[:owner], Token(last.text[:-1], last.start, last.end - 1)]
            if len(person) == 1 and (
                person[0].text.lower() in lex.common_words or (honorific in _ROYAL and person[0].text in lex.honorifics)
            ):
                return  # "Dr No", "Lord Chancellor": a title, not a name
            if len(person) == 1 and honorific in _ROYAL:
                crown = person_start > 1 and tokens[person_start - 2].text == "Crown"  # "Crown Prince Frederik"
                person = tokens[person_start - 1 - crown : person_start + 1]  # "Prince Harry", "Lord Hanningfield"
            out.append(
                Candidate(
                    person[0].start,
                    person[-1].end,
                    whole(person),
                    "PERSON",
                    honorific=honorific.rstrip("."),
                    title=title,
                    strong=True,
                )
            )
            return
    # "Unison Dave Prentis", "Beatle George Harrison", "Ladbrokes' Warren Lush":
    # a body or a description, then a person whose first name opens the rest.
    person_at = _person_after_description(tokens, lex)
    if person_at:
        description = tokens[:person_at]
        named = whole(description)
        if named in lex.orgs or named in lex.places or all(t.text.isupper() for t in description):
            add(description, lex, out, initial)  # ("Lib Dem Norman Baker": an adjective, left out)
        add(tokens[person_at:], lex, out, False)
        return
    add(tokens, lex, out, initial)


def add_word(word: str, initial: bool, lex: Lexicons, out: list[Candidate]) -> None:
    add([make_token(word, 0, len(word))], lex, out, initial)


def add(tokens: list[Token], lex: Lexicons, out: list[Candidate], initial: bool) -> None:
    tokens = trim_connectors(tokens)
    while len(tokens) > 1 and tokens[0].text == "The":
        tokens = tokens[1:]
    if len(tokens) > 1 and MODEL_NUMBER.fullmatch(tokens[-1].text) or _model_after_maker(tokens, lex):
        tokens = tokens[:-1]  # "Archos AV400", "Airbus A380", "Vauxhall Corsa": the maker, not its product
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
    out.append(
        Candidate(tokens[0].start, tokens[-1].end, name, kind, initial=initial and single, strong=strong, check=check)
    )


def _person_owner(tokens: list[Token], lex: Lexicons) -> int:
    """Where what a person owns starts in "Wesley Snipes' Blade", or 0: a name
    of two or three words that reads as a person's, its last with the possessive's apostrophe."""
    if (
        len(tokens) < 3
        or tokens[0].text in CONNECTORS
        or tokens[-1].text in lex.place_words
        or is_org(tokens, lex)  # "British Bankers' Association", "Lewis Boys' School"
        or is_known(tokens, lex)
    ):
        return 0
    for k in range(1, min(len(tokens) - 1, LONGEST_PERSON_AFTER_DESCRIPTION)):
        word = tokens[k]
        if word.text.endswith("s'") and len(word.text) > 2:
            person = [*tokens[:k], Token(word.text[:-1], word.start, word.end - 1)]
            return k + 1 if classify(person, lex)[0] == "PERSON" else 0
    return 0


def _model_after_maker(tokens: list[Token], lex: Lexicons) -> bool:
    """A known firm, then a word that is no English word and names nothing
    the lexicons know: a model of the firm's ("Vauxhall Corsa", "Samsung Yepp").
    A firm named by its initials more often names a division so ("BT Openreach")."""
    if len(tokens) != 2 or tokens[0].text not in lex.orgs or tokens[0].text.isupper() or is_known(tokens, lex):
        return False
    model = tokens[1].text
    return (
        model[:1].isupper()
        and not model.isupper()
        and model.isalpha()
        and model.lower() not in lex.english_words
        and model not in lex.orgs
        and model not in lex.places
        and model not in lex.first_names
        and model not in lex.org_words
        and model not in lex.place_words
    )


def _person_after_description(tokens: list[Token], lex: Lexicons) -> int:
    """Where a person's name starts after the words that describe him, or 0.

    The name is a known first name and one or two words more; what stands
    before it is English words, a body's name or a possessive ("Sex Pistol",
    "Lib Dems", "Ladbrokes'"), never a given name the lexicon lacks ("Farhat
    Omar Ben Gadaravice", "Kristin Scott Thomas")."""
    if len(tokens) < 3 or is_known(tokens, lex) or is_org(tokens, lex) or tokens[0].text in _PLACE_FIRST:
        return 0  # "St John Ambulance"
    for k in range(1, len(tokens) - 1):
        if tokens[k].text in lex.first_names:
            rest = len(tokens) - k
            if not 2 <= rest <= LONGEST_PERSON_AFTER_DESCRIPTION:
                return 0
            if all(_describes(t.text, lex) for t in tokens[:k]):
                return k
            return 0
    return 0


def _named_after(tokens: list[Token], lex: Lexicons) -> bool:
    """ "Imam Khomeini International Airport", "Prince Edward Theatre": a place
    named after a titled person (but "Sir Andrew Green", "Mr Park": a surname);
    or a known work whose first word is a title's ("Star Wars")."""
    last = tokens[-1].text
    if whole(tokens) in lex.works:
        return True  # "Star Wars": a work, its first word no title
    return len(tokens) > 2 and last in lex.place_words and last not in _SURNAME_PLACE_WORDS


def _given_name_first(tokens: list[Token], lex: Lexicons) -> bool:
    """A demonym that is a given name too, before one surname ("Christian
    Harris"); not before a plural ("Christian Brothers") or a body's word."""
    if len(tokens) != 2 or tokens[0].text not in lex.first_names:
        return False
    second = tokens[1].text
    return second not in lex.org_words and not (second.endswith("s") and second[:-1].lower() in lex.english_words)


def _describes(word: str, lex: Lexicons) -> bool:
    """A word that can describe a person before his name, not a given name."""
    if word in lex.first_names or word in lex.honorifics or word in CONNECTORS:
        return False
    return (
        word.endswith(("'", "\u2019"))
        or word.isupper()
        or word.lower() in lex.english_words
        or word in lex.orgs
        or word + "s" in lex.orgs  # "Beatle" of the Beatles
        or word in lex.demonyms
        or any(word in alias.split() for alias in lex.org_aliases)
    )


def _named(tokens: list[Token], lex: Lexicons) -> bool:
    return is_known(tokens, lex) or is_org(tokens, lex)
