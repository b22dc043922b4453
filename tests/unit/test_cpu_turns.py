"""Job threads take turns at the CPU, oldest job first, and give the turn up while they wait."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from core.cpu_turns import Turns


def _job(turns: Turns, name: str, order: list[str], head_start_s: float = 0.0) -> threading.Thread:
    def run() -> None:
        with turns.held(head_start_s):
            order.append(name)

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread


def _wait_until(condition: object, timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.005)
    assert condition(), "timed out"  # type: ignore[operator]


def _holding(
    turns: Turns, until: threading.Event, order: list[str], before: str = "", after: str = ""
) -> threading.Thread:
    """A job that holds the turn until `until` is set (noting `before` and `after` in `order`, when given)."""

    def run() -> None:
        with turns.held():
            if before:
                order.append(before)
            until.wait(2)  # a wait that does not give the turn up
            if after:
                order.append(after)

    thread = threading.Thread(target=run)
    thread.start()
    _wait_until(lambda: turns._holder is not None)
    return thread


def test_a_job_waits_while_another_holds_the_turn_and_goes_when_it_is_handed_on() -> None:
    turns = Turns()
    order: list[str] = []
    release = threading.Event()
    a = _holding(turns, release, order, before="first-start", after="first-end")
    _wait_until(lambda: order == ["first-start"])
    b = _job(turns, "second", order)
    time.sleep(0.1)
    assert order == ["first-start"]  # the second job has not run beside the first
    release.set()
    a.join(2)
    b.join(2)
    assert order == ["first-start", "first-end", "second"]


def test_the_oldest_waiting_job_goes_next_also_when_it_comes_back_from_a_wait() -> None:
    """A job that gave its turn up to wait (for a reply) is older than jobs that arrived meanwhile: it goes first."""
    turns = Turns()
    order: list[str] = []
    reply = threading.Event()
    hold_young = threading.Event()

    def old() -> None:
        with turns.held():
            order.append("old-before-reply")
            with turns.given_up():
                reply.wait(2)
            order.append("old-after-reply")

    def young(name: str) -> None:
        with turns.held():
            order.append(name)
            if name == "young-1":
                hold_young.wait(2)

    a = threading.Thread(target=old)
    a.start()
    _wait_until(lambda: order == ["old-before-reply"])
    b = threading.Thread(target=young, args=("young-1",))
    b.start()  # runs while the old job waits for its reply
    _wait_until(lambda: order == ["old-before-reply", "young-1"])
    c = threading.Thread(target=young, args=("young-2",))
    c.start()
    time.sleep(0.05)
    reply.set()  # the old job is back, behind young-1's turn but ahead of young-2
    time.sleep(0.05)
    hold_young.set()
    for t in (a, b, c):
        t.join(2)
    assert order == ["old-before-reply", "young-1", "old-after-reply", "young-2"]


def test_arrival_order_decides_among_waiting_jobs() -> None:
    turns = Turns()
    order: list[str] = []
    release = threading.Event()
    h = _holding(turns, release, order)
    threads = []
    for n in range(5):
        threads.append(_job(turns, f"job-{n}", order))
        _wait_until(lambda n=n: len(turns._waiting) == n + 1)
    release.set()
    for t in [h, *threads]:
        t.join(2)
    assert order == [f"job-{n}" for n in range(5)]


def test_a_head_start_goes_before_jobs_claimed_within_it_but_not_before_older_ones() -> None:
    """Match's preparation goes before the extractions and tailorings of the same burst, never before a job that
    has waited longer than its head start (nobody is starved)."""
    turns = Turns()
    order: list[str] = []
    release = threading.Event()
    h = _holding(turns, release, order)
    old = _job(turns, "old", order)
    _wait_until(lambda: len(turns._waiting) == 1)
    time.sleep(0.3)  # "old" has waited longer than the Match's head start below
    same_burst = _job(turns, "same-burst", order)
    _wait_until(lambda: len(turns._waiting) == 2)
    match = _job(turns, "match", order, head_start_s=0.2)
    _wait_until(lambda: len(turns._waiting) == 3)
    release.set()
    for t in (h, old, same_burst, match):
        t.join(2)
    assert order == ["old", "match", "same-burst"]


def test_a_thread_that_is_not_a_job_never_waits_for_a_turn() -> None:
    """Streaming, the web process and tests call code that gives a turn up; outside a job that is a no-op."""
    turns = Turns()
    with turns.given_up():
        assert not turns.holding
    with turns.held():
        assert turns.holding
        with turns.held():  # nested: the same turn
            assert turns.holding
        with turns.given_up():
            assert not turns.holding
        assert turns.holding
    assert not turns.holding


def test_a_holder_stuck_in_an_unforeseen_wait_costs_the_others_only_max_wait(caplog: pytest.LogCaptureFixture) -> None:
    turns = Turns(max_wait_s=0.2)
    order: list[str] = []
    stuck = threading.Event()
    h = _holding(turns, stuck, order, after="holder")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="core.cpu_turns"):
        waiter = _job(turns, "waiter", order)
        waiter.join(2)
    assert order == ["waiter"]
    assert 0.2 <= time.monotonic() - started < 1.0
    assert [r.getMessage() for r in caplog.records] == ["cpu_turn_timeout"]
    stuck.set()
    h.join(2)
    late = _job(turns, "late", order)  # the turn is free again and handed on as usual
    late.join(2)
    assert order == ["waiter", "holder", "late"]
    assert turns._holder is None and not turns._waiting


def test_a_job_waiting_on_a_sandboxed_child_lets_the_other_jobs_run() -> None:
    """A scanned PDF's OCR takes seconds in a child process; the job only waits, so its turn goes on meanwhile."""
    from core.cpu_turns import TURNS
    from core.sandbox import Budget, run_limited

    order: list[str] = []
    in_child = threading.Event()

    def parsing() -> None:
        with TURNS.held():
            in_child.set()
            run_limited(time.sleep, 1.5, budget=Budget(seconds=10, memory_mb=512))
            order.append("parsed")

    a = threading.Thread(target=parsing)
    a.start()
    assert in_child.wait(2)
    time.sleep(0.3)  # the child is starting or sleeping by now
    started = time.monotonic()
    b = _job(TURNS, "match", order)
    b.join(5)
    waited = time.monotonic() - started
    a.join(10)
    assert order == ["match", "parsed"]
    assert waited < 1.0


def test_a_long_queue_that_moves_is_waited_out_in_order_without_a_timeout(caplog: pytest.LogCaptureFixture) -> None:
    """Six jobs of 0.1 s queue for 0.6 s, longer than the limit of 0.25 s, but no holder keeps the turn that long."""
    turns = Turns(max_wait_s=0.25)
    order: list[str] = []

    def work(name: str) -> None:
        with turns.held():
            order.append(name + "-start")
            time.sleep(0.1)  # stands for a piece of CPU work
            order.append(name + "-end")

    with caplog.at_level(logging.WARNING, logger="core.cpu_turns"):
        threads = []
        for n in range(6):
            threads.append(threading.Thread(target=work, args=(f"job-{n}",)))
            threads[-1].start()
            # In line before the next one starts: waiting, or already at work (on a slow machine the first jobs
            # may be done before the last ones start, so the line alone is not always n long).
            _wait_until(lambda n=n: len(turns._waiting) + sum(x.endswith("-start") for x in order) == n + 1)
        for t in threads:
            t.join(5)
    assert order == [f"job-{n}-{edge}" for n in range(6) for edge in ("start", "end")]
    assert not caplog.records


def test_in_a_burst_the_light_steps_go_before_the_matches_claimed_with_them() -> None:
    """The handlers' own head starts: an extraction, and a Customize whose Match has sent, go before the Matches of
    the same burst even when claimed after them; the Matches before any other kind of job."""
    from core.probe import ProbeHandler
    from core.workbench.jobs import CustomizeHandler, JobExtractionHandler, MatchHandler

    turns = Turns()
    order: list[str] = []
    release = threading.Event()
    h = _holding(turns, release, order)
    threads = []
    for name, handler in (
        ("probe", ProbeHandler),
        ("match", MatchHandler),
        ("customize", CustomizeHandler),
        ("extract", JobExtractionHandler),
    ):
        threads.append(_job(turns, name, order, head_start_s=handler.turn_head_start_s))
        queued = len(threads)  # in line one after another, each claimed after the last
        _wait_until(lambda n=queued: len(turns._waiting) == n)
    release.set()
    for t in [h, *threads]:
        t.join(2)
    assert order == ["extract", "customize", "match", "probe"]


def _fresh_job(turns: Turns, go_on: threading.Event, wait_first: bool) -> threading.Thread:
    """A job a consumer took (admitted) that works until `go_on`, then waits on something else or ends."""

    def run() -> None:
        turns.admit()
        with turns.held():
            go_on.wait(5)
            if wait_first:
                with turns.given_up():
                    time.sleep(0.5)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.parametrize("wait_first", [True, False], ids=["then-waits-upstream", "then-ends"])
def test_a_consumer_takes_no_more_jobs_while_those_it_took_are_still_preparing(wait_first: bool) -> None:
    turns = Turns()
    go_on = [threading.Event(), threading.Event()]
    jobs = [_fresh_job(turns, event, wait_first) for event in go_on]
    _wait_until(lambda: turns._fresh == 2)
    assert turns.wait_for_room(3, 0.01)  # a third fits under a limit of three
    assert not turns.wait_for_room(2, 0.2)  # not under two: the receiver waits
    room = threading.Event()

    def receive() -> None:
        if turns.wait_for_room(2, 5):
            room.set()

    receiver = threading.Thread(target=receive)
    receiver.start()
    go_on[1].set()  # the job waiting for the turn is not the one that settles: the holder goes on working
    time.sleep(0.1)
    assert not room.is_set()
    go_on[0].set()  # the holder's first stretch ends (an upstream wait, or its end): there is room
    receiver.join(5)
    assert room.is_set()
    for job in jobs:
        job.join(5)
    assert turns._fresh == 0


def test_settling_is_once_per_taken_job_and_nothing_for_a_thread_that_took_none() -> None:
    turns = Turns()
    turns.settled()  # a thread that took no job (the web process, a stream reader)
    assert turns._fresh == 0
    turns.admit()
    turns.admit()  # the same job: counted once
    assert turns._fresh == 1
    turns.settled()
    turns.settled()
    assert turns._fresh == 0
