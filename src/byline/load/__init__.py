"""Loading articles from files and folders.

`load_paths` never raises for bad input: what cannot be read becomes a
`Skipped` with a reason a person understands, and loading goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from byline.load.decode import decode, looks_binary
from byline.model import Article, Skipped

MAX_BYTES = 32 * 1024 * 1024
"""Files larger than this are skipped: no news article is 32 MiB of text."""

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
    Paths named explicitly are always tried, whatever their suffix.
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
            yield Skipped(name, _os_reason(error))
            continue
        yield FileStat(name, info.st_size, info.st_mtime_ns)


def _candidates(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, os.DirEntry[str] | None] | Skipped]:
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        try:
            if path.is_dir():
                yield from _walk(str(path), seen_dirs)
            elif path.exists():
                yield str(path), None
            elif path.is_symlink():
                yield Skipped(str(path), "broken symbolic link")
            else:
                yield Skipped(str(path), "no such file or folder")
        except OSError as error:
            yield Skipped(str(path), _os_reason(error))


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[tuple[str, os.DirEntry[str]] | Skipped]:
    try:
        info = os.stat(folder)
    except OSError as error:
        yield Skipped(folder, _os_reason(error))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Skipped(folder, "folder already visited (symbolic link loop)")
        return
    seen.add(key)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        yield Skipped(folder, _os_reason(error))
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from _walk(entry.path, seen)
                continue
            if not entry.is_file():
                if entry.is_symlink():
                    yield Skipped(entry.path, "broken symbolic link")
                continue
        except OSError as error:
            yield Skipped(entry.path, _os_reason(error))
            continue
        # Path.stem and Path.suffix, without building a Path per file.
        dot = name.rfind(".")
        stem, suffix = (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")
        stem, suffix = stem.lower(), suffix.lower()
        if suffix not in ARTICLE_SUFFIXES:
            yield Skipped(entry.path, f"not an article format ({suffix})")
        elif stem.startswith(NOT_ARTICLES):
            yield Skipped(entry.path, "not an article (a README or licence file)")
        else:
            yield entry.path, entry


def load_file(path: Path) -> LoadResult:
    """Load one file: one article, or several for a feed."""
    result = LoadResult()
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            result.skipped.append(
                Skipped(name, f"too large ({size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB)")
            )
            return result
        data = path.read_bytes()
    except OSError as error:
        result.skipped.append(Skipped(name, _os_reason(error)))
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
    return result


def parse_bytes(data: bytes, name: str, suffix: str) -> list[Article]:
    """Parse file contents by suffix, or by content when the suffix says nothing."""
    head = data[:512].lstrip().lower()
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and _is_feed(head)):
        from byline.load.feed import parse_feed

        return parse_feed(data, name)
    text, warnings = decode(data)
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        from byline.load.html import parse_html

        return [parse_html(text, name, warnings)]
    if suffix in MARKDOWN_SUFFIXES:
        from byline.load.markdown import parse_markdown

        return [parse_markdown(text, name, warnings)]
    from byline.load.text import parse_text

    article = parse_text(text, name, warnings)
    if not article.title and not article.paragraphs:
        raise ValueError("no text once control characters were removed")
    return [article]


def _is_feed(head: bytes) -> bool:
    return (
        head.startswith(b"<?xml")
        and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
        or head.startswith((b"<rss", b"<feed"))
    )


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> LoadResult:
    result = LoadResult()
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            result.skipped.append(item)
        else:
            result.extend(load_file(item))
    return result


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == 40:  # ELOOP
        return "symbolic link loop"
    return error.strerror or type(error).__name__
