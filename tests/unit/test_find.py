"""Finding text inside the open article."""

from __future__ import annotations

from byline.search.find import Finder, find_all

TEXT = "Élection day. The ELECTION was close; an election [bold]again[/]."


def test_every_occurrence_ignoring_case_and_accents() -> None:
    found = find_all(TEXT, "election")
    assert [TEXT[a:b] for a, b in found] == ["Élection", "ELECTION", "election"]


def test_markup_is_just_text_and_empty_finds_nothing() -> None:
    assert [TEXT[a:b] for a, b in find_all(TEXT, "[bold]")] == ["[bold]"]
    assert find_all(TEXT, "") == [] and find_all(TEXT, "  ") == [] and find_all(TEXT, "absent") == []


def test_overlapping_occurrences_are_counted_once() -> None:
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]


def test_next_and_previous_wrap_around() -> None:
    finder = Finder()
    first = finder.find(TEXT, "election", after=10)
    assert TEXT[first[0] : first[1]] == "ELECTION" and finder.status == "2 of 3"
    assert finder.next() == finder.matches[2]
    assert finder.next() == finder.matches[0] and finder.status == "1 of 3"
    assert finder.previous() == finder.matches[2]


def test_after_the_last_match_wraps_to_the_first() -> None:
    finder = Finder()
    assert finder.find(TEXT, "election", after=len(TEXT)) == finder.matches[0]


def test_no_match() -> None:
    finder = Finder()
    assert finder.find(TEXT, "zebra") is None
    assert finder.next() is None and finder.previous() is None and finder.match is None
    assert finder.status == "no match"


def test_a_word_not_in_the_article_finds_the_nearest_one_with_typos_forgiven() -> None:
    text = "Gerrard scored. Steven Gerrard is the captain; gerrard again. A cat sat."
    finder = Finder()
    first = finder.find(text, "gerard")
    assert text[first[0] : first[1]] == "Gerrard" and len(finder.matches) == 3
    assert finder.near == "gerrard" and finder.status == "1 of 3 as “gerrard”"
    # Exact matches come first, and short or many-word needles are never guessed at.
    assert finder.find(text, "cat") is not None and finder.near is None
    assert finder.find(text, "cot") is None and finder.find(text, "stevn gerard") is None
    assert finder.find(text, "zzzzzzzz") is None and finder.status == "no match"
