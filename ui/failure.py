"""A failed job's message, told apart by what was charged: "refunded" only when coins were taken.

Why: a job on the free queue (balance 0, or price 0) never took coins, so "your coins were refunded" would be
false there (issue 20, finding 10). The error texts say what went wrong; this adds what happened to the coins.
"""

from __future__ import annotations

from ui.i18n import t


def failure_message(error_key: str | None, charged_price: int) -> str:
    """The error's own text followed by "refunded" (a debit existed) or "nothing was charged"."""
    outcome = t("failure.refunded", price=charged_price) if charged_price > 0 else t("failure.not_charged")
    return f"{t(error_key or 'error.internal')} {outcome}"
