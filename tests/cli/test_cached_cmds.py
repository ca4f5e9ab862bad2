"""`byline list`, `extract` and `search` read the index cache: unchanged files are never
analysed again, changed ones are, and what they print is what a fresh analysis prints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import byline.extract
from byline.cli import main
from byline.model import Analysis, Article
from tests.helpers.pipeline import giving

QUOTED = (
    "Tony Blair said the election would be won on the economy.\n\n"
    '"We will win the election," Mr Blair said on Tuesday in London.\n\n'
    "Gordon Brown, the chancellor, agreed. \u201cThe economy is strong,\u201d he told the BBC."
)


def write(path: Path, title: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    for i in range(4):
        write(root / f"{i:02}.txt", f"Election story {i}", QUOTED.replace("Tuesday", f"day {i}"))
    write(root / "sub" / "b.md", "# Brown on the budget", "The chancellor spoke in Leeds.")
    (root / "sub" / "notes.pdf").write_bytes(b"%PDF")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>One</title><description>Blair visited Paris.</description></item>"
        "<item><title>Two</title><description>Second item text.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the articles the extractor analyses (workers run in this process for a small corpus)."""
    calls: list[str] = []
    real = byline.extract.analyse

    def counting(article: Article) -> Analysis:
        calls.append(article.path)
        return real(article)

    monkeypatch.setattr(byline.extract, "analyse", counting)
    return calls


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["extract"],
    ["extract", "--json"],
    ["search", "blair electon"],
    ["search", "--json", "economy"],
    ["search", "--limit", "3", "@brown"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_output_is_the_same_with_and_without_the_cache(
    news: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = run(capsys, *command, "--no-cache", str(news))
    cold = run(capsys, *command, str(news))
    warm = run(capsys, *command, str(news))
    assert fresh[1]  # something was printed
    assert cold == fresh
    assert warm == fresh


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_file_given_twice_is_printed_in_both_places_with_and_without_the_cache(
    news: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A file given by itself and in a folder also given is read twice, and printed in both places.
    Through the cache both copies came where the file came first (a feed's entries too), and a
    file skipped twice held back every file after its first place until the end."""
    paths = [str(news / "feed.xml"), str(news / "03.txt"), str(news), str(news / "03.txt"), str(news / "empty.txt")]
    fresh = run(capsys, *command, "--no-cache", *paths)
    assert run(capsys, *command, *paths) == fresh  # cold
    assert run(capsys, *command, *paths) == fresh  # warm
    if command == ["list"]:
        listed = [Path(line.strip()).name for line in fresh[1].splitlines()[1::2]]
        assert listed[:3] == ["feed.xml#1", "feed.xml#2", "03.txt"] and listed[-1] == "03.txt"
        assert listed.count("03.txt") == 3 and listed.count("feed.xml#1") == 2
        assert fresh[2].count("empty.txt: empty file") == 2
    if command == ["extract", "--json"]:  # (its --no-cache goes the cache's way, without the cache)
        listing = json.loads(run(capsys, "list", "--json", "--no-cache", *paths)[1])
        assert [json.loads(line)["path"] for line in fresh[1].splitlines()] == [a["path"] for a in listing["articles"]]


def test_output_is_the_same_for_relative_paths(
    news: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(news.parent)
    for command in (["list", "--json"], ["search", "--json", "blair"]):
        fresh = run(capsys, *command, "--no-cache", "./news/")
        assert run(capsys, *command, "./news/") == fresh
        assert run(capsys, *command, "./news/") == fresh


def test_warm_search_analyses_no_article(news: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "search", "blair electon", str(news))
    assert len(analysed) == 7  # four texts, the Markdown file, the feed's two items
    analysed.clear()
    assert run(capsys, "search", "blair electon", str(news)) == first
    assert analysed == []


@pytest.mark.parametrize("command", [["list"], ["extract", "--json"]], ids=" ".join)
def test_warm_list_and_extract_analyse_no_article(
    news: Path, command: list[str], analysed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = run(capsys, *command, str(news))
    analysed.clear()
    assert run(capsys, *command, str(news)) == first
    assert analysed == []


def test_a_changed_file_is_analysed_again(news: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "search", "blair", str(news))
    analysed.clear()
    changed = news / "02.txt"
    write(changed, "Election story two", "Charles Kennedy said the Liberal Democrats were ready.")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 5_000_000_000))
    status, out, _ = run(capsys, "search", "kennedy", str(news))
    assert analysed == [str(changed)]
    assert status == 0 and "Charles Kennedy" in out
    assert run(capsys, "search", "kennedy", "--no-cache", str(news))[1] == out


def test_an_added_or_removed_file_is_seen(news: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "search", "blair", str(news))
    write(news / "new.txt", "Howard in Dover", "Michael Howard spoke in Dover.")
    assert "Howard in Dover" in run(capsys, "search", "dover", str(news))[1]
    (news / "new.txt").unlink()
    assert run(capsys, "search", "dover", str(news))[0] == 1


def test_no_cache_stores_nothing(news: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "search", "blair", "--no-cache", str(news))
    analysed.clear()
    run(capsys, "search", "blair", str(news))
    assert len(analysed) == 7


def test_nothing_loaded_is_still_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["list"], ["extract"], ["search", "x"]):
        with pytest.raises(SystemExit) as exit_:
            main([*command, str(tmp_path / "missing")])
        assert exit_.value.code == 1
        assert "no articles could be loaded" in capsys.readouterr().err


def test_extract_gives_each_entry_once_those_before_it_in_the_walk_are_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A script reading `byline extract` gets the first articles while the rest are analysed,
    # in walk order whatever order loading gives them, a feed's entries kept whole and in order.
    import byline.corpus
    from byline.cli.cached import streamed_cached
    from byline.model import Batch, Entry, Skipped

    for name in ("a.txt", "b.xml", "c.txt", "d.txt", "e.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")

    def entry(name: str) -> Entry:
        return Entry(id=name, path=str(tmp_path / name), title=name, author="", quotes=(), entities=())

    batches = [
        Batch([entry("a.txt"), entry("b.xml#0")], [Skipped(str(tmp_path / "e.pdf"), "not an article")], 0, None),
        Batch([entry("b.xml#1"), entry("d.txt")], [], 0, None),  # a feed's entries may span batches; d before c
        Batch([entry("c.txt")], [], 0, None),
    ]
    loaded: list[int] = []
    monkeypatch.setattr(byline.corpus, "load_corpus", giving(batches, loaded.append))
    skipped: list[Skipped] = []
    given = []
    for item in streamed_cached([str(tmp_path)], skipped):
        given.append((Path(item.path).name, len(loaded)))
    assert given == [("a.txt", 1), ("b.xml#0", 2), ("b.xml#1", 2), ("c.txt", 3), ("d.txt", 3)]
    assert [Path(s.path).name for s in skipped] == ["e.pdf"]


def test_search_finds_text_past_what_memory_holds(
    news: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the in-memory budget the text is searched in the cache's FTS5 index, cold and warm,
    as the app searches it: it used to be left out (and every body was read into memory at once)."""
    import json

    import byline.search.sources

    monkeypatch.setattr(byline.search.sources, "TEXT_BUDGET", 250)  # about one article's text
    cold = run(capsys, "search", "--json", "spoke", str(news))
    found = [json.loads(line) for line in cold[1].splitlines()]
    assert [(hit["kind"], Path(hit["path"]).name) for hit in found] == [("text", "b.md")]
    assert run(capsys, "search", "--json", "spoke", str(news)) == cold  # from the snapshot


def test_search_past_the_paged_size_keeps_stand_ins_and_prints_the_same(
    news: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.corpus.paged
    import byline.search.snapshot
    from byline.cli.cached import _indexed, load_cached, search_index_or_exit
    from byline.corpus.paged import PagedEntry

    fresh = run(capsys, "search", "--json", "economy", "--no-cache", str(news))
    monkeypatch.setattr(byline.corpus.paged, "WHOLE_KEPT", 2)
    monkeypatch.setattr(byline.search.snapshot, "PAGED_FROM", 3)
    assert run(capsys, "search", "--json", "economy", str(news)) == fresh
    index = search_index_or_exit([str(news)])  # from the snapshot that run kept
    assert len(index.entries) == 7 and all(isinstance(entry, PagedEntry) for entry in index.entries)
    capsys.readouterr()
    assert run(capsys, "search", "--json", "economy", str(news)) == fresh
    built = _indexed(load_cached([str(news)])[0], stored=True)  # what that first run built
    assert [isinstance(entry, PagedEntry) for entry in built.entries] == [False, False] + [True] * 5


def test_entries_are_named_as_loading_names_their_files() -> None:
    # `str(Path(...))` of the file's part, worked out once per folder: the same for every shape of path.
    from byline.cli.cached import _Names
    from byline.model import Entry

    named = _Names()
    for _ in range(2):  # the second time, from what the first left
        for path in [
            "a.txt", "./a.txt", "/a.txt", "//a.txt", "///a.txt", "a//b/./c.txt", "../x/./y.txt", "./../a",
            "x/", ".", "./f.xml#2", "a//./f.xml#10", "b/./c#d/e.txt", "/n/./\udcff.txt",
        ]:  # fmt: skip
            file_path, sep, rest = path.partition("#")
            entry = Entry(id="", path=path, title="", author="", quotes=(), entities=())
            assert named(entry).path == str(Path(file_path)) + sep + rest


def test_a_file_whose_path_holds_a_hash_keeps_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Only a feed's entries are `file#n`: `c#.txt` and `a#b/1.txt` come where the walk found them.
    for name in ("0.txt", "a#b/1.txt", "c#.txt", "d#.xml", "z.txt"):
        write(tmp_path / name, f"Story {name}", "Text of it.")
    (tmp_path / "d#.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>One</title><description>First.</description></item>"
        "<item><title>Two</title><description>Second.</description></item></channel></rss>",
        encoding="utf-8",
    )
    for command in (["list"], ["extract", "--json"]):
        fresh = run(capsys, *command, "--no-cache", str(tmp_path))
        assert fresh[1].index("a#b") < fresh[1].index("c#.txt") < fresh[1].index("d#.xml#2") < fresh[1].index("z.txt")
        assert run(capsys, *command, str(tmp_path)) == fresh
        assert run(capsys, *command, str(tmp_path)) == fresh


@pytest.mark.parametrize("command", [["list"], ["extract", "--json"]], ids=" ".join)
def test_list_and_extract_walk_the_files_once(
    news: Path, command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The files' order comes from the pipeline's own walk as it goes, not from a walk before it
    # (at a million files that walk was 15 s before the first line, and a fifth of the time).
    from byline.corpus.walk import Walk

    fresh = run(capsys, *command, "--no-cache", str(news))
    monkeypatch.setattr(Walk, "of", classmethod(lambda cls, paths: pytest.fail("walked before loading")))
    assert run(capsys, *command, str(news)) == fresh
    assert run(capsys, *command, str(news)) == fresh
