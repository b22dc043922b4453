"""Billing: coin packs, Stripe Checkout, exactly-once fulfilment (webhook and redirect), histories.

create_checkout(user_id, pack_id, key) -> CheckoutLink      pages/3_Billing.py "Buy"
fulfil(session_id, user_id=...)                            the success redirect
handle_webhook(payload, signature) -> (status, body)        asgi.py POST /stripe/webhook
"""

from __future__ import annotations

from core.billing.checkout import BILLING_URL_PATH, CheckoutLink, create_checkout, new_checkout_key
from core.billing.fulfilment import FulfilResult, fulfil
from core.billing.gateway import (
    REQUIRED_ENV,
    BillingNotConfigured,
    StripeUnavailable,
    is_configured,
    missing_config,
    webhook_url,
)
from core.billing.history import (
    CoinSummary,
    ConsumptionRow,
    PurchaseRow,
    consumption,
    count_consumption,
    count_purchases,
    purchases,
    summary,
)
from core.billing.packs import CoinPack, coin_packs, format_amount, get_pack, packs_for
from core.billing.webhook import handle_webhook

__all__ = [
    "BILLING_URL_PATH",
    "REQUIRED_ENV",
    "BillingNotConfigured",
    "CheckoutLink",
    "CoinPack",
    "CoinSummary",
    "ConsumptionRow",
    "FulfilResult",
    "PurchaseRow",
    "StripeUnavailable",
    "coin_packs",
    "consumption",
    "count_consumption",
    "count_purchases",
    "create_checkout",
    "format_amount",
    "fulfil",
    "get_pack",
    "handle_webhook",
    "is_configured",
    "missing_config",
    "new_checkout_key",
    "packs_for",
    "purchases",
    "summary",
    "webhook_url",
]
