"""Quotes, speakers and named entities, by rules and lexicons: no model download.

INTERIM: returns an empty analysis until the extractor lands (issue 3).
"""

from __future__ import annotations

from byline.model import Analysis, Article

EXTRACTOR_VERSION = "0"
"""Bumped whenever extraction output changes, so cached analyses are redone."""


def analyse(article: Article) -> Analysis:
    return Analysis()
