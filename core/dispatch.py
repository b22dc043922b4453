"""Putting a committed job on its queue.

Core decides *what* to enqueue; the Huey instances in tasks/ decide *how*. tasks.queues installs itself as
the dispatcher on import; `enqueue` imports it on first use so a page, a script or a test that calls a use
case needs no extra wiring. A marker key per queued job lets the reaper tell a message Redis lost (a
restart without persistence) from one still waiting in line.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

import redis

from core.logging import log_event
from core.redis_conn import get_redis

# (job_id, queue, delay_s, pipeline): adds the message to the pipeline that also sets the job's marker.
Dispatcher = Callable[[str, str, float, "redis.client.Pipeline"], None]
_dispatcher: Dispatcher | None = None
_log = logging.getLogger("core.dispatch")
MARKER_TTL_S = 7 * 24 * 3600


def install(dispatcher: Dispatcher) -> None:
    global _dispatcher
    _dispatcher = dispatcher


def marker_key(job_id: str) -> str:
    return f"jobmsg:{job_id}"


def enqueue(job_id: str, queue: str, delay_s: float = 0.0) -> bool:
    """Send the job's message; False (logged) when Redis is unreachable: the reaper will resend it."""
    if _dispatcher is None:
        importlib.import_module("tasks.queues")
    assert _dispatcher is not None
    try:
        pipe = get_redis().pipeline(transaction=False)  # marker and message in one round trip, marker first
        pipe.set(marker_key(job_id), queue, ex=MARKER_TTL_S)
        _dispatcher(job_id, queue, delay_s, pipe)
        pipe.execute()
        return True
    except redis.RedisError as exc:
        log_event(_log, "enqueue_failed", logging.WARNING, jobId=job_id, queue=queue, error=type(exc).__name__)
        return False


def message_pending(job_id: str) -> bool:
    return bool(get_redis().exists(marker_key(job_id)))


def clear_marker(job_id: str) -> None:
    try:
        get_redis().delete(marker_key(job_id))
    except redis.RedisError:
        pass
