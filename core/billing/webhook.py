"""POST /stripe/webhook: verify, record, dispatch. asgi.py calls handle_webhook(raw body, signature header).

Nothing in the body is trusted beyond "which session to look at": the signature proves Stripe sent it, and
fulfilment re-fetches the session from Stripe before crediting. Answers follow Stripe's retry contract:
2xx means "done, do not resend"; anything else is retried, so a transient failure must not be 2xx.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import stripe

from core.billing import events, gateway
from core.billing.events import EventRef
from core.billing.fulfilment import fulfil
from core.config import get_settings
from core.logging import log_event
from db.session import unit_of_work

log = logging.getLogger(__name__)

# Stripe's own default; non-zero so a captured delivery cannot be replayed days later.
TOLERANCE_S = 300
SESSION_EVENTS = frozenset(
    {
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
        "checkout.session.expired",
    }
)


MAX_BODY_BYTES = 1024 * 1024  # Stripe's events are a few KB; a 300 MB unsigned POST took uvicorn to 1.4 GB


class BodyRefused(Exception):
    """The request is refused before (or while) its body is read: (HTTP status, JSON body)."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(error)
        self.status = status
        self.body = {"error": error}


async def read_body(chunks: AsyncIterator[bytes], content_length: str | None, content_type: str | None) -> bytes:
    """The raw body, refusing anything not JSON and anything over MAX_BODY_BYTES before it is held in memory.

    Content-Length is checked before reading; the bytes are counted while streaming too, since a chunked
    request has no length and a lying one must not get further than the limit.
    """
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        raise BodyRefused(415, "unsupported_media_type")
    if content_length is not None:
        try:
            declared = int(content_length)
        except ValueError:
            raise BodyRefused(400, "bad_content_length") from None
        if declared > MAX_BODY_BYTES:
            raise BodyRefused(413, "payload_too_large")
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise BodyRefused(413, "payload_too_large")
    return bytes(body)


def _event_ref(data: Any) -> EventRef | None:
    """The event id, type and (for session events) the Checkout Session id; None when malformed."""
    if not isinstance(data, dict):
        return None
    event_id, event_type = data.get("id"), data.get("type")
    if not isinstance(event_id, str) or not event_id or not isinstance(event_type, str) or not event_type:
        return None
    if event_type not in SESSION_EVENTS:
        return EventRef(event_id, event_type, None)
    obj = (data.get("data") or {}).get("object") if isinstance(data.get("data"), dict) else None
    session_id = obj.get("id") if isinstance(obj, dict) else None
    if not isinstance(session_id, str) or not gateway.valid_session_id(session_id):
        return None
    return EventRef(event_id, event_type, session_id)


def handle_webhook(payload: bytes, signature: str) -> tuple[int, dict[str, Any]]:
    """Returns (HTTP status, JSON body)."""
    secret = get_settings().stripe_webhook_secret
    if not secret:
        return 503, {"error": "billing_not_configured"}
    try:
        event = stripe.Webhook.construct_event(payload, signature or None, secret, tolerance=TOLERANCE_S)
    except stripe.SignatureVerificationError:
        log_event(log, "billing.webhook_rejected", logging.WARNING, error="invalid signature")
        return 400, {"error": "invalid_signature"}
    except (ValueError, TypeError, AttributeError):
        log_event(log, "billing.webhook_rejected", logging.WARNING, error="malformed payload")
        return 400, {"error": "malformed_payload"}
    ref = _event_ref(event.to_dict())
    if ref is None:
        log_event(log, "billing.webhook_rejected", logging.WARNING, error="malformed event")
        return 400, {"error": "malformed_event"}

    if ref.session_id is None:
        with unit_of_work() as session:
            first = events.record(session, ref)
        return 200, {"status": "ignored" if first else "replay"}

    with unit_of_work() as session:
        if events.seen(session, ref.id):
            return 200, {"status": "replay"}
    if not get_settings().stripe_secret_key:
        return 503, {"error": "billing_not_configured"}
    try:
        result = fulfil(
            ref.session_id,
            event=ref,
            failure_reported=ref.type == "checkout.session.async_payment_failed",
        )
    except gateway.StripeUnavailable as exc:
        log_event(log, "billing.webhook_deferred", logging.WARNING, eventId=ref.id, error=str(exc))
        return 503, {"error": "stripe_unavailable"}
    log_event(log, "billing.webhook", eventId=ref.id, status=result.outcome)
    return 200, {"status": result.outcome}
