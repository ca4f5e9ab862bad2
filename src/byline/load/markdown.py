"""Markdown articles, with optional YAML-style front matter.

markdown-it-py (already installed with Rich) parses the document, so emphasis,
links and code spans come out as their plain text.
"""

from __future__ import annotations

import re

from byline.load.clean import clean_line, clean_text
from byline.load.text import blocks_of
from byline.model import Article, article_id

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_BYLINE = re.compile(r"^(?:by|author\s*:)\s+(?P<name>[^\n]{1,80})$", re.IGNORECASE)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        kv = _KEY_VALUE.match(line)
        if kv:
            fields[kv.group("key").lower()] = _unquote(kv.group("value").strip())
    return fields, text[match.end() :]


def _unquote(value: str) -> str:
    """`"x"` or `'x'` is x; a quote that belongs to the text (`'Nobody knew', says minister`) stays."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _blocks(text: str) -> list[tuple[str, str]]:
    """(kind, plain text) for each block: h1..h6, p, li or code."""
    from markdown_it import MarkdownIt

    blocks: list[tuple[str, str]] = []
    heading: str | None = None
    list_depth = 0
    for token in MarkdownIt("commonmark").parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = None
        elif kind in ("fence", "code_block"):
            blocks.append(("code", token.content.rstrip("\n")))
        elif kind == "html_block":
            from byline.load.feed import html_to_text

            blocks.extend(("p", block) for block in blocks_of(html_to_text(token.content)))
        elif kind == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            plain = " ".join("".join(parts).split())
            if plain:
                blocks.append((heading or ("li" if list_depth else "p"), plain))
    return blocks


def parse_markdown(raw: str, path: str, warnings: list[str] | None = None) -> Article:
    fields, text = _front_matter(clean_text(raw).lstrip("\ufeff"))
    blocks = _blocks(text)

    title = fields.get("title", "")
    if not title:
        for i, (kind, value) in enumerate(blocks):
            if kind in ("h1", "h2"):
                title = value
                del blocks[i]
                break
    subtitle = fields.get("subtitle", "") or fields.get("description", "")
    if not subtitle and blocks and blocks[0][0] in ("h2", "h3"):
        subtitle = blocks.pop(0)[1]
    author = fields.get("author", "")
    if not author and blocks:
        byline = _BYLINE.match(blocks[0][1])
        if byline and blocks[0][0] == "p":
            author = byline.group("name")
            blocks.pop(0)

    paragraphs = tuple(("\u2022 " + value) if kind == "li" else value for kind, value in blocks)
    if not title and paragraphs:
        title, paragraphs = paragraphs[0][:120], paragraphs[1:]
    title = clean_line(title)
    return Article(
        id=article_id(title, "\n\n".join(paragraphs)),
        path=path,
        title=title,
        subtitle=clean_line(subtitle),
        author=clean_line(author),
        paragraphs=paragraphs,
        format="markdown",
        date=clean_line(fields.get("date", "")),
        url=clean_line(fields.get("url", "") or fields.get("link", "")),
        warnings=tuple(warnings or ()),
        # A feed's entry kept by `byline feeds` names its feed; other front matter may name the site.
        source=clean_line(fields.get("feed", "") or fields.get("source", "") or fields.get("site", "")),
    )
