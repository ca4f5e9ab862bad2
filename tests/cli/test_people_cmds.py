"""`byline speakers` and `byline quotes`: output formats, names resolved, bad input, the cache."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import byline.extract
from byline.cli import main
from byline.cli.quotes_cmd import as_csv
from byline.load import load_file
from byline.model import Quote
from byline.people import QuoteRow
from tests.helpers import BBC, needs_bbc
from tests.helpers.fake_extract import fake_analyse

ARTICLES = {
    "talks.txt": (
        "Blinken presses Netanyahu",
        "Antony Blinken met Benjamin Netanyahu in Israel.\n\n"
        "“We want a ceasefire now,” Antony Blinken said of Netanyahu.\n\n"
        "“Hamas must go,” Benjamin Netanyahu said.",
    ),
    "qatar.txt": (
        "Talks in Qatar",
        "“The talks in Qatar go on,” Antony Blinken said.\n\n“Rafah is next,” an Israeli official said.",
    ),
    "=sum.txt": ("=SUM(A1:A2)", "“=1+1 is a formula,” Antony Blinken said."),
}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stand-in extractor, counting the articles it analyses."""
    seen: list[str] = []

    def counting(article):  # type: ignore[no-untyped-def]
        seen.append(article.path)
        return fake_analyse(article)

    monkeypatch.setattr(byline.extract, "analyse", counting)
    return seen


@pytest.fixture
def news(tmp_path: Path, calls: list[str]) -> Path:
    for name, (title, body) in ARTICLES.items():
        (tmp_path / "news" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "news" / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return tmp_path / "news"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_speakers_most_quoted_first(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "speakers", str(news))
    assert status == 0
    lines = out.splitlines()
    assert lines[1].split() == ["3", "3", "0", "Antony", "Blinken"]
    assert "Benjamin Netanyahu" in lines[2]
    assert "Israeli official" in out.split("known only by a description")[1]
    assert "speakers and" in err


def test_speakers_as_json_with_a_limit(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "speakers", str(news), "--json", "--limit", "1")
    document = json.loads(out)
    assert status == 0
    assert document["speakers"] == [
        {"name": "Antony Blinken", "quotes": 3, "articles": 3, "low_confidence": 0, "spellings": ["Antony Blinken"]}
    ]
    assert document["descriptions"][0]["description"] == "Israeli official"
    assert document["totals"]["speakers"] == 2


def test_a_second_run_reads_the_cache_and_analyses_nothing(
    news: Path, calls: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "speakers", str(news))
    assert len(calls) == 3
    status, out, _ = run(capsys, "quotes", str(news), "--speaker", "blinken", "--json")
    assert status == 0 and json.loads(out)["count"] == 3
    assert len(calls) == 3  # all from the cache


def test_quotes_resolve_a_misspelt_name_and_say_so(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "quotes", str(news), "--speaker", "blinkn")
    assert status == 0
    assert "speaker 'blinkn' is Antony Blinken (3 quotes in 3 articles)" in err
    assert out.count("Antony Blinken: “") == 3
    assert "Talks in Qatar  (" in out and "qatar.txt, " in out


def test_quotes_as_json_carry_the_resolved_names(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "quotes", str(news), "--speaker", "blinkn", "--about", "netanyahoo", "--json")
    document = json.loads(out)
    assert status == 0 and err == ""
    assert document["speaker"] == {"query": "blinkn", "name": "Antony Blinken", "quotes": 3}
    assert document["about"] == {"query": "netanyahoo", "name": "Benjamin Netanyahu", "type": "PERSON"}
    [quote] = document["quotes"]
    assert quote["quote"] == "We want a ceasefire now,"
    assert quote["title"] == "Blinken presses Netanyahu" and quote["path"].endswith("talks.txt")
    assert quote["end"] - quote["start"] == len(quote["quote"]) and quote["number"] == 1, (
        "counted from 1, as the app counts"
    )


def test_quotes_about_a_place_are_grouped_by_speaker(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "quotes", str(news), "--about", "qatar", "--json")
    assert status == 0
    assert [q["quote"] for q in json.loads(out)["quotes"]] == ["The talks in Qatar go on,"]


def test_csv_cells_cannot_be_formulas(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "quotes", str(news), "--speaker", "blinken", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 3
    formula = next(row for row in rows if "formula" in row["quote"])
    assert formula["quote"] == "'=1+1 is a formula," and formula["title"] == "'=SUM(A1:A2)"
    assert all(not row[key].startswith(("=", "+", "-", "@")) for row in rows for key in row)


def test_control_characters_are_made_inert() -> None:
    quote = Quote("-2 \x1b[2Jpoints", "Eve\x1b]52;c;aGk=\x07", 0, 14)
    row = QuoteRow("Eve\x1b]52;c;aGk=\x07", quote, 0, 0, "Title\x9b31m", "dir/\x1bname.txt")
    out = as_csv([row])
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "'-2 \ufffd[2Jpoints" in out and "dir/\ufffdname.txt" in out


def test_quotes_as_markdown(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "quotes", str(news), "--about", "netanyahu", "--markdown")
    assert status == 0
    assert out.startswith("# Quotes about Benjamin Netanyahu (1)")
    assert "> “We want a ceasefire now,” — Antony Blinken" in out
    assert "*Blinken presses Netanyahu*, `" in out


def test_a_file_name_with_an_escape_code_is_shown_inert(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (news / "evil\x1b[2J.txt").write_text("Evil\n\n“Gaza waits,” Antony Blinken said.\n", encoding="utf-8")
    status, out, _ = run(capsys, "quotes", str(news), "--speaker", "blinken")
    assert status == 0 and "\x1b" not in out and "evil\ufffd[2J.txt" in out


def test_an_empty_corpus_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    for command in ("speakers", "quotes"):
        with pytest.raises(SystemExit) as exit_:
            main(
                [command, str(tmp_path / "empty"), "--speaker", "x"]
                if command == "quotes"
                else [command, str(tmp_path / "empty")]
            )
        assert exit_.value.code == 1
        assert "no articles could be loaded" in capsys.readouterr().err


def test_bad_input(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["quotes", str(news)])
    assert exit_.value.code == 2 and "--speaker NAME, --about NAME" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["quotes", str(news), "--speaker", "zzzzzz"])
    assert exit_.value.code == 1 and "no speaker matches 'zzzzzz'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["speakers", str(news), "--limit", "0"])
    assert exit_.value.code == 2
    assert main(["quotes", str(news), "--speaker", "netanyahu", "--about", "qatar"]) == 1
    assert "no quotes match" in capsys.readouterr().err


@needs_bbc()
def test_blare_finds_tony_blair_and_about_brown_narrows_them(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "quotes", str(BBC), "--speaker", "blare", "--json")
    everything = json.loads(out)
    assert status == 0 and everything["speaker"]["name"] == "Tony Blair"
    assert everything["count"] > 100 and {q["speaker"] for q in everything["quotes"]} == {"Tony Blair"}
    status, out, _ = run(capsys, "quotes", str(BBC), "--speaker", "blare", "--about", "brown", "--json")
    narrowed = json.loads(out)
    assert status == 0 and narrowed["about"]["name"] == "Gordon Brown"
    assert 0 < narrowed["count"] < everything["count"]
    keys = {(q["path"], q["number"]) for q in everything["quotes"]}
    assert all((q["path"], q["number"]) in keys for q in narrowed["quotes"])
    # Each is said in a sentence that names Brown (the quote's own words need not).
    for q in narrowed["quotes"]:
        body = load_file(Path(q["path"])).articles[0].body
        sentence_start = body.rfind(". ", 0, q["start"]) + 1
        sentence_end = body.find(". ", q["end"])
        assert "Brown" in body[sentence_start : sentence_end if sentence_end != -1 else None], q


def test_past_the_paged_size_the_tables_read_stand_ins_and_print_the_same(
    news: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million whole entries do not fit in memory: past PAGED_FROM the commands keep stand-ins
    that read their quotes from the cache, and print what whole entries give."""
    import byline.cli.common
    import byline.corpus.paged
    from byline.corpus.paged import PagedEntry

    commands = [["speakers", "--json"], ["quotes", "--speaker", "blinken", "--json"], ["quotes", "--about", "qatar"]]
    whole = [run(capsys, *command, str(news)) for command in commands]
    monkeypatch.setattr(byline.corpus.paged, "WHOLE_KEPT", 1)
    entries = byline.cli.common.load_entries_or_exit([str(news)])
    assert [isinstance(entry, PagedEntry) for entry in entries] == [False, True, True]
    capsys.readouterr()
    assert [run(capsys, *command, str(news)) for command in commands] == whole
