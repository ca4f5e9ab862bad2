"""Where a quote's attribution stands: right after its closing mark
(`"...," he said` / `said Mr Blair`), before its opening mark in the same
sentence (`Mr Howard said: "..."`, `dismissed it as "..."`, `Mr Blair was
defiant: "..."`), or in the sentence before a quote that has none of its own. Each finder returns the
speaker its noun phrase names (see `speaker_resolve`), or None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from byline.extract.quotes import Span
from byline.extract.speaker_context import MAX_SENTENCE, Context, mentions_in, paragraph_end, sentence_start
from byline.extract.speaker_patterns import (
    AFTER_ACCORDING,
    AFTER_INVERTED,
    AFTER_SUBJECT,
    AFTER_VERDICT,
    AGENT_AFTER,
    APPOSITIVE_NAME,
    CLAUSE_ACCORDING,
    CLAUSE_FINAL,
    COORDINATED,
    PARENTHETICAL,
    PASSIVE_AS,
    PASSIVE_BY,
    PASSIVE_BY_ENDS,
    PRONOUN,
    QUOTED_AS,
    WITH_PARTICIPLE,
    has_reporting_verb,
    reporting_verbs,
)
from byline.extract.speaker_resolve import FIRST, LAST, SUBJECT, resolve_np

MAX_SUBJECT_WORDS = 12  # words a subject before "said" may run to
# Verbs that stand before their subject after a clause of speech ("..., says the party").
SENTENCE_INITIAL_VERB = re.compile(
    r"^\s*(?:Said|Says|Added|Adds|Explained|Warned)\s+(?P<np>(?:the\s+|[A-Z])[^,:;]{2,80}?)\s*[,:]\s*$"
)
_INVERTING = frozenset(
    "says said adds added argues argued insists insisted warns warned notes noted claims claimed "
    "explains explained admits admitted writes wrote believes believed thinks".split()
)
# After an inverted verb, a short subject and then a break ("says the party - and").
_INVERTED_SUBJECT = re.compile(r"\s+(?P<np>(?:the|a|an|[A-Z])[^,;:\u2014\u2013]{0,60}?)\s*(?:[,;:\u2014\u2013]|\s-\s)")
_SET_OFF = ",.!?;:\u2014\u2013-"  # what ends a quote's words, or starts the words after it, before an attribution
_CLAUSE_START = re.compile(r"(?:^|[,;:]|\band)\s*$")  # "According to X, ...", "..., according to X"
_INFINITIVE = re.compile(r"\bto\s+$")  # "wrong to suggest": a verb with no subject of its own
_PRONOUN_ONLY = re.compile(r"\s+(?:he|she|it|they)\s+(?:(?:had|has|would|was|were)\s+)?")
UNMARKED_SUBJECT_WORDS = 6  # words of a subject right after a quote with no comma ('"..." he says')
# How such a subject starts: a pronoun, a determiner or a capital ("where social workers tell" is no subject).
_SUBJECT_START = re.compile(r"\s*(?:he|she|they|it|we|the|a|an|his|her|their|its|one|[A-Z])\b|\s*[A-Z]")
LISTED_SPEAKER_WORDS = 8  # words of '- Newcastle boss Graeme Souness' before a quote
INVERTED_TAIL_WORDS = 8  # words after an inverted verb ("..., argues Mr Donofrio.") to the sentence's end

AFTER = "said-after-quote"
BEFORE = "said-before-quote"


class Own(NamedTuple):
    """A quote's own attribution: the speaker, and which side of it named them."""

    speaker: str | None
    side: str  # AFTER, BEFORE, or "" when none


class Window(NamedTuple):
    """Where in the body an attribution may stand."""

    start: int
    stop: int


def own_attribution(ctx: Context, i: int, span: Span, para: int) -> Own:
    """The speaker the quote's own sentence names, and which side named it."""
    p_start = ctx.paragraph_starts[para]
    after = _after_context(ctx, i, span, paragraph_end(ctx, para))
    before_start = sentence_start(ctx, span.open_at, p_start)
    previous = ctx.spans[i - 1].close_at if i else None
    if previous is not None and previous >= before_start:
        before_start = previous + 1
    # Full quotes are attributed after them, partial ones in the sentence
    # around them; but a partial quote whose own words end with a comma
    # ('... published "in the next two weeks," a spokesman said') is plain after.
    text = ctx.body[span.start : span.end]
    order = (AFTER, BEFORE) if span.kind == "full" or text.endswith(",") else (BEFORE, AFTER)
    for side in order:
        found = None
        if side == AFTER and after is not None:
            found = _from_after(ctx, after.start, after.stop)
        elif side == BEFORE:
            found = _from_before(ctx, before_start, span.open_at)
            if span.close_at is not None and PASSIVE_AS.search(ctx.body, before_start, span.open_at):
                # 'Her comments were described as "outrageous" by the IHRC';
                # with no agent ('He is described as "a proud grandfather"')
                # the subject is the one described, not the speaker.
                agent = AGENT_AFTER.match(ctx.body, span.close_at + 1)
                found = resolve_np(ctx, agent.start("np"), agent.end("np"), prefer=FIRST) if agent else None
            if not found and (span.kind == "full" or text[:1].isupper()):
                found = _before_colon(ctx, before_start, span.open_at)
        if found:
            return Own(found, side)
        ctx.trail.clear()
    return Own(None, "")


def _before_colon(ctx: Context, start: int, stop: int) -> str | None:
    """'For Henry Reichhold, this is progress: "..."', 'Mr Blair was defiant:
    "..."': a clause that a colon ends introduces its subject's words, with
    no verb of saying."""
    lead = ctx.body[start:stop].rstrip()
    # (also a list's item with no colon: '- Newcastle boss Graeme Souness "We deserved the win."')
    listed = lead.startswith(("- ", "\u2022")) and len(lead.split()) <= LISTED_SPEAKER_WORDS
    if (
        not (lead.endswith(":") or listed)
        or has_reporting_verb(ctx.body, start, stop)
        or SENTENCE_INITIAL_VERB.match(lead)
    ):
        return None
    found = resolve_np(ctx, start, start + len(lead) - (not listed), prefer=SUBJECT)
    if found:
        ctx.trail.append("colon")
    return found


def previous_sentence_speaker(ctx: Context, span: Span, floor: int) -> str | None:
    """'The Cabinet Office said it was reviewing the scheme. "Unions will be
    consulted."': the sentence before reports speech, and the quote goes on."""
    end = sentence_start(ctx, span.open_at, floor)
    if end <= floor:
        return None
    start = sentence_start(ctx, end - 2, floor)
    text = ctx.body[start:end]
    verbs = reporting_verbs(text)
    verb = verbs[0] if verbs else None
    if not verb or verb.group("according"):
        return None
    lead = text[: verb.start()].rstrip()
    if lead.endswith(",") and len(text[verb.end() :].split()) <= INVERTED_TAIL_WORDS:
        # "The hype is over, argues Mr Donofrio." (but "Mike Hobday, from the
        # league, said video evidence ... was passed to police": the subject
        # stands before the verb, set off by an appositive)
        return resolve_np(ctx, start + verb.end(), end, prefer=FIRST)
    if verb.group("participle"):
        if not lead.endswith(","):
            return None  # "after claiming away draws": not speech reported
        return resolve_np(ctx, start, start + verb.start(), prefer=SUBJECT)
    if COORDINATED.search(text, 0, verb.start()):
        # "Mr Negroponte wants the laptops ... but conceded this was ambitious."
        return resolve_np(ctx, start, start + verb.start(), prefer=SUBJECT)
    return resolve_np(ctx, start, start + verb.start(), prefer=LAST)


def _after_context(ctx: Context, i: int, span: Span, p_end: int) -> Window | None:
    if span.close_at is None:
        return None
    body = ctx.body
    start = span.close_at + 1
    text = body[span.start : span.end].rstrip()
    if text[-1:] in ".!?":
        rest = body[start : start + 3].lstrip()
        if rest[:1].isupper() and not rest.startswith(("I ", "I'")):
            return None  # the quote ended its sentence; what follows is new
    stop = p_end
    # A boundary right after the mark is the quote's own full stop: skip it.
    k = bisect_right(ctx.boundaries, start + 1)
    if k < len(ctx.boundaries):
        stop = min(stop, ctx.boundaries[k])
    if i + 1 < len(ctx.spans):
        stop = min(stop, ctx.spans[i + 1].open_at)
    return Window(start, stop) if stop > start else None


def _from_after(ctx: Context, start: int, stop: int) -> str | None:
    text = ctx.body[start:stop]
    m = QUOTED_AS.search(text) if "quoted" in text else None
    if m:
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    m = AFTER_ACCORDING.match(text)
    if m:
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    m = AFTER_VERDICT.match(text)
    if m:  # '"...," is the dry assessment of Graham Lane, leader of ...'
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    m = CLAUSE_ACCORDING.search(text)
    if m:  # "... in the world, according to Q magazine editor Paul Rees."
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    m = AFTER_INVERTED.match(text)
    set_off = _last_word_char(ctx.body, start - 2) in _SET_OFF or text.lstrip()[:1] in _SET_OFF
    if m and not PRONOUN.match(m.group("np")) and (set_off or _SUBJECT_START.match(m.group("np"))):
        # ('"false" claims about its product': no subject after the verb, no report)
        named = APPOSITIVE_NAME.match(text, m.end("np"))
        if named:  # "said the paper's image editor, Peter Schoonen."
            return resolve_np(ctx, start + named.start("np"), start + named.end("np"), prefer=FIRST)
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    if not set_off:
        # '"Major problems" are expected as the workforce continues to age, it
        # said': the sentence goes on after the marks; only a short subject
        # right before its verb ('"sensible behaviour" he says') or the
        # sentence's end may name the speaker.
        m = AFTER_SUBJECT.match(text)
        if m and len(m.group("np").split()) <= UNMARKED_SUBJECT_WORDS and _SUBJECT_START.match(m.group("np")):
            return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=LAST)
        return _clause_final(ctx, start, text) or _parenthetical(ctx, start, text)
    m = AFTER_SUBJECT.match(text)
    if m and len(m.group("np").split()) <= MAX_SUBJECT_WORDS:
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=LAST)
    return _clause_final(ctx, start, text)


def _parenthetical(ctx: Context, start: int, text: str) -> str | None:
    m = PARENTHETICAL.search(text)
    return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=LAST) if m else None


def _last_word_char(body: str, at: int) -> str:
    """The last character of a quote's words, past white space and inner
    closing marks ('... own this property,\'"')."""
    while at > 0 and body[at] in " '\u2019":
        at -= 1
    return body[at]


def _clause_final(ctx: Context, start: int, text: str) -> str | None:
    # "... a "sensible thing to do", since he was in China, Mr Balls told the BBC."
    m = CLAUSE_FINAL.search(text)
    if m:
        if m.group("inv"):
            return resolve_np(ctx, start + m.start("inv"), start + m.end("inv"), prefer=FIRST)
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=LAST)
    return None


def _from_before(ctx: Context, start: int, stop: int) -> str | None:
    text = ctx.body[start:stop]
    m = QUOTED_AS.search(text) if "quoted" in text else None
    if m:  # 'The paper quoted Mr Chernin as saying: "..."'
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    # (the pattern's "by" and its last word tested first: the search tries every character)
    passive = "by" in text and text.rstrip().endswith(PASSIVE_BY_ENDS)
    m = PASSIVE_BY.search(text) if passive else None
    if m:  # "described by Sharon as "...""
        return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=FIRST)
    initial = SENTENCE_INITIAL_VERB.match(text)
    if initial:  # 'Said Wales assistant coach Scott Johnson: "..."': the subject follows
        return resolve_np(ctx, start + initial.start("np"), start + initial.end("np"), prefer=FIRST)
    verbs = reporting_verbs(text)
    if not verbs:
        return None
    verb = verbs[-1]
    if len(verbs) > 1 and verb.group("finite") and _INFINITIVE.search(text, 0, verb.start()):
        # "A spokesman said it was wrong to suggest the plan was to ... "...": an
        # infinitive has no subject of its own; the finite verb before it does.
        verb = verbs[-2]
    elif len(verbs) > 1 and verbs[-2].group("finite") and _PRONOUN_ONLY.fullmatch(text, verbs[-2].end(), verb.start()):
        # "The tribunal ... said it found no evidence of "...": the pronoun
        # between two verbs is the first verb's subject again; that subject
        # is named, the pronoun only points back to it.
        verb = verbs[-2]
    if verb.group("according") and not _CLAUSE_START.search(text, 0, verb.start()):
        return None  # "ranks countries according to the steps they take": not a source
    if verb.group("according"):
        # "according to X, ..." before the quote: X follows the phrase.
        return resolve_np(ctx, start + verb.end(), stop, prefer=FIRST)
    if verb.group("participle"):
        m = WITH_PARTICIPLE.search(text, 0, verb.end())
        if m and m.end() == verb.end():
            # "with leader Charles Kennedy saying": the noun after "with".
            return resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer=LAST)
    lead = text[: verb.start()].rstrip()
    if verb.group("finite") in _INVERTING and lead.endswith(",") and "," not in lead[:-1]:
        # One clause, then the verb and its subject ("Mr Mandelson, a former
        # director, told BBC Radio 4" is a subject and its appositive instead).
        inverted = _INVERTED_SUBJECT.match(text, verb.end())
        if inverted:  # "The plan would boost conservation, says the party - and ..."
            return resolve_np(ctx, start + inverted.start("np"), start + inverted.end("np"), prefer=FIRST)
    if verb.group("participle") or COORDINATED.search(text, 0, verb.start()):
        # "..., saying: ..." / "She hoped to meet Keanu Reeves but joked that
        # ...": the verb's subject is the clause's subject.
        return resolve_np(ctx, start, start + verb.start(), prefer=SUBJECT)
    return resolve_np(ctx, _past_source(ctx, start, verb), start + verb.start(), prefer=LAST)


def _past_source(ctx: Context, start: int, verb: re.Match[str]) -> int:
    """Where the verb's subject may start: after "According to Mr Peston" in
    "According to Mr Peston the prime minister said": the source only
    reports whose words they are; the subject after it spoke them."""
    stop = start + verb.start()
    source = _ACCORDING.search(ctx.body, start, stop)
    if source is None or not verb.group("finite"):
        return start
    named = mentions_in(ctx, source.end(), stop)
    if not named or named[0].start - source.end() > SOURCE_LEAD:
        return start
    # Another name or a description must follow the source's, to be the subject.
    if len(named) < 2 and not _DEFINITE.match(ctx.body, named[0].end, stop):
        return start
    return named[0].end


SOURCE_LEAD = 4  # characters between "according to" and its source's name ("Mr ")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_DEFINITE = re.compile(r"\s+(?:the|a|an)\s")  # a description after the source: "the prime minister"


def speech_in_sentence(ctx: Context, span: Span) -> bool:
    """Whether the sentence around a span, outside its marks, reports speech."""
    start = sentence_start(ctx, span.open_at, 0)
    k = bisect_right(ctx.boundaries, span.end)
    stop = ctx.boundaries[k] if k < len(ctx.boundaries) else len(ctx.body)
    stop = min(stop, (span.close_at or span.end) + MAX_SENTENCE)
    body = ctx.body
    return has_reporting_verb(body, start, span.open_at) or has_reporting_verb(body, span.close_at or span.end, stop)
