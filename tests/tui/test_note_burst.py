"""A burst of keys in the note dialog lands as if typed slowly: a Tab sent with the text
moves to the tags field, it is not lost between the two fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from byline.tui.screens.bookmark_edit import BookmarkEditScreen
from tests.helpers.tui import burst, settle, wait_until

pytestmark = pytest.mark.usefixtures("fake_extractor", "no_display")


async def test_a_tab_typed_in_a_burst_moves_to_the_tags(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarkEditScreen), "the note dialog opens")
        await pilot.pause()
        await burst(pilot, *"Tory line on Iraq", "tab", *"iraq, tories")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#edit-note", Input).value == "Tory line on Iraq"
        assert screen.query_one("#edit-tags", Input).value == "iraq, tories"
