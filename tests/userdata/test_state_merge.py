"""Two windows share one state file: marks merge; each corpus keeps its own reading place."""

from __future__ import annotations

import json
import os
from pathlib import Path

from byline.userdata import state as state_module
from byline.userdata.state import State, StateFile, corpus_key


def test_read_marks_made_in_two_windows_are_all_kept(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    one, two = StateFile(path), StateFile(path)
    first, second = one.load(), two.load()
    first.read |= {f"a{n}" for n in range(10)}
    assert one.save(first)
    second.read |= {f"b{n}" for n in range(5)}
    assert two.save(second)
    assert len(StateFile(path).load().read) == 15
    assert len(second.read) == 15, "the other window's marks show here too"


def test_a_mark_taken_off_stays_off_and_the_other_windows_theme_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    StateFile(path).save(State(read={"x", "y"}, theme="nord"))
    one, two = StateFile(path), StateFile(path)
    first, second = one.load(), two.load()
    first.read.discard("x")
    first.theme = "light"
    assert one.save(first)
    second.read.add("z")
    assert two.save(second)
    again = StateFile(path).load()
    assert again.read == {"y", "z"} and again.theme == "light"


def test_each_corpus_keeps_its_reading_place_and_each_article_its_position(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    news, sport = corpus_key(["/news"]), corpus_key(["/sport", "/more/sport"])
    state = StateFile(path).load()
    state.remember(news, "n1", 40)
    state.remember(sport, "s1", 7)
    state.remember(news, "n2", 0)
    assert StateFile(path).save(state)
    again = StateFile(path).load()
    assert again.place(news) == ("n2", 0)
    assert again.place(sport) == ("s1", 7)
    assert again.position_of("n1") == 40, "going back to an article returns to where it was left"
    assert again.place(corpus_key(["/elsewhere"])) == (None, 0)


def test_places_from_two_windows_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    one, two = StateFile(path), StateFile(path)
    first, second = one.load(), two.load()
    first.remember(corpus_key(["/news"]), "n1", 3)
    one.save(first)
    second.remember(corpus_key(["/sport"]), "s1", 9)
    two.save(second)
    again = StateFile(path).load()
    assert again.place(corpus_key(["/news"])) == ("n1", 3) and again.place(corpus_key(["/sport"])) == ("s1", 9)


def test_the_corpus_key_is_the_sorted_absolute_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert corpus_key(["b", "a"]) == corpus_key([str(tmp_path / "a"), str(tmp_path / "b") + "/"])
    assert corpus_key(["a"]) != corpus_key(["a", "b"])


def test_a_corpus_path_that_is_not_utf8_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    odd = corpus_key([os.fsdecode(b"/news/caf\xe9")])
    state = State()
    state.remember(odd, "a1", 5)
    assert StateFile(path).save(state)
    assert StateFile(path).load().place(odd) == ("a1", 5)


def test_a_state_from_before_places_restores_its_last_article(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 1, "last_article": "old", "position": 12, "read": ["old"]}))
    state = StateFile(path).load()
    assert state.place(corpus_key(["/any"])) == ("old", 12)


def test_places_and_positions_are_capped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(state_module, "MAX_PLACES", 3)
    monkeypatch.setattr(state_module, "MAX_POSITIONS", 4)
    state = State()
    for n in range(10):
        state.remember(corpus_key([f"/c{n}"]), f"a{n}", n + 1)
    assert len(state.places) == 3 and len(state.positions) == 4
    assert state.place(corpus_key(["/c9"])) == ("a9", 10)
