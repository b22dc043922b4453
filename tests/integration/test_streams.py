"""StreamWriter against real Redis: first delta at once, later ones coalesced, nothing held back or reordered."""

from __future__ import annotations

import random
import threading
import time
import uuid
from typing import Any

from core import streams
from core.streams import StreamWriter
from testkit.support import wait_for


def _job() -> str:
    return f"test-{uuid.uuid4().hex}"


def test_first_delta_is_appended_at_once_and_later_ones_are_coalesced(stack) -> None:
    job = _job()
    writer = StreamWriter(job, flush_interval_s=60)  # nothing but the first delta and flush() may send
    writer.delta("Hel")
    assert [(e.kind, e.data) for e in streams.read(job)] == [("delta", "Hel")]
    for piece in ("lo", ", ", "wor", "ld"):
        writer.delta(piece)
    assert len(streams.read(job)) == 1  # coalesced: still pending
    writer.done()  # any other event sends the pending text first
    events = streams.read(job)
    assert [e.kind for e in events] == ["delta", "delta", "done"]
    assert streams.collect_text(events) == "Hello, world"


def test_text_pending_when_the_upstream_pauses_reaches_readers_without_another_delta(stack) -> None:
    job = _job()
    writer = StreamWriter(job, flush_interval_s=0.05)
    writer.delta("first ")
    writer.delta("second")  # within the interval: pending, and no later delta will push it out
    wait_for(lambda: streams.collect_text(streams.read(job)) == "first second", timeout=5, interval=0.01)


def test_many_writers_with_pauses_lose_and_reorder_nothing(stack) -> None:
    """Thirty writers stream at once through one flusher, pausing at random: every text arrives whole."""
    jobs = [_job() for _ in range(30)]
    sent: dict[str, str] = {}

    def write(job: str, seed: int) -> None:
        pace = random.Random(seed)
        writer = StreamWriter(job, flush_interval_s=0.02)
        pieces = [f"{i}," for i in range(150)]
        for piece in pieces:
            writer.delta(piece)
            if pace.random() < 0.1:
                time.sleep(pace.choice((0.001, 0.01, 0.03)))
        sent[job] = "".join(pieces)

    threads = [threading.Thread(target=write, args=(job, n)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # No writer called flush() or done(): the flusher alone must deliver every tail.
    def delivered(job: str) -> bool:
        return streams.collect_text(streams.read(job, count=10_000)) == sent[job]

    for job in jobs:
        wait_for(lambda: delivered(job), timeout=5)  # noqa: B023  (called before the loop moves on)
        appends = len(streams.read(job, count=10_000))
        assert appends < 150, appends  # coalesced, not one append per delta


def test_a_part_carries_other_commands_in_its_round_trip_after_the_pending_text(stack) -> None:
    """Match's coverage and its "sent" mark go in one pipeline; pending deltas still go first, the TTL is set."""
    from core.redis_conn import get_redis

    job, marker = _job(), f"test-mark-{uuid.uuid4().hex}"
    writer = StreamWriter(job, flush_interval_s=60)
    writer.delta("a")
    writer.delta("b")  # pending
    calls: list[int] = []

    def also(pipe: Any) -> None:
        calls.append(len(pipe.command_stack))  # the part (and no TTL: the first delta set it) is queued first
        pipe.set(marker, "sent", ex=60)

    writer.part("coverage", '{"x": 1}', also=also)
    assert calls == [1]
    assert get_redis().get(marker) == "sent"
    events = streams.read(job)
    assert [(e.kind, e.data) for e in events] == [("delta", "a"), ("delta", "b"), ("part", 'coverage\n{"x": 1}')]
    assert 0 < get_redis().ttl(streams.stream_key(job)) <= writer.ttl
    fresh = StreamWriter(_job())
    fresh.part("coverage", "{}", also=also)  # a first append: the TTL goes in the same pipeline
    assert calls == [1, 2] and get_redis().ttl(fresh.key) > 0
