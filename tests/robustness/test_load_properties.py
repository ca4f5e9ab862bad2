"""Property tests: whatever bytes or text a file holds, loading never crashes,
and nothing that reaches an article can drive the terminal."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.load import load_file, parse_bytes
from byline.load.clean import clean_text

# Anything a terminal would act on: C0 controls but tab and newline, DEL, C1.
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Text that tends to break things: combining marks, right-to-left scripts,
# emoji and wide CJK, escape codes, markup-like brackets, unbalanced quotes.
NASTY = st.sampled_from(
    [
        "\u0301", "\u200d", "\u202e", "שלום עולם", "مرحبا بالعالم", "👩‍👩‍👧", "漢字かな交じり文",
        "\x1b[2J", "\x1b]0;pwned\x07", "\x9b31m", "\x00", "\r", "[bold red]", "[/]", "[link=file:///etc]",
        "“", "”", '"', "'", "‘", "’", "&#27;", "&amp;", "&#x9b;", "\n\n", "Author: ", "---\n", "<p>", "# ",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=60).map("".join)
SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".xml", ".rss", ""])


def assert_clean(article) -> None:
    for value in (article.title, article.subtitle, article.author, article.author_bio, article.body):
        assert not TERMINAL_CONTROL.search(value), repr(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), suffix=SUFFIXES)
def test_random_bytes_never_crash_a_load(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    result = load_file(path)
    assert len(result.articles) + len(result.skipped) >= 1
    for article in result.articles:
        assert_clean(article)
    for skipped in result.skipped:
        assert skipped.reason and "\n" not in skipped.reason


@settings(max_examples=150, deadline=None)
@given(text=TEXT, suffix=SUFFIXES)
def test_random_text_in_any_format(text: str, suffix: str) -> None:
    try:
        articles = parse_bytes(text.encode("utf-8", "surrogatepass"), "f" + suffix, suffix)
    except ValueError:
        return  # refused with a reason, which load_file reports as a skipped file
    for article in articles:
        assert_clean(article)


@given(text=TEXT)
def test_cleaning_is_idempotent_and_leaves_no_control(text: str) -> None:
    once = clean_text(text)
    assert not TERMINAL_CONTROL.search(once)
    assert clean_text(once) == once or "&" in once  # a decoded &amp;amp; may decode again


@settings(max_examples=10, deadline=None)
@given(length=st.integers(min_value=100_000, max_value=400_000))
def test_very_long_lines(length: int) -> None:
    data = ("Long title\n\n" + "word [x] “q ” " * (length // 14)).encode()
    (article,) = parse_bytes(data, "long.txt", ".txt")
    assert article.title == "Long title" and len(article.body) > length // 2
