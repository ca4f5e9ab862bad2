"""The article list's own API: a filter holds for rows that arrive after it was set."""

from __future__ import annotations

from textual.app import App, ComposeResult

from byline.model import Entity, Entry
from byline.tui.widgets.article_list import ArticleList


def entry(n: int, *names: str) -> Entry:
    entities = tuple(Entity(name, "PERSON", 1) for name in names)
    return Entry(id=f"e{n}", path=f"{n}.txt", title=f"Article {n}", author="", quotes=(), entities=entities)


class Host(App[None]):
    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        yield ArticleList(self.entries)


async def test_a_filter_applies_to_rows_still_loading() -> None:
    entries = [entry(0, "Blair"), entry(1, "Brown"), entry(2, "Blair", "Brown")]
    app = Host(entries)
    async with app.run_test() as pilot:
        articles = app.query_one(ArticleList)
        articles.filter_by(lambda e: e.mentions("Blair"))
        assert articles.count == 2
        entries += [entry(3, "Brown"), entry(4, "Blair")]  # a batch loads after the filter was set
        articles.entries_changed()
        await pilot.pause()
        assert [articles.entries[i].id for i in articles.shown or []] == ["e0", "e2", "e4"]
        articles.filter_by(None)
        assert articles.count == 5 and articles.shown is None
