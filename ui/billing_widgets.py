"""Coin widgets shared by pages (the Profile coin summary, the sidebar balance). Owned by billing.

Both link to the Billing page, so the balance is always one click away from buying more or seeing where
coins went.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from core import billing
from ui.i18n import t
from ui.session import CurrentUser

BILLING_PAGE = "pages/3_Billing.py"
_ICON = ":material/toll:"


def _billing_link(container: Any, label: str) -> None:
    """st.page_link when Home.py's navigation knows the page; a plain link when a page runs on its own
    (Streamlit's AppTest of a single page), so the widget never breaks the page that hosts it."""
    try:
        container.page_link(BILLING_PAGE, label=label, icon=_ICON)
    except StreamlitPageNotFoundError:
        container.markdown(f"[{label}]({billing.BILLING_URL_PATH})")


def render_coin_summary(user: CurrentUser) -> None:
    """A short coin summary with a link to the Billing page, shown on Profile."""
    summary = billing.summary(user.id)
    st.metric(t("billing.balance"), summary.balance, help=t("billing.balance_help"))
    st.caption(t("billing.summary_caption", purchased=summary.purchased, spent=summary.spent))
    _billing_link(st, t("billing.open"))


def render_sidebar_balance(user: CurrentUser) -> None:
    """The balance in the sidebar (Workbench), linking to the Billing page."""
    balance = billing.summary(user.id).balance
    _billing_link(st.sidebar, t("billing.sidebar_balance", balance=balance))
