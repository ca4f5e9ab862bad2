"""Placeholder app until the three panes land."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList

from byline.load import load_paths, sample_corpus


class BylineApp(App[None]):
    TITLE = "Byline"

    def __init__(self, paths: list[str] | None = None) -> None:
        super().__init__()
        self.paths = paths or [str(sample_corpus())]

    def compose(self) -> ComposeResult:
        yield Header()
        result = load_paths(self.paths)
        yield OptionList(*[a.display_title for a in result.articles])
        yield Footer()
