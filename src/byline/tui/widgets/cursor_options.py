"""An OptionList whose highlighted option is drawn in the cursor's colours alone.

An option's own colours (a muted count, "— unattributed", a search result's
context line, a bookmark's date) are chosen to read on the pane's surface.
On the cursor they did not: the dark theme's cursor is a bright violet, on
which the muted grey fell to about 2:1. So the highlighted option keeps its
bold, italics and underline, and takes the cursor's colours for all its text,
as the article list's cursor row does.
"""

from __future__ import annotations

from dataclasses import replace

from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def _no_colour(style: Style | str) -> Style | str:
    if isinstance(style, Style):
        return replace(style, foreground=None, background=None)
    words, kept = style.split(), []
    skip = False
    for word in words:
        if skip or word == "on":  # a background: "on", then its colour (and maybe a percentage)
            skip = word == "on"
            continue
        if word.startswith(("$", "#", "rgb", "hsl")) or word.endswith("%"):
            continue
        kept.append(word)
    return " ".join(kept)


def uncoloured(content: Content) -> Content:
    """`content` with its styles but none of its colours."""
    return Content(content.plain, [Span(span.start, span.end, _no_colour(span.style)) for span in content.spans])


class CursorOptionList(OptionList):
    """OptionList, the highlighted option in the cursor's colours (see the module)."""

    _rendering_cursor = False

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        self._rendering_cursor = option is self.highlighted_option and isinstance(option.prompt, Content)
        try:
            return super()._get_option_render(option, style)
        finally:
            self._rendering_cursor = False

    def _get_visual(self, option: Option) -> Visual:
        if self._rendering_cursor and isinstance(option.prompt, Content):
            return uncoloured(option.prompt)  # not kept: the option's own visual stays coloured
        return super()._get_visual(option)
