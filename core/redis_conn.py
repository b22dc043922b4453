"""The shared Redis connection pool (Huey queues, token streams, semaphores, short-lived markers)."""

from __future__ import annotations

import threading
from typing import cast

import redis
from redis.driver_info import DriverInfo

from core.config import get_settings

# What every connection tells the server (CLIENT SETINFO), resolved once: left to redis-py, each new connection
# looked its own version up in the installed packages' metadata (~1.2 ms of CPU, more in a burst's contention).
DRIVER_INFO = DriverInfo()

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
                driver_info=DRIVER_INFO,
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


def open_connections(count: int) -> int:
    """Open `count` pooled connections now (as db.session.open_connections does for Postgres); returns how many.

    A consumer's job threads each borrow a connection at the start of a job: opened on demand, a burst's first
    jobs each made one at once, a connect and its handshake on the cores the burst needed.
    """
    client = get_redis()
    pool = client.connection_pool
    held = []
    try:
        for _ in range(count):
            held.append(pool.get_connection())  # connected by the pool before it hands it out
    finally:
        for connection in held:
            pool.release(connection)
    return len(held)
