"""The plain data: an entry keeps its entities' mention offsets, packed."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from byline.model import Analysis, Article, Entity, Entry, Quote


def test_an_entry_gives_back_the_analysis_it_was_made_from() -> None:
    article = Article(id="a1", path="x.txt", title="T", paragraphs=("Blair met Brown. Blair left.",))
    analysis = Analysis(
        quotes=(Quote("left", "Blair", 22, 26),),
        entities=(
            Entity("Tony Blair", "PERSON", 2, ((0, 5), (17, 22))),
            Entity("BBC", "ORG", 1),
            Entity("Gordon Brown", "PERSON", 1, ((10, 15),)),
        ),
    )
    entry = Entry.of(article, analysis)
    assert all(not e.mentions for e in entry.entities)  # shared objects, without offsets
    assert entry.analysis() == analysis


def test_an_entry_without_mentions_costs_nothing() -> None:
    article = Article(id="a1", path="x.txt", title="T", paragraphs=("Nothing.",))
    entry = Entry.of(article, Analysis(entities=(Entity("BBC", "ORG", 1),)))
    assert entry.mention_spans == b""
    assert entry.analysis().entities == (Entity("BBC", "ORG", 1),)


def test_a_quote_keeps_the_bounds_of_its_sentence() -> None:
    from byline.model import sentence_bounds, unpack_sentences

    body = 'He arrived. Mr Blair said: "We will win." Then he left.\n\n"We are sure," said Mr Brown of Mr Blair. More.'
    for words, sentence in (
        ("We will win.", 'Mr Blair said: "We will win."'),
        ("We are sure,", '"We are sure," said Mr Brown of Mr Blair.'),
    ):
        start = body.index(words)
        lo, hi = sentence_bounds(body, start, start + len(words))
        assert body[lo:hi] == sentence
    article = Article(id="a1", path="x.txt", title="T", paragraphs=tuple(body.split("\n\n")))
    start = body.index("We are sure,")
    entry = Entry.of(article, Analysis(quotes=(Quote("We are sure,", "Mr Brown", start, start + 12),)))
    assert unpack_sentences(entry.quote_sentences) == [(body.index('"We are'), body.index(" More."))]


def test_a_key_is_found_without_working_out_every_entry_s_key() -> None:
    """Finding the place to come back to scans every entry a batch brings: 100,000 abspaths."""
    from byline.model import Entry, file_key

    entries = [Entry(f"id{n}", f"/news/{n}.txt", f"T{n}", "", (), ()) for n in range(50)]
    copy = Entry("id7", "/news/copy-of-7.txt", "T7", "", (), ())
    wanted = file_key("id7", "/news/copy-of-7.txt")
    assert [e.has_key(wanted) for e in [*entries, copy]].count(True) == 1 and copy.has_key(wanted)
    assert [e.path for e in entries if e._key] == ["/news/7.txt"]  # only the one whose id matched
    assert entries[7].has_key("id7") and not entries[8].has_key("id7")  # a bare id: any copy


def _sentence_start_by_search(body: str, start: int, reach: int = 400) -> int:
    """How `sentence_bounds` found the sentence's start before it looked backwards: every
    sentence end from the paragraph's start (or `reach` before) on, the last one kept."""
    from byline.model import _SENTENCE_END

    floor = max(0, start - reach)
    before = body.rfind("\n\n", floor, start)
    lo = floor if before < 0 else before + 2
    for match in _SENTENCE_END.finditer(body, lo, min(len(body), start + 1)):
        if match.start() < start - 1:
            lo = match.end()
    return lo


@given(
    body=st.text(st.sampled_from(list(".!?\"')\u201d\u2019\u201c\u2018( \n\tAb0")), max_size=120),
    start=st.integers(0, 130),
    reach=st.sampled_from([5, 40, 400]),
)
@example(body="Ab. Ab? Ab! Ab", start=12, reach=400)
@settings(max_examples=300)
def test_a_quote_s_sentence_starts_where_a_search_from_the_paragraph_s_start_says(
    body: str, start: int, reach: int
) -> None:
    from byline.model import sentence_bounds

    start = min(start, len(body))
    assert sentence_bounds(body, start, start, reach)[0] == _sentence_start_by_search(body, start, reach)
