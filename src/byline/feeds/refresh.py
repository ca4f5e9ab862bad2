"""Refreshing subscriptions: fetch each feed, keep its new entries, report each feed's outcome.

Feeds are fetched a few at a time (`WORKERS` threads, at most two requests to
one host: `byline.feeds.http`); everything that touches the subscriptions file
or writes an article happens in the calling thread, as each feed's result
comes back, so a feed that fails costs nothing already kept.

For a UI: run `refresh()` in a worker thread and pass `on_result`, which is
called (in that thread) once per feed with the result and the count so far.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from byline.feeds.articles import write_article
from byline.feeds.discover import FEED_ACCEPT
from byline.feeds.http import PAGE_MAX_BYTES, Client, FetchError, Response, check_url, may_follow
from byline.feeds.parse import FeedEntry, RefusedFeed, parse_feed_bytes
from byline.feeds.store import FeedStore, Subscription
from byline.model import Article

WORKERS = 4
MAX_PAGES_PER_FEED = 30
"""Article pages fetched for one feed's summary-only entries in one refresh: a first refresh of a
feed of 500 teasers must not send 500 requests to one site."""


@dataclass
class FeedResult:
    url: str
    name: str
    status: str
    """"ok" (fetched, maybe with new entries), "unchanged" (304), "waiting" (Retry-After not yet over) or "failed"."""
    reason: str = ""
    new: int = 0
    new_paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "unchanged", "waiting")

    def line(self) -> str:
        """One line for a log: what happened to this feed."""
        if self.status == "failed":
            text = f"failed  {self.name}: {self.reason}"
        elif self.status == "unchanged":
            text = f"unchanged  {self.name}"
        elif self.status == "waiting":
            text = f"waiting  {self.name}: {self.reason}"
        else:
            text = f"ok  {self.name}: {self.new} new"
        return text + "".join(f"; {note}" for note in self.notes)


@dataclass
class _Fetched:
    """What a worker brings back for one feed (no file or database touched yet)."""

    response: Response
    title: str = ""
    entries: list[tuple[FeedEntry, tuple[str, ...]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def page_article(client: Client, url: str) -> Article:
    """The article in the page at `url`, extracted as saved HTML pages are; FetchError or ValueError if none."""
    from byline.load.decode import decode
    from byline.load.html import parse_html

    page = client.get(check_url(url), max_bytes=PAGE_MAX_BYTES, accept="text/html, application/xhtml+xml;q=0.9")
    text = ""
    if page.charset:
        try:
            text = page.body.decode(page.charset, errors="replace")
        except LookupError:
            pass
    return parse_html(text or decode(page.body)[0], page.url)


def full_text(client: Client, url: str) -> tuple[str, ...]:
    """The paragraphs of the article at `url` (see `page_article`)."""
    return page_article(client, url).paragraphs


def fetch_feed(client: Client, sub: Subscription, known: set[str]) -> _Fetched:
    """Fetch and parse one feed, and the pages of its new summary-only entries; no storage touched."""
    response = client.get(sub.url, etag=sub.etag, last_modified=sub.last_modified, accept=FEED_ACCEPT)
    fetched = _Fetched(response, notes=list(response.notes))
    if response.not_modified:
        return fetched
    parsed = parse_feed_bytes(response.body, dict(response.headers))
    fetched.title = parsed.title
    fetched.notes.extend(parsed.notes)
    failed_pages: list[str] = []
    pages = skipped_pages = 0
    for entry in parsed.entries:  # newest first: the newest get their pages when the cap bites
        if entry.key in known:
            continue
        paragraphs = entry.paragraphs
        if entry.summary_only and entry.url:
            if pages >= MAX_PAGES_PER_FEED:
                skipped_pages += 1
            elif not may_follow(response.url, entry.url):
                failed_pages.append(f"refused {entry.url}: a local address named by a feed on the web")
            else:
                pages += 1
                try:
                    page = full_text(client, entry.url)
                    if sum(map(len, page)) > sum(map(len, paragraphs)):
                        paragraphs = page
                except (FetchError, ValueError) as error:
                    failed_pages.append(str(error))
        fetched.entries.append((entry, paragraphs))
    if failed_pages:
        fetched.notes.append(
            f"{len(failed_pages)} article page(s) not fetched, summary kept (first: {failed_pages[0]})"
        )
    if skipped_pages:
        fetched.notes.append(
            f"{skipped_pages} older summary-only entries kept as summaries "
            f"(at most {MAX_PAGES_PER_FEED} article pages per feed and refresh)"
        )
    return fetched


def _waiting(sub: Subscription) -> str | None:
    if not sub.retry_at:
        return None
    try:
        when = datetime.fromisoformat(sub.retry_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when > datetime.now(UTC):
        return f"the server asked to wait until {when:%H:%M} UTC"
    return None


def refresh(
    store: FeedStore,
    client: Client | None = None,
    *,
    subscriptions: list[Subscription] | None = None,
    on_result: Callable[[FeedResult, int, int], None] | None = None,
    workers: int = WORKERS,
    articles_root: Path | None = None,
) -> list[FeedResult]:
    """Refresh `subscriptions` (default: all); return one FeedResult per feed, in the order they finished."""
    subs = store.all() if subscriptions is None else subscriptions
    own_client = client is None
    client = client or Client()
    results: list[FeedResult] = []

    def report(result: FeedResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result, len(results), len(subs))

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="byline-feed") as pool:
            futures: dict[Future[_Fetched], Subscription] = {}
            for sub in subs:
                wait = _waiting(sub)
                if wait:
                    report(FeedResult(sub.url, sub.name, "waiting", wait))
                    continue
                futures[pool.submit(fetch_feed, client, sub, store.known_keys(sub.folder))] = sub
            for future in as_completed(futures):
                report(_keep(store, futures[future], future, articles_root))
    finally:
        if own_client:
            client.close()
    return results


def _keep(store: FeedStore, sub: Subscription, future: Future[_Fetched], root: Path | None) -> FeedResult:
    try:
        fetched = future.result()
    except FetchError as error:
        retry_at = error.retry_at.strftime("%Y-%m-%dT%H:%M:%SZ") if error.retry_at else None
        store.record(sub, "failed", str(error), retry_at=retry_at)
        return FeedResult(sub.url, sub.name, "failed", str(error))
    except RefusedFeed as error:
        store.record(sub, "failed", str(error))
        return FeedResult(sub.url, sub.name, "failed", str(error))
    except Exception as error:  # a parser's bug must not end the refresh of the other feeds
        reason = f"could not be read ({type(error).__name__}: {error})"
        store.record(sub, "failed", reason)
        return FeedResult(sub.url, sub.name, "failed", reason)
    response = fetched.response
    if response.not_modified:
        store.record(sub, "unchanged", retry_at=None)
        return FeedResult(sub.url, sub.name, "unchanged", notes=fetched.notes)
    title = sub.title or fetched.title
    result = FeedResult(sub.url, title or sub.url, "ok", notes=fetched.notes)
    kept: list[tuple[str, str, str, str]] = []
    for entry, paragraphs in fetched.entries:
        try:
            path = write_article(
                sub.folder,
                entry.title,
                paragraphs,
                author=entry.author,
                date=entry.date,
                url=entry.url,
                feed=title or sub.url,
                root=root,
            )
        except OSError as error:
            result.notes.append(f"could not write an article: {error.strerror or error}")
            break
        kept.append((entry.key, str(path), entry.url, entry.date))
        result.new_paths.append(path)
    store.add_entries(sub.folder, kept)  # after the files: an entry is never marked kept without its file
    result.new = len(result.new_paths)
    store.record(sub, "ok", "", title=title, etag=response.etag, last_modified=response.last_modified, retry_at=None)
    return result
