"""What the sub-commands share: loading with a report, and printing."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Sized

from byline.load import LoadResult, load_paths
from byline.load.clean import printable
from byline.model import Entry, Skipped

MAX_SKIPPED_SHOWN = 20


PATHS_HELP = "files or folders (default: the fetched articles once subscribed, else the samples)"
"""What every command says of its PATHs: what `paths_or_default` gives when there are none."""


def paths_or_default(paths: list[str]) -> list[str]:
    """PATHs as given (an http(s) URL as its kept copy), or what Byline opens by default: the
    samples until the first feed subscription, then the fetched articles (`byline.feeds.default_paths`)."""
    if paths:
        return [keep_url(path) if is_url(path) else path for path in paths]
    from byline.feeds import default_paths

    return [str(path) for path in default_paths()]


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def keep_url(url: str) -> str:
    """The kept copy of the article page at `url`: fetched the first time, opened offline after."""
    from byline.feeds.http import FetchError
    from byline.feeds.pages import keep_page
    from byline.feeds.store import FeedStore, FeedStoreError

    try:
        with FeedStore() as store:
            path, fetched = keep_page(url, store)
    except (FetchError, FeedStoreError, ValueError) as error:
        fail(f"{url}: {error}")
    if fetched:
        print(f"byline: kept {url} as {path}", file=sys.stderr)
    return str(path)


def load_or_exit(paths: list[str]) -> LoadResult:
    """Load PATHs (the default paths if none), report skipped files on stderr.

    Exits with status 1 when nothing at all could be loaded.
    """
    result = load_paths(paths_or_default(paths))
    report_or_exit(paths, result.articles, result.skipped)
    return result


def report_or_exit(paths: list[str], articles: Sized | int, skipped: list[Skipped]) -> None:
    """Report skipped files as `load_or_exit` does; exit with status 1 when nothing could be
    loaded from PATHs (no `articles`, or a count of them that is 0)."""
    report_skipped(LoadResult(skipped=skipped))
    exit_if_none(paths, articles)


def exit_if_none(paths: list[str], articles: Sized | int) -> None:
    """Exit with status 1, saying so, when nothing could be loaded from PATHs (no `articles`, or a
    count of them that is 0)."""
    if not articles:
        hint = "" if paths else " (no articles fetched yet? 'byline feeds refresh' fetches them)"
        fail(nothing_loaded(paths) + hint)


def say_skipped(item: Skipped) -> None:
    """Report one skipped file in its place among what is printed: what stdout holds of the files
    before it goes out first (`2>&1` keeps the walk's order), and it is said even when stdout's
    reader has left (`| head`: the BrokenPipeError goes on after it)."""
    try:
        sys.stdout.flush()
    finally:
        print(f"byline: skipped {shown_path(item.path)}: {item.reason}", file=sys.stderr)


def nothing_loaded(paths: list[str]) -> str:
    return "no articles could be loaded" + (f" from {' '.join(shown_path(p) for p in paths)}" if paths else "")


def report_skipped(result: LoadResult) -> None:
    for skipped in result.skipped:
        say_skipped(skipped)


def shown_path(path: str) -> str:
    """A file name as the terminal may show it: control characters (an escape
    code in a name could retitle or clear the terminal) and bytes that are not
    UTF-8 shown as �, and an empty name as ''."""
    return printable(str(path)) if path else "''"


# Inside JSON strings, what ensure_ascii=False leaves raw but a terminal or a
# strict UTF-8 stream must not get: C1 controls, line separators, bidi
# overrides, lone surrogates. Escaped, the document still reads back the same.
_JSON_RAW = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def to_json(value: object, **options: object) -> str:
    """`json.dumps` with ensure_ascii=False, but with nothing a terminal acts on."""
    text = json.dumps(value, ensure_ascii=False, **options)  # type: ignore[arg-type]
    if text.isascii() and "\x7f" not in text:  # (isascii is free: a str knows it)
        return text  # nothing to escape: all of _JSON_RAW but DEL is beyond ASCII
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json_listing(key: str, items: Iterable[object], rest: Callable[[], dict[str, object]]) -> None:
    """`print(to_json({key: list(items), **rest()}, indent=2))`, byte for byte, but each item
    written as it comes: a listing of a million articles starts at once and is never whole in
    memory. `rest` is asked once the items are all written (for what is only known at the end)."""
    write = sys.stdout.write
    opened = "{\n  " + to_json(key) + ": ["
    written = False
    for item in items:
        write((",\n" if written else opened + "\n") + "    " + to_json(item, indent=2).replace("\n", "\n    "))
        written = True
    close = "\n  ]" if written else opened + "]"
    more = "".join(
        f",\n  {to_json(name)}: " + to_json(value, indent=2).replace("\n", "\n  ") for name, value in rest().items()
    )
    write(close + more + "\n}\n")


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def fail(message: str, status: int = 1) -> None:
    print(f"byline: {message}", file=sys.stderr)
    raise SystemExit(status)


def load_entries_or_exit(paths: list[str]) -> list[Entry]:
    """The entries under PATHs (what Byline opens by default if none) through the corpus cache:
    a file unchanged since the last run is not analysed again. In path order, so that
    output is the same on a cold run and a warm one.

    Exits with status 1 when nothing at all could be loaded.
    """
    from byline.corpus import load_corpus
    from byline.corpus.paged import Pager
    from byline.corpus.walk import walk_order

    entries: list[Entry] = []
    skipped: list[Skipped] = []
    pager = Pager()  # past 50,000 entries, stand-ins that read their quotes from the cache
    given = paths_or_default([str(p) for p in paths])
    for batch in load_corpus(given):
        entries.extend(pager.stand_ins(batch))
        skipped.extend(batch.skipped)
        for note in batch.notes:
            print(f"byline: {note}", file=sys.stderr)
    # In walk order, not in the order the workers finished them (and no walk kept for it: a
    # million files' places would be 200 MB).
    in_walk_order = walk_order(given)
    skipped.sort(key=lambda item: in_walk_order(item.path))
    for item in skipped[:MAX_SKIPPED_SHOWN]:
        print(f"byline: skipped {printable(item.path)}: {item.reason}", file=sys.stderr)
    if len(skipped) > MAX_SKIPPED_SHOWN:
        print(f"byline: ... and {len(skipped) - MAX_SKIPPED_SHOWN:,} more skipped", file=sys.stderr)
    if not entries:
        fail("no articles could be loaded" + (f" from {' '.join(map(shown_path, paths))}" if paths else ""))
    entries.sort(key=lambda entry: entry.path)
    return entries


def shown(text: str | None) -> str:
    """One line, control characters made visible (�) and inert: names and titles on a terminal."""
    return printable(" ".join((text or "").split()))
