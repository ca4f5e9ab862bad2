"""Byline: read news in the terminal the way an analyst does."""

__version__ = "0.1.0"
