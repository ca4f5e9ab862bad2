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
