"""Command palette (Ctrl+P): the app's actions, and every article by title."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.content import Content


class BylineCommands(Provider):
    """Actions come from the app's bindings, so palette and keys never disagree."""

    def _actions(self) -> list[tuple[str, str, str]]:
        out = []
        seen = set()
        for binding in Binding.make_bindings(self.app.BINDINGS):
            title = binding.tooltip or binding.description
            if not title or binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            out.append((title, binding.action, f"Key: {self.app.get_key_display(binding)}"))
        return out

    async def discover(self) -> Hits:
        for title, action, help_ in self._actions():
            yield Hit(1.0, Content(title), partial(self.app.run_action, action), text=title, help=help_)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_ in self._actions():
            if score := matcher.match(title):
                yield Hit(
                    score, highlight(matcher, title), partial(self.app.run_action, action), text=title, help=help_
                )
        entries = getattr(self.app, "corpus", None)
        if entries is None:
            return
        for entry in list(entries.entries)[:5000]:
            label = f"Open {entry.title}"
            if score := matcher.match(label):
                # Titles are article text: highlight them as Content, never parse them as markup.
                yield Hit(score * 0.9, highlight(matcher, label), partial(self.app.open_entry, entry), text=label)


def highlight(matcher, candidate: str) -> Content:
    """The matcher's highlight without its markup parsing (it parses `str` candidates)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
