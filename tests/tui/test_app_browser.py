"""Opening the article's link in the web browser (w): webbrowser.open is never really called."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.tui.screens.copy_by_hand import CopyByHandScreen
from tests.tui.test_app_feeds import wait_until


def article_with_url(folder: Path, url: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "linked.md"
    front = f'url: "{url}"\n' if url else ""
    path.write_text(f'---\ntitle: "Linked story"\n{front}---\n\nA paragraph of the story.\n', encoding="utf-8")
    return folder


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import webbrowser

    import byline.tui.browser

    opened: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(byline.tui.browser, "runs_in_terminal", lambda: False)  # whatever this machine has
    monkeypatch.setattr(webbrowser, "open", fake_open)
    return opened


async def test_o_opens_the_article_link_in_the_browser(tmp_path: Path, browser: list[str], open_app) -> None:
    url = "https://news.example.org/2026/12/02/linked-story"
    async with open_app(article_with_url(tmp_path / "c", url)) as (app, pilot):
        assert app.reader.article.url == url
        await pilot.press("w")
        await wait_until(pilot, lambda: browser == [url], "webbrowser.open called with the URL")


async def test_o_without_a_url_says_so(tmp_path: Path, browser: list[str], open_app) -> None:
    async with open_app(article_with_url(tmp_path / "c", "")) as (app, pilot):
        seen: list[str] = []
        await pilot.press("w")
        await wait_until(pilot, lambda: any("no link" in m for m in seen), "the notice", seen)
        assert browser == []


async def test_o_without_a_browser_shows_the_link_to_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_app
) -> None:
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    url = "https://news.example.org/story"
    async with open_app(article_with_url(tmp_path / "c", url)) as (app, pilot):
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, CopyByHandScreen), "the link shown to copy")
        assert app.screen.text == url
        await pilot.press("y")  # or copy it with a key
        await wait_until(pilot, lambda: not isinstance(app.screen, CopyByHandScreen), "the dialog closed")
        assert app.clipboard == url


def test_the_feed_keys_are_in_help_and_the_palette_not_the_footer() -> None:
    from textual.binding import Binding

    from byline.tui.app import BylineApp
    from byline.tui.screens.help import describe

    bindings = {b.key: b for b in Binding.make_bindings(BylineApp.BINDINGS)}
    assert not bindings["R"].show and not bindings["w"].show  # the footer (and its snapshots) unchanged
    rows = dict(describe(BylineApp.BINDINGS, lambda binding: binding.key))
    assert rows["R"].startswith("Refresh feeds") and rows["w"].startswith("Open the article's link")
