"""Tests of byline.store."""
