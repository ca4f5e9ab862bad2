"""`byline bookmarks`: print or export the bookmarks; `byline bookmarks import FILE` takes an export back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from byline.cli.common import fail, plural, shown

IMPORT_MAX_BYTES = 512 * 1024 * 1024
"""An export larger than this is refused: a million bookmarks export to far less."""

EXAMPLES = """\
examples:
  byline bookmarks                      newest first, one per line
  byline bookmarks --json > saved.json  export (also --csv, --markdown)
  byline bookmarks import saved.json    take an export back (JSON or CSV; '-' reads stdin)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    # An optional action word rather than sub-parsers: 'byline bookmarks' alone
    # must list, and 'import FILE' is the only other thing it does.
    parser.add_argument("action", nargs="?", metavar="import", help="import FILE: add the bookmarks of an export")
    parser.add_argument("file", nargs="?", metavar="FILE", help="the export to import ('-' for stdin)")
    formats = parser.add_mutually_exclusive_group()
    for fmt in ("json", "csv", "markdown"):
        formats.add_argument(f"--{fmt}", dest="format", action="store_const", const=fmt, help=f"print as {fmt}")
    parser.add_argument(
        "--format", dest="import_format", choices=["json", "csv"], help="with import: the file's format (default: guessed)"
    )


def run(args: argparse.Namespace) -> int:
    if args.action not in (None, "import"):
        stray = args.action if args.file is None else f"{args.action} {args.file}"
        fail(f"unexpected {stray!r}: did you mean 'byline bookmarks import {args.action}'?", 2)
    if args.action == "import" and args.file is None:
        fail("import needs a FILE (an export made with --json or --csv)", 2)

    from byline.store.bookmarks import BookmarkError, BookmarkStore, export_bookmarks

    store, problem = BookmarkStore.open()
    if problem:
        print(f"byline: {problem}", file=sys.stderr)
    if not store.available:
        return 1
    try:
        if args.action == "import":
            return _import(store, args.file, args.import_format or (args.format if args.format != "markdown" else None))
        bookmarks = store.all()
        if args.format:
            sys.stdout.write(export_bookmarks(bookmarks, args.format))
        else:
            _print_plain(bookmarks)
        return 0
    except BookmarkError as exc:
        fail(str(exc))
        return 1
    finally:
        store.close()


def _import(store: object, file: str, fmt: str | None) -> int:
    from byline.store.bookmarks import BookmarkImportError, BookmarkStore

    from byline.load import NotRead, read_regular

    assert isinstance(store, BookmarkStore)
    try:
        # A regular file only, and capped: /dev/zero would be read until memory
        # ran out, and a named pipe would block. '-' reads standard input.
        raw = sys.stdin.buffer.read() if file == "-" else read_regular(file, IMPORT_MAX_BYTES)[0]
    except NotRead as why:
        fail(f"cannot read {shown(file)}: {why}" + (" ('-' reads standard input)" if "pipe" in str(why) else ""))
    except OSError as exc:
        fail(f"cannot read {shown(file)}: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{shown(file)} is not UTF-8 text: not a Byline export")
    fmt = fmt or _guess_format(file, text)
    try:
        result = store.import_(text, fmt)
    except BookmarkImportError as exc:
        fail(f"{shown(file)}: {exc}; nothing was imported")
    there = {0: "none were", 1: "1 was"}.get(result.already_there, f"{result.already_there:,} were")
    print(f"imported {plural(result.added, 'bookmark')} from {shown(file)}; {there} already there")
    return 0


def _guess_format(file: str, text: str) -> str:
    suffix = Path(file).suffix.lower()
    if suffix in (".json", ".csv"):
        return suffix[1:]
    return "json" if text.lstrip()[:1] in ("{", "[") else "csv"


def _print_plain(bookmarks: list) -> None:
    from byline.clipboard import attribution, one_line

    if not bookmarks:
        print("no bookmarks yet (press b in the app to add one)", file=sys.stderr)
    for b in bookmarks:
        when = b.created[:16].replace("T", " ")
        what = attribution(b.quote, b.speaker, b.title) if b.kind == "quote" else one_line(b.title)
        tags = f"  [{', '.join(one_line(t) for t in b.tags)}]" if b.tags else ""
        print(f"{when}  {b.kind:<7}  {what}{tags}")
        if b.note:
            print(f"{'':25}note: {one_line(b.note)}")
        print(f"{'':25}{one_line(b.path)}")
