"""What attribution knows about one article: its text, spans, names and
sentence boundaries, with the look-ups every step of attribution shares."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from byline.extract.char_offsets import matches_from, offsets_of
from byline.extract.entities import EntityIndex
from byline.extract.lexicons import lexicons, speaker_words
from byline.extract.mentions import Mention
from byline.extract.quotes import Span
from byline.extract.speaker_patterns import BOUNDARY, BOUNDARY_STARTS, FINITE, OFFICES, SEATS_OF_GOVERNMENT

MAX_SENTENCE = 1000
"""Characters a sentence may run to either side of a quote. In text with no full stop
(a page pasted as one line) each quote would otherwise search all the text before it:
40 KB of "said Blair “" took half a minute to load, 4 KB of it per second more."""


@dataclass(slots=True)
class Context:
    body: str
    index: EntityIndex
    spans: list[Span]
    paragraph_starts: list[int]
    role_words: re.Pattern[str]
    boundaries: list[int]
    mention_starts: list[int]
    span_starts: list[int]
    speakers: list[str | None] = field(default_factory=list)  # own attributions found so far, in order
    trail: list[str] = field(default_factory=list)  # how the name being resolved was reached
    principal: dict[str, str] = field(default_factory=dict)  # shared surname -> its most-named bearer
    acronyms: dict[str, str] = field(default_factory=dict)  # "BCC" -> "British Chamber of Commerce"
    fullest: dict[str, str] = field(default_factory=dict)  # speaker -> fullest name (`fullest_person`), once each
    surnames: dict[tuple[str, ...], list[str]] | None = None  # people by last words (`_people_by_surname`)
    bodies: set[str] | None = None  # names of bodies and places (`kinds_of_bodies`)
    written: list[tuple[int, str]] | None = None  # bodies named in lower case (`speaker_bodies`)
    told: dict[str, str] | None = None  # person -> m / f, as the article's own "he" or "she" tells (`_genders_told`)


def make_context(
    body: str, index: EntityIndex, spans: list[Span], paragraph_starts: list[int], role_words: re.Pattern[str]
) -> Context:
    boundaries = [m.end() for m in matches_from(BOUNDARY, body, offsets_of(body, BOUNDARY_STARTS))]  # (char_offsets)
    ctx = Context(
        body,
        index,
        spans,
        paragraph_starts,
        role_words,
        boundaries,
        [m.start for m in index.mentions],
        [span.start for span in spans],
    )
    bearers: dict[str, list[tuple[int, str]]] = {}
    for e in index.entities:
        if e.type == "PERSON" and " " in e.name:
            bearers.setdefault(e.name.rsplit(" ", 1)[1], []).append((e.count, e.name))
    ctx.principal = {surname: max(people)[1] for surname, people in bearers.items() if len(people) > 1}
    if "(" in body:
        ctx.acronyms = _spelt_out(body)
    return ctx


_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_LINKS = frozenset("of for and the on in de du".split())
MAX_SPELT_WORDS = 9  # words before "(BCC)" that may spell it out


def _spelt_out(body: str) -> dict[str, str]:
    """Acronyms the article spells out: "the British Chamber of Commerce
    (BCC)" -> {"BCC": "British Chamber of Commerce"}, the initials of its
    capitalised words matching the letters."""
    found: dict[str, str] = {}
    for m in _ACRONYM.finditer(body):
        letters = m.group(1)
        words = body[max(0, m.start() - 120) : m.start()].split()[-MAX_SPELT_WORDS:]
        for n in range(len(letters), len(words) + 1):
            phrase = words[-n:]
            if phrase[0][:1].isupper() and "".join(w[0] for w in phrase if w.lower() not in _LINKS).upper() == letters:
                found.setdefault(letters, " ".join(phrase))
                break
    return found


def full_form(ctx: Context, name: str) -> str:
    """A speaker's fullest form: an acronym the article spells out, spelt out."""
    return ctx.acronyms.get(name, name) if ctx.acronyms else name


def fullest_person(ctx: Context, speaker: str) -> str:
    """`_fullest_person`, worked out once per speaker and article."""
    found = ctx.fullest.get(speaker)
    if found is None:
        found = ctx.fullest[speaker] = _fullest_person(ctx, speaker)
    return found


def _fullest_person(ctx: Context, speaker: str) -> str:
    """A person's fullest name in the article: "Lord Goldsmith" or "El
    Guerrouj" -> "Peter Goldsmith", "Hicham El Guerrouj" where one person of
    the article, and one only, has those words for a surname after a given
    name. (The entity finder keeps a peer's title as his name.)"""
    words = speaker.split()
    if not words or not words[-1][:1].isupper():
        return speaker
    lex = lexicons()
    if len(words) > 1 and words[0] in lex.first_names:
        return speaker  # "Tony Blair": a given name and a surname already
    honorifics = lex.honorifics
    surname = words[1:] if len(words) > 1 and words[0] in honorifics else words
    if len(surname) > 2:
        return speaker
    fuller = set(_people_by_surname(ctx).get(tuple(surname), ()))
    if not fuller and _SURNAME.fullmatch(speaker) and speaker not in kinds_of_bodies(ctx):
        fuller = _given_names_before(ctx, speaker)
    return fuller.pop() if len(fuller) == 1 else speaker


def _people_by_surname(ctx: Context) -> dict[tuple[str, ...], list[str]]:
    """The article's people with a given name, by their last one or two words."""
    if ctx.surnames is None:
        honorifics = lexicons().honorifics
        ctx.surnames = {}
        for e in ctx.index.entities:
            words = e.name.split()
            if e.type == "PERSON" and words[0] not in honorifics:
                for n in range(1, min(3, len(words))):
                    ctx.surnames.setdefault(tuple(words[-n:]), []).append(e.name)
    return ctx.surnames


_SURNAME = re.compile(r"[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?")
_GIVEN = re.compile(
    r"(?<![\w'\u2019-])([A-Z][a-z'\u2019-]+)$"
)  # the word right before a surname  # "Gaillard", "Kilroy-Silk"; not "MPs"


def kinds_of_bodies(ctx: Context) -> set[str]:
    """The names of the article's bodies and places, which have no given names."""
    if ctx.bodies is None:
        ctx.bodies = {e.name for e in ctx.index.entities if e.type != "PERSON"}
    return ctx.bodies


def _given_names_before(ctx: Context, surname: str) -> set[str]:
    """ "Emmanuel Gaillard" for "Gaillard" where the entity finder did not list
    him: the surname after a known given name, or after a capitalised word
    that is no English word, nationality, country or title ("If Gaillard",
    "German Gref" and "Israel Holiff" are not read as names)."""
    lex = lexicons()
    found = set()
    at = ctx.body.find(" " + surname)
    while at > 0:
        m = _GIVEN.search(ctx.body, max(0, at - 30), at)
        end = at + 1 + len(surname)
        at = ctx.body.find(" " + surname, end)
        if m is None or ctx.body[end : end + 1].isalnum():
            continue
        given = m.group(1)
        if given in lex.first_names or not (
            len(given) < 3  # "If", "As": too short for the English word list
            or given.lower() in lex.english_words
            or given in lex.demonyms
            or given in lex.countries
            or given in lex.honorifics
            or given in lex.common_words
        ):
            found.add(f"{given} {surname}")
    return found


def person_name(ctx: Context, mention: Mention) -> str:
    """The person a mention names. A bare surname that two people of the
    article bear ("Osbourne": Ozzy or Sharon) is the one the article names most."""
    if ctx.principal:
        text = ctx.body[mention.start : mention.end]
        if text in ctx.principal:
            return ctx.principal[text]
    return mention.name


def gender_of(ctx: Context, name: str) -> str | None:
    """A person's gender (m, f, or - when unknown); None for a name that is no
    person of the article's. The entity index knows it from an honorific or a
    first name; where a title stood in front ("Secretary Alan Johnson") it
    says "-", and a speaker the index does not list ("Michelle, a mother of
    twins, said") is not in it: the first name tells both."""
    known = ctx.index.gender.get(name)
    first = lexicons().first_names.get(name.split()[0]) if name[:1].isupper() else None
    if known in ("m", "f"):
        # (an honorific and a first name that disagree tell nothing: "Mr Jackson"
        # may be his mother Katherine's namesake, "Ms Berry" a Jan)
        return known if first in (known, "-", None) else "-"
    if first in ("m", "f"):
        return first
    if known == "-":
        if ctx.told is None:
            ctx.told = _genders_told(ctx)
        return ctx.told.get(name, known)
    return known


# \b(?:[Hh]e|[Ss]he)\b, its first letter first: a pattern opening with \b is tried at every
# character of the body; one opening with a class, only at those letters. The \b before the
# letter is the lookbehind after it (the letter is a word character), and which word the
# letter starts is told by a lookbehind: the same matches.
_HE_SHE = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he)\b")
TOLD_GENDER_REACH = 400  # characters before a "he" or "she" where the person it is may be named


def _genders_told(ctx: Context) -> dict[str, str]:
    """The gender of people neither an honorific nor a first name gives, as
    the article tells it: "E Hayot, writing in ..., said: "...". He says":
    a "he" or "she" outside quotes after one such person only, named in its
    sentence or the one before, with nobody of that gender beside him. Where
    the article says both of one person, it tells nothing."""
    first_names = lexicons().first_names
    unknown = {n for n, g in ctx.index.gender.items() if g == "-" and first_names.get(n.split()[0]) not in ("m", "f")}
    votes: dict[str, set[str]] = {}
    if not unknown:
        return {}
    for p in _HE_SHE.finditer(ctx.body):
        if in_quote(ctx, p.start()):
            continue
        want = "m" if p.group()[0] in "Hh" else "f"
        k = bisect_left(ctx.mention_starts, p.start()) - 1
        while k >= 0 and (ctx.index.mentions[k].type != "PERSON" or in_quote(ctx, ctx.index.mentions[k].start)):
            k -= 1
        if k < 0 or p.start() - ctx.index.mentions[k].end > TOLD_GENDER_REACH:
            continue
        if _full_stops_outside_quotes(ctx, ctx.index.mentions[k].end, p.start()) > 1:
            continue  # not the name's sentence nor the next
        near = mentions_in(ctx, sentence_start(ctx, ctx.index.mentions[k].start, 0), p.start())
        people = {m.name for m in near if m.type == "PERSON" and not ctx.body.startswith(("'s", "\u2019s"), m.end)}
        candidates = people & unknown
        shared = any(ctx.body[m.start : m.end] in ctx.principal for m in near)  # "Edwards": son or mother?
        if len(candidates) == 1 and not shared and not any(ctx.index.gender.get(n) == want for n in people):
            votes.setdefault(candidates.pop(), set()).add(want)
    return {name: said.pop() for name, said in votes.items() if len(said) == 1}


_FULL_STOP = re.compile(r"[.!?](?=[\"'\u201d\u2019)]*\s)")


def _full_stops_outside_quotes(ctx: Context, start: int, stop: int) -> int:
    """Sentences the writer ends between two points, quoted words left out."""
    count, at = 0, start
    for span in ctx.spans[bisect_left(ctx.span_starts, start) : bisect_left(ctx.span_starts, stop)]:
        count += len(_FULL_STOP.findall(ctx.body, at, span.open_at))
        at = max(at, span.end + 1)
    return count + len(_FULL_STOP.findall(ctx.body, at, stop))


def sentence_start(ctx: Context, pos: int, p_start: int) -> int:
    k = bisect_right(ctx.boundaries, pos) - 1
    start = ctx.boundaries[k] if k >= 0 else 0
    return max(start, p_start, pos - MAX_SENTENCE)


def paragraph_of(ctx: Context, pos: int) -> int:
    return bisect_right(ctx.paragraph_starts, pos) - 1


def paragraph_end(ctx: Context, para: int) -> int:
    starts = ctx.paragraph_starts
    return starts[para + 1] - 2 if para + 1 < len(starts) else len(ctx.body)


def mentions_in(ctx: Context, start: int, stop: int) -> list[Mention]:
    lo = bisect_left(ctx.mention_starts, start)
    hi = bisect_left(ctx.mention_starts, stop)
    return [m for m in ctx.index.mentions[lo:hi] if m.end <= stop and not in_quote(ctx, m.start)]


def in_quote(ctx: Context, pos: int) -> bool:
    k = bisect_right(ctx.span_starts, pos) - 1
    return k >= 0 and pos < ctx.spans[k].end


def office_in(phrase: str) -> str | None:
    """The office a role phrase ends with, the longest ("deputy prime minister")."""
    words = phrase.lower().split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if tail in OFFICES:
            return tail
    return None


def holds_another_office(ctx: Context, name: str, phrase: str) -> bool:
    """Whether the article names `name` in an office other than the one
    `phrase` names ("Chancellor Gordon Brown" for "the prime minister")."""
    wanted = office_in(phrase)
    if wanted is None:
        return False
    held = {office_in(role) for role, holder in ctx.index.roles.items() if holder == name}
    held.discard(None)
    return bool(held) and wanted not in held


def can_speak(ctx: Context, mention: Mention) -> bool:
    """People and bodies speak, and countries through their governments;
    towns, venues and regions never do ("at Old Trafford", "in Texas"). Nor
    does a country that only stands beside the words: an object or a setting
    ("in the UK, analysts said"), a modifier ("US behemoth General Electric
    said", "UK-based consultancy Analysys", "America's TV Guide")."""
    if mention.type != "PLACE":
        return True
    if mention.name not in lexicons().countries and mention.name not in SEATS_OF_GOVERNMENT:
        return False
    return _stands_as_subject(ctx.body, mention)


_WORD_BEFORE = re.compile(r"(?:^|\s)([a-z]+)\s+(?:the\s+)?$")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_PAST_TENSE = re.compile(r"[a-z]{2,}ed")  # "Russia denied", "Turkey rejected"
_REPORTING = re.compile(rf"(?:{FINITE})")
_SUBJECT_REACH = 30  # characters before a place that may show it is an object


# An agent's ending: "defender", "bookmaker", "investor", "activist",
# "historian", "debutant", "correspondent", "employee".
_AGENT = re.compile(r"[a-z-]{2,}(?:er|or|ist|ian|ant|ent|ee)s?")


def head_can_speak(ctx: Context, head: str) -> bool:
    """Whether a description's head noun can stand for someone who speaks:
    a role, a body, an agent, a group of people or an outlet; not a thing,
    a document or an event ("the move", "the minutes", "the festival")."""
    words = speaker_words()
    if head in words.unnamed_roles:
        return True
    one = head[:-3] + "y" if head.endswith("ies") else head[:-1] if head.endswith("s") else head  # "judges"
    return (
        one in words.body_nouns
        or one in words.speaker_nouns
        or head in words.speaker_nouns
        or ctx.role_words.fullmatch(head) is not None
        or ctx.role_words.fullmatch(one) is not None
        # ("former", "other", "later": English words that only end like agents)
        or _AGENT.fullmatch(head) is not None
        and head not in lexicons().common_words
    )


def _stands_as_subject(body: str, mention: Mention) -> bool:
    words = speaker_words().place_speech
    before = _WORD_BEFORE.search(body, max(0, mention.start - _SUBJECT_REACH), mention.start)
    if before and before.group(1) in words["before_place"]:
        return False
    rest = body[mention.end : mention.end + 1]
    if rest in ("'", "\u2019", "-") or rest.isalnum():
        return False  # "America's TV Guide", "UK-based"
    after = _WORD_AFTER.match(body, mention.end)
    if after is None:
        return not body[mention.end : mention.end + 2].strip()[:1].isupper()  # "US Airways": a name goes on
    word = after.group(1)
    return word in words["after_place"] or bool(_PAST_TENSE.fullmatch(word)) or bool(_REPORTING.fullmatch(word))


def title_before_name(body: str, mentions: list[Mention]) -> bool:
    """Whether the first "name" of a phrase is one word of a title that the
    full name of a person, set off right after it, holds: "The Lord Chief
    Justice, Lord Woolf, who ..." (not "Glenn Maguire, chief economist")."""
    if len(mentions) < 2:
        return False
    first, then = mentions[0], mentions[1]
    return (
        first.type == then.type == "PERSON"
        and " " not in first.name
        and " " in then.name
        and body[first.end : first.end + 2] == ", "
        and (first.end + 2 == then.start or body[first.end + 2 : then.start - 1] in lexicons().honorifics)
        and body[then.end : then.end + 1] == ","
    )
