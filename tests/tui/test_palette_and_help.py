"""The command palette finds actions by their short names; the help screen's columns hold at 80x24."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from byline.tui.screens.search import SearchScreen

pytestmark = pytest.mark.usefixtures("fake_extractor")


async def palette_hits(pilot, query: str) -> list[str]:
    """The palette's hits for `query`, once they are in."""
    await pilot.press("ctrl+p")
    await pilot.press(*query)
    hits: list[str] = []
    for _ in range(100):
        await pilot.pause(0.02)
        hits = [str(option.prompt) for option in pilot.app.screen.query_one(CommandList).options]
        if hits and not pilot.app.screen.query_one(CommandList).loading:
            break
    return hits


async def test_typing_search_in_the_palette_finds_search_and_enter_opens_it(open_app) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        hits = await palette_hits(pilot, "search")
        assert isinstance(app.screen, CommandPalette)
        assert hits and hits[0].splitlines()[0] == "Search", hits
        assert "Titles, quotes, speakers" in hits[0], "the description beside the name"
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if isinstance(app.screen, SearchScreen):
                break
        assert isinstance(app.screen, SearchScreen)


@pytest.mark.parametrize(
    ("query", "name"),
    [("find in", "Find in article"), ("toggle side", "Toggle sidebar"), ("previous art", "Previous article")],
)
async def test_the_palette_names_actions_shortly(open_app, query: str, name: str) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        hits = await palette_hits(pilot, query)
        assert hits and hits[0].splitlines()[0] == name, hits
        # The line under the name adds to it ("Previous article / Previous article · Key: [" did not).
        assert name not in "\n".join(hits[0].splitlines()[1:]), hits[0]


async def test_the_palette_offers_quit_once_and_none_of_textual_s_keys_panel_screenshot_or_themes(open_app) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        names = [hit.splitlines()[0] for hit in await palette_hits(pilot, "qu")]
        assert names.count("Quit") == 1, names
        await pilot.press("escape")
        await pilot.pause()
        for query in ("keys", "screenshot", "theme"):
            names = [hit.splitlines()[0] for hit in await palette_hits(pilot, query)]
            assert query.title() not in names, names
            await pilot.press("escape")
            await pilot.pause()
        # Byline's own two themes, whose contrast tests/tui/test_contrast.py checks, stay offered.
        assert "Toggle light/dark theme" in [hit.splitlines()[0] for hit in await palette_hits(pilot, "theme")]


async def test_help_at_80x24_wraps_descriptions_under_the_description_column(open_app) -> None:
    from textual.widgets import Static

    from byline.tui.screens.help import HelpScreen

    column = 17  # two cells of indent, fifteen for the keys

    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys", Static)
        lines = [strip.text for strip in keys.render_lines(keys.content_region.reset_offset)]
        lines = [line.rstrip() for line in lines if line.strip()]
        wrapped = [line for line in lines if line.startswith(" " * column)]
        assert wrapped, "the search description wraps at 80 columns"
        for line in lines:
            # A line is a section title, a row (keys at column 2), or a wrapped description under its column.
            indent = len(line) - len(line.lstrip())
            titles = {title for title, _ in app.screen.sections}
            assert line in titles if indent == 0 else indent in (2, column), repr(line)


async def test_help_scrolls_with_the_vim_keys_it_lists(open_app) -> None:
    from byline.tui.screens.help import HelpScreen

    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 2, "the help is taller than 24 rows"
        await pilot.press("j", "j")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("k", "g")
        await pilot.pause()
        assert box.scroll_y == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_the_footer_fits_the_width_its_keys_side_by_side(open_app, size: tuple[int, int]) -> None:
    from textual.widgets import Footer

    async with open_app(size=size) as (app, pilot):
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        shown = [item for item in footer.query("FooterKey, FooterLabel") if item.display]
        regions = sorted((item.region for item in shown), key=lambda region: region.x)
        assert regions and all(region.right <= size[0] for region in regions), regions
        assert all(a.right <= b.x for a, b in zip(regions, regions[1:])), f"keys overlap: {regions}"
        texts = " ".join(str(item.render()) for item in shown)
        for key in ("Quit", "Help", "Search", "Bookmarks", "palette"):
            assert key in texts, texts


async def test_keys_left_out_of_a_narrow_footer_stay_in_help_and_the_palette(open_app) -> None:
    from byline.tui.screens.help import describe

    async with open_app(size=(80, 24)) as (app, pilot):
        help_keys = " ".join(description for _, description in describe(app.BINDINGS, str))
        for name in ("Previous article", "Next article", "Highlight people"):
            assert name in help_keys
            assert await palette_hits(pilot, name), name
            await pilot.press("escape")
