"""The reader's index of which quotes and mentions touch which paragraph."""

from __future__ import annotations

from byline.model import Analysis, Entity, Quote
from byline.tui.widgets.paragraph_spans import paragraphs_touched, spans_by_paragraph

STARTS = [0, 10, 25]  # paragraphs of 8, 13 and more characters, two apart


def test_a_span_touches_the_paragraphs_it_reaches_into() -> None:
    assert list(paragraphs_touched(STARTS, 2, 5)) == [0]
    assert list(paragraphs_touched(STARTS, 5, 12)) == [0, 1]
    assert list(paragraphs_touched(STARTS, 10, 11)) == [1]
    assert list(paragraphs_touched(STARTS, 24, 40)) == [1, 2]
    assert list(paragraphs_touched(STARTS, 3, 3)) == [] and list(paragraphs_touched([], 0, 5)) == []


def test_quotes_and_mentions_are_indexed_in_the_analysis_order() -> None:
    analysis = Analysis(
        quotes=(Quote("a", None, 1, 4), Quote("b", None, 12, 30)),
        entities=(Entity("X", "ORG", 2, ((26, 27), (2, 3))), Entity("Y", "PLACE", 1, ((27, 28),))),
    )
    quotes_in, mentions_in = spans_by_paragraph(STARTS, analysis)
    assert quotes_in == {0: [0], 1: [1], 2: [1]}
    assert mentions_in == {2: [("ORG", 26, 27), ("PLACE", 27, 28)], 0: [("ORG", 2, 3)]}
