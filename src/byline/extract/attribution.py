"""Who said each quote: the one place that decides, and says why.

For each quote the candidates are gathered from every kind of evidence the
text gives (its own attribution after or before it, the quote it runs on
from, the quote before it, a speaker introduced in the sentence before it,
the person the text is about just then), each candidate scored by the
weight of its evidence, the weights summed where several kinds name the
same speaker, and the best chosen. The quote's `evidence` lists what named
the winner (and how a pronoun, role or body was resolved); its `confidence`
comes from a small logistic model over that evidence, whose weights are
learned at development time by `tools/train_attribution.py` and shipped in
`lexicons/attribution_weights.json`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from byline.extract.lexicons import speaker_words
from byline.extract.quotes import Span
from byline.extract.speaker_bodies import fuller_body
from byline.extract.speaker_context import (
    Context,
    full_form,
    fullest_person,
    gender_of,
    mentions_in,
    paragraph_of,
    person_name,
    sentence_start,
)
from byline.extract.speaker_pronouns import is_subject, resolve_pronoun
from byline.extract.speaker_sites import (
    AFTER,
    BEFORE,
    own_attribution,
    previous_sentence_speaker,
    speech_in_sentence,
)
from byline.extract.whole_words import has_whole_word
from byline.model import LOW_CONFIDENCE

# LOW_CONFIDENCE (in byline.model, where the UI reads it) is 0.8: cross-validated
# over the 121 labelled training articles (dev, tune, tune-2), two in five
# attributions below it were wrong, against one in twenty above it (see
# tools/train_attribution.py).

# Below LOW_CONFIDENCE: an inferred speaker whom the quote itself names, or
# one taken from nearby for a quote whose own attribution was not read.
NAMED_IN_QUOTE_CONFIDENCE = round(LOW_CONFIDENCE - 0.05, 3)

RUNS_ON = "quote-runs-on"  # the same speech, cut by a lost mark or a paragraph break
SAME_SENTENCE = "same-sentence-as-previous-quote"
CONTINUES = "continues-previous-quote"
INTRODUCED = "introduced-before-quote"
NEARBY = "subject-nearby"
NEW_SUBJECT = "new-subject-before-quote"
UNREAD = "own-attribution-unread"

# How much each kind of evidence counts for the speaker it names. Own
# attributions outrank everything; a speaker introduced in the sentence just
# before a quote outranks the speaker of an earlier quote.
SOURCE_WEIGHT = {
    AFTER: 4.0,
    BEFORE: 3.5,
    RUNS_ON: 3.0,
    SAME_SENTENCE: 2.5,
    INTRODUCED: 1.6,
    NEW_SUBJECT: 1.4,
    CONTINUES: 1.2,
    NEARBY: 0.5,
}
MAX_PARAGRAPH_GAP = 1  # paragraphs a quote-only paragraph may look back for its speaker
# A sentence whose subject is a pronoun, after a linking word ("But he is
# confident ..."); not the "it" of "it is" / "it was", which stands for nothing.
_REFERRING_IT = r"[Ii]t(?!\s+(?:is|was|has been|had been|would be|will be)\b)"
_PRONOUN_SUBJECT = re.compile(
    rf"(?:(?:But|And|Yet|So|However|Now),?\s+)?(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{_REFERRING_IT})\b"
)

_LINKED = re.compile(r"(?:And|But|Yet|Also)\s+(?![Hh]e\b|[Ss]he\b|[Tt]hey\b|[Ww]e\b|I\b)")


@dataclass(slots=True)
class Attribution:
    speaker: str | None
    evidence: tuple[str, ...] = ()
    confidence: float = 0.0
    features: dict[str, float] = field(default_factory=dict)

    def __init__(
        self,
        speaker: str | None,
        evidence: tuple[str, ...] = (),
        confidence: float = 0.0,
        features: dict[str, float] | None = None,
    ) -> None:
        # (written out, not the dataclass's own: compiled, mypyc makes this one native; the
        # generated one runs as Python and made creating these 7x slower)
        self.speaker, self.evidence, self.confidence = speaker, evidence, confidence
        self.features = {} if features is None else features


@dataclass(slots=True)
class _Candidate:
    speaker: str
    source: str
    trail: tuple[str, ...]

    def __init__(self, speaker: str, source: str, trail: tuple[str, ...]) -> None:
        # (written out, not the dataclass's own: compiled, mypyc makes this one native; the
        # generated one runs as Python and made creating these 7x slower)
        self.speaker, self.source, self.trail = speaker, source, trail


def attribute(ctx: Context) -> list[Attribution]:
    """An attribution (speaker, evidence, confidence) for each span, in order."""
    spans = ctx.spans
    paragraphs = [paragraph_of(ctx, span.open_at) for span in spans]
    own: list[_Candidate | None] = []
    for i, span in enumerate(spans):
        ctx.trail.clear()
        speaker, side = own_attribution(ctx, i, span, paragraphs[i])
        own.append(_Candidate(speaker, side, tuple(ctx.trail)) if speaker else None)
        ctx.speakers.append(speaker)
    kinds = _speaker_kinds(ctx)
    found: list[Attribution] = []
    for i, span in enumerate(spans):
        candidates = _gather(ctx, i, span, paragraphs, own, found)
        decided = _decide(span, candidates, kinds)
        if decided.speaker and decided.speaker in ctx.acronyms:
            decided.speaker = full_form(ctx, decided.speaker)
            decided.evidence += (f"acronym->{decided.speaker}",)
        elif decided.speaker and (fuller := fullest_person(ctx, decided.speaker)) != decided.speaker:
            decided.speaker = fuller
            decided.evidence += (f"fuller-name->{fuller}",)
        elif decided.speaker and (body := fuller_body(ctx, decided.speaker)) != decided.speaker:
            decided.speaker = body
            decided.evidence += (f"fuller-name->{body}",)
        if (
            decided.speaker
            and decided.features.get("inferred")
            and _calls_by_surname(ctx, span, decided.speaker, kinds)
        ):
            # '"... Tony Blair has healed rifts ..."' carried over to Tony Blair:
            # a quote that speaks of its speaker by name is seldom his; flag it.
            decided.evidence += ("speaker-named-in-quote",)
            decided.confidence = min(decided.confidence, NAMED_IN_QUOTE_CONFIDENCE)
        carried = found[-1] if found and decided.evidence[:1] in ((CONTINUES,), (SAME_SENTENCE,), (RUNS_ON,)) else None
        if (decided.evidence[:1] == (NEARBY,) and speech_in_sentence(ctx, span)) or (
            carried and carried.speaker == decided.speaker and UNREAD in carried.evidence
        ):
            # '"...," Broadcast magazine said.' taken for the person the text was
            # about: the quote names a speaker of its own that the rules could not
            # read, and nine times in twelve on the BBC corpus it was someone else.
            decided.evidence += (UNREAD,)  # (and the quotes that go on from it)
            decided.confidence = min(decided.confidence, NAMED_IN_QUOTE_CONFIDENCE)
        found.append(decided)
    return found


def _calls_by_surname(ctx: Context, span: Span, name: str, kinds: dict[str, str]) -> bool:
    """Whether a quote speaks of a person, named in full, by his surname."""
    words = name.split()
    # (a quote whose closing mark never came runs on into the writer's words)
    if (
        span.close_at is None
        or len(words) < 2
        or len(words[-1]) < 3
        or kinds.get(name) not in ("PERSON", "shared-surname")
    ):
        return False
    return has_whole_word(ctx.body[span.start : span.end], words[-1])


def _speaker_kinds(ctx: Context) -> dict[str, str]:
    """Each entity's type, and "shared-surname" for a person whose surname
    another person of the article bears ("Osbourne": Ozzy or Sharon?)."""
    kinds: dict[str, str] = {e.name: e.type for e in ctx.index.entities}
    surnames = Counter(e.name.split()[-1] for e in ctx.index.entities if e.type == "PERSON" and " " in e.name)
    for e in ctx.index.entities:
        if e.type == "PERSON" and surnames[e.name.split()[-1]] > 1:
            kinds[e.name] = "shared-surname"
    return kinds


def _gather(
    ctx: Context, i: int, span: Span, paragraphs: list[int], own: list[_Candidate | None], found: list[Attribution]
) -> list[_Candidate]:
    spans = ctx.spans
    first = own[i]
    if first is not None:
        return [first]
    out: list[_Candidate] = []
    # A quote cut by a lost closing mark or a paragraph break is one speech:
    # the nearest part of it that names its speaker, before or after.
    j = i
    while j > 0 and spans[j].chained and not own[j]:
        j -= 1
    if j == i or not own[j]:
        j = i
        while j + 1 < len(spans) and spans[j + 1].chained and not own[j]:
            j += 1
    runs_on = own[j]
    if j != i and runs_on:
        return [_Candidate(runs_on.speaker, RUNS_ON, runs_on.trail)]
    previous = found[i - 1] if i else None
    if previous and previous.speaker:
        same_sentence = sentence_start(ctx, span.open_at, 0) <= spans[i - 1].open_at
        if same_sentence:
            out.append(_Candidate(previous.speaker, SAME_SENTENCE, ()))
        elif span.kind == "full" and paragraphs[i] - paragraphs[i - 1] <= MAX_PARAGRAPH_GAP:
            out.append(_Candidate(previous.speaker, CONTINUES, ()))
    if span.kind == "partial" and not out:
        carried = _carried_over(ctx, i, span, paragraphs[i], previous)
        if carried:
            out.append(carried)
    if span.kind == "full" and not span.chained:
        floor = ctx.paragraph_starts[max(0, paragraphs[i] - MAX_PARAGRAPH_GAP)]
        if i and spans[i - 1].close_at is not None:
            # After the previous quote's own sentence: '"...," Mr X told AFP.
            # "..."' continues Mr X; AFP introduces nobody.
            floor = max(floor, _next_boundary(ctx, spans[i - 1].close_at))  # type: ignore[arg-type]
        ctx.trail.clear()
        introduced = previous_sentence_speaker(ctx, span, floor)
        if introduced:
            out.append(_Candidate(introduced, INTRODUCED, tuple(ctx.trail)))
        elif out and out[0].source == CONTINUES:
            newcomer = _new_subject(ctx, span, floor, out[0].speaker)
            if newcomer:
                out.append(_Candidate(newcomer, NEW_SUBJECT, ()))
        # A full quote that nobody introduces belongs to the person the text
        # is about just then; but not where a quote nearby had no speaker either.
        elif not out and not (i and spans[i - 1].open_at >= floor and not (previous and previous.speaker)):
            ctx.trail.clear()
            nearby = resolve_pronoun(ctx, "one", span.open_at, floor)
            if nearby:
                out.append(_Candidate(nearby, NEARBY, ()))
    said = _own_pronoun(ctx, span)
    if said:
        # '"...," she said' with no "she" the rules could name: not a man's quote going on.
        out = [c for c in out if gender_of(ctx, c.speaker) not in ({"m", "f"} - {said})]
    return out


# '"...," she said': a quote whose own attribution is a bare "he" or "she".
_PRONOUN_AFTER = re.compile(r"[\s,]*(?P<p>he|she)\s+[a-z]+")
_PRONOUN_BEFORE = re.compile(r"(?:^|\s)(?P<p>[Hh]e|[Ss]he)\s+[a-z]+[:,]\s*$")
PRONOUN_BEFORE_CHARS = 30  # characters before a quote that may hold 'she said: '


def _own_pronoun(ctx: Context, span: Span) -> str | None:
    """The gender of a quote's own bare "he" or "she", or None."""
    m = _PRONOUN_AFTER.match(ctx.body, span.close_at + 1) if span.close_at is not None else None
    if m is None and span.kind == "full":
        m = _PRONOUN_BEFORE.search(ctx.body, max(0, span.open_at - PRONOUN_BEFORE_CHARS), span.open_at)
    return None if m is None else "m" if m.group("p") in ("he", "He") else "f"


def _new_subject(ctx: Context, span: Span, floor: int, previous: str) -> str | None:
    """'"What a great way to finish," said Nadal. US coach Patrick McEnroe
    wants his team to play more on clay. "It will help these guys."': a
    person other than the last speaker, the subject of the sentence right
    before a quote, takes the word from him."""
    own = sentence_start(ctx, span.open_at, floor)
    if own <= floor:
        return None
    start = sentence_start(ctx, own - 2, floor)
    for m in mentions_in(ctx, start, own):
        if m.type == "PERSON" and is_subject(ctx, m):
            name = person_name(ctx, m)
            # "Simon Taylor looks certain to get the call. "... Simon Taylor
            # is an outstanding player": a quote that names him is about him.
            return name if name != previous and not _names_in_speech(ctx, span, name) else None
    return None


def _names_in_speech(ctx: Context, span: Span, name: str) -> bool:
    """Whether a quote, or the quotes it runs on into, speak of someone: by
    either of his names, or as "he" or "she" (of his gender)."""
    k = ctx.spans.index(span)
    end = span.end
    while k + 1 < len(ctx.spans) and ctx.spans[k + 1].chained:
        k += 1
        end = ctx.spans[k].end
    words = [re.escape(w) for w in name.split() if len(w) > 2]
    words += {"m": ["he", "him", "his"], "f": ["she", "her"]}.get(gender_of(ctx, name) or "-", [])
    return (
        bool(words) and re.search(rf"\b(?:{'|'.join(words)})\b", ctx.body[span.start : end], re.IGNORECASE) is not None
    )


def _carried_over(ctx: Context, i: int, span: Span, para: int, previous: Attribution | None) -> _Candidate | None:
    """'Deloitte stressed that the slowdown was unlikely to hurt. It expects a
    series of "aggressive" rate cuts.': a partial quote whose own sentence has
    a pronoun for its subject goes on with the speaker of the sentence before
    (the previous quote's, or one a reporting verb introduced), within the
    paragraph. Without the pronoun, a quoted term in the next sentence is as
    often a scare quote or someone else's word."""
    p_start = ctx.paragraph_starts[para]
    start = sentence_start(ctx, span.open_at, p_start)
    pronoun = _PRONOUN_SUBJECT.match(ctx.body, start, span.open_at)
    before = ctx.spans[i - 1] if i else None
    if not pronoun:
        # "But he said the objections were based on a "lack of information".
        # And "intense discussions" were taking place": a sentence that a link
        # opens and that names nobody goes on with the quoted speaker before.
        if (
            before
            and previous
            and previous.speaker
            and before.open_at >= p_start
            and _LINKED.match(ctx.body, start, span.open_at)
            and _sentence_before(ctx, before, span)
            and not mentions_in(ctx, start, span.open_at)
        ):
            return _Candidate(previous.speaker, CONTINUES, ())
        return None
    if before and previous and previous.speaker and before.open_at >= p_start and _sentence_before(ctx, before, span):
        found = _Candidate(previous.speaker, CONTINUES, ())
    else:
        floor = p_start
        if before and before.close_at is not None:
            floor = max(floor, _next_boundary(ctx, before.close_at))
        ctx.trail.clear()
        introduced = previous_sentence_speaker(ctx, span, floor)
        if not introduced:
            return None
        found = _Candidate(introduced, INTRODUCED, tuple(ctx.trail))
    # The pronoun agrees: "he" or "she" is a person of that gender, "it" or
    # "they" no person ("They backed the suggestion" after Mr Pound spoke: others).
    want = {"he": "m", "his": "m", "she": "f", "her": "f"}.get(pronoun.group("p").lower(), "")
    gender = gender_of(ctx, found.speaker)
    if (not want and gender is not None) or (want and gender in ("m", "f") and gender != want):
        return None
    return found


def _sentence_before(ctx: Context, before: Span, span: Span) -> bool:
    """Whether a quote ends in the sentence right before another's."""
    own = sentence_start(ctx, span.open_at, 0)
    return before.close_at is not None and sentence_start(ctx, own - 2, 0) <= before.close_at < own


def _next_boundary(ctx: Context, pos: int) -> int:
    k = bisect_right(ctx.boundaries, pos + 1)
    return ctx.boundaries[k] if k < len(ctx.boundaries) else len(ctx.body)


def _decide(span: Span, candidates: list[_Candidate], kinds: dict[str, str]) -> Attribution:
    if not candidates:
        features = {"none": 1.0, "partial": float(span.kind == "partial")}
        return Attribution(None, ("no-attribution",), _confidence(features), features)
    if len(candidates) == 1:
        scores, best, backing = {candidates[0].speaker: 0.0}, candidates[0].speaker, candidates
    else:
        scores = {}
        for c in candidates:
            scores[c.speaker] = scores.get(c.speaker, 0.0) + SOURCE_WEIGHT[c.source]
        best = max(scores, key=scores.__getitem__)  # first-gathered wins a tie
        backing = [c for c in candidates if c.speaker == best]
    evidence = tuple(dict.fromkeys(x for c in backing for x in (c.source, *c.trail)))
    features = {f"source:{c.source}": 1.0 for c in backing}
    for mark in evidence:
        if mark not in SOURCE_WEIGHT:  # how a pronoun, role or body was resolved
            features[f"via:{mark.split('->', 1)[0]}"] = 1.0
    features["inferred"] = float(not any(c.source in (AFTER, BEFORE) for c in backing))
    features["rivals"] = float(len(scores) - 1)
    features["partial"] = float(span.kind == "partial")
    features["agreeing"] = float(len(backing) - 1)
    features["one-word-name"] = float(" " not in best)
    features[f"speaker:{kinds.get(best, 'description' if best[:1].islower() else 'unlisted')}"] = 1.0
    return Attribution(best, evidence, _confidence(features), features)


def _confidence(features: dict[str, float]) -> float:
    weights = speaker_words().attribution_weights
    if not weights:
        return 1.0
    z = weights.get("bias", 0.0)
    for name, value in features.items():
        if name in weights:
            z += weights[name] * value
    return round(1.0 / (1.0 + math.exp(-z)), 3)
