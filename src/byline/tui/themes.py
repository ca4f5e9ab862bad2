"""Byline's two themes: Textual's Tokyo Night and Catppuccin Latte, with surfaces that survive 256 colours.

tmux's default terminal has 256 colours, and Rich maps each truecolor to the
nearest of the xterm palette: a tinted colour to its 6x6x6 cube, a nearly
grey one to the grey ramp. The themes' own surfaces are tinted, so Tokyo
Night's (#24283B) became navy (17), and Catppuccin Latte's (#E6E9EF) became
the very lavender (189) of a quote's background, which then vanished. Here the
surfaces are greys with a trace of the theme's tint (saturation under 0.15,
so they land on the grey ramp), and the quotes' tint stands out from them at
256 colours as in truecolor (see tests/tui/test_colours.py).

Every piece of text reads at 4.5:1 or more (WCAG AA) on what it sits on, in
both themes, in truecolor and at 256 colours (tests/tui/test_contrast.py;
measured by tools/contrast.py). The
stock colours fell short in places: Latte's accent, warning, success and
secondary as text on its light surfaces (under 2.8:1), the blurred cursor row
of both themes (4.05 and 4.29:1), the dark header and footer bar (4.2:1), the
light theme's focused cursor (4.46:1). So: the dark bar (`panel`) and blurred
cursor are darker and nearly grey (grey at 256 colours too), the light
blurred cursor a lighter tint, and the light `text-*` colours darker; the
bright colours stay for borders, marks and tints. Secondary text is
`$text-muted` (Textual's contrasting colour at 60% over what is behind it),
never `dim`, which a terminal draws as it likes. The quotes' tint and the filter
chip's are theme colours (`quote-tint`, `filter-chip-tint`), chosen so that at 256
colours they stay tints and their text stays at 4.5:1 or more (dark: 6.0 and 6.7;
light: 4.8 and 8.1).
"""

from __future__ import annotations

from dataclasses import replace

from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

DARK_THEME = "byline-dark"
LIGHT_THEME = "byline-light"
FORMER_NAMES = {"tokyo-night": DARK_THEME, "catppuccin-latte": LIGHT_THEME}
"""Themes saved by earlier versions, and what they are now."""

_DARK = BUILTIN_THEMES["tokyo-night"]
_LIGHT = BUILTIN_THEMES["catppuccin-latte"]
THEMES = [
    replace(
        _DARK,
        name=DARK_THEME,
        surface="#24252E",
        # Was #414868: the header's and footer's text at 4.2:1 on it; now 5.4, and a grey at
        # 256 colours (5.4:1 there too, where the navy cube colour 59 gave 3.0).
        panel="#37394A",
        variables={
            **_DARK.variables,
            # The primary at 30% over the surface: the row's text at 4.05:1. This grey with a
            # trace of it, 5.2:1 (4.6 at 256 colours, where the tint became 59 and 3.0).
            "block-cursor-blurred-background": "#3D3A4C",
            # Secondary text, on the surfaces (5.9:1; 5.4 on a focused pane), never on a cursor.
            "text-muted": "#9DA0B2",
            # The primary's and the accent's tints over the surface had too little red, or green,
            # to leave the grey of the 6x6x6 cube: both became its 59 (#5F5F5F), and the text on
            # them 3.0:1. With less green in the quote's violet (and in the chip's orange) they
            # become 53 (#5F005F) and 52 (#5F0000): tints still, the text at 6.0 and 6.7:1 there,
            # and at 5.8 and 5.7 in truecolor (5.1 and 4.8 before).
            "quote-tint": "#3F2E54",
            "filter-chip-tint": "#502D28",
        },
    ),
    replace(
        _LIGHT,
        name=LIGHT_THEME,
        surface="#E8E9EC",
        # At 256 colours Latte's text (#4C4F69) became the cube's grey 59, 4.44:1 on the header and
        # footer (and its primary, #8839EF, became 99: the cursor row's white 4.11:1, the Save
        # button's too). A trace darker and greyer, the text becomes the ramp's 239: 5.8:1 there
        # (5.5 in truecolor); this primary becomes 93, and white on it 6.0:1 (5.9).
        foreground="#484B60",
        primary="#822FEE",
        variables={
            **_LIGHT.variables,
            "block-cursor-foreground": "#FFFFFF",  # 5.9:1 on the primary (the default, 4.46)
            "block-cursor-blurred-background": "#8839EF26",  # 15%, not 30%: 5.4:1, was 4.3
            # Text in colour, darker than Latte's own (2.2 to 2.8:1 on the surface as text):
            # 4.9:1 or more on every surface, cursor row and quote tint of the theme. The accent
            # is darker still: #863305 became the cube's 94 at 256 colours, 4.1:1 on a focused
            # pane and 3.98 as the footer's keys; this one becomes 88, 7.2:1 or more (6.0 truecolor).
            "text-accent": "#7B2F04",
            "text-secondary": "#72402F",
            "text-warning": "#704608",
            "text-success": "#245C18",
            "footer-key-foreground": "#7B2F04",
            # Secondary text, on the surfaces (5.2:1 on a focused pane or a text box, 5.1 at 256
            # colours, where #5F6170 became the ramp's 241 and 4.36:1), never on a cursor.
            "text-muted": "#585A66",
            "quote-tint": "#8839EF2E",  # Latte's primary at 18%
            # The accent at 20% (#ECCEBF) became 223 at 256 colours, and the chip's "✕ x" in
            # text-accent 4.25:1 on it; this cream becomes 230 (#FFFFD7): 8.1:1 (7.3 truecolor).
            "filter-chip-tint": "#F6EDCB",
        },
    ),
]


def tint_defaults(theme: Theme) -> dict[str, str]:
    """The tints of a theme that does not set them (one saved before, as "nord"): its primary at
    18% for quotes and its accent at 20% for the filter chip, as Byline's own themes once had."""
    return {
        "quote-tint": Color.parse(theme.primary).with_alpha(0.18).hex,
        "filter-chip-tint": Color.parse(theme.accent or theme.primary).with_alpha(0.2).hex,
    }


def theme_named(saved: str | None, available: dict[str, Theme]) -> str:
    """The theme to start with, from the name saved last time (a former name, or one no longer there)."""
    name = FORMER_NAMES.get(saved or "", saved)
    return name if name is not None and name in available else DARK_THEME
