"""No toast over a dialog: a new user's help and bookmarks were hidden by the notices of the
main view (a toast sits at the foot of the screen on top). Notices told meanwhile wait for the
dialog to close; the bookmarks view says what its own keys did in its status line."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from byline.tui.app import BylineApp
from byline.tui.host import Notice
from byline.tui.screens.bookmarks import BookmarksScreen
from byline.tui.screens.help import HelpScreen
from byline.userdata.bookmark_store import BookmarkStore
from byline.userdata.bookmarks import article_bookmark
from tests.helpers.tui import settle

pytestmark = pytest.mark.usefixtures("fake_extractor")


@asynccontextmanager
async def with_toasts(folder: Path, size: tuple[int, int]) -> AsyncIterator[tuple[BylineApp, object]]:
    """The app with its toasts drawn (Textual's run_test leaves them out by default)."""
    app = BylineApp([str(folder)])
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        yield app, pilot


def toasts_shown(app) -> list[str]:
    """The toasts drawn over the screen on top (a toast hidden by CSS is not drawn)."""
    return [str(toast.render()) for toast in app.screen.query(Toast) if toast.visible]


async def test_a_toast_up_before_the_help_is_not_drawn_over_it(small_corpus: Path) -> None:
    async with with_toasts(small_corpus, (80, 24)) as (app, pilot):
        await pilot.press("m")  # "Marked read.": a toast for 2 s
        await pilot.pause()
        assert any("Marked read" in text for text in toasts_shown(app))
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        assert toasts_shown(app) == [], "a toast hid the help's keys"


async def test_a_notice_told_under_a_dialog_waits_for_it_to_close(small_corpus: Path) -> None:
    async with with_toasts(small_corpus, (120, 40)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        app.tell(Notice("Feeds refreshed: 3 new articles."), timeout=6)
        await pilot.pause(0.2)
        assert toasts_shown(app) == []
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        assert any("Feeds refreshed" in text for text in toasts_shown(app)), "the notice was lost"


async def test_the_bookmarks_view_says_a_delete_in_its_own_status_line(small_corpus: Path) -> None:
    store, _ = BookmarkStore.open()
    store.add(article_bookmark("one", "/a.txt", "First kept"))
    store.add(article_bookmark("two", "/b.txt", "Second kept"))
    async with with_toasts(small_corpus, (120, 40)) as (app, pilot):
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("delete")
        await settle(pilot)
        status = str(app.screen.query_one("#bookmarks-status").render())
        assert "1 bookmark" in status and "(u undoes it)" in status, status
        assert toasts_shown(app) == []
