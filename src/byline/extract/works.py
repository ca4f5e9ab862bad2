"""Names that are not entities: products and titles of works.

"its Durex condoms", "brands such as Lemsip": products; "the film Ray",
"starring in Alfie", "Sideways, which won five awards": works. The guidelines
leave both out; a person's name that the text gives in full stays a person.
"""

from __future__ import annotations

import re

from byline.extract.char_offsets import matches_from, offsets_of
from byline.extract.lexicons import Lexicons, alternation, cue_words
from byline.extract.names import Candidate

_CUES = cue_words()


# "its Durex condoms", "brands such as Lemsip and Strepsils": products, not bodies.
# (Literal openings: a pattern that starts with \b or a case-insensitive group
# makes the regex engine try every position of the text, and this runs per article.
# One pattern per word, kept with its word: the pattern is matched only where
# str.find finds the word (`char_offsets`), where an alternation is tried at every
# "i", "t", "l", "c", "n" or "s" of the text. No word holds another, so the
# matches are those of the alternation.)
_PRODUCT_ITS = tuple((word, re.compile(rf"{word}\s+(?=[A-Z])")) for word in ("its", "their"))
_PRODUCT_SUCH = tuple(
    (word, re.compile(rf"{word}\s+(?=[A-Z])")) for word in ("such as", "like", "including", "called", "named")
)
_PRODUCT_KIND = re.compile(rf"{alternation(_CUES['product_kinds'])},?\s+$", re.IGNORECASE)
_PRODUCT_NOUN = re.compile(rf" {alternation(_CUES['product_nouns'])}\b")
# The titles listed after "films such as": capitalised words, with the small
# words that live inside titles, joined by commas and "and".
_TITLE = r"[A-Z0-9][\w'\u2019/-]*(?:\s+(?:(?:of|the|a|an|to|in|on|at)\s+)*[A-Z0-9][\w'\u2019/-]*)*"
_TITLE_LIST = re.compile(rf"{_TITLE}(?:(?:,\s+|,?\s+(?:and|or)\s+){_TITLE})*")
_KIND_CHARS = 20  # looked at before "such as" for the kind of thing listed
_PRODUCT_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$")


def products(body: str, cands: list[Candidate], lex: Lexicons) -> set[str]:
    """Names the text introduces as products: the possessive of a firm before
    a name and a product noun after it, or a list after "brands such as"."""
    leads = {
        m.end(): True
        for word, pattern in _PRODUCT_ITS
        for m in matches_from(pattern, body, offsets_of(body, (word,)))
        if m.start() == 0 or not body[m.start() - 1].isalpha()
    }
    lists: list[tuple[int, int]] = []  # "films such as Saving Private Ryan, Forrest Gump and Ghost"
    for m in (m for word, pattern in _PRODUCT_SUCH for m in matches_from(pattern, body, offsets_of(body, (word,)))):
        if _PRODUCT_KIND.search(body, max(0, m.start() - _KIND_CHARS), m.start()):
            leads[m.end()] = False
            listed = _TITLE_LIST.match(body, m.end())
            if listed:
                lists.append(listed.span())
    if not leads:
        return set()
    out: set[str] = {c.text for c in cands for start, end in lists if start <= c.start < end}
    prev_end = -1
    for cand in cands:
        if prev_end >= 0 and _PRODUCT_LIST_GAP.match(body, prev_end, cand.start):
            out.add(cand.text)
            prev_end = cand.end
            continue
        prev_end = -1
        possessive = leads.get(cand.start)
        if possessive is None or cand.strong or cand.type == "PERSON":
            continue
        if not possessive:
            out.add(cand.text)
            prev_end = cand.end
        elif _PRODUCT_NOUN.match(body, cand.end):
            out.add(cand.text)
    return {name for name in out if name not in lex.orgs and name not in lex.places}


# Titles of works, written without quote marks: "the film Ray", "starring in
# Alfie", "best actor for Kinsey", "Sideways, which won five awards"; a
# broadcaster's or a country's initials lead as "the" does: "TV soap Neighbours",
# "BBC series Ballykissangel", "US sitcom Friends"; a title's own "The" may stand
# between ("animated fable The Polar Express").
_WORK_LEAD = re.compile(
    r"\b(?:(?:the|his|her|their|its|a|an|\w+['\u2019]s?|new|latest|hit|first|second|next|last|[A-Z]{2,4}[0-9]?)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}"
    rf"{alternation(_CUES['work_kinds'])}|{alternation(_CUES['work_kinds_alone'])}|"
    r"(?:starring|starred|stars|appeared|appears) in|"
    # (the space before the end is the pattern's last: "version of Thunderbirds", "star of the film")
    r"(?P<of>(?:creator|cast|writer) of|sequel to|remake of|adaptation of|versions? of)(?: the)?|"
    r"(?P<for>(?:actor|actress|director|screenplay|role|nomination|nominations|nominated|won) for))(?:\s+The)?\s+$"
)
# After a name: a possessive, or a noun that the name only qualifies.
_QUALIFIED = re.compile(
    rf"\s+(?:{alternation(_CUES['work_kinds'])}|{alternation(_CUES['product_nouns'])}|novels|books|films)s?\b"
)
_LEAD_CHARS = 40  # looked at before a name for a lead
_LEAD_ENDINGS = (
    frozenset(_CUES["work_kinds"])
    | frozenset(_CUES["work_kinds_alone"])
    | frozenset("in of the to for star stars co-star creator cast writer".split())
)
_WORK_AFTER = re.compile(
    r",? (?:which|that) (?:won|stars|starred|tells|grossed)\b|, starring\b|, directed by\b|"
    r" (?:grossed|opened at the box office|topped the box office)\b"
)


# A work named by the people who make it: "Harry Potter star Daniel Radcliffe",
# "Lord of the Rings director Peter Jackson".
_WORK_BY = re.compile(rf" {alternation(_CUES['work_makers'])} (?=[A-Z])")


def works(body: str, cands: list[Candidate], lex: Lexicons) -> set[str]:
    out: set[str] = set()
    # "In the film DiCaprio plays Hughes": a person's name that the text
    # gives in full elsewhere is the person, whatever stands before it.
    named = {w for c in cands if c.type == "PERSON" and " " in c.text for w in c.text.split()}
    work_end = -1  # where the last work found ends: "starred in Collateral and Ray" lists two
    for cand in cands:
        if work_end >= 0 and _PRODUCT_LIST_GAP.match(body, work_end, cand.start):
            # (a full name after a comma alone is more often an apposition:
            # "star of the TV programme The OC, Micha Barton")
            apposition = cand.type == "PERSON" and " " in cand.text and body[work_end : cand.start].strip() == ","
            if not cand.strong and cand.text not in named and cand.type != "PLACE" and not apposition:
                out.add(cand.text)
                work_end = cand.end
                continue
        work_end = -1
        if (
            cand.type == "PERSON"
            and not cand.text.endswith("s")
            and _WORK_BY.match(body, cand.end)
            and cand.text not in lex.orgs
            and cand.text not in lex.places
        ):
            # "Harry Potter star Daniel Radcliffe": a person's name that has a
            # star is a character's, a work ("Happy Mondays star Bez": a band)
            out.add(cand.text)
            continue
        if cand.strong or cand.text in named:
            continue
        before = body[max(0, cand.start - _LEAD_CHARS) : cand.start].rsplit(None, 1)
        # (the word right before must end a lead: most names are not near one,
        # and this spares them the search)
        lead = (
            _WORK_LEAD.search(body, max(0, cand.start - _LEAD_CHARS), cand.start)
            if (before and before[-1].lower() in _LEAD_ENDINGS)
            else None
        )
        if lead and cand.type == "PERSON" and (lead.group("for") or body.startswith(("'s", "\u2019s"), cand.end)):
            continue  # "best actress for Cate Blanchett", "starred in Jean-Pierre Jeunet's film"
        if lead and (
            lead.group("of") and body.startswith(("'", "\u2019"), cand.end) or _QUALIFIED.match(body, cand.end)
        ):
            # "a version of Pfizer's drug", "an adaptation of Lemony Snicket novels",
            # "blockbuster West End musicals": whose, or where, not what
            continue
        if lead or _WORK_AFTER.match(body, cand.end):
            out.add(cand.text)
            work_end = cand.end if lead else -1
    return out
