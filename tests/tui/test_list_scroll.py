"""The article list scrolls by whole rows: never a row's second line at the top without its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.tui.widgets.article_list import ROW_HEIGHT
from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")


@pytest.fixture
def long_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "long"
    folder.mkdir()
    for n in range(60):
        place = "Israel" if n % 3 == 0 and n < 40 else "nowhere named"
        write_article(folder, f"{n:02d}.txt", f"Article {n:02d}", [f"Words about {place} in article {n}."])
    return folder


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (100, 31)])
async def test_clearing_an_entity_filter_leaves_the_list_row_aligned(open_app, long_corpus: Path, size) -> None:
    async with open_app(long_corpus, size=size) as (app, pilot):
        articles = app.article_list
        app.main.entity_filter = "Israel"
        await pilot.pause()
        articles.focus()
        await pilot.press("G")  # the last article mentioning Israel
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert articles.current.title == "Article 39"
        assert int(articles.scroll_y) % ROW_HEIGHT == 0, articles.scroll_y
        assert "Article" in articles.render_line(0).text, "a title on the top line"
        assert articles.cursor * ROW_HEIGHT >= articles.scroll_y
        assert (articles.cursor + 1) * ROW_HEIGHT <= articles.scroll_y + articles.scrollable_content_region.height
