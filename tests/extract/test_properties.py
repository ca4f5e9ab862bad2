"""Properties that hold for any text: no crash, and every offset is honest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.extract import analyse_text
from tests.helpers.hostile import check_analysis as check

# Text that looks enough like news to reach the interesting code paths:
# quote marks of every kind, capitals, titles, reporting verbs, paragraph breaks.
PIECES = st.sampled_from(
    [
        '"',
        "\u201c",
        "\u201d",
        "'",
        "\u2018",
        "\u2019",
        " ",
        "  ",
        "\n\n",
        ", ",
        ". ",
        ": ",
        "-",
        "\t",
        "said",
        "he said",
        "she said",
        "told",
        "according to",
        "Mr",
        "Ms",
        "Sir",
        "Prime Minister",
        "Tony Blair",
        "Blair",
        "London",
        "BBC",
        "the",
        "of",
        "and",
        "European Commission",
        "al-Qaeda",
        "an official",
        "the spokesman",
        "Act",
        "US",
        "I",
        "We",
        "x",
        "\u00e9",
        "\x1b[31m",
        "<b>",
    ]
)
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)
TEXT = st.one_of(st.text(max_size=300), NEWSY)


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
