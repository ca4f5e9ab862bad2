"""Subscribing, refreshing and keeping articles, against a local server."""

from __future__ import annotations

from pathlib import Path

from byline import __version__
from byline.feeds import articles_dir, default_paths
from byline.feeds.http import Client, Timeouts
from byline.feeds.refresh import refresh
from byline.feeds.store import FeedStore
from byline.load import load_paths, sample_corpus
from tests.helpers.feed_server import FeedServer, atom, rss

LONG = " ".join(["The minister said the budget would be balanced by the end of the decade."] * 12)


def _items(base: str, n: int = 3) -> list[dict[str, str]]:
    return [
        {
            "title": f"Story {i}",
            "link": f"{base}/story/{i}",
            "guid": f"{base}/story/{i}",
            "pubDate": f"Tue, 0{i} Dec 2026 08:00:00 GMT",
            "author": "reporter@example.org (Ann Reporter)",
            "description": f"&lt;p&gt;{LONG} Item {i}.&lt;/p&gt;",
        }
        for i in range(1, n + 1)
    ]


def _subscribe(url: str) -> FeedStore:
    store = FeedStore()
    store.add(url)
    return store


def test_rss_entries_are_kept_as_markdown_the_loader_reads(server: FeedServer, client) -> None:
    url = server.route("/news.rss", body=rss("Daily News", _items(server.url)))
    store = _subscribe(url)
    [result] = refresh(store, client)
    assert result.status == "ok" and result.new == 3, result.line()
    loaded = load_paths([articles_dir()])
    assert not loaded.skipped
    by_title = {a.title: a for a in loaded.articles}
    assert set(by_title) == {"Story 1", "Story 2", "Story 3"}
    story = by_title["Story 2"]
    assert story.format == "markdown"
    assert story.url == f"{server.url}/story/2"
    assert story.date == "2026-12-02 08:00"  # the loader gives one date format everywhere
    assert "Ann Reporter" in story.author
    assert story.paragraphs[0].startswith("The minister said")
    [sub] = store.all()
    assert sub.title == "Daily News" and sub.articles == 3 and sub.last_status == "ok"
    assert server.user_agents[0].startswith(f"Byline/{__version__} (+https://")


def test_atom_feed(server: FeedServer, client) -> None:
    entries = [
        {
            "id": f"tag:x,2026:{i}",
            "title": f"Atom {i}",
            "link": f"{server.url}/a/{i}",
            "updated": f"2026-12-0{i}T10:00:00Z",
            "author": "Bo Writer",
            "content": f"&lt;p&gt;{LONG}&lt;/p&gt;",
        }
        for i in (1, 2)
    ]
    store = _subscribe(server.route("/atom.xml", body=atom("Atom News", entries), content_type="application/atom+xml"))
    [result] = refresh(store, client)
    assert result.new == 2, result.line()
    titles = sorted(a.title for a in load_paths([articles_dir()]).articles)
    assert titles == ["Atom 1", "Atom 2"]
    assert {a.author for a in load_paths([articles_dir()]).articles} == {"Bo Writer"}


def test_second_refresh_costs_one_304_and_keeps_everything(server: FeedServer, client) -> None:
    url = server.route("/news.rss", body=rss("News", _items(server.url)), etag='"v1"')
    store = _subscribe(url)
    refresh(store, client)
    [second] = refresh(store, client)
    assert second.status == "unchanged"
    assert server.hits["/news.rss"] == 2
    assert server.bodies_sent["/news.rss"] == 1  # the body was sent once, the second answer was a 304
    assert len(load_paths([articles_dir()]).articles) == 3


def test_entries_are_kept_after_they_drop_off_the_feed_and_never_stored_twice(server: FeedServer, client) -> None:
    items = _items(server.url, 3)
    url = server.route("/news.rss", body=rss("News", items))
    store = _subscribe(url)
    refresh(store, client)
    server.route("/news.rss", body=rss("News", items[1:] + _items(server.url + "/more", 1)))
    [result] = refresh(store, client)
    assert result.new == 1
    titles = sorted(a.title for a in load_paths([articles_dir()]).articles)
    assert titles == ["Story 1", "Story 1", "Story 2", "Story 3"]  # the new one has another link
    assert store.all()[0].articles == 4


def test_stored_entries_survive_the_server_stopping(server: FeedServer, client) -> None:
    store = _subscribe(server.route("/news.rss", body=rss("News", _items(server.url))))
    refresh(store, client)
    server.stop()
    store.close()
    store = FeedStore()  # as Byline started again: a new store, a new client, no open connection
    with Client(Timeouts(connect=1, read=1, total=2), trust_env=False) as fresh:
        [result] = refresh(store, fresh)
    assert result.status == "failed" and "network error" in result.reason
    assert len(load_paths([articles_dir()]).articles) == 3
    assert store.all()[0].articles == 3


def test_summary_only_entries_get_their_page_fetched_and_extracted(server: FeedServer, client) -> None:
    page = (
        "<!doctype html><html><head><title>Full story</title></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Full story</h1>"
        + "".join(f"<p>Paragraph {i}: {LONG}</p>" for i in range(4))
        + "<script>alert('never run')</script></article><footer>Copyright</footer></body></html>"
    )
    server.route("/story/1", body=page.encode(), content_type="text/html; charset=utf-8")
    item = {"title": "Teaser", "link": f"{server.url}/story/1", "guid": "t1", "description": "Read more..."}
    store = _subscribe(server.route("/teasers.rss", body=rss("Teasers", [item])))
    [result] = refresh(store, client)
    assert result.new == 1 and server.hits["/story/1"] == 1, result.line()
    [article] = load_paths([articles_dir()]).articles
    assert article.title == "Teaser"
    assert any(p.startswith("Paragraph 0:") for p in article.paragraphs)
    assert "alert" not in article.body and "Sport" not in article.body


def test_a_summary_kept_when_the_page_fails(server: FeedServer, client) -> None:
    item = {"title": "Teaser", "link": f"{server.url}/gone", "guid": "t1", "description": "Short summary."}
    store = _subscribe(server.route("/teasers.rss", body=rss("Teasers", [item])))
    [result] = refresh(store, client)
    assert result.new == 1 and "HTTP 404" in result.line()
    [article] = load_paths([articles_dir()]).articles
    assert article.paragraphs == ("Short summary.",)


def test_default_paths_are_the_samples_until_the_first_subscription(server: FeedServer) -> None:
    assert default_paths() == [sample_corpus()]
    _subscribe(server.url + "/news.rss")
    assert default_paths() == [articles_dir()]


def test_escape_codes_and_markup_are_stripped(server: FeedServer, client) -> None:
    item = {
        "title": "Clean \x1b[31mred\x1b[0m [bold]title[/bold]",
        "guid": "e1",
        "description": "&lt;p&gt;Text \x1b]0;owned\x07 with &lt;script&gt;alert(1)&lt;/script&gt; *stars* "
        "and # hashes&lt;/p&gt;" + LONG,
    }
    store = _subscribe(server.route("/e.rss", body=rss("E", [item])))
    refresh(store, client)
    [article] = load_paths([articles_dir()]).articles
    assert "\x1b" not in article.title + article.body
    assert "alert" not in article.body
    assert article.title == "Clean red [bold]title[/bold]"
    assert "*stars* and # hashes" in article.body


def test_files_live_under_the_data_dir(server: FeedServer, client, private_dirs: Path) -> None:
    store = _subscribe(server.route("/news.rss", body=rss("News", _items(server.url, 1))))
    [result] = refresh(store, client)
    [path] = result.new_paths
    assert path.is_relative_to(private_dirs / "data" / "articles")
    assert path.name == "2026-12-01-story-1.md"


def test_article_pages_per_feed_are_capped(server: FeedServer, client, monkeypatch) -> None:
    import byline.feeds.refresh

    monkeypatch.setattr(byline.feeds.refresh, "MAX_PAGES_PER_FEED", 2)
    page = (
        "<html><body><article>"
        + "".join(f"<p>Paragraph {i}: {LONG}</p>" for i in range(3))
        + "</article></body></html>"
    )
    items = []
    for i in range(1, 5):
        server.route(f"/p/{i}", body=page.encode(), content_type="text/html")
        items.append(
            {
                "title": f"T{i}",
                "link": f"{server.url}/p/{i}",
                "guid": f"t{i}",
                "description": "Teaser.",
                "pubDate": f"Tue, 0{i} Dec 2026 08:00:00 GMT",
            }
        )
    store = _subscribe(server.route("/t.rss", body=rss("T", items)))
    [result] = refresh(store, client)
    assert result.new == 4
    assert sorted(path for path in server.hits if path.startswith("/p/")) == ["/p/3", "/p/4"]  # the newest two
    assert "2 older summary-only entries kept as summaries" in result.line()


def test_last_modified_alone_also_gives_a_304(server: FeedServer, client) -> None:
    stamp = "Wed, 02 Dec 2026 06:00:00 GMT"
    store = _subscribe(server.route("/lm.rss", body=rss("LM", _items(server.url, 1)), last_modified=stamp))
    refresh(store, client)
    assert store.all()[0].last_modified == stamp
    [second] = refresh(store, client)
    assert second.status == "unchanged" and server.bodies_sent["/lm.rss"] == 1


def test_never_more_than_two_requests_to_one_host(server: FeedServer) -> None:
    store = FeedStore()
    for n in range(6):
        store.add(server.route(f"/slow{n}.rss", body=rss(f"S{n}", _items(server.url + f"/{n}", 1)), delay=0.2))
    with Client(trust_env=False) as client:
        results = refresh(store, client, workers=6)
    assert all(r.status == "ok" for r in results)
    assert 1 <= server.most_in_flight <= 2
