"""Coin widgets shared by pages (the Profile coin summary, the sidebar balance). Owned by billing (issue 9).

Both link to the Billing page, so the balance is always one click away from buying more or seeing where
coins went.
"""

from __future__ import annotations

import streamlit as st

from core import billing
from ui.i18n import t
from ui.session import CurrentUser

BILLING_PAGE = "pages/3_Billing.py"


def render_coin_summary(user: CurrentUser) -> None:
    """A short coin summary with a link to the Billing page, shown on Profile."""
    summary = billing.summary(user.id)
    st.metric(t("billing.balance"), summary.balance, help=t("billing.balance_help"))
    st.caption(t("billing.summary_caption", purchased=summary.purchased, spent=summary.spent))
    st.page_link(BILLING_PAGE, label=t("billing.open"), icon="🪙")


def render_sidebar_balance(user: CurrentUser) -> None:
    """The balance in the sidebar (Workbench), linking to the Billing page."""
    balance = billing.summary(user.id).balance
    st.sidebar.page_link(BILLING_PAGE, label=t("billing.sidebar_balance", balance=balance), icon="🪙")
