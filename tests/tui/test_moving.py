"""Moving and marking say what happened: the ends of the list, read and unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.tui import settle

pytestmark = pytest.mark.usefixtures("fake_extractor")


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_brackets_at_the_ends_of_the_list_say_so(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("left_square_bracket")
        assert app.article_list.cursor == 0 and notices(app)[-1] == "This is the first article."
        await pilot.press("G")
        await settle(pilot)
        await pilot.press("right_square_bracket")
        assert app.article_list.cursor == 4 and notices(app)[-1] == "This is the last article."


async def test_m_says_read_or_unread(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("m")
        assert notices(app)[-1] == "Marked read."
        await pilot.press("m")
        assert notices(app)[-1] == "Marked unread."


async def test_keys_that_come_at_once_each_scroll_a_line(open_app, small_corpus: Path) -> None:
    """j held down, or typed over a slow link, comes in one read: each press was aimed one line past
    where the scroll would be once the screen was next drawn, so eight presses scrolled one line."""
    from tests.helpers.tui import burst, wait_until

    async with open_app(small_corpus, size=(80, 24)) as (app, pilot):
        await pilot.press("down", "down", "tab")  # the long article, in the reader
        await settle(pilot)
        reader = app.main.reader
        assert app.focused is reader and reader.max_scroll_y > 8
        await burst(pilot, *"jjjjjjjj")
        await wait_until(pilot, lambda: reader.scroll_y == 8, "eight lines down")
        await burst(pilot, *"kkk")
        await wait_until(pilot, lambda: reader.scroll_y == 5, "three lines up")
        page = reader.scrollable_content_region.height
        await burst(pilot, "pagedown", "pagedown")  # three presses of PageDown scrolled one page
        await wait_until(pilot, lambda: reader.scroll_y == min(5 + 2 * page, reader.max_scroll_y), "two pages down")
        await pilot.press("g")
        await wait_until(pilot, lambda: reader.scroll_y == 0, "the top")
        await burst(pilot, "space", "space")  # and so did Space
        await wait_until(pilot, lambda: reader.scroll_y == min(2 * page, reader.max_scroll_y), "Space: two pages")
        await pilot.press("question_mark")
        await settle(pilot)
        box = app.screen.query_one("HelpBox")
        await burst(pilot, *"jjjj")
        await wait_until(pilot, lambda: box.scroll_y == 4, "the help four lines down")
