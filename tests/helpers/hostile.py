"""Hostile text for property tests, and the checks every analysis must pass."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from byline.model import ENTITY_TYPES, Analysis

# Anything a terminal would act on: C0 controls but tab and newline, DEL, C1.
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Text that tends to break things: combining marks, right-to-left scripts,
# emoji and wide CJK, escape codes, markup-like brackets, unbalanced quotes.
NASTY = st.sampled_from(
    [
        "\u0301",
        "\u200d",
        "\u202e",
        "שלום עולם",
        "مرحبا بالعالم",
        "👩‍👩‍👧",
        "漢字かな交じり文",
        "\x1b[2J",
        "\x1b]0;pwned\x07",
        "\x9b31m",
        "\x00",
        "\r",
        "[bold red]",
        "[/]",
        "[link=file:///etc]",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "&#27;",
        "&amp;",
        "&#x9b;",
        "\n\n",
        "Author: ",
        "---\n",
        "<p>",
        "# ",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=60).map("".join)

SCRIPTS = st.sampled_from(
    [
        "e\u0301\u0302\u0303",
        "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd",
        "\u0627\u0644\u0633\u064e\u0651\u0644\u0627\u0645",
        "\U0001f1ec\U0001f1e7",
        "\U0001f44d\U0001f3fd",
        "\u6f22\u5b57",
        "\uff21\uff22",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "\U0001d400",
        "\ufe0f",
        "\u0e01\u0e34",
        "A\u030a",
    ]
)
QUOTES = st.sampled_from(['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e", "`"])
BRACKETS = st.sampled_from(["[", "]", "[/]", "[b]", "[@click=app.quit]", "[link=x]", "<", ">", "</p>", "{", "}", "\\["])
WORDS = st.sampled_from(
    ["said", "Blair", "Mr Smith", "told the BBC", "London", "the", ". ", ", ", " ", "\n\n", "Ms O'Neil"]
)
PIECE = st.one_of(SCRIPTS, QUOTES, BRACKETS, WORDS, NASTY, st.text(max_size=12))
HOSTILE = st.lists(PIECE, max_size=80).map("".join)


def check_analysis(text: str, analysis: Analysis) -> None:
    """Every offset of `analysis` (of `text`, as paragraphs) is honest, in reading order, one entity per name."""
    paragraphs = [p.strip() for p in __import__("re").split(r"\n\s*\n", text) if p.strip()]
    body = "\n\n".join(paragraphs)
    previous = -1
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        assert quote.start > previous  # reading order
        previous = quote.start
        assert quote.kind in ("full", "partial")
    names = set()
    for entity in analysis.entities:
        assert entity.type in ENTITY_TYPES
        assert entity.count >= len(entity.mentions) >= 0
        assert entity.name not in names
        names.add(entity.name)
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(body)
            surface = body[start:end]
            assert surface.strip() == surface and surface
