"""Putting a committed job on its queue.

Core decides *what* to enqueue; the Huey instances in tasks/ decide *how*. Each process installs the
dispatcher at start-up (`tasks.queues.wire()`), so core never imports tasks. A marker key per queued job
lets the reaper tell a message Redis lost (a restart without persistence) from one still waiting in line.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

import redis

from core.logging import log_event
from core.redis_conn import get_redis

# (job_id, queue, delay_s): puts the job's message on the named queue.
Dispatcher = Callable[[str, str, float], None]
_dispatcher: Dispatcher | None = None
_log = logging.getLogger("core.dispatch")
MARKER_TTL_S = 7 * 24 * 3600


class NotWired(RuntimeError):
    """A use case enqueued in a process that never installed a dispatcher: a start-up bug, not a user error."""


def install(dispatcher: Dispatcher) -> None:
    global _dispatcher
    _dispatcher = dispatcher


def installed() -> bool:
    return _dispatcher is not None


def marker_key(job_id: str) -> str:
    return f"jobmsg:{job_id}"


def enqueue(job_id: str, queue: str, delay_s: float = 0.0) -> bool:
    """Send the job's message; False (logged) when Redis is unreachable: the reaper will resend it.

    The marker is set first: a message is never waiting without its marker, so the reaper never re-sends a
    job whose message is still in line. A message that could not be sent takes its marker with it.
    """
    if _dispatcher is None:
        raise NotWired("no dispatcher installed: the process must call tasks.queues.wire() at start-up")
    try:
        get_redis().set(marker_key(job_id), queue, ex=MARKER_TTL_S)
    except redis.RedisError as exc:
        return _unsent(job_id, queue, exc)
    return _send(job_id, queue, delay_s)


def enqueue_many(jobs: list[tuple[str, str]]) -> list[bool]:
    """`enqueue` for several jobs (job_id, queue) at once: their markers in one round trip, then each message.

    A click that starts "Match and tailor" queues three jobs; one round trip for the markers instead of three
    is CPU the web process, shared by every user clicking, does not spend. Same guarantees as `enqueue`.
    """
    if len(jobs) < 2:
        return [enqueue(job_id, queue) for job_id, queue in jobs]
    if _dispatcher is None:
        raise NotWired("no dispatcher installed: the process must call tasks.queues.wire() at start-up")
    pipe = get_redis().pipeline(transaction=False)
    for job_id, queue in jobs:
        pipe.set(marker_key(job_id), queue, ex=MARKER_TTL_S)
    try:
        pipe.execute()
    except redis.RedisError:
        return [enqueue(job_id, queue) for job_id, queue in jobs]  # one by one, each failing on its own
    return [_send(job_id, queue, 0.0) for job_id, queue in jobs]


def _send(job_id: str, queue: str, delay_s: float) -> bool:
    """Send a message whose marker is set; on failure the marker goes with it (the reaper resends the job)."""
    assert _dispatcher is not None
    try:
        _dispatcher(job_id, queue, delay_s)
        return True
    except redis.RedisError as exc:
        return _unsent(job_id, queue, exc)


def _unsent(job_id: str, queue: str, exc: redis.RedisError) -> bool:
    """A message not sent takes its marker with it (logged; the reaper resends the job from Postgres)."""
    with contextlib.suppress(redis.RedisError):
        get_redis().delete(marker_key(job_id))
    log_event(_log, "enqueue_failed", logging.WARNING, jobId=job_id, queue=queue, error=type(exc).__name__)
    return False


def message_pending(job_id: str) -> bool:
    return bool(get_redis().exists(marker_key(job_id)))


def clear_marker(job_id: str) -> None:
    try:
        get_redis().delete(marker_key(job_id))
    except redis.RedisError:
        pass
