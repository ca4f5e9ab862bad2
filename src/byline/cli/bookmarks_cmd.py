"""`byline bookmarks`: print or export the bookmarks; `byline bookmarks import FILE` takes an export back."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from byline.cli.common import fail, plural, shown_path

"""An export larger than this is refused: a million bookmarks export to far less."""

EXAMPLES = """\
examples:
  byline bookmarks                      newest first, one per line
  byline bookmarks --json > saved.json  export (also --csv, --markdown)
  byline bookmarks import saved.json    take an export back (JSON or CSV; '-' reads stdin)
"""
MAX_IMPORT_BYTES = 512 * 1024 * 1024
"""Larger than any export of a million bookmarks; a device or a stream of zeros stops here."""
PROBLEMS_SHOWN = 20


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
        "--format",
        dest="import_format",
        choices=["json", "csv"],
        help="with import: the file's format (default: guessed)",
    )


def run(args: argparse.Namespace) -> int:
    if args.action not in (None, "import"):
        stray = args.action if args.file is None else f"{args.action} {args.file}"
        fail(f"unexpected {stray!r}: did you mean 'byline bookmarks import {args.action}'?", 2)
    if args.action == "import" and args.file is None:
        fail("import needs a FILE (an export made with --json or --csv)", 2)

    from byline.userdata.bookmark_io import export_bookmarks
    from byline.userdata.bookmark_store import BookmarkStore
    from byline.userdata.bookmarks import BookmarkError

    store, problem = BookmarkStore.open()
    if problem:
        print(f"byline: {problem}", file=sys.stderr)
    if not store.available:
        return 1
    try:
        if args.action == "import":
            return _import(store, args.file, args.import_format or (args.format if args.format != "markdown" else None))
        bookmarks = store.all()
        try:
            if args.format:
                sys.stdout.write(export_bookmarks(bookmarks, args.format))
            else:
                _print_plain(bookmarks)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # `byline bookmarks | head`: the reader left, not an error
        except OSError as exc:
            _drop_stdout()
            fail(f"cannot write the bookmarks: {exc.strerror or exc}")
        return 0
    except BookmarkError as exc:
        fail(str(exc))
        return 1
    finally:
        store.close()


def _import(store: object, file: str, fmt: str | None) -> int:
    from byline.userdata.bookmark_store import BookmarkStore
    from byline.userdata.bookmarks import BookmarkImportError

    assert isinstance(store, BookmarkStore)
    raw = _read_import(file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{shown_path(file)} is not UTF-8 text: not a Byline export")
    fmt = fmt or _guess_format(file, text)
    try:
        result = store.import_(text, fmt)
    except BookmarkImportError as exc:
        fail(f"{shown_path(file)}: {exc}; nothing was imported")
    for problem in result.problems[:PROBLEMS_SHOWN]:
        print(f"byline: {shown_path(file)}: {problem}; not imported", file=sys.stderr)
    if len(result.problems) > PROBLEMS_SHOWN:
        more = len(result.problems) - PROBLEMS_SHOWN
        print(f"byline: {shown_path(file)}: and {more:,} more not imported", file=sys.stderr)
    there = {0: "none were", 1: "1 was"}.get(result.already_there, f"{result.already_there:,} were")
    merged = f"; {plural(result.merged, 'of those', 'of those')} took its note or tags" if result.merged else ""
    print(f"imported {plural(result.added, 'bookmark')} from {shown_path(file)}; {there} already there{merged}")
    if result.problems:
        raise SystemExit(1)
    return 0


def _read_import(file: str) -> bytes:
    """The import file's bytes: a regular file (or stdin), never more than MAX_IMPORT_BYTES.

    A device would be read until memory ran out and a named pipe would block:
    `read_regular` refuses both, and keeps the cap while reading.
    """
    from byline.load import NotRead, read_regular

    try:
        if file == "-":
            raw = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        else:
            raw = read_regular(file, MAX_IMPORT_BYTES)[0]
    except NotRead as why:
        fail(f"cannot read {shown_path(file)}: {why}" + (" ('-' reads standard input)" if "pipe" in str(why) else ""))
    except OSError as exc:
        fail(f"cannot read {shown_path(file)}: {exc.strerror or exc}")
    if len(raw) > MAX_IMPORT_BYTES:
        fail(f"{shown_path(file)} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MiB: not a Byline export")
    return raw


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the exit does not fail again flushing what could not be written."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


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
        when = b.created[:16].replace("T", " ") + " UTC"  # as stored, and as the export says
        what = attribution(b.quote, b.speaker, b.title) if b.kind == "quote" else one_line(b.title)
        tags = f"  [{', '.join(one_line(t) for t in b.tags)}]" if b.tags else ""
        print(f"{when}  {b.kind:<7}  {what}{tags}")
        if b.note:
            print(f"{'':29}note: {one_line(b.note)}")
        # A file name that is not UTF-8 holds lone surrogates: shown as \udcXX, never a crash.
        print(f"{'':29}{one_line(b.path).encode('utf-8', 'backslashreplace').decode('utf-8')}")
