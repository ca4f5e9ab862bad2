"""The footer, with fewer keys at narrow widths: at 80 columns they would run into each other.

The keys left out there are still in the help (`?`) and the command palette (Ctrl+P).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

WIDE_ONLY = frozenset({"main('previous_article')", "main('next_article')", "main('toggle_entities')"})
"""Actions whose keys the footer shows only past the narrow width (`Screen.-narrow`): [ ] e."""


class BylineFooter(Footer):
    """Textual's footer, its `WIDE_ONLY` keys hidden on a narrow screen (byline.tcss)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in WIDE_ONLY:
                widget.add_class("-wide-only")
            yield widget
