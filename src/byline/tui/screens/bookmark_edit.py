"""A small modal to edit a bookmark's note and tags.

Dismisses with `BookmarkEdit` (the new note and tags) on save, None on cancel.
Given a `save` callback (the app's, so this screen knows nothing of SQLite),
it runs it off the UI thread first and closes only once the note is stored:
when it cannot be (a full disk, a lock), the dialog stays open with the text
typed and says why, so a note is never thrown away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from byline.clipboard import one_line
from byline.tui.host import Notice
from byline.tui.screens.bookmarks import preview
from byline.userdata.bookmarks import Bookmark, parse_tags


@dataclass(frozen=True, slots=True)
class BookmarkEdit:
    note: str
    tags: tuple[str, ...]


class BookmarkEditScreen(ModalScreen[BookmarkEdit | None]):
    CSS_PATH = "bookmark_edit.tcss"
    AUTO_FOCUS = "#edit-note"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        # Priority: checked as the app takes each key in, so focus has moved before the next
        # key is handed on. Unprioritised, Tab reaches the binding only after bubbling up
        # from the note field, and keys typed in the same burst are already queued there.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    def __init__(self, bookmark: Bookmark, save: Callable[[BookmarkEdit], Notice] | None = None) -> None:
        """`save` stores the edit and says how it went (severity "error": not stored)."""
        super().__init__()
        self.bookmark = bookmark
        self._save = save
        self._saving = False

    def compose(self) -> ComposeResult:
        b = self.bookmark
        what = f"“{preview(b.quote, 120)}”" if b.kind == "quote" else preview(b.title, 120)
        with Vertical(id="edit-dialog"):
            yield Label(Content.assemble(("Bookmark: ", "bold $text-accent"), what), id="edit-what")
            if b.kind == "quote":
                yield Label(Content(one_line(b.title)), id="edit-title")
            yield Label("Note")
            yield Input(b.note, placeholder="Why it matters", id="edit-note", select_on_focus=False)
            yield Label("Tags (separated by commas)")
            yield Input(", ".join(b.tags), placeholder="e.g. gaza, ceasefire", id="edit-tags", select_on_focus=False)
            yield Label("Enter saves · Tab moves between fields · Escape cancels", id="edit-hint")
            yield Label("", id="edit-error")
            with Horizontal(id="edit-buttons"):
                yield Button("Save", variant="primary", id="edit-save")
                yield Button("Cancel", id="edit-cancel")

    # Enter saves from either field (Tab moves between them): moving focus on
    # Enter would send keys typed ahead of the move into the wrong field.
    @on(Input.Submitted)
    @on(Button.Pressed, "#edit-save")
    def action_save(self) -> None:
        note = self.query_one("#edit-note", Input).value.strip()
        tags = parse_tags(self.query_one("#edit-tags", Input).value)
        if self._save is None:
            self.dismiss(BookmarkEdit(note, tags))
        elif not self._saving:
            self._saving = True
            self._store(BookmarkEdit(note, tags))

    @work(thread=True, group="bookmark-edit")
    def _store(self, edit: BookmarkEdit) -> None:
        assert self._save is not None
        notice = self._save(edit)
        self.app.call_from_thread(self._stored, edit, notice)

    def _stored(self, edit: BookmarkEdit, notice: Notice) -> None:
        self._saving = False
        if not self.is_attached:  # cancelled while saving: say how the save went, the dialog is gone
            self.app.notify(notice.message, severity=notice.severity, markup=False)
            return
        if notice.severity == "error":
            error = self.query_one("#edit-error", Label)
            error.update(
                Content.assemble(("Not saved: ", "bold"), notice.message, " Your text is kept: try again, or Escape.")
            )
            error.add_class("-shown")
            return
        self.dismiss(edit)

    @on(Button.Pressed, "#edit-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
