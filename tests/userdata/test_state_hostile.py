"""A state.json that is not what Byline wrote: never a crash, a hang or a memory blow-up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from byline.userdata import state as state_module
from byline.userdata.state import State, StateFile


def aside(folder: Path) -> list[Path]:
    return sorted(folder.glob("state.corrupt-*.json"))


def test_non_utf8_bytes_are_moved_aside_and_a_fresh_state_used(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    bad = b'{"read": ["caf\xe9"]}'
    path.write_bytes(bad)
    store = StateFile(path)
    assert store.load() == State()
    assert len(store.notices) == 1 and "damaged" in store.notices[0] and "UTF-8" in store.notices[0]
    assert [p.read_bytes() for p in aside(tmp_path)] == [bad]


def test_a_fifo_is_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    os.mkfifo(path)  # nobody will ever write to it: open() would block for ever
    store = StateFile(path)
    assert store.load() == State()
    assert len(store.notices) == 1 and "not a regular file" in store.notices[0]
    assert not path.exists() or not path.is_fifo()
    assert store.save(State(read={"x"}))
    assert StateFile(path).load().read == {"x"}


def test_a_link_to_a_device_is_not_read_to_the_end(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.symlink_to("/dev/zero")
    store = StateFile(path)
    assert store.load() == State()
    assert len(store.notices) == 1 and "not a regular file" in store.notices[0]
    assert os.path.exists("/dev/zero")  # only the link was moved


def test_a_huge_file_is_capped_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_module, "MAX_BYTES", 1000)
    path = tmp_path / "state.json"
    path.write_text('{"read": [' + ", ".join(f'"{n:08d}"' for n in range(200)) + "]}")
    store = StateFile(path)
    assert store.load() == State()
    assert "too large" in store.notices[0]
    assert len(aside(tmp_path)) == 1


def test_json_nested_too_deep_is_damage_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    store = StateFile(path)
    assert store.load() == State()
    assert "damaged" in store.notices[0]
