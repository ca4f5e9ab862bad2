"""An article edited without changing its file's size or modification time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import byline.corpus.pipeline
from byline.corpus import ArticleGone, load_corpus, read_article
from byline.corpus.pipeline import reindex


def entries(root: Path) -> list:
    return [e for b in load_corpus([str(root)], batch_size=4) for e in b.entries]


def test_an_edit_that_keeps_size_and_mtime_is_read_again_not_gone_for_ever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(byline.corpus.pipeline, "POOL_THRESHOLD", 10**9)
    root = tmp_path / "news"
    root.mkdir()
    (root / "other.txt").write_text("Other title\n\nNothing changes here.\n")
    article = root / "a.txt"
    article.write_text("Rain title\n\nIt rained on Monday.\n")
    (before,) = [e for e in entries(root) if e.path == str(article)]
    stamp = article.stat()
    article.write_text("Rain title\n\nIt rained on Sunday.\n")  # same length
    os.utime(article, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert article.stat().st_size == stamp.st_size

    (stale,) = [e for e in entries(root) if e.path == str(article)]
    assert stale.id == before.id  # the stamp matches: the cache cannot know
    with pytest.raises(ArticleGone):
        read_article(stale.path, stale.id)

    # What the app does before it says an article is gone: check the file's content again.
    (fresh,) = reindex([stale.path])
    assert fresh.id != before.id and fresh.path == str(article)
    assert "Sunday" in read_article(fresh.path, fresh.id).body

    # And the next start has the new article, not the stale one, without --clear.
    again = {e.path: e.id for e in entries(root)}
    assert again[str(article)] == fresh.id and len(again) == 2


def test_reindexing_a_feed_entry_reads_its_whole_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
        "<item><title>One</title><description>First item body.</description></item>"
        "<item><title>Two</title><description>Second item body.</description></item>"
        "</channel></rss>"
    )
    loaded = entries(tmp_path)
    again = reindex([loaded[1].path])
    assert [e.id for e in again] == [e.id for e in loaded]


def test_reindexing_a_file_that_is_gone_gives_nothing(tmp_path: Path) -> None:
    assert reindex([str(tmp_path / "nope.txt")]) == []
