"""Property tests on what the app SHOWS: whatever a file holds (escape codes, control
characters, markup, right-to-left and wide scripts), the screen the app draws from it
holds no control sequence, and the app stays up."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.segment import Segment

from byline.load import parse_bytes
from byline.model import Article
from byline.tui.app import BylineApp
from byline.tui.widgets.article_head import article_head
from byline.tui.widgets.article_list import fit
from byline.tui.widgets.sidebar import shorten
from tests.helpers.hostile import HOSTILE, TERMINAL_CONTROL
from tests.helpers.tui import workers_done

# What could reorder or hide text on a terminal besides controls: bidi overrides and isolates.
SHOWN_CONTROL = re.compile(TERMINAL_CONTROL.pattern[:-1] + r"\u202a-\u202e\u2066-\u2069]")
NAMES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\0"), min_size=1, max_size=20
)


def assert_shown_clean(text: str) -> None:
    found = SHOWN_CONTROL.search(text)
    assert found is None, f"{found.group()!r} reaches the screen in {text!r}"


def article_of(text: str) -> Article | None:
    try:
        articles = parse_bytes(text.encode("utf-8", "surrogatepass"), "f.txt", ".txt")
    except ValueError:
        return None
    return articles[0] if articles else None


@settings(max_examples=200, deadline=None)
@given(HOSTILE, st.integers(min_value=0, max_value=120))
def test_the_texts_the_panes_build_hold_no_control(text: str, width: int) -> None:
    article = article_of(text)
    if article is None:
        return
    assert_shown_clean(article_head(article).plain)
    assert_shown_clean(fit(article.display_title, width))
    assert_shown_clean(shorten(article.body))


def screen_segments(app: BylineApp) -> list[Segment]:
    return [segment for strip in app.screen._compositor.render_strips() for segment in strip]


async def walk_the_app(folder: Path, count: int) -> None:
    """Open every article of `folder` at two sizes, with entities on and the sidebar
    focused, and check each frame the app would send to the terminal."""
    app = BylineApp([str(folder)])
    async with app.run_test(size=(120, 36)) as pilot:
        while app.loading:
            await pilot.pause(0.05)
        await workers_done(app)
        await pilot.press("e")
        for step in range(count + 1):
            if step == count // 2:
                await pilot.resize_terminal(70, 20)
            await workers_done(app)
            await pilot.pause()
            segments = screen_segments(app)
            assert segments
            for segment in segments:
                assert segment.control is None, segment
                assert_shown_clean(segment.text)
            await pilot.press("tab", "tab", "right_square_bracket")
        assert app.is_running


@settings(max_examples=6, deadline=None)
@given(st.lists(st.tuples(NAMES, HOSTILE), min_size=1, max_size=4))
def test_the_screen_drawn_from_hostile_files_holds_no_control(files: list[tuple[str, str]]) -> None:
    with TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for n, (name, text) in enumerate(files):
            # The name goes into the notice of skipped files: it is hostile too.
            safe = name.replace(".", "_") or "x"
            try:
                (folder / f"{n}{safe}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            except OSError:
                (folder / f"{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        asyncio.run(walk_the_app(folder, len(files)))
