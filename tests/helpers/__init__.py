"""What tests share that is not a fixture: paths, corpora on disk, waiting for the app, the tmux
terminal. Not test modules: test modules import from here, never from one another."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
SHARED = REPO.parent / "shared"
BBC = SHARED / "corpora" / "bbc"
SAMPLES = REPO / "corpus"


def needs_bbc() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc is not beside the repo")
