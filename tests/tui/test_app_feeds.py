"""Refreshing feeds in the app (R) and opening an article's link (o), against a local server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from byline.feeds import articles_dir, default_paths
from byline.feeds.store import FeedStore
from byline.tui.app import BylineApp
from tests.helpers.feed_server import FeedServer, rss
from tests.helpers.tui import wait_until

BODY = (
    "&lt;p&gt;The finance minister spoke to reporters in the capital on Monday about the budget.&lt;/p&gt;"
    "&lt;p&gt;“We will balance the budget by the end of the decade,” Maria Lopez said.&lt;/p&gt;"
)


def items(base: str, days: list[int]) -> list[dict[str, str]]:
    return [
        {
            "title": f"Story {day}",
            "link": f"{base}/story/{day}",
            "guid": f"{base}/story/{day}",
            "pubDate": f"Tue, {day:02d} Dec 2026 08:00:00 GMT",
            "description": BODY,
        }
        for day in days
    ]


def subscribe(*urls: str) -> None:
    with FeedStore() as store:
        for url in urls:
            store.add(url)


def titles(app: BylineApp) -> list[str]:
    return [entry.title for entry in app.article_list.entries]


def refreshed(app: BylineApp) -> Callable[[], bool]:
    return lambda: not app.feeds.running and not any(w.is_running for w in app.workers if w.group == "feeds")


async def test_refresh_adds_new_articles_unread_and_newest_first(server: FeedServer, open_app) -> None:
    feed = server.route("/news.rss", body=rss("Daily News", items(server.url, [1, 3])))
    subscribe(feed)
    async with open_app(*default_paths(), size=(120, 40)) as (app, pilot):
        assert app.corpus.entries == []
        seen: list[str] = []
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "the first refresh", seen)
        await wait_until(pilot, lambda: app.reader.article is not None, "the newest article open")
        assert titles(app) == ["Story 3", "Story 1"]
        assert app.reader.article.title == "Story 3"
        assert "2 new articles from 1 feed." in seen

        # The reader moves to the older story and reads it; a newer one comes in the next refresh.
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: app.reader.article.title == "Story 1", "the older story open")
        server.route("/news.rss", body=rss("Daily News", items(server.url, [1, 3, 2, 4])))
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "the second refresh", seen)
        assert titles(app) == ["Story 4", "Story 3", "Story 2", "Story 1"]
        new = [entry for entry in app.corpus.entries if entry.title in ("Story 4", "Story 2")]
        assert new and not any(app.article_list.is_read(entry) for entry in new)  # unread
        assert not {entry.key for entry in new} & app.state.read
        # Reading went on: the cursor and the reader stayed on the story being read.
        assert app.article_list.current.title == "Story 1" and app.reader.article.title == "Story 1"
        assert "2 new articles from 1 feed." in seen
        # The new ones are searchable, and their quotes are in the sidebar when opened.
        assert any(app.search_index.entries[i].title == "Story 4" for i in range(len(app.search_index)))
        story4 = next(entry for entry in app.corpus.entries if entry.title == "Story 4")
        assert any("balance the budget" in quote.text for quote in story4.quotes)


async def test_a_first_refresh_leaves_the_newest_on_top_as_feeds_come_in(server: FeedServer, open_app) -> None:
    older = server.route("/older.rss", body=rss("Older", items(server.url + "/old", [1, 2])))
    newer = server.route("/newer.rss", body=rss("Newer", items(server.url, [3, 4])), delay=2.0)  # comes in second
    subscribe(older, newer)
    async with open_app(*default_paths(), size=(120, 40)) as (app, pilot):
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "the refresh")
        assert titles(app) == ["Story 4", "Story 3", "Story 2", "Story 1"]
        # The reader had not moved: the cursor followed the newest, not the first feed's story.
        assert app.article_list.cursor == 0
        await wait_until(pilot, lambda: app.reader.article.title == "Story 4", "the newest open")


async def test_a_failing_feed_is_reported_and_the_others_go_on(server: FeedServer, open_app) -> None:
    good = server.route("/good.rss", body=rss("Good News", items(server.url, [2])))
    bad = server.route("/bad.rss", status=500, body=b"oops", content_type="text/plain")
    subscribe(bad, good)
    async with open_app(*default_paths(), size=(120, 40)) as (app, pilot):
        seen: list[str] = []
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "the refresh", seen)
        assert any(message.startswith(f"{bad}:") and "500" in message for message in seen), seen
        assert "1 new article from 2 feeds; 1 failed." in seen
        # Its notes (the story's page is not on the server: the summary was kept) in one notice.
        assert any(m.startswith("• Good News: 1 article page(s) not fetched") for m in seen), seen
        assert titles(app) == ["Story 2"]
        # The app goes on: keys still work, and a second refresh can start.
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "a second refresh", seen)
        assert titles(app) == ["Story 2"]


async def test_progress_shows_in_the_list_border_while_reading_goes_on(server: FeedServer, open_app) -> None:
    slow = server.route("/slow.rss", body=rss("Slow", items(server.url, [5])), delay=2.0)
    subscribe(slow)
    async with open_app(*default_paths(), size=(120, 40)) as (app, pilot):
        pane = app.main.query_one("#list-pane")
        await pilot.press("R")
        assert pane.border_subtitle.startswith("Refreshing")
        await pilot.press("R")  # a second press while one runs: said, not started twice
        await wait_until(pilot, refreshed(app), "the refresh")
        await wait_until(pilot, lambda: str(pane.border_subtitle).startswith("1 of 1"), "where the cursor is, again")
        assert server.hits["/slow.rss"] == 1
        assert titles(app) == ["Story 5"]


async def test_articles_kept_open_newest_first(server: FeedServer, open_app) -> None:
    from byline.feeds.refresh import refresh

    feed = server.route("/news.rss", body=rss("Daily News", items(server.url, [2, 4, 1, 3])))
    other = server.route(
        "/other.rss",
        body=rss("Other News", [{**i, "title": "Other " + i["title"]} for i in items(server.url + "/o", [5])]),
    )
    subscribe(feed, other)
    with FeedStore() as store:
        assert all(result.ok for result in refresh(store))
    # Not settled by waiting on every worker: the sort moves the cursor, and the article first
    # opened may be cancelled on the way, which settle() would take for an error.
    async with open_app(*default_paths(), size=(120, 40), settled=False) as (app, pilot):
        expected = ["Other Story 5", "Story 4", "Story 3", "Story 2", "Story 1"]
        await wait_until(pilot, lambda: titles(app) == expected, "the list newest first")
        await wait_until(
            pilot,
            lambda: app.reader.article is not None and app.reader.article.title == "Other Story 5",
            "the newest open",
        )
        assert app.article_list.cursor == 0


async def test_refresh_without_subscriptions_says_how_to_add_one(small_corpus: Path, open_app) -> None:
    async with open_app(small_corpus) as (app, pilot):
        seen: list[str] = []
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "the refresh to give up", seen)
        assert any("byline feeds add URL" in message for message in seen), seen
        assert len(app.corpus.entries) == 5


async def test_new_articles_outside_the_open_corpus_are_said_where_they_are(
    server: FeedServer, small_corpus: Path, open_app
) -> None:
    subscribe(server.route("/news.rss", body=rss("Daily News", items(server.url, [1]))))
    async with open_app(small_corpus) as (app, pilot):
        seen: list[str] = []
        await pilot.press("R")
        await wait_until(pilot, refreshed(app), "the refresh", seen)
        assert len(app.corpus.entries) == 5  # the folder open is not the feeds' articles
        assert any(str(articles_dir()) in message for message in seen), seen


async def test_quitting_mid_refresh_fetches_no_more_feeds(server: FeedServer, open_app) -> None:
    feeds = [server.route(f"/slow{n}.rss", body=rss("Slow", items(server.url, [n + 1])), delay=3.0) for n in range(6)]
    subscribe(*feeds)
    async with open_app(*default_paths(), size=(120, 40)) as (app, pilot):
        await pilot.press("R")
        await wait_until(pilot, lambda: sum(server.hits.values()) > 0, "the first request")
    # Out of the app: the requests under way ended, the rest were never sent (two at a time to one host).
    assert sum(server.hits.values()) <= 4, server.hits
