"""Bookmarks and copying through the real app: keys, notices, marks, and App.clipboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Offset
from textual.selection import Selection

from byline.clipboard import attribution
from byline.paths import data_dir
from byline.tui.app import BylineApp
from byline.tui.screens.bookmark_edit import BookmarkEditScreen
from byline.tui.screens.bookmarks import BookmarksScreen
from byline.tui.screens.copy_by_hand import CopyByHandScreen
from byline.tui.widgets.reader import Paragraph
from byline.userdata.bookmark_store import FILENAME, BookmarkStore
from byline.userdata.bookmarks import article_bookmark, quote_bookmark
from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor", "no_display")


def notices(app: BylineApp) -> list[str]:
    return [n.message for n in app._notifications]


def stored() -> list:
    store, _ = BookmarkStore.open()
    return store.all()


async def to_first_quote(pilot):
    """Tab to the sidebar, whose cursor lands on the first quote; returns (entry, quote)."""
    app = pilot.app
    while not app.sidebar.has_focus:
        await pilot.press("tab")
    await pilot.pause()
    entry = app.article_list.current
    return entry, entry.quotes[0]


async def test_b_bookmarks_the_article_b_again_removes_it_and_u_undoes(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        entry = app.article_list.current
        assert entry is not None
        await pilot.press("b")
        await settle(pilot)  # bookmark writes land off the UI thread
        assert [(b.kind, b.article_id, b.title) for b in stored()] == [("article", entry.id, entry.title)]
        assert entry.id in app.article_list.bookmarked_ids
        assert notices(app)[-1].startswith(f"Bookmarked “{entry.title}”")
        await pilot.press("b")
        await settle(pilot)  # bookmark writes land off the UI thread
        assert stored() == [] and entry.id not in app.article_list.bookmarked_ids
        assert "Removed the bookmark" in notices(app)[-1] and notices(app)[-1].endswith("(u brings it back)")
        await pilot.press("u")
        await settle(pilot)  # bookmark writes land off the UI thread
        assert len(stored()) == 1 and entry.id in app.article_list.bookmarked_ids


async def test_b_in_the_sidebar_bookmarks_the_quote_and_B_adds_a_note_and_tags(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        entry, quote = await to_first_quote(pilot)
        await pilot.press("b")
        await settle(pilot)  # bookmark writes land off the UI thread
        [bookmark] = stored()
        assert (bookmark.kind, bookmark.quote, bookmark.speaker, bookmark.quote_start) == (
            "quote",
            quote.text,
            quote.speaker or "",
            quote.start,
        )
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkEditScreen)
        await pilot.press(*"key line", "tab", *"talks, us", "enter")
        await pilot.pause()
        [bookmark] = stored()
        assert (bookmark.note, bookmark.tags) == ("key line", ("talks", "us"))
        assert "Saved the note and tags" in notices(app)[-1]


async def test_B_without_a_bookmark_says_what_to_do(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("B")
        await pilot.pause()
        assert not isinstance(app.screen, BookmarkEditScreen)
        assert "Bookmark this article first" in notices(app)[-1]


async def test_v_opens_the_bookmarks_view_and_enter_opens_the_article_at_the_quote(
    open_app, small_corpus: Path
) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        target = app.corpus.entries[2]
        quote = target.quotes[-1]  # near the end of a long article
        store, _ = BookmarkStore.open()
        store.add(
            quote_bookmark(target.id, target.path, target.title, quote.text, quote.speaker, quote.start, quote.end)
        )
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.article_list.current is target
        assert app.reader.marked_quote == len(target.quotes) - 1
        assert app.reader.scroll_y > 0


async def test_the_command_palette_opens_the_bookmarks_view(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"show bookmarks")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, BookmarksScreen)


async def test_a_bookmark_from_another_corpus_is_shown_and_says_so_when_opened(open_app, small_corpus: Path) -> None:
    store, _ = BookmarkStore.open()
    store.add(article_bookmark("elsewhere", "/other/place.txt", "From [b]another[/b] corpus"))
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        before = app.article_list.current
        await pilot.press("v")
        await pilot.pause()
        rows = [str(o.prompt) for o in app.screen.query_one("#bookmarks-list").options]
        assert len(rows) == 1 and "From [b]another[/b] corpus" in rows[0] and "not in this corpus" in rows[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.article_list.current is before
        assert "is not in this corpus; it was at /other/place.txt" in notices(app)[-1]


async def test_a_bookmark_made_in_another_window_gets_its_mark(small_corpus: Path) -> None:
    app = BylineApp([str(small_corpus)])
    app.BOOKMARKS_POLL_SECONDS = 0.1
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        other = app.corpus.entries[3]
        store, _ = BookmarkStore.open()  # the other window's store
        store.add(article_bookmark(other.id, other.path, other.title))
        await pilot.pause(0.5)
        assert other.id in app.article_list.bookmarked_ids


# -- copying ----------------------------------------------------------------------


async def test_y_and_c_copy_the_quote_with_attribution_and_Y_the_quote_alone(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        entry, quote = await to_first_quote(pilot)
        await pilot.press("y")
        assert app.clipboard == attribution(quote.text, quote.speaker, entry.title)
        assert app.clipboard.startswith(f"“{quote.text.rstrip(',')}” — "), "without the comma that led to its speaker"
        assert "Copied through the terminal (OSC 52)" in notices(app)[-1]
        await pilot.press("Y")
        assert app.clipboard == quote.text.rstrip(",")
        await pilot.press("c")
        assert app.clipboard == attribution(quote.text, quote.speaker, entry.title)


async def test_an_uncertain_speaker_is_copied_and_bookmarked_as_uncertain(open_app, tmp_path: Path) -> None:
    # A guess pasted into a story, or kept in a bookmark, must still read as a guess.
    folder = tmp_path / "guess"
    folder.mkdir()
    write_article(folder, "1.txt", "Talks", ["“We talk,” Antony Blinken said. “We wait,” he added."])
    async with open_app(folder, size=(120, 40)) as (app, pilot):
        await to_first_quote(pilot)
        await pilot.press("down")
        await pilot.pause()
        entry = app.article_list.current
        guess = entry.quotes[1]
        assert guess.speaker == "Antony Blinken" and guess.confidence < 0.8
        await pilot.press("y")
        assert app.clipboard == f"“We wait,” — Antony Blinken (uncertain), {entry.title}".replace(",”", "”")
        await pilot.press("b")
        await settle(pilot)
        [bookmark] = stored()
        assert bookmark.speaker == "Antony Blinken (uncertain)"


async def test_the_quote_jumped_to_in_the_reader_is_the_one_copied(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await to_first_quote(pilot)
        await pilot.press("enter")  # jump to it: the reader marks it
        app.reader.focus()
        await pilot.pause()
        await pilot.press("Y")
        assert app.clipboard == app.article_list.current.quotes[0].text.rstrip(",")


async def test_y_without_a_quote_says_how_to_choose_one(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("y")
        assert app.clipboard == ""
        assert "Choose a quote first" in notices(app)[-1]


async def test_selected_text_in_the_reader_is_copied_as_it_is(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        paragraph = app.reader.query(Paragraph).first()
        app.screen.selections = {paragraph: Selection(Offset(0, 0), Offset(9, 0))}
        await pilot.pause()
        await pilot.press("y")
        assert app.clipboard == "Paragraph"
        app.screen.selections = {paragraph: Selection(Offset(10, 0), Offset(11, 0))}
        await pilot.pause()
        await pilot.press("ctrl+c")  # Textual's own copy goes the same way
        assert app.clipboard == "0"
        assert notices(app)[-1].startswith("Copied through the terminal")


async def test_with_no_clipboard_at_all_the_text_is_shown_to_copy_by_hand(
    open_app, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "linux")
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await to_first_quote(pilot)
        await pilot.press("Y")
        await pilot.pause()
        assert isinstance(app.screen, CopyByHandScreen)
        assert app.screen.text == app.article_list.current.quotes[0].text.rstrip(",")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, CopyByHandScreen)


# -- faults -----------------------------------------------------------------------


async def test_a_corrupt_bookmarks_file_is_set_aside_said_once_and_bookmarks_work(open_app, small_corpus: Path) -> None:
    data_dir().mkdir(parents=True)
    (data_dir() / FILENAME).write_bytes(b"\x00not a database" * 300)
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        said = [n for n in notices(app) if "bookmarks file was damaged" in n]
        assert len(said) == 1
        kept = list(data_dir().glob(f"{FILENAME}.corrupt-*"))
        assert len(kept) == 1 and kept[0].read_bytes() == b"\x00not a database" * 300
        await pilot.press("b")
        await settle(pilot)  # bookmark writes land off the UI thread
        assert len(stored()) == 1


async def test_an_unwritable_data_dir_leaves_the_app_working_with_bookmarks_off(
    open_app, small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("x")  # root ignores chmod; a file as parent stops everyone
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "a-file" / "data"))
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        assert f"Bookmarks are off: {tmp_path / 'a-file'} is a file, not a folder." in notices(app)
        said = len(notices(app))
        await pilot.press("b")
        await settle(pilot)  # bookmark writes land off the UI thread
        # Among what was said since (the state's own notice may come first or after): why b did nothing.
        assert any(n.startswith("Bookmarks are off") for n in notices(app)[said:])
        await pilot.press("v")
        await pilot.pause()
        assert "Bookmarks are off" in str(app.screen.query_one("#bookmarks-status").render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.is_running and app.article_list.cursor == 1


async def test_two_app_instances_bookmarking_at_once_keep_each_others(small_corpus: Path) -> None:
    one, two = BylineApp([str(small_corpus)]), BylineApp([str(small_corpus)])
    one.BOOKMARKS_POLL_SECONDS = two.BOOKMARKS_POLL_SECONDS = 0.1
    async with one.run_test(size=(120, 40)) as first, two.run_test(size=(120, 40)) as second:
        await settle(first)
        await settle(second)
        await first.press("b")  # the first article, in one window
        await second.press("right_square_bracket", "b")  # the second, in the other
        await settle(first)
        await settle(second)
        await first.pause(0.4)
        await second.pause(0.4)
        both = {one.corpus.entries[0].id, two.corpus.entries[1].id}
        assert {b.article_id for b in stored()} == both
        assert one.article_list.bookmarked_ids == two.article_list.bookmarked_ids == both


async def test_quitting_closes_the_store_and_leaves_one_file(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("b")
        await settle(pilot)  # bookmark writes land off the UI thread
        await pilot.press("q")
        await pilot.pause()
    assert not app.bookmarking.store.available
    assert not (data_dir() / f"{FILENAME}-wal").exists()  # checkpointed into the file on close
    assert len(stored()) == 1


async def test_the_bookmarks_view_footer_shows_its_own_keys_not_the_main_views(open_app, small_corpus: Path) -> None:
    from textual.widgets import Footer

    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        footer = app.screen.query_one(Footer)
        await pilot.pause()
        keys = " ".join(str(item.render()) for item in footer.query("FooterKey"))
        assert "Delete" in keys and "Close" in keys
        for main_key in ("Search", "Entities", "Sidebar", "Bookmarks"):
            assert main_key not in keys


async def test_ctrl_q_quits_from_the_bookmarks_view(open_app, small_corpus: Path) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running
