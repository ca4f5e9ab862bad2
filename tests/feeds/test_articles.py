"""Stored entries read back through `byline.load` as the text they were written from."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.feeds.articles import write_article
from byline.load import load_paths
from byline.load.clean import clean_line

TRICKY = (
    "# not a heading",
    "> not a quote",
    "- not a list",
    "1. not numbered",
    "2) nor this",
    "*stars*, _underscores_, `ticks` and [a](link)",
    "<div>not html</div> <http://x.example> a\\b",
    "===",
    "---",
    "+ plus",
    "!important [1]",
)


def test_tricky_paragraphs_read_back_unchanged(tmp_path: Path) -> None:
    path = write_article(
        "feed",
        "# Title: with *marks*",
        TRICKY,
        author="A. Writer",
        date="2026-12-02T08:00:00Z",
        url="https://example.org/a?b=1&c=2",
        feed="Feed: the name",
        root=tmp_path,
    )
    [article] = load_paths([path]).articles
    assert article.title == "# Title: with *marks*"
    assert article.paragraphs == TRICKY
    assert (article.author, article.date, article.url) == (
        "A. Writer",
        "2026-12-02 08:00",  # the loader gives one date format everywhere,
        "https://example.org/a?b=1&c=2",
    )


def test_quotes_at_either_end_of_a_headline_are_kept(tmp_path: Path) -> None:
    for title in ("'Nobody knew', says minister", 'Minister: "we will not resign"', '"Whole"', "'"):
        path = write_article("f", title, ("Body.",), author="", date="", url="", feed="", root=tmp_path)
        assert load_paths([path]).articles[0].title == title


def test_names_never_collide(tmp_path: Path) -> None:
    paths = {write_article("f", "Same", ("x",), author="", date="", url="", feed="", root=tmp_path) for _ in range(3)}
    assert {p.name for p in paths} == {"undated-same.md", "undated-same-2.md", "undated-same-3.md"}
    assert not list(tmp_path.rglob(".*.part"))


_WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS.map(clean_line).filter(bool), min_size=1, max_size=4))
def test_any_text_reads_back(tmp_path_factory, paragraphs: list[str]) -> None:
    root = tmp_path_factory.mktemp("a")
    path = write_article("f", "Title", tuple(paragraphs), author="", date="", url="", feed="", root=root)
    [article] = load_paths([path]).articles
    assert article.paragraphs == tuple(paragraphs)
