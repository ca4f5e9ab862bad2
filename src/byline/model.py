"""The data model: plain dataclasses that every layer shares.

Data flows one way: files -> `Article` -> `Analysis` -> index -> widgets / CLI.
Nothing here imports Textual or does I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PERSON", "ORG", "PLACE"]
ENTITY_TYPES: tuple[EntityType, ...] = ("PERSON", "ORG", "PLACE")


def article_id(title: str, body: str) -> str:
    """A stable id derived from the content, so it survives moves and renames."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(title.strip().encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(body.strip().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One article, as loaded from a file (or one entry of a feed).

    All offsets that the analysis produces point into `body`, the paragraphs
    joined by blank lines.
    """

    id: str
    path: str
    title: str
    paragraphs: tuple[str, ...]
    subtitle: str = ""
    author: str = ""
    author_bio: str = ""
    format: str = "text"
    date: str = ""
    url: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def display_title(self) -> str:
        return self.title or "(untitled)"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be loaded, and why, in words a user understands."""

    path: str
    reason: str


LOW_CONFIDENCE = 0.8
"""A quote whose `confidence` is below this has an uncertain speaker: the UI shows
it as uncertain, not as fact (the extractor's attribution sets the figure)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks and who said them.

    `start`/`end` delimit `text` (the words without their marks) in `Article.body`.
    `confidence` (0 to 1) says how sure the attribution is, and `evidence` names
    what it rests on (for example ``said-after-quote`` or ``pronoun->Tony Blair``),
    so a reader can be shown an uncertain speaker as uncertain, not as fact.
    """

    text: str
    speaker: str | None
    start: int
    end: int
    kind: Literal["full", "partial"] = "full"
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, once per article under its fullest name."""

    name: str
    type: EntityType
    count: int
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for quote in self.quotes:
            if quote.speaker:
                seen.setdefault(quote.speaker, None)
        return list(seen)
