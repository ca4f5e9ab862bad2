"""The matching engine: typed words against posting lists, scored.

Shared by the search index (titles, quotes, names) and the in-memory text
source (passages of article text), so both score on one scale.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter

COMMON = 10_000
"""A word in more documents than this does not narrow a search; it is left to the re-ranking."""
TEXT_WEIGHT = 0.9
"""A passage of text ranks a little below a title, quote or name that matches as well."""


def match_documents(
    expansions: Sequence[Mapping[int, float]],
    postings: Mapping[int, Sequence[int]],
    keep: int,
    accept: Callable[[int], bool] | None = None,
) -> list[tuple[float, int]]:
    """The `keep` best documents for a query's words, as (score 0-100, document).

    `expansions` holds, for each typed word, the known word ids it may mean
    with their scores; `postings` maps a word id to the documents holding it.
    A document scores the sum of its best match for each typed word, over the
    number of typed words: missing a word costs, but does not exclude (so a
    word that matches nothing does not empty the results).
    `accept`, if given, says which documents may be returned.
    """
    plans = []
    for expansion in expansions:
        lists = sorted(
            ((score, postings[word]) for word, score in expansion.items() if word in postings),
            key=lambda pair: pair[0],
        )
        plans.append((sum(len(docs) for _, docs in lists), lists))
    plans.sort(key=lambda plan: plan[0])
    scores: dict[int, float] = {}
    for total, lists in plans:
        common = bool(scores) and total > COMMON
        # "the", "said": in too many documents to gather, so they only add to
        # the candidates the rarer words found (a bounded look-up each).
        best = _best_per_document(lists, 3 * COMMON if common else COMMON, scores if common else None)
        if not scores:
            scores = best
            continue
        get = scores.get
        for doc, score in best.items():
            scores[doc] = get(doc, 0.0) + score
    if not scores:
        return []
    scale = 1.0 / len(plans)
    items = scores.items() if accept is None else ((doc, score) for doc, score in scores.items() if accept(doc))
    return [(score * scale, doc) for doc, score in heapq.nlargest(keep, items, key=itemgetter(1))]


def _best_per_document(
    lists: list[tuple[float, Sequence[int]]], room: int, among: Mapping[int, float] | None
) -> dict[int, float]:
    """Each document's best score over `lists` (sorted worst first), reading at
    most `room` postings, the best lists first; only documents in `among` if given."""
    taken: list[tuple[float, Sequence[int]]] = []
    for score, docs in reversed(lists):
        taken.append((score, docs[:room]))
        room -= len(docs)
        if room <= 0:
            break
    best: dict[int, float] = {}
    # Worst first, so a better match overwrites a worse one.
    for score, docs in reversed(taken):
        if among is None:
            best.update(dict.fromkeys(docs, score))  # in C: the common case stays fast
        else:
            best.update((doc, score) for doc in docs if doc in among)
    return best
