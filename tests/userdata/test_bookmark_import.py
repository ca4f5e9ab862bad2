"""Imports and exports under hostile input: row by row, merged, formula-safe, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from byline.cli import main
from byline.paths import data_dir
from byline.userdata.bookmark_store import FILENAME, BookmarkStore
from byline.userdata.bookmarks import BookmarkImportError, article_bookmark, quote_bookmark


def open_store(path: Path | None = None) -> BookmarkStore:
    store, problem = BookmarkStore.open(path)
    assert problem is None, problem
    return store


GOOD = {"kind": "article", "article_id": "good", "path": "/news/g.txt", "title": "Good one"}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"kind": "quote", "article_id": "a", "quote_start": 1e30}, "quote_start"),
        ({"kind": "quote", "article_id": "a", "quote_start": float("inf")}, "quote_start"),
        ({"kind": "quote", "article_id": "a", "quote_start": 10**30}, "quote_start"),
        ({"kind": "quote", "article_id": "a", "quote_start": True}, "quote_start"),
        ({"kind": "article", "article_id": "a", "created": "0001-01-01T00:00:00+01:00"}, "created"),
        ({"kind": "film", "article_id": "b"}, "kind"),
        ({"kind": "quote", "article_id": "a"}, "needs quote_start"),
    ],
)
def test_a_bad_bookmark_is_reported_and_the_good_ones_kept(bad: dict, message: str) -> None:
    store = open_store()
    result = store.import_(json.dumps([GOOD, bad, {**GOOD, "article_id": "good2"}]), "json")
    assert result.added == 2
    assert len(result.problems) == 1 and result.problems[0].startswith("bookmark 2:") and message in result.problems[0]
    assert {b.article_id for b in store.all()} == {"good", "good2"}


def test_json_nested_too_deep_is_a_clear_error() -> None:
    store = open_store()
    with pytest.raises(BookmarkImportError, match="nested too deep"):
        store.import_("[" * 100_000 + "]" * 100_000, "json")


def test_hostile_imports_from_the_cli_end_in_one_line_and_a_failure_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store()
    store.add(article_bookmark("kept", "/news/k.txt", "Kept"))
    cases = {
        "offset.json": '[{"kind": "quote", "article_id": "a", "quote_start": 1e30}]',
        "inf.json": '[{"kind": "quote", "article_id": "a", "quote_start": Infinity}]',
        "year.json": '[{"kind": "article", "article_id": "a", "created": "0001-01-01T00:00:00+05:00"}]',
        "deep.json": "[" * 100_000 + "]" * 100_000,
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        with pytest.raises(SystemExit) as exit_:
            main(["bookmarks", "import", str(tmp_path / name)])
        assert exit_.value.code == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.startswith(f"byline: {tmp_path / name}"), err
    assert [b.article_id for b in store.all()] == ["kept"]


def test_an_import_file_that_is_a_device_is_not_read_to_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["bookmarks", "import", "/dev/zero"])
    assert exit_.value.code == 1 and "a device, not a file" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("flag", ["--json", "--csv", None])
def test_an_export_to_a_full_disk_is_one_line_and_a_failure(tmp_path: Path, flag: str | None) -> None:
    env = {**os.environ, "BYLINE_DATA_DIR": str(tmp_path / "data")}
    store = open_store(tmp_path / "data" / FILENAME)
    for n in range(50):
        store.add(article_bookmark(f"a{n}", f"/news/{n}.txt", f"Title {n} " + "x" * 200))
    store.close()
    code = "from byline.cli import main; raise SystemExit(main(['bookmarks'] + sys.argv[1:]))"
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", "import sys; " + code, *([flag] if flag else [])],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "No space left" in done.stderr
    assert len(open_store(tmp_path / "data" / FILENAME).all()) == 50


# -- CSV: formulas, long notes, row by row -------------------------------------------


FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "'=already quoted", "\t=tab", "plain"]


def test_csv_export_neutralises_formulas_and_the_import_gives_them_back_exactly(tmp_path: Path) -> None:
    store = open_store()
    for n, text in enumerate(FORMULAS):
        stored = store.add(quote_bookmark(f"a{n}", f"/news/{n}.txt", text, text, text, n, n + 1))
        store.update(stored, note=f"{text} note" if n % 2 else text, tags=["-tag", "=x"])
    exported = store.export("csv")
    for row in csv.reader(io.StringIO(exported)):
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), row
    target = open_store(tmp_path / "other.sqlite3")
    assert target.import_(exported, "csv").added == len(FORMULAS)
    assert target.all() == store.all()
    assert target.export("csv") == exported


def test_a_csv_note_over_128_kib_round_trips(tmp_path: Path) -> None:
    store = open_store()
    store.update(store.add(article_bookmark("long", "/news/l.txt", "Long")), note="word " * 60_000)
    store.add(article_bookmark("short", "/news/s.txt", "Short"))
    target = open_store(tmp_path / "other.sqlite3")
    result = target.import_(store.export("csv"), "csv")
    assert (result.added, result.problems) == (2, ())
    assert target.all() == store.all()
    assert csv.field_size_limit() == 131072  # the process-wide limit is left as it was


def test_a_bad_csv_row_is_reported_and_the_others_imported() -> None:
    store = open_store()
    text = "kind,article_id,title,path,quote_start\narticle,a1,One,/p1,\nfilm,a2,Two,/p2,\narticle,a3,Three,/p3,\n"
    result = store.import_(text, "csv")
    assert result.added == 2 and len(result.problems) == 1 and result.problems[0].startswith("row 2: kind")
    assert {b.article_id for b in store.all()} == {"a1", "a3"}


def test_reimporting_a_backup_restores_notes_and_unites_tags(tmp_path: Path) -> None:
    store = open_store()
    one = store.update(store.add(article_bookmark("a1", "/p1", "One")), note="why it matters", tags="uk, gaza")
    two = store.update(store.add(article_bookmark("a2", "/p2", "Two")), note="mine", tags="x")
    backup = store.export("json")
    store.update(one, note="", tags="gaza, new")  # the note lost since the backup
    store.update(two, note="changed since", tags="")
    result = store.import_(backup, "json")
    assert (result.added, result.already_there, result.merged) == (0, 2, 2)
    again = {b.article_id: b for b in store.all()}
    assert again["a1"].note == "why it matters" and again["a1"].tags == ("gaza", "new", "uk")
    assert again["a2"].note == "changed since" and again["a2"].tags == ("x",)  # a note is never overwritten


def test_control_codes_are_dropped_on_import_newlines_kept() -> None:
    store = open_store()
    record = {
        **GOOD,
        "title": "Ti\x1b]0;pwned\x07tle\x1b[2J",
        "note": "line one\nline\x9b31m two",
        "tags": ["t\x1b[1mag"],
    }
    store.import_(json.dumps([record]), "json")
    (bookmark,) = store.all()
    assert (bookmark.title, bookmark.note, bookmark.tags) == ("Title", "line one\nline two", ("tag",))


def test_the_cli_reports_bad_rows_and_keeps_the_good(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "mixed.json"
    bad.write_text(json.dumps([GOOD, {"kind": "quote", "article_id": "x"}]))
    with pytest.raises(SystemExit) as exit_:
        main(["bookmarks", "import", str(bad)])
    out, err = capsys.readouterr()
    assert exit_.value.code == 1
    assert "bookmark 2: a quote bookmark needs quote_start" in err and "imported 1 bookmark" in out
    assert [b.article_id for b in BookmarkStore.open()[0].all()] == ["good"]
    assert data_dir().is_dir()
