"""The LLM client's paced reading of an event stream: fewer wake-ups per token, no token held or lost."""

from __future__ import annotations

from collections.abc import Iterator

from core.llm.client import PacedLines, Readers


class _Network:
    """Lines that arrive at scripted instants on a fake clock; reading a line not yet there waits for it."""

    def __init__(self, arrivals: list[tuple[float, str]]) -> None:
        self.now = 0.0
        self.arrivals = arrivals
        self.pauses: list[float] = []
        self.paused_at: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.paused_at.append(self.now)
        self.now += seconds

    def lines(self) -> Iterator[str]:
        for at, line in self.arrivals:
            self.now = max(self.now, at)  # a line not there yet: the read blocks until it arrives
            yield line


def _tokens(count: int, every_s: float, first_at: float = 0.3) -> list[tuple[float, str]]:
    """Server-sent events as providers write them: each token's `data:` line and its blank line in one write."""
    return [(first_at + i * every_s, line) for i in range(count) for line in (f"data: {i}", "")]


def _events(count: int) -> list[str]:
    return [line for i in range(count) for line in (f"data: {i}", "")]


def test_no_pause_before_the_text_flows() -> None:
    """The wait for the first token (slow reads) is never lengthened: that is the latency a user feels."""
    net = _Network(_tokens(5, 0.02))
    paced = PacedLines(net.lines(), 0.1, clock=net.clock, sleep=net.sleep)
    assert list(paced) == _events(5)  # text_started() never called: no text yet
    assert net.pauses == []


def test_once_text_flows_a_waited_read_is_followed_by_a_pause_and_every_line_still_comes() -> None:
    net = _Network(_tokens(100, 0.02))  # 2 s of text, a token every 20 ms
    paced = PacedLines(net.lines(), 0.2, clock=net.clock, sleep=net.sleep)
    got = [next(paced), next(paced)]
    paced.text_started()
    got += list(paced)
    assert got == _events(100)
    # One wake-up per pause plus one per waited read, against one per token without pauses.
    assert 8 <= len(net.pauses) <= 25, net.pauses
    assert max(net.pauses) == 0.2


def test_a_pause_is_at_most_a_quarter_of_the_time_text_has_flowed() -> None:
    """The call holds its model slot while it pauses: a short reply's end must not wait a long pause."""
    net = _Network(_tokens(100, 0.02, first_at=0.3))
    paced = PacedLines(net.lines(), 0.2, clock=net.clock, sleep=net.sleep)
    next(paced), next(paced)
    paced.text_started()
    list(paced)
    for pause, at in zip(net.pauses, net.paused_at, strict=True):
        assert pause <= (at - 0.3) / 4 + 1e-9, (pause, at)
    assert min(net.pauses) >= 0.025  # shorter than a token's gap: it would add a wake-up, not save one


def test_lines_that_arrived_together_cost_one_pause_not_one_each() -> None:
    """A burst that arrived together (one socket read) is parsed back to back after the one pause."""
    net = _Network([(0.3, "data: 0"), (0.3, ""), *((1.0, line) for line in _events(6)[2:])])
    paced = PacedLines(net.lines(), 0.1, clock=net.clock, sleep=net.sleep)
    next(paced), next(paced)
    paced.text_started()
    assert list(paced) == _events(6)[2:]
    assert net.pauses == [0.1]  # after the event read with a wait (1) only; events 2-5 were already there


def test_an_event_read_after_a_wait_is_handed_on_before_the_pause() -> None:
    """The pause falls between events: a token that had to be waited for (a reply's last one, after a silence)
    reaches the parser the moment it arrives, not a pause later."""
    net = _Network([*_tokens(50, 0.02), (3.0, "data: last"), (3.0, "")])  # 1 s of text, then one more token
    paced = PacedLines(net.lines(), 0.2, clock=net.clock, sleep=net.sleep)
    next(paced), next(paced)
    paced.text_started()
    handed_on = {}
    for line in paced:
        handed_on[line] = net.now  # when the parser holds this line
        if line == "data: last":
            assert next(paced) == ""  # the blank line that completes its event
            break
    assert net.now == handed_on["data: last"] == 3.0  # complete at its arrival: no pause inside the event
    assert net.pauses  # and the worker still slept between bursts of the flowing text


def test_a_process_reading_few_replies_reads_every_token_as_it_comes() -> None:
    """Alone on the platform, a reply's end is read when it arrives, never a pause later; crowded, pauses resume."""
    crowded = [False]
    net = _Network([*_tokens(50, 0.02), (1.5, "data: last"), (1.5, "")])
    paced = PacedLines(net.lines(), 0.2, clock=net.clock, sleep=net.sleep, crowded=lambda: crowded[0])
    next(paced), next(paced)
    paced.text_started()
    got = [next(paced) for _ in range(40)]
    assert net.pauses == [] and net.now == 0.3 + 20 * 0.02  # each token read at its arrival
    crowded[0] = True  # more replies are read in the process now: the wake-ups are worth saving again
    got += list(paced)
    assert got == [*_events(50)[2:], "data: last", ""]
    assert net.pauses


def test_readers_counts_the_replies_read_at_once_in_the_process() -> None:
    readers = Readers(crowd=1)
    assert not readers.crowded()
    with readers.reading():
        assert not readers.crowded()
        with readers.reading():
            assert readers.crowded()
        assert not readers.crowded()
    try:
        with readers.reading(), readers.reading():
            raise RuntimeError("a reply that failed half-way")
    except RuntimeError:
        pass
    assert not readers.crowded() and readers._count == 0
