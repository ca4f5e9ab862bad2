"""Bookmarks exported (JSON, CSV, Markdown) and imported back (JSON, CSV), checked on the way in."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any, Literal

from byline.load.clean import strip_controls
from byline.userdata.bookmarks import (
    KINDS,
    Bookmark,
    BookmarkError,
    BookmarkImportError,
    is_utf8,
    normalise_time,
    now,
    parse_tags,
)

ExportFormat = Literal["json", "csv", "markdown"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "markdown")
IMPORT_FORMATS = ("json", "csv")

CSV_FIELDS = (
    "kind", "article_id", "title", "path", "quote", "speaker",
    "quote_start", "quote_end", "note", "tags", "created",
)  # fmt: skip
EXPORT_TAG = "byline-bookmarks"


def export_bookmarks(bookmarks: list[Bookmark], fmt: str) -> str:
    bookmarks = [b if is_utf8(b.path) else replace(b, path=_escaped_path(b.path)) for b in bookmarks]
    if fmt == "json":
        document = {"format": EXPORT_TAG, "version": 1, "bookmarks": [b.to_dict() for b in bookmarks]}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for bookmark in bookmarks:
            row = bookmark.to_dict()
            row["tags"] = ", ".join(bookmark.tags)
            writer.writerow({k: "" if row[k] is None else row[k] for k in CSV_FIELDS})
        return out.getvalue()
    if fmt == "markdown":
        return _markdown(bookmarks)
    raise BookmarkError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")


def _escaped_path(path: str) -> str:
    """A file name that is not UTF-8, as text an export can hold: its odd bytes as `\\udce9`."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _markdown(bookmarks: list[Bookmark]) -> str:
    lines = [f"# Bookmarks ({len(bookmarks)})", ""]
    for b in bookmarks:
        lines.append(f"## {_md_line(b.title)}")
        lines.append("")
        lines.append(f"*{b.kind}, {b.created[:16].replace('T', ' ')} UTC, `{strip_controls(b.path).replace('`', '')}`*")
        lines.append("")
        if b.kind == "quote":
            speaker = f" — {_md_line(b.speaker)}" if b.speaker else ""
            lines.append(f"> “{_md_line(b.quote)}”{speaker}")
            lines.append("")
        if b.note:
            lines.extend([f"Note: {_md_line(b.note)}", ""])
        if b.tags:
            lines.extend([f"Tags: {_md_line(', '.join(b.tags))}", ""])
    return "\n".join(lines)


def _md_line(text: str) -> str:
    """One line of Markdown that shows the text as it is (no accidental markup).

    Without control characters: the export goes to a terminal as often as to a file, and
    an imported export may carry escape codes (JSON and CSV keep them, to round-trip)."""
    flat = " ".join(strip_controls(text).split())
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in flat)


def parse_export(text: str, fmt: str) -> list[Bookmark]:
    """The bookmarks in an export (JSON or CSV), checked; raises BookmarkImportError."""
    if fmt == "json":
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise BookmarkImportError(f"not valid JSON: {exc}") from None
        if isinstance(document, dict):
            records = document.get("bookmarks")
        else:
            records = document
        if not isinstance(records, list):
            raise BookmarkImportError("not a Byline bookmarks export (no list of bookmarks)")
        where = "bookmark"
    elif fmt == "csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = {"kind", "article_id", "title", "path"} - set(reader.fieldnames or ())
        if missing:
            raise BookmarkImportError(f"not a Byline bookmarks CSV (no column {', '.join(sorted(missing))})")
        try:
            records = list(reader)
        except csv.Error as exc:
            raise BookmarkImportError(f"not valid CSV: {exc}") from None
        where = "row"
    else:
        raise BookmarkImportError(f"cannot import {fmt!r} (choose from {', '.join(IMPORT_FORMATS)})")
    bookmarks = []
    for number, record in enumerate(records, 1):
        try:
            bookmarks.append(_record_to_bookmark(record))
        except (TypeError, ValueError, AttributeError) as exc:
            raise BookmarkImportError(f"{where} {number}: {exc}") from None
    return bookmarks


def _record_to_bookmark(record: Any) -> Bookmark:
    if not isinstance(record, dict):
        raise ValueError("not an object")

    def text(key: str) -> str:
        value = record.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError(f"{key} must be text")
        return value

    def offset(key: str) -> int | None:
        value = record.get(key)
        if value in (None, ""):
            return None
        number = int(value)
        if number < 0:
            raise ValueError(f"{key} must not be negative")
        return number

    kind = text("kind")
    if kind not in KINDS:
        raise ValueError(f"kind must be 'article' or 'quote', not {kind!r}")
    if not text("article_id"):
        raise ValueError("article_id is missing")
    start, end = offset("quote_start"), offset("quote_end")
    if kind == "quote" and start is None:
        raise ValueError("a quote bookmark needs quote_start")
    if kind == "article":
        start = end = None
    created = text("created")
    tags = record.get("tags") or ""
    if not isinstance(tags, (str, list)):
        raise ValueError("tags must be text or a list")
    return Bookmark(
        article_id=text("article_id"),
        path=text("path"),
        title=text("title"),
        kind=kind,
        quote=text("quote"),
        speaker=text("speaker"),
        quote_start=start,
        quote_end=end,
        note=text("note"),
        tags=parse_tags(tags),
        created=normalise_time(created) if created else now(),
    )
