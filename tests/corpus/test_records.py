"""A file's record is the entries `Entry.of` makes, stored as `entry_row` stores them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from byline.corpus.extractor import analyse_all
from byline.corpus.records import details, entry_row, row_of
from byline.load import load_file
from byline.model import Entry
from tests.helpers import SAMPLES


def test_a_row_made_from_the_analysis_is_the_row_of_its_entry(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<rss><channel><title>News</title><item><title>Rain &amp; wind</title><author>a@b.c (Ann Smith)</author>"
        "<description>&lt;p&gt;\u201cIt will rain,\u201d said Ann Smith of the Met Office.&lt;/p&gt;</description>"
        "</item><item><description>No title here.</description></item></channel></rss>",
        encoding="utf-8",
    )
    files = [*sorted(SAMPLES.glob("*.txt")), feed]
    pairs = [pair for path in files for pair in analyse_all(load_file(path).articles)]
    assert len(pairs) == len(files) + 1 and any(analysis.quotes for _, analysis in pairs)
    for article, analysis in pairs:
        entry = replace(Entry.of(article, analysis), details=details(article))
        assert row_of("#1", article, analysis) == entry_row("#1", entry)
