"""How long the app takes to show one huge article, and to answer keys in it.

    python benchmarks/tui_huge_article.py [MEGABYTES ...]

For each size (default 1 and 5 MB) writes one article of that size (60-word
paragraphs, a quote in every seventh), opens it in the app under Pilot at
120x40 and prints: seconds until the reader holds the article, until its
first paragraphs are laid out (the first frame a reader can use), and for
PageDown and G (the bottom: every paragraph laid out) in the reader.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from byline.tui.app import BylineApp
from byline.tui.widgets.reader import Paragraph

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.tui.test_edges import huge_article  # noqa: E402  (the same article the edge test opens)


async def measure(megabytes: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        huge_article(folder, megabytes)
        figures: dict[str, float] = {}
        start = time.perf_counter()
        app = BylineApp([str(folder)])
        async with app.run_test(size=(120, 40)) as pilot:
            while app.reader.article is None:
                await pilot.pause(0.05)
            figures["article in the reader"] = time.perf_counter() - start
            while not app.reader.query(Paragraph):
                await pilot.pause(0.05)
            await pilot.pause()
            figures["first paragraphs laid out"] = time.perf_counter() - start
            app.reader.focus()
            for key in ("pagedown", "G"):
                begin = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                figures[f"key {key}"] = time.perf_counter() - begin
    return figures


def main() -> None:
    sizes = [float(arg) for arg in sys.argv[1:]] or [1.0, 5.0]
    for megabytes in sizes:
        figures = asyncio.run(measure(megabytes))
        shown = "  ".join(f"{name}: {seconds:6.2f} s" for name, seconds in figures.items())
        print(f"{megabytes:4.1f} MB  {shown}", flush=True)


if __name__ == "__main__":
    main()
