"""Issue 21's small pieces: the end of a JSON reply is read without a pause, and provider profiles draw a spread."""

from __future__ import annotations

import random
import statistics
from collections.abc import Iterator

import pytest

from core.llm.client import JsonEnd, PacedLines
from testkit.fakes.profile import DEEPSEEK_CHAT, ModelProfile, profile


def test_json_end_sees_the_top_level_close_and_not_a_brace_inside_a_string() -> None:
    tracker = JsonEnd()
    assert not tracker.feed('{"a": "x}')  # a brace inside a string
    assert not tracker.feed('\\" }", "b": [1, {"c": 2}')  # an escaped quote keeps the string open
    assert tracker.feed("]}")


def test_after_the_object_closes_the_end_lines_are_read_without_a_pause() -> None:
    """Text flows for 2 s, then the object closes: the finish line is read after a wait, [DONE] without a pause."""
    now = [0.0]
    pauses: list[float] = []
    arrivals = [(0.3 + i * 0.02, line) for i in range(100) for line in (f"data: {i}", "")]
    arrivals += [(3.0, "data: finish"), (3.0, ""), (3.0, "data: [DONE]"), (3.0, "")]

    def lines() -> Iterator[str]:
        for at, line in arrivals:
            now[0] = max(now[0], at)
            yield line

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        now[0] += seconds

    paced = PacedLines(lines(), 0.2, clock=lambda: now[0], sleep=sleep)
    next(paced), next(paced)
    paced.text_started()
    for _ in range(198):
        next(paced)
    assert pauses  # text flowing: waited reads are followed by pauses
    paced.text_ended()  # the last token closed the object (without this call, [DONE] waits a pause)
    count = len(pauses)
    assert [next(paced) for _ in range(4)] == ["data: finish", "", "data: [DONE]", ""]
    assert len(pauses) == count and now[0] == pytest.approx(3.0)


def test_a_profile_draws_a_spread_around_its_medians() -> None:
    rng = random.Random(1)
    draws = [DEEPSEEK_CHAT.draw(rng) for _ in range(2000)]
    delays = sorted(d for d, _ in draws)
    rates = [1 / interval for _, interval in draws]
    assert statistics.median(delays) == pytest.approx(DEEPSEEK_CHAT.first_token_s, rel=0.1)
    assert delays[int(0.95 * len(delays))] == pytest.approx(DEEPSEEK_CHAT.first_token_p95(), rel=0.15)
    assert statistics.median(rates) == pytest.approx(DEEPSEEK_CHAT.tokens_per_s, rel=0.05)
    assert min(rates) >= DEEPSEEK_CHAT.tokens_per_s * 0.5 and max(rates) <= DEEPSEEK_CHAT.tokens_per_s * 1.5


def test_a_profile_without_spread_is_exact_and_an_unknown_name_is_refused() -> None:
    fixed = ModelProfile("fixed", 1.0, 0.0, 40.0, 0.0)
    assert fixed.draw(random.Random(3)) == (1.0, 0.025)
    assert profile("realistic")["fake-paid"] is DEEPSEEK_CHAT
    with pytest.raises(KeyError):
        profile("nope")
