"""Patterns of attribution in news English: reporting verbs, the noun phrases
around them, sentence boundaries. The verbs come from `lexicons/`; the
patterns say where a speaker's name stands relative to them.
"""

from __future__ import annotations

import re

from byline.extract.lexicons import speaker_words

_WORDS = speaker_words()


def _alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of `words`, factored as a trie ("sa(?:id|ys|y)"):
    Python's `re` tries every branch of a flat alternation at every position,
    and these patterns run over every sentence that holds a quote."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    # Longest first: a word must not stop at a shorter word it begins with.
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


FINITE = _alternation(_WORDS.reporting_verbs)
PARTICIPLES = _alternation(_WORDS.reporting_participles)
UNNAMED_ROLES = _WORDS.unnamed_roles
OFFICES = _WORDS.offices
BODY_NOUNS = _WORDS.body_nouns
ANY_BODY_NOUNS = _WORDS.any_body_nouns
SEATS_OF_GOVERNMENT = _WORDS.seats_of_government
DOCUMENT_NOUNS = _WORDS.document_nouns
LEGAL_DOCUMENTS = _WORDS.legal_documents

VERB = re.compile(rf"\b(?:(?P<finite>{FINITE})|(?P<participle>{PARTICIPLES})|(?P<according>according to))\b")
# Words that may stand between a subject and its verb ("has also said").
AUX = (
    r"(?:(?:has|had|have|also|later|then|was|were|is|once|previously|recently|subsequently|earlier|again|"
    r"simply|just|repeatedly|reportedly|publicly|privately|only|would|will|could|may|might|has also|had also|"
    r"is also|was|being|been|quoted as|quoted)\s+)*"
)
# A character of a noun phrase: no clause punctuation, but "Dr." may stand in one.
# "(IETF)" and "Computerandvideogames.com" too.
NPC = r"(?:[^,.;:!?\"\u201c\u201d()]|(?<=\bMr|\bMs|\bDr)\.|(?<=\bMrs)\.|\(\w{1,12}\)|(?<=\w)\.(?=\w))"
MAX_NP = 120  # characters a speaker's noun phrase may run to
MAX_CLAUSE_NP = 60
AFTER_INVERTED = re.compile(rf"^\s*[,;:\u2014\u2013-]?\s*(?:{FINITE})\s+(?P<np>{NPC}{{1,{MAX_NP}}})")
AFTER_SUBJECT = re.compile(
    rf"^\s*[,;:\u2014\u2013-]?\s*(?P<np>(?:,|{NPC}){{1,{MAX_NP}}}?),?\s+{AUX}(?:{FINITE}|according to)\b"
)
CLAUSE_FINAL = re.compile(
    rf",\s+(?:(?!(?:but|and|or|so|yet|then)\b)(?P<np>{NPC}{{1,{MAX_CLAUSE_NP}}}?)\s+{AUX}(?:{FINITE})"
    rf"|(?:{FINITE})\s+(?!(?:in|on|at|to|during|after|before|last|this|yesterday|earlier|later)\b)(?P<inv>{NPC}{{1,{MAX_CLAUSE_NP}}}))"
    # (an appositive may follow: "said Tony Froggatt, S&N's chief executive.")
    rf"(?:,\s+{NPC}{{1,{MAX_CLAUSE_NP}}})?(?:\s+{NPC}{{0,40}})?[.!?]?\s*$"
)
# "The Peter Hain "mongrel" attack, he says, is the latest example": a
# parenthetical attribution inside the sentence after the quote.
PARENTHETICAL = re.compile(
    rf",\s+(?P<np>he|she|they|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{0,2}})\s+(?:{FINITE}),\s"
)
AFTER_ACCORDING = re.compile(rf"^\s*[,;:\u2014\u2013-]?\s*according to\s+(?P<np>{NPC}{{1,{MAX_NP}}})")
# '"...," is the dry assessment of Graham Lane': the speaker is whose verdict it is.
AFTER_VERDICT = re.compile(
    rf"^\s*[,;:]?\s*(?:is|was|are|were)\s+(?:the|a|an)\s+(?:[a-z]+\s+){{0,2}}"
    rf"(?:{'|'.join(_WORDS.verdict_nouns)})\s+(?:of|from)\s+(?P<np>{NPC}{{1,{MAX_NP}}})"
)
# "..., according to Q magazine editor Paul Rees." at the end of the quote's clause.
CLAUSE_ACCORDING = re.compile(rf",\s+according to\s+(?P<np>{NPC}{{1,{MAX_NP}}})[.!?]?\s*$")
DASH = re.compile(r"\s[-\u2013\u2014]\s")
POSSESSIVE_DETERMINER = re.compile(r"(?:^|\s)(?P<p>his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "with leader Charles Kennedy saying": the noun after "with" is the participle's subject.
WITH_PARTICIPLE = re.compile(rf"\bwith\s+(?P<np>{NPC}{{1,{MAX_CLAUSE_NP}}}?)\s+(?:{PARTICIPLES})\b")
# "described by Sharon as": a passive reporting verb names its speaker after "by".
# ("labelled a "..." by the Conservatives": "as" may be left out.)
# "have been described as "..." by the IHRC": the passive's agent follows the
# quote (and any quotes joined to it).
PASSIVE_AS = re.compile(
    rf"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:{FINITE})(?:\s+as)?(?:\s+(?:the|a|an))?\s*$"
)
AGENT_AFTER = re.compile(
    rf"(?:\s*(?:,|and|or)\s*[\"\u201c][^\"\u201c\u201d]{{0,120}}[\"\u201d])*,?\s+by\s+(?P<np>{NPC}{{1,{MAX_CLAUSE_NP}}})"
)
# "Arab News quoted Prince Saud as saying": the one quoted speaks, not the paper.
QUOTED_AS = re.compile(rf"\bquoted\s+(?P<np>{NPC}{{1,{MAX_CLAUSE_NP}}}?)\s+as\s+(?:saying|telling|adding)\b")
PASSIVE_BY = re.compile(rf"\b(?:{FINITE})\s+by\s+(?P<np>{NPC}{{1,{MAX_CLAUSE_NP}}}?)\s+as(?:\s+(?:the|a|an))?\s*$")
PASSIVE_BY_ENDS = ("as", "the", "a", "an")  # the last words of its matches (its spaces left out)

# A sentence ends at . ! or ? (and any closing marks) before white space,
# unless the full stop ends an abbreviation ("Mr.", "St.") or an initial ("J.").
# The lookbehinds come after the punctuation so the regex engine can scan fast;
# one for the abbreviations of each length (a lookbehind is of one width), not
# one for each: every full stop of every body is tried against them.
ABBREVIATIONS = "Mr Mrs Ms Dr St No vs Gen Gov Sen Rep Inc Co Lt Col Jr Sr Prof Capt Sgt Mt Ft".split()
_ABBREVIATED = "".join(
    rf"(?<!\b(?:{'|'.join(w for w in ABBREVIATIONS if len(w) == size)}).)"
    for size in sorted({len(w) for w in ABBREVIATIONS})
)
BOUNDARY_STARTS = ".!?"  # what a boundary opens with
BOUNDARY = re.compile(f"[{BOUNDARY_STARTS}]" + _ABBREVIATED + r"(?<!\b[A-Z].)" + "[\"\u201d\u2019')]*\\s+")

PRONOUN = re.compile(r"^\s*(?P<p>he|she|they|He|She|They|it|It|I|we|We)\b")
LAST_PRONOUN = re.compile(r"(?:^|\s)(?P<p>he|she|they|He|She|They|it|It)(?:\s+[a-z]+ly)?\s*$")  # "he bitterly said"
DETERMINER = re.compile(r"^(?:(?:a|an|the|one|another|his|her|their|its|our|my|your)\s+)", re.IGNORECASE)
ANY_DETERMINER = re.compile(r"(?:^|\s)(?:a|an|the|one|another|A|An|The|One|Another)\s+")
NP_TAIL = re.compile(
    r"\s+(?:who|which|that|in|on|at|to|during|after|before|when|while|as|last|this|yesterday|earlier|on|"
    r"adding|saying|told)\b.*$"
)
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "one": "-"}
ANAPHOR = re.compile(
    r"^(?:the|The)\s+(?:[\w-]+\s+){0,3}?(?:\d+-year-old(?:\s+[a-z-]+)?|[A-Z][a-z]+(?:an|ian|ese|ish|i)|champion|defender|striker|"
    r"midfielder|winger|goalkeeper|keeper|forward|skipper|veteran|youngster|teenager|seed|star|"
    r"singer|actor|actress|rapper|musician|film-maker|frontman|world number one|number one|"
    # nouns that name people only ("the Oscar winner", "the novelist")
    r"[a-z]{3,}ist|[a-z]{3,}ian|winner|holder|performer|presenter|founder|writer|director|producer|composer|author|"
    # "the Waterford man", "the Cork-born woman": a person described by a place
    r"man|woman)$"
)
COORDINATED = re.compile(r"(?:,|\band|\bbut|\bthen)\s+(?:(?:also|later|then|has|had|have|was)\s+)*$")
NP_END = re.compile(
    r",|\s[-\u2013\u2014]\s|\s(?:said|says|told|has|had|have|is|was|were|will|would|also|meanwhile|"
    r"reportedly|however|though|to|but|who|which|that|are|then|now|still|again|once)\b|\s[a-z]\w*ly\b"
)
DOCUMENT_TAIL = re.compile(
    r"^(?:['\u2019]s)?\s+(?:own\s+|official\s+|written\s+)?(?:statement|website|web site|letter)\s*$"
)
# Words before a name that make it an object, not its sentence's subject.
OBJECT_LEAD = re.compile(
    r"\b(?:by|to|with|against|beat|beaten|of|for|from|told|and|tipped|after|about|meeting|met|replaced|"
    r"replacing|succeeded|sacked|signed|signing|joined|joining)\s+\S*\s*$"
)
# A clause that starts afresh within a sentence: its first name is a subject too.
CLAUSE_OPENER = re.compile(r"(?:[,;]\s+|\s)(?:but|while|whereas|although|though)\s+")
WORD = re.compile(r"\S+")
# A name the entity finder did not know, standing where a speaker's name stands:
# "says Stephen Candillon of ...", "..., Heretic writes".
UNKNOWN_NAME = re.compile(r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){0,2}")
# ", Peter Schoonen." after an inverted description: the name it describes.
APPOSITIVE_NAME = re.compile(r",\s+(?P<np>(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019-]+)\s*(?:[.,;!?]|$)")
# Before a verb-looking word, words that make it a noun ("the hopes", "his
# claims") or a passive ("can be read by"): not speech being reported.
_NOT_A_REPORT = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|your|these|those|this|that|of|be|been|being)\s+$", re.IGNORECASE
)
# "claims of a clash", "reports of fighting": nouns, never a verb before "of"
_NOUNS_BEFORE_OF = frozenset({"claims", "reports", "calls", "demands", "warnings"})
_LOOKBACK = 12  # characters before a verb that can show it is a noun or passive


def reporting_verbs(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The reporting verbs in text[start:end], leaving out noun and passive uses."""
    stop = len(text) if end is None else end
    found: list[re.Match[str]] = []
    previous_end = -1
    for m in VERB.finditer(text, start, stop):
        # "has rejected calls to": a verb-looking word right after a verb is its object
        after_verb = previous_end >= 0 and not text[previous_end : m.start()].strip()
        previous_end = m.end()
        if m.group("according") or not (
            after_verb
            or _NOT_A_REPORT.search(text, max(0, m.start() - _LOOKBACK), m.start())
            or (m.group().lower() in _NOUNS_BEFORE_OF and text.startswith(" of ", m.end()))
        ):
            found.append(m)
    return found


def has_reporting_verb(text: str, start: int, end: int) -> bool:
    for m in VERB.finditer(text, start, end):
        if m.group("according") or not _NOT_A_REPORT.search(text, max(0, m.start() - _LOOKBACK), m.start()):
            return True
    return False


# A conjunction or linking adverb that opens a clause before its subject.
LEADING_LINK = re.compile(r"^\s*(?:But|And|Yet|So|However|Meanwhile|Now|Instead)\b,?\s*")
