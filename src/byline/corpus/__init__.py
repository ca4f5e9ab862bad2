"""Opening a corpus: loading, the worker pool, the corpus cache, full-text search over it,
and reading an entry's body and analysis back.

    for batch in load_corpus(paths):     # in batches, from the cache or worker processes
        corpus.entries.extend(batch.entries)
    article, analysis = corpus.open(entry)   # the body from its file; the analysis loading made

Data (`Entry`, `Batch`, `ArticleGone`) lives in `byline.model`.
"""

from __future__ import annotations

from byline.corpus.articles import Corpus, read_article, read_bodies
from byline.corpus.pipeline import load_corpus
from byline.model import ArticleGone, Batch, Entry

__all__ = ["ArticleGone", "Batch", "Corpus", "Entry", "load_corpus", "read_article", "read_bodies"]
