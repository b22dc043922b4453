"""The only module that talks to Stripe's API: create and re-fetch Checkout Sessions.

It returns plain frozen views rather than SDK objects so the rest of billing (and mypy) never depends on
the SDK's dynamic attribute objects. settings.stripe_api_base points the SDK at another address, which is
how tests reach the loopback stand-in in testkit/fakes/stripe_api.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import stripe

from core.config import get_settings
from core.errors import AppError, UserError

# Checkout Session ids are "cs_test_..." / "cs_live_..."; anything else never reaches the SDK's URL path.
_SESSION_ID = re.compile(r"^cs_[A-Za-z0-9_]{1,250}$")
REQUIRED_ENV = ("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")


class BillingNotConfigured(UserError):
    """No Stripe keys: the product runs, but nothing can be bought (the embedded default)."""

    def __init__(self) -> None:
        super().__init__("billing.error.not_configured", env=", ".join(REQUIRED_ENV))


class StripeUnavailable(AppError):
    """Stripe's API failed or answered something unusable; the caller retries later (webhooks: non-2xx)."""


@dataclass(frozen=True)
class CheckoutSessionView:
    """The fields of a Checkout Session that billing decides on."""

    id: str
    url: str | None
    status: str | None  # open | complete | expired
    payment_status: str  # paid | unpaid | no_payment_required
    client_reference_id: str | None
    amount_total: int | None
    currency: str | None
    metadata: dict[str, str] = field(default_factory=dict)


def missing_config() -> list[str]:
    """Names of the environment variables still needed before purchases can work."""
    s = get_settings()
    values = {"STRIPE_SECRET_KEY": s.stripe_secret_key, "STRIPE_WEBHOOK_SECRET": s.stripe_webhook_secret}
    return [name for name in REQUIRED_ENV if not values[name].strip()]


def is_configured() -> bool:
    return not missing_config()


def webhook_url() -> str:
    """Where Stripe must send events (asgi.py serves the route beside the Streamlit app)."""
    return get_settings().public_url.rstrip("/") + "/stripe/webhook"


def valid_session_id(session_id: str) -> bool:
    return bool(_SESSION_ID.match(session_id or ""))


@lru_cache(maxsize=4)
def _client(api_key: str, api_base: str) -> stripe.StripeClient:
    bases: dict[str, str] = {"api": api_base} if api_base else {}
    return stripe.StripeClient(api_key, base_addresses=bases, max_network_retries=2)  # type: ignore[arg-type]


def client() -> stripe.StripeClient:
    s = get_settings()
    if not s.stripe_secret_key:
        raise BillingNotConfigured()
    return _client(s.stripe_secret_key, s.stripe_api_base.rstrip("/"))


def _view(obj: Any) -> CheckoutSessionView:
    data: dict[str, Any] = obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)
    if not isinstance(data.get("id"), str):
        raise StripeUnavailable("checkout session without an id")
    metadata = data.get("metadata") or {}
    return CheckoutSessionView(
        id=data["id"],
        url=data.get("url"),
        status=data.get("status"),
        payment_status=str(data.get("payment_status") or "unpaid"),
        client_reference_id=data.get("client_reference_id"),
        amount_total=data.get("amount_total"),
        currency=(data.get("currency") or None),
        metadata={str(k): str(v) for k, v in metadata.items()},
    )


def create_session(params: dict[str, Any], *, idempotency_key: str) -> CheckoutSessionView:
    """Create a Checkout Session; the idempotency key makes a retried click return the same session."""
    try:
        obj = client().v1.checkout.sessions.create(
            params=params,  # type: ignore[arg-type]
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as exc:
        raise StripeUnavailable(f"create checkout session failed: {type(exc).__name__}") from exc
    return _view(obj)


def retrieve_session(session_id: str) -> CheckoutSessionView:
    """Re-fetch a Checkout Session: fulfilment trusts only what Stripe says now, never a request body."""
    if not valid_session_id(session_id):
        raise StripeUnavailable("not a checkout session id")
    try:
        obj = client().v1.checkout.sessions.retrieve(session_id)
    except stripe.StripeError as exc:
        raise StripeUnavailable(f"retrieve checkout session failed: {type(exc).__name__}") from exc
    return _view(obj)
