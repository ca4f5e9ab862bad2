"""Property tests: whatever bytes or text a file holds, loading never crashes,
and nothing that reaches an article can drive the terminal."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.load import load_file, parse_bytes
from byline.load.clean import clean_text
from tests.helpers.hostile import TERMINAL_CONTROL, TEXT

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
