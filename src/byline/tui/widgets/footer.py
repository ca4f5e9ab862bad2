"""The footer, with fewer keys at narrow widths: at 80 columns they would run into each other.

The keys left out there are still in the help (`?`) and the command palette (Ctrl+P).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

WIDE_ONLY = frozenset({"main('previous_article')", "main('next_article')", "main('toggle_entities')"})
"""Actions whose keys the footer shows only past the narrow width (`Screen.-narrow`): [ ] e."""
READER_ONLY = WIDE_ONLY
"""Actions on the article list and the reader, whose keys the footer leaves out while the quote
list stands in the reader's place (`Screen.-quotes`): there they changed nothing one could see."""


class BylineFooter(Footer):
    """Textual's footer, its `WIDE_ONLY` keys hidden on a narrow screen, its `READER_ONLY` keys
    while the quote list is shown (byline.tcss)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in WIDE_ONLY:
                widget.add_class("-wide-only")
            if isinstance(widget, FooterKey) and widget.action in READER_ONLY:
                widget.add_class("-reader-only")
            yield widget
