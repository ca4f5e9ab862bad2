"""The stat-ing walk the index cache uses agrees with the plain walk."""

from __future__ import annotations

import os
from pathlib import Path

from byline.load import FileStat, iter_file_stats, iter_files
from byline.model import Skipped


def test_the_same_files_in_the_same_order_with_their_stamps(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.txt", ".hidden.txt", "README.md", "x.pdf", "odd."]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Title\n\nBody.\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path / "sub")
    args = [tmp_path, tmp_path / "missing"]

    plain = [str(item) if isinstance(item, Path) else item for item in iter_files(args)]
    stats = [item.path if isinstance(item, FileStat) else item for item in iter_file_stats(args)]

    assert plain == stats
    names = [os.path.basename(p) for p in plain if isinstance(p, str)]
    assert names == ["a.md", "b.txt", "odd.", "c.html", "d.txt"]
    assert {Path(s.path).name for s in plain if isinstance(s, Skipped)} >= {
        "x.pdf",
        "README.md",
        "dangling.txt",
        "missing",
    }
    for item in iter_file_stats(args):
        if isinstance(item, FileStat):
            info = os.stat(item.path)
            assert (item.size, item.mtime_ns) == (info.st_size, info.st_mtime_ns)
