"""Idempotency keys for user actions that charge or create something.

The key row is inserted first in the action's own transaction. A concurrent duplicate blocks on the unique
index until the first transaction ends, then sees its stored result: one debit, one job, however many
clicks, reruns or retries. Keys expire after the configured TTL (15 minutes) and are cleaned periodically.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

_RESERVE_SQL = (
    "INSERT INTO idempotency_keys (user_id, key, result, created_at, expires_at)"
    " VALUES (:u, :k, NULL, now(), :exp) ON CONFLICT DO NOTHING RETURNING key"
)
_RESERVE = text(_RESERVE_SQL)
# The reservation and the wallet row's lock (core.jobs.lock_user) in one round trip, for a click that charges.
# The lock is taken before any check reads: a later statement's snapshot sees what the lock waited for.
_RESERVE_AND_LOCK = text(
    f"WITH reserved AS ({_RESERVE_SQL})"
    " SELECT (SELECT key FROM reserved), (SELECT balance FROM wallets WHERE user_id = :u FOR UPDATE)"
)
# Sets the result of the key this transaction reserved (:u, :k, :r). A statement that writes the action may
# carry it as a CTE of its own (core.workbench.creation), saving the round trip.
STORE_SQL = "UPDATE idempotency_keys SET result = :r WHERE user_id = :u AND key = :k"
_STORE = text(STORE_SQL).bindparams(bindparam("r", type_=JSONB))


def _params(user_id: uuid.UUID, key: str, ttl_s: int) -> dict[str, Any]:
    return {"u": user_id, "k": stored_key(key), "exp": datetime.now(UTC) + timedelta(seconds=ttl_s)}


def stored_key(key: str) -> str:
    """The key as its row holds it (a client's key is cut to the column's length)."""
    return key[:200]


def claim(session: Session, user_id: uuid.UUID, key: str, ttl_s: int) -> dict[str, Any] | None:
    """Reserve `key` for this transaction. Returns None to proceed, or the first call's stored result."""
    params = _params(user_id, key, ttl_s)
    inserted = session.execute(_RESERVE, params).first()
    return None if inserted is not None else _prior(session, params)


def claim_locking_wallet(
    session: Session, user_id: uuid.UUID, key: str, ttl_s: int
) -> tuple[dict[str, Any] | None, int]:
    """`claim` and the wallet row's lock in one round trip: (None or the first call's result, the balance as of
    the lock, 0 without a wallet). A replay holds the lock for nothing until its transaction ends."""
    params = _params(user_id, key, ttl_s)
    inserted, balance = session.execute(_RESERVE_AND_LOCK, params).one()
    return (None if inserted is not None else _prior(session, params)), int(balance or 0)


def _prior(session: Session, params: dict[str, Any]) -> dict[str, Any] | None:
    """The stored result of a key another call reserved (None: it expired, and this call reserved it anew)."""
    row = session.execute(
        text("SELECT result, expires_at FROM idempotency_keys WHERE user_id = :u AND key = :k FOR UPDATE"),
        params,
    ).first()
    if row is None or row[1] <= datetime.now(UTC):
        # Expired (or cleaned in between): this is a new action under a reused key.
        session.execute(
            text(
                "INSERT INTO idempotency_keys (user_id, key, result, created_at, expires_at)"
                " VALUES (:u, :k, NULL, now(), :exp)"
                " ON CONFLICT (user_id, key) DO UPDATE SET result = NULL, created_at = now(),"
                " expires_at = EXCLUDED.expires_at"
            ),
            params,
        )
        return None
    return dict(row[0] or {})


def store(session: Session, user_id: uuid.UUID, key: str, result: dict[str, Any]) -> None:
    session.execute(_STORE, {"u": user_id, "k": stored_key(key), "r": result})


def cleanup_expired(session: Session) -> int:
    result = session.execute(text("DELETE FROM idempotency_keys WHERE expires_at < now()"))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
