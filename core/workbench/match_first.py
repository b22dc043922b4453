"""In "Match and tailor", Match reaches the provider first.

Match, the JD's extraction and Customize all start at the click, in the same burst as every other user's
clicks, and the work each does before its request is CPU on shared cores. Match's first words are what the
user waits for; the tailored resume takes a whole reply anyway. So a Customize queued beside its Match waits,
at most WAIT_S, until that Match has sent its request (and by then the knowledge query's vector is computed,
core.query_vectors). A Match that fails before its request, or Redis failing, only costs the wait.

The wait blocks on a Redis list that Match pushes to when it sends (BLPOP), rather than asking every few tens
of milliseconds: a Customize starts the moment its Match has sent, and twenty of them waiting in a burst cost
no CPU meanwhile. A string marker beside the list answers a Customize that starts after Match has sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import redis

from core.redis_conn import get_redis

WAIT_S = 3.0
_SENT = "jaa:svc:{}:match_sent"  # set once Match has sent: a Customize arriving later does not wait
_WAKE = "jaa:svc:{}:match_wake"  # pushed once when Match sends: wakes a Customize already waiting
_TTL_S = 600


def mark_sent(service_id: uuid.UUID) -> None:
    """Match is about to send its request (or to compute its offline reply)."""
    wake = _WAKE.format(service_id)
    try:
        get_redis().pipeline(transaction=False).set(_SENT.format(service_id), "1", ex=_TTL_S).rpush(wake, "1").expire(
            wake, _TTL_S
        ).execute()
    except redis.RedisError:
        pass


def wait_for_match(service_id: uuid.UUID, check: Callable[[], None]) -> None:
    """Return once the service's Match has sent its request, or after WAIT_S; `check` raises if the job is lost."""
    check()
    try:
        client = get_redis()
        if not client.exists(_SENT.format(service_id)):
            client.blpop([_WAKE.format(service_id)], timeout=WAIT_S)
    except redis.RedisError:
        return
    check()  # the job may have been taken from this worker while it waited
