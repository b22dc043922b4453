"""The fake upstream's pacer: one thread writes every streaming reply's chunks, in order and on time."""

from __future__ import annotations

import threading
import time

import pytest

from testkit.fakes.upstream import _Pacer


def test_concurrent_replies_arrive_whole_in_order_and_paced() -> None:
    pacer = _Pacer()
    interval, count = 0.01, 20
    received: dict[int, list[tuple[float, bytes]]] = {n: [] for n in range(5)}
    took: dict[int, float] = {}

    def reply(n: int) -> None:
        started = time.monotonic()
        events = [b"%d-%d" % (n, k) for k in range(count)]
        pacer.stream(events, interval, lambda data: received[n].append((time.monotonic(), data)))
        took[n] = time.monotonic() - started

    threads = [threading.Thread(target=reply, args=(n,)) for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    for n in range(5):
        assert [data for _, data in received[n]] == [b"%d-%d" % (n, k) for k in range(count)]
        instants = [at for at, _ in received[n]]
        # Each chunk waits its interval (give or take the pacer's tick): a reply is not sent in one burst.
        assert instants[-1] - instants[0] >= (count - 1) * interval - 2 * _Pacer.TICK_S
        # The caller gets control back one interval after its last chunk, as a provider's next event would.
        assert took[n] >= count * interval


def test_a_failed_write_is_raised_in_the_caller_and_stops_that_reply_only() -> None:
    pacer = _Pacer()
    healthy: list[bytes] = []

    def broken(data: bytes) -> None:
        if data == b"2":
            raise BrokenPipeError("client went away")

    other = threading.Thread(target=pacer.stream, args=([b"a", b"b", b"c", b"d"], 0.005, healthy.append))
    other.start()
    with pytest.raises(BrokenPipeError):
        pacer.stream([b"0", b"1", b"2", b"3"], 0.005, broken)
    other.join(5)
    assert healthy == [b"a", b"b", b"c", b"d"]
