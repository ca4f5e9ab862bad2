"""A stand-in extractor for UI tests: finds “curly-quoted” text and a fixed set of names.

The UI tests check what the app does with quotes and entities, not how well
they are found, so they must not depend on the real extractor's output.
"""

from __future__ import annotations

import re

from byline.model import Analysis, Article, Entity, Quote

NAMES = {
    "Benjamin Netanyahu": "PERSON",
    "Netanyahu": "PERSON",
    "Antony Blinken": "PERSON",
    "Blinken": "PERSON",
    "Hamas": "ORG",
    "State Department": "ORG",
    "Israel": "PLACE",
    "Qatar": "PLACE",
    "Rafah": "PLACE",
    "Gaza": "PLACE",
}
CANONICAL = {"Netanyahu": "Benjamin Netanyahu", "Blinken": "Antony Blinken"}
_QUOTE = re.compile(r"“([^”]+)”")
# "“...,” he added": the last speaker, but only a guess (a low-confidence quote).
_PRONOUN_SPEAKER = re.compile(r"^,?\s*(?:he|she) added")
UNCERTAIN = 0.4
_SPEAKER = re.compile(r"^,?\s*(?:the |an? )?((?:[A-Z][\w’']+ ?){1,3}|Israeli official) (?:said|told)")


def fake_analyse(article: Article) -> Analysis:
    body = article.body
    quotes = []
    for match in _QUOTE.finditer(body):
        after = body[match.end() : match.end() + 60]
        said = _SPEAKER.match(after)
        speaker = said.group(1).strip() if said else None
        if speaker:
            speaker = CANONICAL.get(speaker, speaker)
        elif _PRONOUN_SPEAKER.match(after) and quotes and quotes[-1].speaker:
            last = quotes[-1].speaker
            quotes.append(
                Quote(match.group(1), last, match.start(1), match.end(1), "full", UNCERTAIN, (f"pronoun->{last}",))
            )
            continue
        quotes.append(Quote(match.group(1), speaker, match.start(1), match.end(1), "full"))
    found: dict[str, list[tuple[int, int]]] = {}
    for name in sorted(NAMES, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name)}\b", body):
            spans = [span for spans in found.values() for span in spans]
            if any(s <= match.start() < e for s, e in spans):
                continue
            found.setdefault(CANONICAL.get(name, name), []).append(match.span())
    entities = tuple(
        Entity(name, NAMES[name], len(spans), tuple(sorted(spans)))
        for name, spans in sorted(found.items())  # type: ignore[arg-type]
    )
    return Analysis(tuple(quotes), entities)
