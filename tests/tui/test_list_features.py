"""The article list: where the cursor is, in what order, the next unread, the whole title of the highlighted row."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")


def position(app) -> str:
    return str(app.query_one("#list-pane").border_subtitle)


async def test_the_list_border_says_which_article_of_how_many(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(80, 24)) as (app, pilot):
        assert position(app) == "1 of 5"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert position(app) == "2 of 5"


async def test_o_cycles_the_sort_shown_in_the_border(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "sorts"
    folder.mkdir()
    write_article(folder, "1.txt", "Banana news", ["“One,” Ann Said said.", "“Two,” Ann Said said."])
    write_article(folder, "2.txt", "apple news", ["No quotes here."])
    write_article(folder, "3.txt", "Cherry news", ["“Three,” Bob Said said."])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        titles = lambda: [app.article_list.entries[i].title for i in (app.article_list.shown or range(3))]  # noqa: E731
        assert titles() == ["Banana news", "apple news", "Cherry news"]
        said: list[str] = []
        heard = lambda: said.extend(n.message for n in app._notifications)  # noqa: E731  (each fades in 2 s)
        await pilot.press("o")
        heard()
        assert titles() == ["Banana news", "apple news", "Cherry news"] and position(app).endswith("by date")
        await pilot.press("o")
        heard()
        assert titles() == ["apple news", "Banana news", "Cherry news"] and position(app).endswith("by title")
        assert position(app).startswith("2 of 3"), "the cursor stayed on Banana: the new order's row, not the old"
        await pilot.press("o")
        assert titles()[0] == "Banana news" and position(app).endswith("by quotes")
        await pilot.press("o")
        heard()
        assert titles() == ["Banana news", "apple news", "Cherry news"] and position(app).endswith(" of 3")
        undated = "Sorted by date: no article here has a date, so the order is as loaded."
        assert {undated, "Sorted by title.", "In the order loaded."} <= set(said), said


async def test_shift_u_goes_to_the_next_unread_article(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")  # 1 and 2 read
        await settle(pilot)
        app.article_list.cursor = 0
        await pilot.pause()
        await pilot.press("U")
        await settle(pilot)
        assert app.article_list.cursor == 3, "past the two read"
        for _ in range(3):
            await pilot.press("U")
        await settle(pilot)
        assert [n.message for n in app._notifications][-1] == "No unread articles left."


async def test_the_highlighted_row_shows_its_whole_title(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    title = "Chancellor warns of tough times for savers"
    write_article(folder, "1.txt", title, ["Words."])
    write_article(folder, "2.txt", "Another article with a long title here", ["Words."])
    async with open_app(folder, size=(80, 24)) as (app, pilot):
        rows = app.article_list
        shown = " ".join(rows.render_line(y).text.strip(" ✓★") for y in (0, 1))
        assert " ".join(shown.split()) == title
        first, second = (rows.render_line(y).text for y in (0, 1))
        indent = len(second) - len(second.lstrip())
        assert indent == len(first) - len(first.lstrip(" ✓★")), "the second line starts under the first"
        assert rows.render_line(2).text.split() == ["Ann", "Writer", "no", "quotes"], "its author and count stay"
        assert "…" in rows.render_line(3).text, "another row keeps one line and its meta"
        assert rows.render_line(4).text.split() == ["Ann", "Writer", "no", "quotes"]


async def test_the_highlighted_row_opens_up_where_the_cursor_goes_and_closes_behind_it(
    open_app, tmp_path: Path
) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    for name in ("1", "2", "3"):
        write_article(folder, f"{name}.txt", f"Article {name} has a title far too long for one line", ["Words."])
    async with open_app(folder, size=(80, 24)) as (app, pilot):
        rows = app.article_list
        lines = lambda: [rows.render_line(y).text.strip(" ✓★") for y in range(8)]  # noqa: E731
        assert lines()[0].startswith("Article 1") and "Ann Writer" in lines()[2] and lines()[3].startswith("Article 2")
        await pilot.press("down")
        await pilot.pause()
        shown = lines()
        assert shown[0].startswith("Article 1") and shown[0].endswith("…") and "Ann Writer" in shown[1]
        assert shown[2].startswith("Article 2") and "Ann Writer" in shown[4] and shown[5].startswith("Article 3")
        await pilot.click(rows, offset=(10, 6))  # the third row's meta line, below the opened row
        await pilot.pause()
        assert rows.cursor == 2


def dated_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dated"
    folder.mkdir()
    for name, title, date in [
        ("a", "Middle", "2024-03-04"),
        ("b", "Undated", ""),
        ("c", "Newest", "2025-01-02 10:00"),
        ("d", "Oldest", "1999-12-31"),
    ]:
        front = f"date: {date}\n" if date else ""
        (folder / f"{name}.md").write_text(f"---\ntitle: {title}\n{front}---\n\nWords of {title}.\n", encoding="utf-8")
    return folder


async def test_o_sorts_by_date_newest_first_the_undated_last(open_app, tmp_path: Path) -> None:
    async with open_app(dated_folder(tmp_path), size=(120, 40)) as (app, pilot):
        titles = lambda: [app.article_list.entries[i].title for i in (app.article_list.shown or range(4))]  # noqa: E731
        assert titles() == ["Middle", "Undated", "Newest", "Oldest"]
        await pilot.press("o")
        assert titles() == ["Newest", "Middle", "Oldest", "Undated"] and position(app).endswith("by date")
        assert [n.message for n in app._notifications] == ["Sorted by date."]


async def test_dates_stand_in_one_column_whatever_the_count_beside_them(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "counts"
    folder.mkdir()
    for name, body in [("a", "No quotes here."), ("b", "“One,” Ann Said said. “Two,” Ann Said said.")]:
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\ndate: 2024-03-0{len(name)}\n---\n\n{body}\n", "utf-8")
    async with open_app(folder, size=(160, 48)) as (app, pilot):
        meta = [app.article_list.render_line(y).text for y in (1, 3)]
        assert "no quotes" in meta[0] and "2 quotes" in meta[1], meta
        assert meta[0].index("2024-03-01") == meta[1].index("2024-03-01"), meta


async def test_a_row_shows_its_articles_date(open_app, tmp_path: Path) -> None:
    async with open_app(dated_folder(tmp_path), size=(160, 48)) as (app, pilot):
        meta = [app.article_list.render_line(y).text for y in (1, 3, 5)]
        assert "2024-03-04" in meta[0] and "2025-01-02" in meta[2]
        assert not any(ch.isdigit() for ch in meta[1].replace("no quotes", "")), "no date where there is none"


async def test_a_row_without_an_author_shows_its_source_not_its_folder(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "business"
    folder.mkdir()
    (folder / "001.txt").write_text("Shares rise\n\nThe markets rose today.\n", encoding="utf-8")
    (folder / "002.md").write_text("---\ntitle: Kept\nfeed: Example News\n---\n\nWords.\n", encoding="utf-8")
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        meta = [app.article_list.render_line(y).text for y in (1, 3)]
        assert "business" not in meta[0] and meta[0].split() == ["no", "quotes"]
        assert "Example News" in meta[1]


BBC_TITLE = "Ad sales boost Time Warner profit"
"""33 characters: three BBC titles in four are this long or shorter."""
LONGER_TITLE = "Chancellor Gordon Brown sets budget date"
"""40 characters: one BBC title in a hundred is longer."""


@pytest.mark.parametrize(
    ("size", "title", "whole", "measure"),
    [((80, 24), BBC_TITLE, False, 40), ((120, 40), BBC_TITLE, True, 44), ((160, 48), LONGER_TITLE, True, 60)],
)
async def test_the_list_grows_with_the_window_and_the_reader_keeps_a_readable_measure(
    open_app, tmp_path: Path, size: tuple[int, int], title: str, whole: bool, measure: int
) -> None:
    folder = tmp_path / "bbc"
    folder.mkdir()
    write_article(folder, "1.txt", "The article read first", ["Words of a paragraph, long enough to wrap. " * 5])
    write_article(folder, "2.txt", title, ["Words."])
    async with open_app(folder, size=size) as (app, pilot):
        second_row = app.article_list.render_line(2).text
        assert (title in second_row) is whole, second_row
        paragraph = app.reader.query("Paragraph").first()
        assert paragraph.content_region.width >= measure, (
            f"the reader's lines are {paragraph.content_region.width} wide"
        )


async def test_the_sidebar_in_the_lists_place_leaves_the_reader_its_measure(open_app, tmp_path: Path) -> None:
    folder = tmp_path / "narrow"
    folder.mkdir()
    write_article(folder, "1.txt", "The article read first", ["Words of a paragraph, long enough to wrap. " * 5])
    async with open_app(folder, size=(80, 24)) as (app, pilot):
        paragraph = app.reader.query("Paragraph").first()
        measure, list_width = paragraph.content_region.width, app.query_one("#list-pane").outer_size.width
        await pilot.press("s")
        await settle(pilot)
        assert app.sidebar.outer_size.width == list_width
        assert paragraph.content_region.width == measure, "the reader's lines keep their width"
