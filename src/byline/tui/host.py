"""What the main screen needs of its app, as a protocol (the screen never imports the app), and the notices it tells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from byline.corpus import Corpus
    from byline.search import SearchIndex
    from byline.userdata.state import State


Severity = Literal["information", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Notice:
    """Something to tell the user, and how loudly."""

    message: str
    severity: Severity = "information"


class Host(Protocol):
    """The app as its screens see it (`BylineApp` is one)."""

    paths: list[str]
    corpus_key: str
    """The corpus's key in the state's places (`byline.userdata.state.corpus_key`)."""
    corpus: Corpus
    search_index: SearchIndex
    state: State

    def schedule_save(self) -> None:
        """The state changed: write it soon."""

    def tell(self, notice: Notice, *, title: str = "", timeout: float = 6) -> None:
        """Show `notice` (its text inert)."""

    def copy_to_clipboard(self, text: str) -> None:
        """Copy by the best way there is, or offer the text to copy by hand."""
