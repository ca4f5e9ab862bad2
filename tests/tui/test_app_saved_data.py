"""Saved data through the app (issue 13): nothing typed is lost, writes never freeze the UI,
read marks from two windows merge, and each corpus keeps its own reading place."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Label

from byline.paths import data_dir
from byline.tui.app import BylineApp
from byline.tui.screens.bookmark_edit import BookmarkEditScreen
from byline.userdata.bookmark_store import BookmarkStore
from byline.userdata.bookmarks import BookmarkError, article_bookmark
from tests.helpers.tui import settle, wait_until, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor", "no_display")


def notices(app: BylineApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_note_that_cannot_be_saved_keeps_the_dialog_open_with_the_text(
    open_app, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("b")
        await settle(pilot)
        store = app.bookmarking.store
        real_update = store.update

        def disk_full(*args, **kwargs):
            raise BookmarkError("Bookmark not saved: database or disk is full.")

        monkeypatch.setattr(store, "update", disk_full)
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarkEditScreen), "the note dialog opens")
        await pilot.press(*"a long careful note", "enter")
        error = app.screen.query_one("#edit-error", Label)
        await wait_until(pilot, lambda: "disk is full" in str(error.render()), "the dialog says why")
        assert isinstance(app.screen, BookmarkEditScreen), "the dialog stays open"
        assert app.screen.query_one("#edit-note", Input).value == "a long careful note"
        monkeypatch.setattr(store, "update", real_update)  # space again
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, BookmarkEditScreen), "the dialog closes once saved")
        [bookmark] = BookmarkStore.open()[0].all()
        assert bookmark.note == "a long careful note"


async def test_a_bookmark_write_waiting_on_a_lock_does_not_freeze_the_ui(
    open_app, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        store = app.bookmarking.store
        real_toggle = store.toggle
        release, written = threading.Event(), threading.Event()

        def locked_elsewhere(bookmark):
            release.wait(10)  # another process holds the lock
            result = real_toggle(bookmark)
            written.set()
            return result

        monkeypatch.setattr(store, "toggle", locked_elsewhere)
        first = app.article_list.current
        await pilot.press("b", "right_square_bracket")
        assert app.article_list.cursor == 1 and not written.is_set(), "the UI went on while the write waited"
        release.set()
        await settle(pilot)
        assert [b.article_id for b in BookmarkStore.open()[0].all()] == [first.id]
        assert any(n.startswith("Bookmarked") for n in notices(app))
        assert first.id in app.article_list.bookmarked_ids


async def test_a_bookmark_asked_for_just_before_quitting_is_kept(small_corpus: Path) -> None:
    app = BylineApp([str(small_corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b", "q")
    assert len(BookmarkStore.open()[0].all()) == 1


async def test_read_marks_made_in_two_windows_are_merged_and_shown_in_both(small_corpus: Path) -> None:
    one, two = BylineApp([str(small_corpus)]), BylineApp([str(small_corpus)])
    async with one.run_test(size=(120, 40)) as first, two.run_test(size=(120, 40)) as second:
        await settle(first)
        await settle(second)
        await first.press("right_square_bracket")  # article 1 read in one window
        await settle(first)
        one.save_state()
        await second.press("right_square_bracket", "right_square_bracket")  # 1 and 2 in the other
        await second.press("m")  # and 2 taken back off
        await settle(second)
        two.save_state()
        await second.press("right_square_bracket")  # 3
        await settle(second)
        two.save_state()
        ids = [entry.key for entry in one.corpus.entries]  # read marks are per file
        assert set(two.article_list.read_ids) == {ids[1], ids[3]}
        await first.press("left_square_bracket")  # article 0 read here
        await settle(first)
        one.save_state()  # takes in the other window's 3, and its 2 taken off
        assert set(one.article_list.read_ids) == one.state.read == {ids[0], ids[1], ids[3]}
        saved = json.loads((data_dir() / "state.json").read_text())
        assert set(saved["read"]) == {ids[0], ids[1], ids[3]}


def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for n in range(3):
            body = [f"Paragraph {i} of {name}{n}, long enough to wrap and to scroll a while." for i in range(60)]
            write_article(folder, f"{n}.txt", f"Folder {name} article {n}", body)
        folders.append(folder)
    return folders[0], folders[1]


async def test_each_corpus_keeps_its_own_reading_place(tmp_path: Path) -> None:
    a, b = two_folders(tmp_path)
    app = BylineApp([str(a)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "tab", "pagedown", "pagedown")
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 2"
        left_at = app.reader.scroll_y
        assert left_at > 0
        await pilot.press("q")
    app = BylineApp([str(b)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "tab", "pagedown")
        await settle(pilot)
        assert app.reader.article.title == "Folder b article 1"
        await pilot.press("q")
    app = BylineApp([str(a)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: app.reader.scroll_y == left_at, "back where the reader was")
        assert app.reader.article.title == "Folder a article 2"
        # Each article keeps its own place too: back to article 1 (left at its top), then to 2 again.
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 1" and app.reader.scroll_y == 0
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await wait_until(pilot, lambda: app.reader.scroll_y == left_at, "article 2 at its place again")


async def scroll_article_1_to_its_end(app: BylineApp, pilot) -> int:
    """From the list's top: article 1 of `two_folders`' first folder, read to its end; its place."""
    await settle(pilot)
    await pilot.press("right_square_bracket", "tab", "end")
    await settle(pilot)
    assert app.reader.article.title == "Folder a article 1" and app.reader.scroll_y > 0
    return int(app.reader.scroll_y)


def reader_frames(app: BylineApp, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Each frame the app paints, as the reader's text and its border's subtitle then."""
    frames: list[tuple[str, str]] = []
    display = app._display

    def painted(screen, renderable) -> None:
        display(screen, renderable)
        reader = app.reader
        if screen is app.main and reader.region.area:
            region = reader.content_region
            rows = screen._compositor.render_strips()[region.y : region.bottom]
            frames.append(
                ("\n".join(row.crop(region.x, region.right - 1).text for row in rows), str(reader.border_subtitle))
            )

    monkeypatch.setattr(app, "_display", painted)
    return frames


async def test_a_reopened_corpus_first_shows_its_article_at_the_place_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The article came at its top (0%) and jumped to its place a frame or more later.
    a, _ = two_folders(tmp_path)
    app = BylineApp([str(a)])
    async with app.run_test(size=(120, 40)) as pilot:
        left_at = await scroll_article_1_to_its_end(app, pilot)
        await pilot.press("q")
    app = BylineApp([str(a)])
    frames = reader_frames(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: app.reader.scroll_y == left_at, "back where the reader was")
        await pilot.pause()
        placed = frames[-1]
        shown = [frame for frame in frames if "of a1," in frame[0]]
        # The text, not the percentage beside it: while the last paragraphs are still being
        # mounted the figure is an estimate that may settle by a point (99% then 100%, seen
        # once in CI under load) with the same lines on screen.
        # The rows both frames have: the pane may be a row shorter while the loading line shows.
        first, last = shown[0][0].splitlines(), placed[0].splitlines()
        rows = min(len(first), len(last))
        assert first[:rows] == last[:rows], f"first shown:\n{shown[0][0]}\nthen:\n{placed[0]}"
        assert shown[0][1] not in ("", "0%"), f"first shown at {shown[0][1]!r}"


async def test_leaving_a_scrolled_article_for_one_with_a_place_goes_to_that_place(tmp_path: Path) -> None:
    # Showing an article scrolls the reader to the top; that scroll must not be kept as the
    # place of the article coming in (it was, once the place was noted as the reader scrolls).
    a, _ = two_folders(tmp_path)
    app = BylineApp([str(a)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "tab", "pagedown", "pagedown")
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 1"
        left_at = app.reader.scroll_y
        assert left_at > 0
        await pilot.press("shift+tab", "right_square_bracket", "tab", "pagedown")  # article 2, scrolled too
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 2" and app.reader.scroll_y > 0
        await pilot.press("shift+tab", "left_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 1"
        await wait_until(pilot, lambda: app.reader.scroll_y == left_at, "article 1 at its place again")


async def test_a_place_put_back_after_the_cursor_moved_on_leaves_the_new_article_alone(tmp_path: Path) -> None:
    # Putting an article back at its place waits for its text to be laid out; if the cursor
    # moves on meanwhile, the wait's end scrolled whichever article was shown then.
    a, _ = two_folders(tmp_path)
    app = BylineApp([str(a)])
    async with app.run_test(size=(120, 40)) as pilot:
        left_at = await scroll_article_1_to_its_end(app, pilot)
        first = app.reader.article.key
        await pilot.press("shift+tab", "right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 2" and app.reader.scroll_y == 0
        app.main._put_back(first, left_at)  # the wait for article 1 ending now
        await settle(pilot)
        assert app.reader.article.title == "Folder a article 2" and app.reader.scroll_y == 0


async def test_bookmarks_locked_by_another_process_at_start_come_on_once_the_lock_goes(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import byline.userdata.bookmark_store as bookmark_store

    monkeypatch.setattr(bookmark_store, "BUSY_TIMEOUT_S", 0.2)
    data_dir().mkdir(parents=True, exist_ok=True)
    holder = sqlite3.connect(data_dir() / bookmark_store.FILENAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of a long write
    app = BylineApp([str(small_corpus)])
    app.BOOKMARKS_POLL_SECONDS = 0.1
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await wait_until(pilot, lambda: any("busy" in n for n in notices(app)), "the lock is reported")
            holder.execute("ROLLBACK")
            holder.close()
            other = app.corpus.entries[3]
            store, _ = BookmarkStore.open()  # another window, once the lock has gone
            store.add(article_bookmark(other.id, other.path, other.title))
            await wait_until(pilot, lambda: other.id in app.article_list.bookmarked_ids, "the mark shows")
            await pilot.press("b")
            await settle(pilot)
            assert {b.article_id for b in store.all()} == {other.id, app.corpus.entries[0].id}
    finally:
        holder.close()


async def test_an_article_edited_without_changing_size_or_mtime_is_read_again_not_gone(
    open_app, small_corpus: Path
) -> None:
    import os

    path = small_corpus / "01.txt"
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        text = path.read_text(encoding="utf-8")
        stamp = path.stat()
        edited = text.replace("Paragraph 0 of article 1", "Paragraph Z of article 1")
        assert len(edited) == len(text) and edited != text
        path.write_text(edited, encoding="utf-8")
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # the same size and time: the cache is stale
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert not any("can no longer be read" in n or "Article gone" in n for n in notices(app))
        assert app.reader.article is not None and "Paragraph Z of article 1" in app.reader.article.body
        assert app.article_list.current.path == str(path)
        assert app.article_list.current.id == app.reader.article.id


async def test_an_article_opened_at_a_quote_is_first_shown_there_not_at_its_top(
    small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A search hit or a bookmark opened its article at the top, then jumped to the quote.
    app = BylineApp([str(small_corpus)])
    frames = reader_frames(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        long_one = next(e for e in app.corpus.entries if e.title == "Article number 2")
        app.open_entry(long_one, quote=1)
        await wait_until(pilot, lambda: app.reader.marked_quote == 1 and app.reader.scroll_y > 0, "at the quote")
        await settle(pilot)
        shown = [text for text, _ in frames if "Filler paragraph" in text or "of article 2" in text]
        assert shown and "State Department said" in shown[0], f"first shown:\n{shown[0]}"
        assert "State Department said" in shown[-1]
