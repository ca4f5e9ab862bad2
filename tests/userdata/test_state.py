"""The saved state: round trip, atomic writes, corrupt files kept, unwritable places survived."""

from __future__ import annotations

import json
from pathlib import Path

from byline.userdata.state import State, StateFile


def test_round_trip(tmp_path: Path) -> None:
    store = StateFile(tmp_path / "state.json")
    assert store.load() == State()
    assert store.save(State(last_article="abc", position=12, read={"abc", "def"}, theme="nord"))
    again = StateFile(tmp_path / "state.json").load()
    assert again == State(last_article="abc", position=12, read={"abc", "def"}, theme="nord")
    assert not list(tmp_path.glob(".state-*")), "no temporary file is left behind"


def test_creates_the_data_dir(tmp_path: Path) -> None:
    store = StateFile(tmp_path / "a" / "b" / "state.json")
    assert store.save(State(read={"x"}))
    assert json.loads((tmp_path / "a" / "b" / "state.json").read_text())["read"] == ["x"]


def test_corrupt_file_is_moved_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    for bad in ("{ not json", "[1, 2]", '{"read": "abc"}', '{"last_article": 3}', '{"position": -1}'):
        path.write_text(bad)
        store = StateFile(path)
        assert store.load() == State()
        assert len(store.notices) == 1 and "damaged" in store.notices[0]
        assert not path.exists()
        kept = sorted(tmp_path.glob("state.corrupt-*.json"))
        assert kept and kept[-1].read_text() == bad
        for old in kept:
            old.unlink()


def test_unwritable_place_fails_once_and_quietly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = StateFile(blocker / "state.json")
    assert store.save(State(read={"x"})) is False
    assert store.save(State(read={"y"})) is False
    assert len(store.notices) == 1 and "will not be saved" in store.notices[0]


def test_a_data_folder_that_is_a_file_gives_one_notice_from_load_to_save(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = StateFile(blocker / "state.json")
    assert store.load() == State()
    assert store.save(State(read={"x"})) is False
    assert store.notices == [f"Reading position and read marks will not be saved: {blocker} is a file, not a folder."]


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "state.json"
    store = StateFile(path)
    store.save(State(read={"kept"}))

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("byline.userdata.state.os.replace", broken_replace)
    assert store.save(State(read={"new"})) is False
    assert json.loads(path.read_text())["read"] == ["kept"]
    assert not list(tmp_path.glob(".state-*"))
