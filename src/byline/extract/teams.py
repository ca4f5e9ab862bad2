"""A country or a city named as a sports team is an organisation.

"France beat Wales", "Italy's friendly with Russia", "a move to Barcelona":
in sports news a place's name most often stands for its team, which the
guidelines count as an ORG. Two things decide: the article reads as sports
news (enough of the lexicon's sport words), and the place's mentions stand
with a team's cues (a result, "coach", "v", a plural verb, a transfer) more
than with a place's ("in", "at", "near").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Protocol

from byline.extract.char_offsets import line_starts, matches_from
from byline.extract.lexicons import Lexicons, alternation, cue_words

_CUES = cue_words()

SPORT_WORDS_FOR_SPORTS_NEWS = 5  # occurrences of sport words that make an article sports news
SPORT_WORDS_IN_SHORT_NEWS = 3  # the fewest, however short the article
CHARS_A_SPORT_WORD = 300  # a short article needs a sport word for each this many characters
SPORTS_SCAN_CHARS = 2500  # the opening paragraphs tell sports news well enough
CUE_WINDOW = 40  # characters looked at on each side of a mention
CLEAR_TEAM_CUES = 2  # team cues that make a lone name guessed a player's a club (or one on most of its mentions)

_WORD = re.compile(r"[a-z][a-z-]+")
# `_WORD`'s words, found by bytes.split: its characters ([a-z-], all ASCII, one byte each in UTF-8)
# stay, every other byte (non-ASCII characters' included) is a gap.
_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz-"
_WORD_GAPS = bytes(byte if byte in _WORD_BYTES else ord(" ") for byte in range(256))
# What stands before a team: an opponent's verb, a transfer, "v".
# The cue may open a list: "wins over England, Italy and France"; or a sentence: "Against Ireland".
_LISTED = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?(?:,\s+|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)"
_TEAM_BEFORE = re.compile(rf"(?:\b(?i:{alternation(_CUES['team_before'])})\s+(?:{_LISTED}){{0,3}})$")
# How the text before the spaces ahead of a team ends, when _TEAM_BEFORE matches: in a cue's last
# word (in any case), a listed name's "and" or "or", or a comma.
_TEAM_BEFORE_ENDS = (*sorted({cue.split()[-1].lower() for cue in _CUES["team_before"]}), "and", "or", ",")
# What stands after a team: a score, "v", its staff and players, a plural verb (British usage).
_TEAM_AFTER = re.compile(
    r"(?:\s+v\b|\s+vs\b|\s+\d{1,3}(?:-\d{1,3})?\b|"
    rf"['\u2019]s\s+(?:[a-z]+\s+)?{alternation(_CUES['team_possessions'])}\b|"
    rf"\s+(?:(?:[a-z]+\s+){{0,2}}{alternation(_CUES['team_staff'])}|{alternation(_CUES['team_after'])})\b)"
)
# "The Iceland international", "England winger", "Leicester flanker": the side
# a player plays for, a team.
_SIDE_OF_PLAYER = re.compile(rf"\s+{alternation(_CUES['player_positions'])}\b")
# "Sweden's Thomas Enqvist": a player of that country, by a first name (one
# the lexicon knows, or no English word) - not "England's Six Nations camp":
# his nationality, a place (most often in an individual sport).
_PLAYER_AFTER = re.compile(r"['\u2019]s\s+([A-Z][a-z]+)\s+[A-Z]")
# "Francesca Schiavone of Italy 6-3 6-3", "Roger Federer of Switzerland": a player's nationality, which
# tells nothing of a team; the country follows the article's other countries.
_PLAYER_OF = re.compile(r"\b[A-Z][\w'\u2019-]+[ \t]+of[ \t]+$")
# "S Thompson (Northampton)", "Partridge (Motherwell)": the club after a player's name in a squad list.
_CLUB_OF_PLAYER = re.compile(r"[A-Z][\w'\u2019-]+ \($")
_PLACE_WORDS = tuple("in at from near to across outside around into throughout visit visited".split())
_PLACE_BEFORE = re.compile(rf"\b(?:{'|'.join(_PLACE_WORDS)})\s+$")


def is_sports_news(body: str, sport_words: frozenset[str]) -> bool:
    """Whether the article's opening reads as sports news."""
    # (a short report has fewer words of any kind: it needs fewer of sport)
    # (the substrings first: the pattern, an alternation, has no literal that lets `re` skip
    # ahead, and walking every body with it cost 3% of the extractor's time)
    if ("(capt)" in body or "Replacements" in body) and _SHEET_MARK.search(body):
        return True  # a team sheet under match details, whatever the opening reads as
    needed = min(SPORT_WORDS_FOR_SPORTS_NEWS, max(SPORT_WORDS_IN_SHORT_NEWS, len(body) // CHARS_A_SPORT_WORD))
    return _sport_word_count(body[:SPORTS_SCAN_CHARS].lower(), _encoded(sport_words)) >= needed


def _sport_word_count(text: str, sport_words: frozenset[bytes]) -> int:
    """How many of `_WORD`'s words in `text` are sport words (`_encoded`), the same
    count as `sum(w in sport_words for w in _WORD.findall(text))` at half its cost:
    the pattern, run over every character, was 8% of the extractor's instructions.
    A run of [a-z-] holds one `_WORD` word, from its first letter on: a split
    run is the word unless hyphens open it."""
    gapped = text.encode("utf-8", "surrogatepass").translate(_WORD_GAPS)
    runs = gapped.split()
    count = sum(map(sport_words.__contains__, runs))  # (counted in C, not word by word)
    if b" -" in gapped or gapped.startswith(b"-"):
        count += sum(1 for run in runs if run.startswith(b"-") and run.lstrip(b"-") in sport_words)
    return count


@cache
def _encoded(sport_words: frozenset[str]) -> frozenset[bytes]:
    """The sport words `_WORD` can find (a word it cannot find is never counted), in UTF-8."""
    return frozenset(word.encode() for word in sport_words if _WORD.fullmatch(word))


def team_votes(
    body: str, mentions: Iterable[tuple[int, int]], is_first_name: Callable[[str], bool] = str.istitle
) -> tuple[int, int]:
    """(mentions with a team's cues, mentions with a place's cues)."""
    team = place = 0
    for start, end in mentions:
        before = body[max(0, start - CUE_WINDOW) : start]
        # (a pattern ending in a word and spaces at `$` is tried only where the text before
        # the spaces ends in that word: the search tries a match at each of the 40 characters)
        words_before = before.rstrip()
        player = _PLAYER_AFTER.match(body, end, end + CUE_WINDOW)
        if words_before.endswith("of") and _PLAYER_OF.search(before):
            continue  # a nationality, not a result ("of Italy 6-3"); "Jake White of South Africa" coaches a side
        if player and is_first_name(player.group(1)):
            place += 1
        elif (
            _may_follow_team_cue(words_before)
            and _TEAM_BEFORE.search(before)
            or _TEAM_AFTER.match(body, end, end + CUE_WINDOW)
            or _SIDE_OF_PLAYER.match(body, end, end + CUE_WINDOW)
        ):
            team += 1
        elif words_before.endswith(_PLACE_WORDS) and _PLACE_BEFORE.search(before):
            place += 1
    return team, place


def _may_follow_team_cue(words_before: str) -> bool:
    """Whether text, its last spaces taken off, may end as _TEAM_BEFORE's match does: `_TEAM_BEFORE_ENDS`.
    (Beyond ASCII the pattern's case-blind letters match more than `lower` makes: a long s, an "s".)"""
    return not words_before.isascii() or words_before.lower().endswith(_TEAM_BEFORE_ENDS)


def is_team(
    body: str, mentions: list[tuple[int, int]], country: bool, is_first_name: Callable[[str], bool] = str.istitle
) -> bool:
    """Whether a place named in sports news stands for its team: a country
    on as many team cues as place cues, a city only on more."""
    team, place = team_votes(body, mentions, is_first_name)
    if not country:  # ("Andy Roddick (US), Lleyton Hewitt (Australia)": a nationality)
        team += sum(1 for start, end in mentions if _club_of_player(body, start, end))
    return team > place or (country and team > 0 and team == place)


def _club_of_player(body: str, start: int, end: int) -> bool:
    """ "S Thompson (Northampton), J White (Leicester)": the club after a player's
    name in a squad list (a referee's county stands alone: "Ref: S Bennett (Kent).")."""
    return (
        body.startswith(("),", ");"), end)
        and _CLUB_OF_PLAYER.search(body, max(0, start - CUE_WINDOW), start) is not None
    )


# A team sheet: "Nash, Reiziger (Graham 82), Riggott, ... Hasselbaink." or
# "Subs Not Used: Cooper, Knight." or the scorers "Riggott 74, Graham 86.":
# a paragraph that is only a list of players' names. A rugby side's lines
# are cut by semicolons, its captain marked, its players named by an initial:
# "G Thomas (capt); H Luscombe, T Shanklin; ... J Worsley, L Moody."
# (a lower-case particle inside a name: "R de Marigny", "CA del Fava")
_PLAYER = r"[A-Z][\w'\u2019-]*(?: (?:(?:de|da|di|del|van|von|der|le|la|du|dos) )?[A-Z][\w'\u2019-]+){0,2}"
_ITEM = rf"{_PLAYER}(?: \({_PLAYER} \d{{1,3}}\)| \d{{1,3}}| \(capt\))?"
_ITEM_GAP = r"[,;] "
TEAM_SHEET_MIN_PLAYERS = 4  # a shorter list of bare names may be anything
_SUBS = r"(?:Subs|Substitutes|Replacements(?: \(from\))?)(?: [Nn]ot [Uu]sed)?: "
# A rugby side's captain or its replacements: a team sheet stands in the article.
_SHEET_MARK = re.compile(r" \(capt\)[;,.]|^Replacements(?: \(from\))?: [A-Z]", re.MULTILINE)
# (a line may run on: "..., Henry. Subs Not Used: Senderos, Lehmann. Booked: Cole.")
_SHEET_END = r"\.?(?:[ \t]*$|(?=[ \t]+(?:Subs|Substitutes|Replacements|Booked|Sent [Oo]ff|Goals?)\b))"
_SHEET = re.compile(rf"^(?:{_SUBS}|: )?{_ITEM}(?:{_ITEM_GAP}{_ITEM})+{_SHEET_END}", re.MULTILINE)
# (the substitutes after the side's full stop; looked for only where "Subs" stands, the pattern opening on it)
_RUN_ON_SUBS = re.compile(rf"{_SUBS}{_ITEM}(?:, {_ITEM})+{_SHEET_END}", re.MULTILINE)
_SHEET_NAME = re.compile(rf"(?<![\w(])({_PLAYER})(?: \(({_PLAYER}) \d{{1,3}}\)| (\d{{1,3}}))?")


def team_sheet_names(body: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each player named in the article's team sheets."""
    out: list[tuple[int, int, str]] = []
    sheets = matches_from(_SHEET, body, line_starts(body))  # (tried at line starts only: see char_offsets)
    if "Subs" in body or "Replacements" in body:
        sheets += [m for m in _RUN_ON_SUBS.finditer(body) if body[max(0, m.start() - 2) : m.start() - 1] == "."]
    for sheet in sheets:
        text = sheet.group()
        subs = text.startswith(("Subs", "Substitutes", "Replacements"))
        items = list(_SHEET_NAME.finditer(body, sheet.start() + (text.index(":") + 1 if subs else 0), sheet.end()))
        scorers = all(item.group(3) for item in items)
        if not (subs or scorers or len(items) >= TEAM_SHEET_MIN_PLAYERS):
            continue
        for item in items:
            for group in (1, 2):
                if item.group(group) and not item.group(group).isupper():  # ("TBC": a place yet to fill)
                    out.append((item.start(group), item.end(group), item.group(group)))
    return out


class Typed(Protocol):
    """A named thing of the article with its type and mentions (the entity finder's clusters)."""

    name: str
    type: str
    mentions: list[tuple[int, int]]


def countries_follow_the_sides(
    body: str, clusters: Iterable[Typed], lex: Lexicons, first_name: Callable[[str], bool]
) -> None:
    """ "Bruno has been with France, White with Scotland": in sports news, a
    country that no cue types is a team when the article's other countries
    are teams by their cues at least as often as places (sports news leans to
    teams); it stays a place in a report of where players come from."""
    countries = [c for c in clusters if c.name in lex.countries and c.type in ("PLACE", "ORG")]
    if len(countries) < 2:
        return
    undecided, teams, places = [], 0, 0
    for cluster in countries:
        team, place = team_votes(body, cluster.mentions, first_name)
        if team == place == 0:
            undecided.append(cluster)
        elif cluster.type == "ORG":
            teams += 1
        else:
            places += 1
    if teams and teams >= places:  # sports news leans to teams: a tie goes to them
        for cluster in undecided:
            cluster.type = "ORG"


def clearly_a_team(body: str, mentions: list[tuple[int, int]], first_name: Callable[[str], bool]) -> bool:
    """A lone name guessed a player's that two team cues or more, or team
    cues on most of its mentions, and no place's, make a club ("Sevilla have
    won ... a bid from Sevilla", "a Uefa Cup exit at the hands of Auxerre");
    a player named once by his surname is named in full elsewhere.
    So does "the" before each mention of a plural: "the Addicks", "the Lakers",
    a side's nickname."""
    if the_plural(body, mentions):
        return True
    team, place = team_votes(body, mentions, first_name)
    return not place and (team >= CLEAR_TEAM_CUES or team * 2 > len(mentions))


def team_nickname(name: str, lex: Lexicons) -> bool:
    """ "Newport-Gwent Dragons", "Sale Sharks", "All Blacks": in sports news, a
    name ending in a plural noun and opened by no given name is a team."""
    words = name.split()
    last = words[-1]
    return (
        len(words) > 1
        and words[0] not in lex.first_names
        and last.endswith("s")
        and last[:-1].lower() in lex.english_words
    )


def the_plural(body: str, mentions: list[tuple[int, int]]) -> bool:
    """A lone plural said after "the" each time ("the Addicks")."""
    return bool(mentions) and all(
        body[e - 1 : e] == "s" and body[max(0, s - 4) : s].lower() == "the " for s, e in mentions
    )
