"""Plain-text articles.

Two layouts are read:

* the sample layout: title, subtitle, body paragraphs, then an ``Author: NAME``
  line and the author's bio, blocks separated by blank lines;
* the BBC layout: a title line, a blank line, then the body.

An ``Author:`` line is what tells them apart.
"""

from __future__ import annotations

import re

from byline.load.clean import clean_line, clean_text
from byline.model import Article, article_id

_AUTHOR = re.compile(r"^\s*(?:Author|By)\s*:\s*(?P<name>\S.{0,80}?)\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def blocks_of(text: str) -> list[str]:
    """Paragraph blocks: lines of a block are joined, but list items stay apart."""
    out: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if any(_BULLET.match(line) for line in lines[1:]):
            out.extend(lines)
        else:
            out.append(" ".join(lines))
    return out


def parse_text(raw: str, path: str, warnings: list[str] | None = None) -> Article:
    text = clean_text(raw).strip("\ufeff")
    lines = text.lstrip("\n").split("\n", 1)
    title = clean_line(lines[0]) if lines else ""
    rest = blocks_of(lines[1]) if len(lines) > 1 else []

    author = bio = subtitle = ""
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
