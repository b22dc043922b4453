"""A failed job's message, told apart by what was charged: "refunded" only when coins were taken.

Why: a job on the free queue (balance 0, or price 0) never took coins, so "your coins were refunded" would be
false there. The error texts say what went wrong; this adds what happened to the coins.
"""

from __future__ import annotations

from ui.i18n import t


def failure_message(error_key: str | None, charged_price: int, queue: str = "free") -> str:
    """The error's own text followed by "refunded" (a debit existed) or "nothing was charged".

    A step that costs nothing on the paid queue (a pasted JD's extraction, whose service's debit Match holds)
    is not said to have run on the free queue: that would contradict the Match's "refunded" beside it.
    """
    if charged_price > 0:
        outcome = t("failure.refunded", price=charged_price)
    else:
        outcome = t("failure.not_charged" if queue == "free" else "failure.step_not_charged")
    return f"{t(error_key or 'error.internal')} {outcome}"
