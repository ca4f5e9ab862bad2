"""`byline index`: build, refresh and clear the cache from the command line."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from byline.cli import main
from byline.cli.progress import Progress, describe
from byline.corpus.cache import cache_path


def write(path: Path, title: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(5):
        write(tmp_path / "news" / f"{i}.txt", f"Title {i}", f"Body of article {i}.")
    (tmp_path / "news" / "notes.pdf").write_bytes(b"%PDF")
    return tmp_path / "news"


def test_index_builds_then_refreshes_from_the_cache(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "5 articles from 5 files (0 from the cache, 5 read); 1 skipped" in out
    assert "notes.pdf: not an article format (.pdf)" in err
    assert cache_path().exists()

    assert main(["index", str(folder)]) == 0
    out, _ = capsys.readouterr()
    assert "(5 from the cache, 0 read)" in out


def test_clear_removes_the_cache(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["index", str(folder)])
    capsys.readouterr()
    assert main(["index", "--clear"]) == 0
    assert "removed the index cache" in capsys.readouterr().out
    assert not cache_path().exists()
    assert main(["index", "--clear"]) == 0
    assert "no index cache" in capsys.readouterr().out


def test_clear_then_index(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["index", str(folder)])
    main(["index", "--clear", str(folder)])
    assert "(0 from the cache, 5 read)" in capsys.readouterr().out


def test_nothing_found_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path / "missing")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_the_installed_command_with_an_unusable_cache_dir(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    env = {**os.environ, "BYLINE_CACHE_DIR": str(blocker / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "byline", "index", str(folder)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0
    assert "5 articles" in done.stdout
    assert done.stderr.count("working without the index cache") == 1
    assert "Traceback" not in done.stderr


def test_two_processes_indexing_at_once_leave_a_sound_cache(tmp_path: Path) -> None:
    for i in range(300):
        write(tmp_path / "big" / f"{i:03d}.txt", f"Title {i}", f"Body {i} " * 20)
    command = [sys.executable, "-m", "byline", "index", str(tmp_path / "big")]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert "300 articles" in out and "Traceback" not in err
    again = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert "(300 from the cache, 0 read)" in again.stdout
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sqlite3; print(sqlite3.connect({str(cache_path())!r}).execute('PRAGMA"
            " integrity_check').fetchone()[0])",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.stdout.strip() == "ok"


def test_progress_on_a_terminal_redraws_one_line() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    progress = Progress("indexing", stream, every=0)
    progress.update(10, None)
    progress.update(50, 100)
    progress.finish()
    text = stream.getvalue()
    assert "\n" not in text and text.count("\r") >= 3
    assert "50/100 files" in text


def test_progress_in_a_log_prints_plain_lines() -> None:
    stream = io.StringIO()
    progress = Progress("indexing", stream, every=0)
    progress.update(10, 100)
    progress.update(10, 100)  # nothing new: not repeated
    progress.update(100, 100)
    assert stream.getvalue().count("\n") == 2 and "\r" not in stream.getvalue()


def test_describe_gives_count_rate_and_time_left() -> None:
    assert describe("indexing", 250, 1000, 0.5) == "indexing  250/1,000 files  25%  500/s  0:02 left"
    assert describe("indexing", 40, None, 1.0) == "indexing  40 files (still looking)  40/s"
