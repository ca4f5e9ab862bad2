"""The type of a name that nothing in the name itself gives away, from the
words around its mentions.

"in Basingstoke", "Basingstoke council" read as a place; "said Bez", "Bez,
who" or "rapper Nelly" as a person; "Nasa's website", "Unosat announced" as a
body. Each mention votes for the type its cues point to; a name listed beside
names already typed ("Dorset, Basingstoke and Torbay") takes their type too.
The rules ask only when a name's type is a guess (`_Cluster.sure` is false).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

CONTEXT_CHARS = 30  # characters looked at on each side of a mention
LIST_GAP_CHARS = 8  # ", and " at most between two names of one list

# Cues before a mention, each with the type it points to.
_BEFORE = (
    # (not "a stake in ING", "an economist at Natexis": a body)
    (re.compile(r"(?<!\bstake )(?<!\bstakes )(?<!\bshares )(?<!\binvestment )(?<!\binterest )(?<!\binvest )"
                r"(?<!\bjob )(?<!\bwork )(?<!\bworks )(?<!\bworked )(?<!\bworking )(?<!\banalyst )"
                r"(?<!\beconomist )(?<!\bofficial )(?<!\bexecutive )(?<!\bscientist )(?<!\bresearcher )"
                r"(?<!\bengineer )(?<!\bprofessor )(?<!\bdirector )(?<!\bhead )(?<!\bchief )"
                r"\b(?:in|at|near|across|outside|throughout|around|visit|visited)\s+$", re.IGNORECASE), "PLACE"),
    (re.compile(r"\b(?:[a-z]+man|[a-z]+woman|singer|star|actor|actress|rapper|composer|writer|author|"
                r"artist|founder|wife|husband|son|daughter|brother|sister|dancer|"
                r"player|blogger|poet|musician|guitarist|drummer|frontman)\s+$"), "PERSON"),
)
# Cues after a mention.
_AFTER = (
    # ("said", "told" are no cue: bodies speak too)
    (re.compile(r"\s+(?:admitted|insisted|believes|thinks|felt|feels|wrote|sang|died|was born)\b"), "PERSON"),
    (re.compile(r",?\s+who\b"), "PERSON"),
    (re.compile(r"['\u2019]s\s+(?:wife|husband|son|daughter|mother|father|brother|sister|death|life|career|"
                r"songs?|music|opera|novel|band|friends?|family)\b"), "PERSON"),
    (re.compile(r"['\u2019]s\s+(?:chief|head|board|shares|staff|profits?|spokes\w+|website|chairman|executives?|"
                r"boss|owners?|customers|members|shareholders|headquarters)\b"), "ORG"),
    (re.compile(r"\s+(?:announced|reported|launched|sold|bought|employs|owns|posted|issued|shares|"
                r"spokes\w+|executives?|officials|staff|workers|employees|chairman|headquarters)\b"), "ORG"),
    (re.compile(r"-based\b|\s+(?:council|area|region|county|residents|constituency|seat|field|fields|province|"
                r"district|village|town|city|airport)\b"), "PLACE"),
)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or)\s*$")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")


def votes(body: str, mentions: Iterable[tuple[int, int]]) -> Counter[str]:
    """How many mentions have a cue for each type (one vote a mention: its first cue)."""
    out: Counter[str] = Counter()
    for start, end in mentions:
        before = body[max(0, start - CONTEXT_CHARS) : start]
        for pattern, kind in _BEFORE:
            if pattern.search(before):
                out[kind] += 1
                break
        else:
            for pattern, kind in _AFTER:
                if pattern.match(body, end, end + CONTEXT_CHARS):
                    out[kind] += 1
                    break
    return out


def listed_beside(body: str, mentions: list[tuple[int, int, str]], sure: dict[str, str]) -> dict[str, Counter[str]]:
    """For each name, the types of the sure names it is listed beside
    (`mentions` in body order as (start, end, name); `sure` name -> type)."""
    out: dict[str, Counter[str]] = {}
    for i, (start, end, name) in enumerate(mentions):
        gaps = []  # (gap, neighbour) on each side
        if i > 0:
            gaps.append((body[mentions[i - 1][1] : start], mentions[i - 1][2]))
        if i + 1 < len(mentions):
            gaps.append((body[end : mentions[i + 1][0]], mentions[i + 1][2]))
        listed = [(g, other) for g, other in gaps if len(g) <= LIST_GAP_CHARS and _LIST_GAP.match(g)]
        # A comma alone may close an apposition ("the Parliament, Josep Borrell,
        # said"): a list has an "and" or "or", or commas on both sides.
        if not listed or (len(listed) < 2 and not any(_CONJUNCTION.search(g) for g, _ in listed)):
            continue
        for _, other in listed:
            kind = sure.get(other)
            if kind and other != name:
                out.setdefault(name, Counter())[kind] += 1
    return out
