"""The app around the panes: help, palette, quitting, themes, layout, bad input, saved state."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer, Static

import byline.tui.screens.corpus_loading
from byline.paths import data_dir
from byline.tui.app import DARK_THEME, LIGHT_THEME, BylineApp
from byline.tui.screens.help import HelpScreen
from byline.tui.widgets.reader import Paragraph
from byline.tui.widgets.sidebar import Sidebar
from tests.helpers import BBC, needs_bbc
from tests.helpers.tui import (
    WAIT_SECONDS,
    pause_loading_after_first_batch,
    settle,
    wait_for_first_article,
    wait_until,
    write_article,
)

pytestmark = pytest.mark.usefixtures("fake_extractor")


def notices(app: BylineApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_question_mark_shows_every_key_and_escape_closes_it(open_app) -> None:
    async with open_app(size=(100, 40)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys", Static).content)
        for description in (
            "Next article",
            "Previous article",
            "Quit",
            "Highlight people",
            "sidebar",
            "Page down",
            "Command palette",
        ):
            assert description in text
        assert "]" in text and "space" in text.lower()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_command_palette_offers_the_apps_actions_and_articles(open_app) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.article.title.startswith("Netanyahu Tells Blinken")


async def test_article_markup_and_escape_codes_are_shown_as_text(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "markup.txt").write_text(
        "Title with [bold red]x[/] inside\n\n"
        "Body holds [bold red]x[/] and [link=https://example.com]a link[/link] and \x1b[2J a clear-screen code.\n\n"
        "“A quote with [/] in it,” Antony Blinken said.\n",
        encoding="utf-8",
    )
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        head = str(app.reader.query_one("#reader-head", Static).content)
        assert "Title with [bold red]x[/] inside" in head
        body = str(app.reader.query(Paragraph).first().content)
        assert "[bold red]x[/]" in body and "[link=https://example.com]a link[/link]" in body
        assert "\x1b" not in body
        assert "Title with [bold red]x[/" in app.article_list.render_line(0).text
        assert "[/]" in str(app.sidebar.get_option("quote-0").prompt)
        # The palette's fuzzy highlighter must not parse the title either.
        await pilot.press("ctrl+p")
        await pilot.press(*"title with")
        await pilot.pause(0.5)
        hits = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        assert any("Open Title with [bold red]x[/] inside" in hit for hit in hits)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_remembers_the_last_article_and_read_marks_across_runs(small_corpus: Path) -> None:
    first = BylineApp([str(small_corpus)])
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # opens 1 then 2: both read
        await settle(pilot)
        await pilot.press("q")
    saved = json.loads((data_dir() / "state.json").read_text())
    assert len(saved["read"]) == 2

    second = BylineApp([str(small_corpus)])
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert second.reader.article.title == "Article number 2"
        assert len(second.article_list.read_ids) == 2
        assert "✓" in second.article_list.render_line(2).text  # article 1's row
        assert "✓" not in second.article_list.render_line(0).text


async def test_m_marks_the_current_article_read_and_unread(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus) as (app, pilot):
        current = app.article_list.current.key
        await pilot.press("m")
        assert current in app.article_list.read_ids
        await pilot.press("m")
        assert current not in app.article_list.read_ids


async def test_reopens_the_last_article_scrolled_where_it_was(small_corpus: Path) -> None:
    first = BylineApp([str(small_corpus)])
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter", "pagedown", "pagedown")
        await settle(pilot)
        left_at = first.reader.scroll_y
        assert left_at > 0
        await pilot.press("q")

    again = BylineApp([str(small_corpus)])
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.reader.article.title == "Article number 2"
        assert again.reader.scroll_y == left_at
        # Moving on starts the next article at its top.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert again.reader.scroll_y == 0


async def test_theme_toggles_and_is_remembered(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus) as (app, pilot):
        assert app.theme == DARK_THEME
        await pilot.press("t")
        assert app.theme == LIGHT_THEME
    again = BylineApp([str(small_corpus)])
    async with again.run_test() as pilot:
        assert again.theme == LIGHT_THEME


async def test_a_corrupt_state_file_is_moved_aside_and_reported_once(open_app, small_corpus: Path) -> None:
    folder = data_dir()
    folder.mkdir(parents=True)
    (folder / "state.json").write_text("{ not json", encoding="utf-8")
    async with open_app(small_corpus) as (app, pilot):
        said = [n for n in notices(app) if "damaged" in n]
        assert len(said) == 1
        kept = list(folder.glob("state.corrupt-*.json"))
        assert len(kept) == 1 and kept[0].read_text() == "{ not json"


async def test_an_unwritable_data_dir_leaves_the_app_working_and_says_so_once(
    open_app, small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A data dir whose parent is a file cannot be created, even by root.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("BYLINE_DATA_DIR", str(blocker / "data"))
    async with open_app(small_corpus) as (app, pilot):
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            app.save_state()
        assert app.reader.article.title == "Article number 3"
        assert len([n for n in notices(app) if "will not be saved" in n]) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
async def test_a_read_only_data_dir(open_app, small_corpus: Path) -> None:
    folder = data_dir()
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        async with open_app(small_corpus) as (app, pilot):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            app.save_state()
            assert len([n for n in notices(app) if "will not be saved" in n]) == 1
    finally:
        folder.chmod(0o700)


async def test_nothing_to_load_shows_an_empty_state(open_app, tmp_path: Path) -> None:
    async with open_app(tmp_path / "nowhere") as (app, pilot):
        assert "No articles found" in str(app.reader.query_one("#reader-head", Static).content)
        await pilot.press("right_square_bracket", "enter", "e", "j", "G")
        await pilot.pause()
        assert app.is_running


async def test_skipped_files_are_reported_in_one_notice(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_article(folder, "good.txt", "A good one", ["Some text."])
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "[bold red]odd.txt").write_text("")  # a name that is markup must show as text
    async with open_app(folder) as (app, pilot):
        skipped = [n for n in notices(app) if "could not be loaded" in n]
        assert len(skipped) == 1
        assert "3 files" in skipped[0] and "empty file" in skipped[0] and "binary" in skipped[0]
        assert "[bold red]odd.txt" in skipped[0]
        assert app.article_list.count == 1


async def test_narrow_screen_folds_the_sidebar_behind_s(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(80, 24)) as (app, pilot):
        sidebar = app.sidebar
        assert not sidebar.display
        assert app.article_list.region.width > 20 and app.reader.region.width > 40
        await pilot.press("s")
        await pilot.pause()
        assert sidebar.display and isinstance(app.focused, Sidebar)
        assert not app.query_one("#list-pane").display, "the sidebar takes the list's place"
        assert not sidebar.region.overlaps(app.reader.region)
        await pilot.press("s")
        await pilot.pause()
        assert not sidebar.display and app.query_one("#list-pane").display
        # Choosing an entity in the folded-out sidebar brings the (filtered) list back.
        await pilot.press("s", "G", "enter")
        await settle(pilot)
        assert app.entity_filter is not None and app.query_one("#list-pane").display and not sidebar.display


async def test_s_twice_on_a_narrow_screen_gives_the_focus_back_where_it_was(open_app, small_corpus: Path) -> None:
    # The sidebar shown in the list's place and hidden again left the reader focused: `j` then
    # scrolled the article instead of moving down the list.
    async with open_app(small_corpus, size=(80, 24)) as (app, pilot):
        await pilot.press("1")
        await pilot.pause()
        assert app.focused is app.article_list
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.focused, Sidebar)
        await pilot.press("s")
        await pilot.pause()
        assert app.focused is app.article_list
        await pilot.press("j")
        await settle(pilot)
        assert app.article_list.cursor == 1


async def test_wide_screen_shows_all_three_panes_side_by_side(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(160, 48)) as (app, pilot):
        panes = [app.query_one("#list-pane").region, app.reader.region, app.sidebar.region]
        assert all(p.width > 0 for p in panes)
        assert panes[0].right <= panes[1].x and panes[1].right <= panes[2].x
        await pilot.press("s")
        await pilot.pause()
        assert not app.sidebar.display


async def test_an_article_whose_file_went_away_says_so(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus) as (app, pilot):
        (small_corpus / "03.txt").unlink()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        head = str(app.reader.query_one("#reader-head", Static).content)
        assert "Article number 3" in head and "can no longer be read" in head
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Article number 4"


@needs_bbc()
async def test_the_whole_bbc_set_loads_and_every_end_of_it_opens(open_app) -> None:
    async with open_app(BBC, size=(120, 40)) as (app, pilot):
        assert app.article_list.count >= 2200
        assert "articles" in app.sub_title and "loading" not in app.sub_title
        # BBC articles have no author and no source: nothing in the author's place, not the folder
        # (a row off the cursor: the highlighted row gives both its lines to a long title).
        assert app.article_list.render_line(3).text.split() == ["no", "quotes"]
        await pilot.press("G")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.id == app.article_list.current.id
        await pilot.press("g", "enter", "pagedown", "right_square_bracket")
        await settle(pilot)
        assert app.reader.article.id == app.corpus.entries[1].id


async def test_files_that_are_not_articles_are_passed_over_quietly(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "with-readme"
    folder.mkdir()
    write_article(folder, "story.txt", "A story", ["Text."])
    (folder / "README.md").write_text("# About this folder\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    async with open_app(folder) as (app, pilot):
        assert app.article_list.count == 1
        assert not [n for n in notices(app) if "could not be loaded" in n]


async def test_the_last_article_is_not_forgotten_before_loading_finds_it(small_corpus: Path, monkeypatch) -> None:
    first = BylineApp([str(small_corpus)])
    async with first.run_test() as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
    last = first.state.last_article

    # Loading that pauses after one article, as a big corpus does: quitting then must keep the place.
    release = pause_loading_after_first_batch(monkeypatch, batch_size=1)
    monkeypatch.setattr(byline.tui.screens.corpus_loading, "PLACE_WAIT_S", WAIT_SECONDS)  # held back throughout
    again = BylineApp([str(small_corpus)])
    try:
        async with again.run_test() as pilot:
            await wait_until(pilot, lambda: again.article_list.count == 1, "the first row")
            assert again.loading and again.reader.article is None, "the first article waits for the place"
            again.save_state()
            assert again.state.last_article == last, "the first article shown did not replace the place to come back to"
            release.set()
            await settle(pilot)
            assert again.article_list.current.key == last
    finally:
        release.set()


async def test_loading_shows_progress_above_the_footer_then_goes(small_corpus: Path, monkeypatch) -> None:
    release = pause_loading_after_first_batch(monkeypatch, batch_size=2)
    app = BylineApp([str(small_corpus)])
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_first_article(pilot)
            bar = app.query_one("#loading")
            assert bar.display and bar.region.height == 1
            assert not bar.region.overlaps(app.query_one(Footer).region)
            assert "Loading 2 of 5 files" in str(app.query_one("#loading-label", Static).content)
            assert "loading" in app.sub_title
            release.set()
            await settle(pilot)
            assert not bar.display and app.article_list.count == 5
    finally:
        release.set()
