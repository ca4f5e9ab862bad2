"""Today's news: subscriptions to RSS/Atom feeds, fetched over HTTP and kept as Markdown articles.

The core of it, for the CLI and the app alike (no Textual here):

- `byline.feeds.http`: the polite, careful HTTP client (httpx);
- `byline.feeds.parse`: feeds read safely (entities refused, entries capped);
- `byline.feeds.store`: subscriptions and kept entries in `feeds.sqlite3`;
- `byline.feeds.articles`: entries written as Markdown under `<data>/articles/`;
- `byline.feeds.refresh`: `refresh(store, on_result=...)`, one result per feed;
- `byline.feeds.discover` and `byline.feeds.opml`: adding feeds from pages and OPML files.

Only this package goes on the network (an import contract says so).
"""

from __future__ import annotations

from pathlib import Path

from byline.feeds.articles import articles_dir
from byline.feeds.store import has_subscriptions

__all__ = ["articles_dir", "default_paths", "has_subscriptions"]


def default_paths() -> list[Path]:
    """What Byline opens when no path is given: the sample articles until the first
    subscription, then the articles fetched from feeds."""
    if has_subscriptions():
        folder = articles_dir()
        try:  # subscribed, nothing fetched yet: an empty folder, not a missing one
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        return [folder]
    from byline.load import sample_corpus

    return [sample_corpus()]
