"""The query language: what a typed search means.

A query is words, matched fuzzily; a prefix keeps it to one kind of string:
`@` speakers and people, `#` entities, `"` quotes, `t:` titles. Without a
prefix, article text is searched too.
"""

from __future__ import annotations

from dataclasses import dataclass

from byline.model import Kind
from byline.search.vocabulary import word_list

# Kinds of document in the index. People are entities too, kept apart so that
# `@` can find them beside the speakers.
TITLE, QUOTE, SPEAKER, PERSON, ENTITY = range(5)
KIND_NAME: tuple[Kind, ...] = ("title", "quote", "speaker", "entity", "entity")
ALL_FIELDS = frozenset(range(5))

PREFIXES: tuple[tuple[str, frozenset[int], str], ...] = (
    ("@", frozenset({SPEAKER, PERSON}), "speakers and people"),
    ("#", frozenset({PERSON, ENTITY}), "entities"),
    ('"', frozenset({QUOTE}), "quotes"),
    ("\u201c", frozenset({QUOTE}), "quotes"),
    ("t:", frozenset({TITLE}), "titles"),
)
PREFIX_HELP = '@ speakers and people   # entities   " quotes   t: titles'

MAX_QUERY, MAX_WORDS = 200, 8
"""A pasted page is not a query: words past these limits are ignored, so a search stays fast."""


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    """What is matched, without its prefix."""
    tokens: tuple[str, ...]
    fields: frozenset[int]
    with_text: bool


def parse_query(raw: str) -> Query:
    """Split off a kind prefix (`@`, `#`, `"`, `t:`) and the words to match."""
    text = raw.strip()
    fields, with_text = ALL_FIELDS, True
    for prefix, kinds, _ in PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix) :].strip().rstrip('"\u201d').strip()
            fields, with_text = kinds, False
            break
    tokens = tuple(dict.fromkeys(word_list(text[:MAX_QUERY])))[:MAX_WORDS]
    return Query(text, tokens, fields, with_text)
