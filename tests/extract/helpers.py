"""Small helpers for the extractor's tests."""

from __future__ import annotations

from byline.extract import analyse
from byline.model import Analysis, Article


def article(*paragraphs: str, title: str = "", author: str = "", bio: str = "") -> Article:
    return Article(id="t", path="t.txt", title=title, paragraphs=tuple(paragraphs), author=author, author_bio=bio)


def run(*paragraphs: str, **kwargs: str) -> Analysis:
    return analyse(article(*paragraphs, **kwargs))


def quotes(*paragraphs: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in run(*paragraphs).quotes]


def entity_names(*paragraphs: str, **kwargs: str) -> dict[str, str]:
    return {e.name: e.type for e in run(*paragraphs, **kwargs).entities}
