"""A search index, entries and all, as `marshal` BLOBs: a warm open loads it in bulk
instead of rebuilding it string by string.

What it holds is columns, not objects: the vocabulary's words and buckets, the
documents' kinds, strings and details, every posting list and reference list
concatenated into one array with their offsets beside it (`byline.search.flat`,
which keeps them that way in memory and slices a list out when read), and the
in-memory text source the same way. The reference and posting arrays are pieces
of their own beside the marshalled rest, written from the arrays themselves and
read back as views of their own bytes. Loading is then one C-speed
`marshal.loads` and a few views. The entries
come apart from the rest, in parts of `PART`, each a title, author, id, path, date, source and
number of quotes, and the rest packed (`PackedEntry`): what the list shows and sorts by is read at
once, the rest unpacked when first asked for.

A snapshot is only ever used for the very files it was made from: the corpus
cache keeps it beside a stamp of the walk (`byline.corpus.snapshots`).
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import starmap

from byline.corpus.paged import PAGED_FROM, PagedEntry, RecordPages
from byline.corpus.records import EntryDecoder, PackedEntry, entry_row
from byline.corpus.snapshots import Buffer
from byline.gc_pause import no_gc
from byline.model import Entry, Quote
from byline.search.flat import FlatLists, FlatPostings, Packed, ints
from byline.search.index import SearchIndex
from byline.search.sources import MemoryTextSource
from byline.search.vocabulary import Vocabulary

FORMAT = 8
"""8: the reference and posting lists' arrays are pieces of their own beside the marshalled rest,
not inside it: at a million articles that copy was 330 MB at once, the first opening's peak.
7: each entry with its number of quotes, which the list shows and sorts by (`Entry.quote_count`).
6: past `PAGED_FROM` entries, parts hold no packed fields: the entries read them from the cache (`PagedEntry`).
5: reference and posting lists flat, with their offsets (`byline.search.flat`).
4: entries in parts, each packed on its own (`PackedEntry`) and unpacked when first read;
with their dates and sources."""


PART = 10_000
"""Entries per part: the entries are written and read a part at a time, never all as one BLOB
(one BLOB of 100,000 doubled the peak memory of the opening that kept it)."""


def dump(
    index: SearchIndex, *, with_text: bool = True, paged_from: int | None = None
) -> tuple[list[Buffer], Iterator[bytes]]:
    """The index without its entries (and with its in-memory text if `with_text`) as pieces of
    bytes (the marshalled state, then each flat array as it is), and its entries in parts of
    `PART`, each made as it is taken; `load` gives the index back. From `paged_from` entries on
    (default `PAGED_FROM`), the parts leave out what the cache's records hold (quotes,
    entities...), and the entries `load` gives read it from there.

    The reference and posting lists' arrays are pieces of their own, the arrays themselves, not
    copies: flat since `SearchIndex.settle`, they are never written to again (lists that grow are
    copied out of them), so they can be written after the lock is let go."""
    with index._lock:
        vocab = index.vocab
        text = index.text if with_text else None
        refs_ends, refs_flat = index._refs.pack()
        keys, (posting_ends, posting_flat) = index._postings.pack()
        raw = [_bytes_of(packed) for packed in (refs_ends, refs_flat, keys, posting_ends, posting_flat)]
        state = (
            FORMAT,
            len(index.entries),
            vocab.words,
            {letter: (words, ids.tobytes()) for letter, (words, ids) in vocab._buckets.items()},
            bytes(index._kind),
            index._string,
            index._detail,
            [len(piece) for piece in raw],
            _text_state(text) if isinstance(text, MemoryTextSource) else None,
        )
        marshalled = marshal.dumps(state, 4)
        entries = list(index.entries)
    paged = len(entries) >= (PAGED_FROM if paged_from is None else paged_from)
    return [marshalled, *raw], _parts(entries, paged)


def _bytes_of(packed: Packed) -> memoryview:
    """The bytes of an array (or a view of one) as they are, without a copy."""
    view = memoryview(packed)
    return view.cast("B") if view.format != "B" else view


def _parts(entries: list[Entry], paged: bool) -> Iterator[bytes]:
    pack = PackedEntry.pack
    for start in range(0, len(entries), PART):
        part = entries[start : start + PART]
        if paged:  # seven columns a row: `_packed_entries` tells the two kinds apart by that
            yield marshal.dumps([(e.path, e.id, e.title, e.author, e.date, e.source, e.quote_count) for e in part], 4)
        else:
            yield marshal.dumps(
                [(e.path, e.id, e.title, e.author, e.date, e.source, e.quote_count, pack(e)) for e in part], 4
            )


HEAD = 256
"""Entries in a snapshot's head: a first screenful and more, read before the rest."""


def dump_head(index: SearchIndex, size: int | None = None) -> bytes:
    """The first `size` entries (default `HEAD`) alone, for a first frame before the whole index
    is read (`load_head`)."""
    with index._lock:
        head = index.entries[: HEAD if size is None else size]
        return marshal.dumps([entry_row(entry.path, entry) for entry in head], 4)


def load_head(data: bytes) -> list[Entry]:
    """The entries `dump_head` kept. Raises ValueError when `data` is not that."""
    try:
        return _entries(marshal.loads(data))
    except Exception as error:  # a damaged BLOB can fail in any way
        raise ValueError(f"not a snapshot's head ({type(error).__name__}: {error})") from None


def load(
    data: Buffer | Sequence[Buffer] | Callable[[], Buffer | Sequence[Buffer]],
    parts: Iterable[bytes],
    into: SearchIndex | None = None,
    *,
    check: Callable[[], None] | None = None,
) -> SearchIndex:
    """The index `dump` made, from its pieces (or a function giving them) and its parts of entries
    (put into the empty index `into` if given, which is then returned). `check`, if given, is
    called once all is read and before `into` is touched: a ValueError from it leaves `into` as it was.

    Its text source is the in-memory one, with the text the snapshot holds (none if it
    was made without). Raises ValueError when `data` or a part is not what `dump` made.
    """
    try:
        # Given as a function, the pieces go as soon as they are read (but the arrays, which the
        # index keeps as views of their bytes): at a million articles they are 300 MB.
        given = data() if callable(data) else data
        pieces: list[Buffer] = [given] if isinstance(given, Buffer) else list(given)
        del given
        state = _state(pieces)
        del pieces
        with no_gc():  # a million objects at once: collections meanwhile would walk them over and over
            entries = _packed_entries(parts)
            if len(entries) != state[1]:
                raise ValueError(f"{len(entries):,} entries, not {state[1]:,}")
            return _load(state, entries, SearchIndex(with_text=False) if into is None else into, check)
    except ValueError:
        raise
    except Exception as error:  # a damaged BLOB can fail in any way
        raise ValueError(f"not a snapshot ({type(error).__name__}: {error})") from None


def _state(pieces: list[Buffer]) -> tuple:
    """The state `dump` marshalled, its arrays put back in their places (the layout of format 7,
    which held them inside: the reference and posting lists each packed as (ends, flat)). The
    first piece goes from `pieces` once read: the index keeps only what was read from it."""
    state = marshal.loads(pieces.pop(0))
    if state[0] == 7 and not pieces:  # (kept by the version before: one marshal, still read)
        return state
    if state[0] != FORMAT:
        raise ValueError(f"snapshot format {state[0]}, not {FORMAT}")
    if [len(memoryview(piece).cast("B")) for piece in pieces] != list(state[7]):
        raise ValueError("the index's arrays are not the sizes it gives")
    refs_ends, refs_flat, keys, posting_ends, posting_flat = pieces
    return (*state[:7], (refs_ends, refs_flat), (keys, (posting_ends, posting_flat)), state[8])


def _load(state: tuple, entries: list[Entry], index: SearchIndex, check: Callable[[], None] | None) -> SearchIndex:
    _, _, words, buckets, kinds, strings, details, refs, postings, text = state
    vocab = Vocabulary()
    vocab.words = words
    vocab.ids = dict(zip(words, range(len(words))))
    vocab._buckets = {letter: (bucket_words, ints(ids)) for letter, (bucket_words, ids) in buckets.items()}
    source = MemoryTextSource(vocab)
    if text is not None:
        budget, chars, full, entry, offset, paragraphs, text_postings = text
        source.budget, source.chars, source.full = budget, chars, full
        source._entry, source._offset, source._text = ints(entry), ints(offset), paragraphs
        source._postings = FlatPostings.unpack(text_postings)
    refs_lists, postings_lists = FlatLists.unpack(refs), FlatPostings.unpack(postings)
    if len(refs_lists) != len(strings):
        raise ValueError(f"{len(refs_lists):,} reference lists for {len(strings):,} strings")
    if check is not None:
        check()
    with index._lock:
        index.entries = entries
        index.vocab = vocab
        index._kind = bytearray(kinds)
        index._string = strings
        index._detail = details
        index._refs = refs_lists
        index._ids = None  # made again only if entries are added: ~200 MB at a million strings
        index._postings = postings_lists
        index.text = source
        index.generation += 1
    return index


def _entries(rows: list[tuple]) -> list[Entry]:
    """Entries from rows in the cache's layout (`byline.corpus.records`), each under its whole path.

    Faster than `EntryDecoder.entries`: marshal keeps the sharing of the strings it was given
    (speakers, authors, evidence), so only entities are shared here."""
    entity = EntryDecoder()._entity
    return [
        Entry(entry_id, path, title, author, tuple(starmap(Quote, quotes)), tuple(map(entity, entities)), *rest)
        for path, entry_id, title, author, quotes, entities, *rest in rows
    ]


def _packed_entries(parts: Iterable[bytes]) -> list[Entry]:
    """Entries whose quotes and entities stay packed until read: a warm opening builds 100,000
    of these in a tenth of a second, where whole entries took seconds. Rows without their
    packed fields (a paged snapshot) give entries that read them from the cache."""
    decoder = EntryDecoder()
    pages: RecordPages | None = None
    entries: list[Entry] = []
    for part in parts:
        rows = marshal.loads(part)
        if rows and len(rows[0]) == 7:
            pages = pages or RecordPages()
            entries.extend(
                PagedEntry((entry_id, path, title, author, date, source, quotes), pages)
                for path, entry_id, title, author, date, source, quotes in rows
            )
            continue
        entries.extend(
            PackedEntry((entry_id, path, title, author, date, source, quotes), packed, decoder)
            for path, entry_id, title, author, date, source, quotes, packed in rows
        )
    return entries


def _text_state(text: MemoryTextSource) -> tuple:
    return (
        text.budget,
        text.chars,
        text.full,
        text._entry.tobytes(),
        text._offset.tobytes(),
        text._text,
        text._postings.pack(),
    )
