"""Byline's two themes: Textual's Tokyo Night and Catppuccin Latte, with surfaces that survive 256 colours.

tmux's default terminal has 256 colours, and Rich maps each truecolor to the
nearest of the xterm palette: a tinted colour to its 6x6x6 cube, a nearly
grey one to the grey ramp. The themes' own surfaces are tinted, so Tokyo
Night's (#24283B) became navy (17), and Catppuccin Latte's (#E6E9EF) became
the very lavender (189) of a quote's background, which then vanished. Here the
surfaces are greys with a trace of the theme's tint (saturation under 0.15,
so they land on the grey ramp), and the quotes' tint stands out from them at
256 colours as in truecolor (see tests/tui/test_colours.py).
"""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

DARK_THEME = "byline-dark"
LIGHT_THEME = "byline-light"
FORMER_NAMES = {"tokyo-night": DARK_THEME, "catppuccin-latte": LIGHT_THEME}
"""Themes saved by earlier versions, and what they are now."""

THEMES = [
    replace(BUILTIN_THEMES["tokyo-night"], name=DARK_THEME, surface="#24252E"),
    replace(BUILTIN_THEMES["catppuccin-latte"], name=LIGHT_THEME, surface="#E8E9EC"),
]


def theme_named(saved: str | None, available: dict[str, Theme]) -> str:
    """The theme to start with, from the name saved last time (a former name, or one no longer there)."""
    name = FORMER_NAMES.get(saved or "", saved)
    return name if name is not None and name in available else DARK_THEME
