"""Shared fixtures. Every test runs with its own data and cache directories.

Helpers that are not fixtures (paths, corpora on disk, the tmux terminal) are in `tests.helpers`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.tui import write_article


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BYLINE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


OpenApp = Callable[..., AbstractAsyncContextManager[tuple[Any, Any]]]


@pytest.fixture
def open_app() -> OpenApp:
    """An app on these articles at this size, settled (loading and opening over) unless told not to:

        async with open_app(small_corpus, size=(120, 40)) as (app, pilot):

    With no paths it opens the sample corpus; other keywords go to `BylineApp`.
    """
    from byline.tui.app import BylineApp
    from tests.helpers.tui import settle

    @asynccontextmanager
    async def run(
        *paths: str | Path, size: tuple[int, int] = (80, 24), settled: bool = True, **options: Any
    ) -> AsyncIterator[tuple[BylineApp, Any]]:
        app = BylineApp([str(path) for path in paths] or None, **options)
        async with app.run_test(size=size) as pilot:
            if settled:
                await settle(pilot)
            yield app, pilot

    return run


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch):
    """Quotes and entities from the stand-in extractor, whatever the real one finds."""
    import byline.extract
    from tests.helpers.fake_extract import fake_analyse

    monkeypatch.setattr(byline.extract, "analyse", fake_analyse)
    return fake_analyse


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Five articles, the third long enough to scroll, with quotes and names."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(5):
        paragraphs = [f"Paragraph {i} of article {n} tells of Hamas and Qatar." for i in range(3)]
        paragraphs.append(f"“We will talk about article {n},” Antony Blinken said.")
        if n == 2:
            paragraphs += [f"Filler paragraph {i} about nothing much at all, padded out to wrap." for i in range(40)]
            paragraphs.append("“This quote sits near the very end of a long article,” the State Department said.")
        if n == 4:
            paragraphs.append("Israel appears only here, with Rafah.")
        write_article(folder, f"{n:02d}.txt", f"Article number {n}", paragraphs)
    return folder


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal without a system clipboard: copies go through OSC 52 (and App.clipboard)."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "SSH_CONNECTION", "SSH_TTY", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def server():
    """A local HTTP server for feeds and pages (127.0.0.1, a free port): never the outside network."""
    from tests.helpers.feed_server import FeedServer

    srv = FeedServer()
    yield srv
    srv.stop()
