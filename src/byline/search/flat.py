"""Many short lists of ints as one flat array and its offsets.

The search index holds a list of references per distinct string and a posting
list per word: about a million small arrays at 100,000 articles. Loaded from a
snapshot as one array each, they cost two `frombytes`; cut apart into a million
arrays, they cost a third of a second of a warm opening, and the memory of a
million array objects. So a list is sliced out of the flat array when it is
read (a copy of a few ints, in C), and lists made or grown after loading live
beside it. A loaded snapshot's flat arrays are views of the bytes it was read into.
"""

from __future__ import annotations

import mmap
from array import array
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate

from byline.heap import give_back

Packed = bytes | array | memoryview
"""A packed list's bytes: an array or view of it as made, bytes as read back (`marshal` writes either as bytes)."""


_EMPTY = array("i")
_INT_SIZE = _EMPTY.itemsize
GIVE_BACK_EVERY = 16 << 20
"""Ints copied by `compact` between two trims of the C heap (64 MB; a trim takes a few ms)."""


def _zeroed(size: int) -> mmap.mmap | bytearray:
    """`size` bytes of zeros, private to this process, whose pages take memory only once written."""
    if size == 0:
        return bytearray()  # (no mapping is of no size)
    private = getattr(mmap, "MAP_PRIVATE", None)
    return mmap.mmap(-1, size) if private is None else mmap.mmap(-1, size, flags=private)


def ints(data: bytes | memoryview = b"", code: str = "i") -> array:
    values = array(code)
    values.frombytes(data)
    return values


class FlatLists:
    """A growable sequence of int arrays: the first `frozen` as slices of one flat array
    (a loaded snapshot), the rest as arrays of their own."""

    __slots__ = ("_flat", "_ends", "_frozen", "_changed", "_tail")

    def __init__(self, flat: array | memoryview | None = None, ends: array | memoryview | None = None) -> None:
        self._flat = flat if flat is not None else array("i")
        self._ends = ends if ends is not None else array("q", [0])
        """Where each frozen list ends in `_flat`, after a leading 0: list i is `_flat[ends[i]:ends[i+1]]`."""
        self._frozen = len(self._ends) - 1
        self._changed: dict[int, array] = {}
        """Frozen lists grown since loading, copied out."""
        self._tail: list[array] = []

    def __len__(self) -> int:
        return self._frozen + len(self._tail)

    def __getitem__(self, i: int) -> array:
        """List `i`: a copy for a frozen list, the list itself otherwise (do not grow it: `extend`)."""
        if i >= self._frozen:
            return self._tail[i - self._frozen]
        if i < 0:
            raise IndexError(i)
        changed = self._changed.get(i)
        if changed is not None:
            return changed
        ends = self._ends
        values = self._flat[ends[i] : ends[i + 1]]
        return values if isinstance(values, array) else ints(values.cast("B"))

    def __iter__(self) -> Iterator[array]:
        return (self[i] for i in range(len(self)))

    def add(self) -> int:
        """A new empty list at the end; its number."""
        self._tail.append(array("i"))
        return len(self) - 1

    def extend(self, i: int, values: Iterable[int]) -> None:
        if i >= self._frozen:
            self._tail[i - self._frozen].extend(values)
            return
        changed = self._changed.get(i)
        if changed is None:
            changed = self._changed[i] = self[i]
        changed.extend(values)

    def append_to(self, i: int, value: int) -> None:
        """`extend(i, (value,))`, for the one-at-a-time building of posting lists."""
        if i >= self._frozen:
            self._tail[i - self._frozen].append(value)
        else:
            self.extend(i, (value,))

    def pack(self) -> tuple[Packed, Packed]:
        """(ends, flat), for `unpack` (or `marshal`, which writes them as bytes): the arrays
        themselves when nothing grew since they were made flat (`compact`), not copies."""
        if not self._changed and not self._tail:
            return self._ends, self._flat
        ends, flat = self._joined()
        return ends, flat

    def compact(self) -> None:
        """Make every list a slice of one flat array: a million small arrays (an index just built)
        take ~70 MB more than their ints, and `pack` would copy them all into one anyway.

        The flat array is made at its full size at once and each small list let go as soon as it
        is copied: grown by `extend` beside every small list, it doubled as it grew, and at a
        million articles the first opening's peak was 1.2 GB above what it kept. What the small
        lists held goes back to the system every `GIVE_BACK_EVERY` ints copied: C's heap keeps
        what is freed, and the copy and the lists let go counted twice (+370 MB at a million)."""
        if not self._changed and not self._tail:
            return
        sizes = array("q", map(len, self))  # (one pass: copies of the frozen lists, let go at once)
        ends = array("q", [0])
        ends.extend(accumulate(sizes))
        # Anonymous memory from the system: its pages count only once written (a bytearray
        # writes zeros over all of it first), while the small lists are let go as they are copied.
        flat = memoryview(_zeroed(ends[-1] * _INT_SIZE)).cast("i")
        tail, self._tail, frozen = self._tail, [], self._frozen
        copied = frozen  # tail lists let go so far: frozen..copied
        given_back = 0  # (ints copied when the heap was last trimmed)
        try:
            for i in range(len(ends) - 1):
                flat[ends[i] : ends[i + 1]] = self[i] if i < frozen else tail[i - frozen]
                if i >= frozen:
                    copied = i + 1
                    tail[i - frozen] = _EMPTY  # copied: let it go
                    if ends[i + 1] - given_back >= GIVE_BACK_EVERY:
                        give_back()
                        given_back = ends[i + 1]
        except BaseException:  # (out of memory, Ctrl+C): the lists as they were, none lost
            for j in range(frozen, copied):
                tail[j - frozen] = array("i", flat[ends[j] : ends[j + 1]])
            self._tail = tail
            raise
        self._ends, self._flat = ends, flat
        self._frozen, self._changed = len(ends) - 1, {}

    def _joined(self) -> tuple[array, array]:
        flat, ends = array("i"), array("q", [0])
        for values in self:
            flat.extend(values)
            ends.append(len(flat))
        return ends, flat

    @classmethod
    def unpack(cls, packed: tuple[Packed, Packed]) -> FlatLists:
        # Views of the bytes as they were read, not copies: at a million articles the references
        # alone are 280 MB, and a copy beside the bytes it came from doubled the opening's peak.
        ends, flat = memoryview(packed[0]).cast("B").cast("q"), memoryview(packed[1]).cast("B").cast("i")
        if not ends or ends[0] != 0 or ends[-1] != len(flat):
            raise ValueError("offsets that do not fit their lists")
        return cls(flat, ends)


class FlatPostings(Mapping[int, array]):
    """Word id -> the documents holding it, over `FlatLists`."""

    __slots__ = ("_slot", "_lists")

    def __init__(self, keys: Iterable[int] = (), lists: FlatLists | None = None) -> None:
        self._lists = lists if lists is not None else FlatLists()
        self._slot: dict[int, int] = dict(zip(keys, range(len(self._lists))))

    def __getitem__(self, word: int) -> array:
        return self._lists[self._slot[word]]

    def __contains__(self, word: object) -> bool:
        return word in self._slot

    def __iter__(self) -> Iterator[int]:
        return iter(self._slot)

    def __len__(self) -> int:
        return len(self._slot)

    def append(self, word: int, doc: int) -> None:
        slot = self._slot.get(word)
        if slot is None:
            slot = self._slot[word] = self._lists.add()
        self._lists.append_to(slot, doc)

    def pack(self) -> tuple[Packed, tuple[Packed, Packed]]:
        # Slots follow insertion order, so the keys in that order line up with the lists.
        return array("i", self._slot), self._lists.pack()

    def compact(self) -> None:
        self._lists.compact()

    @classmethod
    def unpack(cls, packed: tuple[Packed, tuple[Packed, Packed]]) -> FlatPostings:
        keys, lists = ints(memoryview(packed[0]).cast("B")), FlatLists.unpack(packed[1])
        if len(keys) != len(lists):
            raise ValueError(f"{len(keys):,} words for {len(lists):,} posting lists")
        return cls(keys, lists)
