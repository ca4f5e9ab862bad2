"""The extractor over real articles: the dev set's bar, and the whole BBC set."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from byline.cli.extract_cmd import as_json
from byline.extract import analyse
from byline.load import load_paths
from tests.helpers import BBC, REPO, SHARED, needs_bbc

DEV = SHARED / "eval" / "dev"
SCORER = SHARED / "eval" / "score.py"


def load_scorer():
    """../shared/eval/score.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("byline_eval_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    return scorer


@pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()), reason="../shared/eval is not beside the repo")
def test_dev_set_meets_the_bar() -> None:
    scorer = load_scorer()
    paths = []
    for gold_file in sorted(DEV.glob("*.json")):
        source = json.loads(gold_file.read_text(encoding="utf-8"))["source"]
        paths.append(SHARED / "corpora" / source if source.startswith("bbc/") else REPO / "corpus" / source)
    assert_floors(scorer, DEV, paths, quotes=0.97, quote_and_speaker=0.90, entities=0.90, entities_typed=0.88)


def assert_floors(scorer, gold: Path, paths: list[Path], **floors: float) -> None:
    """Every labelled article found and analysed, and each F1 at or above its floor."""
    result = load_paths(paths)
    assert not result.skipped
    report = scorer.score(gold, [as_json(a, analyse(a)) for a in result.articles], False)
    assert report["articles_missing"] == 0
    for measure, floor in floors.items():
        assert report[measure]["f1"] >= floor, (measure, report[measure]["f1"])


HELD_OUT = [
    REPO / "tests" / "extract" / "data" / name
    for name in ("heldout", "heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6")
]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside the repo")
@needs_bbc()
def test_held_out_articles_stay_above_their_floor(tmp_path: Path) -> None:
    # The 124 blind-labelled articles no rule was written against, scored together. Floors a few
    # points under today's figures (0.975 / 0.868 / 0.895 / 0.862 on 2026-12-03): a drop this large
    # means a change that holds on the dev set and not on articles it has never seen.
    scorer = load_scorer()
    gold, paths = tmp_path / "gold", []
    gold.mkdir()
    for folder in HELD_OUT:
        for gold_file in sorted(folder.glob("*.json")):
            (gold / f"{folder.name}-{gold_file.name}").write_bytes(gold_file.read_bytes())
            paths.append(SHARED / "corpora" / json.loads(gold_file.read_text(encoding="utf-8"))["source"])
    assert_floors(scorer, gold, paths, quotes=0.95, quote_and_speaker=0.82, entities=0.87, entities_typed=0.83)


@needs_bbc()
def test_every_bbc_article_analyses() -> None:
    result = load_paths([BBC])
    assert len(result.articles) > 2000
    quotes = 0
    for article in result.articles:
        analysis = analyse(article)
        body = article.body
        for quote in analysis.quotes:
            assert body[quote.start : quote.end] == quote.text, article.path
        for entity in analysis.entities:
            for start, end in entity.mentions:
                assert body[start:end], article.path
        quotes += len(analysis.quotes)
    assert quotes > 5000  # the BBC set is full of quotes: finding few means a regression


def test_the_sample_corpus_has_quotes_and_entities() -> None:
    for article in load_paths([REPO / "corpus"]).articles:
        analysis = analyse(article)
        assert analysis.quotes and analysis.entities, article.path
