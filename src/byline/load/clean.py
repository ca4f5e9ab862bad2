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
# The same, for text that is all ASCII: deleting every other byte leaves nothing.
_ASCII_NOT_CONTROL = bytes(range(0x20, 0x7F)) + b"\t\n"
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_controls(text: str) -> str:
    """Drop escape sequences and control characters, keeping tab and newline."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # (checked at no cost: a str knows it)
        if not text.encode("ascii").translate(None, _ASCII_NOT_CONTROL):
            return text  # the common case, in a seventh of the time of the search below
    elif not _CONTROL.search(text):  # the common case, and ten times faster
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


# Control characters, and the lone surrogates that stand for a file name's
# bytes that are not UTF-8 (os.fsdecode): a strict UTF-8 stream cannot print them.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every control character shown as �: for file names and paths,
    which come from the file system as they are (a name may hold an escape code,
    or bytes that are not UTF-8). The app and the command line both show names
    through this."""
    return _UNPRINTABLE.sub("\ufffd", text)


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


TITLE_MAX = 300
"""Titles (and subtitles, authors) longer than this are cut, with an ellipsis:
a 31 MB one-line file must not become a 31 MB title."""
PARAGRAPH_MAX = 20_000
"""Paragraphs longer than this are split (at a sentence or a space) for display."""


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a space if one is near, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return (text[:cut] if cut > 0 else text[: limit - 1]).rstrip() + "\u2026"


def split_long(paragraph: str, limit: int) -> list[str]:
    """`paragraph` as pieces of at most `limit` characters, split after a
    sentence or at a space where possible, so that joining the pieces with
    spaces gives the paragraph back."""
    pieces = []
    while len(paragraph) > limit:
        cut = paragraph.rfind(". ", limit // 2, limit)
        if cut > 0:
            cut += 1
        else:
            cut = paragraph.rfind(" ", 0, limit + 1)
            if cut <= 0:
                cut = limit  # one 20,000-character word: nothing to split at
        pieces.append(paragraph[:cut].rstrip())
        paragraph = paragraph[cut:].lstrip()
    if paragraph:
        pieces.append(paragraph)
    return pieces


def same_text(a: str, b: str) -> bool:
    """Equal but for case, spacing and closing punctuation: a heading repeating a title."""

    def norm(text: str) -> str:
        return " ".join(text.casefold().split()).rstrip(".:!?\u2026 ")

    return bool(a) and norm(a) == norm(b)


_EMAIL = r"[^\s@()<>]+@[^\s@()<>]+"
_EMAIL_THEN_NAME = re.compile(rf"^(?:mailto:)?{_EMAIL}\s*\((?P<name>[^()]+)\)$")
_NAME_THEN_EMAIL = re.compile(rf"^(?P<name>[^<>()@]+?)\s*(?:<{_EMAIL}>|\({_EMAIL}\))$")


def author_name(author: str) -> str:
    """The name in `news@example.com (Aled Morgan)` or `Aled Morgan <news@example.com>`."""
    if "@" not in author:
        return author
    match = _EMAIL_THEN_NAME.match(author) or _NAME_THEN_EMAIL.match(author)
    return " ".join(match.group("name").split()) if match else author


def site_of(url: str) -> str:
    """The site an http(s) link is on, as a reader names it (`example.org`, without `www.`); else ""."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https"):
        return ""
    return host.removeprefix("www.")


def iso_date(text: str) -> str:
    """A date as `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` when it has a time of day.

    ISO 8601 and the RFC 2822 dates of feeds and mail are read; anything else
    (`spring 2024`) is kept as written. The time is the one the source gives,
    in its own zone.
    """
    text = text.strip()
    if not text or not any(ch.isdigit() for ch in text):
        return text
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return text
    day = f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    return day if (when.hour, when.minute, when.second) == (0, 0, 0) else f"{day} {when.hour:02d}:{when.minute:02d}"
