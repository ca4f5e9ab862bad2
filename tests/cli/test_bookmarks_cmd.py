"""`byline bookmarks`: listing, exports, and taking an export back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from byline.cli import main
from byline.paths import data_dir
from byline.userdata.bookmark_store import FILENAME, BookmarkStore
from byline.userdata.bookmarks import article_bookmark, quote_bookmark


def saved() -> BookmarkStore:
    store, problem = BookmarkStore.open()
    assert problem is None
    store.add(
        quote_bookmark("a1", "/news/a1.txt", "Gaza talks [bold]x[/]", "We will \x1b[2Jtalk.", "Israeli official", 3, 18)
    )
    store.update(store.add(article_bookmark("a2", "/news/a2.txt", "Budget")), note="read later", tags="money, uk")
    return store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["bookmarks", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_listing_newest_first_without_escape_codes(capsys: pytest.CaptureFixture[str]) -> None:
    saved()
    code, out, _ = run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(" UTC  article  Budget  [money, uk]"), "the time says its zone, as the export does"
    assert lines[1] == " " * 29 + "note: read later", "under the kind, past the time"
    assert "“We will [2Jtalk.” — Israeli official, Gaza talks [bold]x[/]" in out
    assert "\x1b" not in out


def test_empty_listing_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert (code, out) == (0, "") and "no bookmarks yet" in err


def test_json_csv_and_markdown_exports(capsys: pytest.CaptureFixture[str]) -> None:
    store = saved()
    code, out, _ = run(capsys, "--json")
    assert code == 0
    assert [b["title"] for b in json.loads(out)["bookmarks"]] == ["Budget", "Gaza talks [bold]x[/]"]
    _, out, _ = run(capsys, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["kind"], r["tags"], r["quote_start"]) for r in rows] == [
        ("article", "money, uk", ""),
        ("quote", "", "3"),
    ]
    _, out, _ = run(capsys, "--markdown")
    assert out.startswith("# Bookmarks (2)") and "— Israeli official" in out
    assert len(store.all()) == 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_into_a_fresh_data_dir(
    fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved()
    _, exported, _ = run(capsys, f"--{fmt}")
    file = tmp_path / f"export.{fmt}"
    file.write_text(exported, encoding="utf-8")
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "fresh"))
    code, out, _ = run(capsys, "import", str(file))
    assert code == 0 and "imported 2 bookmarks" in out
    # The same, but for the escape code in the quote: an import drops those.
    assert run(capsys, f"--{fmt}")[1] == exported.replace("\x1b[2J", "").replace("\\u001b[2J", "")
    code, out, _ = run(capsys, "import", str(file))
    assert "imported 0 bookmarks" in out and "2 were already there" in out
    assert len(BookmarkStore.open()[0].all()) == 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_import_guesses_the_format_without_a_suffix(
    fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved()
    _, exported, _ = run(capsys, f"--{fmt}")
    (tmp_path / "noext").write_text(exported)
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "fresh"))
    code, out, _ = run(capsys, "import", str(tmp_path / "noext"))
    assert code == 0 and "imported 2" in out


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["import"], 2, "import needs a FILE"),
        (["saved.json"], 2, "did you mean 'byline bookmarks import saved.json'"),
        (["import", "/no/such/file.json"], 1, "cannot read /no/such/file.json"),
        (["--json", "--csv"], 2, "not allowed with"),
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["bookmarks", *argv])
    err = capsys.readouterr().err
    assert exit_.value.code == status
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_bad_import_file_imports_the_good_entries_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    saved()
    bad = tmp_path / "bad.json"
    bad.write_text('[{"kind": "article", "article_id": "new"}, {"kind": "quote", "article_id": "x"}]')
    with pytest.raises(SystemExit):
        main(["bookmarks", "import", str(bad)])
    assert "bookmark 2: a quote bookmark needs quote_start; not imported" in capsys.readouterr().err
    assert len(BookmarkStore.open()[0].all()) == 3  # the good one imported beside the two there
    bad.write_text('{"bookmarks": 3}')
    with pytest.raises(SystemExit):
        main(["bookmarks", "import", str(bad)])
    assert "(no list of bookmarks); nothing was imported" in capsys.readouterr().err
    assert len(BookmarkStore.open()[0].all()) == 3
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SystemExit):
        main(["bookmarks", "import", str(binary)])
    assert "not UTF-8" in capsys.readouterr().err


def test_a_corrupt_store_is_reported_and_set_aside(capsys: pytest.CaptureFixture[str]) -> None:
    data_dir().mkdir(parents=True)
    (data_dir() / FILENAME).write_bytes(b"\x00garbage" * 512)
    code, _, err = run(capsys)
    assert code == 0 and "was damaged" in err and "moved to bookmarks.sqlite3.corrupt-" in err
    assert len(list(data_dir().glob(f"{FILENAME}.corrupt-*"))) == 1


def test_bookmarks_off_is_an_error_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("x")
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "a-file" / "data"))
    code, _, err = run(capsys)
    assert code == 1 and err.startswith(f"byline: Bookmarks are off: {tmp_path / 'a-file'} is a file, not a folder")
