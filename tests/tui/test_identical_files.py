"""Identical files (the BBC set has byte-identical copies) share an article id, as they share
their content; each file is still its own row: its own read mark and reading place, its own
search result. Bookmarks stay by id (they survive a moved file), so they cover every copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.tui.app import BylineApp
from tests.helpers.tui import settle, wait_until, write_article
from tests.tui.test_search_app import rows, search_for

pytestmark = pytest.mark.usefixtures("fake_extractor")

LONG = [f"Paragraph {i} of a story told twice, long enough to need scrolling down." for i in range(40)]


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    for folder in ("business", "tech"):
        (root / folder).mkdir(parents=True)
        write_article(root / folder, "131.txt", "Told twice", LONG)
    write_article(root / "tech", "200.txt", "Told once", ["Words."])
    return root


def paths(app) -> list[str]:
    return [Path(app.article_list.entries[i].path).parent.name for i in range(app.article_list.count)]


async def test_the_two_rows_say_which_file_each_is(open_app, copies: Path) -> None:
    async with open_app(copies, size=(120, 40)) as (app, pilot):
        assert paths(app) == ["business", "tech", "tech"]
        first, second = (app.article_list.render_line(y).text for y in (1, 3))
        assert first != second and "business" in first and "tech" in second


async def test_each_copy_has_its_own_read_mark(open_app, copies: Path) -> None:
    async with open_app(copies, size=(120, 40)) as (app, pilot):
        await pilot.press("enter")  # the first copy read
        await settle(pilot)
        assert "✓" in app.article_list.render_line(0).text
        assert "✓" not in app.article_list.render_line(2).text, "the other file is not read"
        await pilot.press("tab", "down")  # back to the list, then the other copy
        app.article_list.focus()
        await pilot.press("U")
        await settle(pilot)
        assert app.article_list.cursor == 1, "the next unread is the other copy"


async def test_search_lists_each_copy_apart_and_opens_the_one_chosen(open_app, copies: Path) -> None:
    async with open_app(copies, size=(120, 40)) as (app, pilot):
        screen = await search_for(pilot, "t:told twice")
        shown = [row for row in rows(screen) if "Told twice" in row]
        assert len(shown) == 2 and shown[0] != shown[1], shown
        tech = next(n for n, row in enumerate(rows(screen)) if "Told twice" in row and "tech/" in row)
        await pilot.press(*["down"] * tech, "enter")
        await settle(pilot)
        assert app.article_list.cursor == 1 and Path(app.article_list.current.path).parent.name == "tech"


async def test_each_copy_keeps_its_own_reading_place(copies: Path) -> None:
    app = BylineApp([str(copies)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "tab", "pagedown")  # the second copy, scrolled
        await settle(pilot)
        left_at = app.reader.scroll_y
        assert left_at > 0 and app.article_list.cursor == 1
        await pilot.press("q")
    app = BylineApp([str(copies)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: app.reader.scroll_y == left_at, "back where the reader was")
        assert app.article_list.cursor == 1, "in the copy that was open, not the first"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.reader.scroll_y == 0, "the other copy was never scrolled"


async def test_a_bookmark_covers_every_copy_and_opens_the_file_it_was_made_in(open_app, copies: Path) -> None:
    async with open_app(copies, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await wait_until(pilot, lambda: bool(app.article_list.bookmarked_ids), "the bookmark marked")
        assert "★" in app.article_list.render_line(0).text and "★" in app.article_list.render_line(2).text
        await pilot.press("g")
        app.article_list.cursor = 2
        await settle(pilot)
        (bookmark,) = app.bookmarking.store.all()
        app.open_bookmark(bookmark)
        await settle(pilot)
        assert app.article_list.cursor == 1, "the copy it was made in"


async def test_read_marks_and_a_place_saved_by_article_id_still_count(copies: Path) -> None:
    """A state from before file keys: its marks cover every copy, its place opens the first."""
    from byline.load import load_paths
    from byline.userdata.state import State, StateFile, corpus_key

    ids = {article.title: article.id for article in load_paths([str(copies)]).articles}
    StateFile().save(State(read={ids["Told twice"]}, places={corpus_key([str(copies)]): ids["Told once"]}))
    app = BylineApp([str(copies)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.article_list.current.title == "Told once"
        assert all("✓" in app.article_list.render_line(y).text for y in (0, 2))
        app.article_list.cursor = 0
        await settle(pilot)
        await pilot.press("m")  # unread: the old mark goes, from both copies
        assert "✓" not in app.article_list.render_line(0).text and "✓" not in app.article_list.render_line(2).text


async def test_the_palette_tells_the_copies_apart_by_their_file(open_app, copies: Path) -> None:
    from textual.command import CommandList

    async with open_app(copies, size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+p", *"open told")
        hits: list[str] = []
        for _ in range(100):
            await pilot.pause(0.02)
            hits = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
            if len(hits) >= 3 and not app.screen.query_one(CommandList).loading:
                break
        twice = sorted(hit for hit in hits if hit.startswith("Open Told twice"))
        assert twice == ["Open Told twice\nbusiness/131.txt", "Open Told twice\ntech/131.txt"], hits
        assert "Open Told once" in hits, "a lone article is named by its title alone"
