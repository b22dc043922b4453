"""Sign-in throttling: slow a password guesser down without letting a stranger lock a real user out.

Two counters of failed sign-ins live in Redis (so every web process shares them and none is lost with one):
- per (e-mail, client address) pair: after `login_free_failures` the pair waits a delay doubling from
  `login_delay_base_s` up to `login_delay_max_s`. The real user, signing in from another address, is untouched.
- per client address, across every e-mail it tries: the same, after `login_address_free_failures`.
The e-mail need not belong to an account: unknown and known addresses are throttled alike, so the reply never
tells whether an account exists. A success clears the pair's counter. Keys hold keyed hashes, never the e-mail
or address; counters expire a day after the last failure.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time

import redis

from core.config import get_settings
from core.redis_conn import get_redis

_WINDOW_S = 24 * 3600


def _digest(*parts: object) -> str:
    """A keyed hash of the parts (no email or address is kept in Redis); an unknown address is one bucket."""
    key = get_settings().cookie_key.encode() or b"throttle"
    return hmac.new(key, "\x1f".join(str(p) if p else "unknown" for p in parts).encode(), hashlib.sha256).hexdigest()[
        :40
    ]


def _keys(email: str, address: str) -> tuple[tuple[str, int], tuple[str, int]]:
    s = get_settings()
    return (
        (f"throttle:pair:{_digest(email, address)}", s.login_free_failures),
        (f"throttle:addr:{_digest(address)}", s.login_address_free_failures),
    )


def wait_seconds(email: str, address: str, client: redis.Redis[str] | None = None) -> int:
    """Seconds this (e-mail, address) must still wait before its next attempt; 0 when it may try now."""
    r = client or get_redis()
    now = time.time()
    untils = [float(r.hget(key, "until") or 0.0) for key, _free in _keys(email, address)]
    left = max(untils) - now
    return math.ceil(left) if left > 0 else 0


def record_failure(email: str, address: str, client: redis.Redis[str] | None = None) -> None:
    """Count one failed attempt on both counters and push their next allowed time out when over the budget."""
    r = client or get_redis()
    s = get_settings()
    for key, free in _keys(email, address):
        failures = int(r.hincrby(key, "n", 1))
        if failures > free:
            delay = min(s.login_delay_max_s, s.login_delay_base_s * 2 ** min(failures - free - 1, 30))
            r.hset(key, "until", time.time() + delay)
        r.expire(key, _WINDOW_S)


def record_success(email: str, address: str, client: redis.Redis[str] | None = None) -> None:
    """The pair proved it knows the password: its counter starts over (the address counter does not)."""
    (pair, _free), _addr = _keys(email, address)
    (client or get_redis()).delete(pair)
