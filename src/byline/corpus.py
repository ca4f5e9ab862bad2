"""The corpus: what is open, as light entries, with article bodies read on demand.

An `Entry` holds what the list, the search and the sidebar need of an article
(title, author, quotes, entities) but not its body, so a corpus of 100,000
articles stays small. `Corpus.article(entry)` reads the body back from the file
when the reader shows it, and notices if the file has changed or gone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from byline.model import Analysis, Article, Entity, Quote, Skipped


@dataclass(slots=True)
class Entry:
    id: str
    path: str
    title: str
    author: str
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    """Entities with counts; mention offsets are dropped to keep memory low."""
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, article: Article, analysis: Analysis) -> Entry:
        return cls(
            id=article.id,
            path=article.path,
            title=article.display_title,
            author=article.author,
            quotes=analysis.quotes,
            entities=tuple(Entity(e.name, e.type, e.count) for e in analysis.entities),
            warnings=article.warnings,
        )

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(q.speaker for q in self.quotes if q.speaker))

    def mentions(self, name: str) -> bool:
        return any(e.name == name for e in self.entities)


class ArticleGone(Exception):
    """The file behind an entry was moved, deleted or changed since it was loaded."""


@dataclass
class Corpus:
    entries: list[Entry] = field(default_factory=list)
    keep_bodies: int = 256
    """How many recently shown articles stay in memory."""
    _recent: OrderedDict[str, Article] = field(default_factory=OrderedDict, repr=False)

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
        if key in self._recent:
            self._recent.move_to_end(key)
            return self._recent[key]
        from byline.load import load_file

        file_path, _, _ = entry.path.partition("#")
        if not Path(file_path).exists():
            raise ArticleGone(f"{file_path} is no longer there")
        result = load_file(Path(file_path))
        for article in result.articles:
            if article.path == entry.path and article.id == entry.id:
                self._remember(entry, article)
                return article
        reason = result.skipped[0].reason if result.skipped else "it has changed since it was loaded"
        raise ArticleGone(f"{file_path}: {reason}")

    def _remember(self, entry: Entry, article: Article) -> None:
        self._recent[f"{entry.path}\0{entry.id}"] = article
        while len(self._recent) > self.keep_bodies:
            self._recent.popitem(last=False)


@dataclass(slots=True)
class Batch:
    """A step of loading: the entries and skipped files found since the last one."""

    entries: list[Entry]
    skipped: list[Skipped]
    done: int
    """Files handled so far."""
    total: int | None
    """Files to handle in all, once the walk is over (None while it is not)."""
    cached: int = 0
    """Of the files handled in this batch, how many came from the index cache."""
    notes: tuple[str, ...] = ()
    """Things the user should hear about once (e.g. the cache is unusable)."""


def load_corpus(paths: list[str], batch_size: int = 256, *, use_cache: bool = True) -> Iterator[Batch]:
    """Load and analyse everything under `paths`, in batches, for a progress bar.

    Runs on a worker thread in the app. With the index cache (the default),
    files unchanged since the last opening come from the cache, in walk order,
    before the walk is over; new and changed files follow, loaded and analysed
    in worker processes. Entries therefore arrive in walk order on a cold
    start, but re-read files come after the cached ones on a warm start.
    The last batch has `done == total`. Closing the generator early stops the
    work.
    """
    from byline.indexing import index_corpus

    return index_corpus(paths, batch_size, use_cache=use_cache)
