"""`byline extract`: JSON Lines for scripts, a listing for people."""

from __future__ import annotations

import json

import pytest

from byline.cli import main
from tests.helpers import SAMPLES


def test_json_lines_one_object_per_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLES), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(SAMPLES.glob("*.txt")))
    for line in lines:
        obj = json.loads(line)
        assert set(obj) == {"path", "title", "quotes", "entities"}
        for quote in obj["quotes"]:
            assert set(quote) == {"text", "speaker", "start", "end", "kind", "confidence", "evidence"}
            assert 0.0 <= quote["confidence"] <= 1.0
            assert all(isinstance(item, str) for item in quote["evidence"])
        for entity in obj["entities"]:
            assert set(entity) == {"name", "type", "count"}
            assert entity["type"] in ("PERSON", "ORG", "PLACE")


def test_listing_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "Quotes (" in out and "People: " in out and "Places: " in out


def test_bad_path_is_one_line_and_status_1(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path / "missing.txt")])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "missing.txt" in err


def test_a_broken_file_is_skipped_and_the_rest_extracted(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text('Title\n\n"We are ready," said Tony Blair.\n', encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["extract", str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    objs = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["quotes"][0]["speaker"] for o in objs] == ["Tony Blair"]
    assert "bad.txt" in captured.err


def test_the_listing_marks_an_uncertain_speaker_as_the_sidebar_does() -> None:
    from byline.cli.extract_cmd import as_listing
    from byline.model import LOW_CONFIDENCE, Analysis, Article, Quote

    article = Article(id="a", path="/n/a.txt", title="Talks", paragraphs=("x",))
    sure = Quote("We will talk.", "Ann Smith", 0, 5, "full", 0.95)
    guess = Quote("We may talk " + "at length " * 30, "Bob Jones", 10, 20, "full", LOW_CONFIDENCE - 0.1)
    listing = as_listing(article, Analysis(quotes=(sure, guess)))
    assert "Ann Smith: \u201cWe will talk.\u201d" in listing and "Ann Smith?" not in listing
    assert "Bob Jones?: \u201cWe may talk" in listing and listing.rstrip().count("[uncertain]") == 1
    assert " …\u201d" in listing and "..." not in listing
