"""The reader: one article set in a readable measure, quotes and entities marked in place
(how they are marked: `paragraph_styles`).

Every piece of article text goes through `Content(...)`, never markup, so
brackets and Rich tags in an article are shown as the characters they are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import AwaitMount
from textual.widgets import Static

from byline.load.clean import printable
from byline.model import Analysis, Article, Quote
from byline.search.find import Finder
from byline.tui.keys import LineByLine, vim_keys
from byline.tui.widgets.article_head import article_head
from byline.tui.widgets.paragraph_spans import spans_by_paragraph
from byline.tui.widgets.paragraph_styles import entity_legend, styled_paragraph
from byline.tui.widgets.reading_place import KeptPlace

MOUNT_BATCH = 400
"""Paragraphs mounted at a time. A news article has a few dozen; a 5 MB one has 15,000, and laying
all of them out froze the app for a minute: a long one is mounted a batch at a time as reading nears its end."""


class Paragraph(Static):
    """One paragraph of the body; the reader scrolls to these."""


class Reader(KeptPlace, LineByLine, VerticalScroll, can_focus=True):
    """Shows one article; scrolls with the keyboard and the wheel; keeps its place across a resize (`KeptPlace`)."""

    BINDINGS = [
        *vim_keys(
            "scroll_up",
            "scroll_down",
            "scroll_home",
            "scroll_end",
            labels=("Scroll up", "Scroll down", "Top", "Bottom"),
        ),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("n", "find_next", "Next match", show=False),
        Binding("N", "find_previous", "Previous match", show=False),
    ]

    entities_on: reactive[bool] = reactive(False)
    marked_quote: reactive[int | None] = reactive(None)
    marked_span: reactive[tuple[int, int] | None] = reactive(None)
    """Body offsets of a passage marked by the search or by find."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.analysis = Analysis()
        self._starts: list[int] = []
        self._quotes_in: dict[int, list[int]] = {}
        """Paragraph -> the quotes (numbers) that touch it; `_mentions_in` the same for entities."""
        self._mentions_in: dict[int, list[tuple[str, int, int]]] = {}
        self._mounting: AwaitMount | None = None
        self.finder = Finder()
        self._mounted = 0
        """How many of the article's paragraphs are mounted (the first ones)."""

    def compose(self):
        yield Static(id="reader-head")
        yield Static(id="reader-legend")
        yield Static(id="reader-curtain")

    def on_mount(self) -> None:
        self.border_title = "Reader"
        self.show_message("Loading articles…")

    # -- what is shown --------------------------------------------------------

    def show_message(self, text: str) -> None:
        """An empty reader with a line of explanation (no article, or one that is gone)."""
        self.article = None
        self.analysis = Analysis()
        self._starts = []
        self._quotes_in, self._mentions_in = {}, {}
        self.query(Paragraph).remove()
        self.remove_class("-placing")
        # The text names paths, which may hold escape codes: shown inert.
        self.query_one("#reader-head", Static).update(Content(printable(text)))
        self.query_one("#reader-head").add_class("-message")
        self.query_one("#reader-legend", Static).display = False
        self.border_subtitle = ""

    def show(self, article: Article, analysis: Analysis, placing: bool = False) -> None:
        """With `placing`, the text is held hidden until `reveal`: shown at its top, then
        scrolled to the place it was left at once laid out, it flashed there and jumped."""
        self.set_class(placing, "-placing")
        self.article = article
        self.analysis = analysis
        self.set_reactive(Reader.marked_quote, None)
        self.set_reactive(Reader.marked_span, None)
        self.finder = Finder()
        starts, offset = [], 0
        for paragraph in article.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 2
        self._starts = starts
        self._index_spans()
        self._place = None
        head = self.query_one("#reader-head", Static)
        head.remove_class("-message")
        head.update(article_head(article))
        self._update_legend()
        self.query(Paragraph).remove()
        self._mounted = 0
        self._mount_more()
        self.scroll_home(animate=False, immediate=True)
        self._update_progress()

    def _index_spans(self) -> None:
        self._quotes_in, self._mentions_in = spans_by_paragraph(self._starts, self.analysis)

    def _paragraph(self, index: int) -> Content:
        assert self.article is not None
        quotes = self.analysis.quotes
        return styled_paragraph(
            self.article.paragraphs[index],
            self._starts[index],
            [(number, quotes[number]) for number in self._quotes_in.get(index, ())],
            self.marked_quote,
            self.marked_span,
            self._mentions_in.get(index, ()) if self.entities_on else None,
        )

    def _update_legend(self) -> None:
        legend = self.query_one("#reader-legend", Static)
        legend.display = self.entities_on and self.article is not None
        if legend.display:
            legend.update(entity_legend(self.analysis))

    def _rerender(self) -> None:
        for index, paragraph in enumerate(self.query(Paragraph)):
            paragraph.update(self._paragraph(index))

    def watch_entities_on(self) -> None:
        if self.article is not None:
            self._update_legend()
            self._rerender()

    def watch_marked_quote(self, old: int | None, new: int | None) -> None:
        paragraphs = self.paragraphs()
        for number in (old, new):
            if number is None or number >= len(self.analysis.quotes):
                continue
            index = self.paragraph_of(self.analysis.quotes[number])
            if index is not None and index < len(paragraphs):
                paragraphs[index].update(self._paragraph(index))

    def watch_marked_span(self, old: tuple[int, int] | None, new: tuple[int, int] | None) -> None:
        paragraphs = self.paragraphs()
        for span in (old, new):
            if span is not None and (index := self.paragraph_at(span[0])) is not None and index < len(paragraphs):
                paragraphs[index].update(self._paragraph(index))

    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs mounted, in order."""
        return list(self.query(Paragraph))

    # -- navigation -----------------------------------------------------------

    @property
    def at_end(self) -> bool:
        return self.scroll_y >= self.max_scroll_y and self.complete

    @property
    def complete(self) -> bool:
        """Whether every paragraph of the article is mounted."""
        return self.article is None or self._mounted >= len(self.article.paragraphs)

    def _mount_more(self, upto: int = -1) -> None:
        """Mount the next batch of paragraphs, or on to paragraph `upto` if that is further."""
        if self.article is None:
            return
        start = self._mounted
        stop = min(len(self.article.paragraphs), max(start + MOUNT_BATCH, upto + 1))
        if stop > start:
            self._mounted = stop
            self._mounting = self.mount_all(
                Paragraph(self._paragraph(i), classes="paragraph") for i in range(start, stop)
            )

    def action_scroll_end(self) -> None:
        if self.complete:
            super().action_scroll_end()
            return
        if self.article is not None:
            self._mount_more(upto=len(self.article.paragraphs))  # the cost of a long article, paid when asked
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def paragraph_at(self, offset: int) -> int | None:
        """The paragraph that holds body offset `offset`."""
        if not self._starts or offset < 0:
            return None
        return bisect_right(self._starts, offset) - 1

    def after_show(self, callback: Callable[[], object], reveal: bool = False) -> None:
        """Call `callback` once the article last shown is mounted and laid out, so that
        scrolling to a paragraph finds it where it will be; with `reveal`, then show the
        text held back by `show(placing=True)`, once the scroll `callback` asked for is done."""
        self.call_later(self._once_shown, callback, reveal)

    async def _once_shown(self, callback: Callable[[], object], reveal: bool) -> None:
        if self._mounting is not None:
            await self._mounting
        self.call_after_refresh(callback)
        if reveal:  # queued after the callback's own call_after_refresh(scroll_to_center, ...)
            self.call_after_refresh(self.call_after_refresh, self.reveal)

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll the passage at body offsets `start`-`end` into view and mark it."""
        index = self.paragraph_at(start)
        if self.article is None or index is None:
            return
        self.marked_span = (start, end)
        self._mount_more(upto=index)
        paragraph = self.paragraphs()[index]
        self.call_after_refresh(self.scroll_to_center, paragraph, animate=False, immediate=True)

    def find(self, needle: str) -> bool:
        """Find `needle` in the article, its first match current (1 of N, wherever the view is:
        n / N go on from there, round the end); False if it is not there."""
        if self.article is None:
            return False
        match = self.finder.find(self.article.body, needle)
        self._show_match(match)
        return match is not None

    def clear_find(self) -> bool:
        """Forget the find (its mark and its place in the border); False if there was none."""
        if not self.finder.needle:
            return False
        self.finder = Finder()
        self.marked_span = None
        self._update_progress()
        return True

    def action_find_next(self) -> None:
        self._show_match(self.finder.next())

    def action_find_previous(self) -> None:
        self._show_match(self.finder.previous())

    def _show_match(self, match: tuple[int, int] | None) -> None:
        if match is None:
            self.marked_span = None
        else:
            self.scroll_to_span(*match)
        self._update_progress()

    @property
    def current_quote(self) -> Quote | None:
        """The quote marked in the article (jumped to from the sidebar, the search or a bookmark)."""
        number = self.marked_quote
        if number is not None and number < len(self.analysis.quotes):
            return self.analysis.quotes[number]
        return None

    @property
    def find_needle(self) -> str:
        """What find last looked for in this article ("" if nothing)."""
        return self.finder.needle

    def paragraph_of(self, quote: Quote) -> int | None:
        for index in range(len(self._starts) - 1, -1, -1):
            if self._starts[index] <= quote.start:
                return index
        return None

    def scroll_to_quote(self, number: int) -> None:
        """Scroll the quote into view and mark it."""
        if not 0 <= number < len(self.analysis.quotes):
            return
        self.marked_quote = number
        index = self.paragraph_of(self.analysis.quotes[number])
        if index is None:
            return
        self._mount_more(upto=index)
        paragraph = self.paragraphs()[index]
        self.call_after_refresh(self.scroll_to_center, paragraph, animate=False, immediate=True)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if not self.complete and new >= self.max_scroll_y - 2 * self.scrollable_content_region.height:
            self._mount_more()
        self._remember_place()
        self._update_progress()

    def watch_virtual_size(self) -> None:
        # The content's height changes once a new article is laid out.
        self._update_progress()

    def reveal(self, y: int | None = None) -> None:
        """Show the text held back by `show(placing=True)`, first scrolled to `y` if given."""
        if y is not None:
            self.scroll_to(y=y, animate=False, immediate=True)
        self.remove_class("-placing")
        self._update_progress()

    def _update_progress(self) -> None:
        if self.article is None or self.has_class("-placing"):
            self.border_subtitle = ""
            return
        top = self.max_scroll_y
        fraction = 1.0 if top <= 0 else self.scroll_y / top
        if not self.complete:  # of the text mounted so far: scale to the whole article
            fraction *= self._starts[self._mounted] / max(1, self._starts[-1])
        found = f"find “{self.finder.needle}” {self.finder.status} · " if self.finder.needle else ""
        # Content, not a str: a str title is markup, and the needle is whatever was typed.
        self.border_subtitle = Content(f"{found}{round(100 * fraction)}%")
