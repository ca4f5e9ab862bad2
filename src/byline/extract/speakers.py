"""Who said each quote: the attribution beside it, resolved to the fullest name.

The attribution is looked for where news writing puts it: right after the
closing mark (`"...," he said` / `said Mr Blair`), then before the opening mark
in the same sentence (`Mr Howard said: "..."`, `dismissed it as "..."`). What
is found is resolved to a name: a pronoun to the right earlier person, a title
and surname to the full name (through the entity index), a role ("the prime
minister") to the person the article gives that role, and a description ("an
Israeli official") is kept as written. A quote with no attribution of its own
continues the quote before it in the same or the previous paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from byline.extract.entities import EntityIndex, Mention
from byline.extract.lexicons import lexicons
from byline.extract.quotes import Span

_FINITE = (
    "said|says|say|told|tells|tell|added|adds|warned|warns|insisted|insists|argued|argues|"
    "claimed|claims|explained|explains|stated|states|noted|notes|continued|continues|"
    "admitted|admits|commented|comments|remarked|replied|replies|responded|responds|"
    "suggested|suggests|wrote|writes|declared|declares|announced|announces|asked|asks|"
    "urged|urges|stressed|stresses|conceded|concedes|acknowledged|acknowledges|predicted|"
    "predicts|promised|promises|vowed|vows|pointed out|points out|went on|goes on|joked|jokes|"
    "quipped|confirmed|confirms|denied|denies|described|describes|called|calls|revealed|"
    "reveals|recalled|recalls|complained|complains|boasted|boasts|cautioned|cautions|"
    "emphasised|emphasises|emphasized|maintained|maintains|observed|concluded|countered|"
    "agreed|agrees|believes|believed|thinks|feared|fears|hoped|hopes|expressed|expresses|"
    "accused|accuses|branded|brands|labelled|labels|dismissed|dismisses|hailed|hails|"
    "praised|praises|criticised|criticises|criticized|condemned|condemns|attacked|blamed|"
    "alleged|alleges|testified|shouted|cried|asserted|asserts|reiterated|reiterates|"
    "tweeted|posted|reported|reports|described|explained|announced|pledged|pledges|"
    "demanded|demands|questioned|charged|contended|contends|protested|lamented|laments|"
    "welcomed|welcomes|mused|muses|recounted|objected|echoed|summed up|put it|threatened|"
    "conceded|signalled|indicated|indicates|advised|advises|estimated|estimates|forecast|"
    "forecasts|rejected|rejects|vowing|promising|felt|feels|"
    "cited|quoted|wrote|insisted|mocked|scoffed|sniffed|snapped|hinted|speculated|read|reads|"
    "ask|warn|add|argue|claim|insist|explain|admit|suggest|predict|promise|urge|stress|tweet"
)
_PARTICIPLES = (
    "saying|telling|adding|warning|insisting|arguing|claiming|explaining|noting|admitting|"
    "commenting|describing|calling|declaring|announcing|urging|stressing|suggesting|"
    "writing|branding|labelling|dismissing|accusing|acknowledging|conceding|predicting|"
    "pledging|promising|vowing|confirming|denying|revealing|complaining|describing|"
    "expressing|hailing|praising|criticising|condemning|asking|replying|responding|alleging|"
    "announcing|blaming|recalling|conceding|maintaining|questioning|demanding"
)
_VERB = re.compile(rf"\b(?:(?P<finite>{_FINITE})|(?P<participle>{_PARTICIPLES})|(?P<according>according to))\b")
_AUX = r"(?:(?:has|had|have|also|later|then|was|were|is|once|previously|recently|subsequently|earlier|again|simply|just|repeatedly|reportedly|publicly|privately|only|would|will|could|may|might|has also|had also|is also|was|being|been|quoted as|quoted)\s+)*"
# A character of a noun phrase: no clause punctuation, but "Dr." may stand in one.
_NPC = r"(?:[^,.;:!?\"\u201c\u201d()]|(?<=\bMr|\bMs|\bDr)\.|(?<=\bMrs)\.)"
_AFTER_INVERTED = re.compile(rf"^\s*[,;:\u2014\u2013-]?\s*(?:{_FINITE})\s+(?P<np>{_NPC}{{1,90}})")
_AFTER_SUBJECT = re.compile(
    rf"^\s*[,;:\u2014\u2013-]?\s*(?P<np>(?:,|{_NPC}){{1,90}}?),?\s+{_AUX}(?:{_FINITE}|according to)\b"
)
_CLAUSE_FINAL = re.compile(
    rf",\s+(?:(?!(?:but|and|or|so|yet|then)\b)(?P<np>{_NPC}{{1,60}}?)\s+{_AUX}(?:{_FINITE})|(?:{_FINITE})\s+(?P<inv>{_NPC}{{1,60}}))"
    rf"(?:\s+{_NPC}{{0,40}})?[.!?]?\s*$"
)
_AFTER_ACCORDING = re.compile(rf"^\s*[,;:\u2014\u2013-]?\s*according to\s+(?P<np>{_NPC}{{1,90}})")
# A sentence ends at . ! or ? (and any closing marks) before white space,
# unless the full stop ends an abbreviation ("Mr.", "St.") or an initial ("J.").
# The lookbehinds come after the punctuation so the regex engine can scan fast.
_ABBREVIATIONS = "Mr Mrs Ms Dr St No vs Gen Gov Sen Rep Inc Co Lt Col Jr Sr Prof Capt Sgt Mt Ft".split()
_BOUNDARY = re.compile(
    "[.!?]"
    + "".join(rf"(?<!\b{word}.)" for word in _ABBREVIATIONS)
    + r"(?<!\b[A-Z].)"
    + "[\"\u201d\u2019')]*\\s+"
)


_PRONOUN = re.compile(r"^\s*(?P<p>he|she|they|He|She|They|it|It|I|we|We)\b")
_DETERMINER = re.compile(r"^(?:(?:a|an|the|one|another|his|her|their|its|our|my|your)\s+)", re.IGNORECASE)
_NP_TAIL = re.compile(r"\s+(?:who|which|that|in|on|at|to|during|after|before|when|while|as|last|this|yesterday|earlier|on|adding|saying|told)\b.*$")
_SUBJECT_PRONOUNS = {"he": "m", "she": "f", "one": "-"}
_ANAPHOR = re.compile(
    r"^(?:the|The)\s+(?:[\w-]+\s+){0,3}?(?:\d+-year-old|[A-Z][a-z]+(?:an|ian|ese|ish|i)|champion|defender|striker|"
    r"midfielder|winger|goalkeeper|keeper|forward|skipper|veteran|youngster|teenager|seed|star|"
    r"singer|actor|actress|rapper|musician|film-maker|frontman|world number one|number one)$"
)


MAX_SENTENCE = 1000
"""Characters a sentence may run to either side of a quote. In text with no full stop
(a page pasted as one line) each quote would otherwise search all the text before it:
40 KB of "said Blair “" took half a minute to load, 4 KB of it per second more."""


@dataclass(slots=True)
class Context:
    body: str
    index: EntityIndex
    spans: list[Span]
    paragraph_starts: list[int]
    role_words: re.Pattern[str]
    boundaries: list[int]
    mention_starts: list[int]
    span_starts: list[int]
    speakers: list[str | None] = field(default_factory=list)  # own attributions found so far, in order


def make_context(body: str, index: EntityIndex, spans: list[Span], paragraph_starts: list[int], role_words: re.Pattern[str]) -> Context:
    boundaries = [m.end() for m in _BOUNDARY.finditer(body)]
    return Context(
        body, index, spans, paragraph_starts, role_words, boundaries,
        [m.start for m in index.mentions], [span.start for span in spans],
    )


def attribute(ctx: Context) -> list[str | None]:
    """A speaker (or None) for each span, in order."""
    speakers: list[str | None] = []
    paragraphs: list[int] = []
    for i, span in enumerate(ctx.spans):
        para = bisect_right(ctx.paragraph_starts, span.open_at) - 1
        paragraphs.append(para)
        speaker = _own_attribution(ctx, i, span, para)
        speakers.append(speaker)
        ctx.speakers.append(speaker)
    # A quote cut by a lost closing mark or a paragraph break is one speech.
    for i in range(1, len(ctx.spans)):
        if ctx.spans[i].chained and speakers[i] is None:
            speakers[i] = speakers[i - 1]
    for i in range(len(ctx.spans) - 2, -1, -1):
        if ctx.spans[i + 1].chained and speakers[i] is None:
            speakers[i] = speakers[i + 1]
    # A quote with no attribution continues the one before it, nearby.
    for i, span in enumerate(ctx.spans):
        if speakers[i] is not None or not i:
            continue
        same_sentence = _sentence_start(ctx, span.open_at, 0) <= ctx.spans[i - 1].open_at
        if same_sentence or span.kind == "full" and paragraphs[i] - paragraphs[i - 1] <= 1:
            speakers[i] = speakers[i - 1]
    # A full quote that nobody introduces belongs to the person the text is
    # about just then: the last subject named in this or the paragraph before.
    for i, span in enumerate(ctx.spans):
        if speakers[i] is None and span.kind == "full" and not span.chained:
            floor = ctx.paragraph_starts[max(0, paragraphs[i] - 1)]
            if i and ctx.spans[i - 1].open_at >= floor:
                continue  # a quote nearby had no speaker either: do not guess
            speakers[i] = _previous_sentence_speaker(ctx, span, floor) or _resolve_pronoun(ctx, "one", span.open_at, floor)
    return speakers


def _own_attribution(ctx: Context, i: int, span: Span, para: int) -> str | None:
    body = ctx.body
    p_start = ctx.paragraph_starts[para]
    p_end = ctx.paragraph_starts[para + 1] - 2 if para + 1 < len(ctx.paragraph_starts) else len(body)
    after = _after_context(ctx, i, span, p_end)
    before_start = _sentence_start(ctx, span.open_at, p_start)
    if i and ctx.spans[i - 1].close_at is not None and ctx.spans[i - 1].close_at >= before_start:
        before_start = ctx.spans[i - 1].close_at + 1  # type: ignore[operator]
    # Full quotes are attributed after them, partial ones in the sentence
    # around them; but '"...", Mr Baume said.' is plain after either kind.
    plain_after = after is not None and ctx.body[after[0] : after[0] + 1] == ","
    order = ("after", "before") if span.kind == "full" or plain_after else ("before", "after")
    for side in order:
        if side == "after" and after is not None:
            found = _from_after(ctx, after[0], after[1])
        elif side == "before":
            found = _from_before(ctx, before_start, span.open_at, p_start)
        else:
            found = None
        if found:
            return found
    return None


def _previous_sentence_speaker(ctx: Context, span: Span, floor: int) -> str | None:
    """'The Cabinet Office said it was reviewing the scheme. "Unions will be
    consulted."': the sentence before reports speech, and the quote goes on."""
    end = _sentence_start(ctx, span.open_at, floor)
    if end <= floor:
        return None
    start = _sentence_start(ctx, end - 2, floor)
    text = ctx.body[start:end]
    verb = _VERB.search(text)
    if not verb or verb.group("according"):
        return None
    if text[: verb.start()].rstrip().endswith(","):
        # "The hype is over, argues Mr Donofrio."
        return _resolve_np(ctx, start + verb.end(), end, prefer="first")
    if verb.group("participle"):
        return _resolve_np(ctx, start, start + verb.start(), prefer="subject")
    return _resolve_np(ctx, start, start + verb.start(), prefer="last")


def _after_context(ctx: Context, i: int, span: Span, p_end: int) -> tuple[int, int] | None:
    if span.close_at is None:
        return None
    body = ctx.body
    start = span.close_at + 1
    text = body[span.start : span.end].rstrip()
    if text[-1:] in ".!?":
        rest = body[start : start + 3].lstrip()
        if rest[:1].isupper() and not rest.startswith(("I ", "I'")):
            return None  # the quote ended its sentence; what follows is new
    stop = p_end
    # A boundary right after the mark is the quote's own full stop: skip it.
    k = bisect_right(ctx.boundaries, start + 1)
    if k < len(ctx.boundaries):
        stop = min(stop, ctx.boundaries[k])
    if i + 1 < len(ctx.spans):
        stop = min(stop, ctx.spans[i + 1].open_at)
    return (start, stop) if stop > start else None


def _sentence_start(ctx: Context, pos: int, p_start: int) -> int:
    k = bisect_right(ctx.boundaries, pos) - 1
    start = ctx.boundaries[k] if k >= 0 else 0
    return max(start, p_start, pos - MAX_SENTENCE)


def _from_after(ctx: Context, start: int, stop: int) -> str | None:
    text = ctx.body[start:stop]
    m = _AFTER_ACCORDING.match(text)
    if m:
        return _resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer="first")
    m = _AFTER_INVERTED.match(text)
    if m and not _PRONOUN.match(m.group("np")):
        return _resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer="first")
    m = _AFTER_SUBJECT.match(text)
    if m and len(m.group("np").split()) <= 12:
        return _resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer="last")
    # "... a "sensible thing to do", since he was in China, Mr Balls told the BBC."
    m = _CLAUSE_FINAL.search(text)
    if m:
        if m.group("inv"):
            return _resolve_np(ctx, start + m.start("inv"), start + m.end("inv"), prefer="first")
        return _resolve_np(ctx, start + m.start("np"), start + m.end("np"), prefer="last")
    return None


def _from_before(ctx: Context, start: int, stop: int, p_start: int) -> str | None:
    text = ctx.body[start:stop]
    verbs = list(_VERB.finditer(text))
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group("according"):
        # "according to X, ..." before the quote: X follows the phrase.
        return _resolve_np(ctx, start + verb.end(), stop, prefer="first")
    if verb.group("participle") or _COORDINATED.search(text, 0, verb.start()):
        # "..., saying: ..." / "She hoped to meet Keanu Reeves but joked that
        # ...": the verb's subject is the clause's subject.
        return _resolve_np(ctx, start, start + verb.start(), prefer="subject")
    return _resolve_np(ctx, start, start + verb.start(), prefer="last")


_COORDINATED = re.compile(r"(?:,|\band|\bbut|\bthen)\s+(?:(?:also|later|then|has|had|have|was)\s+)*$")


def _resolve_np(ctx: Context, start: int, stop: int, prefer: str) -> str | None:
    """The speaker named by the noun phrase body[start:stop], fully resolved."""
    body = ctx.body
    clause_start = start
    np = body[start:stop]
    if prefer == "first":
        np = _NP_TAIL.sub("", np)
        stop = start + len(np)
    if prefer == "last":
        # Only the words next to the verb are its subject.
        words = list(re.finditer(r"\S+", np))
        if len(words) > 10:
            start += words[-10].start()
            np = body[start:stop]
    pronoun = _PRONOUN.match(np) if prefer != "last" else _last_pronoun(np)
    found_mentions = _mentions_in(ctx, start, stop)
    mentions = [m for m in found_mentions if _can_speak(m)]
    if prefer == "subject":
        first = _first_subject(ctx, np, start, found_mentions)
        if first is not None:
            return first
        return None
    if pronoun and (prefer != "last" or not mentions or mentions[-1].start < start + pronoun.start()):
        return _resolve_pronoun(ctx, pronoun.group("p").lower(), start + pronoun.start())
    if not mentions and _ANAPHOR.match(np.strip()):
        # "said the American", "the 34-year-old added": the person in the news.
        found = _resolve_pronoun(ctx, "one", start)
        if found:
            return found
    people = [m for m in mentions if m.type == "PERSON"]
    if people:
        return (people[0] if prefer == "first" else people[-1]).name
    if mentions:
        # "The State Department said": the name is the subject; but in
        # "a Microsoft spokesman said" a role follows it: a description.
        named = mentions[0] if prefer == "first" else mentions[-1]
        tail = body[named.end : stop]
        head = body[start : named.start]
        head = head[head.rfind(",") + 1 :]  # "In a statement, the Fed said": the clause's own words
        # ... but "a spokesperson for Apple" is a description too.
        role_first = named.type != "PERSON" and ctx.role_words.search(head) and _ANY_DETERMINER.search(head)
        if not role_first and not ctx.role_words.search(tail) and not (set(tail.lower().split()) & _BODY_NOUNS):
            return named.name
        if named.type == "ORG" and _DOCUMENT_TAIL.match(tail):
            return named.name  # "Chelsea's statement said", "the BBC statement": the body's words
    described = _description(ctx, np, start)
    if described:
        return described
    if mentions:
        return (mentions[0] if prefer == "first" else mentions[-1]).name
    if prefer == "last":
        # "He said prosecutions were ... and promised ...": the clause's subject.
        return _first_subject(ctx, body[clause_start:stop], clause_start, _mentions_in(ctx, clause_start, stop))
    return None


def _can_speak(mention: Mention) -> bool:
    """People and bodies speak, and countries through their governments;
    towns, venues and regions never do ("at Old Trafford", "in Texas")."""
    return mention.type != "PLACE" or mention.name in lexicons().countries or mention.name in _SEATS_OF_GOVERNMENT


# Capitals that stand for their governments ("Washington said", "Beijing warned").
_SEATS_OF_GOVERNMENT = frozenset(
    "Washington Beijing Moscow London Paris Berlin Tokyo Brussels Tehran Pyongyang Seoul Delhi Islamabad "
    "Kabul Baghdad Jerusalem Damascus Cairo Ankara Rome Madrid Dublin Kiev Kyiv Canberra Ottawa Havana "
    "Caracas Riyadh Beirut Taipei Westminster Whitehall Kremlin".split()
) | {"New Delhi", "White House"}


def _last_pronoun(np: str) -> re.Match[str] | None:
    m = re.search(r"(?:^|\s)(?P<p>he|she|they|He|She|They|it|It)\s*$", np)
    return m


def _first_subject(ctx: Context, np: str, start: int, mentions: list[Mention]) -> str | None:
    """The subject of the clause that `np` begins: a pronoun, "the 14-year-old",
    or the first name when it stands near the start."""
    m = _PRONOUN.match(np)
    if m:
        return _resolve_pronoun(ctx, m.group("p").lower(), start + m.start())
    words = np.split()
    for n in range(2, min(5, len(words)) + 1):
        if _ANAPHOR.match(" ".join(words[:n])):
            found = _resolve_pronoun(ctx, "one", start)
            if found:
                return found
            break
    # "Mr Begg's father, Azmat, said": a possessor is not the subject.
    mentions = [m for m in mentions if not ctx.body.startswith(("'s", "\u2019s"), m.end)]
    if mentions and mentions[0].start - start <= 60:
        people = [x for x in mentions if x.type == "PERSON" and x.start - start <= 90]
        # "New Metropolitan Police Commissioner Sir Ian Blair": the person, not the force.
        if people and mentions[0].type != "PERSON" and people[0].start - mentions[0].end < 30:
            return people[0].name
        if _can_speak(mentions[0]):
            return mentions[0].name
    if _ANY_DETERMINER.match(np):
        return _description(ctx, np)  # "The organisation said ..."
    return None  # no subject in reach: a quote before may supply one


def _mentions_in(ctx: Context, start: int, stop: int) -> list[Mention]:
    lo = bisect_left(ctx.mention_starts, start)
    hi = bisect_left(ctx.mention_starts, stop)
    return [m for m in ctx.index.mentions[lo:hi] if m.end <= stop and not _in_quote(ctx, m.start)]


def _in_quote(ctx: Context, pos: int) -> bool:
    k = bisect_right(ctx.span_starts, pos) - 1
    return k >= 0 and pos < ctx.spans[k].end


def _description(ctx: Context, np: str, pos: int = -1) -> str | None:
    """Who a described speaker is.

    'the prime minister' -> the person the article gives that title;
    'the committee' -> the committee named before; 'an Israeli official' ->
    'Israeli official', kept as described, without its article.
    """
    phrase = np.strip().rstrip(",")
    if "," in phrase and re.match(r"\s*(?:a|an|the)\s", phrase.rsplit(",", 1)[1]):
        # "In a statement on Monday, a spokesman said": the subject follows the
        # last comma; what stands before it is a clause of its own.
        phrase = phrase.rsplit(",", 1)[1].strip()
    role = ctx.role_words.search(phrase)
    if role and "," in phrase[: role.start()]:
        # "option, our correspondent": the phrase starts after the last comma.
        phrase = phrase[phrase.rfind(",", 0, role.start()) + 1 :].strip()
        role = ctx.role_words.search(phrase)
    # The description starts at the determiner before its head noun.
    dets = list(_ANY_DETERMINER.finditer(phrase, 0, role.start() if role else len(phrase)))
    determined = bool(dets)
    if dets:
        phrase = phrase[dets[-1].end() :]
    phrase = _DETERMINER.sub("", phrase).strip()
    # What follows the noun phrase is not part of it ("the board has", "the
    # mayor said he had", "the document reportedly").
    phrase = _NP_END.split(phrase, 1)[0].strip()
    if not phrase or len(phrase.split()) > 7:
        return None
    roles = ctx.index.roles
    named = roles.get(phrase.lower())
    if named is None and role and phrase.lower().endswith(role.group(0).lower()):
        # "Old Trafford boss": the one person the article calls a boss.
        named = roles.get(role.group(0).lower())
    if named:
        return named
    head = phrase.split()[-1].lower()
    if dets and dets[-1].group().strip().lower() == "the" and role and head not in _UNNAMED_ROLES and pos >= 0:
        # "The Tory leader said", "said the Liverpool player": a definite role
        # names someone the text has named already, most likely its subject.
        found = _resolve_pronoun(ctx, "one", pos)
        if found:
            return found
    if determined and head in _BODY_NOUNS and pos >= 0 and len(phrase.split()) <= 3:
        body = _last_body(ctx, head, pos)
        if body:
            return body
    if role:
        return phrase
    if determined and len(phrase.split()) <= 3 and phrase.islower():
        return phrase  # "said the artists"
    return None


# Roles that describe people the text need not have named ("the spokesman")
# and words for documents: these stay descriptions.
_UNNAMED_ROLES = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials source sources statement report "
    "survey study document filing submission letter memo website witness witnesses resident residents "
    "worker workers analyst analysts economist economists expert experts fan fans critic critics observer "
    "observers insider insiders campaigners activists researchers scientists investors traders dealers "
    "brokers members representatives organisers lawyers prosecutors police union regulator watchdog mps".split()
)
_NP_END = re.compile(
    r",|\s[-\u2013\u2014]\s|\s(?:said|says|told|has|had|have|is|was|were|will|would|also|meanwhile|"
    r"reportedly|however|though|to|but|who|which|that)\b|\s\w+ly\b"
)
_BODY_NOUNS = frozenset(
    "organisation organization group company firm party ministry government department agency union "
    "bank club council committee commission association body charity watchdog regulator network "
    "broadcaster newspaper paper court board league federation institute university team band "
    "airline carrier retailer insurer lender maker manufacturer giant chain operator service army".split()
)


_DOCUMENT_TAIL = re.compile(r"^(?:['\u2019]s)?\s+(?:own\s+|official\s+|written\s+)?(?:statement|website|web site|letter)\s*$")
_ANY_BODY_NOUNS = frozenset(
    "company firm group organisation organization body giant maker manufacturer retailer airline carrier "
    "lender network broadcaster chain operator insurer charity club team band".split()
)


def _last_body(ctx: Context, noun: str, pos: int) -> str | None:
    """The organisation that 'the <noun>' stands for: the last one named."""
    k = bisect_left(ctx.mention_starts, pos) - 1
    fallback = None
    while k >= 0 and ctx.index.mentions[k].start > pos - 2000:
        m = ctx.index.mentions[k]
        k -= 1
        if m.type != "ORG" or _in_quote(ctx, m.start):
            continue
        if noun in m.name.lower():
            return m.name
        fallback = fallback or m.name
    # "the company" is whichever company the text is about; "the government"
    # or "the committee" only one that the text names so.
    return fallback if noun in _ANY_BODY_NOUNS else None


_ANY_DETERMINER = re.compile(r"(?:^|\s)(?:a|an|the|one|another|A|An|The|One|Another)\s+")


def _resolve_pronoun(ctx: Context, pronoun: str, pos: int, floor: int | None = None) -> str | None:
    """The earlier person (or body, for 'they') that a pronoun stands for.

    A name in the pronoun's own sentence is someone else ("Mr Sullivan made
    the decisions, he told the court"); among earlier names, the subject of a
    sentence (its first name) is preferred to a name further in, which is
    more often an object ("Melzer has now beaten Agassi").
    """
    if pronoun in ("i", "we"):
        return None
    want = _SUBJECT_PRONOUNS.get(pronoun)  # None for "they" and "it": a body
    if want is not None:
        last = _last_speaker(ctx, pos, want)
        if last:
            return last
    sentence = _sentence_start(ctx, pos, 0)
    k = bisect_left(ctx.mention_starts, sentence) - 1
    floor = max(0, pos - 3000) if floor is None else floor
    fallback = None
    while k >= 0:
        m = ctx.index.mentions[k]
        if m.start < floor:
            break
        k -= 1
        if _in_quote(ctx, m.start):
            continue
        if want is None:  # "they": a body
            if m.type == "ORG":
                return m.name
            continue
        if m.type != "PERSON":
            continue
        gender = ctx.index.gender.get(m.name, "-")
        if gender != "-" and want != "-" and gender != want:
            continue
        if _is_subject(ctx, m):
            return m.name
        if fallback is None:
            fallback = m.name
    return fallback


def _last_speaker(ctx: Context, pos: int, want: str) -> str | None:
    """'"We agreed nothing," said Jim Moss. He added: ...': a pronoun right
    after a quote stands for its speaker, unless another person of the same
    gender is named in between."""
    k = bisect_left(ctx.span_starts, pos) - 1
    if k < 0 or k >= len(ctx.speakers):
        return None
    span, speaker = ctx.spans[k], ctx.speakers[k]
    if not speaker or span.close_at is None or pos - span.close_at > 250 or speaker not in ctx.index.gender:
        return None
    gender = ctx.index.gender[speaker]
    if gender != "-" and want != "-" and gender != want:
        return None
    # Only the quote's own sentence and the next may stand between.
    if bisect_right(ctx.boundaries, pos) - bisect_right(ctx.boundaries, span.close_at) > 2:
        return None
    # A partial quote's sentence may name its speaker as an object ("Weitz
    # said Pullman had told him ..."): then it says nothing of the subject.
    lo = bisect_left(ctx.mention_starts, _sentence_start(ctx, span.open_at, 0) if span.kind == "partial" else span.close_at)
    hi = bisect_left(ctx.mention_starts, pos)
    for m in ctx.index.mentions[lo:hi]:
        if m.type == "PERSON" and m.name != speaker and not _in_quote(ctx, m.start):
            other = ctx.index.gender.get(m.name, "-")
            if other == "-" or want == "-" or other == want:
                return None
    return speaker


def _is_subject(ctx: Context, mention: Mention) -> bool:
    """Whether a name is its sentence's subject: near its start, no name before it."""
    start = _sentence_start(ctx, mention.start, 0)
    lead = ctx.body[start : mention.start]
    if "," in lead:
        intro, _, rest = lead.partition(",")
        if len(intro.split()) <= 6 and len(rest.split()) <= 3:
            lead = rest  # "In London, Mr Blair said ..."
    if _PRONOUN.match(lead) and not lead.lstrip().startswith(("I ", "We ", "we ")):
        return False  # "He destroyed South Africa's Os du Randt": the pronoun is the subject
    if len(lead.split()) > 4 or re.search(r"\b(?:by|to|with|against|beat|beaten|of|for|from|told|and|tipped|after|about|meeting|met|replaced|replacing|succeeded|sacked|signed|signing|joined|joining)\s+\S*\s*$", lead):
        return False
    k = bisect_left(ctx.mention_starts, start)
    return not any(m.type == "PERSON" for m in ctx.index.mentions[k:] if m.start < mention.start)


def speech_in_sentence(ctx: Context, span: Span) -> bool:
    """Whether the sentence around a span, outside its marks, reports speech."""
    start = _sentence_start(ctx, span.open_at, 0)
    k = bisect_right(ctx.boundaries, span.end)
    stop = ctx.boundaries[k] if k < len(ctx.boundaries) else len(ctx.body)
    stop = min(stop, (span.close_at or span.end) + MAX_SENTENCE)
    body = ctx.body
    return bool(_VERB.search(body, start, span.open_at) or _VERB.search(body, span.close_at or span.end, stop))
