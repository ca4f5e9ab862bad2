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
