"""Render Byline on the sample corpus to SVG (and PNG, if rsvg-convert is installed).

    python screenshots/make_screenshots.py

The README shows these. State is kept in a temporary directory, so the
pictures never depend on what the person running this has read.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (file name, terminal size, keys pressed once loading is done)
SCENES: list[tuple[str, tuple[int, int], tuple[str, ...]]] = [
    ("byline-80x24", (80, 24), ()),
    ("byline-80x24-sidebar", (80, 24), ("s",)),
    ("byline-120x40", (120, 40), ()),
    ("byline-160x48", (160, 48), ()),
    ("byline-160x48-quote", (160, 48), ("right_square_bracket", "tab", "tab", "down", "down", "enter", "e")),
    ("byline-160x48-light", (160, 48), ("t", "tab", "tab", "enter")),
]
BBC = HERE.parent.parent / "shared" / "corpora" / "bbc"
# On the BBC corpus, when it is beside the repo: the speakers view, "blare" typed, Tony Blair's quotes.
BBC_SCENES: list[tuple[str, tuple[int, int], tuple[str, ...]]] = [
    ("byline-160x48-speakers", (160, 48), ("2", *"blare", "enter")),
]


async def settle(app, pilot) -> None:
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.loading and not any(worker.is_running for worker in app.workers):
            return


async def render(name: str, size: tuple[int, int], keys: tuple[str, ...], corpus: Path | None = None) -> Path:
    from byline.tui.app import BylineApp

    app = BylineApp([str(corpus)] if corpus is not None else None)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        svg = HERE / f"{name}.svg"
        app.save_screenshot(str(svg))
    return svg


def to_png(svg: Path) -> Path | None:
    converter = shutil.which("rsvg-convert")
    if converter is None:
        return None
    # rsvg drops a text run's leading no-break spaces; plain spaces kept with xml:space render right.
    text = svg.read_text(encoding="utf-8").replace("&#160;", " ")
    text = re.sub(r"<svg ", '<svg xml:space="preserve" ', text, count=1)
    with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False, encoding="utf-8") as fixed:
        fixed.write(text)
    png = svg.with_suffix(".png")
    try:
        subprocess.run([converter, fixed.name, "-o", str(png)], check=True)
    finally:
        os.unlink(fixed.name)
    return png


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["BYLINE_DATA_DIR"] = str(Path(home) / "data")
        os.environ["BYLINE_CACHE_DIR"] = str(Path(home) / "cache")
        scenes = [(*scene, None) for scene in SCENES] + [(*scene, BBC) for scene in BBC_SCENES if BBC.is_dir()]
        for name, size, keys, corpus in scenes:
            os.environ["BYLINE_DATA_DIR"] = str(Path(home) / "data" / name)  # no scene's theme carries over
            svg = asyncio.run(render(name, size, keys, corpus))
            png = to_png(svg)
            print(f"{svg.relative_to(HERE.parent)}" + (f"  {png.name}" if png else "  (no rsvg-convert: SVG only)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
