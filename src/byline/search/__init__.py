"""Searching a corpus: the query language, the vocabulary, the matching engine,
the search index, where article text is searched, and find-in-article.

    index = SearchIndex(); index.add(entries); fill_text(index)
    index.search("@blair iraq")       # -> [Hit, ...] best first
"""

from __future__ import annotations

from byline.model import Hit, Kind
from byline.search.engine import match_documents
from byline.search.index import SearchIndex, build_index, fill_text, quote_number
from byline.search.query import PREFIX_HELP, PREFIXES, Query, parse_query
from byline.search.sources import TextSource

__all__ = [
    "Hit",
    "Kind",
    "PREFIXES",
    "PREFIX_HELP",
    "Query",
    "SearchIndex",
    "TextSource",
    "build_index",
    "fill_text",
    "match_documents",
    "parse_query",
    "quote_number",
]
