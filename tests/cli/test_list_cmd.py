"""`byline list` prints each article as it comes, never gathering them first, and prints
the very bytes it printed when it gathered them (text and JSON, cached or not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import byline.load
from byline.cli import main
from byline.cli.common import load_or_exit, print_json_listing, shown_path, to_json
from byline.model import Batch, Entry, Skipped
from tests.helpers.pipeline import giving

LISTINGS = [["list"], ["list", "--json"], ["list", "--no-cache"], ["list", "--json", "--no-cache"]]


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    """Articles in every format, with warnings, a feed, odd names, and files that are skipped."""
    root = tmp_path / "odd"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text('Election day\n\n"We will win," Tony Blair said.\n', encoding="utf-8")
    (root / "caf\u00e9.txt").write_bytes("Caf\u00e9 story\n\nThe owner spoke.\n".encode("latin-1"))  # a warning
    (root / "bidi\u202ename\u0085.txt").write_text("Bidi\n\nText, said Ann.\n", encoding="utf-8")
    (root / "sub" / "b.md").write_text("# Brown\n\nBy Jo Bloggs\n\nThe chancellor spoke.\n", encoding="utf-8")
    (root / "sub" / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>One</title><author>a@b.c (Jane Doe)</author><link>https://x.org/1</link>"
        "<pubDate>Tue, 01 Feb 2005 10:00:00 GMT</pubDate><description>Blair visited Paris.</description></item>"
        "<item><title></title><description>Second item text.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (root / "c.html").write_text(
        "<!doctype html><html><head><title>Page</title></head><body><p>One.</p><p>Two.</p></body></html>",
        encoding="utf-8",
    )
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "doc.pdf").write_bytes(b"%PDF")
    return root


def former_listing(paths: list[str], as_json: bool) -> str:
    """What `byline list` printed when it loaded every article before printing any."""
    result = load_or_exit(paths)
    if as_json:
        articles = [
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "subtitle": a.subtitle,
                "author": a.author,
                "format": a.format,
                "date": a.date,
                "url": a.url,
                "paragraphs": len(a.paragraphs),
                "warnings": list(a.warnings),
            }
            for a in result.articles
        ]
        skipped = [{"path": s.path, "reason": s.reason} for s in result.skipped]
        return to_json({"articles": articles, "skipped": skipped}, indent=2) + "\n"
    lines = []
    for a in result.articles:
        author = f"  ({a.author})" if a.author else ""
        flag = "  [!] " + "; ".join(a.warnings) if a.warnings else ""
        lines.append(f"{a.display_title}{author}{flag}\n    {shown_path(a.path)}\n")
    return "".join(lines)


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_the_listing_is_what_it_was_when_gathered_first(
    odd: Path, command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_json = "--json" in command
    for paths in ([str(odd)], [str(odd / "sub"), str(odd / "missing"), str(odd / "a.txt")], ["./odd/"]):
        monkeypatch.chdir(odd.parent)
        expected = former_listing(paths, as_json)
        expected_err = capsys.readouterr().err
        assert expected and "skipped" in expected_err
        for _ in range(2):  # cold, then warm
            assert main([*command, *paths]) == 0
            assert capsys.readouterr() == (expected, expected_err)


def test_the_samples_are_listed_as_they_were(capsys: pytest.CaptureFixture[str]) -> None:
    expected = former_listing([], as_json=True)
    capsys.readouterr()
    for command in (["list", "--json"], ["list", "--json"], ["list", "--json", "--no-cache"]):
        assert main(command) == 0
        assert capsys.readouterr().out == expected


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_nothing_loaded_prints_nothing_and_exits_1(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main([*command, str(tmp_path)])
    assert exit_.value.code == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"byline: skipped {tmp_path / 'empty.txt'}: empty file\nbyline: no articles could be loaded from {tmp_path}\n"
    )


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_cached_list_prints_each_article_before_the_next_files_are_analysed(
    tmp_path: Path, as_json: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The corpus pipeline stands in: each batch is what analysing the next files gives. What is
    # printed when it is asked for the next batch is what the earlier ones have let through.
    import byline.corpus

    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    printed: list[str] = []
    batches = [
        Batch(
            [Entry(id=n, path=str(tmp_path / n), title=f"Title {n}", author="", quotes=(), entities=())],
            [Skipped(str(tmp_path / "z.pdf"), "not an article")] if n == "d.txt" else [],
            0,
            None,
        )
        for n in names
    ]
    for batch in batches:
        batch.entries[0].details = (batch.entries[0].title, "", "text", "", "", 1)
    monkeypatch.setattr(
        byline.corpus, "load_corpus", giving(batches, lambda n: printed.append(capsys.readouterr().out))
    )
    assert main(["list", *(["--json"] if as_json else []), str(tmp_path)]) == 0
    printed.append(capsys.readouterr().out)
    # A file's entries are out once the next file's come (a feed's may span batches).
    assert [p.count("Title") for p in printed] == [0, 0, 1, 1, 2]
    whole = "".join(printed)
    if as_json:
        assert whole == to_json(json.loads(whole), indent=2) + "\n"
        assert [a["title"] for a in json.loads(whole)["articles"]] == [f"Title {n}" for n in names]
        assert json.loads(whole)["skipped"] == [{"path": str(tmp_path / "z.pdf"), "reason": "not an article"}]
    else:
        assert whole.splitlines()[::2] == [f"Title {n}" for n in names]


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_uncached_list_prints_each_article_before_the_next_file_is_read(
    odd: Path, as_json: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[str] = []
    real = byline.load.load_file

    def load_file(path: Path) -> byline.load.LoadResult:
        printed.append(capsys.readouterr().out)
        return real(path)

    monkeypatch.setattr(byline.load, "load_file", load_file)
    assert main(["list", "--no-cache", *(["--json"] if as_json else []), str(odd)]) == 0
    printed.append(capsys.readouterr().out)
    assert len(printed) == 8  # seven files read, then the end
    assert printed[0] == ""
    # Before the feed, the last file, is read, the five articles before it are out.
    before_last = "".join(printed[:-1])
    assert (before_last.count('"id": ') if as_json else len(before_last.splitlines()) // 2) == 5
    monkeypatch.setattr(byline.load, "load_file", real)
    assert "".join(printed) == former_listing([str(odd)], as_json)


@pytest.mark.parametrize(
    "items",
    [[], [{}], [1, "x"], [{"a": [], "b": ["w", "v"], "c": {"d": None}}, {"e": '\u0085\u202e\u2028\x1b"caf\u00e9'}]],
)
@pytest.mark.parametrize(
    "rest", [{}, {"skipped": []}, {"skipped": [{"path": "p\u0085", "reason": "r"}], "more": {"x": [1, 2]}}]
)
def test_a_json_listing_is_to_json_of_the_whole(
    items: list[object], rest: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    print_json_listing("articles", iter(items), lambda: rest)
    assert capsys.readouterr().out == to_json({"articles": items, **rest}, indent=2) + "\n"
