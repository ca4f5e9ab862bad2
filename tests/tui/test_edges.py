"""The app at the edges: nothing to read, nothing readable, a huge article, a tiny
terminal, a resize while reading, and files that change under the app's feet."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from byline.tui.app import BylineApp
from byline.tui.widgets.reader import Paragraph
from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")


def notices(app: BylineApp) -> list[str]:
    return [n.message for n in app._notifications]


def screen_text(app: BylineApp) -> str:
    """Every character the screen shows, row by row, as the terminal would get it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def head_text(app: BylineApp) -> str:
    return str(app.reader.query_one("#reader-head", Static).content)


def paragraph_on_screen(app: BylineApp, index: int) -> bool:
    reader = app.reader
    region = list(reader.query(Paragraph))[index].virtual_region
    return region.bottom > reader.scroll_y and region.y < reader.scroll_y + reader.scrollable_content_region.height


def top_paragraph(app: BylineApp) -> int:
    """The index of the first paragraph whose text is on screen in the reader."""
    reader = app.reader
    for index, paragraph in enumerate(reader.query(Paragraph)):
        if paragraph.virtual_region.bottom > reader.scroll_y:
            return index
    raise AssertionError("no paragraph on screen")


async def test_an_empty_folder_says_so_and_every_key_is_harmless(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    async with open_app(folder, size=(100, 30)) as (app, pilot):
        assert "No articles found" in head_text(app) and str(folder) in head_text(app)
        assert "No articles found" in screen_text(app)
        assert "0 articles" in app.sub_title
        await pilot.press(
            "right_square_bracket", "left_square_bracket", "enter", "tab", "j", "G", "space", "e", "s", "m", "x"
        )
        await settle(pilot)
        assert app.is_running and "No articles found" in head_text(app)


async def test_a_folder_of_only_broken_files_lists_them_and_the_app_stays_usable(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (folder / "page.html").write_text("<html><body><script>x()</script></body></html>")
    (folder / "feed.xml").write_text("<rss><channel><item>")
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        (said,) = [n for n in notices(app) if "could not be loaded" in n]
        assert "4 files" in said
        for name in ("empty.txt", "binary.txt", "page.html", "feed.xml"):
            assert name in said
        assert "No articles found" in head_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "tab", "j", "right_square_bracket")
        await settle(pilot)
        assert app.is_running


async def test_a_20x8_terminal_shows_the_article_and_survives_every_key(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(20, 8)) as (app, pilot):
        text = screen_text(app)
        assert len(text.splitlines()) == 8 and all(len(line) == 20 for line in text.splitlines())
        assert "Article" in text, "something of the articles is shown"
        for key in (
            "right_square_bracket",
            "tab",
            "pagedown",
            "G",
            "s",
            "tab",
            "enter",
            "e",
            "question_mark",
            "escape",
            "left_square_bracket",
        ):
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running
        assert app.reader.article is not None


@pytest.mark.parametrize("size", [(40, 12), (20, 6)], ids=["40x12", "20x6"])
async def test_a_narrow_footer_ends_on_the_palette_key_not_a_stray_letter(open_app, size: tuple[int, int]) -> None:
    # The compact footer's keys keep a column to their right, the palette key (docked right)
    # too: the keys scrolled under it showed through there ("s Sid▏^p palettem").
    async with open_app(size=size) as (app, pilot):
        footer = screen_text(app).splitlines()[-1]
        assert footer.rstrip().endswith("^p palette"), repr(footer)


async def test_a_resize_while_reading_keeps_the_paragraph_in_view(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(160, 48)) as (app, pilot):
        await pilot.press("j", "j", "enter")  # the long article
        await settle(pilot)
        reader = app.reader
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.pause()
        before = top_paragraph(app)
        assert before > 5
        for size in ((80, 24), (120, 40), (200, 60)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            # At the top of the view, or in view where the end of the article stops the scroll.
            after = top_paragraph(app)
            assert after == before or (paragraph_on_screen(app, before) and reader.scroll_y == reader.max_scroll_y), (
                f"at {size} the reader moved from paragraph {before} to {after}"
            )
            assert 0 < reader.scroll_y <= reader.max_scroll_y
            assert reader.border_subtitle.endswith("%")


async def test_an_article_deleted_while_open_is_reported_in_a_notice(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        (small_corpus / "[red]03.txt").write_text("")  # a name that is markup must show as text
        (small_corpus / "03.txt").unlink()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert "can no longer be read" in head_text(app)
        (gone,) = [n for n in notices(app) if "Article number 3" in n]
        assert "03.txt" in gone and "no longer there" in gone
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Article number 4"


async def test_an_article_rewritten_while_open_is_read_again_and_its_markup_stays_text(
    open_app, small_corpus: Path
) -> None:
    # Before declaring it gone, the file is indexed again (issue 13): what it holds now is shown.
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        write_article(small_corpus, "01.txt", "[bold]Rewritten[/] meanwhile", ["New words."])
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "can no longer be read" not in head_text(app)
        assert head_text(app).startswith("[bold]Rewritten[/] meanwhile")
        assert app.reader.article.title == "[bold]Rewritten[/] meanwhile"
        assert app.article_list.current.title == "[bold]Rewritten[/] meanwhile"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Article number 2"


def huge_article(folder: Path, megabytes: float) -> Path:
    words = "the minister said that a report on the economy was published by officials in Qatar on Monday".split()
    paragraphs, size, n = [], 0, 0
    while size < megabytes * 2**20:
        text = " ".join(words[(n + i) % len(words)] for i in range(60))
        if n % 7 == 0:
            text += f" “This is quote number {n} from the report,” Antony Blinken said."
        paragraphs.append(text)
        size += len(text) + 2
        n += 1
    return write_article(folder, "huge.txt", "A very long article", paragraphs)


@pytest.mark.slow  # 1 MB article: about 90 s on a busy two-core machine
async def test_a_1_mb_article_opens_and_scrolls_to_its_end(open_app, tmp_path: Path) -> None:
    # 1 MB, not 5: G lays out every paragraph, which takes ~45 s at 5 MB on this machine
    # (benchmarks/tui_huge_article.py prints the figures).
    folder = tmp_path / "huge"
    folder.mkdir()
    huge_article(folder, 1)
    write_article(folder, "small.txt", "A short one", ["Short."])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        assert app.reader.article is not None and app.reader.article.title == "A very long article"
        assert len(app.reader.article.body) > 10**6
        assert "A very long article" in screen_text(app)
        await pilot.press("tab", "pagedown", "pagedown")
        await pilot.pause()
        assert app.reader.scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert app.reader.scroll_y == app.reader.max_scroll_y > 0
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "A short one"


async def test_escape_codes_in_file_and_folder_names_reach_no_notice_and_no_row(open_app, tmp_path: Path) -> None:
    # Article text is cleaned at load; names come from the file system as they are.
    folder = tmp_path / "\x1b]0;pwned\x07news"
    folder.mkdir()
    (folder / "story.txt").write_text("A story\n\nIt has no author line, and no source.\n", encoding="utf-8")
    (folder / "tale.txt").write_text("A tale\n\nAnother one.\n", encoding="utf-8")
    (folder / "\x1b[2J\x1b[31mred.txt").write_text("")
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        (said,) = [n for n in notices(app) if "could not be loaded" in n]
        assert "red.txt" in said and "\x1b" not in said and "\ufffd[2J" in said
        row = app.article_list.render_line(1).text
        assert row.split() == ["no", "quotes"], "no author: nothing in its place, not the folder's name"
        (folder / "tale.txt").unlink()
        await pilot.press("down")
        await settle(pilot)
        (gone,) = [n for n in notices(app) if "A tale" in n]
        assert "\x1b" not in gone and "no longer there" in gone
        assert "\x1b" not in screen_text(app)
