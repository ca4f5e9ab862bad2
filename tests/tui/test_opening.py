"""Opening an article reads its body back, and never runs the extractor again:
the mention offsets the reader highlights were kept by loading (and by the cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

import byline.extract
from byline.tui.app import BylineApp
from tests.helpers.tui import settle


def counting_extractor(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = byline.extract.analyse

    def counting(article):
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(byline.extract, "analyse", counting)
    return calls


async def open_every_article_and_highlight(app: BylineApp, pilot) -> set[str]:
    """Step through every article with entities on; the names highlighted in the last one's paragraphs."""
    from byline.tui.widgets.reader import Paragraph

    await pilot.press("e")
    for _ in range(len(app.corpus.entries) - 1):
        await pilot.press("right_square_bracket")
        await settle(pilot)
    assert app.reader.article is not None and app.reader.article.title == "Article number 4"
    first = app.reader.query(Paragraph).first()
    return {str(first.content)[s.start : s.end] for s in first.content.spans}


async def test_opening_an_article_never_runs_the_extractor(
    open_app, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting_extractor(monkeypatch)
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        assert sorted(calls) == sorted(e.id for e in app.corpus.entries)  # loading: once per article
        highlighted = await open_every_article_and_highlight(app, pilot)
        assert len(calls) == len(app.corpus.entries)  # opening five articles: not once more
        assert {"Hamas", "Qatar"} <= highlighted  # the mention offsets came from loading


async def test_from_the_cache_an_article_opens_with_its_mentions_and_no_extractor(
    open_app, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with BylineApp([str(small_corpus)]).run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # fills the cache
    calls = counting_extractor(monkeypatch)
    async with open_app(small_corpus, size=(120, 40)) as (app, pilot):
        highlighted = await open_every_article_and_highlight(app, pilot)
        assert calls == []
        assert {"Hamas", "Qatar"} <= highlighted
