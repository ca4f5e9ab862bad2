"""The sidebar: the article's quotes with their speakers, then its entities by type.

Built on OptionList with `Content` prompts (a plain `str` prompt would be
parsed as markup, and article text must never be).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from byline.corpus import Entry
from byline.model import ENTITY_TYPES, LOW_CONFIDENCE, Entity, Quote, cited
from byline.tui.keys import vim_keys
from byline.tui.widgets.cursor_options import CursorOptionList

QUOTE_PREVIEW = 110
"""Characters of a quote shown in the sidebar; the reader has the rest."""
GROUP_NAMES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places"}
LISTED = 300
"""Quotes, and names of each kind, listed at most: a 30 MB file held 61,000 quotes, and
listing them all took 17 s on the UI thread. The reader still marks every one."""


def shorten(text: str, limit: int = QUOTE_PREVIEW) -> str:
    text = cited(" ".join(text.split()))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


GLUE = "\u00a0"
"""Between a name and its count: `textwrap` never breaks there (the option list would)."""
HANGING = "  "
"""A wrapped name's next lines start here, so they read as one row."""


def name_row(name: str, count: int, width: int) -> Content:
    """`Name  3`, the count muted; a name too long for `width` wraps with a hanging indent and
    keeps its count on its last line, not alone on a line of its own."""
    glued = f"{name}{GLUE * 2}{count:,}"
    lines = textwrap.wrap(glued, width, subsequent_indent=HANGING, break_on_hyphens=False) if width > 8 else []
    text = "\n".join(lines or [glued])
    name_part, _, count_part = text.rpartition(GLUE * 2)
    return Content(name_part.replace(GLUE, " ")) + Content.styled(f"  {count_part}", "$text-muted")


class Sidebar(CursorOptionList):
    """Quotes and entities of the article in the reader."""

    BINDINGS = [
        *vim_keys("cursor_up", "cursor_down", "first", "last", home_end=False),
        Binding("enter", "select", "Go to the quote / list articles naming the entity", show=False),
        Binding("a", "quotes_about", "Quotes naming the entity, across the corpus", show=False),
    ]

    @dataclass
    class QuoteChosen(Message):
        number: int

    @dataclass
    class EntityChosen(Message):
        entity: Entity

    @dataclass
    class QuotesAbout(Message):
        """`a` on an entity: the quotes of the corpus that name it."""

        entity: Entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entry: Entry | None = None
        self._entities: list[Entity] = []
        self._width = 0
        """The width the names were wrapped for."""

    def on_mount(self) -> None:
        self.border_title = "Quotes · Entities"

    def show(self, entry: Entry | None) -> None:
        if entry is not None and entry == self.entry and self.option_count:
            # The same article again (the list cursor settling, a reload): rebuilding
            # would throw away the row the reader is on in the sidebar.
            return
        self.entry = entry
        self.clear_options()
        self._entities = []
        self._width = self._name_width()
        if entry is None:
            return
        options: list[Option | None] = [self._heading("Quotes", len(entry.quotes))]
        if not entry.quotes:
            options.append(Option(Content.styled("No quotes found", "italic $text-muted"), disabled=True))
        listed = entry.quotes[:LISTED]
        for number, quote in enumerate(listed):
            # No colours of their own: the highlighted row's colours must win.
            speaker = (
                Content.styled(self._wrap(f"— {quote.speaker}"), "bold")
                if quote.speaker
                else Content.styled("— unattributed", "italic $text-muted")
            )
            if quote.speaker and quote.confidence < LOW_CONFIDENCE:
                # An uncertain attribution is shown as a guess, not as fact: italic, not bold.
                # Not dim: blended towards the background it fell under 4.5:1 (245 on 254 at
                # 256 colours in the light theme), and the light theme's foreground leaves no
                # room for a paler colour that stays readable.
                # The name is kept whole on its lines: the marker is the part that moves down.
                speaker = Content.styled(self._wrap(f"— {quote.speaker}?  uncertain"), "italic")
            text = Content(f"“{shorten(quote.text)}”")
            options.append(Option(Content("\n").join([text, speaker]), id=f"quote-{number}"))
            if number < len(listed) - 1:
                options.append(None)
        if len(entry.quotes) > len(listed):
            options.append(self._more(len(entry.quotes) - len(listed), "quote"))
        for kind in ENTITY_TYPES:
            group = sorted((e for e in entry.entities if e.type == kind), key=lambda e: (-e.count, e.name))
            if not group:
                continue
            options.append(self._heading(GROUP_NAMES[kind], len(group), gap=True))
            for entity in group[:LISTED]:
                options.append(
                    Option(name_row(entity.name, entity.count, self._width), id=f"entity-{len(self._entities)}")
                )
                self._entities.append(entity)
            if len(group) > LISTED:
                options.append(self._more(len(group) - LISTED, "name"))
        if not entry.entities:
            options.append(self._heading("Entities", 0, gap=True))
            options.append(Option(Content.styled("No names found", "italic $text-muted"), disabled=True))
        self.add_options(options)
        self.highlighted = None

    def _wrap(self, text: str) -> str:
        """`text` wrapped for the sidebar with a hanging indent (a long speaker's next lines under its name)."""
        if self._width <= 8:
            return text
        return "\n".join(textwrap.wrap(text, self._width, subsequent_indent=HANGING, break_on_hyphens=False))

    def _name_width(self) -> int:
        """Cells a name's row has: the list's width less the option's padding."""
        return self.scrollable_content_region.width - 2

    def on_resize(self, event: events.Resize) -> None:
        # The names were wrapped for the old width: wrap them again, the cursor kept.
        if self.entry is None or self._name_width() == self._width:
            return
        highlighted, entry = self.highlighted, self.entry
        self.entry = None
        self.show(entry)
        self.highlighted = highlighted

    @staticmethod
    def _more(count: int, what: str) -> Option:
        return Option(
            Content.styled(f"and {count:,} more {what}{'' if count == 1 else 's'}, not listed", "italic $text-muted"),
            disabled=True,
        )

    @staticmethod
    def _heading(name: str, count: int, gap: bool = False) -> Option:
        if gap:
            return Option(
                Content("\n") + Content.styled(f"{name.upper()} · {count:,}", "bold $text-accent"), disabled=True
            )
        return Option(Content.styled(f"{name.upper()} · {count:,}", "bold $text-accent"), disabled=True)

    def mark_quote(self, number: int | None) -> None:
        if number is None:
            return
        try:
            self.highlighted = self.get_option_index(f"quote-{number}")
        except Exception:  # the sidebar was rebuilt meanwhile
            pass

    def on_focus(self) -> None:
        # Arriving in the sidebar puts the cursor on the first quote, ready for Enter.
        if self.highlighted is None:
            self.action_first()

    def action_cursor_down(self) -> None:
        # Keys typed ahead (Tab, Down, Enter in one burst) can run before the Focus
        # event does: count the arrival first, so Down lands where it would have.
        if self.highlighted is None:
            self.action_first()
        super().action_cursor_down()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        kind, _, number = option_id.partition("-")
        if kind == "quote":
            self.post_message(self.QuoteChosen(int(number)))
        elif kind == "entity":
            self.post_message(self.EntityChosen(self._entities[int(number)]))

    def action_quotes_about(self) -> None:
        kind, _, number = ((self.highlighted_option and self.highlighted_option.id) or "").partition("-")
        if kind == "entity":
            self.post_message(self.QuotesAbout(self._entities[int(number)]))

    def chosen_quote(self) -> Quote | None:
        """The quote under the cursor while the sidebar has focus, else None."""
        # The screen's focus, not has_focus: keys go to the focused widget at once, and
        # has_focus waits for the Focus event (a key typed ahead runs before it).
        if self.screen.focused is not self:
            return None
        if self.highlighted is None:
            self.action_first()  # a key typed ahead of the Focus event: where arriving puts the cursor
        return self.highlighted_quote()

    def highlighted_quote(self) -> Quote | None:
        """The quote under the cursor, focused or not (what `y` copies from the other panes)."""
        option = self.highlighted_option
        if self.entry is None or option is None:
            return None
        kind, _, number = (option.id or "").partition("-")
        if kind == "quote" and int(number) < len(self.entry.quotes):
            return self.entry.quotes[int(number)]
        return None
