"""Every piece of text reads at 4.5:1 or more (WCAG AA) on what it is drawn on, in both themes.

The measurement is tools/contrast.py's: the compositor's segments as the
terminal is sent them (alpha blended, `dim` turned into a colour), each run of
text's foreground against its background. Secondary text is where it failed:
dimmed metadata on the cursor row (3.96:1), the reader's byline (3.96 dark,
3.08 light), sidebar counts, placeholders (2.6 light), the light theme's
footer keys (1.93) and entity colours (1.68 on a quote).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from byline.tui.themes import DARK_THEME, LIGHT_THEME
from tests.helpers.tui import write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")

TOOL = Path(__file__).resolve().parents[2] / "tools" / "contrast.py"


def contrast_tool():
    spec = importlib.util.spec_from_file_location("byline_contrast_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# The main screen's panes, each focused; a quote chosen, entities shown; the speakers view
# with a speaker's quotes (an uncertain one among them); help.
SCENES = [
    ("list focused", ()),
    ("reader focused", ("tab",)),
    ("sidebar focused", ("tab", "tab", "down")),
    ("uncertain speaker highlighted", ("tab", "tab", "down", "down")),
    ("unattributed highlighted", ("tab", "tab", "down", "down", "down")),
    ("quote chosen", ("tab", "tab", "down", "enter")),
    ("entities", ("e",)),
    ("entity filter", ("tab", "tab", "G", "enter")),
    ("speaker's quotes", ("2", "enter")),
    ("help", ("question_mark",)),
    ("search, empty", ("slash",)),  # placeholders
    ("bookmark note", ("b", "B")),  # the Save button
]


TINTED = ("> Paragraph", "#filter-chip")
"""Text on the tints (the article's quotes, the filter chip): measured, at 256 colours too."""


def test_the_measure_knows_a_low_contrast_when_it_sees_one() -> None:
    tool = contrast_tool()
    assert round(tool.contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert tool.contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert not tool.is_text(" ╭──╮ ▁▎") and tool.is_text("│ 3 │")


@pytest.mark.parametrize("theme", [DARK_THEME, LIGHT_THEME])
async def test_all_text_on_the_main_screen_reads_at_4_5_to_1(small_corpus: Path, theme: str) -> None:
    write_article(
        small_corpus,
        "0-talks.txt",  # first in the list: the article opened
        "Talks",
        [
            "“We are closer than we have been,” Antony Blinken said in Qatar.",
            "“Nothing is agreed yet,” he added.",
            "“No comment,” came the reply from Hamas.",
        ],
    )
    tool = contrast_tool()
    found = await tool.measure([str(small_corpus)], themes=[theme], scenes=SCENES, nothing=True)
    assert {f.scene for f in found} == {name for name, _ in SCENES} | {tool.NOTHING_SCENE}
    texts = " ".join(f.text for f in found)
    # The secondary text was drawn: the sidebar's marks, the byline, the chip, the footer, a placeholder, a button.
    for shown in ("uncertain", "unattributed", "By Ann Writer", "Mentioning", "Quit", "speakers and people", "Save"):
        assert shown in texts, shown
    low = sorted((f for f in found if f.ratio < tool.WCAG_TEXT), key=lambda f: f.ratio)
    assert not low, "\n".join(
        f"{f.ratio:.2f}:1 {f.foreground} on {f.background}  {f.where}  [{f.scene}] {f.text!r}" for f in low[:20]
    )
    # At 256 colours too (tmux's default), where each colour becomes the nearest of the palette: the
    # dark theme's tints both became the cube's grey 59 (their text 3.0:1), and in the light theme
    # the placeholders fell to 4.36, the header and footer to 4.44, the cursor row and the Save button to 4.11.
    assert all(any(place in f.where for f in found) for place in TINTED)
    low_256 = sorted((f for f in found if f.ratio_256 < tool.WCAG_TEXT), key=lambda f: f.ratio_256)
    assert not low_256, "\n".join(
        f"{f.ratio_256:.2f}:1 at 256 colours, {f.foreground} on {f.background}  {f.where}  [{f.scene}] {f.text!r}"
        for f in low_256[:20]
    )
