"""Property tests: the extractor fed the text that breaks things (scripts of every
direction and width, combining marks, emoji, very long lines, quotation marks that
never close, brackets that look like markup) never crashes, and every offset it
gives points at the words it names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.extract import analyse, analyse_text
from byline.load import parse_bytes
from tests.helpers.hostile import HOSTILE, PIECE, QUOTES, TEXT
from tests.helpers.hostile import check_analysis as check


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_hostile_text_analyses_with_honest_offsets(text: str) -> None:
    check(text, analyse_text(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(QUOTES, HOSTILE), min_size=1, max_size=20))
def test_quotation_marks_that_never_close(pieces: list[tuple[str, str]]) -> None:
    # Every mark opens or closes something; none is guaranteed a partner.
    text = " ".join(mark + words for mark, words in pieces)
    check(text, analyse_text(text))


@settings(max_examples=6, deadline=None)
@given(st.lists(PIECE, min_size=1, max_size=12), st.integers(min_value=20_000, max_value=40_000))
def test_very_long_lines(pieces: list[str], length: int) -> None:
    # One paragraph tens of thousands of characters long, no blank line anywhere
    # (quadratic in it until sentences were capped: 20 KB of "said Blair “" took two minutes).
    unit = "".join(pieces).replace("\n", " ") + " "
    text = unit * (length // len(unit) + 1)
    check(text, analyse_text(text))


@settings(max_examples=150, deadline=None)
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_whatever_a_loader_makes_of_a_file_the_extractor_takes(text: str, suffix: str) -> None:
    try:
        articles = parse_bytes(text.encode("utf-8", "surrogatepass"), "f" + suffix, suffix)
    except ValueError:
        return
    for article in articles:
        body = article.body
        analysis = analyse(article)
        for quote in analysis.quotes:
            assert body[quote.start : quote.end] == quote.text
        for entity in analysis.entities:
            assert all(0 <= start < end <= len(body) for start, end in entity.mentions)
