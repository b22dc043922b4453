"""The session cookie's value: a browser session's id signed with HMAC-SHA256 under `settings.cookie_key`.

The token carries no personal data, and a tampered, truncated or foreign-key token reads as no session. The
signature only says the id came from us; whether the session is still live is for core.accounts.sessions.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid

from core.config import get_settings


def _cookie_key() -> bytes:
    key = get_settings().cookie_key
    if not key:
        raise RuntimeError("COOKIE_KEY is not set; start the product with `make run`")
    return key.encode()


def _sign(payload: str) -> str:
    digest = hmac.new(_cookie_key(), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def make_token(session_id: uuid.UUID) -> str:
    """The cookie value: `<session id hex>.<HMAC>`; carries no personal data."""
    return f"{session_id.hex}.{_sign(session_id.hex)}"


def parse_token(token: str | None) -> uuid.UUID | None:
    """The session id inside a well-signed token, else None (tampered, truncated, foreign key)."""
    if not token or "." not in token:
        return None
    sid, sig = token.split(".", 1)
    if not hmac.compare_digest(sig, _sign(sid)):
        return None
    try:
        return uuid.UUID(hex=sid)
    except ValueError:
        return None
