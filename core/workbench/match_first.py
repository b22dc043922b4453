"""In "Match and tailor", Match reaches the provider first.

Match, the JD's extraction and Customize all start at the click, in the same burst as every other user's
clicks, and the work each does before its request is CPU on shared cores. Match's first words are what the
user waits for; the tailored resume takes a whole reply anyway. So a Customize queued beside its Match waits,
at most WAIT_S, until that Match has sent its request (and by then the knowledge query's vector is computed,
core.query_vectors). A Match that fails before its request, or Redis failing, only costs the wait.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import redis

from core.redis_conn import get_redis

WAIT_S = 3.0
POLL_S = 0.05
_KEY = "jaa:svc:{}:match_sent"
_TTL_S = 600


def mark_sent(service_id: uuid.UUID) -> None:
    """Match is about to send its request (or to compute its offline reply)."""
    try:
        get_redis().set(_KEY.format(service_id), "1", ex=_TTL_S)
    except redis.RedisError:
        pass


def wait_for_match(service_id: uuid.UUID, check: Callable[[], None]) -> None:
    """Return once the service's Match has sent its request, or after WAIT_S; `check` raises if the job is lost."""
    deadline = time.monotonic() + WAIT_S
    key = _KEY.format(service_id)
    try:
        while not get_redis().exists(key) and time.monotonic() < deadline:
            check()
            time.sleep(POLL_S)
    except redis.RedisError:
        return
