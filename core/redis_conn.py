"""The shared Redis connection pool (Huey queues, token streams, semaphores, short-lived markers)."""

from __future__ import annotations

import threading
from typing import cast

import redis

from core.config import get_settings

_lock = threading.Lock()
_pool: redis.ConnectionPool | None = None
_client: redis.Redis[str] | None = None


def get_redis() -> redis.Redis[str]:
    """The process's client (thread-safe: every command borrows a pooled connection)."""
    global _pool, _client
    client = _client
    if client is not None:
        return client
    with _lock:
        if _client is None:
            url = get_settings().redis_url
            if not url:
                raise RuntimeError("REDIS_URL is not set; start the product with `make run`")
            _pool = redis.ConnectionPool.from_url(
                url,
                decode_responses=True,
                socket_timeout=10,
                socket_connect_timeout=3,
                health_check_interval=15,
            )
            _client = cast("redis.Redis[str]", redis.Redis(connection_pool=_pool))  # decode_responses: str
        return _client


def reset_redis() -> None:
    global _pool, _client
    with _lock:
        if _pool is not None:
            _pool.disconnect()
        _pool = None
        _client = None
