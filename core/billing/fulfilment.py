"""Fulfilment: the ONE idempotent function that turns a paid Checkout Session into coins.

Called by the webhook (checkout.session.completed / async_payment_succeeded / async_payment_failed) and by
the success redirect. It re-fetches the session from Stripe and credits only when Stripe says
payment_status == "paid". Exactly-once holds in the database, not in process memory:

- the payments row moves pending -> paid in one conditional UPDATE; concurrent callers serialize on the
  row lock and every one after the first updates nothing, so only one transaction ever calls the ledger;
- ledger.purchase inserts with the UNIQUE payment_id as the second guard;
- a webhook's event id is recorded in the same transaction (see events.py), so a replay changes nothing.

The Stripe call happens outside any transaction: no row lock is held across the network.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core import ledger
from core.billing import events, gateway
from core.billing.events import EventRef
from core.errors import NotFound
from core.logging import log_event
from db.models import Payment
from db.session import unit_of_work

log = logging.getLogger(__name__)

Outcome = Literal["credited", "already_credited", "pending", "failed", "expired", "mismatch", "unknown", "replay"]


@dataclass(frozen=True)
class FulfilResult:
    outcome: Outcome
    payment_id: uuid.UUID | None = None
    coins: int = 0
    status: str | None = None  # the payment's status afterwards


def _consistent(payment: Payment, view: gateway.CheckoutSessionView) -> bool:
    """Stripe's session must be the one we created: same user, amount and currency."""
    return (
        view.id == payment.stripe_session_id
        and view.client_reference_id == str(payment.user_id)
        and view.amount_total == payment.amount_minor
        and (view.currency or "").lower() == payment.currency.lower()
    )


def fulfil(
    session_id: str,
    *,
    user_id: uuid.UUID | None = None,
    event: EventRef | None = None,
    failure_reported: bool = False,
) -> FulfilResult:
    """Apply what Stripe says about `session_id`, once.

    user_id: set by the success redirect; the session must belong to that user (else NotFound).
    event: set by the webhook; recorded in the applying transaction, a replay returns "replay".
    failure_reported: a verified async_payment_failed event; an unpaid session then becomes "failed".
    Raises gateway.StripeUnavailable when Stripe cannot be asked (webhooks answer non-2xx and get retried).
    """
    with unit_of_work() as session:
        payment = session.scalar(select(Payment).where(Payment.stripe_session_id == session_id))
        if payment is not None and user_id is not None and payment.user_id != user_id:
            raise NotFound("payment")
        if payment is None or payment.status == "paid":
            if user_id is not None and payment is None:
                raise NotFound("payment")
            if event is not None and not events.record(session, event):
                return FulfilResult("replay")
            if payment is None:
                log_event(log, "billing.unknown_session", logging.WARNING, eventId=event.id if event else None)
                return FulfilResult("unknown")
            return FulfilResult("already_credited", payment.id, payment.coins, "paid")
        payment_id, owner, coins = payment.id, payment.user_id, payment.coins

    view = gateway.retrieve_session(session_id)

    with unit_of_work() as session:
        if event is not None and not events.record(session, event):
            return FulfilResult("replay", payment_id)
        current = session.get(Payment, payment_id)
        if current is None:  # the account was deleted meanwhile
            return FulfilResult("unknown")
        if not _consistent(current, view):
            log_event(log, "billing.session_mismatch", logging.ERROR, userId=str(owner), status=current.status)
            return FulfilResult("mismatch", payment_id, 0, current.status)
        if view.payment_status == "paid":
            return _credit(session, payment_id, owner, coins)
        if failure_reported:
            return _settle(session, payment_id, "failed")
        if view.status == "expired":
            return _settle(session, payment_id, "expired")
        return FulfilResult(_outcome_of(current.status), payment_id, 0, current.status)


def _credit(session: Session, payment_id: uuid.UUID, owner: uuid.UUID, coins: int) -> FulfilResult:
    # A failed or expired row may still turn paid: Stripe's re-fetched payment_status is the truth.
    moved = session.execute(
        text("UPDATE payments SET status = 'paid', paid_at = now() WHERE id = :id AND status <> 'paid' RETURNING id"),
        {"id": payment_id},
    ).first()
    if moved is None:
        return FulfilResult("already_credited", payment_id, coins, "paid")
    if not ledger.purchase(session, owner, payment_id, coins):
        return FulfilResult("already_credited", payment_id, coins, "paid")
    log_event(log, "billing.credited", userId=str(owner), status="paid", count=coins)
    return FulfilResult("credited", payment_id, coins, "paid")


def _settle(session: Session, payment_id: uuid.UUID, status: Literal["failed", "expired"]) -> FulfilResult:
    """pending -> failed|expired; never downgrades a paid payment."""
    row = session.execute(
        text("UPDATE payments SET status = :s WHERE id = :id AND status = 'pending' RETURNING user_id"),
        {"id": payment_id, "s": status},
    ).first()
    current = session.scalar(select(Payment.status).where(Payment.id == payment_id))
    if row is not None:
        log_event(log, "billing.payment_" + status, userId=str(row[0]), status=status)
    return FulfilResult(_outcome_of(current), payment_id, 0, current)


def _outcome_of(status: str | None) -> Outcome:
    """What a caller learns about a payment that this call did not credit."""
    if status == "paid":
        return "already_credited"
    if status == "failed":
        return "failed"
    if status == "expired":
        return "expired"
    return "pending"
