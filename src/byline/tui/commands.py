"""Command palette (Ctrl+P): the app's actions, and every article by title."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice
from typing import Protocol, cast

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from byline.corpus import Corpus
from byline.model import Entry
from byline.search.copies import file_name

ARTICLES_OFFERED = 5000
"""Titles the palette matches against, at most: beyond that typing would lag."""

NAMES = {
    "main('previous_article')": "Previous article",
    "main('next_article')": "Next article",
    "main('toggle_entities')": "Highlight entities",
    "main('toggle_sidebar')": "Toggle sidebar",
    "toggle_theme": "Toggle light/dark theme",
    "toggle_bookmark": "Bookmark",
    "edit_bookmark": "Bookmark note and tags",
    "main('cycle_sort')": "Sort the list",
}
"""Palette names where the footer's word is too short to say what the action does."""


class Opens(Protocol):
    """What the palette needs of the app (`BylineApp` is one)."""

    BINDINGS: Sequence[BindingType]
    corpus: Corpus

    def open_entry(self, entry: Entry, quote: int | None = None) -> None: ...


class BylineCommands(Provider):
    """Actions come from the app's bindings, so palette and keys never disagree."""

    @property
    def byline(self) -> Opens:
        return cast(Opens, self.app)

    def _actions(self) -> list[tuple[str, Callable[[], object], str]]:
        """(short name, run it, the long description with the key) for each action."""
        out: list[tuple[str, Callable[[], object], str]] = []
        seen = set()
        for binding in Binding.make_bindings(self.byline.BINDINGS):
            name = NAMES.get(binding.action, binding.description)
            if not name or binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            key = f"Key: {self.app.get_key_display(binding)}"
            # The tooltip under the name, unless it only says the name again ("Previous article").
            said = binding.tooltip and binding.tooltip.rstrip(".").casefold() != name.casefold()
            help_ = f"{binding.tooltip}  ·  {key}" if said else key
            out.append((name, partial(self.app.run_action, binding.action), help_))
        return out

    async def discover(self) -> Hits:
        for name, run, help_ in self._actions():
            yield DiscoveryHit(Content(name), run, text=name, help=help_)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_ in self._actions():
            # By its name first; its description finds it too, ranked below.
            if score := matcher.match(name):
                yield Hit(score, highlight(matcher, name), run, text=name, help=help_)
            elif score := matcher.match(help_):
                yield Hit(score * 0.5, Content(name), run, text=name, help=help_)
        # A slice, not a copy of the whole list: a million entries on every keystroke.
        offered = list(islice(self.byline.corpus.entries, ARTICLES_OFFERED))
        copies = {article for article, times in Counter(entry.id for entry in offered).items() if times > 1}
        for entry in offered:
            label = f"Open {entry.title}"
            if score := matcher.match(label):
                # Titles are article text: highlight them as Content, never parse them as markup.
                # Identical files are one title twice: the file tells them apart.
                where = file_name(entry.path) if entry.id in copies else None
                run = partial(self.byline.open_entry, entry)
                yield Hit(score * 0.9, highlight(matcher, label), run, text=label, help=where)


def highlight(matcher: Matcher, candidate: str) -> Content:
    """The matcher's highlight without its markup parsing (it parses `str` candidates)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
