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

_RESERVE = text(
    "INSERT INTO idempotency_keys (user_id, key, result, created_at, expires_at)"
    " VALUES (:u, :k, NULL, now(), :exp) ON CONFLICT DO NOTHING RETURNING key"
)
_STORE = text("UPDATE idempotency_keys SET result = :r WHERE user_id = :u AND key = :k").bindparams(
    bindparam("r", type_=JSONB)
)


def claim(session: Session, user_id: uuid.UUID, key: str, ttl_s: int) -> dict[str, Any] | None:
    """Reserve `key` for this transaction. Returns None to proceed, or the first call's stored result."""
    expires = datetime.now(UTC) + timedelta(seconds=ttl_s)
    params = {"u": user_id, "k": key[:200], "exp": expires}
    inserted = session.execute(_RESERVE, params).first()
    if inserted is not None:
        return None
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
    session.execute(_STORE, {"u": user_id, "k": key[:200], "r": result})


def cleanup_expired(session: Session) -> int:
    result = session.execute(text("DELETE FROM idempotency_keys WHERE expires_at < now()"))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
