"""Stripe event ids, recorded once: the PRIMARY KEY on stripe_events makes a replayed delivery a no-op.

The insert runs inside the transaction that applies the event, so an event whose processing failed is not
recorded and Stripe's retry processes it again; a concurrent duplicate waits on the key, then sees it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db.models import StripeEvent


@dataclass(frozen=True)
class EventRef:
    id: str
    type: str
    session_id: str | None


def record(session: Session, event: EventRef) -> bool:
    """True if this is the first time the event is recorded (in this transaction's view)."""
    row = session.execute(
        text(
            "INSERT INTO stripe_events (id, type, stripe_session_id, received_at) VALUES (:id, :t, :s, now())"
            " ON CONFLICT (id) DO NOTHING RETURNING id"
        ),
        {"id": event.id[:255], "t": event.type[:100], "s": event.session_id},
    ).first()
    return row is not None


def seen(session: Session, event_id: str) -> bool:
    return session.scalar(select(StripeEvent.id).where(StripeEvent.id == event_id[:255])) is not None
