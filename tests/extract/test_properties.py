"""Properties that hold for any text: no crash, and every offset is honest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.extract import analyse_text
from byline.model import ENTITY_TYPES, Analysis

# Text that looks enough like news to reach the interesting code paths:
# quote marks of every kind, capitals, titles, reporting verbs, paragraph breaks.
PIECES = st.sampled_from(
    [
        '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", " ", "  ", "\n\n", ", ", ". ", ": ", "-", "\t",
        "said", "he said", "she said", "told", "according to", "Mr", "Ms", "Sir", "Prime Minister",
        "Tony Blair", "Blair", "London", "BBC", "the", "of", "and", "European Commission", "al-Qaeda",
        "an official", "the spokesman", "Act", "US", "I", "We", "x", "\u00e9", "\x1b[31m", "<b>",
    ]
)
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)
TEXT = st.one_of(st.text(max_size=300), NEWSY)


def check(text: str, analysis: Analysis) -> None:
    paragraphs = [p.strip() for p in __import__("re").split(r"\n\s*\n", text) if p.strip()]
    body = "\n\n".join(paragraphs)
    previous = -1
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        assert quote.start > previous  # reading order
        previous = quote.start
        assert quote.kind in ("full", "partial")
    names = set()
    for entity in analysis.entities:
        assert entity.type in ENTITY_TYPES
        assert entity.count >= len(entity.mentions) >= 0
        assert entity.name not in names
        names.add(entity.name)
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(body)
            surface = body[start:end]
            assert surface.strip() == surface and surface


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_analyses_and_offsets_point_at_the_words(text: str) -> None:
    check(text, analyse_text(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(NEWSY, min_size=1, max_size=6))
def test_any_paragraphs_analyse(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    check(text, analyse_text(text))


def test_pathological_texts_analyse() -> None:
    """Runs of thousands of capitals, of 'and', of titles, of quote marks: these
    once hit Python's recursion limit or went quadratic."""
    for text in (
        "Tom and " * 3000 + "Jerry.",
        "Bank of " * 3000 + "England.",
        "Alpha " * 5000,
        "Mr. " * 5000,
        '"a ' * 5000,
        "\u201c" * 5000,
        '"Hello," said Tony Blair. ' * 2000,
    ):
        analysis = analyse_text(text)
        check(text, analysis)
