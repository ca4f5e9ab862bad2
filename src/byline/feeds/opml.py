"""OPML import and export: outlines with an `xmlUrl` are feeds; the outlines around them are folders, kept as tags.

The file is screened like a feed (a DOCTYPE that declares entities is refused)
and parsed with the standard library's expat, which fetches no external entity.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from byline.feeds.parse import declares_entities
from byline.load.clean import clean_line

MAX_OPML_BYTES = 5 * 1024 * 1024


class OPMLError(ValueError):
    pass


@dataclass(frozen=True)
class Outline:
    url: str
    title: str
    tags: tuple[str, ...]


def parse_opml(data: bytes) -> list[Outline]:
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(f"larger than {MAX_OPML_BYTES // 2**20} MB: not an OPML subscription list")
    if declares_entities(data):
        raise OPMLError("refused: the file declares XML entities")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise OPMLError(f"not well-formed XML ({error})") from None
    if root.tag.lower() != "opml":
        raise OPMLError(f"not OPML (the root element is <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise OPMLError("OPML without a <body>")
    found: list[Outline] = []
    seen: set[str] = set()

    def walk(node: ET.Element, folders: tuple[str, ...]) -> None:
        for child in node:
            if child.tag != "outline":
                continue
            url = clean_line(child.get("xmlUrl") or child.get("xmlurl") or "")
            name = clean_line(child.get("title") or child.get("text") or "")
            if url:
                name = "" if name == url else name  # exported without a title: named by its URL
                tags = folders + tuple(
                    t for t in (clean_line(x) for x in (child.get("category") or "").split(",")) if t
                )
                if url not in seen:
                    seen.add(url)
                    found.append(Outline(url, name, tuple(dict.fromkeys(t.strip("/") for t in tags if t.strip("/")))))
            walk(child, folders + ((name,) if name and not url else ()))

    walk(body, ())
    return found


def export_opml(outlines: list[Outline], title: str = "Byline subscriptions") -> str:
    """OPML 2.0: a feed with tags sits in the folder of its first tag; the others go in `category`."""
    folders: dict[str, list[Outline]] = {}
    for outline in outlines:
        folders.setdefault(outline.tags[0] if outline.tags else "", []).append(outline)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(title)}</title></head>",
        "  <body>",
    ]
    for folder, members in folders.items():
        indent = "    "
        if folder:
            lines.append(f"    <outline text={quoteattr(folder)} title={quoteattr(folder)}>")
            indent = "      "
        for o in members:
            extra = o.tags[1:] if folder else o.tags
            category = f" category={quoteattr(','.join(extra))}" if extra else ""
            name = o.title or o.url
            lines.append(
                f'{indent}<outline type="rss" text={quoteattr(name)} title={quoteattr(name)} '
                f"xmlUrl={quoteattr(o.url)}{category}/>"
            )
        if folder:
            lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
