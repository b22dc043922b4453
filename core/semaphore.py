"""A counting semaphore in Redis with leases: caps concurrent upstream calls per model across all processes.

Holders are members of a sorted set scored by lease expiry (Redis server time). Acquiring first drops
expired holders, so a worker killed while holding a slot frees it when its lease runs out; live holders
renew their lease. Release pushes a token on a wake-up list so a waiter does not sleep a whole poll.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import redis

from core.redis_conn import get_redis

_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  return 1
end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])) * 4)
  return 1
end
return 0
"""


_RENEW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])) * 4)
return 1
"""


def _keys(name: str) -> tuple[str, str]:
    return f"sem:{name}", f"sem:{name}:wake"


class Semaphore:
    def __init__(self, name: str, capacity: int, lease_s: float = 30.0, client: redis.Redis[str] | None = None):
        self.name = name
        self.capacity = capacity
        self.lease_s = lease_s
        self.redis = client or get_redis()
        self.key, self.wake_key = _keys(name)
        self._script = self.redis.register_script(_ACQUIRE)
        self._renew = self.redis.register_script(_RENEW)

    def try_acquire(self, holder: str) -> bool:
        return bool(self._script(keys=[self.key], args=[holder, self.lease_s, self.capacity]))

    def renew(self, holder: str) -> None:
        """Extend a held slot's lease, re-registering it if Redis lost the set (a restart without persistence).

        Unconditional: the holder is mid-call, so it uses a slot whether or not the set remembers it. After a
        restart, new acquirers may overshoot the cap until the live holders' next renewal, not longer.
        """
        self._renew(keys=[self.key], args=[holder, self.lease_s])

    def acquire(self, holder: str, timeout_s: float | None = None, on_wait: Callable[[], None] | None = None) -> bool:
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while True:
            if self.try_acquire(holder):
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False
            if on_wait is not None:
                on_wait()
            self.redis.blpop([self.wake_key], timeout=0.05 + random.random() * 0.05)

    def release(self, holder: str) -> None:
        pipe = self.redis.pipeline(transaction=False)
        pipe.zrem(self.key, holder)
        pipe.lpush(self.wake_key, "1")
        pipe.ltrim(self.wake_key, 0, self.capacity)
        pipe.expire(self.wake_key, 60)
        pipe.execute()

    def holders(self) -> int:
        return int(self.redis.zcard(self.key))

    @contextmanager
    def slot(self, holder: str | None = None, on_wait: Callable[[], None] | None = None) -> Iterator[str]:
        holder = holder or uuid.uuid4().hex
        self.acquire(holder, on_wait=on_wait)
        try:
            yield holder
        finally:
            try:
                self.release(holder)
            except redis.RedisError:
                pass  # the lease expires on its own
