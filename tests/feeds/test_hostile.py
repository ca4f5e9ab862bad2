"""Failing and hostile responses: each reported with its reason, the other feeds go on, nothing kept is lost."""

from __future__ import annotations

import pytest

from byline.feeds import articles_dir
from byline.feeds.http import FEED_MAX_BYTES, PAGE_MAX_BYTES, Client, FetchError, retry_after
from byline.feeds.parse import MAX_ENTRIES, RefusedFeed, declares_entities, parse_feed_bytes
from byline.feeds.refresh import FeedResult, full_text, refresh
from byline.feeds.store import FeedStore
from byline.load import load_paths
from tests.helpers.feed_server import FeedServer, rss

GOOD = [{"title": "Good story", "guid": "g1", "description": "&lt;p&gt;" + "Words said here. " * 60 + "&lt;/p&gt;"}]

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>x</title><description>&h;</description></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>XXE</title>
<item><title>x</title><description>&secret;</description></item></channel></rss>"""


def _refresh_with(server: FeedServer, client: Client, **route: object) -> FeedResult:
    """Refresh a good feed and the one described by `route`; the good one must always come through."""
    good = server.route("/good.rss", body=rss("Good", GOOD))
    bad = server.route("/bad", **route)
    store = FeedStore()
    store.add(good)
    store.add(bad)
    results = {r.url: r for r in refresh(store, client)}
    assert results[good].status == "ok" and results[good].new == 1, results[good].line()
    assert "Good story" in [a.title for a in load_paths([articles_dir()]).articles]
    bad_sub = store.find(bad)
    assert bad_sub is not None
    result = results[bad]
    if result.status == "failed":
        assert bad_sub.last_status == "failed" and bad_sub.last_error == result.reason
    return result


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ({"status": 404, "body": b"no"}, "HTTP 404 (not found)"),
        ({"status": 500, "body": b"oops"}, "HTTP 500 (server error)"),
        ({"body": b"late", "delay": 3.0}, "timed out (no answer)"),
        ({"status": 302, "headers": {"Location": "/bad"}}, "redirect loop"),
        ({"status": 302, "headers": {"Location": "file:///etc/passwd"}}, "refused file:"),
        ({"body": b"not gzip at all", "headers": {"Content-Encoding": "gzip"}}, "badly encoded response"),
        ({"body": b"\x89PNG\r\n\x1a\n\x00\x00binary", "content_type": "image/png"}, "not an RSS or Atom feed"),
        ({"body": BILLION_LAUGHS}, "declares XML entities"),
        ({"body": XXE}, "declares XML entities"),
    ],
    ids=["404", "500", "timeout", "redirect-loop", "redirect-to-file", "bad-gzip", "binary", "billion-laughs", "xxe"],
)
def test_failures_are_reported_and_survived(server: FeedServer, client: Client, route: dict, reason: str) -> None:
    result = _refresh_with(server, client, **route)
    assert result.status == "failed"
    assert reason in result.reason


def test_too_many_redirects(server: FeedServer, client: Client) -> None:
    for n in range(8):
        server.route(f"/r{n}", status=301, headers={"Location": f"/r{n + 1}"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        client.get(server.url + "/r0")


def test_other_schemes_are_refused(client: Client) -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/feed", "javascript:alert(1)", "feed.xml"):
        with pytest.raises(FetchError, match="refused"):
            client.get(url)


def test_an_oversized_feed_is_cut_off_with_a_note(server: FeedServer, client: Client) -> None:
    padding = "<!-- " + "p" * (FEED_MAX_BYTES + 1000) + " -->"
    body = rss("Big", GOOD).replace(b"<channel>", b"<channel>" + padding.encode(), 1)
    result = _refresh_with(server, client, body=body, gzip=True)
    assert "cut off at 10 MB" in result.line()


def test_an_endless_page_is_cut_off_not_loaded_whole(server: FeedServer, client: Client) -> None:
    server.route("/endless", content_type="text/html", chunked_forever=True)
    page = client.get(server.url + "/endless", max_bytes=PAGE_MAX_BYTES)
    assert page.truncated and len(page.body) == PAGE_MAX_BYTES
    assert page.notes == ["cut off at 5 MB"]


def test_a_fifty_mb_page_is_cut_off_before_extraction(server: FeedServer, client: Client) -> None:
    paragraph = b"<p>" + b"The mayor said the plan was sound and would go ahead. " * 20 + b"</p>\n"
    server.route(
        "/huge", body=b"<html><body><article>" + paragraph * (50 * 2**20 // len(paragraph)), content_type="text/html"
    )
    paragraphs = full_text(client, server.url + "/huge")
    assert paragraphs and sum(map(len, paragraphs)) <= PAGE_MAX_BYTES


def test_a_feed_of_100000_entries_is_cut_off_with_a_note() -> None:
    items = b"".join(b"<item><title>t%d</title><guid>g%d</guid></item>" % (i, i) for i in range(100_000))
    parsed = parse_feed_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>' + items)
    assert len(parsed.entries) == MAX_ENTRIES
    assert parsed.notes == [f"more than {MAX_ENTRIES} entries: the first {MAX_ENTRIES} were read"]


def test_a_badly_encoded_feed_is_read_with_what_can_be_read(server: FeedServer, client: Client) -> None:
    body = rss("Caf\u00e9", [{"title": "Caf\u00e9 news", "guid": "c1", "description": "D\u00e9j\u00e0 vu " * 100}])
    result = _refresh_with(server, client, body=body.decode().encode("cp1252", "replace"))
    assert result.status == "ok" and result.new == 1
    assert "Caf\u00e9 news" in [a.title for a in load_paths([articles_dir()]).articles]


def test_entity_screen_sees_through_utf16() -> None:
    assert declares_entities(XXE.decode().encode("utf-16"))
    assert not declares_entities(b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"><rss/>')
    with pytest.raises(RefusedFeed):
        parse_feed_bytes(BILLION_LAUGHS)


def test_429_with_a_short_retry_after_is_waited_out_once(server: FeedServer, client: Client) -> None:
    server.route("/busy", status=429, headers={"Retry-After": "0"})
    with pytest.raises(FetchError, match="HTTP 429"):
        client.get(server.url + "/busy")
    assert server.hits["/busy"] == 2  # asked again once, after the wait


def test_503_with_a_long_retry_after_waits_for_the_next_refresh(server: FeedServer, client: Client) -> None:
    url = server.route("/busy", status=503, headers={"Retry-After": "3600"})
    store = FeedStore()
    store.add(url)
    [first] = refresh(store, client)
    assert first.status == "failed" and "retry after 3600 s" in first.reason
    [second] = refresh(store, client)
    assert second.status == "waiting" and "wait until" in second.reason
    assert server.hits["/busy"] == 1  # not asked again before the time it named


def test_retry_after_forms() -> None:
    assert retry_after("120") == 120
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after("soon") is None and retry_after(None) is None


def test_a_feed_on_the_web_may_not_send_byline_to_a_local_address() -> None:
    from byline.feeds.http import may_follow

    assert not may_follow("https://news.example/feed", "http://192.168.1.1/admin")
    assert not may_follow("https://news.example/feed", "http://localhost:8080/")
    assert not may_follow("https://news.example/feed", "http://[::1]/x")
    assert may_follow("https://news.example/feed", "https://news.example/story")
    assert may_follow("http://127.0.0.1:8000/feed", "http://127.0.0.1:8000/story")
