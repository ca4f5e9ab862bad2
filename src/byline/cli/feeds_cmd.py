"""`byline feeds`: subscriptions to RSS/Atom feeds; `refresh` fetches their new articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from byline.cli.common import fail

ACTIONS = ("list", "add", "remove", "import", "export", "refresh")
EXAMPLES = """\
examples:
  byline feeds                              the subscriptions, with last fetch and article counts
  byline feeds add https://example.org/     a feed, or a site page that names its feed
  byline feeds add URL --tag world          ... filed under a tag (OPML folder)
  byline feeds remove 2                     by number (as listed) or URL; kept articles stay
  byline feeds import subscriptions.opml    folders become tags
  byline feeds export feeds.opml            (stdout without FILE)
  byline feeds refresh                      fetch what is new; then 'byline' opens the articles
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("action", nargs="?", default="list", choices=ACTIONS, help="what to do (default: list)")
    parser.add_argument("target", nargs="?", metavar="URL|N|FILE", help="a feed or page URL, a number, or a file")
    parser.add_argument("--tag", action="append", default=[], help="with add: a tag (repeat for more)")


def run(args: argparse.Namespace) -> int:
    from byline.feeds.store import FeedStore, FeedStoreError

    needs_target = {"add": "a URL", "remove": "a URL or a number", "import": "an OPML FILE"}
    if args.action in needs_target and not args.target:
        fail(f"feeds {args.action} needs {needs_target[args.action]}", 2)
    try:
        store = FeedStore()
    except FeedStoreError as error:
        fail(str(error))
        return 1
    if store.problem:
        print(f"byline: {store.problem}", file=sys.stderr)
    try:
        return int(globals()[f"_{args.action}"](store, args))
    finally:
        store.close()


def _list(store, args: argparse.Namespace) -> int:
    subs = store.all()
    if not subs:
        print("no subscriptions yet: 'byline feeds add URL' adds one", file=sys.stderr)
        return 0
    from byline.clipboard import one_line

    for n, sub in enumerate(subs, 1):
        tags = f"  [{', '.join(one_line(t) for t in sub.tags)}]" if sub.tags else ""
        print(f"{n:>3}. {one_line(sub.name)}{tags}")
        when = sub.last_fetch.replace("T", " ").replace("Z", " UTC") if sub.last_fetch else "never"
        status = f"{sub.last_status}: {sub.last_error}" if sub.last_error else (sub.last_status or "not fetched yet")
        print(f"     {one_line(sub.url)}")
        print(f"     last fetch {when} ({one_line(status)}); {sub.articles:,} article(s) kept")
    return 0


def _add(store, args: argparse.Namespace) -> int:
    from byline.feeds.discover import find_feed
    from byline.feeds.http import Client, FetchError
    from byline.feeds.parse import RefusedFeed

    with Client() as client:
        try:
            url, title = find_feed(client, args.target)
        except (FetchError, RefusedFeed) as error:
            fail(f"{args.target}: {error}; not subscribed")
            return 1
    sub, new = store.add(url, title, tuple(args.tag))
    if not new:
        print(f"already subscribed to {sub.name} ({sub.url})")
        return 0
    found = f" (found on {args.target})" if url != args.target else ""
    print(f"subscribed to {sub.name}: {sub.url}{found}")
    print("run 'byline feeds refresh' to fetch its articles")
    return 0


def _remove(store, args: argparse.Namespace) -> int:
    from byline.feeds import articles_dir

    sub = store.find(args.target)
    if sub is None:
        fail(f"no subscription {args.target!r} (see 'byline feeds' for the numbers and URLs)")
        return 1
    store.remove(sub)
    kept = f"; its {sub.articles:,} article(s) are kept in {articles_dir() / sub.folder}" if sub.articles else ""
    print(f"unsubscribed from {sub.name}{kept}")
    return 0


def _import(store, args: argparse.Namespace) -> int:
    from byline.feeds.http import FetchError, check_url
    from byline.feeds.opml import OPMLError, parse_opml

    try:
        data = sys.stdin.buffer.read() if args.target == "-" else Path(args.target).read_bytes()
        outlines = parse_opml(data)
    except OSError as error:
        fail(f"cannot read {args.target}: {error.strerror or error}")
        return 1
    except OPMLError as error:
        fail(f"{args.target}: {error}; nothing was imported")
        return 1
    added = already = refused = 0
    for outline in outlines:
        try:
            check_url(outline.url)
        except FetchError as error:
            print(f"byline: skipped {outline.url}: {error}", file=sys.stderr)
            refused += 1
            continue
        _, new = store.add(outline.url, outline.title, outline.tags)
        added, already = added + new, already + (not new)
    print(f"imported {added} feed(s) from {args.target}; {already} already subscribed, {refused} skipped")
    return 0 if added or already or not outlines else 1


def _export(store, args: argparse.Namespace) -> int:
    from byline.feeds.opml import Outline, export_opml

    text = export_opml([Outline(s.url, s.title, s.tags) for s in store.all()])
    if not args.target or args.target == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.target).write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {args.target}: {error.strerror or error}")
    print(f"exported {store.count()} feed(s) to {args.target}", file=sys.stderr)
    return 0


def _refresh(store, args: argparse.Namespace) -> int:
    from byline.cli.progress import Progress
    from byline.feeds import articles_dir
    from byline.feeds.refresh import FeedResult, refresh

    subs = store.all()
    if not subs:
        fail("no subscriptions to refresh: 'byline feeds add URL' adds one")
    progress = Progress("refreshing", unit="feeds") if sys.stderr.isatty() else None

    def shown(result: FeedResult, done: int, total: int) -> None:
        if progress is None:
            print(result.line(), flush=True)
            return
        if result.status == "failed" or result.notes:
            progress.finish()
            print(f"byline: {result.line()}", file=sys.stderr)
        progress.update(done, total, force=True)

    try:
        results = refresh(store, on_result=shown)
    finally:
        if progress is not None:
            progress.finish()
    new = sum(r.new for r in results)
    failed = sum(r.status == "failed" for r in results)
    print(f"{len(results)} feed(s): {new} new article(s), {failed} failed; articles are in {articles_dir()}")
    return 0 if any(r.ok for r in results) else 1
