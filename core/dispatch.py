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
    r = get_redis()
    try:
        r.set(marker_key(job_id), queue, ex=MARKER_TTL_S)
        _dispatcher(job_id, queue, delay_s)
        return True
    except redis.RedisError as exc:
        with contextlib.suppress(redis.RedisError):
            r.delete(marker_key(job_id))
        log_event(_log, "enqueue_failed", logging.WARNING, jobId=job_id, queue=queue, error=type(exc).__name__)
        return False


def message_pending(job_id: str) -> bool:
    return bool(get_redis().exists(marker_key(job_id)))


def clear_marker(job_id: str) -> None:
    try:
        get_redis().delete(marker_key(job_id))
    except redis.RedisError:
        pass
