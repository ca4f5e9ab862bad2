"""An article the cache says is gone, read again before it is declared gone.

The index cache trusts a file's size and modification time; an edit that
kept both (or a clock that did) leaves it describing what the file no
longer holds. Before the reader says "no longer readable", the file is
indexed again (`reindex`) and its fresh entries take the stale ones' places.
"""

from __future__ import annotations

from collections.abc import MutableSequence

from byline.corpus import ArticleGone, Corpus
from byline.corpus.pipeline import reindex
from byline.model import Analysis, Article, Entry


def reread(corpus: Corpus, entry: Entry) -> tuple[dict[str, Entry], Entry, Article, Analysis] | None:
    """(the file's fresh entries by path, the one at `entry`'s path, its article and analysis); None if gone."""
    try:
        fresh = {found.path: found for found in reindex([entry.path])}
    except Exception:  # reading it again failed too: it is gone, for the reason first given
        return None
    same = fresh.get(entry.path)
    if same is None:
        return None
    try:
        article, analysis = corpus.open(same)
    except ArticleGone:
        return None
    return fresh, same, article, analysis


def swap_in(entries: MutableSequence[Entry], fresh: dict[str, Entry]) -> None:
    """Put each fresh entry where the stale one of the same path was (the list keeps its order and length)."""
    for index, entry in enumerate(entries):
        if entry.path in fresh:
            entries[index] = fresh[entry.path]
