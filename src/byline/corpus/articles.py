"""The corpus: what is open, as light entries, with article bodies read on demand.

An `Entry` (in `byline.model`) holds what the list, the search and the sidebar
need of an article (title, author, quotes, entities) but not its body, so a
corpus of 100,000 articles stays small. Every read of a body goes through this
module: `Corpus.open(entry)` gives the article and its analysis back for the
reader (the analysis from what loading kept: the extractor never runs again),
`read_article` for one entry, `read_bodies` for many, a file read once.
Each notices if the file has changed or gone.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from byline.model import Analysis, Article, ArticleGone, Entry

if TYPE_CHECKING:
    from byline.load import LoadResult


@dataclass
class Corpus:
    entries: list[Entry] = field(default_factory=list)
    keep_bodies: int = 256
    """How many recently shown articles stay in memory."""
    _recent: OrderedDict[str, Article] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    """Articles are opened on worker threads: one at a time touches `_recent`."""

    def add(self, article: Article, analysis: Analysis) -> Entry:
        entry = Entry.of(article, analysis)
        self.entries.append(entry)
        self._remember(entry, article)
        return entry

    def __len__(self) -> int:
        return len(self.entries)

    def article(self, entry: Entry) -> Article:
        """The full article behind `entry`, re-read from its file if need be.

        Raises `ArticleGone` when the file is gone or no longer holds it.
        """
        key = f"{entry.path}\0{entry.id}"
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
            article = read_article(entry.path, entry.id)
            self._remember(entry, article)
            return article

    def open(self, entry: Entry) -> tuple[Article, Analysis]:
        """The article behind `entry` and its analysis, for the reader.

        The analysis is the one loading made (the entry's quotes, so that quote N
        in the sidebar is quote N in the reader, and the entities with their
        mention offsets): opening an article never runs the extractor.
        Raises `ArticleGone` as `article` does.
        """
        return self.article(entry), entry.analysis()

    def _remember(self, entry: Entry, article: Article) -> None:
        self._recent[f"{entry.path}\0{entry.id}"] = article
        while len(self._recent) > self.keep_bodies:
            self._recent.popitem(last=False)


def read_file(file_path: str) -> LoadResult:
    """Every article of one file (a feed holds many), read again: every read of a body comes here."""
    from byline.load import load_file

    return load_file(Path(file_path))


def read_article(path: str, article_id: str) -> Article:
    """The article at `path` (`file#n` in a feed) with id `article_id`. Raises `ArticleGone`."""
    file_path, _, _ = path.partition("#")
    if not Path(file_path).exists():
        raise ArticleGone(f"{file_path} is no longer there")
    result = read_file(file_path)
    for article in result.articles:
        if article.path == path and article.id == article_id:
            return article
    reason = result.skipped[0].reason if result.skipped else "it has changed since it was loaded"
    raise ArticleGone(f"{file_path}: {reason}")


def read_bodies(
    entries: Iterable[Entry], cancelled: Callable[[], bool] = lambda: False
) -> Iterator[tuple[Entry, str | None]]:
    """Each entry with its body (None when its file is gone or changed), each file read once.

    Entries of one file (a feed's) are expected together, as loading gives them.
    `cancelled` is asked before each file.
    """
    loaded_path, bodies = "", {}
    for entry in entries:
        file_path = entry.path.partition("#")[0]
        if file_path != loaded_path:
            if cancelled():
                return
            loaded_path = file_path
            bodies = {(a.path, a.id): a.body for a in read_file(file_path).articles}
        yield entry, bodies.get((entry.path, entry.id))
