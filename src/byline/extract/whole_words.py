"""A word found whole in a text, as `re` finds `\\bWORD\\b`, without a pattern.

The word to look for changes with each article (a surname, a body's name), so a
pattern would be compiled per call: that cost more than the search itself, and
those patterns pushed the fixed ones out of `re`'s cache. A substring search
with the same boundary rule gives the same answers.
"""

from __future__ import annotations

from collections.abc import Iterator


def is_word_char(char: str) -> bool:
    """`\\w` of `re` on a str: a letter, a digit or a number of any script, or "_"."""
    return char.isalnum() or char == "_"


def whole_word_starts(text: str, word: str) -> Iterator[int]:
    """Where `word` stands whole in `text`: the starts `re.finditer(rf"\\b{re.escape(word)}\\b", text)`
    gives, in order and without overlaps. (`\\b` is a change between a word character
    and another; the text's ends count as non-word characters.)"""
    if not word:
        return
    opens_word = is_word_char(word[0])
    closes_word = is_word_char(word[-1])
    size = len(word)
    end = len(text)
    at = text.find(word)
    while at >= 0:
        before = at > 0 and is_word_char(text[at - 1])
        after_at = at + size
        after = after_at < end and is_word_char(text[after_at])
        if before != opens_word and after != closes_word:
            yield at
            at = text.find(word, after_at)
        else:
            at = text.find(word, at + 1)


def has_whole_word(text: str, word: str) -> bool:
    """Whether `re.search(rf"\\b{re.escape(word)}\\b", text)` would find something."""
    return next(whole_word_starts(text, word), None) is not None


def forms_found(text: str, forms: list[str]) -> Iterator[str]:
    """The forms found in `text` as `(?<!\\w)(?:FORM|FORM...)(?!\\w)` finds them: left to
    right, without overlaps, the first of `forms` that fits where several start at one place."""
    at, end = 0, len(text)
    while at < end:
        if at == 0 or not is_word_char(text[at - 1]):
            for form in forms:
                after = at + len(form)
                if form and text.startswith(form, at) and (after == end or not is_word_char(text[after])):
                    yield form
                    at = after
                    break
            else:
                at += 1
        else:
            at += 1
