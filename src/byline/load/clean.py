"""Text clean-up applied once, at load time, to everything an article holds.

After this, article text holds no terminal control sequence and no stray HTML
character reference, so no later layer has to think about either.
"""

from __future__ import annotations

import html
import re

# Whole escape sequences first (CSI, OSC, DCS/PM/APC/SOS strings, two-byte ESC
# forms), so that "\x1b[2J" vanishes rather than leaving "[2J" behind.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                       # CSI ... final byte
    | \x9b[0-?]*[ -/]*[@-~]                       # 8-bit CSI
    | [\x1b\x9d\x90\x9e\x9f\x98]                  # OSC, DCS, PM, APC, SOS introducers
      (?:\][^\x07\x1b\x9c]*|[P^_X][^\x1b\x9c]*)?  # ... and their string bodies
      (?:\x07|\x1b\\|\x9c)                        # ... up to a terminator
    | \x1b[@-Z\\-_]                               # two-byte ESC sequences
    """,
    re.VERBOSE,
)
# C0 and C1 controls but tab and newline; also DEL and the Unicode line and
# bidi-override characters that can reorder or hide what a terminal shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_controls(text: str) -> str:
    """Drop escape sequences and control characters, keeping tab and newline."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _CONTROL.search(text):  # the common case, and ten times faster
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def _unescape(match: re.Match[str]) -> str:
    decoded = html.unescape(match.group(0))
    # A reference to a control character must not smuggle one back in.
    return _CONTROL.sub("", decoded) if decoded != match.group(0) else decoded


def decode_char_refs(text: str) -> str:
    """Decode `&#233;`, `&amp;` and friends; leave a lone `&` or `AT&T` alone."""
    if "&" not in text:
        return text
    return _CHAR_REF.sub(_unescape, text)


def printable(text: str) -> str:
    """`text` with every control character shown as �: for file names and paths,
    which come from the file system as they are (a name may hold an escape code)."""
    return _CONTROL.sub("\ufffd", text)


def clean_text(text: str) -> str:
    return decode_char_refs(strip_controls(text))


def clean_line(text: str) -> str:
    """Clean text meant for one line: a title, an author, a subtitle."""
    return " ".join(clean_text(text).split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; lines inside one are joined."""
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text):
        joined = " ".join(block.split())
        if joined:
            paragraphs.append(joined)
    return paragraphs
