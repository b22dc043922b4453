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
# (job_id, queue) -> (the queue's Redis list, the message): what the dispatcher would push, for sending a
# click's markers and messages in one round trip. The queues live on the Redis of `get_redis()` (one URL).
MessageOf = Callable[[str, str], tuple[str, bytes]]
_dispatcher: Dispatcher | None = None
_message_of: MessageOf | None = None
_log = logging.getLogger("core.dispatch")
MARKER_TTL_S = 7 * 24 * 3600


class NotWired(RuntimeError):
    """A use case enqueued in a process that never installed a dispatcher: a start-up bug, not a user error."""


def install(dispatcher: Dispatcher, message_of: MessageOf | None = None) -> None:
    """Set the process's dispatcher; with `message_of`, messages due now go out with their markers in one
    round trip (without it, each message is one more)."""
    global _dispatcher, _message_of
    _dispatcher = dispatcher
    _message_of = message_of


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
    if delay_s <= 0 and _message_of is not None and _send_together([(job_id, queue)]):
        return True
    return _one_by_one(job_id, queue, delay_s)


def _one_by_one(job_id: str, queue: str, delay_s: float) -> bool:
    """The marker, then the message through the dispatcher: two round trips, for a delay or a fall-back."""
    try:
        get_redis().set(marker_key(job_id), queue, ex=MARKER_TTL_S)
    except redis.RedisError as exc:
        return _unsent(job_id, queue, exc)
    return _send(job_id, queue, delay_s)


def enqueue_many(jobs: list[tuple[str, str]]) -> list[bool]:
    """`enqueue` for several jobs (job_id, queue) at once: every marker, then every message, in one round trip.

    A click that starts "Match and tailor" queues three jobs in the web process, whose one interpreter every
    user clicking at once shares: under load each round trip is a wait for it. Same guarantees as `enqueue`.
    """
    if _dispatcher is None:
        raise NotWired("no dispatcher installed: the process must call tasks.queues.wire() at start-up")
    if jobs and _message_of is not None and _send_together(jobs):
        return [True] * len(jobs)
    return [_one_by_one(job_id, queue, 0.0) for job_id, queue in jobs]  # each failing on its own


def _send_together(jobs: list[tuple[str, str]]) -> bool:
    """Markers first, then messages, in one pipeline (Redis runs a connection's commands in order, so no
    message is waiting without its marker). False when Redis refused: the caller falls back to one by one, and
    a message sent twice is harmless (a job is claimed once, see core.jobs.claim)."""
    assert _message_of is not None
    try:
        messages = [_message_of(job_id, queue) for job_id, queue in jobs]
        pipe = get_redis().pipeline(transaction=False)
        for job_id, queue in jobs:
            pipe.set(marker_key(job_id), queue, ex=MARKER_TTL_S)
        for list_key, message in messages:
            pipe.lpush(list_key, message)
        pipe.execute()
    except redis.RedisError:
        return False
    return True


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
