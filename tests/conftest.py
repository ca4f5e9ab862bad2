"""Shared fixtures. Every test runs with its own data and cache directories."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BBC = SHARED / "corpora" / "bbc"
SAMPLES = REPO / "corpus"


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


def needs_bbc() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc is not beside the repo")
