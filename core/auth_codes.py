"""One-time codes that let the web process set (or clear) the HttpOnly session cookie.

Why: page JavaScript cannot write an HttpOnly cookie, and Streamlit's own responses cannot carry Set-Cookie.
So the page asks core for a short-lived random code bound to the cookie value it wants, and the browser posts
that code to a route on the web process (asgi.py), which answers with the Set-Cookie header. The script never
sees the session token, the code works once, within a minute, and Redis keeps only a hash of it as the key.
"""

from __future__ import annotations

import hashlib
import secrets

import redis

from core.redis_conn import get_redis

CODE_TTL_S = 60
_SET = "set:"
_CLEAR = "clear:"


def _key(code: str) -> str:
    return "authcode:" + hashlib.sha256(code.encode()).hexdigest()


def issue(token: str | None, client: redis.Redis[str] | None = None) -> str:
    """A fresh code that sets the cookie to `token`, or clears it when `token` is None."""
    code = secrets.token_urlsafe(32)
    (client or get_redis()).set(_key(code), _SET + token if token else _CLEAR, ex=CODE_TTL_S)
    return code


def redeem(code: str, client: redis.Redis[str] | None = None) -> tuple[bool, str | None]:
    """(valid, token): (True, token) to set, (True, None) to clear, (False, None) for an unknown or used code."""
    if not code or len(code) > 100:
        return False, None
    pipe = (client or get_redis()).pipeline(transaction=True)
    pipe.get(_key(code))
    pipe.delete(_key(code))
    value, _deleted = pipe.execute()
    if not value:
        return False, None
    text = value.decode() if isinstance(value, bytes) else str(value)
    if text.startswith(_SET):
        return True, text[len(_SET) :]
    return True, None
