"""Turns at the CPU for a consumer's job threads: one job at a time, the oldest first.

A consumer runs dozens of job threads on one GIL. In a burst (twenty users clicking "Match and tailor") each
step's work before its upstream request (reading the documents, coverage, the query's embedding) is CPU, and
threads sharing the GIL share it round-robin: every step progresses a little and every step sends its request
near the end of the burst. Taken one job at a time, the same work sends the first request after one step's
work and the median after half the burst's; the last goes out no later than before.

A job thread holds its turn from its claim to its end and lets it go whenever it waits on something other
than its own Python: an upstream reply (the model slot and the stream), its Match beside it, another
process's embedding, a sandboxed parser or OCR (a child process, or onnxruntime's own threads). Turns go to
the job claimed first, also when it comes back from such a wait: a job that has begun finishes before younger
ones begin, so a Match's checks after its reply, or a Customize whose Match has sent, do not queue behind a
burst that arrived later. Measured on the Match-and-tailor bench, this order did better
for the first Match token than shortest-piece-first, which sent the long Match preparations last.

A job kind may stand earlier in line than its claim (`held(head_start_s)`): Match, whose first words the user
watches, goes before the jobs claimed up to a second before it, never before older ones; the light steps (an
extraction, a Customize whose Match has sent) stand earlier still, so a burst's few-millisecond preparations are
not queued behind its heavy ones (core.workbench.jobs says what was measured).

A consumer also takes no more jobs from the queue than it can start (`wait_for_room`, `admit`, `settled`): a job
it took is "fresh" until its first wait or its end, and while `limit` fresh jobs are in, its next receiver waits
before asking Redis for more. Every worker thread of every consumer sat in BRPOP when a burst came, and Redis
hands a message to whichever waited longest, so one consumer could take fifteen of twenty Matches and the other
five: the first queued 150 ms of preparations behind one GIL while the second was idle (measured on
bench.workbench_paths). Left in Redis, a job goes to the first consumer with room, as a prefetch limit does.

Only job threads take turns: streaming, lease keepers, the flusher and the web process never wait for one.
A long queue is waited out in order (under overload that is the wait the work ahead costs), but a holder that
keeps the turn longer than `MAX_WAIT_S` is taken to be blocked in a wait nobody foresaw: the threads waiting
for it go on beside it, as every thread did before, and say so in the log.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import threading
import time
from collections.abc import Iterator

from core.logging import log_event

MAX_WAIT_S = 3.0

_log = logging.getLogger("core.cpu_turns")


class Turns:
    """One turn at a time; the waiting job first in line (its claim, less any head start) gets it next."""

    def __init__(self, max_wait_s: float = MAX_WAIT_S) -> None:
        self._max_wait_s = max_wait_s
        self._mutex = threading.Lock()
        self._holder: threading.Event | None = None
        self._held_since = 0.0  # when the holder got the turn
        # A heap of (the job's place in line, a tie-breaker, its token).
        self._waiting: list[tuple[float, int, threading.Event]] = []
        self._tie = itertools.count()
        self._mine = threading.local()  # per thread: the job's place in line and the token it holds, if any
        self._fresh = 0  # jobs taken from the queue and not yet past their first stretch of CPU
        self._room = threading.Condition(self._mutex)

    @property
    def holding(self) -> bool:
        """True when the calling thread holds the turn."""
        token = getattr(self._mine, "token", None)
        return token is not None and token is self._holder

    @contextlib.contextmanager
    def held(self, head_start_s: float = 0.0) -> Iterator[None]:
        """Run the block as a job: take the turn now (waiting for it) and between the block's waits.

        A job's place in line is its claim instant, moved `head_start_s` earlier for a job whose first words
        a user is waiting for: it goes before jobs claimed up to that long before it, never before older ones,
        so the others wait at most that much longer and are never starved.
        """
        if getattr(self._mine, "arrival", None) is not None:  # nested: this job already takes its turns
            yield
            return
        self._mine.arrival = time.monotonic() - head_start_s
        self._acquire()
        try:
            yield
        finally:
            self._release()
            self._mine.arrival = None
            self.settled()

    def wait_for_room(self, limit: int, timeout_s: float) -> bool:
        """Wait until fewer than `limit` fresh jobs are in this process, at most `timeout_s`; True if there is room.

        On False the caller may take a job all the same: a count gone wrong costs the balance, never the work."""
        with self._room:
            return self._room.wait_for(lambda: self._fresh < limit, timeout_s)

    def admit(self) -> None:
        """The calling thread has taken a job from the queue: it is fresh until it first waits or ends."""
        if getattr(self._mine, "fresh", False):
            return
        self._mine.fresh = True
        with self._mutex:
            self._fresh += 1

    def settled(self) -> None:
        """The calling thread's job is past its first stretch of CPU (it waits on something else, or it ended)."""
        if not getattr(self._mine, "fresh", False):
            return
        self._mine.fresh = False
        with self._room:
            self._fresh -= 1
            self._room.notify()

    @contextlib.contextmanager
    def given_up(self) -> Iterator[None]:
        """Let the turn go while the block waits on something other than the CPU; take it again after."""
        self.settled()
        if getattr(self._mine, "arrival", None) is None:  # not a job: nothing to give up
            yield
            return
        self._release()
        try:
            yield
        finally:
            self._acquire()

    def _acquire(self) -> None:
        token = threading.Event()
        self._mine.token = None
        with self._mutex:
            if self._holder is None:
                self._hand_to(token)
            else:
                heapq.heappush(self._waiting, (self._mine.arrival, next(self._tie), token))
        while self._holder is not token and not token.wait(self._max_wait_s):
            with self._mutex:
                if token is self._holder:
                    break  # handed over just now
                if time.monotonic() - self._held_since < self._max_wait_s:
                    continue  # a long queue that moves: wait on, in order
                # One holder for longer than the limit: blocked in a wait nobody foresaw. Go on without a turn.
                self._waiting = [entry for entry in self._waiting if entry[2] is not token]
                heapq.heapify(self._waiting)
                log_event(_log, "cpu_turn_timeout", logging.WARNING, durationMs=int(self._max_wait_s * 1000))
                return
        self._mine.token = token

    def _release(self) -> None:
        token, self._mine.token = self._mine.token, None
        if token is None:
            return  # it went on without a turn: it has nothing to hand on
        with self._mutex:
            self._hand_to(heapq.heappop(self._waiting)[2] if self._waiting else None)

    def _hand_to(self, token: threading.Event | None) -> None:
        """Make `token` the holder (None: the turn is free) and wake its thread (call with the mutex held)."""
        self._holder, self._held_since = token, time.monotonic()
        if token is not None:
            token.set()


TURNS = Turns()
