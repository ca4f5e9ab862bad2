"""Finding a speaker or an entity by a typed name, typos forgiven.

Each row is known by its name key and the key's words, so "blair", "tony blair"
and "blare" all find Tony Blair. The best match wins, then the most quoted (or
the most mentioned) on a tie: "blare" is as near "Blake" as "Blair", and the
corpus quotes Blair far more. Short words (under four letters) are taken only
as typed or as a beginning: one wrong letter in three is another word.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from rapidfuzz import fuzz, process

from byline.people.names import name_key


class Row(Protocol):
    @property
    def key(self) -> str: ...


R = TypeVar("R", bound=Row)


def _cutoff(query: str) -> float | None:
    if len(query) < 4:
        return None
    return 80.0 if len(query) < 6 else 75.0


class NameMatcher(Generic[R]):
    """The rows, ready to be matched keystroke after keystroke (rows best first: the tie-break)."""

    def __init__(self, rows: Sequence[R]) -> None:
        self.rows = list(rows)
        self._choices: list[str] = []
        # Flat arrays beside the choices, not lists of int and bool objects: a million articles'
        # entities are hundreds of thousands of choices.
        self._owner = array("i")
        self._surname = bytearray()
        for at, row in enumerate(self.rows):
            words = row.key.split()
            for n, choice in enumerate(dict.fromkeys([row.key, *words])):
                self._choices.append(choice)
                self._owner.append(at)
                self._surname.append(n == 0 or choice == words[-1])

    def scores(self, query: str) -> dict[int, float]:
        """Row number -> how well `query` matches it (0-100), for the rows that match at all."""
        wanted = name_key(query)
        if not wanted:
            return {}
        found: dict[int, float] = {}

        def keep(at: int, score: float) -> None:
            row = self._owner[at]
            # A whole key or a surname over a first name: "brown" means Gordon Brown, not Brown Sugar.
            score += 0.0 if self._surname[at] else -3.0
            if score > found.get(row, 0.0):
                found[row] = score

        for at, choice in enumerate(self._choices):
            if choice.startswith(wanted):
                keep(at, 100.0 if len(choice) == len(wanted) else 90.0)
        cutoff = _cutoff(wanted)
        if cutoff is not None:
            for _, score, at in process.extract(
                wanted, self._choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
            ):
                keep(at, min(score, 89.0))
        return found

    def filter(self, query: str) -> list[R]:
        """The rows that match `query`, best first; all of them for an empty query."""
        if not query.strip():
            return list(self.rows)
        scores = self.scores(query)
        return [self.rows[at] for at in sorted(scores, key=lambda at: (-round(scores[at]), at))]

    def resolve(self, query: str) -> R | None:
        """The one row `query` most likely means, or None."""
        found = self.filter(query) if query.strip() else []
        return found[0] if found else None
