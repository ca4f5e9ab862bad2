"""Name resolution: each short form to the fullest name the article gives.

"Netanyahu" and "Mr Netanyahu" to "Benjamin Netanyahu", "IAAF" to the
"International Association of Athletics Federations", "Fed" to "Federal
Reserve", "Commission" to "European Commission", "Cern" to "the European
Laboratory for Particle Physics" that the article glosses it with, and
"Tories" to "Conservatives" where the article names them so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from byline.extract.lexicons import Lexicons, alternation, name_words, speaker_words
from byline.extract.name_tokens import PARTICLES
from byline.extract.names import Candidate

_FEATURES = name_words()["geographic_features"]
SHORTEST_CLIP, LONGEST_CLIP = 3, 4  # letters of a clipped first word ("Fed", "Met")
SHORTEST_CLIPPED_WORD = 6  # a shorter first word is not clipped
SHORTEST_INITIALS = 2
# Peers' titles, and the sex each says: "Lady Boothroyd" is Betty Boothroyd where
# the article names her so ("Sir" goes with a given name, "Sir Alex", not a surname).
# ("El Guerrouj" for "Hicham El Guerrouj": Arabic articles open surnames too)
_SURNAME_PARTICLES = PARTICLES | {"el", "al", "abu", "ben"}
_PEERS = {"Lord": "m", "Baron": "m", "Lady": "f", "Baroness": "f"}
SHORTEST_WORD_ACRONYM, LONGEST_WORD_ACRONYM = 3, 5  # initials written as a word: "Nato", "Unicef"


@dataclass(slots=True)
class ShortForms:
    """What the article's full names make of its short forms."""

    lex: Lexicons
    aliases: dict[str, str]  # "Tories" -> "Conservatives"
    persons: dict[str, None]  # the fullest names of people, in order
    surnames: dict[str, list[str]]  # "Netanyahu" -> ["Benjamin Netanyahu"]
    acronyms: dict[str, str]  # "IAAF", "Fed" -> the body's name
    parts: dict[str, tuple[str, str]]  # "Commission" -> ("European Commission", "ORG")
    first_names: dict[str, list[str]]  # "Benjamin" -> ["Benjamin Netanyahu"]
    countries: dict[str, str]  # "US" -> "United States" where the article writes both
    fullest: dict[str, str] = field(default_factory=dict)  # memo of fullest_person

    def resolve(self, cand: Candidate) -> tuple[str | None, str | None]:
        """The entity a candidate names (its full name) and its type if known."""
        text = cand.text
        if text in self.countries:
            return self.countries[text], cand.type
        if text in self.aliases and cand.type in (None, "ORG", "PLACE"):
            return self.aliases[text], "ORG"
        if " " in text and text.split(" ", 1)[0].lower() in _SURNAME_PARTICLES and cand.type != "PERSON":
            # "De Niro recently spent", "Le Bon also said": a sentence's capital on the
            # particle of a surname the article gives in full ("Robert De Niro"),
            # not a title that opens with a foreign article ("Le Monde").
            person = _particle_surname(text, self.surnames)
            if person:
                return person, "PERSON"
        if cand.type == "PERSON" and " " in text:
            if text not in self.fullest:
                self.fullest[text] = fullest_person(text, self.surnames, self.lex.first_names)
            return self.fullest[text], "PERSON"
        if " " not in text:
            if text in self.surnames and (cand.type in (None, "PERSON") or not cand.strong):
                return self.surnames[text][0], "PERSON"
            if text in self.acronyms and cand.type in (None, "ORG"):
                return self.acronyms[text], "ORG"
            if (
                SHORTEST_WORD_ACRONYM <= len(text) <= LONGEST_WORD_ACRONYM
                and text[1:].islower()
                and text.upper() in self.acronyms
                and cand.type in (None, "ORG")
            ):
                return self.acronyms[text.upper()], "ORG"  # "Nato", "Unicef" written as words
            if text in self.parts and cand.type in (None, "ORG", "PLACE"):
                return self.parts[text]
            if len(self.first_names.get(text, ())) == 1 and cand.type in (None, "PERSON"):
                return self.first_names[text][0], "PERSON"
        return text, cand.type


def short_forms(
    lex: Lexicons,
    body: str,
    in_body: list[Candidate],
    full_persons: dict[str, None],
    orgs: set[str],
    places: set[str],
    alias_seen: dict[str, str],
    seen_texts: set[str],
) -> ShortForms:
    """The short forms of the names the article gives in full."""
    # "Tories" stands for "Conservatives" only where the article names them so;
    # otherwise the alias is the fullest form the article gives.
    aliases = {
        a: (full if full in seen_texts else alias_seen[full])
        for a, full in lex.org_aliases.items()
        if full in alias_seen
    }
    aliases.update(_appositions(body, in_body, aliases))
    aliases.update(_closed_up(seen_texts, orgs))
    orgs.update(aliases.values())
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in full_persons:
        by_surname[surname_of(name)].append(name)
    persons = dict.fromkeys(n for n in full_persons if fullest_person(n, by_surname, lex.first_names) == n)
    surnames: dict[str, list[str]] = defaultdict(list)
    for full in persons:
        surnames[surname_of(full)].append(full)
    acronyms = {initials: o for o in sorted(orgs) if (initials := _initials(o))}
    # "Fed" for "Federal Reserve", "Met" for "Metropolitan Police": the first
    # word clipped, a short form that news writing uses for a body it names.
    for whole in sorted(orgs, key=lambda name: (len(name), name)):
        first = whole.split()[0]
        if len(first) >= SHORTEST_CLIPPED_WORD and " " in whole:
            for size in range(SHORTEST_CLIP, LONGEST_CLIP + 1):
                clip = first[:size]
                if "The " + clip not in lex.orgs and clip not in lex.places and clip not in lex.first_names:
                    acronyms.setdefault(clip, whole)
    # "Leadplex" for "Leadplex LLC", "Commission" for "European Commission",
    # "Guantanamo" for "Guantanamo Bay": a part that stands for the whole.
    parts: dict[str, tuple[str, str]] = {}
    for whole in sorted(orgs | places, key=lambda name: (len(name), name)):
        words = whole.split()
        for word in (words[0], words[-1]):
            if word in lex.orgs and words[-1] not in lex.org_words and (word.isupper() or word == words[0]):
                continue  # "BBC" is not "BBC One", nor "Sony" "Sony Ericsson"; but "Labour" is "Labour Party"
            if (
                word not in lex.common_words
                and word not in lex.demonyms
                and (word not in lex.places or (whole in places and word == words[0] and words[-1] in _FEATURES))
            ):  # "Yangtze" for "Yangtze River", but "London" is not "London Stock Exchange"
                parts.setdefault(word, (whole, "PLACE" if whole in places else "ORG"))
    first_names: dict[str, list[str]] = defaultdict(list)
    for full in persons:
        first_names[full.split()[0]].append(full)
    # "US" beside "United States": one country, under the fullest form the article gives.
    countries = {}
    for text in seen_texts & lex.country_forms.keys():
        fullest = next(form for form in lex.country_forms[text] if form in seen_texts)
        if fullest != text:
            countries[text] = fullest
    return ShortForms(lex, aliases, persons, surnames, acronyms, parts, first_names, countries)


def fullest_person(name: str, by_surname: dict[str, list[str]], first_names: dict[str, str] | None = None) -> str:
    """The longest known name that `name` is a short form of (same surname,
    and the same first name, its initial or none: "Lula da Silva", "F Pelous");
    a peer's title for the one person of that surname and sex the article names
    with a given name ("Lord Goldsmith" for "Peter Goldsmith")."""
    words = name.split()
    if _peer_of_place(words):
        words = words[:2]  # "Lord Kinnock of Bedwellty": "Lord Kinnock", his place aside
    if len(words) == 2 and words[0] in _PEERS and first_names is not None:
        sex = _PEERS[words[0]]
        given = [
            other
            for other in by_surname.get(words[1], ())
            if other.split()[0] not in _PEERS and first_names.get(other.split()[0]) in (sex, "-")
        ]
        if len(given) == 1:
            return given[0]
    best = name
    for other in by_surname.get(words[-1], ()):
        if len(other) <= len(best):
            continue
        owords = other.split()
        if (
            owords[-len(words) :] == words
            or owords[0] == words[0]
            or (
                # "F Pelous", "J. Thomas": an initial for the first name
                # ("R de Marigny" for "Roland De Marigny": the particle in either case)
                len(words[0].rstrip(".")) == 1
                and owords[0][0] == words[0][0]
                and (
                    len(words) == 2
                    or words[1].lower() in PARTICLES
                    and [w.lower() for w in owords[1:]] == [w.lower() for w in words[1:]]
                )
            )
        ):
            best = other
    return best


def _closed_up(seen_texts: set[str], orgs: set[str]) -> dict[str, str]:
    """ "TimeWarner" beside "Time Warner", "JPMorgan" beside "JP Morgan": one body's
    name written with its words run together, an alias of the spaced form."""
    joined = [t for t in seen_texts if " " not in t and any(c.isupper() for c in t[1:])]
    if not joined:
        return {}
    spaced = {o.replace(" ", "").lower(): o for o in orgs}
    return {t: spaced[t.lower()] for t in joined if t.lower() in spaced}


def surname_of(name: str) -> str:
    """A full name's surname: its last word, but a peer's before "of" ("Lord Nicholls of Birkenhead")."""
    words = name.split()
    return words[1] if _peer_of_place(words) else words[-1]


def _peer_of_place(words: list[str]) -> bool:
    return len(words) > 3 and words[0] in _PEERS and words[2] == "of"


def _particle_surname(text: str, surnames: dict[str, list[str]]) -> str | None:
    """The one person whose name ends with `text`, its particle in either case."""
    tail = text.lower().split()
    found = [full for full in surnames.get(text.rsplit(" ", 1)[-1], ()) if full.lower().split()[-len(tail) :] == tail]
    return found[0] if len(found) == 1 else None


def _initials(name: str) -> str:
    letters = "".join(w[0] for w in name.split() if w[0].isupper())
    return letters if len(letters) >= SHORTEST_INITIALS else ""


_APPOSITION_GAPS = (", the ", " (the ")
_LIST_GOES_ON = re.compile(r",\s+(?:the\s+)?[A-Z]|\s+(?:and|or)\s")
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z]{1,7})\)")
_SAYS_AFTER = re.compile(rf"\s+(?:{alternation(speaker_words().reporting_verbs)})\b")
"""A reporting verb after "X, the Y": Y is the subject of the next clause, not X's gloss."""


def _appositions(body: str, cands: list[Candidate], known: dict[str, str]) -> dict[str, str]:
    """Short names that the article glosses with a body's full name: "Cern, the
    European Laboratory for Particle Physics", "the Office of Fair Trading (OFT)"
    (whatever its initials)."""
    out: dict[str, str] = {}
    for first, second in zip(cands, cands[1:]):
        gap = body[first.end : second.start]
        if (
            gap in _APPOSITION_GAPS
            and " " not in first.text
            and first.type not in ("PERSON", "PLACE")  # "in London, the Bank of England said": no gloss
            and not _LIST_GOES_ON.match(body, second.end)  # "Nasa, the European Space Agency and ...": a list
            and not _SAYS_AFTER.match(body, second.end)  # "in Leeds, the Met Office said": a new clause
            and second.type == "ORG"
            and " " in second.text
            and first.text not in known
        ):
            out[first.text] = second.text
    for cand in cands:
        if cand.type == "ORG" and " " in cand.text:
            match = _ACRONYM_AFTER.match(body, cand.end)
            if match and match.group(1) not in known:
                out.setdefault(match.group(1), cand.text)
    return out
