"""The tables are made a step at a time: a build no longer wanted stops at the next step, and
the collector is not paused while every entry is read (minutes at a million articles)."""

from __future__ import annotations

import gc

import pytest

import byline.people.steps
from byline.model import Entry
from byline.people import Cancelled, People
from tests.people.test_people import people as made  # noqa: F401  # the fixture's entries

TABLES = ["speakers", "entities", "counts"]


@pytest.fixture
def entries(made: People, monkeypatch: pytest.MonkeyPatch) -> list[Entry]:  # noqa: F811
    monkeypatch.setattr(byline.people.steps, "STEP", 1)
    return list(made.entries)


def build(entries: list[Entry], table: str, cancelled) -> People:  # type: ignore[no-untyped-def]
    people = People(entries, cancelled=cancelled if table == "speakers" else None)
    people.cancelled = cancelled
    if table in ("entities", "counts"):
        _ = people.entities if table == "entities" else people.count_entity_quotes()
    return people


@pytest.mark.parametrize("table", TABLES)
def test_a_build_no_longer_wanted_stops_at_the_next_step(entries: list[Entry], table: str) -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # wanted for two steps, then not

    with pytest.raises(Cancelled):
        build(entries, table, cancelled)
    assert len(asked) == 3  # it stopped at the first step after


@pytest.mark.parametrize("table", TABLES)
def test_a_wanted_build_is_the_same_as_one_never_asked(entries: list[Entry], table: str) -> None:
    plain, asked = People(entries), build(entries, table, lambda: False)
    assert [(s.name, s.quotes) for s in asked.speakers.named] == [(s.name, s.quotes) for s in plain.speakers.named]
    if table != "speakers":
        rows = lambda people: [(row.name, row.articles) for row in people.entities.rows]  # noqa: E731
        assert rows(asked) == rows(plain)


def test_the_collector_runs_while_every_entry_is_read(entries: list[Entry], monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading was inside a pause of the collector: at a million paged entries that pause
    lasted minutes, and the app's cyclic garbage piled up to gigabytes meanwhile."""
    seen: list[bool] = []

    def cancelled() -> bool:  # asked before each step of reading, where the collector must be on
        seen.append(gc.isenabled())
        return False

    assert gc.isenabled()
    People(entries, cancelled=cancelled)
    assert seen and all(seen)
