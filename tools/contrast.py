#!/usr/bin/env python3
"""Measure the contrast of every piece of text Byline draws, in both themes (WCAG 2 ratio).

    PYTHONPATH=src python tools/contrast.py [--size 120x40] [--worst 25] [PATH ...]

Runs the app headless on the sample corpus (or PATHs) for each theme and a
few scenes (the main screen with each pane focused, a quote chosen, entities
highlighted, help, search, find, the speakers and entities views, bookmarks,
nothing to read), takes the compositor's rendered segments, and for each
segment with text resolves the colours the terminal is sent: Textual has
already blended alpha, and turned `dim` into a colour blended towards the
background (factor 0.66, `App.ansi_color` False); `reverse` is swapped here.
Prints the lowest ratio per place (widget) and colour pair, and the worst
segments with their text and position, with the ratio after Rich's mapping to
256 colours (tmux's default) beside it. WCAG asks 4.5:1 for text.

tests/tui/test_contrast.py runs the same measurement and fails under 4.5.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style

WCAG_TEXT = 4.5
"""WCAG 2's least contrast for text (level AA)."""

DIM_FACTOR = 0.66
"""Textual's blend of dim text towards its background (textual.constants.DIM_FACTOR)."""

# (name, keys pressed once the sample corpus is open); each scene starts from a fresh app.
SCENES: list[tuple[str, tuple[str, ...]]] = [
    ("list focused", ()),
    ("reader focused", ("tab",)),
    ("sidebar focused", ("tab", "tab", "down")),
    ("quote chosen", ("tab", "tab", "down", "enter")),
    ("entities", ("e",)),
    ("help", ("question_mark",)),
    ("search, empty", ("slash",)),
    ("search", ("slash", *"hamas")),
    ("entity filter", ("tab", "tab", "down", "down", "down", "enter")),
    ("find", ("ctrl+f",)),
    ("speakers", ("2",)),
    ("speaker's quotes", ("2", "enter")),
    ("entities view", ("3", "down")),
    ("bookmarks, empty", ("v",)),
    ("bookmarks", ("b", "right_square_bracket", "b", "v")),
    ("bookmarks list focused", ("b", "v", "tab")),
    ("search list focused", ("slash", *"hamas", "tab")),
    ("bookmark note", ("b", "B")),
]
NOTHING_SCENE = "nothing to read"
"""A scene on a folder that is not there: the empty states."""


@dataclass(frozen=True)
class Finding:
    """One run of text, the colours it is drawn in, and their contrast."""

    theme: str
    scene: str
    where: str
    x: int
    y: int
    text: str
    foreground: str
    background: str
    ratio: float
    ratio_256: float


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def linear(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def at_256(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """The colour a 256-colour terminal shows for `rgb` (Rich's nearest xterm colour)."""
    colour = RichColor.from_rgb(*rgb).downgrade(ColorSystem.EIGHT_BIT)
    return tuple(colour.get_truecolor())  # type: ignore[return-value]


def is_text(text: str) -> bool:
    """Letters or signs, not only spaces, box drawing (borders) and blocks (scrollbars)."""
    return any(not ch.isspace() and not 0x2500 <= ord(ch) <= 0x259F for ch in text)


def colours(style: Style, default: tuple[RichColor, RichColor]) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The foreground and background a segment is drawn in."""
    fg = style.color if style.color is not None and not style.color.is_default else default[0]
    bg = style.bgcolor if style.bgcolor is not None and not style.bgcolor.is_default else default[1]
    if style.dim:  # not turned into a colour by Textual (ansi_color on): as Textual would
        from textual.filter import dim_color

        fg = dim_color(bg, fg, DIM_FACTOR)
    front, back = tuple(fg.get_truecolor()), tuple(bg.get_truecolor())
    if style.reverse:
        front, back = back, front
    return front, back  # type: ignore[return-value]


def place(screen: Any, x: int, y: int) -> tuple[str, bool]:
    """The widget drawn at (x, y), as `Parent > Widget#id`, and whether it is the screen's backdrop."""
    from textual.errors import NoWidget

    try:
        widget, region = screen.get_widget_at(x, y)
    except NoWidget:
        return "?", True
    if widget is screen:
        return type(screen).__name__, True

    def name(node: Any) -> str:
        return type(node).__name__ + (f"#{node.id}" if node.id else "")

    label = name(widget)
    parent = widget.parent
    if parent is not None and parent is not screen:
        label = f"{name(parent)} > {label}"
    if not widget.content_region.contains(x, y):
        label += " (border)"
    return label, False


def read_screen(app: Any, theme: str, scene: str) -> list[Finding]:
    """Every run of text on the app's screen as it is drawn now."""
    from textual._context import visible_screen_stack

    screen = app.screen
    visible_screen_stack.set(app._background_screens)
    strips = screen._compositor.render_strips()
    default = (screen.styles.color.rich_color, screen.styles.background.rich_color)
    modal = len(app.screen_stack) > 1 and screen.styles.background.a < 1
    found = []
    for y, strip in enumerate(strips):
        x = 0
        for segment in strip:
            width = segment.cell_length
            if segment.style is not None and is_text(segment.text):
                column = x + next(i for i, ch in enumerate(segment.text) if not ch.isspace())
                where, backdrop = place(screen, column, y)
                if not (modal and backdrop):  # the screen behind a dialog, faded on purpose
                    fg, bg = colours(segment.style, default)
                    ratio = contrast(fg, bg)
                    found.append(
                        Finding(
                            theme,
                            scene,
                            where,
                            column,
                            y,
                            segment.text.strip(),
                            "#{:02x}{:02x}{:02x}".format(*fg),
                            "#{:02x}{:02x}{:02x}".format(*bg),
                            round(ratio, 2),
                            round(contrast(at_256(fg), at_256(bg)), 2),
                        )
                    )
            x += width
    return found


async def settle(app: Any, pilot: Any) -> None:
    """Loading and opening over, the screen drawn; text boxes' cursors still (not blinking)."""
    from textual.widgets import Input
    from textual.worker import WorkerCancelled

    for _ in range(100):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        if not app.loading and not any(worker.is_running for worker in app.workers):
            break
    for screen in app.screen_stack:
        for box in screen.query(Input):
            box.cursor_blink = False
    await pilot.pause()


async def measure_scene(
    make_app: Callable[[], Any], theme: str, scene: str, keys: Iterable[str], size: tuple[int, int]
) -> list[Finding]:
    """Open a fresh app (its own saved data: no bookmark of an earlier scene), switch to `theme`,
    press `keys`, and read the screen."""
    saved = os.environ.get("BYLINE_DATA_DIR")
    with tempfile.TemporaryDirectory() as data:
        os.environ["BYLINE_DATA_DIR"] = data
        try:
            app = make_app()
            async with app.run_test(size=size) as pilot:
                await settle(app, pilot)
                app.theme = theme
                await settle(app, pilot)
                for key in keys:
                    await pilot.press(key)
                    await settle(app, pilot)
                return read_screen(app, theme, scene)
        finally:
            if saved is None:
                os.environ.pop("BYLINE_DATA_DIR", None)
            else:
                os.environ["BYLINE_DATA_DIR"] = saved


async def measure(
    paths: list[str] | None = None,
    *,
    themes: Iterable[str] | None = None,
    scenes: list[tuple[str, tuple[str, ...]]] | None = None,
    size: tuple[int, int] = (120, 40),
    nothing: bool = True,
) -> list[Finding]:
    """Every run of text in every scene and theme."""
    from byline.tui.app import BylineApp
    from byline.tui.themes import DARK_THEME, LIGHT_THEME

    found: list[Finding] = []
    for theme in themes or (DARK_THEME, LIGHT_THEME):
        for scene, keys in SCENES if scenes is None else scenes:
            found += await measure_scene(lambda: BylineApp(paths), theme, scene, keys, size)
        if nothing:
            found += await measure_scene(lambda: BylineApp(["no-such-folder"]), theme, NOTHING_SCENE, (), size)
    return found


def lowest_by_place(found: Iterable[Finding]) -> dict[tuple[str, str, str, str], Finding]:
    """The worst run of text for each theme, place and colour pair."""
    worst: dict[tuple[str, str, str, str], Finding] = {}
    for f in found:
        key = (f.theme, f.where, f.foreground, f.background)
        if key not in worst or f.ratio < worst[key].ratio:
            worst[key] = f
    return worst


def lowest_by_widget(found: Iterable[Finding]) -> dict[tuple[str, str], Finding]:
    """The worst run of text for each theme and widget (its name, without its parent)."""
    worst: dict[tuple[str, str], Finding] = {}
    for f in found:
        key = (f.theme, f.where.rpartition(" > ")[2])
        if key not in worst or f.ratio < worst[key].ratio:
            worst[key] = f
    return worst


def report(found: list[Finding], worst: int) -> str:
    lines = ["Lowest per widget (truecolor; 256 colours)"]
    by_widget = lowest_by_widget(found)
    themes = sorted({f.theme for f in found})
    lines.append(f"{'widget':40} " + " ".join(f"{theme:>16}" for theme in themes) + "  text (first theme)")
    for widget in sorted({key[1] for key in by_widget}):
        cells = [by_widget.get((theme, widget)) for theme in themes]
        sample = next((f.text for f in cells if f is not None), "")
        lines.append(
            f"{widget[:40]:40} "
            + " ".join(f"{f.ratio:7.2f} ({f.ratio_256:5.2f})" if f else f"{'-':>16}" for f in cells)
            + f"  {sample[:30]!r}"
        )
    groups = sorted(lowest_by_place(found).values(), key=lambda f: (f.theme, f.ratio))
    for theme in sorted({f.theme for f in found}):
        mine = [f for f in groups if f.theme == theme]
        low = min(f.ratio for f in mine)
        under = sum(1 for f in found if f.theme == theme and f.ratio < WCAG_TEXT)
        lines.append(f"\n== {theme}: lowest {low:.2f}:1; {under} runs of text under {WCAG_TEXT}:1")
        lines.append(f"{'ratio':>6} {'256':>6}  {'fg':7} {'bg':7}  {'place':44} {'scene':18} text")
        for f in mine[:worst]:
            lines.append(
                f"{f.ratio:6.2f} {f.ratio_256:6.2f}  {f.foreground} {f.background}  {f.where[:44]:44} "
                f"{f.scene[:18]:18} {f.text[:40]!r} @{f.x},{f.y}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles to open (default: the sample corpus)")
    parser.add_argument("--size", default="120x40", help="terminal size, COLUMNSxROWS")
    parser.add_argument("--worst", type=int, default=25, help="how many places and colour pairs to list per theme")
    options = parser.parse_args(argv)
    columns, rows = (int(n) for n in options.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as home:  # never the reader's own bookmarks, theme or cache
        os.environ["BYLINE_CACHE_DIR"] = str(Path(home) / "cache")
        found = asyncio.run(measure(options.paths or None, size=(columns, rows)))
    print(report(found, options.worst))
    return 1 if any(f.ratio < WCAG_TEXT for f in found) else 0


if __name__ == "__main__":
    sys.exit(main())
