"""Named entities: name candidates merged into one entity per thing named.

The fullest form wins: "Benjamin Netanyahu" absorbs "Netanyahu" and
"Mr Netanyahu", "International Association of Athletics Federations" absorbs
"IAAF", and an alias from the lexicon ("Lib Dems") counts for its full name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from byline.extract.context import listed_beside, votes
from byline.extract.lexicons import Lexicons
from byline.extract.names import Candidate, candidates
from byline.extract.teams import is_sports_news, is_team, team_sheet_names
from byline.model import ENTITY_TYPES, Article, Entity



class _LowerWords:
    """Whether a word stands in the text in lower case (a set of the text's
    words, tried with the punctuation that may cling to them: cheaper than
    stripping every word)."""

    __slots__ = ("words",)

    def __init__(self, text: str) -> None:
        self.words = frozenset(text.split())

    def __contains__(self, word: str) -> bool:
        words = self.words
        return word in words or word + "," in words or word + "." in words or (
            word + ";" in words or word + ":" in words or word + '"' in words or word + "\u201d" in words
        )

_AUTHOR_NAME = re.compile(r"^(?:By\s+)?([A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})$")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|from|near|to|across|outside|inside|around|across|throughout)\s+)$")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|from|near)\s+)$")
_FEATURES = frozenset("River Strip Bay Island Islands Mountains Lake Sea Valley Desert Peninsula Gulf Canal".split())
_TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str  # the entity's full name
    type: str


@dataclass(slots=True)
class EntityIndex:
    """What the speaker resolver needs to know about the article's names."""

    entities: tuple[Entity, ...]
    mentions: list[Mention]  # in the body, in order
    gender: dict[str, str] = field(default_factory=dict)  # person -> m / f / -
    roles: dict[str, str] = field(default_factory=dict)  # "prime minister" -> person


@dataclass(slots=True)
class _Cluster:
    name: str
    type: str
    count: int = 0
    mentions: list[tuple[int, int]] = field(default_factory=list)
    sure: bool = False  # typed from evidence (a lexicon, a keyword, an honorific), not guessed


def find_entities(
    article: Article,
    body: str,
    lex: Lexicons,
    roles: frozenset[str],
    excluded: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> EntityIndex:
    """Entities of the article; `excluded` are body spans that name works (quoted titles)."""
    # Words seen in lower case: a capital elsewhere then only starts a sentence.
    lowercase = _LowerWords(body)
    in_body = candidates(body, lex, lowercase)
    if excluded:
        in_body = [c for c in in_body if not any(s <= c.start < e for s, e in excluded)]
    for cand in list(in_body):
        # "the Biden administration": a government named after its head.
        if body.startswith(" administration", cand.end) and " " not in cand.text:
            in_body.append(Candidate(cand.start, cand.end + 15, cand.text + " administration", "ORG", strong=True))
            in_body.remove(cand)
    if is_sports_news(body, lex.sport_words):
        players = team_sheet_names(body)
        if players:
            taken = {start for start, _, _ in players}
            spans = [(s, e) for s, e, _ in players]
            in_body = [c for c in in_body if not any(s <= c.start < e for s, e in spans)]
            in_body += [Candidate(s, e, name, "PERSON", strong=True) for s, e, name in players if s in taken]
    in_body.sort(key=lambda c: c.start)
    in_body = _join_campus(body, in_body)
    products = _products(body, in_body, lex) | _works(body, in_body)
    if products:
        in_body = [c for c in in_body if c.text not in products]
    fields: list[tuple[str, list[Candidate]]] = [("body", in_body)]
    for name, text in (("subtitle", article.subtitle), ("bio", article.author_bio)):
        if text:
            fields.append((name, candidates(text, lex, lowercase)))
    # A Title Case headline capitalises every word: its capitals prove nothing,
    # so only names already known from the rest are counted in it (below).
    title_case = _is_title_case(article.title)
    title_cands = candidates(article.title, lex, lowercase) if article.title and not title_case else []
    if title_cands:
        fields.append(("title", title_cands))
    author = _author_name(article.author)
    if author:
        fields.append(("author", [Candidate(0, len(author), author, "PERSON", strong=True)]))

    # One pass over every candidate gathers what the merging needs.
    proven: set[str] = set()  # capitals that prove something: not sentence-initial
    full_persons: dict[str, None] = {}
    orgs: set[str] = set()
    places: set[str] = set()
    alias_seen: dict[str, str] = {}  # full name -> the first alias of it seen
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
                alias_seen.setdefault(lex.org_aliases[c.text], c.text)
            seen_texts.add(c.text)
    # "Tories" stands for "Conservatives" only where the article names them so;
    # otherwise the alias is the fullest form the article gives.
    aliases = {a: (full if full in seen_texts else alias_seen[full]) for a, full in lex.org_aliases.items() if full in alias_seen}
    aliases.update(_appositions(body, in_body, aliases))
    orgs.update(aliases.values())
    fullest: dict[str, str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in full_persons:
        by_surname[name.rsplit(" ", 1)[-1]].append(name)
    persons = dict.fromkeys(n for n in full_persons if _fullest_person(n, by_surname) == n)
    surnames: dict[str, list[str]] = defaultdict(list)
    for full in persons:
        surnames[full.split()[-1]].append(full)
    acronyms = {_initials(o): o for o in sorted(orgs) if _initials(o)}
    # "Fed" for "Federal Reserve", "Met" for "Metropolitan Police": the first
    # word clipped, a short form that news writing uses for a body it names.
    for whole in sorted(orgs, key=lambda name: (len(name), name)):
        first = whole.split()[0]
        if len(first) >= 6 and " " in whole:
            for size in (3, 4):
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
            if word not in lex.common_words and word not in lex.demonyms and (
                word not in lex.places or (whole in places and word == words[0] and words[-1] in _FEATURES)
            ):  # "Yangtze" for "Yangtze River", but "London" is not "London Stock Exchange"
                parts.setdefault(word, (whole, "PLACE" if whole in places else "ORG"))
    first_names: dict[str, list[str]] = defaultdict(list)
    for full in persons:
        first_names[full.split()[0]].append(full)

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
                where == "body" and cand.type == "PLACE" and cand.text in surnames
                and not _LOCATIVE_BEFORE.search(body, max(0, cand.start - 12), cand.start)
            ):
                # "laid it off to Holland, who scored": the Matt Holland the
                # article names, not the country.
                cand = Candidate(cand.start, cand.end, cand.text, "PERSON", cand.initial, strong=True)
            memo = (cand.text, cand.type, cand.strong)
            found = resolved.get(memo)
            if found is None:
                found = resolved[memo] = _resolve(cand, lex, aliases, persons, surnames, acronyms, parts, first_names, fullest)
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
                continue
            if kind is None and key == cand.text and key.lower() in lex.english_words:
                continue  # "Ghost", "Sideways": an English word, not a name
            if key == cand.text and key[-1:] == "s" and key[:-1] in surnames:
                continue  # "the Osbournes": a family, not one person
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
                    qualifier = body[max(0, cand.start - len(cand.title) - 30) : cand.start].split()[-len(cand.title.split()) - 1 :]
                    if len(qualifier) > 1 and qualifier[0][:1].isupper():
                        roles.setdefault(" ".join(qualifier).lower(), key)
            if where == "body":
                cluster.mentions.append((cand.start, cand.end))
                body_mentions.append((cand.start, cand.end, key))
                if kind == "PERSON" or (cluster.type == "PERSON"):
                    for role in _role_before(body, cand.start, lex.roles, lex.role_heads):
                        if roles.setdefault(role, key) != key and " " not in role:
                            roles[role] = ""  # "boss" of two people: says nobody

    if title_case and surfaces:
        _count_in_title(article.title, surfaces, clusters)
    for cluster in clusters.values():
        if not cluster.type:
            cluster.type = _guess_type(cluster, body, honorific_seen)
    _retype_guesses(body, body_mentions, clusters, lex)
    if is_sports_news(body, lex.sport_words):
        for cluster in clusters.values():
            if cluster.type == "PLACE" and cluster.name in lex.places and is_team(body, cluster.mentions, cluster.name in lex.countries):
                cluster.type = "ORG"
    for name, cluster in clusters.items():
        if cluster.type == "PERSON" and name not in gender:
            first = name.split()[0]
            gender[name] = lex.first_names.get(first, "-")

    ordered = sorted(clusters.values(), key=lambda c: (_TYPE_ORDER[c.type], -c.count, c.name))
    entities = tuple(Entity(c.name, c.type, c.count, tuple(c.mentions)) for c in ordered)  # type: ignore[arg-type]
    mentions = [Mention(s, e, key, clusters[key].type) for s, e, key in sorted(body_mentions)]
    return EntityIndex(entities, mentions, gender, roles)


_APPOSITION_GAPS = (", the ", " (the ")
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z]{1,7})\)")


def _appositions(body: str, cands: list[Candidate], known: dict[str, str]) -> dict[str, str]:
    """Short names that the article glosses with a body's full name: "Cern, the
    European Laboratory for Particle Physics", "the Office of Fair Trading (OFT)"
    (whatever its initials)."""
    out: dict[str, str] = {}
    for first, second in zip(cands, cands[1:]):
        gap = body[first.end : second.start]
        if (
            gap in _APPOSITION_GAPS and " " not in first.text and first.type != "PERSON"
            and second.type == "ORG" and " " in second.text and first.text not in known
        ):
            out[first.text] = second.text
    for cand in cands:
        if cand.type == "ORG" and " " in cand.text:
            match = _ACRONYM_AFTER.match(body, cand.end)
            if match and match.group(1) not in known:
                out.setdefault(match.group(1), cand.text)
    return out


def _retype_guesses(body: str, mentions: list[tuple[int, int, str]], clusters: dict[str, _Cluster], lex: Lexicons) -> None:
    """A guessed type gives way to the context's when the context is clear:
    the cues around the mentions, and the sure names it is listed beside."""
    guessed = {name for name, c in clusters.items() if not c.sure and not name.isupper()}
    if not guessed:
        return
    # (capitals, "GE", "ING", are a body's initials whatever stands around them)
    known = {name: c.type for name, c in clusters.items() if c.sure}
    mentions = sorted(mentions)
    own = {name: votes(body, clusters[name].mentions, lex) for name in guessed}
    # Twice: a name retyped by its own cues is evidence for the names listed
    # beside it ("Basingstoke and Torbay").
    for _ in range(2):
        beside = listed_beside(body, mentions, known, guessed)
        for name in guessed:
            cluster = clusters[name]
            counts = own[name] + beside.get(name, Counter())
            if not counts:
                continue
            (best, n), *rest = counts.most_common(2) + [("", 0)]
            if best != cluster.type and n > rest[0][1] and counts[cluster.type] == 0:
                cluster.type = known[name] = best


def _join_campus(body: str, cands: list[Candidate]) -> list[Candidate]:
    """"University of California at Berkeley": one university, named by its campus."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.text.startswith("University of ")
            and cand.start == prev.end + 4
            and body.startswith(" at ", prev.end)
            and " " not in cand.text
        ):
            out[-1] = Candidate(prev.start, cand.end, body[prev.start : cand.end], "ORG", strong=True)
            continue
        out.append(cand)
    return out


# "its Durex condoms", "brands such as Lemsip and Strepsils": products, not bodies.
# (Literal openings: a pattern that starts with \b or a case-insensitive group
# makes the regex engine try every position of the text, and this runs per article.)
_PRODUCT_ITS = re.compile(r"(?:its|their)\s+(?=[A-Z])")
_PRODUCT_SUCH = re.compile(r"(?:such as|like|including|called|named)\s+(?=[A-Z])")
_PRODUCT_KIND = re.compile(
    r"(?:brands|products|drugs|medicines|remedies|gadgets|devices|handsets|consoles|games|titles|films|movies|models),?\s+$",
    re.IGNORECASE,
)
_PRODUCT_NOUN = re.compile(
    r" (?:brand|brands|condoms|drug|drugs|pill|pills|tablets|medicine|remedy|remedies|vaccine|"
    r"console|consoles|handset|handsets|phone|phones|player|players|device|devices|gadget|gadgets|"
    r"car|cars|model|models|range|product|products|software|browser|game|games|beer|lager|"
    r"cigarettes|chocolate|chocolates|biscuits|cereal|drink|drinks|soap|shampoo|computer|computers|"
    r"laptop|laptops|camera|cameras|chip|chips|processor|processors|jet|jets|plane|planes)\b"
)
_PRODUCT_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$")


def _products(body: str, cands: list[Candidate], lex: Lexicons) -> set[str]:
    """Names the text introduces as products: the possessive of a firm before
    a name and a product noun after it, or a list after "brands such as"."""
    leads = {m.end(): True for m in _PRODUCT_ITS.finditer(body) if m.start() == 0 or not body[m.start() - 1].isalpha()}
    for m in _PRODUCT_SUCH.finditer(body):
        if _PRODUCT_KIND.search(body, max(0, m.start() - 20), m.start()):
            leads[m.end()] = False
    if not leads:
        return set()
    out: set[str] = set()
    prev_end = -1
    for cand in cands:
        if prev_end >= 0 and _PRODUCT_LIST_GAP.match(body, prev_end, cand.start):
            out.add(cand.text)
            prev_end = cand.end
            continue
        prev_end = -1
        possessive = leads.get(cand.start)
        if possessive is None or cand.strong or cand.type == "PERSON":
            continue
        if not possessive:
            out.add(cand.text)
            prev_end = cand.end
        elif _PRODUCT_NOUN.match(body, cand.end):
            out.add(cand.text)
    return {name for name in out if name not in lex.orgs and name not in lex.places}


# Titles of works, written without quote marks: "the film Ray", "starring in
# Alfie", "best actor for Kinsey", "Sideways, which won five awards".
_WORK_LEAD = re.compile(
    r"\b(?:(?:the|his|her|their|its|a|an|\w+['\u2019]s?|new|latest|hit|first|second|next|last)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?:film|movie|blog|album|single|song|show|series|sitcom|soap|drama|documentary|novel|"
    r"book|play|musical|opera|programme|videogame|debut)|(?:starring|starred|stars|appeared|appears) in|"
    r"(?P<for>(?:actor|actress|director|screenplay|role|nomination|nominations) for))\s+$"
)
_WORK_AFTER = re.compile(r",? (?:which|that) (?:won|stars|starred|tells|grossed)\b|, starring\b|, directed by\b")


def _works(body: str, cands: list[Candidate]) -> set[str]:
    out: set[str] = set()
    # "In the film DiCaprio plays Hughes": a person's name that the text
    # gives in full elsewhere is the person, whatever stands before it.
    named = {w for c in cands if c.type == "PERSON" and " " in c.text for w in c.text.split()}
    for cand in cands:
        if cand.strong or cand.text in named:
            continue
        lead = _WORK_LEAD.search(body, max(0, cand.start - 40), cand.start)
        if lead and cand.type == "PERSON" and (lead.group("for") or body.startswith(("'s", "\u2019s"), cand.end)):
            continue  # "best actress for Cate Blanchett", "starred in Jean-Pierre Jeunet's film"
        if lead or _WORK_AFTER.match(body, cand.end):
            out.add(cand.text)
    return out


def _role_before(body: str, start: int, known: frozenset[str], heads: frozenset[str]) -> list[str]:
    """'prime minister' in 'the prime minister Tony Blair' (a role right before a name)."""
    if start < 3 or not body[start - 2].islower():
        return []
    space = body.rfind(" ", 0, start - 1)
    if body[space + 1 : start - 1].lower() not in heads:  # a cheap first test
        return []
    words = [w.lower() for w in body[max(0, start - 40) : start].split()[-3:]]
    for n in range(len(words)):
        if " ".join(words[n:]) in known:
            # "Tory leader", "Lions coach": the role with what qualifies it too.
            return [" ".join(words[m:]) for m in range(n + 1)]
    return []


def _resolve(
    cand: Candidate,
    lex: Lexicons,
    aliases: dict[str, str],
    persons: dict[str, None],
    surnames: dict[str, list[str]],
    acronyms: dict[str, str],
    parts: dict[str, tuple[str, str]],
    first_names: dict[str, list[str]],
    fullest: dict[str, str],
) -> tuple[str | None, str | None]:
    """The entity a candidate names (its full name) and its type if known."""
    text = cand.text
    if text in aliases and cand.type in (None, "ORG", "PLACE"):
        return aliases[text], "ORG"
    if cand.type == "PERSON" and " " in text:
        if text not in fullest:
            fullest[text] = _fullest_person(text, surnames)
        return fullest[text], "PERSON"
    if " " not in text:
        if text in surnames and (cand.type in (None, "PERSON") or not cand.strong):
            return surnames[text][0], "PERSON"
        if text in acronyms and cand.type in (None, "ORG"):
            return acronyms[text], "ORG"
        if 3 <= len(text) <= 5 and text[1:].islower() and text.upper() in acronyms and cand.type in (None, "ORG"):
            return acronyms[text.upper()], "ORG"  # "Nato", "Unicef" written as words
        if text in parts and cand.type in (None, "ORG", "PLACE"):
            return parts[text]
        if len(first_names.get(text, ())) == 1 and cand.type in (None, "PERSON"):
            return first_names[text][0], "PERSON"
    return text, cand.type


def _fullest_person(name: str, by_surname: dict[str, list[str]]) -> str:
    """The longest known name that `name` is a short form of (same surname,
    and the same first name or none: "Lula da Silva", "Ryan Pitylak")."""
    words = name.split()
    best = name
    for other in by_surname.get(words[-1], ()):
        if len(other) <= len(best):
            continue
        owords = other.split()
        if owords[-len(words) :] == words or owords[0] == words[0]:
            best = other
    return best


def _initials(name: str) -> str:
    letters = "".join(w[0] for w in name.split() if w[0].isupper())
    return letters if len(letters) >= 2 else ""


def _guess_type(cluster: _Cluster, body: str, honorific_seen: set[str]) -> str:
    if cluster.name in honorific_seen:
        return "PERSON"
    places = sum(1 for s, _ in cluster.mentions if _PLACE_BEFORE.search(body, max(0, s - 12), s))
    if cluster.mentions and places * 2 > len(cluster.mentions):
        return "PLACE"
    return "ORG"


def _count_in_title(title: str, surfaces: dict[str, str], clusters: dict[str, _Cluster]) -> None:
    forms = sorted(surfaces, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    for match in pattern.finditer(title):
        clusters[surfaces[match.group()]].count += 1


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words[1:])
    return capitalised >= 0.6 * (len(words) - 1)


def _author_name(author: str) -> str:
    match = _AUTHOR_NAME.match(author.strip())
    return match.group(1) if match else ""
