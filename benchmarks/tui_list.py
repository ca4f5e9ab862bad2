"""How long the article list takes to paint, at 2,225 to 100,000 entries.

    python benchmarks/tui_list.py

Prints, for each size: the time to paint a full screen of rows, to jump to
the bottom (G) and paint, to move the cursor one row and paint, and to
apply an entity filter. The list draws only the rows on screen (Line API),
so these should not grow with the number of entries.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from textual.app import App, ComposeResult

from byline.corpus import Entry
from byline.model import Entity, Quote
from byline.tui.widgets.article_list import ArticleList

SIZES = (2_225, 10_000, 100_000)
REPEAT = 20


def make_entries(count: int) -> list[Entry]:
    quote = Quote("Words", "Someone", 0, 5)
    names = [Entity(f"Name {i}", "PERSON", 1) for i in range(50)]
    return [
        Entry(
            id=f"{i:016x}",
            path=f"/corpus/{i}.txt",
            title=f"Article {i}: a title long enough to need cutting with an ellipsis in the list",
            author=f"Author {i % 97}",
            quotes=(quote,) * (i % 5),
            entities=(names[i % 50],),
        )
        for i in range(count)
    ]


class ListApp(App[None]):
    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        yield ArticleList(self.entries)


def paint(widget: ArticleList) -> float:
    """Render every visible line, as the compositor would."""
    start = time.perf_counter()
    for y in range(widget.size.height):
        widget.render_line(y)
    return time.perf_counter() - start


async def measure(count: int) -> dict[str, float]:
    entries = make_entries(count)
    app = ListApp(entries)
    figures: dict[str, list[float]] = {"paint": [], "bottom": [], "step": [], "filter": []}
    async with app.run_test(size=(120, 50)) as pilot:
        articles = app.query_one(ArticleList)
        await pilot.pause()
        for _ in range(REPEAT):
            figures["paint"].append(paint(articles))
            start = time.perf_counter()
            articles.action_last()
            figures["bottom"].append(time.perf_counter() - start + paint(articles))
            articles.action_first()
            start = time.perf_counter()
            articles.action_cursor_down()
            figures["step"].append(time.perf_counter() - start + paint(articles))
            start = time.perf_counter()
            articles.set_filter([i for i, e in enumerate(entries) if e.mentions("Name 7")])
            figures["filter"].append(time.perf_counter() - start + paint(articles))
            articles.set_filter(None)
    return {name: statistics.median(values) * 1000 for name, values in figures.items()}


def main() -> None:
    print(
        f"{'entries':>9}  {'paint screen':>12}  {'G + paint':>10}  {'down + paint':>12}  {'filter + paint':>14}  "
        f" (median of {REPEAT}, ms)"
    )
    for count in SIZES:
        f = asyncio.run(measure(count))
        print(f"{count:>9,}  {f['paint']:>12.2f}  {f['bottom']:>10.2f}  {f['step']:>12.2f}  {f['filter']:>14.2f}")


if __name__ == "__main__":
    main()
