"""Quoted spans: where the quotation marks open and close, and which are speech.

Straight marks are told apart by what stands on either side of them; curly
marks say which way they face. A quote whose closing mark never comes (it ran
over a paragraph break, or the text lost its paragraph breaks) is cut where
the next opening mark begins, as GUIDELINES.md asks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from byline.extract.char_offsets import offsets_of

_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'  # a quotation mark, straight or curly, either way
_OPENS = "\u201c\u201e\u00ab"
_CLOSES = "\u201d\u00bb"
# What may stand before an opening straight mark, and after a closing one.
_BEFORE_OPEN = " \t\n([{\u2014\u2013-/"
_AFTER_CLOSE = " \t\n.,;:!?)]}\u2014\u2013-/'\u2019"

_WORD = re.compile(r"[\w'\u2019-]+")
_SMALL = frozenset("a an the of and or in on at to for by with from as is vs v".split())
# Words before a quoted span that make it a name or a title, never speech.
_NAMING_WORDS = tuple(
    (
        "nicknamed|dubbed|known as|so-called|codenamed|code-named|aka|"
        "titled|entitled|called|named|the word|the words|the phrase|the term|the slogan|"
        "film|movie|album|song|single|track|book|novel|memoir|play|musical|show|series|"
        "programme|program|sitcom|drama|documentary|game|magazine|column|exhibition|"
        "campaign|operation|hit|single|ep|opera|ballet|poem"
    ).split("|")
)
_NAMING = re.compile(rf"(?:\b(?:{'|'.join(_NAMING_WORDS)})\s*[,:]?\s*)$", re.IGNORECASE)

# ... unless someone is the verb's subject: "what she called "bullying"",
# "which Variety called "...", "who he called "...": their word, not a name.
_SPOKEN_NAMING = re.compile(
    r"(?:\b(?:he|she|they|we|I)|\b(?:what|which|who|whom)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})"
    r"\s+(?:(?:has|have|had)\s+)?(?:called|dubbed|termed)\s*$"
)


@dataclass(slots=True)
class Span:
    """A quoted span: `start`/`end` delimit the words, without their marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it never came
    kind: str = "full"
    chained: bool = False  # continues the span before it (no closing mark came)

    def __init__(
        self, start: int, end: int, open_at: int, close_at: int | None, kind: str = "full", chained: bool = False
    ) -> None:
        # (written out, not the dataclass's own: compiled, mypyc makes this one native; the
        # generated one runs as Python and made creating these 7x slower)
        self.start, self.end, self.open_at, self.close_at = start, end, open_at, close_at
        self.kind, self.chained = kind, chained


def find_spans(body: str, paragraph_starts: list[int]) -> list[Span]:
    spans: list[Span] = []
    bounds = paragraph_starts[1:] + [len(body) + 2]
    marks = offsets_of(body, _MARKS)  # (found with str.find, not a pattern: see char_offsets)
    for p_start, p_next in zip(paragraph_starts, bounds):
        p_end = p_next - 2
        open_at: int | None = None
        for at in marks[bisect_left(marks, p_start) : bisect_left(marks, p_end)]:
            facing = _facing(body, at, p_start, p_end)
            if open_at is None:
                if facing != "close":
                    open_at = at
            elif facing != "open":
                _emit(body, spans, open_at, at, at)
                open_at = None
            else:
                # An opening mark inside an open quote: the closing mark was lost.
                _emit(body, spans, open_at, at, None)
                open_at = at
        if open_at is not None:
            _emit(body, spans, open_at, p_end, None)
    for before, after in zip(spans, spans[1:]):
        if before.close_at is None:
            after.chained = True
    return spans


def _facing(body: str, at: int, p_start: int, p_end: int) -> str:
    char = body[at]
    if char in _OPENS:
        return "open"
    if char in _CLOSES:
        return "close"
    before = body[at - 1] if at > p_start else " "
    after = body[at + 1] if at + 1 < p_end else " "
    opens = before in _BEFORE_OPEN or before in _OPENS
    closes = after in _AFTER_CLOSE or after in _CLOSES
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _emit(body: str, spans: list[Span], open_at: int, stop: int, close_at: int | None) -> None:
    start, end = open_at + 1, stop
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in body[start:end]):
        spans.append(Span(start, end, open_at, close_at))


def kind_of(body: str, span: Span, paragraph_start: int) -> str:
    """'partial' for words woven into the writer's sentence, else 'full'."""
    text = body[span.start : span.end]
    i = span.open_at - 1
    while i >= paragraph_start and body[i] in " \t":
        i -= 1
    before = body[i] if i >= paragraph_start else ""
    if before and (before.isalnum() or before in "(-\u2013\u2014'\u2019%$\u00a3"):
        return "partial"
    if text[:1].islower():
        return "partial"
    return "full"


def _may_end_naming(lead: str) -> bool:
    """Whether `lead` may end as a _NAMING match does: in one of its words, then spaces and a
    comma or colon at most. A test for the pattern, which `re` tries at every character of the lead.
    (Beyond ASCII, the pattern's case-blind letters match more than `lower` makes: a long s, an "s".)"""
    words = lead.rstrip()
    if words.endswith((",", ":")):
        words = words[:-1].rstrip()
    return not words.isascii() or words.lower().endswith(_NAMING_WORDS)


def is_name_or_title(body: str, span: Span, paragraph_start: int) -> bool:
    """Titles of works and nicknames: quoted, but nobody's speech."""
    text = body[span.start : span.end]
    if text[-1] in ".,!?;:\u2026" or len(text) > 120:
        return False  # ends like speech, or too long for a name: every rule below needs neither
    lead = body[max(paragraph_start, span.open_at - 30) : span.open_at]
    words = _WORD.findall(text)
    if not words:
        return True
    title_case = all(w[0].isupper() or w.lower() in _SMALL or w[0].isdigit() for w in words)
    ends_like_speech = text.rstrip()[-1:] in ".,!?;:\u2026"
    if title_case and not ends_like_speech and len(words) <= 10:
        return True
    if (
        not ends_like_speech
        and len(words) <= 6
        and _may_end_naming(lead)
        and _NAMING.search(lead)
        and not _SPOKEN_NAMING.search(lead)
    ):
        return True
    # Kostas "the Greek" Kenteris: a nickname between a first name and a surname.
    if span.close_at is not None and len(words) <= 4 and not ends_like_speech:
        before = lead.rstrip().rsplit(" ", 1)[-1]
        after = body[span.close_at + 1 : span.close_at + 30].lstrip().split(" ", 1)[0]
        if before[:1].isupper() and after[:1].isupper() and lead.endswith(" "):
            return True
    return False
