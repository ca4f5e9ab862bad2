"""Named entities: name candidates merged into one entity per thing named.

The fullest form wins: "Benjamin Netanyahu" absorbs "Netanyahu" and
"Mr Netanyahu", "International Association of Athletics Federations" absorbs
"IAAF", and an alias from the lexicon ("Lib Dems") counts for its full name.

Where each decision lives: finding and cutting names, `names.py` and `pieces.py`; a name's type from
the name alone, `classify.py`; short forms to full names, `short_forms.py`; products and works left
out, `works.py`; a guessed type from the words around it, `context.py`; places that are sports
teams, `teams.py`. This module gathers the candidates and merges them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from byline.extract.article_parts import (
    LowerWords,
    author_name,
    count_in_title,
    is_title_case,
    join_campus,
    join_on,
    join_venue,
    role_before,
    share_surname,
)
from byline.extract.classify import is_idea
from byline.extract.context import employers, listed_beside, named_by_cue_after, opens_sentence, votes
from byline.extract.cued_bodies import cued_bodies
from byline.extract.lexicons import Lexicons, cue_words, name_words
from byline.extract.mentions import Mention, make_entity, make_mention
from byline.extract.names import Candidate, candidates
from byline.extract.short_forms import short_forms
from byline.extract.surnames import adjective_pair, follower_of, surname_only, surnames_in_words, verb_before_surname
from byline.extract.teams import (
    clearly_a_team,
    countries_follow_the_sides,
    is_sports_news,
    is_team,
    team_nickname,
    team_sheet_names,
)
from byline.extract.works import products, works
from byline.model import ENTITY_TYPES, Article, Entity

# (not the particle of a phrasal verb: "bring in Velimir Zajec", "called in X";
# not "to": "handed back to Paypal", "compared me to Fagin" name bodies and people as often)
_PLACE_BEFORE = re.compile(
    r"(?<!bring )(?<!brought )(?<!bringing )(?<!called )(?<!drafted )(?<!sent )(?<!stepped )"
    r"(?:\b(?:in|at|from|near|across|outside|inside|around|across|throughout)\s+)$"
)
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|from|near)\s+)$")
_PLACE_ENDINGS = tuple(name_words()["place_endings"])
_TYPE_ORDER: dict[str, int] = {t: i for i, t in enumerate(ENTITY_TYPES)}
_PARTY_NAMES = frozenset(cue_words()["party_names"])
_VENUES = frozenset(cue_words()["venues"])
_PARTY_ADJECTIVE_NOUNS = frozenset(cue_words()["party_adjective_nouns"])
# ("the UN war crimes tribunal", "a House of Lords ruling": a body stays a body)
_EVENT_NOUNS = {"PLACE": frozenset(cue_words()["place_event_nouns"]), "PERSON": frozenset(cue_words()["ruling_nouns"])}
_NEXT_WORD_CHARS = 20  # looked at after a party's name for the noun it qualifies
_RETYPE_ROUNDS = 4  # passes of retyping by the names listed beside, at most
_CLOSING = ',.;:)"\u201d'
_ADMINISTRATION = " administration"  # "the Biden administration"
_PARTY, _PARTY_NAME = " party", " Party"  # "the Labour party", "the Labour Party"
_PREPOSITION_CHARS = 12  # looked at before a name for "in", "at", "from"
_QUALIFIER_CHARS = 30  # looked at before a title for what qualifies it ("Culture Secretary")


@dataclass(slots=True)
class EntityIndex:
    """What the speaker resolver needs to know about the article's names."""

    entities: tuple[Entity, ...]
    mentions: list[Mention]  # in the body, in order
    gender: dict[str, str] = field(default_factory=dict)  # person -> m / f / -
    roles: dict[str, str] = field(default_factory=dict)  # "prime minister" -> person


class _Cluster:
    """A named thing and its mentions (plain: mypyc compiles this __init__, a dataclass's stays Python: 7x slower)."""

    __slots__ = ("name", "type", "count", "mentions", "sure")

    def __init__(self, name: str, type: str) -> None:
        self.name, self.type, self.count = name, type, 0
        self.mentions: list[tuple[int, int]] = []
        self.sure = False  # typed from evidence (a lexicon, a keyword, an honorific), not guessed


def find_entities(
    article: Article,
    body: str,
    lex: Lexicons,
    excluded: Sequence[tuple[int, int]] = (),
) -> EntityIndex:
    """Entities of the article; `excluded` are body spans that name works (quoted titles)."""
    # Words seen in lower case: a capital elsewhere then only starts a sentence.
    lowercase = LowerWords(body)
    dropped: list[tuple[int, str]] = []
    in_body = candidates(body, lex, lowercase, dropped)
    if excluded:
        in_body = [c for c in in_body if not any(s <= c.start < e for s, e in excluded)]
    for cand in list(in_body):
        # "the Biden administration": a government named after its head.
        if body.startswith(_ADMINISTRATION, cand.end) and " " not in cand.text:
            in_body.append(
                Candidate(cand.start, cand.end + len(_ADMINISTRATION), cand.text + _ADMINISTRATION, "ORG", strong=True)
            )
            in_body.remove(cand)
        elif (
            body.startswith(_PARTY, cand.end)
            and cand.text + _PARTY_NAME in lex.orgs
            and not body[cand.end + len(_PARTY) : cand.end + len(_PARTY) + 1].isalpha()
        ):
            # "the Labour party said": the party the lexicon knows, its last word in lower case.
            full = cand.text + _PARTY_NAME
            in_body.append(Candidate(cand.start, cand.end + len(_PARTY), full, "ORG", strong=True))
            in_body.remove(cand)
    cued = cued_bodies(body, dropped, in_body, lex, lowercase)
    if cued:
        starts = {c.start for c in cued}
        in_body = [c for c in in_body if c.type is not None or c.start not in starts] + cued
    sports = is_sports_news(body, lex.sport_words)
    if sports:
        # "Nash, Reiziger (Graham 82), Riggott, ...": players, whatever their names look like.
        players = team_sheet_names(body)
        if players:
            in_body = [c for c in in_body if not any(s <= c.start < e for s, e, _ in players)]
            in_body += [Candidate(s, e, name, "PERSON", strong=True) for s, e, name in players]
    in_body.sort(key=lambda c: c.start)
    in_body = join_on(body, join_venue(body, join_campus(body, in_body), lex), lex)
    not_entities = products(body, in_body, lex) | works(body, in_body, lex)
    in_body = share_surname(body, [c for c in in_body if c.text not in not_entities] if not_entities else in_body, lex)
    fields: list[tuple[str, list[Candidate]]] = [("body", in_body)]
    for name, text in (("subtitle", article.subtitle), ("bio", article.author_bio)):
        if text:
            fields.append((name, candidates(text, lex, lowercase)))
    # A Title Case headline capitalises every word: its capitals prove nothing,
    # so only names already known from the rest are counted in it (below).
    title_case = is_title_case(article.title)
    title_cands = candidates(article.title, lex, lowercase) if article.title and not title_case else []
    if title_cands:
        fields.append(("title", title_cands))
    surnames_alone = surnames_in_words(dropped, [c for _, cands in fields for c in cands], lex)
    if surnames_alone:
        in_body = sorted(in_body + surnames_alone, key=lambda c: c.start)
        fields[0] = ("body", in_body)
    author = author_name(article.author)
    if author:
        fields.append(("author", [Candidate(0, len(author), author, "PERSON", strong=True)]))

    # One pass over every candidate gathers what the merging needs.
    proven: set[str] = set()  # capitals that prove something: not sentence-initial
    full_persons: dict[str, None] = {}
    orgs: set[str] = set()
    places: set[str] = set()
    alias_seen: dict[str, str] = {}  # full name -> the longest alias of it seen
    seen_texts: set[str] = set()
    for where, cands in fields:
        headline = where == "title" and title_case
        for c in cands:
            if not c.initial and not headline:
                proven.add(c.text)
            if " " in c.text:
                if c.type == "PERSON":
                    full_persons[c.text] = None
                elif c.type == "ORG":
                    orgs.add(c.text)
                elif c.type == "PLACE":
                    places.add(c.text)
            if c.text in lex.org_aliases:
                full = lex.org_aliases[c.text]
                if len(c.text) > len(alias_seen.get(full, "")):
                    alias_seen[full] = c.text  # the fullest alias: "Conservatives" over "Tories"
            seen_texts.add(c.text)
    # "Vote Blair, Get Brown" beside "Tony Blair": an English word (a verb)
    # capitalised before a known person's surname is no first name of his.
    # (one that stands anywhere but at a sentence's start is a name: "Graham and Sherry Edwards")
    sure_people: set[str] = set()
    for c in in_body:
        # (a name already sure needs no look at its other mentions' sentence openings)
        if c.text not in sure_people and (c.strong and c.type == "PERSON" or not opens_sentence(body, c.start)):
            sure_people.add(c.text)
    # (a headline's first word is a sentence's: "Classy Henman makes winning start")
    sure_people |= {c.text for _, cands in fields[1:] for c in cands if c.start or c.strong}
    verbs_before = verb_before_surname(full_persons, sure_people, lex)
    for name in verbs_before:
        del full_persons[name]
    if verbs_before:
        fields = [(where, [surname_only(c) if c.text in verbs_before else c for c in cands]) for where, cands in fields]
        in_body = fields[0][1]
    forms = short_forms(lex, body, in_body, full_persons, orgs, places, alias_seen, seen_texts)
    persons, surnames = forms.persons, forms.surnames

    clusters: dict[str, _Cluster] = {}
    gender: dict[str, str] = {}
    roles: dict[str, str] = {}
    honorific_seen: set[str] = set()
    body_mentions: list[tuple[int, int, str]] = []
    surfaces: dict[str, str] = {}
    last_seen: dict[str, int] = {}
    resolved: dict[tuple[str, str | None, bool], tuple[str | None, str | None]] = {}
    for where, cands in fields:
        for cand in cands:
            if (
                where == "body"
                and cand.type == "PLACE"
                and cand.text in surnames
                and not _LOCATIVE_BEFORE.search(body, max(0, cand.start - _PREPOSITION_CHARS), cand.start)
            ):
                # "laid it off to Holland, who scored": the Matt Holland the
                # article names, not the country.
                cand = Candidate(cand.start, cand.end, cand.text, "PERSON", cand.initial, strong=True)
            memo = (cand.text, cand.type, cand.strong)
            found = resolved.get(memo)
            if found is None:
                found = resolved[memo] = forms.resolve(cand)
            key, kind = found
            if key is None:
                continue
            namesakes = surnames.get(cand.text, ())
            if len(namesakes) > 1 and key in namesakes:
                # "Mr Begg" with Moazzam and Azmat Begg about: the one named last.
                key = max(namesakes, key=lambda n: last_seen.get(n, -1))
            last_seen[key] = cand.start if where == "body" else -1
            if where == "title" and title_case and key not in proven and key not in clusters and not cand.strong:
                continue
            if cand.initial and key == cand.text and not cand.strong and key not in proven and key not in persons:
                if where != "body" or not named_by_cue_after(body, cand.end, lex):  # ("Ladbrokes spokesman")
                    continue
            if kind is None and key == cand.text and (key.lower() in lex.english_words or is_idea(key, lex)):
                continue  # "Ghost", "Sideways": an English word, not a name; "Orwellian", "Thatcherism"
            if key == cand.text and (
                key[-1:] == "s"
                and (
                    key[:-1] in surnames
                    or getattr(clusters.get(key[:-1]), "type", "") == ("PERSON" if " " in key else "ORG")
                )
                or follower_of(key, surnames)
                or " " not in key
                and adjective_pair(key, surnames, seen_texts, lex, body if where == "body" else "", cand.end)
            ):
                # "the Osbournes": a family, not one person ("the Wayne Rooneys of this world": his like);
                # "Blairites", "Brownite": followers;
                # "Turkey-EU talks": two names as an adjective;
                # "their TiVos" beside "TiVo": a firm's products
                continue
            cluster = clusters.get(key)
            if cluster is None:
                cluster = clusters[key] = _Cluster(key, kind or "")
            elif kind and (not cluster.type or cand.strong and cluster.type != kind and kind == "PERSON"):
                cluster.type = kind
            cluster.count += 1
            cluster.sure = cluster.sure or cand.strong or bool(cand.honorific)
            surfaces.setdefault(cand.text, key)
            if cand.honorific:
                honorific_seen.add(key)
                gender.setdefault(key, lex.honorifics.get(cand.honorific, "-"))
            if cand.title and kind == "PERSON":
                roles.setdefault(cand.title.lower(), key)
                if where == "body":
                    # "Culture Secretary Tessa Jowell": the qualified title too.
                    qualifier = body[max(0, cand.start - len(cand.title) - _QUALIFIER_CHARS) : cand.start].split()[
                        -len(cand.title.split()) - 1 :
                    ]
                    if len(qualifier) > 1 and qualifier[0][:1].isupper():
                        roles.setdefault(" ".join(qualifier).lower(), key)
            if where == "body":
                cluster.mentions.append((cand.start, cand.end))
                body_mentions.append((cand.start, cand.end, key))
                if kind == "PERSON" or (cluster.type == "PERSON"):
                    for role in role_before(body, cand.start, lex.roles, lex.role_heads):
                        if roles.setdefault(role, key) != key and " " not in role:
                            roles[role] = ""  # "boss" of two people: says nobody

    if title_case and surfaces:
        count_in_title(article.title, surfaces, clusters)
    for cluster in clusters.values():
        if not cluster.type:
            cluster.type = _guess_type(cluster, body, honorific_seen, sports)
    _retype_guesses(body, body_mentions, clusters, lex)
    if sports:

        def first_name(word: str) -> bool:
            return word in lex.first_names or word.lower() not in lex.english_words

        for cluster in clusters.values():
            if (
                cluster.type == "PLACE"
                and cluster.name not in _VENUES
                and (cluster.name in lex.places or not cluster.sure and cluster.name.lower().endswith(_PLACE_ENDINGS))
                and is_team(body, cluster.mentions, cluster.name in lex.countries, first_name)
            ) or (
                cluster.type == "PERSON"
                and not cluster.sure
                and (
                    team_nickname(cluster.name, lex)
                    or " " not in cluster.name
                    and cluster.name not in lex.first_names
                    and clearly_a_team(body, cluster.mentions, first_name)
                )
            ):
                # "Sevilla have won", "a bid from Sevilla": a lone name with a team's cues is a club
                cluster.type = "ORG"
        countries_follow_the_sides(body, clusters.values(), lex, first_name)
    for name, cluster in clusters.items():
        if cluster.type == "PERSON" and name not in gender:
            first = name.split()[0]
            gender[name] = lex.first_names.get(first, "-")

    ordered = sorted(
        (c for c in clusters.values() if not _only_an_adjective(body, c)),
        key=lambda c: (_TYPE_ORDER[c.type], -c.count, c.name),
    )
    entities = tuple(make_entity(c.name, c.type, c.count, tuple(c.mentions)) for c in ordered)  # type: ignore[arg-type]
    mentions = [make_mention(s, e, key, clusters[key].type) for s, e, key in sorted(body_mentions)]
    return EntityIndex(entities, mentions, gender, roles)


def _only_an_adjective(body: str, cluster: _Cluster) -> bool:
    """ "Labour MP Jean Corston", "a Lib Dem spokesman", "Cabinet ministers":
    a party named only before its people or its stances is an adjective,
    which the guidelines leave out (the mentions still serve the speakers);
    so is a name said only in an event's or a ruling's ("the Iraq war", "the Bosman ruling")."""
    nouns = _PARTY_ADJECTIVE_NOUNS if cluster.name in _PARTY_NAMES else _EVENT_NOUNS.get(cluster.type, ())
    if not nouns or not cluster.mentions or cluster.count > len(cluster.mentions):
        return False
    for _start, end in cluster.mentions:
        after = body[end : end + _NEXT_WORD_CHARS].split()[:1]
        if not after or after[0].strip(_CLOSING).lower() not in nouns:
            return False
    return True


def _retype_guesses(
    body: str, mentions: list[tuple[int, int, str]], clusters: dict[str, _Cluster], lex: Lexicons
) -> None:
    """A guessed type gives way to the context's when the context is clear:
    the cues around the mentions, and the sure names it is listed beside."""
    guessed = {name for name, c in clusters.items() if not c.sure and not name.isupper()}
    if not guessed:
        return
    # (capitals, "GE", "ING", are a body's initials whatever stands around them)
    known = {name: c.type for name, c in clusters.items() if c.sure}
    mentions = sorted(mentions)
    own = {name: votes(body, clusters[name].mentions, lex) for name in guessed}
    for name in employers(body, mentions, known, guessed, lex):
        own[name]["ORG"] += 1  # "analyst Mike Powell of Dresdner Kleinwort Wasserstein": a body
    # Again while names change: a name retyped by its own cues is evidence for
    # the names listed beside it ("Basingstoke and Torbay"), and they for the
    # next ("authors like Cicero, Virgil and Tacitus").
    for _ in range(_RETYPE_ROUNDS):
        beside = listed_beside(body, mentions, known, guessed, lex)
        retyped = False
        for name in guessed:
            cluster = clusters[name]
            counts = own[name] + beside[name] if name in beside else own[name]
            if not counts:
                continue
            (best, n), *rest = counts.most_common(2) + [("", 0)]
            if best != cluster.type and n > rest[0][1] and counts[cluster.type] == 0:
                cluster.type = known[name] = best
                retyped = True
        if not retyped:
            break


def _guess_type(cluster: _Cluster, body: str, honorific_seen: set[str], sports: bool) -> str:
    """The type of a name nothing has typed: a place after "in" or "at", else
    a body. But in sports news a lone unknown name is most often a player's,
    unless it has a town's ending: then it is the town's team ("Northampton")."""
    if cluster.name in honorific_seen:
        return "PERSON"
    places = sum(1 for s, _ in cluster.mentions if _PLACE_BEFORE.search(body, max(0, s - _PREPOSITION_CHARS), s))
    if cluster.mentions and places * 2 > len(cluster.mentions):
        return "PLACE"
    lone = " " not in cluster.name and not cluster.name.isupper()
    town = lone and cluster.name.lower().endswith(_PLACE_ENDINGS)
    if town:
        return "PLACE"  # a town's name: the sports pass below decides if it is the town's team
    if sports and lone:
        return "PERSON"
    return "ORG"
