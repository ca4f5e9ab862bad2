"""The command line as a script would use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline import __version__
from byline.cli import main
from tests.helpers import BBC, needs_bbc
from tests.helpers.cli import run


def test_list_prints_the_samples_with_title_and_author(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Report: Israel Backing Off on Hostage Talks" in out
    assert "Netanyahu Tells Blinken" in out
    assert out.count("(Dave DeCamp)") == 2


def test_list_json_reports_articles_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert main(["list", str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [a["title"] for a in data["articles"]] == ["Title"]
    assert data["skipped"] == [{"path": str(tmp_path / "b.txt"), "reason": "empty file"}]
    assert "skipped" in captured.err and "b.txt: empty file" in captured.err


def test_nothing_loaded_is_one_line_and_status_1(tmp_path: Path) -> None:
    result = run("list", str(tmp_path / "missing"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"byline: no articles could be loaded from {tmp_path / 'missing'}"


def test_bad_option_is_one_line() -> None:
    result = run("list", "--frobnicate")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unrecognized arguments: --frobnicate" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"byline {__version__}"
    help_text = run("--help").stdout
    assert "examples:" in help_text and "byline list" in help_text


@pytest.mark.parametrize("command", ["list", "extract", "search", "speakers", "quotes", "index"])
def test_every_command_says_what_it_opens_without_a_path(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    # The fetched articles once subscribed, not always the samples, as `byline --help` says.
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "once subscribed, else the samples" in " ".join(capsys.readouterr().out.split())


@needs_bbc()
def test_list_json_over_the_bbc_set() -> None:
    result = run("list", str(BBC), "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 2225
    flagged = [a for a in data["articles"] if a["warnings"]]
    assert len(flagged) == 1 and flagged[0]["path"].endswith("sport/199.txt")
