"""Copying: which way the text goes, and that it never raises."""

from __future__ import annotations

import base64
import threading

import pyperclip
import pytest

from byline import clipboard
from byline.clipboard import attribution, copy, osc52_sequence, tmux_passthrough

DESKTOP = {"DISPLAY": ":0"}
HEADLESS: dict[str, str] = {}


class Recorder:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def __call__(self, text: str) -> None:
        self.sent.append(text)


def test_system_clipboard_first_where_there_is_one() -> None:
    system, terminal = Recorder(), Recorder()
    result = copy("hello", osc52=terminal, env=DESKTOP, system=system, platform="linux")
    assert (result.method, result.ok, result.text) == ("system", True, "hello")
    assert system.sent == ["hello"] and terminal.sent == []


def test_pyperclip_without_a_mechanism_falls_back_to_the_terminal() -> None:
    def no_mechanism(text: str) -> None:
        raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism for your system.")

    terminal = Recorder()
    result = copy("hello", osc52=terminal, env=DESKTOP, system=no_mechanism, platform="linux")
    assert (result.method, result.ok) == ("terminal", True)
    assert terminal.sent == ["hello"]
    assert "OSC 52" in result.message and "tmux" not in result.message


def test_no_display_on_linux_skips_pyperclip_entirely() -> None:
    system, terminal = Recorder(), Recorder()
    result = copy("hi", osc52=terminal, env=HEADLESS, system=system, platform="linux")
    assert result.method == "terminal" and system.sent == [] and terminal.sent == ["hi"]


def test_over_ssh_without_display_skips_pyperclip_even_on_macos() -> None:
    system, terminal = Recorder(), Recorder()
    result = copy("hi", osc52=terminal, env={"SSH_CONNECTION": "1 2 3 4"}, system=system, platform="darwin")
    assert result.method == "terminal" and system.sent == []


def test_a_clipboard_tool_that_hangs_does_not_hang_the_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clipboard, "SYSTEM_TIMEOUT_S", 0.2)
    release = threading.Event()
    terminal = Recorder()
    try:
        result = copy("hi", osc52=terminal, env=DESKTOP, system=lambda text: release.wait(), platform="linux")
    finally:
        release.set()
    assert result.method == "terminal" and terminal.sent == ["hi"]


def test_inside_tmux_the_message_says_so() -> None:
    result = copy("hi", osc52=Recorder(), env={"TMUX": "/tmp/tmux-0/default,1,0"}, platform="linux")
    assert result.method == "terminal" and "tmux" in result.message


def test_neither_way_says_so_and_hands_the_text_back() -> None:
    result = copy("the words", osc52=None, env=HEADLESS, platform="linux")
    assert (result.method, result.ok, result.text) == ("none", False, "the words")
    assert "no display" in result.message and "by hand" in result.message


def test_a_terminal_without_osc52_is_not_used() -> None:
    terminal = Recorder()
    result = copy("x", osc52=terminal, env={"TERM": "linux"}, platform="linux")
    assert result.method == "none" and terminal.sent == []
    assert "Linux console" in result.message


def test_text_too_long_for_osc52_is_not_sent() -> None:
    terminal = Recorder()
    result = copy("x" * 200_000, osc52=terminal, env=HEADLESS, platform="linux")
    assert result.method == "none" and terminal.sent == [] and "too long" in result.message


def test_a_writer_that_fails_is_reported_not_raised() -> None:
    def broken(text: str) -> None:
        raise OSError("terminal gone")

    result = copy("x", osc52=broken, env=HEADLESS, platform="linux")
    assert result.method == "none" and "terminal gone" in result.message


def test_the_real_pyperclip_on_this_machine_never_raises() -> None:
    # Whatever this machine has (usually no clipboard at all in CI).
    result = copy("x", osc52=None, env=DESKTOP | {"DISPLAY": ":99"}, platform="linux")
    assert result.method in ("system", "none")
    assert result.ok == (result.method == "system")


def test_osc52_sequence_and_tmux_wrapping() -> None:
    sequence = osc52_sequence("“Hé” — x")
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\a")
    assert base64.b64decode(sequence[7:-1]).decode("utf-8") == "“Hé” — x"
    wrapped = tmux_passthrough(sequence)
    assert wrapped == "\x1bPtmux;\x1b\x1b]52;c;" + sequence[7:] + "\x1b\\"


@pytest.mark.parametrize(
    ("quote", "speaker", "title", "expected"),
    [
        (
            "Text of the quote.",
            "Speaker",
            "Title of the article",
            "“Text of the quote.” — Speaker, Title of the article",
        ),
        ("Text.", None, "Title", "“Text.” — Title"),
        ("Text.", "", "", "“Text.”"),
        ("  “Already marked,\n  over lines.” ", "  A  B ", "T\x1b[2J", "“Already marked, over lines.” — A B, T[2J"),
        ("He said “no” twice", None, None, "“He said “no” twice”"),
        ("It will be given to Europe,", "A spokesman", "T", "“It will be given to Europe” — A spokesman, T"),
        ("Two things matter:", None, None, "“Two things matter”"),
    ],
)
def test_attribution(quote: str, speaker: str | None, title: str, expected: str) -> None:
    assert attribution(quote, speaker, title) == expected


def fake_tool(folder, name: str, script: str) -> None:
    """A stand-in clipboard tool on PATH."""
    tool = folder / name
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(0o755)


def with_path(folder, monkeypatch: pytest.MonkeyPatch) -> str:
    import os

    path = f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"
    monkeypatch.setenv("PATH", path)
    return path


def test_a_clipboard_tool_that_fails_is_not_a_copy(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stale X11 forward: xclip is there, the display is not, and xclip exits 1.
    fake_tool(tmp_path, "xclip", 'cat >/dev/null\necho "Error: Can\'t open display: :99" >&2\nexit 1\n')
    path = with_path(tmp_path, monkeypatch)
    terminal = Recorder()
    result = copy("hi", osc52=terminal, env={"DISPLAY": ":99", "PATH": path}, platform="linux")
    assert result.method == "terminal" and terminal.sent == ["hi"]
    without_terminal = copy("hi", osc52=None, env={"DISPLAY": ":99", "PATH": path}, platform="linux")
    assert not without_terminal.ok and "Can't open display" in without_terminal.message


def test_a_clipboard_tool_that_works_is_a_copy(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(tmp_path, "xclip", f"cat > {tmp_path / 'copied'}\n")
    path = with_path(tmp_path, monkeypatch)
    result = copy("hi there", osc52=Recorder(), env={"DISPLAY": ":0", "PATH": path}, platform="linux")
    assert result.method == "system" and (tmp_path / "copied").read_text() == "hi there"


def test_a_hanging_clipboard_tool_is_killed_not_left_behind(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    fake_tool(tmp_path, "xclip", f"echo $$ > {tmp_path / 'pid'}\nexec sleep 60\n")
    monkeypatch.setattr(clipboard, "SYSTEM_TIMEOUT_S", 0.5)
    with pytest.raises(RuntimeError, match="did not answer"):
        clipboard.run_tool([str(tmp_path / "xclip")], "hi")
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped
