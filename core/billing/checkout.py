"""Buying coins: create a Stripe Checkout Session for a pack and record the pending payment.

The Stripe idempotency key is derived from the caller's key, so a double click or a Streamlit rerun gets
the same session back, and the payment row is inserted ON CONFLICT DO NOTHING on its UNIQUE session id.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects.postgresql import insert

from core.billing import gateway
from core.billing.packs import CoinPack, get_pack
from core.config import get_settings
from core.logging import log_event
from db.models import Payment
from db.session import unit_of_work

log = logging.getLogger(__name__)

# pages/3_Billing.py is served at /Billing (Streamlit keeps the file name's case in the URL path).
BILLING_URL_PATH = "/Billing"


@dataclass(frozen=True)
class CheckoutLink:
    session_id: str
    url: str


def checkout_params(user_id: uuid.UUID, pack: CoinPack) -> dict[str, Any]:
    """The Checkout Session request: one line item priced inline, the user and pack on the session."""
    base = get_settings().public_url.rstrip("/") + BILLING_URL_PATH
    return {
        "mode": "payment",
        "client_reference_id": str(user_id),
        "metadata": {"pack_id": pack.id, "coins": str(pack.coins), "user_id": str(user_id)},
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": pack.currency,
                    "unit_amount": pack.amount_minor,
                    "product_data": {"name": f"{pack.coins} coins — Job Assistant AI"},
                },
            }
        ],
        "success_url": base + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": base + "?checkout=cancelled",
    }


def new_checkout_key() -> str:
    """A fresh key for one Buy click; pages rotate it after a checkout link was created."""
    return uuid.uuid4().hex


def create_checkout(user_id: uuid.UUID, pack_id: str, idempotency_key: str | None = None) -> CheckoutLink:
    """Start a purchase; returns the Stripe-hosted page to send the user to. Card data never touches us."""
    if not gateway.is_configured():
        raise gateway.BillingNotConfigured()
    pack = get_pack(pack_id)
    key = f"checkout:{user_id}:{pack.id}:{idempotency_key or new_checkout_key()}"
    view = gateway.create_session(checkout_params(user_id, pack), idempotency_key=key)
    if not view.url:
        raise gateway.StripeUnavailable("checkout session without a url")
    with unit_of_work() as session:
        session.execute(
            insert(Payment)
            .values(
                id=uuid.uuid4(),
                user_id=user_id,
                stripe_session_id=view.id,
                pack_id=pack.id,
                coins=pack.coins,
                amount_minor=pack.amount_minor,
                currency=pack.currency,
                status="pending",
            )
            .on_conflict_do_nothing(index_elements=["stripe_session_id"])
        )
    log_event(log, "billing.checkout_created", userId=str(user_id), status="pending")
    return CheckoutLink(session_id=view.id, url=view.url)
