"""Job titles and honorifics inside a run of capitals.

"Metropolitan Police Commissioner Sir Ian Blair": where the last title
begins, where the person's name after it begins, and a name's titles trimmed.
"""

from __future__ import annotations

from byline.extract.lexicons import Lexicons, multi_word_titles
from byline.extract.name_tokens import CONNECTORS, PARTICLES, Token

# "Prime" -> [("Prime", "Minister")]: the titles of several words by their first.
MULTI_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _multi in multi_word_titles():
    MULTI_BY_FIRST.setdefault(_multi[0], []).append(_multi)


def last_title(tokens: list[Token], lex: Lexicons) -> tuple[int, int] | None:
    """(where the title begins, where the person's name begins), or None."""
    words = [t.text for t in tokens]
    best = None
    i = 0
    while i < len(words):
        size = title_at(words, i, lex)
        if size:
            rest = words[i + size :]
            # (a title word may be the name itself when it comes last: "Ms King", "Mr Major")
            # ("Association of Chief Police Officers": a title after "of" is a body's words)
            if (
                rest
                and not (i and words[i - 1] in ("of", "for"))
                and (rest[0] not in CONNECTORS or rest[0] in PARTICLES)
                and (rest[0] not in lex.honorifics or len(rest) == 1)
            ):
                start = i
                # Take in the words of a title that run before it ("Home Secretary").
                while start > 0 and words[start - 1] in lex.honorifics:
                    start -= 1
                best = (start, i + size)
            i += size
        else:
            i += 1
    if best is None:
        return None
    person = words[best[1] :]
    if any(w in CONNECTORS and w not in PARTICLES for w in person) or len(person) > 6:
        return None
    return best


def title_at(words: list[str], i: int, lex: Lexicons) -> int:
    for multi in MULTI_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(multi)]) == multi:
            return len(multi)
    return 1 if is_title_word(words[i], lex) else 0


def trim_titles(tokens: list[Token], lex: Lexicons) -> list[Token]:
    """Without the titles, nationality adjectives and small words at either end."""
    while tokens and (is_title_word(tokens[-1].text, lex) or tokens[-1].text in CONNECTORS):
        tokens = tokens[:-1]
    while tokens and (
        tokens[0].text in lex.demonyms or tokens[0].text in lex.honorifics or tokens[0].text in CONNECTORS
    ):
        if " ".join(t.text for t in tokens) in lex.orgs:
            break  # "Conservative Party", "Labour Party": a body named by its adjective
        tokens = tokens[1:]
    if (
        len(tokens) == 1
        and tokens[0].text not in lex.places
        and tokens[0].text not in lex.orgs
        and not tokens[0].text.isupper()
    ):
        return []
    return tokens


def is_title_word(word: str, lex: Lexicons) -> bool:
    """A title, or one with a prefix: "Chairman", "Co-Chairman", "Vice-President"."""
    return word in lex.honorifics or ("-" in word and word.rsplit("-", 1)[1].capitalize() in lex.honorifics)
