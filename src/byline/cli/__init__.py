"""The command line: `byline [PATH ...]` opens the app; sub-commands script the core.

Each sub-command lives in its own module with `add_arguments(parser)` and
`run(args) -> int`, imported only when it is used, so `byline list` never
pays for Textual and `byline` never pays for the extractor's CLI.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys

from byline import __version__

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("byline.cli.list_cmd", "print the articles found under PATHs, and the files skipped"),
    "extract": ("byline.cli.extract_cmd", "print each article's quotes, speakers and named entities"),
    "bookmarks": ("byline.cli.bookmarks_cmd", "print or export the bookmarks; 'bookmarks import FILE' takes one back"),
    "search": ("byline.cli.search_cmd", "fuzzy-search titles, quotes, speakers, entities and text"),
    "index": ("byline.cli.index_cmd", "build or refresh the index cache for PATHs (--clear removes it)"),
    "feeds": (
        "byline.cli.feeds_cmd",
        "list, add, remove, import or export feed subscriptions; 'feeds refresh' fetches",
    ),
    "speakers": ("byline.cli.speakers_cmd", "everyone quoted, merged across articles, most quoted first"),
    "quotes": ("byline.cli.quotes_cmd", "a speaker's quotes, the quotes naming someone (--about), or both"),
}

EPILOG = """\
examples:
  byline                          open the sample corpus (or, once subscribed, the fetched articles)
  byline feeds add URL            subscribe to a feed; 'byline feeds refresh' fetches its articles
  byline ~/news                   open every article under a folder
  byline list ~/news --json       the articles found, as JSON
  byline search chelsae ~/news    titles, quotes, names and text that match (typos forgiven)
  byline extract a.txt --json     quotes, speakers and entities, as JSON Lines
  byline speakers ~/news          who is quoted most, across every article
  byline quotes ~/news --speaker blair --about brown   what Blair said about Brown

Run 'byline COMMAND --help' for a command's options.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line and exit status 2, never a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"byline: {message} (see 'byline --help')", file=sys.stderr)
        raise SystemExit(2)


def _app_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items())
    parser = _Parser(
        prog="byline",
        description="Read news articles in the terminal: who said what, about whom.",
        epilog=f"commands:\n{commands}\n\n{EPILOG}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (default: the fetched articles once subscribed, else the samples)",
    )
    parser.add_argument(
        "--samples", action="store_true", help="open the sample articles, even once subscribed to feeds"
    )
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in COMMANDS:
            module_name, help_ = COMMANDS[argv[0]]
            module = importlib.import_module(module_name)
            parser = _Parser(prog=f"byline {argv[0]}", description=help_[0].upper() + help_[1:] + ".")
            module.add_arguments(parser)
            return module.run(_parse(parser, argv[1:]))
        if argv and not argv[0].startswith("-"):
            _check_first(argv[0])
        args = _app_parser().parse_args(argv)
        from byline.cli.open_app import run

        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `byline list | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0


def _check_first(word: str) -> None:
    """A first argument that is neither a command nor an existing path is a
    mistake (`byline serch foo`), not a corpus to open: say so, exit 2. A URL is an article
    page to open (fetched once, kept)."""
    from byline.cli.common import fail, is_url, shown_path

    if is_url(word) or os.path.lexists(os.path.expanduser(word)):
        return

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        fail(f"unknown command {shown_path(word)!r}; did you mean {close[0]!r}?", 2)
    fail(
        f"{shown_path(word)!r} is not a command, a file or a folder "
        f"(commands: {', '.join(COMMANDS)}; see 'byline --help')",
        2,
    )


def _parse(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """Intermixed, so that `byline search QUERY --limit 5 PATH` works too; and
    everything after `--` is positional (intermixed parsing alone drops it)."""
    if "--" not in args:
        return parser.parse_intermixed_args(args)
    cut = args.index("--")
    namespace = parser.parse_intermixed_args(args[:cut])
    tail = args[cut + 1 :]
    for action in parser._actions:  # the positionals, in order
        if action.option_strings or not tail:
            continue
        value = getattr(namespace, action.dest)
        if action.nargs in ("*", "+"):
            setattr(namespace, action.dest, [*(value or []), *tail])
            tail = []
        elif action.nargs == "?" and value is None:
            setattr(namespace, action.dest, tail.pop(0))
    if tail:
        parser.error(f"unrecognized arguments: {' '.join(tail)}")
    return namespace
