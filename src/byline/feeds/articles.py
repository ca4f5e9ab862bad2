"""Fetched entries kept as Markdown files with front matter, which `byline.load` reads unchanged.

`<data>/articles/<feed folder>/<date>-<title slug>.md`. Text is escaped so
that Markdown reads it back as the same text: a headline that begins with `#`
or a paragraph with `*stars*` stays what it was. Files are written to a
temporary name and renamed, so a kill mid-write leaves no half article (a
power cut just after a refresh may leave one empty: they are not fsync'd).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from byline.feeds.store import slug
from byline.load.clean import clean_line
from byline.paths import data_dir

ARTICLES = "articles"

# Characters that open inline Markdown (emphasis, code, links, HTML, autolinks, entities are decoded at load anyway).
_INLINE = re.compile(r"([\\`*_\[\]<>!|~])")
# What opens a block when it starts a paragraph: a heading, a quote, a list item, a rule, a table, a fence.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=:]|\d{1,9}(?=[.)]))")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def articles_dir() -> Path:
    return data_dir() / ARTICLES


def escape(text: str) -> str:
    """One paragraph as a Markdown paragraph that reads back as `text`."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    match = _BLOCK_START.match(text)
    if match:
        if match.group(2).isdigit():
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text


def front_matter_value(text: str) -> str:
    """One line, in double quotes, which the Markdown loader takes off (and only those)."""
    return f'"{clean_line(text)}"'


def render(title: str, paragraphs: tuple[str, ...], *, author: str, date: str, url: str, feed: str) -> str:
    lines = ["---"]
    for key, value in (("title", title), ("author", author), ("date", date), ("url", url), ("feed", feed)):
        if clean_line(value):
            lines.append(f"{key}: {front_matter_value(value)}")
    lines.append("---")
    lines.append("")
    for paragraph in paragraphs:
        if paragraph.startswith("\u2022 "):
            lines.append("- " + escape(paragraph[2:]))  # a list item, read back as "• ..."
        else:
            lines.append(escape(paragraph))
        lines.append("")
    return "\n".join(lines)


def write_article(
    folder: str,
    title: str,
    paragraphs: tuple[str, ...],
    *,
    author: str,
    date: str,
    url: str,
    feed: str,
    root: Path | None = None,
) -> Path:
    """Write one entry under `root/folder`; never overwrites: a name taken gets `-2`, `-3`..."""
    directory = (root or articles_dir()) / folder
    directory.mkdir(parents=True, exist_ok=True)
    day = date[:10] if _DAY.match(date) else "undated"
    stem = f"{day}-{slug(title)}"
    text = render(title, paragraphs, author=author, date=date, url=url, feed=feed)
    n = 1
    while True:
        path = directory / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        if not path.exists():
            break
        n += 1
    temporary = directory / f".{path.name}.part"
    # Renamed into place, so a kill leaves no half article. Not fsync'd one by one:
    # that was four fifths of a first refresh, for text the feed can give again.
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)
    return path
