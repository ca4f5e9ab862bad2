"""What the sub-commands share: loading with a report, and printing."""

from __future__ import annotations

import json
import re
import sys

from byline.load import LoadResult, load_paths, sample_corpus
from byline.load.clean import printable


def load_or_exit(paths: list[str]) -> LoadResult:
    """Load PATHs (the sample corpus if none), report skipped files on stderr.

    Exits with status 1 when nothing at all could be loaded.
    """
    result = load_paths(paths or [sample_corpus()])
    report_skipped(result)
    if not result.articles:
        fail(nothing_loaded(paths))
    return result


def nothing_loaded(paths: list[str]) -> str:
    return "no articles could be loaded" + (f" from {' '.join(shown(p) for p in paths)}" if paths else "")


def report_skipped(result: LoadResult) -> None:
    for skipped in result.skipped:
        print(f"byline: skipped {shown(skipped.path)}: {skipped.reason}", file=sys.stderr)


def shown(path: str) -> str:
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
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def fail(message: str, status: int = 1) -> None:
    print(f"byline: {message}", file=sys.stderr)
    raise SystemExit(status)
