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
