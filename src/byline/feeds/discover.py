"""Feed discovery: the feeds a site's page names in `<link rel="alternate">`."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from byline.feeds.http import Client, check_url
from byline.feeds.parse import RefusedFeed, parse_feed_bytes

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml", "application/rdf+xml")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
                self.found.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":  # feeds are named in the head: the body is not read
            self.found.append("")


def feed_links(html: str, page_url: str) -> list[str]:
    """Absolute URLs of the feeds a page names, in page order, without repeats."""
    parser = _Links()
    for start in range(0, min(len(html), 2_000_000), 65536):
        parser.feed(html[start : start + 65536])
        if "" in parser.found:
            break
    base = urljoin(page_url, parser.base) if parser.base else page_url
    links: list[str] = []
    for href in parser.found:
        if href:
            url = urljoin(base, href.strip())
            if url not in links:
                links.append(url)
    return links


def looks_like_html(data: bytes, content_type: str = "") -> bool:
    head = data[:1024].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


def find_feed(client: Client, url: str) -> tuple[str, str]:
    """The feed URL and title for `url`: the URL itself when it is a feed, or the first feed a page names.

    Raises FetchError or RefusedFeed with the reason when neither holds.
    """
    from byline.load.decode import decode

    feed_url = check_url(url)
    response = client.get(feed_url, accept=FEED_ACCEPT)
    if looks_like_html(response.body, response.headers.get("content-type", "")):
        links = feed_links(decode(response.body)[0], response.url)
        if not links:
            raise RefusedFeed('a web page that names no RSS or Atom feed (no <link rel="alternate">)')
        feed_url = check_url(links[0])
        response = client.get(feed_url, accept=FEED_ACCEPT)
    return feed_url, parse_feed_bytes(response.body, dict(response.headers)).title
