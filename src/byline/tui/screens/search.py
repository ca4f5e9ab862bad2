"""The search screen: a box over the app, results as you type, Enter to go.

Matching runs on a worker thread, one search at a time (a newer keystroke
cancels the older search, and a late answer to an older query is dropped),
so the box answers every key at once. Results are built as `Content` from
the article's text, never parsed as markup: a `[bold]` in an article shows
as it is written.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from byline.model import LOW_CONFIDENCE, Entry
from byline.search import PREFIX_HELP, PREFIXES, Hit, SearchIndex, quote_number
from byline.search.copies import copies_among, file_name
from byline.tui.threads import deliver
from byline.tui.widgets.cursor_options import CursorOptionList

LIMIT = 50
REFRESH_S = 0.5
"""While loading goes on, the results on show are searched again this often if more came in."""
SNIPPET = 110
"""Characters of a long quote or sentence shown around its first match."""


def snippet(text: str, positions: tuple[int, ...], width: int = SNIPPET) -> tuple[str, tuple[int, ...]]:
    """At most `width` characters of `text` around its first matched position,
    with `…` where it is cut, and the positions moved to match."""
    text = " ".join(text.split()) if "\n" in text else text
    if len(text) <= width:
        return text, positions
    first = positions[0] if positions else 0
    start = max(0, min(first - width // 4, len(text) - width))
    end = start + width
    # Cut between words: the first whole word after the start, the last whole word before the end.
    if start > 0 and (space := text.find(" ", start - 1, first)) != -1:
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", first + 1, end + 1)) > start:
        end = space
    head, tail = ("\u2026" if start else ""), ("\u2026" if end < len(text) else "")
    shift = len(head) - start
    kept = tuple(p + shift for p in positions if start <= p < end)
    return head + text[start:end] + tail, kept


def results_line(count: int, more: bool) -> str:
    """ "3 results", or, where the list stops short, that there are more and to narrow the search."""
    if more:
        return f"{count}+ results, the best {count} shown: refine the search to narrow them"
    return f"{count} result{'s' if count != 1 else ''}" if count else "No match"


def runs(positions: tuple[int, ...]) -> list[tuple[int, int]]:
    """Sorted positions as (start, end) runs, so a matched word is one span, not one per letter."""
    spans: list[tuple[int, int]] = []
    for position in positions:
        if spans and spans[-1][1] == position:
            spans[-1] = (spans[-1][0], position + 1)
        else:
            spans.append((position, position + 1))
    return spans


def hit_content(hit: Hit, title: str, width: int = SNIPPET, file: str = "", speaker: str = "") -> Content:
    """The kind and the matched text with its letters marked; under it, for
    anything but a title, the article it belongs to (and, for a quote, who said it);
    and `file`, which of identical files it is, where the results hold more than one."""
    text, positions = snippet(hit.text, hit.positions, width)
    if hit.kind == "quote":
        text, positions = f"\u201c{text}\u201d", tuple(p + 1 for p in positions)
    matched = Content(text)
    for start, end in runs(positions):
        matched = matched.stylize("bold $text-accent underline", start, end)
    line = Content.assemble((f"{hit.kind:<8}", "bold $text-secondary"), matched)
    if hit.detail:
        line = line + Content(f"  {hit.detail.lower()}").stylize("$text-muted")
    if hit.others:
        line = line + Content(f"  +{hit.others:,} more").stylize("$text-muted")
    if hit.kind == "title":
        return line + Content(f"  {file}").stylize("$text-muted") if file else line
    where = f"in {title} · {file}" if file else f"in {title}"
    if speaker:
        where = f"— {speaker} · {where}"
    return Content.assemble(line, "\n", Content(f"{'':<8}{where}").stylize("italic $text-muted"))


def speaker_of(hit: Hit, entry: Entry) -> str:
    """Who said the quote `hit` is in ("Name?" when uncertain); "" for other hits or no speaker."""
    if hit.kind != "quote" or (number := quote_number(entry, hit)) is None:
        return ""
    quote = entry.quotes[number]
    if not quote.speaker:
        return ""
    return f"{quote.speaker}?" if quote.confidence < LOW_CONFIDENCE else quote.speaker


def search_keys() -> list[BindingType]:
    """The search box's keys and its prefixes, as rows for the help screen."""
    prefixes = [Binding(prefix, "", f"Search {label} only") for prefix, _, label in PREFIXES if prefix.isascii()]
    return [Binding("enter", "", "Open the result"), *SearchScreen.BINDINGS, *prefixes]


class SearchScreen(ModalScreen[Hit | None]):
    """Dismisses with the chosen `Hit`, or None when closed with Escape."""

    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close search"),
        Binding("down", "move(1)", "Next result", show=False),
        Binding("up", "move(-1)", "Previous result", show=False),
        Binding("pagedown", "move(10)", "Results page down", show=False),
        Binding("pageup", "move(-10)", "Results page up", show=False),
    ]

    def __init__(self, index: SearchIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.query_text = query
        self.hits: list[Hit] = []
        self._shown_for: str | None = None
        """The query whose results are on show."""
        self._shown_generation = -1
        """`SearchIndex.generation` when they were found: while loading goes on, they are searched again."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.query_text, placeholder=f"Search   {PREFIX_HELP}", id="search-input")
            yield CursorOptionList(id="search-results")
            yield Static("Type to search titles, quotes, speakers, entities and text", id="search-status", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).can_focus = False  # keys stay in the box; arrows move the results
        if self.query_text:
            self.search(self.query_text)
        self.set_interval(REFRESH_S, self._refresh_while_loading)

    def _refresh_while_loading(self) -> None:
        """More articles came in since the results on show were found: search them again."""
        if self._shown_for is not None and self.index.generation != self._shown_generation:
            self.search(self._shown_for)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def search(self, query: str) -> None:
        generation = self.index.generation
        hits = self.index.search(query, limit=LIMIT + 1)  # one more, to know there are more
        if not get_current_worker().is_cancelled:
            deliver(self, self._show, query, hits, generation)

    def _show(self, query: str, hits: list[Hit], generation: int = -1) -> None:
        if query != self.query_one(Input).value:
            return  # an older query answered late
        self._shown_for = query
        self._shown_generation = generation
        more = len(hits) > LIMIT
        hits = self.hits = hits[:LIMIT]
        results = self.query_one(OptionList)
        results.clear_options()
        width = max(30, results.scrollable_content_region.width - 12)
        entries = self.index.entries
        copies = copies_among(hits, entries)
        results.add_options(
            Option(
                hit_content(
                    hit,
                    entries[hit.entry].title,
                    width,
                    file_name(entries[hit.entry].path) if hit.entry in copies else "",
                    speaker_of(hit, entries[hit.entry]),
                )
            )
            for hit in hits
        )
        if hits:
            results.highlighted = 0
        if not query.strip():
            text = "Type to search titles, quotes, speakers, entities and text"
        else:
            text = results_line(len(hits), more)
        if (coverage := self.index.coverage) is not None:  # loading goes on: say what was searched
            done, total = coverage
            text += f" · searching {done:,} of {f'{total:,}' if total is not None else '?'} files"
        self.query_one("#search-status", Static).update(text)

    def action_move(self, by: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else 0
            results.highlighted = max(0, min(results.option_count - 1, current + by))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._shown_for != event.value:
            # Enter came before the answer: search now (milliseconds) rather than open a stale hit.
            self._show_now(event.value)
        highlighted = self.query_one(OptionList).highlighted
        if self.hits and highlighted is not None:
            self.dismiss(self.hits[highlighted])

    def _show_now(self, query: str) -> None:
        self.workers.cancel_group(self, "search")
        generation = self.index.generation
        self._show(query, self.index.search(query, limit=LIMIT + 1), generation)

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_close(self) -> None:
        self.workers.cancel_group(self, "search")
        self.dismiss(None)
