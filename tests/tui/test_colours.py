"""Both themes read well at 256 colours (tmux's default) as in truecolor.

Rich maps each colour to the xterm-256 palette when the terminal has no
truecolor (`ColorSystem.EIGHT_BIT`); these check the colours the app really
paints, after that mapping.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem

from byline.tui.app import BylineApp
from byline.tui.themes import DARK_THEME, LIGHT_THEME, THEMES, theme_named
from byline.tui.widgets.reader import Paragraph

pytestmark = pytest.mark.usefixtures("fake_extractor")

CUBE_LEVELS = (0, 95, 135, 175, 215, 255)


def at_256(color: RichColor) -> int:
    downgraded = color.downgrade(ColorSystem.EIGHT_BIT)
    assert downgraded.number is not None
    return downgraded.number


def backgrounds(paragraph: Paragraph) -> list[RichColor]:
    strips = paragraph.render_lines(paragraph.region.reset_offset)
    return [segment.style.bgcolor for strip in strips for segment in strip if segment.style and segment.style.bgcolor]


def is_saturated(number: int) -> bool:
    """A colour of the 6x6x6 cube whose channels are far apart (navy, lavender...), not a grey."""
    if number >= 232 or number < 16:
        return False
    r, g, b = ((number - 16) // 36, (number - 16) // 6 % 6, (number - 16) % 6)
    return max(r, g, b) - min(r, g, b) >= 1


@pytest.mark.parametrize("theme", [DARK_THEME, LIGHT_THEME])
async def test_a_quote_keeps_its_background_at_256_colours(open_app, small_corpus: Path, theme: str) -> None:
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        app.theme = theme
        await pilot.pause()
        paragraph = app.reader.query(Paragraph)[3]  # “We will talk about article 0,” Antony Blinken said.
        colours = backgrounds(paragraph)
        page = app.reader.styles.background.rich_color
        quote = next(c for c in colours if c.triplet != page.triplet)
        assert at_256(quote) != at_256(page), (theme, quote, page)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_surfaces_stay_neutral_at_256_colours(theme) -> None:
    colours = theme.to_color_system().generate()
    from textual.color import Color

    for name in ("surface", "background"):
        number = at_256(Color.parse(colours[name]).rich_color)
        assert not is_saturated(number), f"{theme.name} {name} {colours[name]} -> {number}"


def test_themes_saved_by_earlier_versions_map_to_the_new_ones() -> None:
    available = BylineApp().available_themes
    assert theme_named("tokyo-night", available) == DARK_THEME
    assert theme_named("catppuccin-latte", available) == LIGHT_THEME
    assert theme_named("nord", available) == "nord"
    assert theme_named("gone", available) == DARK_THEME
