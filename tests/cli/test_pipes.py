"""`byline COMMAND | head`: the reader of the output leaves before the end. The command ends
quietly (status 0, no traceback), and still says which files it skipped before it stopped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from byline.cli import main
from byline.model import Batch, Entry, Quote, Skipped
from tests.helpers.cli import HANG
from tests.helpers.pipeline import giving

PRINTING = [
    ["list"],
    ["list", "--json"],
    ["list", "--no-cache"],
    ["extract"],
    ["extract", "--json"],
    ["search", "win"],
    ["speakers"],
    ["quotes", "--speaker", "smith"],
]


@pytest.fixture
def long_listing(tmp_path: Path) -> Path:
    """Enough articles that every command prints more than stdout's buffer holds (8 KiB), so that
    the closed pipe is met in the middle, not only at the exit; first in the walk, two skipped files."""
    root = tmp_path / "news"
    root.mkdir()
    (root / "0.bin").write_bytes(b"\x00\x01")
    (root / "00.txt").write_text("", encoding="utf-8")
    for n in range(1, 41):
        title = f"Story {n} " + "with a title long enough to fill the buffer soon " * 4
        body = f'"We will win case {n} and the next one too," John Smith said on day {n}.'
        (root / f"{n:02d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return root


def into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """`byline ARGS` with its stdout a pipe whose reader has already left."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "byline", *args], stdout=write, stderr=subprocess.PIPE, text=True, timeout=HANG
        )
    finally:
        os.close(write)


@pytest.mark.parametrize("command", PRINTING, ids=" ".join)
def test_a_reader_that_leaves_ends_the_command_quietly_and_the_skipped_files_are_still_said(
    long_listing: Path, command: list[str]
) -> None:
    """`list` and `extract` said the skipped files only once every article was printed, which a
    reader that had left never let them reach: `byline list DIR | head` said nothing of them."""
    done = into_a_closed_pipe(*command, str(long_listing))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr and "Error" not in done.stderr
    said = [line for line in done.stderr.splitlines() if line.startswith("byline: skipped")]
    assert said == [
        f"byline: skipped {long_listing / '0.bin'}: not an article format (.bin)",
        f"byline: skipped {long_listing / '00.txt'}: empty file",
    ]


@pytest.mark.parametrize("command", [["list"], ["list", "--no-cache"], ["extract"]], ids=" ".join)
def test_a_skipped_file_is_said_in_its_place_among_the_articles(long_listing: Path, command: list[str]) -> None:
    # On a terminal, or with 2>&1, a skipped file's line comes where the file comes in the walk.
    paths = [str(long_listing / name) for name in ("01.txt", "00.txt", "02.txt")]
    done = subprocess.run(
        [sys.executable, "-m", "byline", *command, *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=HANG,
    )
    lines = done.stdout.splitlines()
    said = next(n for n, line in enumerate(lines) if line.startswith("byline: skipped"))
    assert "Story 1 " in "".join(lines[:said]) and "Story 2 " in "".join(lines[said:])


def test_speakers_and_quotes_say_the_skipped_files_in_walk_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """They said them in the order the workers finished them (README.TXT of one folder before
    an empty file of the folder given first)."""
    import byline.corpus

    for name in ("a.bin", "b.txt", "c.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    quote = Quote("We will win the vote.", "John Smith", 0, 10)
    entry = Entry(id="c", path=str(tmp_path / "c.txt"), title="C", author="", quotes=(quote,), entities=())
    # The walk skips a.bin itself; b.txt is skipped once read; loading gives b's reason before a's.
    later = [Skipped(str(tmp_path / "b.txt"), "empty file"), Skipped(str(tmp_path / "a.bin"), "not an article format")]
    for command in (["speakers"], ["quotes", "--speaker", "smith"]):
        monkeypatch.setattr(byline.corpus, "load_corpus", giving([Batch([entry], later, 0, None)], lambda n: None))
        assert main([*command, str(tmp_path)]) == 0
        said = [line for line in capsys.readouterr().err.splitlines() if line.startswith("byline: skipped")]
        assert said == [
            f"byline: skipped {tmp_path / 'a.bin'}: not an article format",
            f"byline: skipped {tmp_path / 'b.txt'}: empty file",
        ]


def test_the_walk_order_key_is_the_order_of_the_walk(tmp_path: Path) -> None:
    """What speakers and quotes sort their skipped files by: no walk kept, the same order."""
    from byline.corpus.walk import walk_order
    from byline.load import iter_file_stats

    for name in ("b/x.txt", "b.txt", "a", "c/d/e.md", "c/d.txt", "c/D/f.txt", "c/b.pdf", "elsewhere/z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "c" / "d" / "g.bin").write_bytes(b"\x00")  # skipped by the walk
    paths = [str(tmp_path / "c") + "/", str(tmp_path / "elsewhere" / "z.txt"), str(tmp_path / "b"), str(tmp_path / "a")]
    walked = [item.path for item in iter_file_stats(paths)]
    assert len(walked) == 8
    assert sorted(reversed(walked), key=walk_order(paths)) == walked
