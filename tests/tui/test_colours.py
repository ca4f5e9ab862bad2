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


def contrast(a: RichColor, b: RichColor) -> float:
    """WCAG contrast ratio of two colours (4.5 is the least for body text)."""

    def luminance(color: RichColor) -> float:
        channels = [v / 255 for v in color.get_truecolor()]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", [DARK_THEME, LIGHT_THEME])
async def test_the_uncertain_speaker_in_the_sidebar_is_readable_yet_set_apart(
    open_app, tmp_path: Path, theme: str
) -> None:
    # Dimmed, it was 245 on 254 at 256 colours in the light theme (2.7:1), and under 4.5:1 in the dark.
    from textual.filter import dim_style

    from tests.helpers.tui import write_article

    write_article(
        tmp_path,
        "u.txt",
        "Talks",
        ["“We are closer than we have been,” Antony Blinken said.", "“Nothing is agreed yet,” he added."],
    )
    async with open_app(tmp_path, size=(120, 40)) as (app, pilot):
        app.theme = theme
        await pilot.pause()
        sidebar = app.sidebar
        background = sidebar.background_colors[1]
        segments = [segment for y in range(sidebar.size.height) for segment in sidebar.render_line(y)]
        confident = next(s for s in segments if "Blinken" in s.text and "?" not in s.text)
        uncertain = [s for s in segments if "Blinken?" in s.text or "uncertain" in s.text]
        assert confident.style.bold and len(uncertain) == 2
        for segment in uncertain:
            style = segment.style
            assert style.italic and not style.bold, "a guess, set apart from the bold confident speaker"
            if style.dim:  # as Textual paints dim text: blended towards the background
                style = dim_style(style, background, 0.66)
            colour, behind = style.color, style.bgcolor or background.rich_color
            assert contrast(colour, behind) >= 4.5, (segment.text, colour, behind)
            assert contrast(downgraded(colour), downgraded(behind)) >= 4.5, (segment.text, at_256(colour))


def downgraded(color: RichColor) -> RichColor:
    return color.downgrade(ColorSystem.EIGHT_BIT)


async def test_a_theme_not_byline_s_own_still_tints_quotes_and_the_chip(open_app, small_corpus: Path) -> None:
    """A theme saved by an earlier version (nord) has no quote-tint: the app falls back, not fails."""
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        app.theme = "nord"
        await pilot.pause()
        paragraph = app.reader.query(Paragraph)[3]
        page = app.reader.styles.background.rich_color
        assert any(c.triplet != page.triplet for c in backgrounds(paragraph))
        assert app.theme_variables["filter-chip-tint"].startswith("#")
