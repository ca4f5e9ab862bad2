"""Bodies that the text names in lower case: "a report by the Commons work
and pensions committee", "the joint committee on human rights found". The
entity finder lists capitalised names only; as a speaker such a body is
written as the article gives it (GUIDELINES: the fullest form)."""

from __future__ import annotations

import re
from bisect import bisect_left

from byline.extract.lexicons import speaker_words
from byline.extract.speaker_context import Context, in_quote
from byline.extract.speaker_patterns import FINITE

_WORDS = speaker_words().written_bodies
WRITTEN_NOUNS = _WORDS["nouns"]
LED_BY_NAMES = _WORDS["led_by_names"]  # "the government": the one "UK government" the text names
MEMBERS = _WORDS["members"]  # "the MPs": the members of the committee named last
_NOUNS = "|".join(sorted(WRITTEN_NOUNS))
_BREAKS = "|".join(sorted(_WORDS["breaks"]))
_WORD = rf"(?!(?:{_BREAKS})\b)[a-z][a-z-]*"
# After "on", no verb: "the joint committee on human rights looked at ...".
_TAIL_WORD = rf"(?!(?:{FINITE})\b|[a-z]+ed\b){_WORD}"
WRITTEN_BODY = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<name>(?P<head>[A-Z][\w'\u2019-]*\s+)?(?P<mods>(?:{_WORD}\s+){{1,4}})"
    rf"(?P<noun>{_NOUNS})(?P<on>\s+on\s+(?:{_TAIL_WORD}\s+){{0,2}}{_TAIL_WORD}\b)?)\b"
)
_NOT_NAMES = _WORDS["not_names"]
_POSSESSIVE = ("'s", "\u2019s")
MIN_MODIFIERS = 2  # words before the noun that make a name ("work and pensions"), or one with more around it


def written_bodies(ctx: Context) -> list[tuple[int, str]]:
    """Where each body named in lower case stands, and its name, in order."""
    if ctx.written is None:
        ctx.written = []
        if any(noun in ctx.body for noun in _WORDS["nouns"]):
            for m in WRITTEN_BODY.finditer(ctx.body):
                mods = m.group("mods").split()
                while mods and mods[0] in _NOT_NAMES:
                    mods.pop(0)  # "the powerful public accounts committee": a description, then the name
                named = [w for w in mods if w != "and"]
                extra = bool(m.group("head")) or bool(m.group("on"))
                if named and (len(named) >= MIN_MODIFIERS or extra) and not in_quote(ctx, m.start()):
                    head, at = m.group("head") or "", m.start("name")
                    if head.rstrip().endswith(_POSSESSIVE):  # "the MCB's public affairs committee": his
                        if len(named) < MIN_MODIFIERS and not m.group("on"):
                            continue
                        head, at = "", m.start("mods")
                    name = " ".join([*head.split(), *mods, m.group("noun")]) + (m.group("on") or "")
                    ctx.written.append((at, " ".join(name.split())))
    return ctx.written


def last_written_body(ctx: Context, noun: str, pos: int, reach: int) -> tuple[int, str] | None:
    """The last body named in lower case before `pos`, with that head noun
    ("" for any), and where it stands."""
    found = written_bodies(ctx)
    k = bisect_left(found, (pos, "")) - 1
    while k >= 0 and found[k][0] > pos - reach:
        at, name = found[k]
        if not noun or name.split(" on ", 1)[0].endswith(noun):
            return at, name
        k -= 1
    return None


def fuller_body(ctx: Context, speaker: str) -> str:
    """A body's name that only ever heads a lower-case name ("Commons" in
    "the Commons work and pensions committee"): that name."""
    if " " in speaker or not speaker[:1].isupper():
        return speaker
    heads = {at: name for at, name in written_bodies(ctx) if name.startswith(speaker + " ")}
    if not heads:
        return speaker
    mentions = [m for m in ctx.index.mentions if m.name == speaker]
    if mentions and all(m.start in heads for m in mentions):
        return heads[mentions[0].start]
    return speaker
