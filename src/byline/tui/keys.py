"""The vim-style keys every pane shares: one list, so the panes never disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.binding import Binding

if TYPE_CHECKING:
    from textual.widget import Widget as _Widget
else:
    _Widget = object


def vim_keys(
    up: str,
    down: str,
    top: str,
    bottom: str,
    *,
    labels: tuple[str, str, str, str] = ("Up", "Down", "Top", "Bottom"),
    home_end: bool = True,
) -> list[Binding]:
    """j/k (and the arrows) for `up`/`down`, g/G (and Home/End with `home_end`) for `top`/`bottom`."""
    return [
        Binding("up,k", up, labels[0], show=False),
        Binding("down,j", down, labels[1], show=False),
        Binding("g,home" if home_end else "g", top, labels[2], show=False),
        Binding("G,end" if home_end else "G", bottom, labels[3], show=False),
    ]


class LineByLine(_Widget):
    """For a widget that scrolls: each ↑/↓ (k/j) scrolls a line, and each PageUp/PageDown a page,
    however fast the keys come. Textual's own actions aim past where the last scroll will be only
    once the screen is next drawn: keys that came in one read (a key held down, a slow link) were
    all aimed at the same place, and twenty presses of j scrolled one line, three of PageDown one page."""

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_down(immediate=True)

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_up(immediate=True)

    def action_page_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_pages(1)

    def action_page_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_pages(-1)

    def scroll_pages(self, pages: int, *, animate: bool = True) -> None:
        """`pages` pages down (up, if negative) from where the scroll is going, at once."""
        height = self.scrollable_content_region.height
        self.scroll_to(y=self.scroll_target_y + pages * height, animate=animate, immediate=True)


def main(action: str) -> str:
    """An action of the main view, run from the app's bindings (they work over every screen)."""
    return f"main('{action}')"


VIEWS = Binding.Group("Views", compact=True)
"""The left pane's three views: one footer entry, "123 Views" (past 80 columns: there it has no room)."""

# fmt: off
APP_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("q", "quit", "Quit"),
    Binding("question_mark", "help", "Help"),
    Binding("slash", main("search"), "Search", tooltip="Titles, quotes, speakers, entities, text; prefixes @ # \" t:"),  # noqa: E501
    Binding("ctrl+f", main("find"), "Find in article", show=False, tooltip="Find in this article, then n / N"),
    Binding("left_square_bracket", main("previous_article"), "Prev", tooltip="Previous article"),
    Binding("right_square_bracket", main("next_article"), "Next", tooltip="Next article"),
    Binding("space", main("read_on"), "Read on", show=False, tooltip="Scroll the reader a page; at the end, the next article"),  # noqa: E501
    Binding("tab", "focus_next", "Next pane", show=False),
    Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    Binding("e", main("toggle_entities"), "Highlight", tooltip="Highlight people, organisations and places"),
    Binding("s", main("toggle_sidebar"), "Sidebar", tooltip="Show or hide the sidebar"),
    Binding("m", main("toggle_read"), "Mark read/unread", show=False),
    Binding("U", main("next_unread"), "Next unread", show=False, tooltip="The next article not read yet"),
    Binding("o", main("cycle_sort"), "Sort", show=False, tooltip="Sort the list: as loaded, by date, by title, by quotes"),  # noqa: E501
    Binding("x,escape", main("clear_filter"), "Clear filter", show=False, tooltip="Clear the find in the article, else the filter"),  # noqa: E501
    Binding("t", "toggle_theme", "Light/dark theme", show=False),
    # Only v in the footer (80 columns hold no more): the bookmarks view, empty, says to press b.
    Binding("b", "toggle_bookmark", "Bookmark", tooltip="Bookmark the article, or the quote chosen in the sidebar; again to remove", show=False),  # noqa: E501
    Binding("u", "undo_bookmark", "Undo bookmark change", show=False),
    Binding("B", "edit_bookmark", "Bookmark note and tags", show=False),
    Binding("v", "bookmarks", "Bookmarks", tooltip="Show bookmarks, from every corpus"),
    Binding("1", main("show_articles"), "Articles", tooltip="Left pane: the articles", group=VIEWS),
    Binding("2", main("show_speakers"), "Speakers", tooltip="Left pane: every speaker of the corpus; Enter lists their quotes", group=VIEWS),  # noqa: E501
    Binding("3", main("show_entities"), "Entities", tooltip="Left pane: every person, organisation and place; Enter lists the quotes naming one", group=VIEWS),  # noqa: E501
    Binding("y,c", main("copy_quote"), "Copy quote", tooltip="Copy the chosen quote with its attribution, or the selected text", show=False),  # noqa: E501
    Binding("Y", main("copy_quote_alone"), "Copy quote alone", tooltip="Copy the chosen quote alone, without attribution", show=False),  # noqa: E501
    Binding("R", "refresh_feeds", "Refresh feeds", tooltip="Refresh feeds: fetch new articles in the background", show=False),  # noqa: E501
    Binding("w", "open_in_browser", "Open in browser", tooltip="Open the article's link in the web browser", show=False),  # noqa: E501
]
# fmt: on
