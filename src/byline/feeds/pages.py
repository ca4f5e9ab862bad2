"""`byline URL`: one article page fetched, extracted as saved pages are, and kept for offline reading.

A page is kept under `<data>/articles/pages/` like a feed's entry; opening
the same URL again opens the kept copy without going on the network.
"""

from __future__ import annotations

from pathlib import Path

from byline.feeds.articles import write_article
from byline.feeds.http import Client, check_url
from byline.feeds.store import FeedStore

PAGES = "pages"


def keep_page(url: str, store: FeedStore, client: Client | None = None) -> tuple[Path, bool]:
    """The kept copy of the article at `url`, and whether it was fetched now.

    Raises FetchError (the page could not be fetched) or ValueError (no article text in it).
    """
    url = check_url(url)
    known = store.entry_path(PAGES, url)
    if known is not None and known.is_file():
        return known, False
    from byline.feeds.refresh import page_article

    own = client is None
    client = client or Client()
    try:
        article = page_article(client, url)
    finally:
        if own:
            client.close()
    path = write_article(
        PAGES, article.title, article.paragraphs, author=article.author, date=article.date, url=url, feed=""
    )
    store.add_entries(PAGES, [(url, str(path), url, article.date)])
    return path, True
