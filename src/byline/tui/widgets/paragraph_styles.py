"""How the reader marks an article's text: the quotes on their tint, the quote chosen, the passage
the search or find found, and (`e`) the people, organisations and places, with the legend for them.

Every piece of article text goes through `Content(...)`, never markup, so brackets and Rich tags
in an article are shown as the characters they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from byline.model import ENTITY_TYPES, Analysis, Quote
from byline.tui.widgets.paragraph_spans import with_marks

QUOTE_STYLE = "on $quote-tint"  # (themes.py)
MARKED_QUOTE_STYLE = "bold $text on $accent 45%"
MARKED_SPAN_STYLE = "bold $text on $warning 45%"  # a passage the search found, or Ctrl+F's match
ENTITY_STYLES = {
    "PERSON": "bold underline $text-secondary",
    "ORG": "bold underline $text-warning",
    "PLACE": "bold underline $text-success",
}
ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "PLACE": "place"}


def styled_paragraph(
    text: str,
    start: int,
    quotes: Sequence[tuple[int, Quote]],
    marked_quote: int | None,
    marked_span: tuple[int, int] | None,
    mentions: Sequence[tuple[str, int, int]] | None,
) -> Content:
    """The paragraph `text`, which begins at body offset `start`, with its marks: the `quotes`
    (number, quote) that touch it, `marked_quote` (a number) in its own style, the `marked_span`
    (body offsets), and the entity `mentions` (type, start, end) when entities are shown (else None)."""
    end = start + len(text)
    content = Content(text)
    for number, quote in quotes:
        if quote.end <= start or quote.start >= end:
            continue
        a, b = with_marks(text, max(quote.start, start) - start, min(quote.end, end) - start)
        content = content.stylize(MARKED_QUOTE_STYLE if number == marked_quote else QUOTE_STYLE, a, b)
    if marked_span is not None:
        span_start, span_end = marked_span
        if span_end > start and span_start < end:
            content = content.stylize(MARKED_SPAN_STYLE, max(span_start, start) - start, min(span_end, end) - start)
    for kind, m_start, m_end in mentions or ():
        if m_end > start and m_start < end:
            content = content.stylize(ENTITY_STYLES[kind], max(m_start, start) - start, min(m_end, end) - start)
    return content


def entity_legend(analysis: Analysis) -> Content:
    """What each entity colour stands for, and a word when the article names none."""
    items = [
        Content.styled(f"■ {ENTITY_LABELS[kind]}", ENTITY_STYLES[kind].replace("underline ", ""))
        for kind in ENTITY_TYPES
    ]
    note = "" if analysis.entities else "   (none found in this article)"
    return Content("   ").join(items) + Content.styled(note, "$text-muted")
