"""Bookmarks exported (JSON, CSV, Markdown) and imported back (JSON, CSV), checked on the way in."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any, Literal

from byline.load.clean import strip_controls
from byline.model import cited
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
MAX_OFFSET = 2**53
"""Far past any article's length, and inside what SQLite (and JSON readers) hold exactly."""


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
            writer.writerow({k: "" if row[k] is None else _defused(row[k]) for k in CSV_FIELDS})
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
            lines.append(f"> “{cited(_md_line(b.quote))}”{speaker}")
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


def parse_export(text: str, fmt: str) -> tuple[list[Bookmark], list[str]]:
    """The bookmarks in an export (JSON or CSV), checked one by one, and a problem per bad one.

    Raises BookmarkImportError when the file as a whole is not an export.
    """
    problems: list[str] = []
    if fmt == "json":
        records, where = _json_records(text), "bookmark"
    elif fmt == "csv":
        records, where = _csv_records(text, problems), "row"
    else:
        raise BookmarkImportError(f"cannot import {fmt!r} (choose from {', '.join(IMPORT_FORMATS)})")
    bookmarks = []
    for number, record in enumerate(records, 1):
        if isinstance(record, str):  # a CSV row the reader could not make sense of
            problems.append(f"{where} {number}: {record}")
            continue
        try:
            bookmarks.append(_record_to_bookmark(_undefused(record) if fmt == "csv" else record))
        except (TypeError, ValueError, AttributeError, OverflowError, RecursionError) as exc:
            problems.append(f"{where} {number}: {exc}")
    return bookmarks, problems


def _json_records(text: str) -> list[Any]:
    try:
        document = json.loads(text)
    except RecursionError:
        raise BookmarkImportError("not a Byline bookmarks export (JSON nested too deep)") from None
    except ValueError as exc:
        raise BookmarkImportError(f"not valid JSON: {exc}") from None
    records = document.get("bookmarks") if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise BookmarkImportError("not a Byline bookmarks export (no list of bookmarks)")
    return records


def _csv_records(text: str, problems: list[str]) -> list[dict[str, Any] | str]:
    """The rows, each a dict, or the reason it could not be read."""
    # A cell can be as long as the file (a long note): the default limit is 128 KiB.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        reader = csv.DictReader(io.StringIO(text))
        try:
            fields = reader.fieldnames
        except csv.Error as exc:
            raise BookmarkImportError(f"not valid CSV: {exc}") from None
        missing = {"kind", "article_id", "title", "path"} - set(fields or ())
        if missing:
            raise BookmarkImportError(f"not a Byline bookmarks CSV (no column {', '.join(sorted(missing))})")
        records: list[dict[str, Any] | str] = []
        while True:
            line = reader.line_num
            try:
                records.append(next(reader))
            except StopIteration:
                return records
            except csv.Error as exc:
                records.append(f"not valid CSV: {exc}")
                if reader.line_num == line:  # no progress: the rest cannot be read
                    return records
    finally:
        csv.field_size_limit(limit)


# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_defusing(value: str) -> bool:
    """Whether a CSV cell gets a `'` in front: a formula, or a value that would read back as one defused."""
    while value.startswith("'"):
        value = value[1:]
    return value.startswith(_FORMULA_STARTS)


def _defused(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and _needs_defusing(value) else value


def _undefused(record: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value[1:] if isinstance(value, str) and value.startswith("'") and _needs_defusing(value[1:]) else value
        for key, value in record.items()
    }


def _record_to_bookmark(record: Any) -> Bookmark:
    if not isinstance(record, dict):
        raise ValueError("not an object")

    def text(key: str, *, clean: bool = True) -> str:
        value = record.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError(f"{key} must be text")
        # Escape codes are dropped (the README says so); a path stays as the file system names it.
        return strip_controls(value) if clean else value

    def offset(key: str) -> int | None:
        value = record.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str) and value.strip().lstrip("-").isdecimal() and len(value) < 30:
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{key} must be a whole number, not {str(value)[:20]!r}")
        if value < 0:
            raise ValueError(f"{key} must not be negative")
        if value > MAX_OFFSET:
            raise ValueError(f"{key} is too large ({str(value)[:12]}…)")
        return value

    kind = text("kind")
    if kind not in KINDS:
        raise ValueError(f"kind must be 'article' or 'quote', not {kind[:20]!r}")
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
    try:
        created = normalise_time(created) if created else now()
    except (ValueError, OverflowError):
        raise ValueError(f"created is not a date Byline can keep ({created[:40]!r})") from None
    return Bookmark(
        article_id=text("article_id"),
        path=text("path", clean=False),
        title=text("title"),
        kind=kind,
        quote=text("quote"),
        speaker=text("speaker"),
        quote_start=start,
        quote_end=end,
        note=text("note"),
        tags=parse_tags(strip_controls(tags) if isinstance(tags, str) else [strip_controls(str(t)) for t in tags]),
        created=created,
    )
