"""The search core: typos, word order, prefixes, dedupe, offsets, text, batches."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.corpus import Corpus, Entry, load_corpus
from byline.model import Entity, Quote
from byline.search import SearchIndex, build_index, parse_query, snapshot
from byline.search.sources import MemoryTextSource, sentences
from byline.search.vocabulary import Vocabulary, fold


def entry(title: str, quotes: tuple[Quote, ...] = (), entities: tuple[Entity, ...] = (), number: int = 0) -> Entry:
    return Entry(id=f"id{number}", path=f"/news/{number}.txt", title=title, author="", quotes=quotes, entities=entities)


BODY_BLAIR = (
    "The prime minister spoke in Sedgefield.\n\n"
    'Mr Blair said the election would be fought on the economy. "We will win," he said. Then he left.\n\n'
    "Nothing else happened."
)
QUOTE_AT = BODY_BLAIR.index("We will win,")
BLAIR_QUOTE = Quote("We will win,", "Tony Blair", QUOTE_AT, QUOTE_AT + len("We will win,"))


@pytest.fixture
def index() -> SearchIndex:
    built = SearchIndex()
    built.add(
        [
            entry("Chelsea hold Arsenal to a draw", entities=(Entity("Chelsea", "ORG", 3),), number=0),
            entry(
                "Blair ready to call election",
                quotes=(BLAIR_QUOTE,),
                entities=(Entity("Tony Blair", "PERSON", 4), Entity("Sedgefield", "PLACE", 1)),
                number=1,
            ),
            entry("Mobile phone sales soar", number=2),
            entry("Ticket [bold]prices[/] rise", number=3),
        ],
        [None, BODY_BLAIR, "Phones were sold.\n\nMany mobile phones, in fact.", None],
    )
    return built


_PROPERTY_INDEX = SearchIndex()
_PROPERTY_INDEX.add(
    [entry("Çà et là: [bold]x[/] \x1b[2J «Zürich»", quotes=(Quote("İstanbul ﬁnal", "Ǆ", 0, 5),), number=0)],
    ["Ωmega ǅ ß straße. Second ǈ sentence!\n\n\u200b\u0301 accents é"],
)


def titles(index: SearchIndex, query: str) -> list[str]:
    return [index.entries[hit.entry].title for hit in index.search(query)]


def test_the_entries_naming_an_entity_come_from_its_references_alone() -> None:
    """Only an entity of that name counts: not a title, a quote or a speaker that reads the same."""
    built = SearchIndex()
    built.add(
        [
            entry("Chelsea", number=0),  # a title
            entry("Derby day", entities=(Entity("Chelsea", "ORG", 2),), number=1),
            entry("Quoted", quotes=(Quote("Chelsea", "Chelsea", 0, 7),), number=2),  # a quote and a speaker
            entry(
                "Blair in Chelsea",
                entities=(Entity("Chelsea", "PLACE", 1), Entity("Tony Blair", "PERSON", 1)),
                number=3,
            ),
        ]
    )
    assert sorted(built.entries_naming("Chelsea")) == [1, 3]
    assert built.entries_naming("Tony Blair") == [3]
    assert built.entries_naming("Arsenal") == []
    mentioning = built.mentioning("Chelsea")
    expected = [e.mentions("Chelsea") for e in built.entries]
    assert [mentioning(e) for e in built.entries] == expected == [False, True, False, True]


def test_a_typo_is_forgiven(index: SearchIndex) -> None:
    hits = index.search("chelsae")
    assert hits, "a one-letter swap must still find Chelsea"
    assert {hit.text for hit in hits[:2]} == {"Chelsea", "Chelsea hold Arsenal to a draw"}
    assert all(hit.entry == 0 for hit in hits)


def test_word_order_does_not_matter(index: SearchIndex) -> None:
    forward, backward = index.search("blair election"), index.search("election blair")
    assert forward[0].text == backward[0].text == "Blair ready to call election"
    assert forward[0].kind == "title"


def test_the_matched_letters_are_marked(index: SearchIndex) -> None:
    hit = next(hit for hit in index.search("blair elect") if hit.kind == "title")
    assert "".join(hit.text[p] for p in hit.positions) == "Blairelect"


def test_a_word_being_typed_matches_as_a_prefix(index: SearchIndex) -> None:
    assert titles(index, "mob")[0] == "Mobile phone sales soar"


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("@blair", {"speaker", "entity"}),
        ("#blair", {"entity"}),
        ('"we will', {"quote"}),
        ("t:blair", {"title"}),
    ],
)
def test_prefixes_narrow_the_kinds(index: SearchIndex, query: str, kinds: set[str]) -> None:
    hits = index.search(query)
    assert hits
    assert {hit.kind for hit in hits} == kinds


def test_at_finds_people_but_not_other_entities(index: SearchIndex) -> None:
    assert [hit.text for hit in index.search("@sedgefield")] == []
    assert [hit.text for hit in index.search("#sedgefield")] == ["Sedgefield"]
    person = [hit for hit in index.search("@blair") if hit.kind == "entity"]
    assert [(hit.text, hit.detail) for hit in person] == [("Tony Blair", "PERSON")]


def test_quote_and_speaker_hits_carry_body_offsets(index: SearchIndex) -> None:
    quote = index.search('"we will win')[0]
    assert (quote.start, quote.end) == (BLAIR_QUOTE.start, BLAIR_QUOTE.end)
    assert BODY_BLAIR[quote.start : quote.end] == "We will win,"
    speaker = next(hit for hit in index.search("@tony blair") if hit.kind == "speaker")
    assert (speaker.start, speaker.end) == (BLAIR_QUOTE.start, BLAIR_QUOTE.end)


def test_text_hits_are_sentences_with_their_offsets_in_the_body(index: SearchIndex) -> None:
    hit = next(hit for hit in index.search("economy fought") if hit.kind == "text")
    assert hit.entry == 1
    assert hit.text == "Mr Blair said the election would be fought on the economy."
    assert BODY_BLAIR[hit.start : hit.end] == hit.text
    assert "".join(hit.text[p] for p in hit.positions) == "foughteconomy"


def test_prefixed_queries_leave_text_out(index: SearchIndex) -> None:
    assert all(hit.kind != "text" for hit in index.search("t:economy"))
    assert index.search("t:economy") == []


def test_markup_in_titles_is_matched_as_plain_text(index: SearchIndex) -> None:
    hit = index.search("prices")[0]
    assert hit.text == "Ticket [bold]prices[/] rise"
    assert "".join(hit.text[p] for p in hit.positions) == "prices"


def test_a_string_in_many_articles_is_held_once() -> None:
    index = SearchIndex(with_text=False)
    index.add(
        entry(f"Match report {n}", quotes=(Quote("We played well", "Jose Mourinho", 0, 14),), number=n)
        for n in range(500)
    )
    assert index.strings == 500 + 2  # the titles, one quote, one speaker
    hits = [hit for hit in index.search("@mourinho", per_string=3)]
    assert [hit.entry for hit in hits] == [0, 1, 2]
    assert [hit.others for hit in hits] == [0, 0, 497]


def test_a_common_word_still_ranks_the_strings_that_hold_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from byline.search import engine, index

    monkeypatch.setattr(engine, "COMMON", 20)  # "we" is in more strings than that
    monkeypatch.setattr(index, "RERANK", 5)  # fewer than the strings that hold "will"
    index = SearchIndex(with_text=False)
    index.add(
        [entry(f"It will rain on day {n}", number=n) for n in range(10)]
        + [entry(f"Then we agree on item {n}", number=10 + n) for n in range(30)]
        + [entry("Then we will win", number=40)]
    )
    assert index.search("we will")[0].text == "Then we will win"


def test_ties_go_to_the_string_more_articles_hold() -> None:
    index = SearchIndex(with_text=False)
    index.add(
        [entry(f"One {n}", entities=(Entity("London Bridge", "PLACE", 1),), number=n) for n in range(3)]
        + [entry("Two", entities=(Entity("London Studios", "ORG", 1),), number=3)]
    )
    assert [hit.text for hit in index.search("#london", per_string=1)] == ["London Bridge", "London Studios"]


def test_batches_add_up_and_keep_their_entry_numbers() -> None:
    index = SearchIndex()
    index.add([entry("Budget day nears", number=0)], ["The chancellor speaks."])
    index.add([entry("Election called", number=1)], ["Voters go to the polls."])
    assert [hit.entry for hit in index.search("election")] == [1]
    assert {hit.entry for hit in index.search("chancellor polls")} == {0, 1}


def test_bodies_can_come_after_the_entries() -> None:
    index = SearchIndex()
    index.add([entry("First", number=0), entry("Second", number=1)])
    assert index.search("referendum") == []
    assert index.add_text(1, "A referendum was held.")
    assert [(hit.kind, hit.entry) for hit in index.search("referendum")] == [("text", 1)]


def test_bodies_are_read_back_from_the_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Storm coming\n\nThe wind rose over Dover.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Calm day\n\nNothing moved at all.", encoding="utf-8")
    corpus = Corpus()
    for batch in load_corpus([str(tmp_path)]):
        corpus.entries.extend(batch.entries)
    (tmp_path / "b.txt").unlink()  # gone since it was loaded: passed over
    index = build_index(corpus)
    assert [hit.text for hit in index.search("dover") if hit.kind == "text"] == ["The wind rose over Dover."]
    assert len(index.text) == 1


def test_the_text_source_stops_at_its_budget() -> None:
    source = MemoryTextSource(Vocabulary(), budget=30)
    assert source.add(0, "twenty characters ok")
    assert not source.add(1, "this one does not fit any more")
    assert source.full and len(source) == 1


def test_limit_and_empty_queries(index: SearchIndex) -> None:
    assert index.search("") == [] and index.search("   ") == [] and index.search("@") == []
    assert len(index.search("a", limit=2)) <= 2


def test_accents_and_case_are_folded_without_moving_positions() -> None:
    assert fold("Pérez İstanbul") == "perez istanbul"[:5] + " " + fold("İstanbul")
    assert len(fold("Pérez İstanbul")) == len("Pérez İstanbul")
    index = SearchIndex(with_text=False)
    index.add([entry("Sergio Pérez wins", number=0)])
    hit = index.search("perez")[0]
    assert "".join(hit.text[p] for p in hit.positions) == "Pérez"


def test_parse_query() -> None:
    query = parse_query('  "We will win"  ')
    assert (query.text, query.tokens, query.with_text) == ("We will win", ("we", "will", "win"), False)
    assert parse_query("T:Blair").tokens == ("blair",)
    assert parse_query("blair blair election").tokens == ("blair", "election")


def test_a_pasted_page_is_cut_to_a_query(index: SearchIndex) -> None:
    query = parse_query("chelsea " * 10 + " ".join(f"word{n}" for n in range(500)))
    assert len(query.tokens) == 8 and query.tokens[0] == "chelsea"
    assert index.search("chelsea " + "x" * 100_000)[0].entry == 0


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_query_gives_hits_that_point_into_their_text(raw: str) -> None:
    index = _PROPERTY_INDEX
    for hit in index.search(raw, limit=10):
        assert 0 <= hit.entry < len(index.entries)
        assert all(0 <= p < len(hit.text) for p in hit.positions)


def test_sentences() -> None:
    text = 'He said "no." Then left! Why? Because.'
    assert [text[a:b] for a, b in sentences(text)] == ['He said "no."', "Then left!", "Why?", "Because."]


def test_searching_while_batches_arrive() -> None:
    index = SearchIndex()
    errors: list[BaseException] = []

    def add() -> None:
        for n in range(200):
            index.add([entry(f"Storm warning {n}", number=n)], [f"Rain and wind number {n}."])

    def search() -> None:
        try:
            for _ in range(200):
                index.search("storm wind")
        except BaseException as error:  # noqa: BLE001 - any error fails the test
            errors.append(error)

    threads = [threading.Thread(target=add), threading.Thread(target=search)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(index.search("storm", limit=500)) >= 200


def test_a_settled_index_finds_the_same_and_still_takes_more(index: SearchIndex) -> None:
    """Once loading is over the (kind, string) map goes (~150 MB at a million); it comes back if entries do."""
    before = [(h.kind, h.entry, h.text) for h in index.search("blair")]
    index.settle()
    assert index._ids is None
    assert not index._refs._tail and not index._postings._lists._tail  # one flat array each
    assert index._refs.pack()[1] is index._refs._flat  # what a snapshot writes, not a copy of it
    assert [(h.kind, h.entry, h.text) for h in index.search("blair")] == before
    data, parts = snapshot.dump(index)
    assert [(h.kind, h.entry, h.text) for h in snapshot.load(data, parts).search("blair")] == before
    strings = index.strings
    index.add([entry("Blair returns", number=99)])
    index.add([entry("Blair returns", number=100)])  # the same title: one string, two references
    assert index.strings == strings + 1
    assert [h.entry for h in index.search("blair returns") if h.kind == "title"][:2] == [len(index) - 2, len(index) - 1]


@settings(max_examples=60, deadline=None)
@given(
    frozen=st.lists(st.lists(st.integers(0, 2**31 - 1), max_size=8), max_size=12),
    grown=st.lists(st.tuples(st.integers(0, 11), st.lists(st.integers(0, 99), min_size=1, max_size=4)), max_size=6),
    added=st.lists(st.lists(st.integers(0, 99), max_size=5), max_size=6),
)
def test_flat_lists_compact_keeps_every_list(
    frozen: list[list[int]], grown: list[tuple[int, list[int]]], added: list[list[int]]
) -> None:
    """Compacting (a snapshot's lists, some grown since, and new ones) into one array gives the
    same lists, which a snapshot then writes and reads back, and which still grow."""
    from array import array

    from byline.search.flat import FlatLists

    packed = FlatLists()
    for values in frozen:
        packed.extend(packed.add(), values)
    lists = FlatLists.unpack(packed.pack())  # as a loaded snapshot holds them: views of its bytes
    expected = [list(values) for values in frozen]
    for at, values in grown:
        if at < len(expected):
            lists.extend(at, values)
            expected[at] += values
    for values in added:
        lists.extend(lists.add(), values)
        expected.append(list(values))
    lists.compact()
    assert [list(values) for values in lists] == expected
    assert not lists._tail and not lists._changed
    assert [list(values) for values in FlatLists.unpack(lists.pack())] == expected
    lists.extend(lists.add(), [7])
    if expected:
        lists.append_to(0, 5)
        expected[0].append(5)
    assert [list(values) for values in lists] == [*expected, [7]]
    assert all(isinstance(values, array) for values in lists)


def test_flat_lists_compact_cut_short_loses_no_list() -> None:
    """A failure partway through compacting (out of memory, Ctrl+C): every list is still there, as it was."""
    from byline.search.flat import FlatLists

    class Unreadable:  # a list whose copy fails: the fourth
        def __len__(self) -> int:
            return 2

    lists = FlatLists()
    expected = [[n, n + 1] for n in range(6)]
    for values in expected:
        lists.extend(lists.add(), values)
    unreadable = Unreadable()
    lists._tail[3] = unreadable  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        lists.compact()
    assert len(lists) == 6 and lists[3] is unreadable
    assert [list(lists[i]) for i in (0, 1, 2, 4, 5)] == [expected[i] for i in (0, 1, 2, 4, 5)]


def test_flat_lists_compact_gives_the_lists_memory_back_as_it_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `GIVE_BACK_EVERY` ints copied, the heap is trimmed: not once at the end, after the
    flat copy and every list let go had both counted (the first opening of a million's peak)."""
    from byline.search import flat

    trims: list[None] = []
    lists = flat.FlatLists()
    for n in range(10):
        lists.extend(lists.add(), range(n * 3, n * 3 + 3))
    monkeypatch.setattr(flat, "GIVE_BACK_EVERY", 6)
    monkeypatch.setattr(flat, "give_back", lambda: trims.append(None))
    lists.compact()
    assert len(trims) == 5  # 30 ints in lists of 3: a trim after every 6 copied
    assert [list(values) for values in lists] == [list(range(n * 3, n * 3 + 3)) for n in range(10)]
