"""`byline index`: build or refresh the index cache, or clear it."""

from __future__ import annotations

import argparse
import sys

MAX_SKIPPED_SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: the fetched articles once subscribed, else the samples)",
    )
    parser.add_argument("--clear", action="store_true", help="remove the index cache (then index PATHs, if given)")


def run(args: argparse.Namespace) -> int:
    from byline.corpus.cache import cache_path, clear_cache

    if args.clear:
        path = cache_path()
        try:
            removed = clear_cache(path)
        except OSError as error:
            print(f"byline: cannot remove {path}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"removed the index cache {path}" if removed else f"no index cache at {path}")
        if not args.paths:
            return 0
    return _index(args.paths)


def _index(paths: list[str]) -> int:
    from byline.cli.common import paths_or_default
    from byline.cli.progress import Progress
    from byline.corpus import load_corpus

    progress = Progress("indexing")
    articles = cached = done = 0
    skipped = []
    try:
        for batch in load_corpus(paths_or_default([str(p) for p in paths])):
            articles += len(batch.entries)
            cached += batch.cached
            done = batch.done
            skipped.extend(batch.skipped)
            for note in batch.notes:
                print(f"byline: {note}", file=sys.stderr)
            progress.update(batch.done, batch.total, force=batch.total is not None and batch.done == batch.total)
    finally:
        progress.finish()
    for item in skipped[:MAX_SKIPPED_SHOWN]:
        print(f"byline: skipped {item.path}: {item.reason}", file=sys.stderr)
    if len(skipped) > MAX_SKIPPED_SHOWN:
        print(f"byline: ... and {len(skipped) - MAX_SKIPPED_SHOWN:,} more skipped", file=sys.stderr)
    seconds = progress.elapsed
    print(
        f"{articles:,} articles from {done:,} files ({cached:,} from the cache, {done - cached:,} read); "
        f"{len(skipped):,} skipped; {seconds:.2f} s"
    )
    return 0 if articles or not skipped else 1
