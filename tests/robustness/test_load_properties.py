"""Property tests: whatever bytes or text a file holds, loading never crashes,
and nothing that reaches an article can drive the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from byline.cli.common import _JSON_RAW, to_json
from byline.load import load_file, parse_bytes
from byline.load.clean import _CONTROL, _ESCAPE_SEQUENCE, clean_text, strip_controls
from byline.load.text import _AUTHOR_LINE, _author_line_apart, squeezed
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


# The fast paths of loading and printing give what the plain forms they stand for give.
# Text made of the characters each one turns on: spaces of every kind, controls, colons.
SPACES_AND_CONTROLS = st.text(
    st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x00\x07\x1b\x7f\x85\xa0\u2028\u2029\u3000:aBy")) | st.characters(),
    max_size=200,
) | st.text(st.characters(max_codepoint=0x7F), max_size=200)  # (all ASCII: a path of its own)


@given(line=SPACES_AND_CONTROLS)
def test_squeezed_is_the_words_one_space_apart(line: str) -> None:
    assert squeezed(line) == " ".join(line.split())


@given(text=SPACES_AND_CONTROLS)
@example(text="a\x7fb\td\n")
def test_controls_are_stripped_as_the_pattern_strips_them(text: str) -> None:
    text = text.replace("\r", "\n")
    expected = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text)) if _CONTROL.search(text) else text
    assert strip_controls(text) == expected


AUTHOR_LINES = st.lists(
    st.sampled_from(["Author: Ann Smith", "  by :  Jo", "BY: x", "By Ann", "Author:", "a: b", ":", "", "Text."])
    | SPACES_AND_CONTROLS.map(lambda s: s.replace("\n", " ")),
    max_size=8,
).map("\n".join)


@given(text=AUTHOR_LINES)
def test_the_author_line_is_set_apart_as_the_pattern_sets_it(text: str) -> None:
    assert _author_line_apart(text) == _AUTHOR_LINE.sub(lambda m: f"\n\n{m.group(0)}\n\n", text, count=1)


@example(value=["a\x7f"])
@given(value=st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=4), max_leaves=8))
def test_json_escapes_what_the_pattern_escapes(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert to_json(value) == _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
