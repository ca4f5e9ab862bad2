"""`byline feeds ...` and the default paths, driven through `byline.cli.main`."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.cli import main
from byline.feeds import articles_dir
from byline.feeds.store import FeedStore
from byline.load import sample_corpus
from tests.helpers.feed_server import FeedServer, rss

TEXT = "The chancellor said the figures were sound. " * 20
ITEMS = [{"title": f"Headline {i}", "guid": f"h{i}", "description": f"&lt;p&gt;{TEXT}&lt;/p&gt;"} for i in (1, 2)]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_add_a_site_page_finds_its_feed(server: FeedServer, capsys: pytest.CaptureFixture[str]) -> None:
    server.route("/feeds/all.xml", body=rss("Site News", ITEMS))
    page = (
        '<!doctype html><html><head><title>Site</title><link rel="stylesheet" href="/s.css">'
        '<link rel="alternate" type="application/rss+xml" title="All" href="/feeds/all.xml">'
        "</head><body><p>Welcome</p></body></html>"
    )
    site = server.route("/", body=page.encode(), content_type="text/html; charset=utf-8")
    assert main(["feeds", "add", site, "--tag", "world"]) == 0
    out = capsys.readouterr().out
    assert f"subscribed to Site News: {server.url}/feeds/all.xml (found on {site})" in out
    [sub] = FeedStore().all()
    assert sub.url == f"{server.url}/feeds/all.xml" and sub.tags == ("world",)


def test_add_a_page_without_a_feed_fails_with_the_reason(server: FeedServer, capsys) -> None:
    page = b"<!doctype html><html><head></head><body>x</body></html>"
    site = server.route("/plain", body=page, content_type="text/html")
    with pytest.raises(SystemExit) as exit_:
        main(["feeds", "add", site])
    assert exit_.value.code == 1
    assert "names no RSS or Atom feed" in capsys.readouterr().err
    assert FeedStore().all() == []


def test_refresh_list_open_and_remove(server: FeedServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = server.route("/news.rss", body=rss("News", ITEMS))
    FeedStore().add(url)
    FeedStore().add(server.url + "/missing.rss")
    assert main(["feeds", "refresh"]) == 0  # one feed failed, one succeeded
    out = capsys.readouterr().out.splitlines()
    assert "ok  News: 2 new" in out
    assert f"failed  {server.url}/missing.rss: HTTP 404 (not found)" in out
    assert out[-1].startswith("2 feed(s): 2 new article(s), 1 failed")

    assert main(["feeds"]) == 0
    listing = capsys.readouterr().out
    assert "  1. News" in listing and "2 article(s) kept" in listing and "failed: HTTP 404" in listing

    # `byline list` with no path now reads the fetched articles, not the samples.
    assert main(["list"]) == 0
    titles = capsys.readouterr().out
    assert "Headline 1" in titles and str(articles_dir()) in titles

    assert main(["feeds", "remove", "1"]) == 0
    assert "its 2 article(s) are kept" in capsys.readouterr().out
    assert [s.url for s in FeedStore().all()] == [server.url + "/missing.rss"]
    assert len(list(articles_dir().rglob("*.md"))) == 2


def test_refresh_exits_1_when_every_feed_fails(server: FeedServer, capsys) -> None:
    FeedStore().add(server.url + "/missing.rss")
    assert main(["feeds", "refresh"]) == 1


def test_list_before_any_subscription_reads_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    assert str(sample_corpus()) in capsys.readouterr().out
    assert not articles_dir().exists()


def test_opml_round_trip_keeps_folders_as_tags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.opml"
    source.write_text(
        """<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="World">
    <outline text="Wire" title="The Wire" type="rss" xmlUrl="https://wire.example/rss"/>
    <outline text="Europe">
      <outline text="Euro" type="rss" xmlUrl="https://euro.example/atom.xml" category="politics"/>
    </outline>
  </outline>
  <outline text="Loose" type="rss" xmlUrl="http://loose.example/feed"/>
  <outline text="http://untitled.example/rss" type="rss" xmlUrl="http://untitled.example/rss"/>
  <outline text="Bad" type="rss" xmlUrl="file:///etc/passwd"/>
</body></opml>""",
        encoding="utf-8",
    )
    assert main(["feeds", "import", str(source)]) == 0
    assert "imported 4 feed(s)" in capsys.readouterr().out
    before = {(s.url, s.title, s.tags) for s in FeedStore().all()}
    assert before == {
        ("https://wire.example/rss", "The Wire", ("World",)),
        ("https://euro.example/atom.xml", "Euro", ("World", "Europe", "politics")),
        ("http://loose.example/feed", "Loose", ()),
        ("http://untitled.example/rss", "", ()),
    }
    exported = tmp_path / "out.opml"
    assert main(["feeds", "export", str(exported)]) == 0
    for sub in FeedStore().all():
        FeedStore().remove(sub)
    assert main(["feeds", "import", str(exported)]) == 0
    after = {(s.url, s.title, s.tags) for s in FeedStore().all()}
    assert after == before


def test_opml_with_entities_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml><body><outline xmlUrl="http://a/&x;"/></body></opml>'
    )
    with pytest.raises(SystemExit) as exit_:
        main(["feeds", "import", str(bad)])
    assert exit_.value.code == 1
    assert FeedStore().all() == []


def test_a_url_opens_as_a_kept_article_and_again_offline(server: FeedServer, capsys) -> None:
    page = "<!doctype html><html><head><title>Page story</title></head><body><article><h1>Page story</h1>"
    page += "".join(f"<p>Paragraph {i}. {TEXT}</p>" for i in range(3)) + "</article></body></html>"
    url = server.route("/page.html", body=page.encode(), content_type="text/html; charset=utf-8")
    assert main(["list", url]) == 0
    assert "Page story" in capsys.readouterr().out
    server.stop()
    assert main(["list", url]) == 0  # the kept copy, without the network
    assert "Page story" in capsys.readouterr().out
    assert len(list((articles_dir() / "pages").glob("*.md"))) == 1


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The paths the app was opened on (a stand-in app that opens nothing)."""
    import byline.tui.app

    opened: list[list[str]] = []

    class FakeApp:
        return_code = 0

        def __init__(self, paths: list[str]) -> None:
            opened.append(paths)

        def run(self) -> None:
            pass

    monkeypatch.setattr(byline.tui.app, "BylineApp", FakeApp)
    return opened


def test_the_app_opens_a_url_as_its_kept_page(server: FeedServer, opened: list[list[str]]) -> None:
    page = "<!doctype html><html><head><title>Page story</title></head><body><article><h1>Page story</h1>"
    page += "".join(f"<p>Paragraph {i}. {TEXT}</p>" for i in range(3)) + "</article></body></html>"
    url = server.route("/page.html", body=page.encode(), content_type="text/html; charset=utf-8")
    assert main([url]) == 0
    [kept] = list((articles_dir() / "pages").glob("*.md"))
    assert opened == [[str(kept)]]


def test_the_app_opens_the_samples_then_the_feeds(server: FeedServer, opened: list[list[str]]) -> None:
    assert main([]) == 0
    FeedStore().add(server.url + "/news.rss")
    assert main([]) == 0
    assert main(["--samples"]) == 0
    assert opened == [[str(sample_corpus())], [str(articles_dir())], [str(sample_corpus())]]
