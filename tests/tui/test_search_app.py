"""Search and find through the real app: `/`, Enter to a quote or passage, Escape, Ctrl+F, n / N."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from byline.tui.screens.find import FindScreen
from byline.tui.screens.help import HelpScreen
from byline.tui.screens.search import SearchScreen
from tests.helpers.tui import settle, wait_until, workers_done

pytestmark = pytest.mark.usefixtures("fake_extractor")


async def search_for(pilot, query: str) -> SearchScreen:
    await pilot.press("slash")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*query)
    await workers_done(pilot.app)
    await pilot.pause()
    return screen


def rows(screen: SearchScreen) -> list[str]:
    results = screen.query_one(OptionList)
    return [results.get_option_at_index(i).prompt.plain for i in range(results.option_count)]


async def test_slash_opens_the_search_and_a_misspelt_name_is_found(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        screen = await search_for(pilot, "@blinkne")
        assert "@ speakers and people" in screen.query_one(Input).placeholder
        shown = rows(screen)
        assert shown[0].startswith(("speaker Antony Blinken", "entity  Antony Blinken"))
        assert {row.split()[0] for row in shown} == {"speaker", "entity"}


async def test_enter_on_a_quote_opens_its_article_scrolled_to_the_quote_and_marks_it(
    open_app, small_corpus: Path
) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        assert app.reader.article.title == "Article number 0"
        screen = await search_for(pilot, '"very end of a lnog article')
        assert rows(screen)[0].startswith("quote   \u201cThis quote sits near the very end")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.reader.article.title == "Article number 2"
        assert app.article_list.current.title == "Article number 2"
        quote = app.reader.analysis.quotes[app.reader.marked_quote]
        assert quote.text.startswith("This quote sits near the very end")
        assert app.reader.scroll_y > 0 and app.reader.has_focus


async def test_enter_on_a_passage_of_text_scrolls_to_it_and_marks_it(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        screen = await search_for(pilot, "filler paragraph 37")
        hit = screen.hits[0]
        assert hit.kind == "text" and hit.text.startswith("Filler paragraph 37 ")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.reader
        assert reader.article.title == "Article number 2"
        start, end = reader.marked_span
        assert reader.article.body[start:end] == hit.text
        assert reader.scroll_y > 0


async def test_escape_leaves_the_app_as_it_was(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket")
        await settle(pilot)
        before = (app.reader.article.title, app.focused, app.article_list.cursor)
        screen = await search_for(pilot, "article number 4")
        assert rows(screen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert (app.reader.article.title, app.focused, app.article_list.cursor) == before
        assert app.reader.marked_span is None and app.reader.marked_quote is None


async def test_a_title_prefix_finds_only_titles(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        screen = await search_for(pilot, "t:artcle numbr 3")
        shown = rows(screen)
        assert shown[0] == "title   Article number 3"
        assert all(row.startswith("title") for row in shown)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.article.title == "Article number 3"


async def test_ctrl_f_then_n_and_shift_n_move_between_matches(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Article number 2"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FindScreen)
        await pilot.press(*"FILLER paragraph", "enter")
        await pilot.pause()
        reader = app.reader
        body = reader.article.body

        def marked() -> str:
            start, end = reader.marked_span
            return body[start : end + 3]

        assert reader.has_focus and reader.finder.status == "1 of 40"
        assert marked() == "Filler paragraph 0 "
        await pilot.press("n", "n")
        await pilot.pause()
        assert reader.finder.status == "3 of 40" and marked() == "Filler paragraph 2 "
        await pilot.press("N", "N", "N")
        await pilot.pause()
        assert reader.finder.status == "40 of 40" and marked() == "Filler paragraph 39"
        await pilot.pause(0.1)
        assert reader.scroll_y > 0
        assert "find \u201cFILLER paragraph\u201d 40 of 40" in reader.border_subtitle


async def test_the_first_enter_lands_on_the_first_match_wherever_the_reader_is(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        reader = app.reader
        reader.focus()
        await pilot.press("space", "space")  # read on, well past the first filler paragraphs
        await settle(pilot)
        scrolled = reader.scroll_y
        assert scrolled > 0
        await pilot.press("ctrl+f", *"filler paragraph", "enter")
        await pilot.pause(0.1)
        start, _ = reader.marked_span
        assert reader.finder.status == "1 of 40" and reader.article.body[start:].startswith("Filler paragraph 0 ")
        assert reader.scroll_y < scrolled, "the view goes back to the first match"
        assert "find \u201cfiller paragraph\u201d 1 of 40" in str(reader.border_subtitle)


async def test_find_reports_a_missing_string_as_text(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+f", *"[bold]x", "enter")
        await wait_until(pilot, lambda: bool(app._notifications), "the notice of no match")
        assert [n.message for n in app._notifications] == ["Not in this article: [bold]x"]
        assert app.reader.finder.status == "no match" and app.reader.marked_span is None


async def test_find_forgives_a_typo_and_says_which_word_it_found(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+f", *"blinkn", "enter")
        await wait_until(pilot, lambda: bool(app._notifications), "the notice of the near word")
        assert [n.message for n in app._notifications] == ["No “blinkn” in this article: found “blinken”"]
        start, end = app.reader.marked_span
        assert app.reader.article.body[start:end] == "Blinken"


async def test_help_lists_the_search_keys_and_prefixes(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 50)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys", Static).content)
        for description in (
            'Titles, quotes, speakers, entities, text; prefixes @ # " t:',
            "Find in this article, then n / N",
            "Next match",
            "Previous match",
            "Search titles only",
            "Search quotes only",
        ):
            assert description in text


async def test_a_search_typed_while_loading_says_what_it_covers_and_is_refreshed(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from byline.tui.app import BylineApp
    from tests.helpers.tui import pause_loading_after_first_batch, wait_for_first_article

    release = pause_loading_after_first_batch(monkeypatch, batch_size=1)
    app = BylineApp([str(small_corpus)])
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_first_article(pilot)
            await pilot.press("slash")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await pilot.press(*"rafah")
            status = screen.query_one("#search-status", Static)
            for _ in range(500):
                await pilot.pause(0.02)
                if "searching" in str(status.content):
                    break
            assert "files" in str(status.content) and "searching" in str(status.content)
            assert not any("Article number 4" in row for row in rows(screen))  # not loaded yet
            release.set()
            for _ in range(1000):
                await pilot.pause(0.02)
                if any("Article number 4" in row for row in rows(screen)) and "searching" not in str(status.content):
                    break
            assert any("Article number 4" in row for row in rows(screen)), "the early query was left stale"
            assert "searching" not in str(status.content)
    finally:
        release.set()


async def test_escape_clears_the_find_from_the_reader_border(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+f", *"paragraph", "enter")
        await pilot.pause()
        reader = app.reader
        assert "find \u201cparagraph\u201d 1 of " in str(reader.border_subtitle)
        await pilot.press("escape")
        await pilot.pause()
        assert "find" not in str(reader.border_subtitle) and reader.marked_span is None
        assert reader.find_needle == "" and reader.has_focus
