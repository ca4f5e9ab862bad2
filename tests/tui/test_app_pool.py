"""The app's cold load reads through worker processes, as `byline index` does."""

from __future__ import annotations

from pathlib import Path

import pytest

import byline.corpus.pipeline as pipeline
from tests.helpers.tui import write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")


async def test_a_cold_load_in_the_app_starts_worker_processes(open_app, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(pipeline.POOL_THRESHOLD + pipeline.CHUNK * 2):
        write_article(folder, f"{n:04d}.txt", f"Article {n}", [f"Words of article {n}."])
    monkeypatch.setattr(pipeline, "cpu_count", lambda: 2)
    pools: list[object] = []
    real = pipeline.start_pool

    def recorded(workers: int):
        pool = real(workers)
        pools.append(pool)
        return pool

    monkeypatch.setattr(pipeline, "start_pool", recorded)
    async with open_app(folder, size=(100, 30)) as (app, pilot):
        assert len(app.corpus.entries) == pipeline.POOL_THRESHOLD + pipeline.CHUNK * 2
    assert pools and pools[0] is not None, "the worker pool could not start inside the app"
