"""How the app looks, at the smallest supported size and on a wide screen.

Every snapshot waits for loading to finish, so no progress bar or timing
shows in the frame. Quotes and entities come from the stand-in extractor, so
the pictures change only when the UI does.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from byline.tui.app import BylineApp
from tests.helpers.tui import settle

pytestmark = pytest.mark.usefixtures("fake_extractor")

NARROW = (80, 24)
WIDE = (160, 48)


def sample_app() -> BylineApp:
    return BylineApp()


async def loaded(pilot) -> None:
    await settle(pilot)
    await still_cursors(pilot)


def after(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await still_cursors(pilot)

    return run_before


async def still_cursors(pilot) -> None:
    """A text box's cursor shown, not blinking: on a busy machine the frame was taken in
    either phase of the blink (the speakers view failed so under load)."""
    for screen in pilot.app.screen_stack:
        for box in screen.query(Input):
            box.cursor_blink = False  # which also shows the cursor
    await pilot.pause()


class TestNarrow:
    """80x24: list and reader; the sidebar folds away behind `s`."""

    def test_first_article(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=NARROW, run_before=loaded)

    def test_sidebar_in_place_of_the_list(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=NARROW, run_before=after("s"))

    def test_help(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=NARROW, run_before=after("question_mark"))

    def test_second_article_read(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=NARROW, run_before=after("right_square_bracket"))


class TestWide:
    """160x48: all three panes."""

    def test_first_article(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=WIDE, run_before=loaded)

    def test_quote_jump_with_entities(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=WIDE, run_before=after("tab", "tab", "down", "enter", "e"))

    def test_entity_filter_chip(self, snap_compare) -> None:
        # Sidebar: quotes (3), then People; the first person filters the list.
        keys = ["tab", "tab", "down", "down", "down", "enter"]
        assert snap_compare(sample_app(), terminal_size=WIDE, run_before=after(*keys))

    def test_light_theme(self, snap_compare) -> None:
        assert snap_compare(sample_app(), terminal_size=WIDE, run_before=after("t", "e"))

    def test_nothing_to_read(self, snap_compare) -> None:
        app = BylineApp(["no-such-folder"])  # relative, so the message is the same on every machine
        assert snap_compare(app, terminal_size=WIDE, run_before=loaded)


class TestUncertainSpeaker:
    """120x40: a quote whose speaker is a guess shows in italics, marked uncertain."""

    def test_sidebar_marks_the_uncertain_speaker(self, snap_compare, tmp_path) -> None:
        from tests.helpers.tui import write_article

        write_article(
            tmp_path,
            "uncertain.txt",
            "Talks resume in Qatar",
            [
                "“We are closer than we have been,” Antony Blinken said in Qatar.",
                "“Nothing is agreed until everything is agreed,” he added.",
                "Hamas gave no answer on Monday.",
            ],
        )
        app = BylineApp([str(tmp_path)])
        assert snap_compare(app, terminal_size=(120, 40), run_before=after("tab", "tab"))


class TestPeopleViews:
    """The speakers view (2) and a speaker's quotes (Enter), at both sizes."""

    @pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
    def test_speakers_view(self, snap_compare, size) -> None:
        assert snap_compare(sample_app(), terminal_size=size, run_before=after("2"))

    @pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
    def test_a_speakers_quotes(self, snap_compare, size) -> None:
        # Enter in the filter chooses the top speaker (the most quoted): their quotes in the middle pane.
        assert snap_compare(sample_app(), terminal_size=size, run_before=after("2", "enter"))


class TestSidebarFollowsTheQuotes:
    """120x40: in a speaker's quotes, the sidebar is on the article of the quote under the cursor
    (the sample's second article, its quote 2 highlighted), not on the reader's (the first)."""

    def test_the_sidebar_on_the_quote_lists_article(self, snap_compare) -> None:
        async def run_before(pilot) -> None:
            await after("2", "enter")(pilot)
            await pilot.pause(0.3)  # past SIDEBAR_QUIET: the article the cursor rests on is shown
            await settle(pilot)

        assert snap_compare(sample_app(), terminal_size=(120, 40), run_before=run_before)
