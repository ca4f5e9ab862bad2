"""Loading articles from files and folders.

`load_paths` never raises for bad input: what cannot be read becomes a
`Skipped` with a reason a person understands, and loading goes on.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from byline.load.clean import (
    PARAGRAPH_MAX,
    TITLE_MAX,
    author_name,
    iso_date,
    same_text,
    shorten,
    site_of,
    split_long,
)
from byline.load.decode import decode, looks_binary
from byline.load.files import NotRead, link_reason, not_a_file, os_reason, read_regular
from byline.model import Article, Skipped

LOADER_VERSION = "3"
"""Bump when loading changes what an article of an unchanged file holds (its
title, paragraphs or body), so that caches keyed by file size and time, whose
quote offsets point into the old body, are rebuilt."""


TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
# Files that sit beside articles in a corpus but are not articles.
NOT_ARTICLES = ("readme", "license", "licence", "copying", "changelog", "authors")


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.articles.extend(other.articles)
        self.skipped.extend(other.skipped)


def sample_corpus() -> Path:
    """The sample articles: package data in a wheel, `corpus/` in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "samples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "corpus"


class FileStat(NamedTuple):
    """A candidate article file and what the index cache keys it by."""

    path: str
    size: int
    mtime_ns: int


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Skipped]:
    """Every candidate article file under `paths`, in a stable order.

    Folders are walked recursively; hidden entries are passed over; symlinked
    folders are followed once each, so a link loop ends the walk of that branch.
    A path named explicitly is judged by its format as in a folder, but read
    even when it is a README; devices, pipes and sockets are skipped with what
    they are, never opened.
    """
    for item in _candidates(paths):
        yield item if isinstance(item, Skipped) else Path(item[0])


def iter_file_stats(paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileStat | Skipped]:
    """`iter_files` with each file's size and modification time, as plain strings.

    The index cache compares these with what it stored; a folder's entries are
    stat-ed through `os.scandir`, and no `Path` is built, so that 100,000 files
    are walked in well under a second.
    """
    for item in _candidates(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        name, entry = item
        try:
            info = entry.stat() if entry is not None else os.stat(name)
        except OSError as error:
            yield Skipped(name, os_reason(error))
            continue
        yield FileStat(name, info.st_size, info.st_mtime_ns)


def _candidates(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, os.DirEntry[str] | None] | Skipped]:
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        text = os.fspath(raw)
        if not text:
            yield Skipped("", "empty path")  # Path("") is the current folder: never walk it unasked
            continue
        name = os.path.expanduser(text)
        try:
            info = os.stat(name)
        except OSError as error:
            if os.path.islink(name):
                yield Skipped(name, link_reason(name))
            elif error.errno in (errno.ENOENT, errno.ENOTDIR):
                yield Skipped(name, "no such file or folder")
            else:
                yield Skipped(name, os_reason(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(name, seen_dirs, again=GIVEN_AGAIN)
        elif not stat.S_ISREG(info.st_mode):
            yield Skipped(name, not_a_file(info.st_mode, link=os.path.islink(name)))
        else:
            # A file named on its own is judged by its format as in a folder
            # (a .json or .csv is data, not an article), but a README named on
            # purpose is read.
            reason = _format_reason(os.path.basename(name), named=True)
            yield Skipped(name, reason) if reason else (name, None)


GIVEN_AGAIN = "folder already walked (given twice, or inside a folder given)"
LINK_LOOP = "folder already visited (symbolic link loop)"


def _walk(top: str, seen: set[tuple[int, int]], again: str) -> Iterator[tuple[str, os.DirEntry[str]] | Skipped]:
    """Depth first, in name order, with a stack rather than recursion: a
    folder nested thousands deep is walked, not a RecursionError. `again` says why `top`
    is skipped if it was walked before; a folder met again inside it is a link's doing."""
    listing = yield from _listing(top, seen, again)
    stack = [iter(listing)] if listing is not None else []
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir():
                listing = yield from _listing(entry.path, seen, LINK_LOOP)
                if listing is not None:
                    stack.append(iter(listing))
                continue
            if not entry.is_file():
                if entry.is_symlink():
                    yield Skipped(entry.path, link_reason(entry.path))
                else:
                    yield Skipped(entry.path, not_a_file(entry.stat(follow_symlinks=False).st_mode))
                continue
        except OSError as error:
            yield Skipped(entry.path, os_reason(error))
            continue
        reason = _format_reason(name)
        yield Skipped(entry.path, reason) if reason else (entry.path, entry)


def _listing(
    folder: str, seen: set[tuple[int, int]], again: str
) -> Generator[Skipped, None, list[os.DirEntry[str]] | None]:
    """Yields why `folder` cannot be walked (`again` if it was walked before), or returns its
    entries in name order."""
    try:
        info = os.stat(folder)
    except OSError as error:
        yield Skipped(folder, os_reason(error))
        return None
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Skipped(folder, again)
        return None
    seen.add(key)
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda e: e.name)
    except OSError as error:
        yield Skipped(folder, os_reason(error))
        return None


def _format_reason(name: str, named: bool = False) -> str | None:
    """Why a file of this name is not an article, or None if it may be one."""
    # Path.stem and Path.suffix, without building a Path per file.
    dot = name.rfind(".")
    stem, suffix = (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")
    stem, suffix = stem.lower(), suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        return f"not an article format ({suffix})"
    if not named and stem.startswith(NOT_ARTICLES):
        return "not an article (a README or licence file)"
    return None


# Feeds parsed lately, by file identity: opening the articles of a 100,000-item
# feed one after another must not parse the whole feed each time.
_FEEDS: OrderedDict[tuple[str, tuple[int, int, int, int]], list[Article]] = OrderedDict()
_FEEDS_KEPT = 2
_FEEDS_LOCK = threading.Lock()


def load_file(path: Path) -> LoadResult:
    """Load one file: one article, or several for a feed."""
    result = LoadResult()
    name = str(path)
    feed = _parsed_feed(name)
    if feed is not None:
        result.articles.extend(feed)
        return result
    try:
        data, identity = read_regular(name)
    except NotRead as why:
        result.skipped.append(Skipped(name, str(why)))
        return result
    except OSError as error:
        result.skipped.append(Skipped(name, os_reason(error)))
        return result
    if not data.strip():
        result.skipped.append(Skipped(name, "empty file"))
        return result
    if looks_binary(data[:4096]):
        result.skipped.append(Skipped(name, "binary file, not text"))
        return result
    try:
        result.articles.extend(parse_bytes(data, name, path.suffix.lower()))
    except ValueError as error:
        result.skipped.append(Skipped(name, str(error)))
    except Exception as error:  # a parser library's bug must not end the load
        result.skipped.append(Skipped(name, f"could not be parsed ({type(error).__name__}: {error})"))
    if result.articles and result.articles[0].format == "feed":
        with _FEEDS_LOCK:
            _FEEDS[(name, identity)] = list(result.articles)
            while len(_FEEDS) > _FEEDS_KEPT:
                _FEEDS.popitem(last=False)
    return result


def _parsed_feed(name: str) -> list[Article] | None:
    """The articles of the feed at `name` if it was parsed lately and is unchanged."""
    if not _FEEDS:
        return None  # (no stat for nothing: a folder of plain files never parses a feed)
    try:
        info = os.stat(name)
    except OSError:
        return None
    key = (name, (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns))
    with _FEEDS_LOCK:
        feed = _FEEDS.get(key)
        if feed is not None:
            _FEEDS.move_to_end(key)
        return feed


def parse_bytes(data: bytes, name: str, suffix: str) -> list[Article]:
    """Parse file contents by suffix, or by content when the suffix says nothing."""
    head = data[:512].lstrip().lower()
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and _is_feed(head)):
        from byline.load.feed import parse_feed

        return [finish(article) for article in parse_feed(data, name)]
    text, warnings = decode(data)
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        from byline.load.html import parse_html

        return [finish(parse_html(text, name, warnings))]
    if suffix in MARKDOWN_SUFFIXES:
        from byline.load.markdown import parse_markdown

        return [finish(parse_markdown(text, name, warnings))]
    from byline.load.text import parse_text

    article = parse_text(text, name, warnings)
    if not article.title and not article.paragraphs:
        raise ValueError("no text once control characters were removed")
    return [finish(article)]


def finish(article: Article) -> Article:
    """What every format gets: one date format, an author's name rather than an
    address, a source (the site of its link, if nothing better), no paragraph
    repeating the title, and lengths fit for display.

    The id stays the parser's (it is derived from the whole file's text), so
    bookmarks and read marks made before this existed still find the article.
    """
    title = shorten(article.title, TITLE_MAX)
    subtitle = shorten(article.subtitle, TITLE_MAX)
    author = shorten(author_name(article.author), TITLE_MAX)
    date = iso_date(article.date)
    # A feed with no title is named by its address: its site says the same, shorter.
    source = site_of(article.source) or article.source or site_of(article.url)
    source = shorten(source, TITLE_MAX)
    paragraphs = article.paragraphs
    # (A title too long to show whole is a text's first line, moved to the body on purpose.)
    if len(paragraphs) > 1 and title == article.title and same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    if any(len(p) > PARAGRAPH_MAX for p in paragraphs):
        paragraphs = tuple(piece for p in paragraphs for piece in split_long(p, PARAGRAPH_MAX))
    if (title, subtitle, author, date, source, paragraphs) == (
        article.title,
        article.subtitle,
        article.author,
        article.date,
        article.source,
        article.paragraphs,
    ):
        return article
    return replace(
        article, title=title, subtitle=subtitle, author=author, date=date, source=source, paragraphs=paragraphs
    )


def _is_feed(head: bytes) -> bool:
    return (
        head.startswith(b"<?xml")
        and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
        or head.startswith((b"<rss", b"<feed"))
    )


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> LoadResult:
    result = LoadResult()
    result.articles.extend(iter_articles(paths, result.skipped))
    return result


def iter_articles(paths: Iterable[str | os.PathLike[str]], skipped: list[Skipped]) -> Iterator[Article]:
    """`load_paths`' articles, in its order, each file's as soon as it is read (`byline list
    --no-cache` prints the first while the rest are read); what is skipped goes to `skipped` as met."""
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            loaded = load_file(item)
            skipped.extend(loaded.skipped)
            yield from loaded.articles
