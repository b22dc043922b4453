"""Coin widgets shared by pages (the Profile coin summary, the sidebar balance). Owned by billing (issue 9)."""

from __future__ import annotations

from ui.session import CurrentUser


def render_coin_summary(user: CurrentUser) -> None:
    """A short coin summary with a link to the Billing page, shown on Profile."""
    return None
