"""Issue 13, the command line: mistakes get one clear line, hostile names stay inert."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from byline.cli import main
from tests.helpers import BBC, needs_bbc


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    def opened(args: object) -> int:
        raise AssertionError("the app was opened")

    monkeypatch.setattr("byline.cli.open_app.run", opened)


# --- 10. a mistyped command ------------------------------------------------


def test_a_mistyped_command_is_an_error_with_a_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_app: None
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["serch", "foo"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err == "byline: unknown command 'serch'; did you mean 'search'?\n"


def test_a_first_argument_that_is_neither_command_nor_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_app: None
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["zzzqqq"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("byline: 'zzzqqq' is not a command, a file or a folder") and err.count("\n") == 1


def test_an_existing_path_named_like_a_typo_still_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "serch", "Title\n\nBody.\n")
    opened = []
    monkeypatch.setattr("byline.cli.open_app.run", lambda args: opened.append(args.paths) or 0)
    assert main(["serch"]) == 0
    assert opened == [["serch"]]


# --- 11. search without a query ------------------------------------------


def test_search_without_a_query_names_only_the_query(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["search"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "QUERY" in err and "PATH" not in err


# --- 12. index: status and plurals ------------------------------------------


def test_index_of_an_empty_folder_fails_like_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path)]) == 1
    assert "no articles could be loaded" in capsys.readouterr().err


def test_index_says_one_article_from_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.txt", "Title\n\nBody.\n")
    assert main(["index", str(tmp_path)]) == 0
    assert "1 article from 1 file (0 from the cache, 1 read); 0 skipped" in capsys.readouterr().out


def test_bookmark_import_says_one_bookmark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "saved.json"
    from byline.userdata.bookmark_io import export_bookmarks
    from byline.userdata.bookmarks import article_bookmark

    export.write_text(export_bookmarks([article_bookmark("abc", "/x.txt", "T")], "json"), encoding="utf-8")
    assert main(["bookmarks", "import", str(export)]) == 0
    assert capsys.readouterr().out == f"imported 1 bookmark from {export}; none were already there\n"
    assert main(["bookmarks", "import", str(export)]) == 0
    assert capsys.readouterr().out == f"imported 0 bookmarks from {export}; 1 was already there\n"


def test_bookmark_import_of_a_device_or_a_pipe_is_refused_unread(tmp_path: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    for source, reason in (("/dev/zero", "a device, not a file"), (str(fifo), "a named pipe, not a file")):
        # In a child process, so that a regression hangs or fills only the child.
        done = subprocess.run(
            [sys.executable, "-m", "byline", "bookmarks", "import", source], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 1
        assert done.stderr.startswith(f"byline: cannot read {source}: {reason}"), done.stderr


# --- 13. control characters in file names -----------------------------------

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"


def test_list_and_extract_never_print_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / f"{HOSTILE}.txt", "Title\n\nBody.\n")
    write(tmp_path / f"{HOSTILE}.pdf", "not an article")
    for command in (["list"], ["extract"], ["index"]):
        main([*command, str(tmp_path)])
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err, command
        assert "\ufffd]0;PWNED" in out + err
        assert "skipped" in err


def test_no_articles_message_never_prints_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["list", str(tmp_path / HOSTILE)])
    assert "\x1b" not in capsys.readouterr().err


# --- 14. '--' and an empty path ------------------------------------------------


def test_double_dash_ends_the_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "-weird.txt", "Weird title\n\nBody.\n")
    assert main(["list", "--", "-weird.txt"]) == 0
    assert "Weird title" in capsys.readouterr().out
    assert main(["list", "--json", "--", "-weird.txt"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["path"] == "-weird.txt"


def test_double_dash_before_a_search_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.txt", "Ferries return\n\nThe -x flag of the ferry.\n")
    assert main(["search", "--limit", "3", "--", "ferries", str(tmp_path)]) == 0
    assert "Ferries return" in capsys.readouterr().out


def test_an_empty_path_is_an_error_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "Title\n\nBody.\n")
    with pytest.raises(SystemExit) as exit_:
        main(["list", ""])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "skipped '': empty path" in err


# --- 15. a terminated index leaves no process behind ---------------------------


def _marked(mark: bytes) -> dict[int, bytes]:
    """Live processes whose environment holds `mark` (so, started by this test,
    however they were re-parented), each with its start time."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as environ:
                if mark not in environ.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != b"Z":
            found[int(entry)] = fields[19]
    return found


def _describe(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return f"{pid}: {cmdline.read().replace(bytes(1), b' ')[:100].decode(errors='replace')}"
    except OSError:
        return f"{pid}: gone"


@needs_bbc()
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_a_terminated_index_takes_its_workers_with_it(signum: int) -> None:
    mark = f"BYLINE_TEST_MARK={os.getpid()}-{time.monotonic_ns()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "byline", "index", str(BBC)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, mark.split("=")[0]: mark.split("=")[1]},
    )
    try:
        # Wait (polling, with no time limit that a slow machine could fail) for
        # the forkserver, the resource tracker and a worker.
        for _ in range(600):
            if len(_marked(mark.encode())) >= 4 or process.poll() is not None:
                break
            time.sleep(0.05)
        if process.poll() is not None:
            pytest.skip("indexing ended before its workers could be seen")
        process.send_signal(signum)
        # SIGTERM and SIGHUP are handled (the pool shut down, the status 128+N); SIGKILL cannot be:
        # the workers must notice their owner is gone by themselves.
        assert process.wait(timeout=120) == (-signum if signum == signal.SIGKILL else 128 + signum)
        for _ in range(600):
            if not _marked(mark.encode()):
                break
            time.sleep(0.1)
        left = _marked(mark.encode())
        assert left == {}, [_describe(pid) for pid in left]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid, started in _marked(mark.encode()).items():  # what a failure left, started by this test
            try:
                with open(f"/proc/{pid}/stat", "rb") as stat:
                    if stat.read().rsplit(b")", 1)[1].split()[19] == started:
                        os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
