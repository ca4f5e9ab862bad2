"""`no_gc` pauses the cyclic collector for bulk building, and always gives it back."""

from __future__ import annotations

import gc
import threading

from byline.gc_pause import no_gc


def test_the_collector_is_paused_inside_and_back_after() -> None:
    assert gc.isenabled()
    with no_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_on_two_threads_resume_only_when_both_end() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def second() -> None:
        first_in.wait(5)
        with no_gc():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first has ended: still paused for this one

    thread = threading.Thread(target=second)
    thread.start()
    with no_gc():
        first_in.set()
        second_in.wait(5)
    first_out.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_failure_inside_still_resumes_it() -> None:
    try:
        with no_gc():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.isenabled()


def test_freeze_moves_what_exists_out_of_the_collectors_sight() -> None:
    before = gc.get_freeze_count()
    kept = [[n] for n in range(1000)]  # noqa: F841  (alive through the block)
    with no_gc(freeze=True):
        pass
    assert gc.get_freeze_count() >= before + 1000
    gc.unfreeze()
