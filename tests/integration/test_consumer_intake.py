"""A consumer leaves jobs in Redis while the jobs it took are still preparing, so another consumer takes them."""

from __future__ import annotations

import threading
import uuid

from core.cpu_turns import TURNS
from tasks import queues
from testkit.support import wait_for


def _taken_job(go_on: threading.Event) -> threading.Thread:
    """A job this process took from the queue, preparing (on the CPU) until `go_on`, then waiting on upstream."""

    def run() -> None:
        TURNS.admit()
        with TURNS.held():
            go_on.wait(10)
            with TURNS.given_up():
                pass

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_receiver_takes_a_job_only_once_fewer_than_the_limit_are_preparing(stack, monkeypatch) -> None:
    monkeypatch.setattr(queues, "INTAKE_WAIT_S", 30.0)  # no giving up on the wait within this test
    queues.wire()
    queue = queues._huey(f"intake-{uuid.uuid4().hex[:8]}")
    noop = queue.task(retries=0, name="noop")(lambda: None)
    noop()
    noop()
    go_on = [threading.Event() for _ in range(queues.INTAKE_LIMIT)]
    taken = [_taken_job(event) for event in go_on]
    received: list[object] = []

    def receive() -> None:  # as a Huey worker thread does: take a task, run it
        task = queue.dequeue()
        received.append(task)
        queue.execute(task)  # its end settles it

    try:
        wait_for(lambda: TURNS._fresh == queues.INTAKE_LIMIT, timeout=5, interval=0.01)
        receiver = threading.Thread(target=receive)
        receiver.start()
        receiver.join(0.5)
        assert receiver.is_alive() and queue.pending_count() == 2  # both jobs still in Redis for others
        go_on[0].set()  # one taken job sends its request
        receiver.join(10)
        assert not receiver.is_alive() and received[0] is not None
        assert queue.pending_count() == 1
    finally:
        for event in go_on:
            event.set()
        for thread in taken:
            thread.join(10)
        queue.flush()
    assert TURNS._fresh == 0
