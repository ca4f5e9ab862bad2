"""What a phrase that names nobody stands for, found by looking back in the text.

"the company" and "the report" -> the body named before (or the body that issued the
report); "the companies" -> the two named just before; an unresolved "he" -> "a
spokesman for ..." introduced just before; "the committee" -> the one the article
names. Used by `speaker_resolve`, which leaves the evidence marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from byline.extract.speaker_bodies import LED_BY_NAMES, WRITTEN_NOUNS, last_written_body, written_bodies
from byline.extract.speaker_context import (
    Context,
    in_quote,
    mentions_in,
    person_name,
    sentence_start,
)
from byline.extract.speaker_patterns import (
    ANY_BODY_NOUNS,
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    OBJECT_LEAD,
    WORD,
)
from byline.extract.speaker_pronouns import POSSESSIVE, resolve_pronoun

BODY_REACH = 2000  # characters back that "the company" may look for its company
DOCUMENT_REACH = 600  # characters back that "the report" may look for the body that issued it
_CAPITALISED = r"[A-Z][\w'\u2019&.()-]*"


@cache
def _led_by_name(noun: str) -> re.Pattern[str]:
    """ "the UK government": a body written as a capitalised name and a noun."""
    return re.compile(rf"\b[Tt]he\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)\s+({noun})\b")


def the_one_named(ctx: Context, phrase: str) -> str | None:
    """The one committee (or commission) the whole text names, for a phrase
    that describes one ("committee of MPs and peers")."""
    core = phrase.split(" of ", 1)[0].split()[-1].lower()
    if core in LED_BY_NAMES and phrase.lower() == core:
        led = {" ".join(m.group(1, 2)) for m in _led_by_name(core).finditer(ctx.body)}
        return led.pop() if len(led) == 1 else None
    if core not in WRITTEN_NOUNS:
        return None
    names = {name for _, name in written_bodies(ctx)}
    names |= {e.name for e in ctx.index.entities if e.type == "ORG" and e.name.lower().endswith(core)}
    return names.pop() if len(names) == 1 else None


PLURAL_BODIES = frozenset("companies firms groups banks unions airlines carriers clubs parties".split())
PAIR_REACH = 600  # characters back that "the companies" may look for the two it stands for


def last_pair(ctx: Context, pos: int) -> str | None:
    """The last two bodies named together ("EADS and BAE Systems") before `pos`."""
    k = bisect_left(ctx.mention_starts, pos) - 1
    while k > 0 and ctx.index.mentions[k].start > pos - PAIR_REACH:
        first, second = ctx.index.mentions[k - 1], ctx.index.mentions[k]
        k -= 1
        if first.type == second.type == "ORG" and ctx.body[first.end : second.start] == " and ":
            return f"{first.name} and {second.name}"
    return None


SPOKESPERSON_REACH = 500  # characters back that an unresolved "he" may find "a spokesman for ..."


def spokesperson_before(ctx: Context, pronoun: str, pos: int) -> tuple[int, str] | None:
    """ "A Labour Party spokesman told the BBC ... "...," he said": the
    spokesperson just introduced, whom "he" or "she" may stand for, and where."""
    if pronoun not in ("he", "she"):
        return None
    role = "spokesman" if pronoun == "he" else "spokeswoman"
    start = max(0, pos - SPOKESPERSON_REACH)
    found = [
        (m.start(), m.group("np"))
        for noun in (role, "spokesperson")
        if _in_window(ctx.body, noun, start, pos)
        for m in _intro_pattern(noun).finditer(ctx.body, start, pos)
    ]
    return max(found) if found else None


def last_named_before(ctx: Context, name: str, pos: int) -> int:
    """Where a speaker was last named before `pos` (-1: not by a name in the index)."""
    k = bisect_left(ctx.mention_starts, pos) - 1
    while k >= 0:
        m = ctx.index.mentions[k]
        if m.name == name or (m.type == "PERSON" and person_name(ctx, m) == name):
            return m.start
        k -= 1
    return -1


@cache
def _intro_pattern(role: str) -> re.Pattern[str]:
    """ "A spokesman for the Home Office", "a Jive spokeswoman": how a role is introduced."""
    return re.compile(
        rf"\b[Aa]n?\s+(?P<np>(?:[A-Z][\w'\u2019&.-]*\s+){{0,4}}{re.escape(role)}"
        rf"(?:\s+(?:for|at|from|of)\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:(?:of|and|for|the)\s+)*{_CAPITALISED})*)?)\b"
    )


def _in_window(body: str, role: str, start: int, end: int) -> bool:
    """Whether the role's word stands between `start` and `end`: an introduction holds it,
    and a substring test is cheaper than trying the pattern at every character of the window."""
    return body.find(role, start, end) >= 0


def introduced_as(ctx: Context, role: str, pos: int, reach: int = BODY_REACH, bare: bool = False) -> str | None:
    """ "the spokesman" after "A spokesman for the Home Office said": the
    fuller description that introduced him, the last one before `pos`."""
    start = max(0, pos - reach)
    if not _in_window(ctx.body, role, start, pos):
        return None
    found = [m.group("np") for m in _intro_pattern(role).finditer(ctx.body, start, pos)]
    return found[-1] if found and (bare or found[-1] != role) else None


def document_author(ctx: Context, owner: re.Match[str] | None, pos: int, legal: bool) -> str | None:
    """Whose words a document's are: "his report said" -> his; "the report
    said" -> the body named last. A document never speaks for itself."""
    if pos < 0:
        return None
    if owner:
        pronoun = owner.group("p").lower()
        found = resolve_pronoun(ctx, {"his": "he", "her": "she"}.get(pronoun, "they"), pos)
    else:
        found = (
            None if legal else _issuer(ctx, pos) or _reporting_body(ctx, pos) or last_body(ctx, "", pos, DOCUMENT_REACH)
        )
    if found:
        ctx.trail.append(f"document->{found}")
    return found


def last_body(ctx: Context, noun: str, pos: int, reach: int = BODY_REACH) -> str | None:
    """The organisation that 'the <noun>' stands for: the last one named
    (by a capitalised name, or one the text writes in lower case)."""
    k = bisect_left(ctx.mention_starts, pos) - 1
    fallback = found = None
    while k >= 0 and ctx.index.mentions[k].start > pos - reach:
        m = ctx.index.mentions[k]
        k -= 1
        if m.type != "ORG" or in_quote(ctx, m.start):
            continue
        if noun in m.name.lower():
            found = (m.start, m.name)
            break
        fallback = fallback or (m.start, m.name)
    # "the company" is whichever company the text is about; "the government"
    # or "the committee" only one that the text names so.
    if not found and (noun in ANY_BODY_NOUNS or not noun):
        found = fallback
    # ("the committee" is the one the text names in lower case, however far back)
    written = (
        last_written_body(ctx, noun, pos, reach if not noun else pos + 1) if not noun or noun in WRITTEN_NOUNS else None
    )
    if written and (found is None or written[0] > found[0]):
        return written[1]
    return found[1] if found else None


@cache
def _issued_by() -> re.Pattern[str]:
    """ "a report by the committee": who issued a document."""
    nouns = "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True))
    return re.compile(rf"\b(?:{nouns})\s+(?:by|from)\s+(?:the\s+)?(?=[A-Za-z])")


def _issuer(ctx: Context, pos: int) -> str | None:
    """The body the text said issued a document ("a report by the Commons
    work and pensions committee"), the last one before `pos`."""
    issued = [m for m in _issued_by().finditer(ctx.body, max(0, pos - BODY_REACH), pos) if not in_quote(ctx, m.start())]
    if not issued:
        return None
    at = issued[-1].end()
    written = last_written_body(ctx, "", at + 1, 1)
    if written:
        return written[1]
    k = bisect_left(ctx.mention_starts, at)
    if k < len(ctx.index.mentions) and ctx.index.mentions[k].start == at and ctx.index.mentions[k].type == "ORG":
        return ctx.index.mentions[k].name
    noun = WORD.match(ctx.body, at)
    if noun and noun.group().lower() in BODY_NOUNS:  # "an inquiry by the committee": which committee
        return last_body(ctx, noun.group().lower(), at)
    return None


def _reporting_body(ctx: Context, pos: int) -> str | None:
    """ "The report said" in an article about a committee's or a commission's
    findings: that body, the last one named, before any firm it reports on."""
    found = [b for b in (last_body(ctx, noun, pos) for noun in sorted(WRITTEN_NOUNS)) if b]
    return found[0] if len(found) == 1 else None


_BODY_SUBJECT = re.compile(r"(?:(?:But|And|However|Meanwhile),?\s+)?[Tt]he\s+(?P<noun>[a-z]+)\b")


def body_subject_before(ctx: Context, pos: int) -> str | None:
    """ "The committee said ... It blamed ...": the body that the sentence
    before the pronoun's has for its subject."""
    own = sentence_start(ctx, pos, 0)
    if own <= 0:
        return None
    before = sentence_start(ctx, own - 2, 0)
    m = _BODY_SUBJECT.match(ctx.body, before, own)
    if not m or m.group("noun") not in BODY_NOUNS:
        return None
    return last_body(ctx, m.group("noun"), before + 1)


def only_person_before(ctx: Context, pos: int) -> str | None:
    """The one person named in the sentence before the one at `pos`, if one only."""
    own = sentence_start(ctx, pos, 0)
    if own <= 0:
        return None
    start = sentence_start(ctx, own - 2, 0)
    named = {
        person_name(ctx, m) for m in mentions_in(ctx, start, own) if m.type == "PERSON" and not in_quote(ctx, m.start)
    }
    if len(named) != 1:
        return None
    # (not one it names as an object or a possessor: "played by Steve Coogan", "Finnan's cross")
    m = next(m for m in mentions_in(ctx, start, own) if m.type == "PERSON" and not in_quote(ctx, m.start))
    if ctx.body.startswith(POSSESSIVE, m.end) or OBJECT_LEAD.search(ctx.body, max(start, m.start - 30), m.start):
        return None
    return named.pop()
