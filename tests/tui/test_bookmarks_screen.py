"""The bookmarks view and the edit modal, standalone over a tiny host app."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList

from byline.tui.screens.bookmark_edit import BookmarkEdit, BookmarkEditScreen
from byline.tui.screens.bookmarks import BookmarksScreen
from byline.userdata.bookmark_store import BookmarkStore
from byline.userdata.bookmarks import Bookmark, article_bookmark, quote_bookmark
from tests.helpers.tui import wait_until, workers_done

NO_RESULT = object()


class Host(App[None]):
    """Pushes one screen and keeps what it dismissed with."""

    def __init__(self, make_screen: Any) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.result: Any = NO_RESULT

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), callback=self._done)

    def _done(self, result: Any) -> None:
        self.result = result


def store_with_three() -> BookmarkStore:
    store, problem = BookmarkStore.open()
    assert problem is None
    store.add(article_bookmark("here", "/news/here.txt", "Budget day"))
    store.update(
        store.add(
            quote_bookmark("gone", "/old/gone.txt", "Old [bold red]story[/]", "We said [b]no[/b].", "Minister", 5, 20)
        ),
        note="check",
        tags="politics",
    )
    store.add(quote_bookmark("here", "/news/here.txt", "Budget day", "Taxes will rise.", None, 40, 56))
    return store


async def loaded(pilot) -> None:
    """The view reads its rows off the UI thread: wait for them."""
    await workers_done(pilot.app)
    await pilot.pause()


def rows(screen: Screen[Any]) -> list[str]:
    option_list = screen.query_one("#bookmarks-list", OptionList)
    return [str(option.prompt) for option in option_list.options]


def status(screen: Screen[Any]) -> str:
    return str(screen.query_one("#bookmarks-status", Label).render())


async def test_lists_every_bookmark_newest_first_and_enter_returns_the_chosen_one() -> None:
    store = store_with_three()
    app = Host(lambda: BookmarksScreen(store, present={"here"}))
    async with app.run_test() as pilot:
        await loaded(pilot)
        shown = rows(app.screen)
        assert len(shown) == 3
        assert "“Taxes will rise.”" in shown[0]
        assert "Old [bold red]story[/]" in shown[1] and "“We said [b]no[/b].” — Minister" in shown[1]
        assert "#politics" in shown[1] and "check" in shown[1]
        assert "Budget day" in shown[2]
        assert "3 bookmarks" in status(app.screen)
        await pilot.press("down", "enter")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
    assert isinstance(app.result, Bookmark) and app.result.article_id == "gone" and app.result.quote_start == 5


async def test_a_bookmark_not_in_the_open_corpus_is_marked_and_keeps_its_text() -> None:
    store = store_with_three()
    app = Host(lambda: BookmarksScreen(store, present={"here"}))
    async with app.run_test() as pilot:
        await loaded(pilot)
        shown = rows(app.screen)
        assert ["not in this corpus" in row for row in shown] == [False, True, False]
        option_list = app.screen.query_one("#bookmarks-list", OptionList)
        gone = option_list.options[1].prompt
        # In italics, not dimmed: dim fell under 4.5:1 (tests/tui/test_contrast.py).
        assert any(str(span.style) == "italic" and span.end == len(gone.plain) for span in gone.spans)


async def test_typing_filters_across_title_quote_speaker_note_and_tags() -> None:
    store = store_with_three()
    app = Host(lambda: BookmarksScreen(store, present={"here"}))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press(*"minister")
        await loaded(pilot)
        assert [("Minister" in r) for r in rows(app.screen)] == [True]
        assert "1 of 3" in status(app.screen)
        app.screen.query_one(Input).value = ""
        await pilot.press(*"budget taxes")
        await loaded(pilot)
        assert len(rows(app.screen)) == 1 and "Taxes" in rows(app.screen)[0]
        app.screen.query_one(Input).value = "politics"
        await pilot.pause()
        await loaded(pilot)
        assert len(rows(app.screen)) == 1
        app.screen.query_one(Input).value = "zzz"
        await pilot.pause()
        await loaded(pilot)
        assert rows(app.screen) == [] and "No bookmark matches" in status(app.screen)
        await pilot.press("enter")  # nothing to open: stays
        await loaded(pilot)
        assert app.result is NO_RESULT
        app.screen.query_one(Input).value = "budget"
        await pilot.pause()
        await loaded(pilot)
        await pilot.press("down", "enter")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
    assert isinstance(app.result, Bookmark) and app.result.kind == "article"


async def test_escape_closes_with_nothing() -> None:
    app = Host(lambda: BookmarksScreen(store_with_three()))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("escape")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
    assert app.result is None


async def test_clicking_a_row_opens_it() -> None:
    store = store_with_three()
    app = Host(lambda: BookmarksScreen(store, present={"here"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        option_list = app.screen.query_one("#bookmarks-list", OptionList)
        await pilot.click(option_list, offset=(5, 0))
        await pilot.pause()
        await loaded(pilot)
    assert isinstance(app.result, Bookmark) and app.result.quote == "Taxes will rise."


async def test_empty_and_off_stores_say_so() -> None:
    empty, _ = BookmarkStore.open()
    app = Host(lambda: BookmarksScreen(empty))
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert rows(app.screen) == [] and "No bookmarks yet" in status(app.screen)
    off = BookmarkStore(empty.path, None, "Bookmarks are off: the data directory cannot be written to.")
    app = Host(lambda: BookmarksScreen(off))
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert "cannot be written to" in status(app.screen)


async def test_a_bookmark_added_by_another_byline_appears_while_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("byline.tui.screens.bookmarks.POLL_SECONDS", 0.05)
    store = store_with_three()
    other, _ = BookmarkStore.open()
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert len(rows(app.screen)) == 3
        other.add(article_bookmark("new", "/n.txt", "From the other window"))
        await pilot.pause(0.3)
        await loaded(pilot)
        assert len(rows(app.screen)) == 4 and "From the other window" in rows(app.screen)[0]


# -- the edit modal ---------------------------------------------------------------


async def test_edit_note_and_tags_tab_between_and_save_with_enter() -> None:
    bookmark = quote_bookmark("a", "/p", "T [b]x[/b]", "Quoted [i]words[/i].", "S", 1, 2)
    bookmark = Bookmark(**{**bookmark.to_dict(), "tags": ("old",), "note": "was"})
    app = Host(lambda: BookmarkEditScreen(bookmark))
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert "Quoted [i]words[/i]." in str(app.screen.query_one("#edit-what", Label).render())
        note = app.screen.query_one("#edit-note", Input)
        assert note.has_focus and note.value == "was"
        note.value = ""
        await pilot.press(*"new note", "tab")
        await loaded(pilot)
        tags = app.screen.query_one("#edit-tags", Input)
        assert tags.has_focus and tags.value == "old"
        await pilot.press(*", b ,, c", "enter")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
    assert app.result == BookmarkEdit("new note", ("old", "b", "c"))


async def test_edit_cancel_with_escape_and_save_with_the_button_or_enter_in_the_note() -> None:
    bookmark = article_bookmark("a", "/p", "Title")
    app = Host(lambda: BookmarkEditScreen(bookmark))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("x", "escape")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
    assert app.result is None
    app = Host(lambda: BookmarkEditScreen(bookmark))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("x", "enter")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
    assert app.result == BookmarkEdit("x", ())
    app = Host(lambda: BookmarkEditScreen(bookmark))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press(*"n1")
        await loaded(pilot)
        await pilot.click("#edit-save")
        await pilot.pause()
        await loaded(pilot)
    assert app.result == BookmarkEdit("n1", ())


# -- issue 13: tags, delete, keys, plurals ------------------------------------------


async def test_hash_tag_matches_a_bookmark_with_that_tag() -> None:
    store = store_with_three()
    store.update(store.all()[0], tags="gaza, ceasefire")
    app = Host(lambda: BookmarksScreen(store, present={"here"}))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press(*"#gaza")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
        assert len(rows(app.screen)) == 1 and "Taxes will rise" in rows(app.screen)[0]
        app.screen.query_one(Input).value = "#gaz"  # a tag is matched whole
        await pilot.pause()
        await loaded(pilot)
        assert rows(app.screen) == []
        app.screen.query_one(Input).value = "#politics minister"
        await pilot.pause()
        await loaded(pilot)
        assert len(rows(app.screen)) == 1 and "Minister" in rows(app.screen)[0]


async def test_delete_removes_the_highlighted_bookmark_and_u_brings_it_back() -> None:
    store = store_with_three()
    app = Host(lambda: BookmarksScreen(store, present={"here"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "delete")  # the second row: the minister's quote
        await loaded(pilot)
        await wait_until(pilot, lambda: len(rows(app.screen)) == 2, "the row goes")
        assert [b.quote for b in store.all()] == ["Taxes will rise.", ""]
        assert "2 bookmarks" in status(app.screen)
        await pilot.press("u")
        await loaded(pilot)
        await wait_until(pilot, lambda: len(rows(app.screen)) == 3, "the row comes back")
        [back] = [b for b in store.all() if b.speaker == "Minister"]
        assert (back.note, back.tags) == ("check", ("politics",))
        await pilot.press("d")  # in the list, d deletes too
        await loaded(pilot)
        await wait_until(pilot, lambda: len(store.all()) == 2, "d deletes")


async def test_delete_in_the_filter_still_edits_the_filter() -> None:
    store = store_with_three()
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press(*"taxes", "home", "delete")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
        assert app.screen.query_one(Input).value == "axes"
        assert len(store.all()) == 3


async def test_question_mark_shows_the_views_keys_and_does_not_type() -> None:
    from byline.tui.screens.help import HelpScreen

    app = Host(lambda: BookmarksScreen(store_with_three()))
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        assert "#tag" in text and "Delete" in text
        await pilot.press("escape")
        await loaded(pilot)
        await pilot.pause()
        await loaded(pilot)
        assert isinstance(app.screen, BookmarksScreen) and app.screen.query_one(Input).value == ""


async def test_one_bookmark_is_one_bookmark() -> None:
    store, _ = BookmarkStore.open()
    store.add(article_bookmark("a", "/p", "Only one"))
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert status(app.screen) == "1 bookmark"


def many_bookmarks(n: int, note_bytes: int = 0) -> BookmarkStore:
    """`n` article bookmarks in one transaction (the newest has a note of `note_bytes`), and one tagged gaza."""
    import sqlite3

    store, _ = BookmarkStore.open()
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO bookmarks (article_id, path, title, kind, note, tags, created) VALUES (?, ?, ?, 'article', ?,"
        " ?, ?)",
        (
            (
                f"id{i}",
                f"/news/{i}.txt",
                f"Story {i}",
                "x" * note_bytes if i == n - 1 else "",
                '["gaza"]' if i == 7 else "[]",
                f"2024-01-01T00:00:{i:07d}",
            )
            for i in range(n)
        ),
    )
    conn.execute("COMMIT")
    conn.close()
    return store


async def test_a_large_store_is_read_a_page_at_a_time_and_filtered_in_the_database() -> None:
    from byline.tui.screens.bookmarks import PAGE

    store = many_bookmarks(5_000, note_bytes=5_000_000)
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        option_list = app.screen.query_one("#bookmarks-list", OptionList)
        assert option_list.option_count == PAGE, "only a page is read"
        assert status(app.screen) == "5,000 bookmarks"
        assert len(rows(app.screen)[0]) < 1000, "the 5 MB note is cut in its row"
        await pilot.press(*["pagedown"] * 16)  # the highlight nears the end of the page: the next one is read
        await wait_until(pilot, lambda: option_list.option_count == 2 * PAGE, "the next page")
        await pilot.press(*"#gaza")
        await loaded(pilot)
        assert len(rows(app.screen)) == 1 and "Story 7" in rows(app.screen)[0]
        assert status(app.screen) == "1 of 5,000 bookmarks"
        await pilot.press("enter")
        await loaded(pilot)
    assert app.result.article_id == "id7"


async def test_opening_a_bookmark_with_a_huge_note_gives_the_whole_note() -> None:
    store = many_bookmarks(3, note_bytes=100_000)
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        await loaded(pilot)
    assert app.result.article_id == "id2" and len(app.result.note) == 100_000


async def test_undoing_a_delete_brings_back_the_whole_note_not_the_rows_cut() -> None:
    store = many_bookmarks(3, note_bytes=100_000)
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("delete")
        await wait_until(pilot, lambda: len(store.all()) == 2, "deleted")
        await pilot.press("u")
        await wait_until(pilot, lambda: len(store.all()) == 3, "back")
        [back] = [b for b in store.all() if b.article_id == "id2"]
        assert len(back.note) == 100_000


async def test_closing_the_view_while_it_loads_or_deletes_is_harmless() -> None:
    store = many_bookmarks(500)
    app = Host(lambda: BookmarksScreen(store))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("delete", "escape")
        await loaded(pilot)
        assert app.is_running and app.result is None
