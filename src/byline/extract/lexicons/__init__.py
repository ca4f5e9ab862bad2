"""Word lists shipped as package data, read once on first use (into `lexicon_tables`' classes).

See README.md beside this file for where each list came from.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from byline.extract.lexicon_tables import Lexicons, TypeCues


def _lines(name: str) -> list[str]:
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            out.append(line)
    return out


def _section_lines(name: str) -> dict[str, list[str]]:
    """A list cut in "[section]" parts, each a list of its lines."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out[current] = []
        else:
            out[current].append(line)
    return out


def _sections(name: str) -> dict[str, frozenset[str]]:
    """A list cut in "[section]" parts, each a set of words."""
    return {k: frozenset(w for line in lines for w in line.split()) for k, lines in _section_lines(name).items()}


@cache
def lexicons() -> Lexicons:
    orgs: set[str] = set()
    aliases: dict[str, str] = {}
    for line in _lines("orgs.txt"):
        if "=>" in line:
            alias, full = (part.strip() for part in line.split("=>", 1))
            aliases[alias] = full
            orgs.add(full)
        else:
            orgs.add(line)
    # "Ernst & Young" is written "Ernst and Young" as often: the same firm, named as the text names it.
    orgs |= {org.replace(" & ", " and ") for org in orgs if " & " in org}
    org_words = _lines("org_words.txt")
    countries = frozenset(_lines("countries.txt"))
    roles = frozenset(_lines("roles.txt"))
    return Lexicons(
        places=frozenset(_lines("places.txt")) | countries,
        countries=countries,
        orgs=frozenset(orgs),
        org_aliases=aliases,
        org_words=frozenset(w.rstrip("*") for w in org_words),
        org_words_anywhere=frozenset(w[:-1] for w in org_words if w.endswith("*")),
        place_words=frozenset(_lines("place_words.txt")),
        demonyms=frozenset(_lines("demonyms.txt")) | _place_adjectives(countries | frozenset(_lines("places.txt"))),
        calendar=frozenset(_lines("calendar.txt")),
        honorifics=_with_dots(dict(_pair(line) for line in _lines("honorifics.txt"))),
        first_names=dict(_pair(line) for line in _lines("first_names.txt")),
        roles=roles,
        role_heads=frozenset(r.split()[-1].lower() for r in roles),
        common_words=frozenset(w for line in _lines("common_words.txt") for w in line.split()),
        event_words=frozenset(_lines("event_words.txt")),
        english_words=frozenset(
            gzip.decompress(files(__package__).joinpath("english_words.txt.gz").read_bytes()).decode("utf-8").split()
        ),
        sport_words=frozenset(_lines("sport_words.txt")),
        type_cues=TypeCues(**_sections("type_cues.txt")),
        works=frozenset(_lines("works.txt")),
        on_bodies=_sections("name_words.txt")["on_bodies"],
        stage_names=frozenset(_lines("stage_names.txt")),
        country_forms={
            form: forms
            for forms in (tuple(f.strip() for f in line.split("|")) for line in _lines("country_forms.txt"))
            for form in forms
        },
    )


_VOWELS = "aeiouy"


def _place_adjectives(places: frozenset[str]) -> frozenset[str]:
    """The adjectives and nouns of people made from one-word places by the
    regular endings ("Angolan", "Paraguayans", "Kashmiri", "Viennese"): the
    demonyms list cannot hold every place's, and they name no entity either.
    (Only the ending each place's last letter takes, so "Lille" makes no "Lillian".)"""
    out: set[str] = set()
    for place in places:
        if " " in place or not place.isalpha() or len(place) < 4 or not place[0].isupper():
            continue
        last = place[-1]
        if last == "a":
            forms: tuple[str, ...] = (place + "n",)  # Angolan, Siberian
        elif last == "y":
            forms = (place + "an",)  # Paraguayan
        elif last in _VOWELS:
            continue  # (Rome, Lille: no regular form)
        else:
            forms = (place + "ian", place + "i", place + "ese")  # Egyptian, Kashmiri, Sudanese
        for form in forms:
            out.update((form, form + "s"))
    return frozenset(out)


@cache
def name_words() -> dict[str, frozenset[str]]:
    """The small word lists of name_words.txt, by section (read on import of
    the name finder: a few hundred words, unlike the big lists above)."""
    return _sections("name_words.txt")


@cache
def cue_words() -> dict[str, tuple[str, ...]]:
    """The entries of cue_words.txt (words and phrases), by section."""
    return {k: tuple(lines) for k, lines in _section_lines("cue_words.txt").items()}


def alternation(entries: tuple[str, ...]) -> str:
    """A regex group that matches any of the entries, the longest first.

    Factored as a trie ("sa(?:id|ys|y)"): Python's `re` tries every branch of
    a flat alternation at every position it searches (and none is skipped by
    its first letter under IGNORECASE), and these patterns run per mention.
    The entries that match at one position are prefixes of one another, and
    the trie tries them longest first as the flat list did: same matches."""
    trie: dict[str, dict] = {}
    for entry in entries:
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # (greedy: a longer entry is tried before the shorter one it begins with)
    return f"(?:{body})?" if "" in node else body


@cache
def multi_word_titles() -> tuple[tuple[str, ...], ...]:
    """Titles of several words ("Prime Minister"), each as its words."""
    return tuple(tuple(line.split()) for line in _section_lines("name_words.txt")["multi_word_titles"])


def _with_dots(honorifics: dict[str, str]) -> dict[str, str]:
    """ "Mr." and "Dr." as well as "Mr" and "Dr": American style."""
    return honorifics | {word + ".": gender for word, gender in honorifics.items() if not word.endswith(".")}


def _pair(line: str) -> tuple[str, str]:
    word, _, gender = line.rpartition(" ")
    return (word, gender) if word else (line, "-")


@dataclass(frozen=True, slots=True)
class SpeakerWords:
    """The word lists of speaker attribution (see README.md)."""

    reporting_verbs: tuple[str, ...]
    reporting_participles: tuple[str, ...]
    unnamed_roles: frozenset[str]
    verdict_nouns: tuple[str, ...]  # '"...," is the verdict of X': what someone said
    offices: frozenset[str]  # held by one person at a time: "the prime minister" is not "Chancellor Gordon Brown"
    body_nouns: frozenset[str]
    any_body_nouns: frozenset[str]  # "the company": whichever company the text is about
    seats_of_government: frozenset[str]
    attribution_weights: dict[str, float]
    document_nouns: frozenset[str]
    legal_documents: frozenset[str]  # "the lawsuit said": not the body named last
    written_bodies: dict[str, frozenset[str]]  # bodies named in lower case: head nouns, words that only describe
    place_speech: dict[str, frozenset[str]]  # words before and after a place that speaks (place_speech.txt)
    speaker_nouns: frozenset[str]  # head nouns of described speakers no other list marks (speaker_nouns.txt)


@cache
def speaker_words() -> SpeakerWords:
    import json

    body = _lines("body_nouns.txt")
    weights = json.loads(files(__package__).joinpath("attribution_weights.json").read_text(encoding="utf-8"))
    return SpeakerWords(
        reporting_verbs=tuple(_lines("reporting_verbs.txt")),
        reporting_participles=tuple(_lines("reporting_participles.txt")),
        unnamed_roles=frozenset(_lines("unnamed_roles.txt")),
        offices=frozenset(_lines("offices.txt")),
        verdict_nouns=tuple(_lines("verdict_nouns.txt")),
        body_nouns=frozenset(w.rstrip("*") for w in body),
        any_body_nouns=frozenset(w[:-1] for w in body if w.endswith("*")),
        seats_of_government=frozenset(_lines("seats_of_government.txt")),
        attribution_weights=weights,
        document_nouns=frozenset(w.rstrip("!") for w in _lines("document_nouns.txt")),
        legal_documents=frozenset(w[:-1] for w in _lines("document_nouns.txt") if w.endswith("!")),
        written_bodies=_sections("written_bodies.txt"),
        place_speech=_sections("place_speech.txt"),
        speaker_nouns=frozenset().union(*_sections("speaker_nouns.txt").values()),
    )
