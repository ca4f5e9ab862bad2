"""The three panes: the list drives the reader and the sidebar; keys and mouse move around."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.events import MouseScrollDown
from textual.widgets import Static

from byline.tui.app import BylineApp
from byline.tui.widgets.article_list import ArticleList
from byline.tui.widgets.reader import Paragraph, Reader
from byline.tui.widgets.sidebar import Sidebar, name_row
from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")


def reader_title(app: BylineApp) -> str:
    return app.reader.article.title if app.reader.article else ""


def head_text(app: BylineApp) -> str:
    return str(app.reader.query_one("#reader-head", Static).content)


def test_a_name_s_count_has_thousands_separators() -> None:
    # 65,550 mentions, as the QUOTES · 65,550 heading above it writes them.
    assert name_row("Tony Blair", 65550, 30).plain == "Tony Blair  65,550"


async def test_opens_on_the_first_sample_article_with_its_quotes(open_app) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        assert app.article_list.count == 2
        assert reader_title(app).startswith("Report: Israel Backing Off")
        assert "Report: Israel Backing Off" in head_text(app)
        assert "By Dave DeCamp" in head_text(app)
        first_quote = app.sidebar.get_option("quote-0")
        assert "Israeli official" in str(first_quote.prompt)


async def test_cursor_moves_the_reader_and_sidebar_without_enter(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        assert reader_title(app) == "Article number 0"
        for key, expected in [("down", 1), ("j", 2), ("k", 1), ("up", 0), ("G", 4), ("g", 0), ("end", 4), ("home", 0)]:
            await pilot.press(key)
            await settle(pilot)
            assert reader_title(app) == f"Article number {expected}", key
            assert app.sidebar.entry is not None and app.sidebar.entry.title == f"Article number {expected}"
        # Moving the cursor previews; it does not mark the article read.
        assert app.article_list.read_ids == frozenset()


async def test_enter_opens_marks_read_and_focuses_the_reader(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.focused, Reader)
        assert app.article_list.current.key in app.article_list.read_ids
        assert "✓" in app.article_list.render_line(2).text


async def test_brackets_move_between_articles_from_any_pane(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert reader_title(app) == "Article number 1"
        app.reader.focus()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert reader_title(app) == "Article number 3"
        app.sidebar.focus()
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert reader_title(app) == "Article number 2"
        assert isinstance(app.focused, Sidebar)


async def test_tab_and_shift_tab_cycle_the_panes(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        seen = [type(app.focused)]
        for _ in range(3):
            await pilot.press("tab")
            seen.append(type(app.focused))
        assert seen == [ArticleList, Reader, Sidebar, ArticleList]
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Sidebar)


async def test_page_keys_and_space_scroll_the_reader(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        reader = app.reader
        assert reader.scroll_y == 0 and reader.border_subtitle == "0%"
        await pilot.press("pagedown")
        await pilot.pause()
        after_page = reader.scroll_y
        assert after_page > 0
        await pilot.press("space")
        await pilot.pause()
        assert reader.scroll_y > after_page
        await pilot.press("pageup")
        await pilot.pause()
        assert reader.scroll_y < reader.max_scroll_y
        await pilot.press("G")
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y and reader.border_subtitle == "100%"


async def test_space_past_an_article_s_end_marks_it_read_then_goes_on(open_app, small_corpus: Path) -> None:
    # The first article shown on opening was never stepped to: paged through to its end with
    # Space and left for the next, it stayed unread while the next got its mark.
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await settle(pilot)
        first = app.article_list.current
        assert first is not None and not app.article_list.is_read(first)
        for _ in range(10):
            if app.article_list.current is not first:
                break
            await pilot.press("space")
            await settle(pilot)
        assert app.article_list.current is not first, "Space goes on to the next article"
        assert app.article_list.is_read(first) and app.article_list.is_read(app.article_list.current)


async def test_mouse_click_opens_and_wheel_scrolls(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        # Rows are two lines high: line 4 is the third article (the long one).
        await pilot.click(ArticleList, offset=(5, 4))
        await settle(pilot)
        assert reader_title(app) == "Article number 2"
        assert app.article_list.current.key in app.article_list.read_ids
        reader = app.reader
        before = reader.scroll_y
        region = reader.region
        reader.post_message(
            MouseScrollDown(reader, 5, 5, 0, 0, 0, False, False, False, screen_x=region.x + 5, screen_y=region.y + 5)
        )
        await pilot.pause()
        assert reader.scroll_y > before


async def test_quote_jump_scrolls_the_reader_and_marks_the_quote(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("j", "j")
        await settle(pilot)
        reader = app.reader
        assert reader.scroll_y == 0
        app.sidebar.focus()
        await pilot.press("down")  # second quote: near the end of the long article
        await pilot.press("enter")
        await settle(pilot)
        assert reader.marked_quote == 1
        quote = reader.analysis.quotes[1]
        paragraph = list(reader.query(Paragraph))[reader.paragraph_of(quote)]
        assert reader.scroll_y > 0
        assert reader.region.contains_region(paragraph.region), "the quote is on screen"
        assert "This quote sits near the very end" in str(paragraph.content)
        styles = [span.style for span in paragraph.content.spans]
        assert any("$accent" in str(style) for style in styles), "the quote is marked"


async def test_choosing_an_entity_filters_the_list_and_x_or_escape_clears_it(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("G")
        await settle(pilot)
        sidebar = app.sidebar
        sidebar.focus()
        place = next(i for i, o in enumerate(sidebar.options) if o.id and str(o.prompt).startswith("Israel"))
        sidebar.highlighted = place
        await pilot.press("enter")
        await settle(pilot)
        assert app.article_list.count == 1
        assert reader_title(app) == "Article number 4"
        chip = app.query_one("#filter-chip", Static)
        assert chip.display and "Israel" in str(chip.content)
        await pilot.press("x")
        await settle(pilot)
        assert app.article_list.count == 5 and not chip.display
        assert reader_title(app) == "Article number 4", "clearing keeps the current article"
        # Again, cleared by Escape this time.
        sidebar.focus()
        sidebar.highlighted = place
        await pilot.press("enter")
        await settle(pilot)
        assert app.article_list.count == 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.article_list.count == 5


async def test_e_toggles_entity_highlighting_with_a_legend(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        legend = app.reader.query_one("#reader-legend", Static)
        first = app.reader.query(Paragraph).first()
        assert not legend.display and not first.content.spans
        await pilot.press("e")
        await pilot.pause()
        assert legend.display and "organisation" in str(legend.content)
        first = app.reader.query(Paragraph).first()
        assert {"Hamas", "Qatar"} <= {str(first.content)[s.start : s.end] for s in first.content.spans}
        await pilot.press("e")
        await pilot.pause()
        assert not legend.display


async def test_open_entry_at_a_quote_for_search_and_bookmarks(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        long_one = next(e for e in app.corpus.entries if e.title == "Article number 2")
        app.open_entry(long_one, quote=1)
        await settle(pilot)
        reader = app.reader
        assert reader_title(app) == "Article number 2" and reader.marked_quote == 1
        paragraph = list(reader.query(Paragraph))[reader.paragraph_of(reader.analysis.quotes[1])]
        assert reader.region.contains_region(paragraph.region)
        assert app.sidebar.highlighted == app.sidebar.get_option_index("quote-1")


async def test_sidebar_quotes_keep_their_separators_when_its_scrollbar_appears(open_app) -> None:
    async with open_app(size=(110, 30)) as (app, pilot):
        await pilot.press("right_square_bracket")  # seven quotes: more than the sidebar holds
        await settle(pilot)
        sidebar = app.sidebar
        lines = [sidebar.render_line(y).text for y in range(sidebar.virtual_size.height)]
        rules = [line for line in lines if set(line.strip()) == {"─"}]
        assert len(rules) == len(app.article_list.current.quotes) - 1
        assert sidebar.virtual_size.height > sidebar.size.height


async def test_space_reads_on_from_the_list_then_moves_to_the_next_article(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("j", "j")
        await settle(pilot)
        reader = app.reader
        assert isinstance(app.focused, ArticleList)
        pages = 0
        while not reader.at_end and pages < 50:
            await pilot.press("space")
            await pilot.pause()
            pages += 1
        assert 1 < pages < 50 and isinstance(app.focused, ArticleList)
        await pilot.press("space")
        await settle(pilot)
        assert reader_title(app) == "Article number 3"


async def test_showing_the_same_article_again_keeps_the_sidebar_row(open_app) -> None:
    # The list cursor settling on the article already shown (or a late reload of it) must not
    # send the sidebar's cursor back to the top while the reader is moving in it.
    async with open_app(size=(120, 40)) as (app, pilot):
        await pilot.press("tab", "tab", "down")
        await settle(pilot)
        assert app.sidebar.highlighted_option is not None
        row = app.sidebar.highlighted_option.id
        assert row == "quote-1"
        app.sidebar.show(app.article_list.current)
        await settle(pilot)
        assert app.sidebar.highlighted_option is not None and app.sidebar.highlighted_option.id == row


async def test_keys_typed_ahead_of_the_focus_land_as_if_typed_slowly(open_app) -> None:
    # Tab, Down, Enter sent in one burst (a busy machine, a fast typist): the Down may be
    # handled before the sidebar's Focus event; it must still reach the second quote.
    async with open_app(size=(120, 40)) as (app, pilot):
        assert app.sidebar.highlighted is None
        app.sidebar.action_cursor_down()  # before any focus arrived
        assert app.sidebar.highlighted_option is not None and app.sidebar.highlighted_option.id == "quote-1"


async def test_a_quote_key_typed_ahead_of_the_focus_takes_the_first_quote(open_app) -> None:
    # Tab, Tab, b in one burst: `b` can run after the focus moved to the sidebar but before its
    # Focus event put the cursor on the first quote. It bookmarked the article then (seen in tmux).
    async with open_app(size=(120, 40)) as (app, pilot):
        entry = app.article_list.current
        assert app.sidebar.highlighted is None and entry.quotes
        app.screen.set_focus(app.sidebar)  # has_focus now; its Focus event is still queued
        assert app.screen.chosen_quote() == entry.quotes[0]


async def test_the_sidebar_shown_on_a_narrow_screen_stays_shown_when_it_widens(open_app) -> None:
    # `s` shows the sidebar on a narrow screen and hides it on a wide one: carried across
    # the line, the toggle hid the sidebar just asked for.
    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("s")
        await settle(pilot)
        assert app.sidebar.display and app.sidebar.region.width > 0
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert app.sidebar.region.width > 0 and app.query_one("#list-pane").region.width > 0
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.query_one("#list-pane").region.width > 0, "narrow again: its own default, the list"


async def test_an_article_with_more_quotes_than_the_sidebar_lists_says_how_many_more(
    open_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 30 MB file held 61,000 quotes: listing them all took 17 s on the UI thread.
    monkeypatch.setattr("byline.tui.widgets.sidebar.LISTED", 2)
    folder = tmp_path / "many"
    folder.mkdir()
    paragraphs = [f"“Quote number {n} is here,” Antony Blinken said." for n in range(5)]
    write_article(folder, "many.txt", "Many quotes", paragraphs)
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        prompts = [str(app.sidebar.get_option_at_index(i).prompt) for i in range(app.sidebar.option_count)]
        assert sum("Quote number" in p for p in prompts) == 2
        assert any("and 3 more quotes, not listed" in p for p in prompts), prompts
        assert "QUOTES · 5" in prompts[0], "the heading counts them all"
        # The reader still marks every quote.
        assert "Quote number 4" in str(app.reader.query(Paragraph).last().render())


async def test_a_long_name_wraps_under_itself_with_its_count_and_again_when_the_sidebar_widens(
    open_app, tmp_path: Path
) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    write_article(folder, "1.txt", "Talks", ["Benjamin Netanyahu spoke.", "Then Benjamin Netanyahu left."])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        sidebar = app.sidebar

        def lines() -> list[str]:
            return [sidebar.render_line(y).text.rstrip() for y in range(sidebar.virtual_size.height)]

        sidebar.styles.width = 20  # "Benjamin Netanyahu  2" is 21 cells
        await settle(pilot)
        shown = lines()
        at = next(i for i, line in enumerate(shown) if "Benjamin" in line)
        assert shown[at].strip() == "Benjamin"
        assert shown[at + 1].strip() == "Netanyahu  2", "the count stays on its name's last line"
        assert shown[at + 1].index("Netanyahu") == shown[at].index("Benjamin") + 2, "a hanging indent"
        sidebar.styles.width = 40
        await settle(pilot)
        assert "Benjamin Netanyahu  2" in [line.strip() for line in lines()], "wrapped again for the new width"


async def test_an_uncertain_speaker_too_long_for_its_line_keeps_its_name_whole(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "guess"
    folder.mkdir()
    write_article(folder, "1.txt", "Talks", ["“We talk,” Antony Blinken said. “We wait,” he added."])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        sidebar = app.sidebar
        sidebar.styles.width = 22  # "— Antony Blinken?  uncertain" is 28 cells
        await settle(pilot)
        shown = [sidebar.render_line(y).text.rstrip() for y in range(sidebar.virtual_size.height)]
        at = next(i for i, line in enumerate(shown) if "Blinken?" in line)
        assert shown[at].strip() == "— Antony Blinken?"
        assert shown[at + 1].index("uncertain") == shown[at].index("—") + 2, "the marker under the name"
