"""`byline quotes`: a speaker's quotes, the quotes that name someone, or what X said about Y.

Names are matched with typos forgiven; the name each one resolved to is said on
stderr (and is a field of --json), so that a script knows what it got. Exits 1
when nothing matched, as grep does.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from byline.cli.common import PATHS_HELP, fail, load_entries_or_exit, shown, shown_path
from byline.people import EntityRow, QuoteRow, Speaker

EXAMPLES = """\
examples:
  byline quotes ~/news --speaker blair                 everything Tony Blair said
  byline quotes ~/news --about brown                   quotes that name Gordon Brown, by speaker
  byline quotes ~/news --speaker blare --about brown   what Blair said about Brown (typos forgiven)
  byline quotes ~/news --speaker blair --csv > q.csv   also --json, --markdown
"""
CSV_FIELDS = ("speaker", "quote", "title", "path", "start", "end", "number", "confidence", "kind")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("--speaker", metavar="NAME", help="the quotes of this speaker (typos forgiven)")
    parser.add_argument("--about", metavar="NAME", help="the quotes that name this person, organisation or place")
    formats = parser.add_mutually_exclusive_group()
    for fmt in ("json", "csv", "markdown"):
        formats.add_argument(f"--{fmt}", dest="format", action="store_const", const=fmt, help=f"print as {fmt}")


def run(args: argparse.Namespace) -> int:
    if not (args.speaker or "").strip() and not (args.about or "").strip():
        fail("say whose quotes: --speaker NAME, --about NAME, or both", 2)
    from byline.people import People

    people = People(load_entries_or_exit(args.paths))
    speaker = entity = None
    if args.speaker:
        speaker = people.find_speaker(args.speaker)
        if speaker is None:
            fail(f"no speaker matches {shown(args.speaker)!r}")
    if args.about:
        entity = people.find_entity(args.about)
        if entity is None:
            fail(f"no person, organisation or place matches {shown(args.about)!r}")
    if args.format != "json":
        _say_resolved(args.speaker, speaker, args.about, entity)
    if speaker is not None and entity is not None:
        rows = people.said_about(speaker, entity)
    elif speaker is not None:
        rows = people.quotes_of(speaker)
    else:
        assert entity is not None
        rows = [row for _, group in people.quotes_about(entity) for row in group]
    if args.format == "json":
        print(json.dumps(as_json(args, speaker, entity, rows), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(as_csv(rows))
    elif args.format == "markdown":
        sys.stdout.write(as_markdown(speaker, entity, rows))
    else:
        for row in rows:
            low = "  [low confidence]" if row.low_confidence else ""
            print(f"{shown(row.speaker) or '(unattributed)'}: \u201c{shown(row.quote.text)}\u201d{low}")
            print(f"    {shown(row.title)}  ({shown_path(row.path)}, {row.start}-{row.end})")
    if not rows:
        print("byline: no quotes match", file=sys.stderr)
    return 0 if rows else 1


def _say_resolved(
    speaker_query: str | None, speaker: Speaker | None, about: str | None, entity: EntityRow | None
) -> None:
    if speaker is not None:
        what = "description" if speaker.described else "speaker"
        print(
            f"byline: {what} {shown(speaker_query)!r} is {shown(speaker.name)} "
            f"({speaker.quotes:,} quotes in {speaker.articles:,} articles)",
            file=sys.stderr,
        )
    if entity is not None:
        print(
            f"byline: about {shown(about)!r} is {shown(entity.name)} ({entity.type.lower()}, "
            f"{entity.articles:,} articles)",
            file=sys.stderr,
        )


def _record(row: QuoteRow) -> dict:
    return {
        "speaker": row.speaker,
        "quote": row.quote.text,
        "title": row.title,
        "path": row.path,
        "start": row.start,
        "end": row.end,
        "number": row.number + 1,  # counted from 1, as the app's "quote 4 of 27" counts
        "confidence": round(row.quote.confidence, 3),
        "kind": row.quote.kind,
    }


def as_json(args: argparse.Namespace, speaker: Speaker | None, entity: EntityRow | None, rows: list[QuoteRow]) -> dict:
    return {
        "speaker": None if speaker is None else {"query": args.speaker, "name": speaker.name, "quotes": speaker.quotes},
        "about": None if entity is None else {"query": args.about, "name": entity.name, "type": entity.type},
        "count": len(rows),
        "quotes": [_record(row) for row in rows],
    }


def _cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: no control characters, no formula (= + - @ first)."""
    if not isinstance(value, str):
        return value
    value = shown(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def as_csv(rows: list[QuoteRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell("" if value is None else value) for key, value in _record(row).items()})
    return out.getvalue()


def _md(text: str | None) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in shown(text))


def as_markdown(speaker: Speaker | None, entity: EntityRow | None, rows: list[QuoteRow]) -> str:
    heading = "Quotes"
    if speaker is not None:
        heading += f" of {_md(speaker.name)}"
    if entity is not None:
        heading += f" about {_md(entity.name)}"
    lines = [f"# {heading} ({len(rows)})", ""]
    for row in rows:
        low = " *(low confidence)*" if row.low_confidence else ""
        lines.append(f"> \u201c{_md(row.quote.text)}\u201d \u2014 {_md(row.speaker) or '(unattributed)'}{low}")
        lines.append("")
        lines.append(f"*{_md(row.title)}*, `{shown_path(row.path).replace('`', '')}`, {row.start}\u2013{row.end}")
        lines.append("")
    return "\n".join(lines)
