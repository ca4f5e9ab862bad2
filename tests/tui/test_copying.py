"""Copying from the app: what reached App.clipboard and what was written to the terminal."""

from __future__ import annotations

import base64

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Label, TextArea

from byline import clipboard
from byline.tui.copying import copy_from_app
from byline.tui.screens.copy_by_hand import CopyByHandScreen


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("host")


def record_writes(app: App[None], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    written: list[str] = []
    assert app._driver is not None
    monkeypatch.setattr(app._driver, "write", written.append)
    return written


def decoded(sequence: str) -> str:
    return base64.b64decode(sequence.split(";c;")[1].rstrip("\a").split("\x1b")[0]).decode("utf-8")


async def test_without_a_display_it_copies_through_the_terminal(
    no_display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Host()
    async with app.run_test():
        written = record_writes(app, monkeypatch)
        result = copy_from_app(app, "“Quoted.” — Her, Title")
        assert result.method == "terminal" and result.ok
        assert app.clipboard == "“Quoted.” — Her, Title"
        assert len(written) == 1 and written[0].startswith("\x1b]52;c;")
        assert decoded(written[0]) == "“Quoted.” — Her, Title"


async def test_inside_tmux_the_sequence_is_also_wrapped_for_passthrough(
    no_display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,123,0")
    app = Host()
    async with app.run_test():
        written = record_writes(app, monkeypatch)
        result = copy_from_app(app, "words")
        assert result.method == "terminal" and "tmux" in result.message
        assert app.clipboard == "words"
        assert written[0].startswith("\x1b]52;c;")
        assert written[1].startswith("\x1bPtmux;\x1b\x1b]52;c;") and written[1].endswith("\x1b\\")
        inner = written[1][len("\x1bPtmux;") : -2].replace("\x1b\x1b", "\x1b")
        assert inner == written[0]


async def test_a_system_clipboard_is_used_first_and_app_clipboard_still_holds_the_text(
    no_display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    system: list[str] = []
    monkeypatch.setattr(clipboard, "_system_copy", lambda text, **_: system.append(text))
    app = Host()
    async with app.run_test():
        written = record_writes(app, monkeypatch)
        result = copy_from_app(app, "via system")
        assert result.method == "system" and system == ["via system"] and written == []
        assert app.clipboard == "via system"


async def test_no_way_at_all_says_so_and_the_text_can_be_copied_by_hand(
    no_display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "linux")
    app = Host()
    async with app.run_test() as pilot:
        written = record_writes(app, monkeypatch)
        result = copy_from_app(app, "by [b]hand[/b]")
        assert result.method == "none" and not result.ok and written == []
        assert app.clipboard == ""
        app.push_screen(CopyByHandScreen(result.text, result.message))
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == "by [b]hand[/b]" and area.read_only
        assert "Linux console" in str(app.screen.query_one("#copy-reason", Label).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, CopyByHandScreen)
