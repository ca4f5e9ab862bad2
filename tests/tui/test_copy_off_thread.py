"""Copies that wait on another program run off the UI thread; inside tmux the notice names the fix, once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from byline import clipboard
from byline.tui import copying

pytestmark = pytest.mark.usefixtures("fake_extractor", "no_display")


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def wait_until(pilot, condition, tries: int = 500) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not met")


async def test_a_hanging_clipboard_tool_leaves_the_app_answering(
    open_app, small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = tmp_path / "release"
    tool = tmp_path / "bin" / "xclip"
    tool.parent.mkdir()
    tool.write_text(f"#!/bin/sh\nwhile [ ! -e {release} ]; do sleep 0.05; done\nexit 1\n", encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tool.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(clipboard, "SYSTEM_TIMEOUT_S", 30)
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("tab", "tab")  # the sidebar, on the first quote
        await pilot.press("y")
        # The tool hangs, and the app still moves on.
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: app.article_list.cursor == 1)
        assert not notices(app), "the copy is still waiting on the tool"
        release.touch()
        await wait_until(pilot, lambda: notices(app))
        assert "Copied through the terminal" in notices(app)[-1], "xclip failed: never called a copy"
        assert app.clipboard


async def test_inside_tmux_the_notice_names_the_fix_once(
    open_app, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setattr(copying, "tmux_takes_osc52", lambda: False)
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("tab", "tab")
        await pilot.press("y")
        await wait_until(pilot, lambda: len(notices(app)) == 1)
        await pilot.press("y")
        await wait_until(pilot, lambda: len(notices(app)) == 2)
        first, second = notices(app)
        assert "set -g set-clipboard on" in first and "tmux.conf" in first
        assert "set-clipboard" not in second
        # Neither says "Copied": tmux may have dropped both.
        assert [n.title for n in app._notifications] == ["Sent to the terminal"] * 2


async def test_inside_tmux_with_set_clipboard_on_no_hint(open_app, small_corpus: Path, monkeypatch) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setattr(copying, "tmux_takes_osc52", lambda: True)
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("tab", "tab", "y")
        await wait_until(pilot, lambda: notices(app))
        assert "set-clipboard" not in notices(app)[0] and [n.title for n in app._notifications] == ["Copied"]
