"""The bookmarks view: every bookmark across all corpora, newest first, filtered as you type.

Enter dismisses the screen with the chosen `Bookmark`, so the app can open its
article at the quote; Escape dismisses it with None. A bookmark whose article
is not in the open corpus is in italics and marked, and still shows its text.
"""

from __future__ import annotations

from collections.abc import Container

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from byline.clipboard import one_line
from byline.tui.threads import deliver
from byline.tui.widgets.cursor_options import CursorOptionList
from byline.userdata.bookmark_store import BookmarkStore
from byline.userdata.bookmarks import Bookmark, BookmarkError

QUOTE_PREVIEW = 240
"""Characters of a quote shown in a row; the rest is an ellipsis away."""

PAGE = 200
"""Bookmarks read at a time: the view shows a million without reading them all."""
NOTE_PREVIEW = 200
"""Characters of a note shown in a row."""
POLL_SECONDS = 2.0
"""How often the open view checks for bookmarks made in another Byline."""


STATUS_PREVIEW = 30
"""Characters of a title or quote in the status line, beside the counts, at 80 columns too."""


def describe(bookmark: Bookmark, limit: int = 60) -> str:
    """The bookmark in a notice: its quote, or its article's title (cut past `limit`)."""
    if bookmark.kind == "quote":
        return f"the quote “{preview(bookmark.quote, limit)}”"
    return f"“{preview(bookmark.title, limit)}”"


def count(n: int, what: str) -> str:
    """'1 bookmark', '2 bookmarks', '1,000 bookmarks'."""
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def preview(text: str, limit: int = QUOTE_PREVIEW) -> str:
    """Article text on one line, cut with an ellipsis past `limit` characters."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def bookmark_row(bookmark: Bookmark, present: bool) -> Content:
    """A row built from Content, never from markup: article text stays text."""
    mark = "❝ " if bookmark.kind == "quote" else "■ "
    parts: list[str | tuple[str, str]] = [(mark, "$text-accent"), (one_line(bookmark.title) or "(untitled)", "bold")]
    if not present:
        parts.append(("  not in this corpus", "italic $text-warning"))
    if bookmark.kind == "quote":
        parts += ["\n  ", (f"“{preview(bookmark.quote)}”", "italic")]
        if bookmark.speaker:
            parts += [" — ", (one_line(bookmark.speaker), "$text-secondary")]
    details = [bookmark.created[:16].replace("T", " ")]
    if bookmark.tags:
        details.append("#" + " #".join(one_line(tag) for tag in bookmark.tags))
    if bookmark.note:
        details.append(preview(bookmark.note, NOTE_PREVIEW))
    parts += ["\n  ", ("  ·  ".join(details), "$text-muted")]
    row = Content.assemble(*parts)
    return row if present else row.stylize("italic")


class FilterInput(Input):
    """The filter: takes every printable key but `?`, which opens the view's help."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "question_mark" and super().check_consume_key(key, character)


class BookmarksScreen(ModalScreen[Bookmark | None]):
    """Pick a bookmark. Typing filters; Up/Down move; Enter opens; Escape closes."""

    CSS_PATH = "bookmarks.tcss"
    AUTO_FOCUS = "#bookmarks-filter"
    KEYS_OF_ITS_OWN = True
    """The footer shows this view's keys only: the main view's do not work here."""
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "open", "Open", priority=True),
        Binding("delete", "delete", "Delete", priority=True, tooltip="Delete the highlighted bookmark"),
        Binding("d", "delete", "Delete", show=False, tooltip="Delete the highlighted bookmark (in the list)"),
        Binding("u", "undo", "Undo delete", tooltip="Bring back the bookmark just deleted (in the list)"),
        Binding("tab", "switch_focus", "Filter/list", show=False, priority=True),
        Binding("question_mark", "help", "Help", priority=True, tooltip="The keys of this view"),
        Binding("down", "move(1)", "Next", show=False, priority=True),
        Binding("up", "move(-1)", "Previous", show=False, priority=True),
        Binding("pagedown", "move(10)", "Page down", show=False, priority=True),
        Binding("pageup", "move(-10)", "Page up", show=False, priority=True),
    ]

    def __init__(self, store: BookmarkStore, present: Container[str] = frozenset()) -> None:
        """`present`: ids of the articles in the open corpus."""
        super().__init__()
        self.store = store
        self.present = present
        self._bookmarks: list[Bookmark] = []
        """The rows loaded so far, newest first: a page at a time."""
        self._query = ""
        self._more = False
        self._loading_more = False
        self._generation: tuple[int, int] | None = None
        self._deleted: Bookmark | None = None
        """The bookmark deleted last, for u."""
        self._status = ""
        self._said = ""
        """What the view last did (a delete, an undo), said after the counts."""

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-dialog"):
            yield Label("Bookmarks", id="bookmarks-title")
            yield FilterInput(placeholder="Type to filter: title, quote, speaker, note, #tag", id="bookmarks-filter")
            yield CursorOptionList(id="bookmarks-list")
            yield Label("", id="bookmarks-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(POLL_SECONDS, self._reload_if_changed)

    def reload(self) -> None:
        """Read the first page again from the store: the filter changed, or another Byline changed them."""
        self._load(self.query_one("#bookmarks-filter", Input).value)

    @on(Input.Changed, "#bookmarks-filter")
    def _refilter(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="bookmarks-load")
    def _load(self, query: str) -> None:
        """A page of what matches, and the counts, read off the UI thread (a million bookmarks take a while)."""
        try:
            generation = self.store.generation()
            rows = self.store.page(query, 0, PAGE + 1)
            total = self.store.count()
            matching = self.store.count(query) if query.split() else total
        except BookmarkError as exc:
            deliver(self, self._failed, str(exc))
            return
        if not get_current_worker().is_cancelled:
            deliver(self, self._loaded, query, generation, rows, total, matching)

    def _loaded(self, query: str, generation: tuple[int, int], rows: list[Bookmark], total: int, matching: int) -> None:
        if not self.is_attached or query != self.query_one("#bookmarks-filter", Input).value:
            return  # closed, or typed on meanwhile: a newer load is coming
        self._generation, self._query = generation, query
        self._more = len(rows) > PAGE
        option_list = self.query_one("#bookmarks-list", OptionList)
        highlighted = option_list.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        self._bookmarks = rows[:PAGE]
        option_list.set_options(self._options(self._bookmarks))
        if self._bookmarks:
            ids = [str(b.id) for b in self._bookmarks]
            option_list.highlighted = ids.index(keep) if keep in ids else 0
        if not self.store.available:
            self._show_status(self.store.reason or "Bookmarks are off.")
        elif not total:
            self._show_status("No bookmarks yet: press b on an article or a quote to keep it.")
        elif not matching:
            self._show_status("No bookmark matches the filter.")
        elif matching != total:
            self._show_status(f"{matching:,} of {count(total, 'bookmark')}")
        else:
            self._show_status(count(total, "bookmark"))

    def _failed(self, reason: str) -> None:
        if not self.is_attached:
            return
        self._bookmarks = []
        self.query_one("#bookmarks-list", OptionList).clear_options()
        self._show_status(reason)

    def _options(self, bookmarks: list[Bookmark]) -> list[Option]:
        return [Option(bookmark_row(b, b.article_id in self.present), id=str(b.id)) for b in bookmarks]

    @work(thread=True, exclusive=True, group="bookmarks-more")
    def _load_more(self, query: str, offset: int) -> None:
        try:
            rows = self.store.page(query, offset, PAGE + 1)
        except BookmarkError:
            rows = []
        deliver(self, self._more_loaded, query, offset, rows)

    def _more_loaded(self, query: str, offset: int, rows: list[Bookmark]) -> None:
        self._loading_more = False
        if not self.is_attached or query != self._query or offset != len(self._bookmarks):
            return
        self._more = len(rows) > PAGE
        self._bookmarks.extend(rows[:PAGE])
        self.query_one("#bookmarks-list", OptionList).add_options(self._options(rows[:PAGE]))

    @on(OptionList.OptionHighlighted, "#bookmarks-list")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        """The next page is read as the highlight nears the end of what is loaded."""
        if self._more and not self._loading_more and event.option_index >= len(self._bookmarks) - PAGE // 4:
            self._loading_more = True
            self._load_more(self._query, len(self._bookmarks))

    def _reload_if_changed(self) -> None:
        try:
            changed = self.store.generation() != self._generation
        except BookmarkError:
            return
        if changed:
            self.reload()

    @property
    def shown(self) -> list[Bookmark]:
        """The rows loaded so far, as shown (their quotes and notes cut for the list)."""
        return self._bookmarks

    def _show_status(self, text: str) -> None:
        """The counts (or why there are none), then what was last done here."""
        self._status = text
        said = f" · {self._said}" if self._said else ""
        self.query_one("#bookmarks-status", Label).update(Content(text + said))

    def action_move(self, step: int) -> None:
        option_list = self.query_one("#bookmarks-list", OptionList)
        if option_list.option_count:
            current = option_list.highlighted or 0
            option_list.highlighted = max(0, min(option_list.option_count - 1, current + step))

    def action_open(self) -> None:
        option_list = self.query_one("#bookmarks-list", OptionList)
        if option_list.highlighted is not None:
            self._choose(option_list.highlighted)

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        shown = self.shown
        if 0 <= index < len(shown):
            row_id = shown[index].id
            try:  # the row's quote and note were cut for the list
                whole = self.store.get(row_id) if row_id is not None else None
            except BookmarkError:
                whole = None
            self.dismiss(whole or shown[index])

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self._deleted is not None
        return True

    def action_switch_focus(self) -> None:
        option_list = self.query_one("#bookmarks-list", OptionList)
        if option_list.has_focus:
            self.query_one("#bookmarks-filter", Input).focus()
        else:
            option_list.focus()

    def action_help(self) -> None:
        from byline.tui.screens.help import HelpScreen

        typing = Binding(
            "a", "", "Filter: words anywhere (title, quote, speaker, note); #tag for a tag", key_display="type"
        )
        self.app.push_screen(HelpScreen([("Bookmarks", [typing, *self.BINDINGS])]))

    def action_delete(self) -> None:
        filter_box = self.query_one("#bookmarks-filter", Input)
        if filter_box.has_focus and filter_box.cursor_position < len(filter_box.value):
            filter_box.action_delete_right()  # Delete inside the filter still edits it
            return
        option_list = self.query_one("#bookmarks-list", OptionList)
        shown = self.shown
        if option_list.highlighted is not None and option_list.highlighted < len(shown):
            option_list.focus()  # where u, to undo, works
            self._change(shown[option_list.highlighted], delete=True)

    def action_undo(self) -> None:
        if self._deleted is not None:
            self._change(self._deleted, delete=False)

    @work(thread=True, group="bookmarks-change")
    def _change(self, bookmark: Bookmark, delete: bool) -> None:
        """Delete or restore off the UI thread: a lock held elsewhere makes a write wait."""
        try:
            if delete:
                # By id: the row's quote and note were cut for the list, and undo must bring back the whole.
                bookmark = (self.store.remove(bookmark.id) if bookmark.id is not None else None) or bookmark
            else:
                self.store.add(bookmark)
        except BookmarkError as exc:
            deliver(self, self._say, f"Not {'deleted' if delete else 'undone'}: {exc}")
            return
        what = describe(bookmark, STATUS_PREVIEW)
        message = f"Deleted {what} (u undoes it)" if delete else f"Undone: {what} is back."
        deliver(self, self._changed, bookmark if delete else None, message)

    def _say(self, message: str) -> None:
        """What the view's own keys did, in its status line (no toast hides the view)."""
        if not self.is_attached:  # the view was closed meanwhile: said on the main view
            self.app.notify(message, markup=False, timeout=6)
            return
        self._said = message
        self._show_status(self._status)

    def _changed(self, deleted: Bookmark | None, message: str) -> None:
        self._say(message)
        if not self.is_attached:
            return
        self._deleted = deleted
        self.refresh_bindings()
        self.reload()
