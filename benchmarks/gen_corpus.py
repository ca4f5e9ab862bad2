"""Generate a large corpus of BBC-like articles for benchmarks.

Each generated article takes a BBC article, varies its title (a prefix, a
word swapped with one from another title of the same section, a suffix) and
recombines its paragraphs with paragraphs of other articles of the same
section, keeping the BBC text layout (title, blank line, body). The output is
deterministic for a given N and seed, and a folder already generated with
the same N and seed is reused.

    python benchmarks/gen_corpus.py 10000 [--out DIR] [--seed 0]
    python benchmarks/gen_corpus.py --million [--out DIR]     # 1,000,000 articles, ~2.5 GB, once

More than 200,000 articles takes `--million` (or `--big`): gigabytes, and an hour
of a busy machine's disk, are not to be written by a typo.

From Python::

    from gen_corpus import generate
    folder = generate(out_dir, 100_000, seed=0)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "corpora" / "bbc"
FORMAT = 1
"""Bumped when the output changes, so that folders made by an older generator are remade."""
PER_FOLDER = 1000
BIG = 200_000
"""Past this many articles the command line wants --big or --million."""

_PREFIXES = ("", "", "", "", "Analysis: ", "Update: ", "Q&A: ", "In pictures: ", "Explainer: ", "Live: ")
_SUFFIXES = ("", "", "", "", " - latest", " (updated)", " - reaction", " - what we know")


def default_dir(n: int, seed: int = 0) -> Path:
    """Where a corpus goes unless told: the cache directory, never the repo."""
    sys.path.insert(0, str(REPO / "src"))
    from byline.paths import cache_dir

    return cache_dir() / "bench-corpora" / f"bbc-{n}-seed{seed}"


def read_sources(source: Path = BBC) -> dict[str, list[tuple[str, list[str]]]]:
    """BBC articles by section: (title, paragraphs). Files that are not UTF-8 are passed over."""
    sections: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(source.glob("*/*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        title, _, body = text.strip().partition("\n")
        paragraphs = [" ".join(block.split()) for block in body.split("\n\n") if block.strip()]
        if title.strip() and paragraphs:
            sections.setdefault(path.parent.name, []).append((title.strip(), paragraphs))
    if not sections:
        raise FileNotFoundError(f"no BBC articles under {source}")
    return sections


def _vary_title(rng: random.Random, title: str, other: str) -> str:
    words = title.split()
    others = other.split()
    if len(words) > 2 and others and rng.random() < 0.5:
        words[rng.randrange(1, len(words))] = rng.choice(others)
    return rng.choice(_PREFIXES) + " ".join(words) + rng.choice(_SUFFIXES)


def _recombine(rng: random.Random, paragraphs: list[str], pool: list[tuple[str, list[str]]]) -> list[str]:
    """Keep the lead paragraph; swap about a third of the rest for paragraphs of other articles."""
    out = [paragraphs[0]]
    for paragraph in paragraphs[1:]:
        if rng.random() < 0.33:
            _, donor = rng.choice(pool)
            paragraph = rng.choice(donor)
        out.append(paragraph)
    if rng.random() < 0.3:
        _, donor = rng.choice(pool)
        out.append(rng.choice(donor))
    return out


def generate(out_dir: Path | str | None, n: int, seed: int = 0, source: Path = BBC) -> Path:
    """Write `n` articles under `out_dir` (default: the cache) and return the folder.

    A folder holding the same `n`, `seed` and format already is returned as it is.
    """
    out = Path(out_dir) if out_dir is not None else default_dir(n, seed)
    marker = out / ".byline-gen"
    stamp = f"n={n} seed={seed} format={FORMAT}\n"
    if marker.is_file() and marker.read_text() == stamp:
        return out
    if out.exists():
        if not marker.is_file():
            raise FileExistsError(f"{out} exists and was not made by gen_corpus; choose another folder")
        shutil.rmtree(out)
    sections = read_sources(source)
    names = sorted(sections)
    rng = random.Random(seed)
    out.mkdir(parents=True)
    for number in range(n):
        pool = sections[names[number % len(names)]]
        title, paragraphs = pool[(number // len(names)) % len(pool)]
        other_title, _ = rng.choice(pool)
        folder = out / f"{number // PER_FOLDER:04d}"
        if number % PER_FOLDER == 0:
            folder.mkdir()
        text = _vary_title(rng, title, other_title) + "\n\n" + "\n\n".join(_recombine(rng, paragraphs, pool)) + "\n"
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
    marker.write_text(stamp)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate N BBC-like articles for benchmarks.")
    parser.add_argument("n", type=int, nargs="?", help="how many articles")
    parser.add_argument("--million", action="store_true", help="1,000,000 articles (generated once, then reused)")
    parser.add_argument("--big", action="store_true", help=f"allow more than {BIG:,} articles")
    parser.add_argument("--out", type=Path, help="folder to write (default: under the byline cache directory)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.million:
        args.n = args.n or 1_000_000
    if args.n is None:
        parser.error("how many articles? (N, or --million)")
    if args.n > BIG and not (args.million or args.big):
        parser.error(f"{args.n:,} articles is gigabytes on disk: add --big (or --million)")
    try:
        print(generate(args.out, args.n, args.seed))
    except (OSError, ValueError) as error:
        print(f"gen_corpus: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
