"""`byline search` as a script would use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.cli import main
from tests.helpers.cli import run


@pytest.fixture
def news(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(
        "Chelsea hold Arsenal to a draw\n\nThe match at Stamford Bridge ended level.\n\nFans sang [bold]loudly[/].",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Mobile phone sales soar\n\nMore phones were sold in Chelsea.", encoding="utf-8")
    return tmp_path


def test_ranked_hits_name_the_kind_and_the_article(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "chelsae", str(news)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(" Chelsea hold Arsenal to a draw")  # the article whose title matches comes first
    assert "title    Chelsea hold Arsenal to a draw" in lines
    at = lines.index("text     Mobile phone sales soar")
    assert lines[at + 1] == "         More phones were sold in Chelsea."


def test_json_lines_carry_offsets_and_positions(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "stamford bridge", str(news), "--json", "--limit", "3"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 1 <= len(records) <= 3
    hit = next(record for record in records if record["kind"] == "text")
    assert (hit["kind"], hit["title"], hit["path"]) == ("text", "Chelsea hold Arsenal to a draw", str(news / "a.txt"))
    assert hit["text"] == "The match at Stamford Bridge ended level."
    assert "".join(hit["text"][p] for p in hit["positions"]) == "StamfordBridge"
    assert hit["start"] == 0 and hit["end"] == len(hit["text"])


def test_markup_in_an_article_is_printed_as_it_is(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "loudly", str(news)]) == 0
    assert "Fans sang [bold]loudly[/]." in capsys.readouterr().out


def test_a_prefix_narrows_the_kind(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "t:phone", str(news), "--json"]) == 0
    kinds = {json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()}
    assert kinds == {"title"}


def test_nothing_found_is_status_1_with_stdout_empty_and_a_word_on_stderr(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zzzzqqq\x1b[2J", str(news)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("byline: no matches for zzzzqqq") and "\x1b" not in err


@pytest.mark.parametrize(("args", "message"), [(["   "], "the query has no words"), (["x", "--limit", "0"], "--limit")])
def test_bad_queries_are_one_line(news: Path, args: list[str], message: str) -> None:
    result = run("search", *args, str(news))
    assert result.returncode in (1, 2)
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_the_sample_corpus_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "t:netanyahu"]) == 0
    assert "Netanyahu" in capsys.readouterr().out


def test_copies_of_one_article_are_told_apart_by_their_file(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (news / "copy").mkdir()
    (news / "copy" / "a.txt").write_bytes((news / "a.txt").read_bytes())
    assert main(["search", "t:chelsea hold", str(news)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "title    Chelsea hold Arsenal to a draw  [copy/a.txt]" in lines
    assert f"title    Chelsea hold Arsenal to a draw  [{news.name}/a.txt]" in lines
    assert main(["search", "t:mobile phone", str(news)]) == 0
    assert "title    Mobile phone sales soar" in capsys.readouterr().out.splitlines(), (
        "a lone copy is named by its title alone"
    )


def test_a_quote_hit_says_who_said_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The app's search shows "— Speaker" under a quote; the command printed only the words.
    (tmp_path / "a.txt").write_text(
        "Blair on Europe\n\n\u201cWe are in a state of denial,\u201d Tony Blair said in Brussels.", encoding="utf-8"
    )
    assert main(["search", '"state of denial', str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("quote    Blair on Europe")
    assert lines[at + 2] == "         \u2014 Tony Blair"
    assert main(["search", '"state of denial', str(tmp_path), "--json"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["speaker"] == "Tony Blair" and record["confidence"] >= 0.8
