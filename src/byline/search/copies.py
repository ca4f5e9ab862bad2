"""Identical files among hits: which to name by their file, and how.

An article held by several files has one id; a list of hits that shows two of its
copies must say which file each is, or they read as the same hit twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from byline.load.clean import printable
from byline.model import Entry, Hit


def copies_among(hits: Sequence[Hit], entries: Sequence[Entry]) -> set[int]:
    """The entries of `hits` that share their article id with another one there (identical files)."""
    by_id: dict[str, set[int]] = {}
    for hit in hits:
        by_id.setdefault(entries[hit.entry].id, set()).add(hit.entry)
    return {entry for same in by_id.values() if len(same) > 1 for entry in same}


def file_name(path: str) -> str:
    """A file as a row names it: its folder and name (`tech/131.txt`), control characters replaced."""
    file = PurePath(path.partition("#")[0])
    return printable(f"{file.parent.name}/{file.name}")
