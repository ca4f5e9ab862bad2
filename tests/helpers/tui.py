"""Helpers for Pilot tests: corpora on disk, and waiting for the app to settle."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path


def write_article(folder: Path, name: str, title: str, paragraphs: list[str], author: str = "Ann Writer") -> Path:
    path = folder / name
    path.write_text(
        f"{title}\n\nA subtitle for {title}\n\n" + "\n\n".join(paragraphs) + f"\n\nAuthor: {author}\n\nBio.\n",
        encoding="utf-8",
    )
    return path


async def settle(pilot) -> None:
    """Wait until loading and article opening are over and the screen is drawn."""
    app = pilot.app
    for _ in range(50):
        await workers_done(app)
        await pilot.pause()
        if not app.loading and not any(w.is_running for w in app.workers):
            break
    await workers_done(app)
    await pilot.pause()


async def workers_done(app) -> None:
    """Every worker over. An exclusive worker (opening an article) is cancelled when the next
    one starts: that is the app working, not a failure, so a cancellation is waited past."""
    from textual.worker import WorkerCancelled

    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


def pause_loading_after_first_batch(monkeypatch, batch_size: int):
    """Make the app's loading stop after its first batch until the returned event is set.

    Stands for a big corpus still loading. Always set the event at the end of the test.
    """
    import threading

    import byline.tui.loading as app_module

    real = app_module.load_corpus
    release = threading.Event()

    def paused(paths, **options):
        batches = real(paths, batch_size=batch_size, **options)
        yield next(batches)
        release.wait(10)
        yield from batches

    monkeypatch.setattr(app_module, "load_corpus", paused)
    # A second opening would come whole from the cache's snapshot, not batch by batch.
    monkeypatch.setattr(app_module.LoadingBar, "_load_snapshot", lambda self, key, start: False)
    return release


async def wait_for_first_article(pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.02)
        if pilot.app.reader.article is not None:
            return


WAIT_SECONDS = 60.0
"""How long a condition may take on a busy machine before a test gives up."""


async def wait_until(pilot, condition: Callable[[], bool], what: str, seen: list[str] | None = None) -> None:
    """Until `condition` holds (collecting the notices shown meanwhile in `seen`): never a fixed sleep."""
    app = pilot.app
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if seen is not None:
            seen.extend(n.message for n in app._notifications if n.message not in seen)
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"not within {WAIT_SECONDS:.0f} s: {what}")


async def burst(pilot, *keys: str) -> None:
    """Send `keys` as a terminal sends a burst (a fast typist, a paste-like flurry): every key
    queued before the app handles the first. `pilot.press` waits for the app to go idle after
    each key, so it never shows a key racing ahead of what the one before it does."""
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        char = key if len(key) == 1 else {"tab": "\t", "enter": "\r"}.get(key)
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()
