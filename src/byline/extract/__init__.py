"""Quotes, speakers and named entities, by rules and lexicons: no model download.

`analyse(article)` is the one entry point the rest of Byline uses; it never
raises on odd text. The work is split by concern:

* `quotes.py`: where quoted spans open and close, and which are speech;
* `names.py` / `entities.py`: capitalised names, typed and merged into entities
  (`cued_bodies.py`: bodies named by English words, kept by their cues);
* `speakers.py` and `attribution.py`: who said each quote (candidates, evidence,
  a decision and its confidence), resolved to the fullest name;
* `lexicons/`: the word lists the rules lean on (see its README for sources).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from byline.extract.entities import find_entities
from byline.extract.lexicons import alternation, lexicons
from byline.extract.quotes import Span, find_spans, is_name_or_title, kind_of
from byline.extract.speaker_entities import with_speakers
from byline.extract.speakers import LOW_CONFIDENCE, attribute, make_context, speech_in_sentence
from byline.model import Analysis, Article, Quote

EXTRACTOR_VERSION = "146"
"""Bumped whenever extraction output changes, so cached analyses are redone."""

__all__ = ["EXTRACTOR_VERSION", "LOW_CONFIDENCE", "analyse", "analyse_text", "is_compiled"]


MIN_ECHO = 8  # characters a partial quote needs to be recognised as an echo
ECHO_REACH = 50  # quotes each way that an echo may repeat


@cache
def _role_words() -> re.Pattern[str]:
    # (a trie, not a flat list of the roles: searched in every speaker's noun phrase)
    return re.compile(rf"\b{alternation(tuple(lexicons().roles))}\b", re.IGNORECASE)


def analyse(article: Article) -> Analysis:
    """The quotes (with speakers) and the named entities of one article."""
    return analyse_with_features(article)[0]


def analyse_with_features(article: Article) -> tuple[Analysis, list[dict[str, float]]]:
    """`analyse`, with the evidence features behind each quote's confidence
    (what `tools/train_attribution.py` learns the confidence from)."""
    lex = lexicons()
    role_words = _role_words()
    body = article.body
    paragraph_starts = _paragraph_starts(article.paragraphs)
    spans = find_spans(body, paragraph_starts)
    kept, titles = [], []
    for span in spans:
        p_start = paragraph_starts[_paragraph_of(paragraph_starts, span.open_at)]
        if is_name_or_title(body, span, p_start):
            titles.append((span.start, span.end))
            continue
        span.kind = kind_of(body, span, p_start)
        kept.append(span)
    index = find_entities(article, body, lex, titles)
    ctx = make_context(body, index, kept, paragraph_starts, role_words)
    attributions = attribute(ctx)
    speakers = [a.speaker for a in attributions]
    quotes, features = [], []
    for at, (span, found) in enumerate(zip(kept, attributions)):
        speaker, evidence, confidence = found.speaker, found.evidence, found.confidence
        if span.kind == "partial" and speaker is None and not speech_in_sentence(ctx, span):
            echoed = _echoed(body, at, kept, speakers)
            if echoed is None:
                continue  # scare quotes: marks with nobody's speech behind them
            speaker, confidence = attributions[echoed].speaker, attributions[echoed].confidence
            evidence = ("echoes-longer-quote", *attributions[echoed].evidence)
            found = attributions[echoed]
        features.append(found.features)
        quotes.append(
            Quote(body[span.start : span.end], speaker, span.start, span.end, span.kind, confidence, evidence)  # type: ignore[arg-type]
        )
    return Analysis(tuple(quotes), with_speakers(body, index.entities, quotes)), features


def _echoed(body: str, at: int, spans: list[Span], speakers: list[str | None]) -> int | None:
    """The longer, attributed quote that holds a partial quote's words, if any:
    "unfair taxes" repeats words that someone was quoted saying in full."""
    span = spans[at]
    words = body[span.start : span.end]
    if len(words) < MIN_ECHO:
        return None
    # The quotes nearby only (fifty each way): an article repeats its own
    # quotes, and looking further would make long texts slow.
    for k in range(max(0, at - ECHO_REACH), min(len(spans), at + ECHO_REACH)):
        other = spans[k]
        if k != at and speakers[k] and other.end - other.start > len(words) and words in body[other.start : other.end]:
            return k
    return None


def analyse_text(text: str) -> Analysis:
    """Analyse a bare string, its paragraphs split at blank lines."""
    paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
    return analyse(Article(id="text", path="", title="", paragraphs=paragraphs))


def is_compiled() -> bool:
    """Whether the extractor's modules run compiled by mypyc (as a standard wheel installs
    them, see hatch_build.py) or as Python source. This module itself is always source."""
    from byline.extract import quotes

    return not quotes.__file__.endswith(".py")


def _paragraph_starts(paragraphs: tuple[str, ...]) -> list[int]:
    starts, at = [], 0
    for paragraph in paragraphs:
        starts.append(at)
        at += len(paragraph) + 2
    return starts or [0]


def _paragraph_of(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1
