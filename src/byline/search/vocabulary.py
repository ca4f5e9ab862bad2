"""Words for matching: case and accent folding, tokenising, and a vocabulary
that expands a typed word into the known words it may mean.

Folding keeps one character for one character, so a position found in folded
text is the same position in the original, and highlights land where the
letters are.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Prefix

WORD = re.compile(r"[^\W_]+")

MAX_EXPANSIONS = 48
"""Known words a typed word may stand for, at most: `a` alone must not pull in
every word of the corpus."""


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold(text: str) -> str:
    """Lower case without accents, the same length as `text`."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """The folded words of `text`, with their spans in `text`."""
    for match in WORD.finditer(fold(text)):
        yield match.group(), match.start(), match.end()


def word_list(text: str) -> list[str]:
    """The folded words of `text`, without spans: what indexing needs, fast."""
    return WORD.findall(fold(text))


def word_positions(token: str, word: str, start: int) -> list[int]:
    """Which letters of `word` (at `start` in its text) a typed `token` matched."""
    if word.startswith(token):
        return list(range(start, start + len(token)))
    positions: list[int] = []
    for opcode in Indel.opcodes(token, word):
        if opcode.tag == "equal":
            positions.extend(range(start + opcode.dest_start, start + opcode.dest_end))
    return positions


def _fuzzy_cutoff(token: str) -> float | None:
    """How alike a word must be to count as a typo of `token`.

    Short words are taken only as typed (or as a prefix): one wrong letter in
    three is another word.
    """
    if len(token) < 4:
        return None
    return 80.0 if len(token) < 6 else 75.0


class Vocabulary:
    """Every distinct word seen, with an id; grows as entries are added.

    Words are bucketed by first letter: a typo rarely hits the first letter,
    so a typed word is compared with its own bucket (and, for a long word, the
    bucket of its second letter, for swapped first letters or an extra one),
    which is a twentieth of the work of comparing with every word.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self._buckets: dict[str, tuple[list[str], array]] = {}
        self._cache: dict[tuple[str, bool], dict[int, float]] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def id(self, word: str) -> int:
        known = self.ids.get(word)
        if known is not None:
            return known
        new = self.ids[word] = len(self.ids)
        self.words.append(word)
        bucket = self._buckets.get(word[0])
        if bucket is None:
            bucket = self._buckets[word[0]] = ([], array("i"))
        bucket[0].append(word)
        bucket[1].append(new)
        if self._cache:
            self._cache.clear()
        return new

    def expand(self, token: str, fuzzy: bool = True) -> dict[int, float]:
        """Word ids `token` may mean, scored 0-100: the word itself, words it
        begins, and (if `fuzzy`) words one or two typos away."""
        key = (token, fuzzy)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        cutoff = _fuzzy_cutoff(token) if fuzzy else None
        letters = token[:2] if cutoff is not None and len(token) >= 5 else token[:1]
        for letter in dict.fromkeys(letters):
            bucket = self._buckets.get(letter)
            if bucket is None:
                continue
            bucket_words, bucket_ids = bucket
            if letter == token[0]:
                for word, _, at in process.extract(
                    token, bucket_words, scorer=Prefix.similarity, score_cutoff=len(token), limit=None
                ):
                    # A prefix is nearly as good as the word: the user is still typing.
                    found[bucket_ids[at]] = 100.0 if len(word) == len(token) else 85.0 + 15.0 * len(token) / len(word)
            if cutoff is None:
                continue
            for _, score, at in process.extract(
                token, bucket_words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            ):
                word_id = bucket_ids[at]
                if score > found.get(word_id, 0.0):
                    found[word_id] = score
        if len(found) > MAX_EXPANSIONS:
            found = dict(sorted(found.items(), key=lambda item: -item[1])[:MAX_EXPANSIONS])
        self._cache[key] = found
        return found


class Highlighter:
    """Finds, in any text, the letters that a query's typed words matched.

    One regular expression over the known words the query expanded to, so
    marking a 500-character paragraph costs one scan in C, not a dictionary
    look-up per word.
    """

    def __init__(self, tokens: Sequence[str], expansions: Sequence[Mapping[int, float]], vocab: Vocabulary) -> None:
        self._token_of: dict[str, str] = {}
        for token, expansion in zip(tokens, expansions):
            for word_id in expansion:
                self._token_of.setdefault(vocab.words[word_id], token)
        alternatives = "|".join(map(re.escape, sorted(self._token_of, key=len, reverse=True)))
        self._pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])") if alternatives else None

    def positions(self, text: str) -> tuple[int, ...]:
        if self._pattern is None:
            return ()
        found: list[int] = []
        for match in self._pattern.finditer(fold(text)):
            word = match.group()
            found.extend(word_positions(self._token_of[word], word, match.start()))
        return tuple(found)
