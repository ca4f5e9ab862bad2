"""Fixtures for driving the app with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
import byline.extract
from tests.fake_extract import fake_analyse
from tests.tui.helpers import write_article


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch):
    """Quotes and entities from the stand-in extractor, whatever the real one finds."""
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
