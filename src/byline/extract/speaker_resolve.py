"""Whom an attribution names: a noun phrase or a description resolved to the
fullest name the article gives (pronouns: `speaker_pronouns`).

Each step that is not a plain name leaves a mark on `ctx.trail`
(`pronoun->Tony Blair`, `role->Gordon Brown`, `description`), which becomes
part of the quote's evidence.
"""

from __future__ import annotations

import re

from byline.extract.entities import Mention
from byline.extract.lexicons import lexicons
from byline.extract.speaker_antecedents import (
    PLURAL_BODIES,
    body_subject_before,
    document_author,
    introduced_as,
    last_body,
    last_named_before,
    last_pair,
    only_person_before,
    spokesperson_before,
    the_one_named,
)
from byline.extract.speaker_bodies import MEMBERS, WRITTEN_NOUNS
from byline.extract.speaker_context import (
    Context,
    can_speak,
    head_can_speak,
    holds_another_office,
    mentions_in,
    person_name,
    title_before_name,
)
from byline.extract.speaker_names import FIRST, LAST, SUBJECT, Prefer, set_off_name, unlisted_name
from byline.extract.speaker_patterns import (
    ANAPHOR,
    ANY_DETERMINER,
    BODY_NOUNS,
    DASH,
    DETERMINER,
    DOCUMENT_NOUNS,
    DOCUMENT_TAIL,
    LAST_PRONOUN,
    LEADING_LINK,
    LEGAL_DOCUMENTS,
    NP_END,
    NP_TAIL,
    POSSESSIVE_DETERMINER,
    PRONOUN,
    UNNAMED_ROLES,
    WORD,
)
from byline.extract.speaker_pronouns import POSSESSIVE, describes, resolve_pronoun
from byline.extract.speaker_subjects import (
    introduced_subject,
    joint_subject,
    only_objects_before,
    relative_subject,
    whose_role,
)

SUBJECT_WORDS = 10  # words next to a verb that may hold its subject
FIRST_SUBJECT_REACH = 60  # characters into a clause its subject may start
PERSON_AFTER_BODY = 30  # "Police Commissioner Sir Ian Blair": a person this close after a body is its head
MAX_DESCRIPTION_WORDS = 7  # words a description may run to ("spokesman for the firm")
ROLE_LEAD_WORDS = 3  # words before a role noun at a clause's start that may describe it ("Church ministers")
# A subject set off from its verb by a participle or relative clause.
_INTERRUPTION = re.compile(
    r"^(?P<head>[^,]+?),\s+(?:who|which|whose|[a-z]+ed|[a-z]+ing)\b[^,]*,\s*(?:(?:has|have|had|was|is|also|later)\s+)*$"
)
# A new clause with its own subject: "Cyprus is a member, but Turkey ... had insisted".
_CONTRAST_CLAUSE = re.compile(r",\s+(?:but|while|whereas|although|though)\s+")


def resolve_np(ctx: Context, start: int, stop: int, prefer: Prefer) -> str | None:
    """The speaker named by the noun phrase body[start:stop], fully resolved.

    `prefer` says which name in the phrase is the verb's subject: "first"
    (after an inverted verb), "last" (before the verb) or "subject" (the
    clause's first, before a participle)."""
    body = ctx.body
    clause_start = start
    np = body[start:stop]
    if prefer == FIRST:
        np = NP_TAIL.sub("", np)
        stop = start + len(np)
    if prefer == LAST:
        interrupted = _INTERRUPTION.match(np)
        if interrupted:  # "Her lawsuit, filed in the US District Court, said": the head
            stop = start + interrupted.end("head")
            np = body[start:stop]
        words = list(WORD.finditer(np))
        if len(words) > SUBJECT_WORDS:
            start += words[-SUBJECT_WORDS].start()
            np = body[start:stop]
    pronoun = PRONOUN.match(np) if prefer != LAST else LAST_PRONOUN.search(np)
    found_mentions = mentions_in(ctx, start, stop)
    mentions = [m for m in found_mentions if can_speak(ctx, m)]
    if prefer == SUBJECT:
        clauses = list(_CONTRAST_CLAUSE.finditer(np))
        # "Mr Milburn said ..., but insisted that": a clause with no subject
        # of its own goes on with the sentence's.
        if clauses and np[clauses[-1].end() :].strip():  # the participle's subject is the last clause's
            start += clauses[-1].end()
            np = body[start:stop]
            found_mentions = [m for m in found_mentions if m.start >= start]
        return first_subject(ctx, np, start, found_mentions)
    if pronoun and (prefer != LAST or not mentions or mentions[-1].start < start + pronoun.start()):
        word = pronoun.group("p").lower()
        at = start + pronoun.start()
        body_subject = body_subject_before(ctx, at) if word in ("it", "its") else None
        if body_subject:
            ctx.trail.append(f"pronoun->{body_subject}")
            return body_subject
        found = relative_subject(ctx, word, at) or resolve_pronoun(ctx, word, at)
        intro = spokesperson_before(ctx, word, start)
        if intro and found and not intro[0] > last_named_before(ctx, found, at) >= 0:
            intro = None  # the person was named after the spokesperson came in (or is no name)
        if intro is None:
            return found
        # "A spokeswoman for Oxford University said ... "...," she said": the
        # spokesperson introduced since the person last named.
        if found:
            ctx.trail.remove(f"pronoun->{found}")
        ctx.trail.append("pronoun->description")
        return intro[1]
    comma = np.rfind(",")
    if (
        comma >= 0
        and prefer == LAST
        and ANAPHOR.match(np[comma + 1 :].strip())
        and only_objects_before(body, start, start + comma, mentions)
    ):
        # "Reacting to a comment by Tim Phillips, the American said": a person
        # the clause before the comma names as an object is not the anaphor's
        # ("When Lleyton Hewitt shook his hand, the Australian said" keeps its subject).
        mentions = [m for m in mentions if m.start > start + comma]
        np, start = np[comma + 1 :], start + comma + 1
    elif comma >= 0 and prefer == LAST and introduced_subject(np, comma, mentions, start):
        # "Writing in the Northern Echo, the Bishop said": the names of an
        # opening phrase are where or to whom one spoke; the subject is the
        # description after the comma, which names nobody.
        mentions = []
        np, start = np[comma + 1 :], start + comma + 1
        clause_start = start
    people_named = any(m.type == "PERSON" for m in mentions)
    if not people_named and ANAPHOR.match(np.strip()) and not ctx.role_words.search(np):
        # (a name inside the phrase only describes: "the Waterford man")
        # "said the American", "the 34-year-old added": the person in the news.
        found = resolve_pronoun(ctx, "one", start)
        if found:
            return found
    owned = _owner_of_document(body, mentions, stop)
    if owned:  # "Mr Kok's report noted", "Mr Crosby's statement said": the owner's words
        name = person_name(ctx, owned) if owned.type == "PERSON" else owned.name
        ctx.trail.append(f"document->{name}")
        return name
    # "Commenting on Mr McLetchie's decision, a party spokesman said": a possessor is no subject.
    people = [m for m in mentions if m.type == "PERSON" and not (prefer == LAST and body.startswith(POSSESSIVE, m.end))]
    joint = joint_subject(ctx, mentions, stop) if prefer == LAST else None
    if joint:
        ctx.trail.append("joint-subject")
        return joint
    if people:
        # "Glenn Maguire, chief economist at Societe Generale": the person
        # heads the phrase, whatever bodies describe them.
        chosen = people[0] if prefer == FIRST or _appositive(body, people, start) else people[-1]
        if whose_role(ctx, chosen, stop):
            described = description(ctx, body[start:stop], start)
            if described:  # "a Howard spokesman said": the spokesman speaks, not Mr Howard
                return described
        return person_name(ctx, chosen)
    unlisted = unlisted_name(ctx, np, prefer, found_mentions)
    if unlisted:
        ctx.trail.append("unlisted-name")
        return unlisted
    if mentions:
        # "The State Department said": the name is the subject; but in
        # "a Microsoft spokesman said" a role follows it: a description.
        named = mentions[0] if prefer == FIRST else mentions[-1]
        tail = body[named.end : stop]
        head = body[start : named.start]
        head = head[head.rfind(",") + 1 :]  # "In a statement, the Fed said": the clause's own words
        # ... but "a spokesperson for Apple" is a description too.
        role_first = named.type != "PERSON" and ctx.role_words.search(head) and ANY_DETERMINER.search(head)
        if not role_first and not ctx.role_words.search(tail) and not (set(tail.lower().split()) & BODY_NOUNS):
            return named.name
        if named.type == "ORG" and _names_document(tail):
            return named.name  # "Chelsea's statement said", "the BBC statement": the body's words
    described = description(ctx, np, start)
    if described:
        return described
    if mentions:
        return (mentions[0] if prefer == FIRST else mentions[-1]).name
    if prefer == LAST:
        # "He said prosecutions were ... and promised ...": the clause's subject.
        return first_subject(ctx, body[clause_start:stop], clause_start, mentions_in(ctx, clause_start, stop))
    return None


def _owner_of_document(body: str, mentions: list[Mention], stop: int) -> Mention | None:
    """The name whose document ends the phrase: "Mr Kok's (final) report"."""
    if not mentions:
        return None
    last = mentions[-1]
    if not body.startswith(POSSESSIVE, last.end):
        return None
    words = body[last.end + 2 : stop].split()
    return last if 1 <= len(words) <= 3 and words[-1].lower() in DOCUMENT_NOUNS else None


def _names_document(tail: str) -> bool:
    """Whether the words after a body's name make it a document of that body
    ("Chelsea's statement", "a Law Commission report which")."""
    if DOCUMENT_TAIL.match(tail):
        return True
    words = tail.lstrip("'\u2019s").split()
    return bool(words) and words[0].lower() in DOCUMENT_NOUNS


def _appositive(body: str, people: list[Mention], start: int) -> bool:
    """Whether the phrase opens with a person set off by a comma: "Glenn
    Maguire, chief economist for the region at ..."."""
    first = people[0]
    return not body[start : first.start].strip() and body[first.end : first.end + 1] == ","


def first_subject(ctx: Context, np: str, start: int, mentions: list[Mention]) -> str | None:
    """The subject of the clause that `np` begins: a pronoun, "the 14-year-old",
    or the first name when it stands near the start."""
    link = LEADING_LINK.match(np)
    m = PRONOUN.match(np, link.end() if link else 0)  # "But he said ..."
    if m:
        return resolve_pronoun(ctx, m.group("p").lower(), start + m.start())
    words = np.split()
    for n in range(2, min(5, len(words)) + 1):
        if ANAPHOR.match(" ".join(words[:n])):
            found = resolve_pronoun(ctx, "one", start)
            if found:
                return found
            break
    interrupted = _INTERRUPTION.match(np)
    if interrupted:  # "Her lawsuit, filed in the US District Court, said": the head only
        head = interrupted.group("head")
        in_head = [m for m in mentions if m.end <= start + len(head)]
        # (a document or "the firm" needs its place, to find whose it is or
        # which; a role here is kept as described)
        noun = head.split()[-1].lower()
        place = start if noun in DOCUMENT_NOUNS or noun in BODY_NOUNS else -1
        described = description(ctx, head, place) if not in_head else None
        if in_head or described:
            return described or first_subject(ctx, head, start, in_head)
    # "Mr Begg's father, Azmat, said": a possessor is not the subject.
    mentions = [m for m in mentions if not ctx.body.startswith(POSSESSIVE, m.end)]
    # "Prospective Tory candidate Andrew Mennear": what stands before the role describes him.
    mentions = [m for k, m in enumerate(mentions) if k + 1 == len(mentions) or not describes(ctx, m, mentions[k + 1])]
    if mentions and all(m.type != "PERSON" for m in mentions) and np.rstrip().endswith(","):
        named = unlisted_name(ctx, np, LAST, mentions)
        if named:  # "The UN's relief coordinator, Jan Egeland, said"
            ctx.trail.append("unlisted-name")
            return named
    first_at = mentions[0].start if mentions else start + len(np)
    # "US behemoth General Electric": the place describes the firm that speaks.
    while (
        len(mentions) > 1
        and not can_speak(ctx, mentions[0])
        and mentions[1].start - mentions[0].end < PERSON_AFTER_BODY
    ):
        mentions = mentions[1:]
    if mentions and first_at - start <= FIRST_SUBJECT_REACH:
        people = [x for x in mentions if x.type == "PERSON" and x.start - start <= FIRST_SUBJECT_REACH * 3 // 2]
        # "New Metropolitan Police Commissioner Sir Ian Blair": the person, not the force.
        if people and mentions[0].type != "PERSON" and people[0].start - mentions[0].end < PERSON_AFTER_BODY:
            return person_name(ctx, people[0])
        lead = np[: mentions[0].start - start]
        if not people and ANY_DETERMINER.match(lead) and ctx.role_words.search(lead):
            described = description(ctx, np, start)
            if described:  # "A spokesman for Unison, Britain's biggest union, said": him
                return described
        head = mentions[1] if title_before_name(ctx.body, mentions) else mentions[0]
        if can_speak(ctx, head):
            return person_name(ctx, head) if head.type == "PERSON" else head.name
    named = None if mentions else set_off_name(np, mentions, lexicons())
    if named:
        ctx.trail.append("unlisted-name")
        return named
    role = ctx.role_words.search(np)
    if ANY_DETERMINER.match(np) or role and len(np[: role.start()].split()) < ROLE_LEAD_WORDS:
        # "The organisation said ...", "Church ministers are ...": the phrase
        # that opens the clause, not an object further in ("The tribunal
        # upheld ... in connection with a contract, but said").
        later = ANY_DETERMINER.search(np, 1) if ANY_DETERMINER.match(np) else None
        # (at its place: "The chancellor would not comment, but insisted" is the person named before)
        return description(ctx, np[: later.start()] if later else np, start)
    return None  # no subject in reach: a quote before may supply one


def description(ctx: Context, np: str, pos: int = -1) -> str | None:
    """Who a described speaker is.

    'the prime minister' -> the person the article gives that title;
    'the committee' -> the committee named before; 'an Israeli official' ->
    'Israeli official', kept as described, without its article.
    """
    phrase = DASH.split(np.strip().rstrip(","))[-1]  # "a bid in the summer - but Parry": after the dash
    if "," in phrase and re.match(r"\s*(?:a|an|the)\s", phrase.rsplit(",", 1)[1]):
        # "In a statement on Monday, a spokesman said": the subject follows the
        # last comma; what stands before it is a clause of its own.
        phrase = phrase.rsplit(",", 1)[1].strip()
    role = ctx.role_words.search(phrase)
    if role and role.group(0).lower() in DOCUMENT_NOUNS:
        role = None  # "In a joint statement the firms said": a document is no role
    if role and "," in phrase[: role.start()]:
        # "option, our correspondent": the phrase starts after the last comma.
        phrase = phrase[phrase.rfind(",", 0, role.start()) + 1 :].strip()
        role = ctx.role_words.search(phrase)
    last_word = phrase.rstrip().rfind(" ") + 1
    owner = POSSESSIVE_DETERMINER.search(phrase, 0, role.start() if role else last_word)
    # The description starts at the determiner before its head noun.
    dets = list(ANY_DETERMINER.finditer(phrase, 0, role.start() if role else len(phrase)))
    determined = bool(dets)
    if dets:
        phrase = phrase[dets[-1].end() :]
    phrase = DETERMINER.sub("", phrase).strip()
    # What follows the noun phrase is not part of it ("the board has", "the
    # mayor said he had", "the document reportedly").
    phrase = NP_END.split(phrase, 1)[0].strip()
    if not phrase or len(phrase.split()) > MAX_DESCRIPTION_WORDS:
        return None
    head = phrase.split()[-1].lower()
    if head in DOCUMENT_NOUNS:
        return document_author(ctx, owner, pos, head in LEGAL_DOCUMENTS)
    roles = ctx.index.roles
    # "a spokesman said": someone new, not the spokesman the article names.
    indefinite = bool(dets) and dets[-1].group().strip().lower() in ("a", "an")
    named = None if indefinite else roles.get(phrase.lower())
    if named is None and not indefinite and role and phrase.lower().endswith(role.group(0).lower()):
        # "Old Trafford boss": the one person the article calls a boss.
        named = roles.get(role.group(0).lower())
    if named:
        ctx.trail.append(f"role->{named}")
        return named
    head = phrase.split()[-1].lower()
    if dets and dets[-1].group().strip().lower() == "the" and role and head not in UNNAMED_ROLES and pos >= 0:
        # "The Tory leader said", "said the Liverpool player": a definite role
        # names someone the text has named already: the one person the sentence
        # before names ("... are the UK's top policeman Sir John Stevens. The
        # Metropolitan police chief said"), else most likely a subject.
        trail = len(ctx.trail)
        found = only_person_before(ctx, pos) or resolve_pronoun(ctx, "one", pos)
        if found and holds_another_office(ctx, found, role.group(0)):
            # "Chancellor Gordon Brown ... the prime minister said": not him;
            # with nobody named in the office, the description stands.
            del ctx.trail[trail:]
            found = None
            held = ctx.role_words.search(phrase)
            phrase = phrase[: held.end()] if held else phrase  # ("the prime minister time and again insisted")
        if found:
            ctx.trail.append(f"role->{found}")
            return found
    if dets and dets[-1].group().strip().lower() == "the" and phrase.lower() in MEMBERS and pos >= 0:
        # "the MPs said" after the committee is named: its members speak for it
        committee = next((b for b in (last_body(ctx, noun, pos) for noun in sorted(WRITTEN_NOUNS)) if b), None)
        if committee:
            ctx.trail.append(f"body->{committee}")
            return committee
    if dets and dets[-1].group().strip().lower() == "the" and head in PLURAL_BODIES and pos >= 0:
        pair = last_pair(ctx, pos)
        if pair:  # "EADS and BAE Systems welcomed it. "...," the companies said"
            ctx.trail.append("joint-subject")
            return pair
    if determined and head in BODY_NOUNS and pos >= 0 and len(phrase.split()) <= 3:
        found = last_body(ctx, head, pos)
        if found:
            ctx.trail.append(f"body->{found}")
            return found
    if dets and dets[-1].group().strip().lower() == "the" and phrase.lower() in UNNAMED_ROLES and pos >= 0:
        introduced = introduced_as(ctx, phrase, pos)
        if introduced:
            ctx.trail.append("description")
            return introduced
    # A description's head is a noun: not a function word or an adverb ("the same again").
    noun_head = head_can_speak(ctx, head)
    if role or determined and len(phrase.split()) <= 3 and phrase.islower() and noun_head:
        named = the_one_named(ctx, phrase)
        if named:  # "a committee of MPs and peers has warned": the committee the text names
            ctx.trail.append(f"body->{named}")
            return named
        ctx.trail.append("description")
        return phrase  # "said the artists", not "do the same again"
    return None
