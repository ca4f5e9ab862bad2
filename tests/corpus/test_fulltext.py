"""Full-text search over bodies through the cache's FTS5 index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from byline.corpus import load_corpus
from byline.corpus.fulltext import FullTextIndex, TextHit, match_expression, query_terms, search_text
from byline.load import load_file


def write(path: Path, title: str, *paragraphs: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def indexed(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    write(
        root / "politics.txt",
        "Vote tomorrow",
        "Rain is expected across the north.",
        "Mr Blair said the general election would be held in May, and that the election campaign starts now.",
        "Nothing else of note.",
    )
    write(root / "sport.txt", "Derby", "Chelsea beat Arsenal.", "The manager of Chelsea was pleased.")
    write(root / "accents.txt", "Café", "The Café Müller in Zürich reopened.")
    write(root / "long.txt", "Long", " ".join(f"word{i}" for i in range(200)) + " needle " + "tail " * 50)
    for _ in load_corpus([str(root)]):
        pass
    return root


def body_of(hit: TextHit) -> str:
    path, _, _ = hit.path.partition("#")
    (article,) = [a for a in load_file(Path(path)).articles if a.id == hit.entry_id]
    return article.body


def search(query: str, **kwargs: object) -> list[TextHit]:
    index = FullTextIndex.open()
    assert index is not None
    try:
        return index.search(query, **kwargs)
    finally:
        index.close()


def test_a_hit_points_at_the_passage_holding_all_the_words(indexed: Path) -> None:
    (hit,) = search("blair election")
    assert hit.path == os.path.abspath(indexed / "politics.txt")
    body = body_of(hit)
    # The paragraph with both words, not the first paragraph; the first word matched there.
    assert body[hit.start : hit.end] == "Blair"
    assert body.index("Mr Blair") + 3 == hit.start
    assert hit.snippet[hit.snippet_match[0] : hit.snippet_match[1]] == "Blair"
    assert "general election" in hit.snippet


def test_words_match_in_any_case_and_without_accents(indexed: Path) -> None:
    (hit,) = search("cafe muller ")
    assert body_of(hit)[hit.start : hit.end] == "Café"
    (hit,) = search("ZURICH ")
    assert body_of(hit)[hit.start : hit.end] == "Zürich"


def test_the_last_word_matches_as_a_prefix_while_typing(indexed: Path) -> None:
    (hit,) = search("chels")
    assert body_of(hit)[hit.start : hit.end] == "Chelsea"
    assert search("chels ") == []  # a finished word must match whole


def test_the_snippet_of_a_long_paragraph_is_cut_around_the_match(indexed: Path) -> None:
    (hit,) = search("needle ")
    assert body_of(hit)[hit.start : hit.end] == "needle"
    assert hit.snippet.startswith("\u2026") and hit.snippet.endswith("\u2026")
    assert len(hit.snippet) < 200
    assert hit.snippet[hit.snippet_match[0] : hit.snippet_match[1]] == "needle"


def test_query_syntax_is_never_passed_to_sqlite(indexed: Path) -> None:
    for query in ['"', "AND", "NEAR(", "chelsea OR", "col:chelsea", "*", "-", "^x", "'", ""]:
        search(query)  # no exception
    assert [Path(h.path).name for h in search('"chelsea" AND')] == []  # AND is a word no article holds
    assert match_expression(*query_terms('say "hil')) == '"say" "hil"*'


def test_roots_keep_to_the_open_corpus(indexed: Path, tmp_path: Path) -> None:
    other = write(tmp_path / "other" / "o.txt", "Other", "Chelsea again, elsewhere.")
    for _ in load_corpus([str(other.parent)]):
        pass
    assert len(search("chelsea ")) == 2
    assert [h.path for h in search("chelsea ", roots=[indexed])] == [os.path.abspath(indexed / "sport.txt")]
    assert [h.path for h in search("chelsea ", roots=[str(other)])] == [str(other)]


def test_a_file_changed_since_indexing_gives_no_stale_hit(indexed: Path) -> None:
    sport = indexed / "sport.txt"
    write(sport, "Derby", "Arsenal won.")
    info = sport.stat()
    os.utime(sport, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    assert search("chelsea ") == []
    for _ in load_corpus([str(indexed)]):
        pass
    assert search("chelsea ") == []
    assert [Path(h.path).name for h in search("arsenal ")] == ["sport.txt"]


def test_limit_and_no_cache(indexed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert len(search("the ", limit=2)) == 2
    assert len(search_text("the ", limit=3)) == 3
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(tmp_path / "nothing-here"))
    assert FullTextIndex.open() is None
    assert search_text("chelsea") == []


def test_the_search_falls_back_to_fts_when_memory_is_full(indexed: Path) -> None:
    from byline.search import SearchIndex
    from byline.search.sources import FullTextSource, MemoryTextSource

    entries = [entry for batch in load_corpus([str(indexed)]) for entry in batch.entries]
    index = SearchIndex(with_text=False)
    index.text = MemoryTextSource(index.vocab, budget=0)  # a corpus too big for memory
    index.add(entries, ["x"] * len(entries))
    assert index.text.full and index.search("needle") == []

    fts = FullTextIndex.open()
    assert fts is not None
    index.text = FullTextSource(fts, index.entries, roots=[str(indexed)])
    (hit,) = [h for h in index.search("needle") if h.kind == "text"]
    entry = index.entries[hit.entry]
    assert entry.title == "Long"
    assert body_of(TextHit(os.path.abspath(entry.path), entry.id, 0, 0, "", (0, 0)))[hit.start : hit.end] == "needle"
    assert "needle" in hit.text and hit.text[hit.positions[0] : hit.positions[-1] + 1] == "needle"
    fts.close()


def test_a_word_being_typed_is_a_prefix_from_three_letters() -> None:
    """ "c*" matches most articles (300 ms at 100,000) and finds nothing a reader wants."""
    assert query_terms("c") == (["c"], False)
    assert query_terms("ch") == (["ch"], False)
    assert query_terms("che") == (["che"], True)
    assert query_terms("che ") == (["che"], False)


def test_words_in_most_articles_are_found_unranked(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bm25 scores every match: past RANK_MAX_DOCS articles the first matches are shown instead."""
    import byline.corpus.fulltext

    ranked = {hit.path for hit in search("the")}
    monkeypatch.setattr(byline.corpus.fulltext, "RANK_MAX_DOCS", 1)  # "the" is now too common to rank
    index = FullTextIndex.open()
    assert index is not None
    statements: list[str] = []
    index._conn.set_trace_callback(statements.append)
    try:
        unranked = {hit.path for hit in index.search("the")}
        assert unranked == ranked and len(ranked) == 3  # the same articles, all holding "the"
        assert not any("ORDER BY text_index.rank" in s for s in statements if "MATCH" in s)
        index.search("chelsea")  # in one article: ranked as ever
        assert any("ORDER BY text_index.rank" in s for s in statements if "MATCH" in s)
    finally:
        index.close()


@pytest.mark.parametrize("run", [100_000, 1, 2])
def test_text_hits_in_copies_of_one_article_go_to_each_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: int
) -> None:
    """Hits are mapped to entries by article id (no path worked out per entry: a million of them);
    copies share an id, so their file tells them apart. The entries are mapped `RUN` at a time:
    copies in different runs are found all the same."""
    from byline.search import SearchIndex, sources
    from byline.search.query import parse_query
    from byline.search.sources import FullTextSource

    monkeypatch.setattr(sources, "RUN", run)

    folder = tmp_path / "copies"
    for name in ("a.txt", "b.txt", "c.txt"):
        write(folder / name, "Same", "Chelsea won the cup." if name != "c.txt" else "Arsenal lost.")
    entries = [entry for batch in load_corpus([str(folder)]) for entry in batch.entries]
    fts = FullTextIndex.open()
    assert fts is not None
    index = SearchIndex(with_text=False)
    index.add(entries)
    source = FullTextSource(fts, index.entries, roots=[str(folder)])
    found = source.search(parse_query("chelsea"), limit=10)
    assert sorted(Path(index.entries[hit.entry].path).name for hit in found) == ["a.txt", "b.txt"]
    assert [Path(index.entries[hit.entry].path).name for hit in source.search(parse_query("arsenal"), 10)] == ["c.txt"]
    assert len(source._runs) == -(-3 // run)


def test_entries_added_a_few_at_a_time_join_the_last_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed's refresh adds a few entries at a time: they go into the short last run rather
    than a run each, which every hit would look through."""
    from types import SimpleNamespace

    from byline.search import sources

    monkeypatch.setattr(sources, "RUN", 4)
    entries: list = []
    source = sources.FullTextSource(None, entries)  # type: ignore[arg-type]
    for n in range(10):
        entries.append(SimpleNamespace(id=f"id{n}", path=f"/a/{n}.txt"))
        source.catch_up()
    assert [len(numbers) for _, numbers in source._runs] == [4, 4, 2]
    assert source._entry("/a/9.txt", "id9") == 9 and source._entry("/a/0.txt", "id0") == 0
