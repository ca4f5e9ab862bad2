"""`y` from any pane: the quote highlighted in the sidebar, or a word on why there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.clipboard import attribution
from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor", "no_display")


def last_notice(app) -> str:
    return list(app._notifications)[-1].message


async def test_y_in_an_article_without_quotes_says_it_has_none(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "quiet"
    folder.mkdir()
    write_article(folder, "a.txt", "Nothing said", ["Plain words, nobody quoted at all."])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        await pilot.press("y")
        assert app.clipboard == ""
        assert "no quotes" in last_notice(app)


@pytest.mark.parametrize("pane", ["article_list", "reader"])
async def test_y_from_the_list_or_reader_copies_the_quote_highlighted_in_the_sidebar(
    open_app, small_corpus: Path, pane: str
) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")  # article 2: two quotes
        await settle(pilot)
        app.sidebar.focus()
        await pilot.pause()
        await pilot.press("down")  # onto the second quote, without Enter
        await pilot.pause()
        entry = app.article_list.current
        getattr(app, pane).focus()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        quote = entry.quotes[1]
        assert app.clipboard == attribution(quote.text, quote.speaker, entry.title)


async def test_y_with_quotes_but_none_highlighted_says_how_to_choose_one(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(80, 24)) as (app, pilot):
        await pilot.press("y")
        assert app.clipboard == ""
        assert "Tab to the sidebar" in last_notice(app) and "s shows the sidebar" in last_notice(app)


async def test_down_before_the_sidebar_handles_its_focus_still_lands_on_the_second_quote(
    open_app, small_corpus: Path
) -> None:
    # Tab then Down typed fast: Down's binding can run before the sidebar's Focus handler.
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        sidebar = app.sidebar
        assert sidebar.highlighted is None
        sidebar.action_cursor_down()
        assert sidebar.highlighted == sidebar.get_option_index("quote-1")
