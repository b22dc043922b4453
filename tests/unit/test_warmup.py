"""A consumer's start-up loads the vocabulary once, so its first burst of jobs does not build it once per thread."""

from __future__ import annotations

from core.facts.vocabulary import get_vocabulary
from core.warmup import warm_up


def test_warm_up_leaves_the_vocabulary_loaded_for_every_later_caller() -> None:
    get_vocabulary.cache_clear()
    warm_up()
    assert get_vocabulary.cache_info().currsize == 1
    assert get_vocabulary() is get_vocabulary()


def test_the_web_process_start_keeps_the_vocabulary_out_of_full_collections() -> None:
    """A full pass of the cyclic collector over the vocabulary's objects met clicks of a burst (15 ms and more);
    the web process loads it and freezes what it holds at its start, as a consumer does."""
    import gc

    from core.warmup import warm_up_web

    gc.unfreeze()
    get_vocabulary.cache_clear()
    try:
        warm_up_web()
        assert get_vocabulary.cache_info().currsize == 1
        assert gc.get_freeze_count() > 50_000  # the vocabulary alone is ~70,000 objects
    finally:
        gc.unfreeze()
