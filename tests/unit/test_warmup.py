"""A consumer's start-up loads the vocabulary once, so its first burst of jobs does not build it once per thread."""

from __future__ import annotations

from core.facts.vocabulary import get_vocabulary
from core.warmup import warm_up


def test_warm_up_leaves_the_vocabulary_loaded_for_every_later_caller() -> None:
    get_vocabulary.cache_clear()
    warm_up()
    assert get_vocabulary.cache_info().currsize == 1
    assert get_vocabulary() is get_vocabulary()
