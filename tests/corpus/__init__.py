"""Tests of byline.corpus: loading, the cache, full-text search."""
