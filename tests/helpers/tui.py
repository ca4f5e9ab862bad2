"""Helpers for Pilot tests: corpora on disk, and waiting for the app to settle."""

from __future__ import annotations

from pathlib import Path


def write_article(folder: Path, name: str, title: str, paragraphs: list[str], author: str = "Ann Writer") -> Path:
    path = folder / name
    path.write_text(f"{title}\n\nA subtitle for {title}\n\n" + "\n\n".join(paragraphs) + f"\n\nAuthor: {author}\n\nBio.\n", encoding="utf-8")
    return path


async def settle(pilot) -> None:
    """Wait until loading and article opening are over and the screen is drawn."""
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.loading and not any(w.is_running for w in app.workers):
            break
    await app.workers.wait_for_complete()
    await pilot.pause()


def pause_loading_after_first_batch(monkeypatch, batch_size: int):
    """Make the app's loading stop after its first batch until the returned event is set.

    Stands for a big corpus still loading. Always set the event at the end of the test.
    """
    import threading

    import byline.tui.loading as app_module

    real = app_module.load_corpus
    release = threading.Event()

    def paused(paths):
        batches = real(paths, batch_size=batch_size)
        yield next(batches)
        release.wait(10)
        yield from batches

    monkeypatch.setattr(app_module, "load_corpus", paused)
    return release


async def wait_for_first_article(pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.02)
        if pilot.app.reader.article is not None:
            return


async def wait_until(pilot, condition, what: str, tries: int = 500) -> None:
    """Pause until `condition()` holds (a condition, never a fixed sleep); fail saying `what` did not happen."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what}")
