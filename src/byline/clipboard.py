"""Copying text out of Byline: the system clipboard, else the terminal (OSC 52).

`copy()` never raises. It tries, in order:

1. the system clipboard through pyperclip, where there is one: not on Linux
   without a display, nor over SSH without one (pyperclip would fill the
   remote machine's clipboard, or hang or fail looking for xclip);
2. the terminal, through OSC 52, which most terminals turn into a copy on the
   machine the user sits at, even over SSH. The caller supplies the writer
   (in the app, `App.copy_to_clipboard`, which also sets `App.clipboard`);
   inside tmux the sequence must also be wrapped to pass through to the outer
   terminal (`tmux_passthrough`), which the app's writer does;
3. otherwise it says so, and hands the text back to show for copying by hand.

Also the attribution of a quote, for pasting into what one writes.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Literal

from byline.model import cited

Method = Literal["system", "terminal", "none"]

SYSTEM_TIMEOUT_S = 2.0
"""A clipboard tool that does not answer by then is treated as absent."""

OSC52_MAX_BYTES = 74_000
"""Past ~100 kB of base64 many terminals drop an OSC 52 silently."""


@dataclass(frozen=True, slots=True)
class CopyResult:
    method: Method
    ok: bool
    message: str
    """One line for the user: which way the text went, or why it could not."""
    text: str
    """What was (or should have been) copied, to show when it could not be."""


def copy(
    text: str,
    *,
    osc52: Callable[[str], None] | None = None,
    env: Mapping[str, str] | None = None,
    system: Callable[[str], None] | None = None,
    platform: str | None = None,
) -> CopyResult:
    """Copy `text` by the best way available; never raises.

    `osc52(text)` sends the text through the terminal; None where there is no
    terminal to send it to. `system` replaces pyperclip (for tests).
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    why_not_system = system_clipboard_unavailable(env, platform)
    if why_not_system is None:
        failure = _run_with_timeout(system or partial(_system_copy, env=env, platform=platform), text)
        if failure is None:
            return CopyResult("system", True, "Copied to the clipboard.", text)
        why_not_system = failure
    why_not_terminal = terminal_unavailable(text, env) if osc52 is not None else "no terminal to send it to"
    if osc52 is not None and why_not_terminal is None:
        try:
            osc52(text)
        except Exception as exc:  # a writer that fails must not take the app down
            why_not_terminal = f"the terminal could not be written to ({exc})"
        else:
            via = ", passed through tmux" if in_tmux(env) else ""
            return CopyResult(
                "terminal",
                True,
                f"Copied through the terminal (OSC 52{via}); if nothing arrived, the terminal does not allow it.",
                text,
            )
    return CopyResult(
        "none",
        False,
        f"Could not copy: {why_not_system}, and {why_not_terminal}. Copy the text by hand.",
        text,
    )


def system_clipboard_unavailable(env: Mapping[str, str], platform: str) -> str | None:
    """Why pyperclip should not be tried here, or None when it may be."""
    has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if (env.get("SSH_CONNECTION") or env.get("SSH_TTY")) and not has_display:
        return "no system clipboard over SSH"
    if platform.startswith("linux") and not has_display and not _is_wsl():
        return "no system clipboard (no display)"
    return None


def terminal_unavailable(text: str, env: Mapping[str, str]) -> str | None:
    """Why OSC 52 cannot work for this text in this terminal, or None."""
    if env.get("TERM") == "linux":
        return "the Linux console has no clipboard"
    if env.get("TERM_PROGRAM") == "Apple_Terminal":
        return "macOS Terminal does not accept OSC 52"
    if len(text.encode("utf-8", "surrogatepass")) > OSC52_MAX_BYTES:
        return "the text is too long to send through the terminal"
    return None


def in_tmux(env: Mapping[str, str] | None = None) -> bool:
    return bool((os.environ if env is None else env).get("TMUX"))


def osc52_sequence(text: str) -> str:
    """The escape sequence that asks the terminal to put `text` on the clipboard."""
    payload = base64.b64encode(text.encode("utf-8", "surrogatepass")).decode("ascii")
    return f"\x1b]52;c;{payload}\a"


def tmux_passthrough(sequence: str) -> str:
    """Wrap an escape sequence so tmux hands it to the outer terminal as it is.

    tmux >= 3.3 passes it only with `allow-passthrough on`; with
    `set-clipboard on` it takes the plain sequence itself, so the app sends both.
    """
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


TMUX_FIX = "set -g set-clipboard on"
"""The line in ~/.tmux.conf that lets a copy through OSC 52 reach the clipboard from inside tmux."""


def tmux_takes_osc52(env: Mapping[str, str] | None = None) -> bool:
    """Whether the tmux we run in accepts OSC 52 from programs (`set-clipboard on`); False if unsure."""
    if not in_tmux(env) or shutil.which("tmux") is None:
        return False
    try:
        done = subprocess.run(
            ["tmux", "show-options", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=1.0,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == "on"


def clipboard_tool(env: Mapping[str, str]) -> list[str] | None:
    """The command that copies its stdin on this Linux desktop, or None."""
    candidates = []
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def _system_copy(text: str, *, env: Mapping[str, str], platform: str) -> None:
    """Linux: the clipboard tool, whose exit status says whether the copy happened
    (pyperclip ignores it, so a dead display read as "Copied"); elsewhere pyperclip."""
    if not platform.startswith("linux") or _is_wsl():
        _pyperclip_copy(text)
        return
    command = clipboard_tool(env)
    if command is None:
        raise RuntimeError("no clipboard tool (xclip, xsel or wl-copy)")
    run_tool(command, text, dict(env))


def run_tool(command: list[str], text: str, env: dict[str, str] | None = None) -> None:
    """Feed `text` to `command`; raises unless it exits 0 within the timeout (then it is killed)."""
    # stderr to a file, not a pipe: xclip leaves a child serving the selection, which would hold a pipe open.
    with tempfile.TemporaryFile() as errors:
        tool = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        try:
            tool.communicate(text.encode("utf-8", "surrogatepass"), timeout=SYSTEM_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            tool.kill()
            tool.wait()
            raise RuntimeError(f"{command[0]} did not answer") from None
        if tool.returncode != 0:
            errors.seek(0)
            said = errors.read(400).decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"{command[0]}: {said[0] if said else f'exit status {tool.returncode}'}")


def _pyperclip_copy(text: str) -> None:
    import pyperclip

    pyperclip.copy(text)


def _run_with_timeout(copy_: Callable[[str], None], text: str) -> str | None:
    """Run a system copy on a thread; returns why it failed, or None."""
    outcome: list[str | None] = []

    def attempt() -> None:
        try:
            copy_(text)
        except Exception as exc:  # PyperclipException and whatever a tool does
            outcome.append(f"the system clipboard failed ({_first_line(exc)})")
        else:
            outcome.append(None)

    # A daemon thread: a clipboard tool that never returns must not hold up the app or its exit.
    worker = threading.Thread(target=attempt, name="byline-clipboard", daemon=True)
    worker.start()
    worker.join(SYSTEM_TIMEOUT_S)
    if not outcome:
        return "the system clipboard did not answer"
    return outcome[0]


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _is_wsl() -> bool:
    try:
        with open("/proc/version", encoding="utf-8", errors="replace") as version:
            return "microsoft" in version.read().lower()
    except OSError:
        return False


# -- attribution ----------------------------------------------------------------

_OUTER_MARKS = "\"“”„«»‘’'"


def attribution(quote: str, speaker: str | None = None, title: str | None = None) -> str:
    """`“Text of the quote.” — Speaker, Title of the article`.

    Without a speaker: `“Text.” — Title`; without either, the quote in marks.
    """
    words = one_line(quote)
    if len(words) >= 2 and words[0] in _OUTER_MARKS and words[-1] in _OUTER_MARKS:
        words = words[1:-1].strip()  # already in marks: do not mark it twice
    words = cited(words)
    source = ", ".join(part for part in (one_line(speaker or ""), one_line(title or "")) if part)
    return f"“{words}” — {source}" if source else f"“{words}”"


def one_line(text: str) -> str:
    """Whitespace collapsed, control characters (the ESC of escape codes) dropped.

    Format characters (ZWJ in emoji, RTL marks) stay: they are part of the text.
    """
    kept = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")
    return " ".join(kept.split())
