"""Where Byline keeps its files: the user data and cache directories.

`BYLINE_DATA_DIR` and `BYLINE_CACHE_DIR` override platformdirs, for tests and
for portable use.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("BYLINE_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("byline", appauthor=False)


def cache_dir() -> Path:
    override = os.environ.get("BYLINE_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("byline", appauthor=False)


def file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where `folder` or one of its parents should be a folder, if any:
    what to name when the folder cannot be made ("File exists" and "Not a directory" say less)."""
    for place in (folder, *folder.parents):
        if place.exists():
            return None if place.is_dir() else place
    return None
