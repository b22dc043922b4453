"""The LLM client's paced reading of an event stream: fewer wake-ups per token, no token held or lost."""

from __future__ import annotations

from collections.abc import Iterator

from core.llm.client import PacedLines


class _Network:
    """Lines that arrive at scripted instants on a fake clock; reading a line not yet there waits for it."""

    def __init__(self, arrivals: list[tuple[float, str]]) -> None:
        self.now = 0.0
        self.arrivals = arrivals
        self.pauses: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds

    def lines(self) -> Iterator[str]:
        for at, line in self.arrivals:
            self.now = max(self.now, at)  # a line not there yet: the read blocks until it arrives
            yield line


def _tokens(count: int, every_s: float, first_at: float = 0.3) -> list[tuple[float, str]]:
    return [(first_at + i * every_s, f"data: {i}") for i in range(count)]


def test_no_pause_before_the_text_flows() -> None:
    """The wait for the first token (slow reads) is never lengthened: that is the latency a user feels."""
    net = _Network(_tokens(5, 0.02))
    paced = PacedLines(net.lines(), 0.1, clock=net.clock, sleep=net.sleep)
    assert list(paced) == [f"data: {i}" for i in range(5)]
    assert net.pauses == []


def test_once_text_flows_a_waited_read_is_followed_by_one_pause_and_every_line_still_comes() -> None:
    net = _Network(_tokens(50, 0.02))
    paced = PacedLines(net.lines(), 0.1, clock=net.clock, sleep=net.sleep)
    got = [next(paced)]
    paced.text_flowing = True
    got += list(paced)
    assert got == [f"data: {i}" for i in range(50)]
    # 50 tokens 20 ms apart: one pause per cycle of a 100 ms pause plus one waited read, not one per token.
    assert 5 <= len(net.pauses) <= 10, net.pauses


def test_lines_that_arrived_together_cost_one_pause_not_one_each() -> None:
    """A burst that arrived together (one socket read) is parsed back to back after the one pause."""
    net = _Network([(0.3, "data: 0"), *((1.0, f"data: {i}") for i in range(1, 6))])
    paced = PacedLines(net.lines(), 0.1, clock=net.clock, sleep=net.sleep)
    next(paced)
    paced.text_flowing = True
    assert list(paced) == [f"data: {i}" for i in range(1, 6)]
    assert net.pauses == [0.1]  # after the waited read of line 1 only; lines 2-5 were already there
