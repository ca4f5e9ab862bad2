"""Full-text search over article bodies, through the FTS5 index in the cache.

For a large corpus fuzzy matching over every body is too slow; the corpus cache
already holds an FTS5 index of each article's body (built as files are loaded,
see `byline.corpus.cache`), and this module queries it.

    index = FullTextIndex.open()          # None when there is no usable cache
    for hit in index.search("blair election", limit=20, roots=["/home/me/news"]):
        hit.path, hit.entry_id            # which article (see `TextHit`)
        hit.start, hit.end                # the match in `Article.body`
        hit.snippet, hit.snippet_match    # one line of context, and the match in it

A query is words, all of which must occur (any case, any accents); the last
word also matches as a prefix, so results come while a word is being typed.
No FTS5 syntax reaches SQLite: quotes, stars and `AND`/`NEAR` are just words.

The index is contentless (the text is not stored twice), so a hit is read back
from its file to find the passage; a file changed since it was indexed gives
no hit until it is indexed again.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from byline.corpus.articles import read_file
from byline.corpus.cache import SCHEMA_VERSION, EntryDecoder, cache_path, under
from byline.corpus.extractor import extractor_version
from byline.model import Article

# The words of a query, as FTS5's unicode61 tokenizer splits them: letters and digits.
_WORD = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 160


@dataclass(frozen=True, slots=True)
class TextHit:
    """One article whose body holds every word of the query.

    `path` is the file's absolute path (with `#n` for the n-th entry of a feed),
    which is `os.path.abspath(entry.path)` of the matching `Entry`; `entry_id` is
    `Entry.id`. `body[start:end]` is the first matched word of the best passage
    (the paragraph holding most of the query's words).
    """

    path: str
    entry_id: str
    start: int
    end: int
    snippet: str
    snippet_match: tuple[int, int]


def fts_term(word: str) -> str:
    """Case and accents away, as the index's tokenizer does (remove_diacritics 2)."""
    if word.isascii():  # most words: nothing to decompose (a tenth of the time)
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


MIN_PREFIX = 3
"""A word still being typed is searched as a prefix from this many letters: "c*" matches most
articles (300 ms of FTS5 at 100,000) and finds nothing a reader wants."""
RANK_MAX_DOCS = 20_000
"""A query whose every whole word is in more articles than this is not ranked by FTS5's bm25,
which scores every match ("the": 83 ms at 100,000, against 0.2 ms for the first matches)."""


def query_terms(query: str) -> tuple[list[str], bool]:
    """The folded words of `query`, and whether the last is a prefix (still being typed)."""
    words = [w for w in (fts_term(w) for w in _WORD.findall(query)) if w]
    typing = bool(words) and not query[-1:].isspace()
    return words, typing and len(words[-1]) >= MIN_PREFIX


def match_expression(terms: list[str], prefix: bool) -> str:
    """An FTS5 MATCH expression: each word quoted (so it is never syntax), all required."""
    parts = ['"' + term.replace('"', '""') + '"' for term in terms]
    if prefix:
        parts[-1] += "*"
    return " ".join(parts)


class FullTextIndex:
    """Read-only access to the cache's full-text index; safe to share between threads."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._vocab = False
        """Whether the temporary `fts5vocab` table over the index is made (see `_all_common`)."""

    @classmethod
    def open(cls, path: Path | None = None) -> FullTextIndex | None:
        """The index in the cache, or None when there is no usable cache."""
        path = path or cache_path()
        if not path.exists():
            return None
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=5)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            return None
        if meta.get("schema") != SCHEMA_VERSION or meta.get("extractor") != extractor_version():
            conn.close()
            return None
        return cls(conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _all_common(self, whole: list[str]) -> bool:
        """Whether each of these whole words is in more than RANK_MAX_DOCS articles (under the lock)."""
        if not whole:
            return False
        try:
            if not self._vocab:
                self._conn.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_vocab USING fts5vocab(main, 'text_index', 'row')"
                )
                self._vocab = True
            for term in whole:
                row = self._conn.execute("SELECT doc FROM temp.text_vocab WHERE term = ?", (term,)).fetchone()
                if row is None or row[0] <= RANK_MAX_DOCS:
                    return False
        except sqlite3.Error:  # no fts5vocab here: rank as ever
            return False
        return True

    def search(self, query: str, limit: int = 20, *, roots: Iterable[str] | None = None) -> list[TextHit]:
        """The best `limit` articles holding every word of `query`, best first.

        `roots` (files or folders) keeps to the articles under them: the cache
        is shared by every corpus ever opened.
        """
        terms, prefix = query_terms(query)
        if not terms or limit <= 0:
            return []
        where, params = _roots_filter(roots)
        try:
            with self._lock:
                # A word being typed is in at least as many articles as the whole word it is so far.
                order = "" if self._all_common(terms) else "ORDER BY text_index.rank"
                sql = (
                    "SELECT t.entry, f.path, f.size, f.mtime_ns, f.data FROM text_index "
                    "JOIN texts AS t ON t.id = text_index.rowid JOIN files AS f ON f.id = t.file_id "
                    f"WHERE text_index MATCH ? {where} {order} LIMIT ?"
                )
                # Some hits may be of files changed since: ask for a few more.
                rows = self._conn.execute(sql, (match_expression(terms, prefix), *params, limit * 2 + 8)).fetchall()
        except sqlite3.Error:
            return []
        hits: list[TextHit] = []
        loaded: dict[str, list[Article]] = {}
        for entry, key, size, mtime_ns, data in rows:
            hit = _hit(entry, os.fsdecode(key), size, mtime_ns, data, terms, prefix, loaded)
            if hit is not None:
                hits.append(hit)
                if len(hits) == limit:
                    break
        return hits


def search_text(query: str, limit: int = 20, roots: Iterable[str] | None = None) -> list[TextHit]:
    """`FullTextIndex.search` on the user's cache; [] when there is none."""
    index = FullTextIndex.open()
    if index is None:
        return []
    try:
        return index.search(query, limit, roots=roots)
    finally:
        index.close()


def _roots_filter(roots: Iterable[str] | None) -> tuple[str, list[bytes]]:
    if roots is None:
        return "", []
    clauses, params = [], []
    for root in roots:
        absolute = os.path.abspath(os.path.expanduser(os.fspath(root)))
        clauses.append("(f.path = ? OR (f.path >= ? AND f.path < ?))")
        params += [os.fsencode(absolute), *under(absolute)]
    return ("AND (" + " OR ".join(clauses) + ")" if clauses else "AND 0"), params


def _hit(
    entry: int,
    key: str,
    size: int,
    mtime_ns: int,
    data: bytes,
    terms: list[str],
    prefix: bool,
    loaded: dict[str, list[Article]],
) -> TextHit | None:
    try:
        info = os.stat(key)
        if (info.st_size, info.st_mtime_ns) != (size, mtime_ns):
            return None  # changed since indexed: its offsets would be wrong
        suffix, entry_id = EntryDecoder.identity(data, entry)
    except (OSError, ValueError, TypeError, EOFError, IndexError):
        return None
    if key not in loaded:
        loaded[key] = read_file(key).articles
    article = next((a for a in loaded[key] if a.id == entry_id and a.path == key + suffix), None)
    if article is None:
        return None
    found = locate(article, terms, prefix)
    if found is None:
        return None
    start, end, snippet, snippet_match = found
    return TextHit(key + suffix, entry_id, start, end, snippet, snippet_match)


def locate(article: Article, terms: list[str], prefix: bool) -> tuple[int, int, str, tuple[int, int]] | None:
    """The best passage for `terms`: the paragraph holding most of them, its first match."""
    wanted = set(terms[:-1] if prefix else terms)
    stem = terms[-1] if prefix else None
    best: tuple[int, int, int, int, str] | None = None  # (score, -index, start, end, paragraph)
    needles = [*wanted, stem] if stem is not None else list(wanted)
    offset = 0
    for paragraph in article.paragraphs:
        # Most paragraphs hold none of the words: one pass in C rules them out before a word-by-word one.
        folded = fts_term(paragraph)
        if not any(needle in folded for needle in needles):
            offset += len(paragraph) + 2
            continue
        seen: set[str] = set()
        first: tuple[int, int] | None = None
        for match in _WORD.finditer(paragraph):
            word = fts_term(match.group())
            if word in wanted:
                seen.add(word)
            elif stem is not None and word.startswith(stem):
                seen.add(stem)
            else:
                continue
            if first is None:
                first = match.span()
        if first is not None and (best is None or len(seen) > best[0]):
            best = (len(seen), offset, first[0], first[1], paragraph)
        offset += len(paragraph) + 2  # Article.body joins paragraphs with a blank line
    if best is None:
        return None
    _, at, start, end, paragraph = best
    left, right = _window(paragraph, start, end)
    head = "…" if left else ""
    tail = "…" if right < len(paragraph) else ""
    shift = len(head) - left
    return at + start, at + end, head + paragraph[left:right] + tail, (start + shift, end + shift)


def _window(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """About SNIPPET_CHARS of the paragraph around [start, end), cut at spaces."""
    if len(paragraph) <= SNIPPET_CHARS:
        return 0, len(paragraph)
    left = max(0, start - SNIPPET_CHARS // 3)
    if left:
        space = paragraph.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(paragraph), max(end, left + SNIPPET_CHARS))
    if right < len(paragraph):
        space = paragraph.rfind(" ", end, right)
        right = space if space != -1 else right
    return left, right
