"""Whom a pronoun stands for: the earlier person (or body, for "they") that
agrees in gender and is the subject of its clause, or the speaker of the quote
just before. Each resolution leaves `pronoun->NAME` on `ctx.trail`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from byline.extract.entities import Mention
from byline.extract.speaker_context import (
    Context,
    gender_of,
    holds_another_office,
    in_quote,
    sentence_start,
    title_before_name,
)
from byline.extract.speaker_patterns import (
    AUX,
    CLAUSE_OPENER,
    FINITE,
    OBJECT_LEAD,
    OFFICES,
    PRONOUN,
    SUBJECT_PRONOUNS,
)

PRONOUN_REACH = 3000  # characters back that a pronoun's antecedent may stand
LAST_SPEAKER_REACH = 250  # characters after a quote that its speaker stays "he"
LAST_SPEAKER_SENTENCES = 2  # sentences after a quote that its speaker stays "he"
SUBJECT_LEAD_WORDS = 4  # words before a name that still leave it its sentence's subject
INTRO_WORDS = 6  # words of an opening phrase before a subject ("In London, Mr Blair said")
POSSESSIVE = ("'s", "\u2019s")
# "..., says Tim Dams, the editor": an inverted verb after a comma, its subject
# right after it and set off by punctuation ("..., said Melzer was" is not).
_INVERTED_LEAD = re.compile(rf"[,;]\s*(?:{FINITE})\s+(?:[\w'\u2019-]+\s+){{0,2}}$")
_INVERTED_TAIL = re.compile(r"\s*(?:[,.;:!?]|$)")
# "... have educational elements said Mr Owen.": with no comma, only at the sentence's end.
# The verb is one that inverts ("told Cadena Cope" names an object), and the
# words between it and the name describe the speaker ("said Speegle founder").
_BARE_INVERTED_LEAD = re.compile(
    r"\s(?:said|says|added|adds|explained|argued|insisted|warned|noted|admitted|claimed)\s+"
    r"(?:(?:[A-Z][\w'\u2019-]*|[a-z]+(?:man|woman|er|or|ist|ant|ent))\s+){0,2}$"
)
_FEMININE = re.compile(r"(?:woman|women|wife|mother|actress|sister|daughter)\b")
_MASCULINE = re.compile(r"(?:spokesman|\bman|husband|father|brother|son)\b")
_SENTENCE_END = re.compile(r"\s*(?:[.!?]|$)")
# Before a body told something, or spoken to: "told the BBC", "in an interview with BBC News".
_TOLD = re.compile(r"\b(?:told|tells|tell|telling|interview with|speaking to|talking to)\s+(?:the\s+)?$")
TOLD_REACH = 30  # characters before a name looked at for "told"
_BEFORE_ITS_VERB = re.compile(rf",?\s+{AUX}(?:{FINITE})\b")


def resolve_pronoun(ctx: Context, pronoun: str, pos: int, floor: int | None = None) -> str | None:
    """The earlier person (or body, for 'they') that a pronoun stands for.

    A name in the pronoun's own sentence is someone else ("Mr Sullivan made
    the decisions, he told the court"); among earlier names, the subject of a
    clause is preferred to a name further in, which is more often an object
    ("Melzer has now beaten Agassi"); gender must agree where it is known.
    """
    found = _antecedent(ctx, pronoun, pos, floor)
    if found:
        ctx.trail.append(f"pronoun->{found}" if pronoun != "one" else f"subject->{found}")
    return found


def _antecedent(ctx: Context, pronoun: str, pos: int, floor: int | None) -> str | None:
    if pronoun in ("i", "we"):
        return None
    want = SUBJECT_PRONOUNS.get(pronoun)  # None for "they" and "it": a body
    # "He said Mr Blair had spoken with ...": a person named later in the
    # pronoun's own sentence is someone else.
    others = _named_after_in_sentence(ctx, pos)
    if want is not None:
        holder = role_subject_before(ctx, pos, want)
        if holder and holder not in others:
            return holder
        last = last_speaker(ctx, pos, want)
        if last and last not in others:
            return last
    sentence = sentence_start(ctx, pos, 0)
    k = bisect_left(ctx.mention_starts, sentence) - 1
    floor = max(0, pos - PRONOUN_REACH) if floor is None else floor
    fallback = None
    while k >= 0:
        m = ctx.index.mentions[k]
        if m.start < floor:
            break
        k -= 1
        if in_quote(ctx, m.start):
            continue
        if want is None:  # "they", "it": a body
            if m.type == "ORG" and not _TOLD.search(ctx.body, max(0, m.start - TOLD_REACH), m.start):
                return m.name  # (not "..., he told the BBC. ... they pondered": the one told is no subject)
            continue
        if m.type != "PERSON" or m.name in others:
            continue
        if title_before_name(ctx.body, ctx.index.mentions[k + 1 : k + 3]):
            continue  # "The Lord Chief Justice, Lord Woolf,": a word of his title
        gender = gender_of(ctx, m.name) or "-"
        if gender != "-" and want != "-" and gender != want:
            continue
        if is_subject(ctx, m):
            return _office_holder_between(ctx, m, pos) or m.name
        if fallback is None and not ctx.body.startswith(POSSESSIVE, m.end):
            fallback = _office_holder_between(ctx, m, pos) or m.name
    return fallback


def _named_after_in_sentence(ctx: Context, pos: int) -> set[str]:
    """The people named after `pos` in its sentence, outside quotes."""
    b = bisect_right(ctx.boundaries, pos)
    end = ctx.boundaries[b] if b < len(ctx.boundaries) else len(ctx.body)
    lo, hi = bisect_right(ctx.mention_starts, pos), bisect_left(ctx.mention_starts, end)
    return {m.name for m in ctx.index.mentions[lo:hi] if m.type == "PERSON" and not in_quote(ctx, m.start)}


# (\b[Tt]he, its first letter first, the \b as the lookbehind after it: see `_HE_SHE`)
_OFFICE_SUBJECT = re.compile(
    r"[Tt](?<!\w.)he\s+("
    + "|".join(re.escape(o) for o in sorted(OFFICES, key=len, reverse=True))
    + r")\b(?!['\u2019]s)"
)


def _office_holder_between(ctx: Context, m: Mention, pos: int) -> str | None:
    """'... his rift with Chancellor Gordon Brown. ... the prime minister
    talked about ... as he said': an office the text names after a person
    who holds another one is who "he" is: its holder if the text names
    one, else the office as described."""
    found = [o for o in _OFFICE_SUBJECT.finditer(ctx.body, m.end, pos) if not in_quote(ctx, o.start())]
    if not found:
        return None
    office = found[-1].group(1).lower()
    holder = ctx.index.roles.get(office)
    if holds_another_office(ctx, m.name, office):
        return holder or office
    # "Chancellor Gordon Brown ... Mr Blair spoke. The chancellor insisted ...
    # He said": an office that opens a sentence, its holder named, is its subject.
    lead = ctx.body[sentence_start(ctx, found[-1].start(), 0) : found[-1].start()]
    if holder and holder != m.name and _SENTENCE_LEAD.fullmatch(lead):
        return holder
    return None


_SENTENCE_LEAD = re.compile(r"(?:(?:But|And|Yet|However|Meanwhile|Later|Earlier|Now),?\s+)?")


def last_speaker(ctx: Context, pos: int, want: str) -> str | None:
    """'"We agreed nothing," said Jim Moss. He added: ...': a pronoun right
    after a quote stands for its speaker, unless another person of the same
    gender is named in between."""
    k = bisect_left(ctx.span_starts, pos) - 1
    current = None
    if k == len(ctx.speakers):
        # '"...," he said' while the quote's own attribution is being read:
        # the quote before is the one whose speaker "he" may be.
        current, k = ctx.spans[k], k - 1
    if k < 0 or k >= len(ctx.speakers):
        return None
    span, speaker = ctx.spans[k], ctx.speakers[k]
    gender = gender_of(ctx, speaker) if speaker else None
    if gender is None and speaker and _unlisted_person(ctx, speaker):
        gender = "f" if _FEMININE.search(speaker) else "m" if _MASCULINE.search(speaker) else "-"
    if gender is None or span.close_at is None:
        return None
    distance = pos - span.close_at
    if current is not None:
        distance -= current.end - current.open_at
    if distance > LAST_SPEAKER_REACH:
        return None
    if gender != "-" and want != "-" and gender != want:
        return None
    # Only the quote's own sentence and the next may stand between.
    between = bisect_right(ctx.boundaries, pos) - bisect_right(ctx.boundaries, span.close_at)
    if current is not None:  # the current quote's own sentences do not count
        between -= bisect_right(ctx.boundaries, current.end) - bisect_right(ctx.boundaries, current.open_at)
    if between > LAST_SPEAKER_SENTENCES:
        return None
    # A partial quote's sentence may name its speaker as an object ("Weitz
    # said Pullman had told him ..."): then it says nothing of the subject.
    # Other names in the attribution's own sentence ('..., Glenn Maguire of
    # Societe Generale told AFP') describe the speaker or are objects: only
    # names in the sentences after it may take "he" from them.
    # Before the speaker's own name in that sentence, only its subject counts
    # ("when Charles died ... was one from Quincy Jones, who described him
    # as "...". "...," he said": Jones; but "Weitz said he had visited
    # Pullman, who had told him ...": Weitz may be "he").
    own = -1
    if span.kind == "partial":
        lo = bisect_left(ctx.mention_starts, sentence_start(ctx, span.open_at, 0))
        named = [
            k for k in range(lo, bisect_left(ctx.mention_starts, span.open_at)) if ctx.index.mentions[k].name == speaker
        ]
        own = named[-1] if named else -1
    else:
        b = bisect_right(ctx.boundaries, span.close_at + 1)
        lo = bisect_left(ctx.mention_starts, ctx.boundaries[b] if b < len(ctx.boundaries) else pos)
    hi = bisect_left(ctx.mention_starts, pos)
    for k in range(lo, hi):
        m = ctx.index.mentions[k]
        if k < own and not is_subject(ctx, m):
            continue
        if title_before_name(ctx.body, ctx.index.mentions[k : k + 2]):
            continue
        if k > own >= 0 and ctx.body.startswith(POSSESSIVE, m.end):
            continue  # "X said it was Lord Scarman's work. "He was ...," he said": the possessor is spoken of
        if m.type == "PERSON" and m.name != speaker and not in_quote(ctx, m.start):
            other = gender_of(ctx, m.name) or "-"
            if other == "-" or want == "-" or other == want:
                return None
    return speaker


def _unlisted_person(ctx: Context, speaker: str) -> bool:
    """Whether a speaker the entity index does not list is a person: a name
    the rules found ("Heretic writes") or a described one ("a spokeswoman")."""
    if any(e.name == speaker for e in ctx.index.entities):
        return False
    return speaker[:1].isupper() and " " not in speaker or ctx.role_words.search(speaker) is not None


def is_subject(ctx: Context, mention: Mention) -> bool:
    """Whether a name is the subject of its clause: near the clause's start
    with no other person before it, or right after an inverted reporting
    verb ("..., says Tim Dams"); never a possessor ("Moore's film")."""
    body = ctx.body
    if body.startswith(POSSESSIVE, mention.end):
        return False
    k = bisect_right(ctx.mention_starts, mention.start)
    if k < len(ctx.index.mentions) and describes(ctx, mention, ctx.index.mentions[k]):
        return False  # "Former Manfred Mann singer Paul Jones": the band only describes him
    start = sentence_start(ctx, mention.start, 0)
    lead = body[start : mention.start]
    if _INVERTED_LEAD.search(lead) and _INVERTED_TAIL.match(body, mention.end):
        return True
    if len(mention.name) > 2 and _BARE_INVERTED_LEAD.search(lead) and _SENTENCE_END.match(body, mention.end):
        return True
    if _BEFORE_ITS_VERB.match(body, mention.end):
        return True  # "..., her lawyer, Perry Wander, said.": the name right before its verb
    openers = list(CLAUSE_OPENER.finditer(lead))
    opener = openers[-1] if openers else None  # the last clause opener
    if opener is not None and len(lead[opener.end() :].split()) <= SUBJECT_LEAD_WORDS:
        start += opener.end()  # "... this year but captain Fabien Pelous sees hope"
        lead = lead[opener.end() :]
    elif "," in lead:
        intro, _, rest = lead.partition(",")
        if len(intro.split()) <= INTRO_WORDS and len(rest.split()) <= 3:
            lead = rest  # "In London, Mr Blair said ..."
    if PRONOUN.match(lead) and not lead.lstrip().startswith(("I ", "We ", "we ")):
        return False  # "He destroyed South Africa's Os du Randt": the pronoun is the subject
    if len(lead.split()) > SUBJECT_LEAD_WORDS or OBJECT_LEAD.search(lead):
        return False
    k = bisect_left(ctx.mention_starts, start)
    return not any(
        m.type == "PERSON" and not body.startswith(POSSESSIVE, m.end) and not describes(ctx, m, mention)
        for m in ctx.index.mentions[k:]
        if m.start < mention.start
    )


def describes(ctx: Context, first: Mention, then: Mention) -> bool:
    """Whether a name and a role noun stand in front of a person's name as
    a description of him ("Manfred Mann singer Paul Jones")."""
    if then.type != "PERSON" or then.name == first.name:
        return False
    between = ctx.body[first.end : then.start]
    return bool(between.strip()) and ctx.role_words.fullmatch(between.strip()) is not None and between[:1] == " "


# A sentence whose subject is a definite role: "The Tory leader countered ...".
_ROLE_SUBJECT = re.compile(r"(?:(?:But|And|Yet|However|Meanwhile|Later|Earlier|Now),?\s+)?[Tt]he\s+")
ROLE_LEAD_WORDS = 3  # words that may stand before the role noun ("the Liberal Democrat leader")
NAME_AFTER = 3  # characters after a role where an appositive name may start (", Mark Oaten")


def role_subject_before(ctx: Context, pos: int, want: str) -> str | None:
    """'The Tory leader countered that ... He declared: "..."': "he" after a
    sentence whose subject is a role that the article gives to one person is
    that person, not the speaker of an earlier quote nor a name he spoke of."""
    own = sentence_start(ctx, pos, 0)
    k = bisect_left(ctx.span_starts, pos) - 1
    closed = ctx.spans[k].close_at if k >= 0 else None
    if closed is not None and own <= closed < pos:
        own = sentence_start(ctx, ctx.spans[k].open_at, 0)  # '"...," he said': before the quote's sentence
    if own <= 0 or in_quote(ctx, own):
        return None
    start = sentence_start(ctx, own - 2, 0)
    lead = _ROLE_SUBJECT.match(ctx.body, start, own)
    if lead is None or in_quote(ctx, start):
        return None
    role = ctx.role_words.search(ctx.body, lead.end(), own)
    if role is None or len(ctx.body[lead.end() : role.start()].split()) > ROLE_LEAD_WORDS:
        return None
    if ctx.body.startswith(POSSESSIVE, role.end()) or ctx.body[role.end() : role.end() + 1] not in (" ", ","):
        return None  # "the chancellor's plans": a possessor; "the chancellor-" no subject
    # The whole phrase, as the article gives it to one person ("Tory leader
    # Michael Howard"): a role word alone ("the 58-year-old US singer", "the
    # shadow home secretary") is as often someone else who holds it.
    holder = ctx.index.roles.get(ctx.body[lead.end() : role.end()].lower())
    if not holder or any(m.type == "PERSON" for m in mentions_between(ctx, lead.end(), role.end() + NAME_AFTER)):
        return None  # ("The Chelsea boss, Jose Mourinho,": the name that follows is the subject)
    gender = gender_of(ctx, holder) or "-"
    return holder if gender == "-" or want == "-" or gender == want else None


def mentions_between(ctx: Context, start: int, stop: int) -> list[Mention]:
    lo, hi = bisect_left(ctx.mention_starts, start), bisect_left(ctx.mention_starts, stop)
    return ctx.index.mentions[lo:hi]
