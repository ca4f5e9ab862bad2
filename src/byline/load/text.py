"""Plain-text articles.

Two layouts are read:

* the sample layout: title, subtitle, body paragraphs, then an ``Author: NAME``
  line and the author's bio, blocks separated by blank lines;
* the BBC layout: a title line, a blank line, then the body.

An ``Author:`` line is what tells them apart; the bio may follow it on the
next line or after a blank one. A ``By NAME`` line just under the title is
read as the author in either layout.
"""

from __future__ import annotations

import re

from byline.load.clean import TITLE_MAX, clean_line, clean_text
from byline.model import Article, article_id

_AUTHOR = re.compile(r"^\s*(?:Author|By)\s*:\s*(?P<name>\S.{0,80}?)\s*$", re.IGNORECASE)
# The same, as one line of a block: "Author: NAME" with the bio on the next line.
_AUTHOR_LINE = re.compile(r"^[ \t]*(?:Author|By)[ \t]*:[ \t]*\S[^\n]{0,80}$", re.IGNORECASE | re.MULTILINE)
_BY_LINE = re.compile(r"^\s*By\s+(?P<name>[^\n]{2,120}?)\s*$")
# Words that may sit lower-case inside a name: "Ursula von der Leyen".
_NAME_PARTICLES = {"and", "&", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le", "al", "bin", "ibn"}
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def squeezed(line: str) -> str:
    """`" ".join(line.split())`: its words, one space apart. Most lines already are, and telling
    so takes a third of the time: every whitespace character but the space is unprintable."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def blocks_of(text: str) -> list[str]:
    """Paragraph blocks: lines of a block are joined, but list items stay apart."""
    out: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [squeezed(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if any(_BULLET.match(line) for line in lines[1:]):
            out.extend(lines)
        else:
            out.append(" ".join(lines))
    return out


def _author_line_apart(text: str) -> str:
    """An "Author: NAME" line made a block of its own, even with the bio right under it.

    `_AUTHOR_LINE.sub(..., count=1)`, but only lines holding a colon are tried: a search
    of every line start of the text took a fifth of reading a plain-text article."""
    colon = text.find(":")
    while colon >= 0:
        start = text.rfind("\n", 0, colon) + 1
        end = text.find("\n", colon)
        end = len(text) if end < 0 else end
        if _AUTHOR_LINE.match(text, start, end):
            return f"{text[:start]}\n\n{text[start:end]}\n\n{text[end:]}"
        colon = text.find(":", end)
    return text


def byline_name(line: str) -> str | None:
    """The name in a "By Jane Smith" (or "By Jane Smith, BBC News") line; None
    when the line reads as a sentence ("By 2005 the firm had grown")."""
    match = _BY_LINE.match(line)
    if not match:
        return None
    name = re.split(r"\s*(?:,|\||\s[-\u2013\u2014]\s)\s*", match.group("name"), maxsplit=1)[0]
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    if all((w[:1].isupper() and w[:1].isalpha()) or w.lower() in _NAME_PARTICLES for w in words):
        return name
    return None


def parse_text(raw: str, path: str, warnings: list[str] | None = None) -> Article:

    text = clean_text(raw).strip("\ufeff")
    lines = text.lstrip("\n").split("\n", 1)
    title = clean_line(lines[0]) if lines else ""
    remainder = lines[1] if len(lines) > 1 else ""

    author = bio = subtitle = ""
    # "By NAME" on the first line under the title.
    remainder = _LEADING_BLANK_LINES.sub("", remainder)
    first, _, after = remainder.partition("\n")
    name = byline_name(first)
    if name:
        author, remainder = clean_line(name), after
    remainder = _author_line_apart(remainder)
    rest = blocks_of(remainder)
    if len(title) > TITLE_MAX:
        # One huge line is no title: keep its text as the body, and a cut of it as the title.
        rest.insert(0, title)

    author_at = next((i for i, block in enumerate(rest) if _AUTHOR.match(block)), None)
    if author_at is not None:
        author = _AUTHOR.match(rest[author_at]).group("name")  # type: ignore[union-attr]
        bio = " ".join(rest[author_at + 1 :])
        rest = rest[:author_at]
        # The sample layout puts a one-line subtitle between title and body.
        if len(rest) > 1 and len(rest[0]) < 300:
            subtitle, rest = rest[0], rest[1:]

    paragraphs = tuple(rest)
    return Article(
        id=article_id(title, "\n\n".join(paragraphs)),
        path=path,
        title=title,
        subtitle=subtitle,
        author=author,
        author_bio=bio,
        paragraphs=paragraphs,
        format="text",
        warnings=tuple(warnings or ()),
    )
