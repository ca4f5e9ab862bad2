"""A resize keeps the reading place (issue 13): 160x48 -> 80x24 -> 120x40 leaves the text that
was at the top of the reader at the top, the article's head included."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from byline.tui.widgets.reader import Paragraph
from tests.helpers.tui import settle, write_article
from tests.tui.test_edges import paragraph_on_screen, top_paragraph

pytestmark = pytest.mark.usefixtures("fake_extractor")

SIZES = ((80, 24), (120, 40), (160, 48), (80, 24))


async def test_an_article_read_from_its_top_stays_at_its_top_through_resizes(open_app) -> None:
    async with open_app(size=(160, 48)) as (app, pilot):  # a sample article, short as most news is
        await pilot.press("enter")
        await settle(pilot)
        reader = app.reader
        assert reader.scroll_y == 0
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert reader.scroll_y == 0, f"at {size} the head scrolled out of view ({reader.border_subtitle})"


async def test_a_place_in_the_head_stays_in_the_head(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(160, 48)) as (app, pilot):
        await pilot.press("j", "j", "enter", "j")  # one line down: the title still partly in view
        await settle(pilot)
        reader = app.reader
        assert reader.scroll_y == 1
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            first = reader.query("Paragraph").first().virtual_region.y
            assert 0 < reader.scroll_y < first, f"at {size} the reader left the head"


async def test_the_paragraph_at_the_top_stays_there_through_160x48_80x24_120x40(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(160, 48)) as (app, pilot):
        await pilot.press("j", "j", "enter", "pagedown", "pagedown", "j", "j")
        await settle(pilot)
        reader = app.reader
        before = top_paragraph(app)
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()  # a second resize may come before the first is laid out
        await settle(pilot)
        after = top_paragraph(app)
        assert after == before or (paragraph_on_screen(app, before) and reader.scroll_y == reader.max_scroll_y)


WORDS = ("a", "pledge", "to", "make", "way", "after", "extraordinarily", "reheated", "months", "in", "concentrating")


def long_paragraph(number: int) -> str:
    """Words of uneven lengths, each told apart by its number: rows hold unequal shares of it."""
    return " ".join(f"{WORDS[(n * 7 + number) % len(WORDS)]}{number}x{n}" for n in range(120))


def top_row(reader) -> tuple[int, int, str]:
    """The paragraph at the top of the reader, the row of it there, and that row's text."""
    for index, paragraph in enumerate(reader.query(Paragraph)):
        region = paragraph.virtual_region
        if region.bottom > reader.scroll_y:
            row = int(reader.scroll_y) - region.y
            rows = Content(paragraph.visual.plain).wrap(paragraph.size.width)
            return index, row, rows[row].plain
    raise AssertionError("no paragraph at the top")


async def test_the_text_at_the_top_stays_there_through_any_widths_and_back(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    write_article(folder, "long.txt", "A long read", [long_paragraph(n) for n in range(6)])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        await pilot.press("enter")
        await settle(pilot)
        reader = app.reader
        reader.scroll_to(y=reader.query(Paragraph)[1].virtual_region.y + 9, animate=False, immediate=True)
        await settle(pilot)
        before = top_row(reader)
        word = before[2].split()[0]  # the text that begins the top row
        assert before[1] == 9
        for width in (80, 160, 100, 140, 90, 120):
            await pilot.resize_terminal(width, 40)
            await settle(pilot)
            index, _, text = top_row(reader)
            assert index == before[0] and word in text.split(), (
                f"at {width} columns the top row is {text!r}, not {word}'s"
            )
        assert top_row(reader) == before, "back at 120 columns the reader is not where it was"
