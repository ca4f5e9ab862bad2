"""Coverage-guided fuzzing of the loaders and the extractor with atheris.

    python tests/fuzz/fuzz_core.py -max_total_time=60

Any input that crashes is saved under tests/fuzz/crashes/ (libFuzzer's
`crash-*` files); tests/fuzz/test_fuzz.py replays every saved input as a
regression test, so a crash found once is checked for ever.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRASHES = HERE / "crashes"
SEEDS = HERE / "seeds"
SUFFIXES = [".txt", ".md", ".html", ".xml", ""]
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check_one_input(data: bytes) -> None:
    """The property under test: no exception, offsets in range, no control codes."""
    from byline.extract import analyse
    from byline.load import parse_bytes

    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    try:
        articles = parse_bytes(data[1:], "fuzz" + suffix, suffix)
    except ValueError:
        return  # a refusal with a reason: what load_file reports as skipped
    for article in articles:
        body = article.body
        for value in (article.title, article.subtitle, article.author, body):
            if TERMINAL_CONTROL.search(value):
                raise AssertionError(f"control character reached the article: {value!r}")
        analysis = analyse(article)
        for quote in analysis.quotes:
            if not (0 <= quote.start <= quote.end <= len(body)) or body[quote.start : quote.end] != quote.text:
                raise AssertionError(f"quote offsets do not point at its text: {quote!r}")
        for entity in analysis.entities:
            for start, end in entity.mentions:
                if not 0 <= start < end <= len(body):
                    raise AssertionError(f"mention out of range: {entity!r}")


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["byline"]):
        import byline.extract  # noqa: F401
        import byline.load  # noqa: F401

    CRASHES.mkdir(exist_ok=True)
    # libFuzzer adds what it learns to the first corpus folder: keep the seeds clean.
    work = Path(tempfile.mkdtemp(prefix="byline-fuzz-"))
    for seed in SEEDS.iterdir():
        shutil.copy(seed, work)
    args = [sys.argv[0], *sys.argv[1:], f"-artifact_prefix={CRASHES}/", "-rss_limit_mb=4096", str(work)]
    atheris.Setup(args, check_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
