"""Billing: balance, coin packs, purchase and consumption history.

Stripe's success redirect lands here with ?session_id=...; the page asks core.billing.fulfil (the same
idempotent function the webhook uses) to settle it for the signed-in user, so coins appear even before
the webhook arrives, and never twice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import Any

import streamlit as st

from core import billing
from core.errors import NotFound, UserError
from ui.i18n import current_lang, t
from ui.session import CurrentUser, require_user

PAGE_SIZE = 10

user = require_user()
st.title(t("billing.title"))


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _settle_return(user: CurrentUser) -> None:
    """Show the outcome of a return from Stripe Checkout; Stripe is asked once per session id and rerun."""
    if st.query_params.get("checkout") == "cancelled":
        st.info(t("billing.return.cancelled"))
    session_id = st.query_params.get("session_id")
    if not session_id:
        return
    results: dict[str, tuple[str, int]] = st.session_state.setdefault("billing_returns", {})
    if session_id not in results:
        try:
            result = billing.fulfil(session_id, user_id=user.id)
            results[session_id] = (result.outcome, result.coins)
        except NotFound:
            results[session_id] = ("not_found", 0)
        except billing.StripeUnavailable:
            results[session_id] = ("unavailable", 0)
        except UserError as exc:
            st.error(t(exc.key, **exc.params))
            return
    outcome, coins = results[session_id]
    message = t(f"billing.return.{outcome}", coins=coins)
    if outcome in ("credited", "already_credited"):
        st.success(message)
    elif outcome in ("pending", "unavailable"):
        st.info(message)
        if st.button(t("billing.check_again"), key="billing_check_again"):
            results.pop(session_id, None)
            st.rerun()
    else:
        st.error(message)


def _render_packs(user: CurrentUser) -> None:
    st.subheader(t("billing.packs"))
    configured = billing.is_configured()
    if not configured:  # operators read README for the set-up; users only learn that buying is off
        st.info(t("billing.not_configured"), icon=":material/info:")
    packs = billing.packs_for(current_lang())
    links: dict[str, str] = st.session_state.setdefault("billing_links", {})
    for column, pack in zip(st.columns(max(1, len(packs))), packs, strict=False):
        with column, st.container(border=True):
            st.markdown(f"### {t('billing.pack_coins', coins=pack.coins)}")
            st.write(pack.amount_display)
            if not configured:
                continue
            if st.button(t("billing.buy"), key=f"billing_buy_{pack.id}", type="primary"):
                key = st.session_state.setdefault(f"billing_key_{pack.id}", billing.new_checkout_key())
                try:
                    links[pack.id] = billing.create_checkout(user.id, pack.id, key).url
                    st.session_state[f"billing_key_{pack.id}"] = billing.new_checkout_key()
                except billing.StripeUnavailable:
                    st.error(t("billing.error.stripe"))
                except UserError as exc:
                    st.error(t(exc.key, **exc.params))
            if pack.id in links:
                st.link_button(t("billing.pay_now"), links[pack.id], type="primary")
                st.caption(t("billing.pay_hint"))


def _pager(key: str, total: int) -> int:
    """Previous/next buttons; returns the offset of the current page."""
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(int(st.session_state.get(key, 0)), pages - 1)
    if pages > 1:
        left, middle, right = st.columns([1, 2, 1])
        if left.button(t("billing.prev"), key=f"{key}_prev", disabled=page == 0):
            page -= 1
        if right.button(t("billing.next"), key=f"{key}_next", disabled=page >= pages - 1):
            page += 1
        middle.caption(t("billing.page", page=page + 1, pages=pages))
    st.session_state[key] = page
    return page * PAGE_SIZE


def _paged_table(
    total: int, empty_key: str, page_key: str, fetch: Callable[..., Iterable[Any]], row: Callable[[Any], dict[str, Any]]
) -> None:
    """One page of a history as a table, with its pager; a caption when there is nothing yet.

    `fetch(limit=, offset=)` reads the page's records, `row` turns one into the table's columns.
    """
    if total == 0:
        st.caption(t(empty_key))
        return
    offset = _pager(page_key, total)
    st.dataframe([row(r) for r in fetch(limit=PAGE_SIZE, offset=offset)], hide_index=True, width="stretch")


def _purchase_row(r: Any) -> dict[str, Any]:
    return {
        t("billing.col.date"): _when(r.created_at),
        t("billing.col.pack"): t("billing.pack_coins", coins=r.coins),
        t("billing.col.price"): billing.format_amount(r.amount_minor, r.currency),
        t("billing.col.status"): t(f"billing.status.{r.status}"),
    }


def _consumption_row(r: Any) -> dict[str, Any]:
    return {
        t("billing.col.date"): _when(r.created_at),
        t("billing.col.type"): t(f"billing.kind.{r.kind}"),
        t("billing.col.coins"): f"{r.amount:+d}",
        t("billing.col.balance_after"): r.balance_after,
        t("billing.col.step"): t(f"billing.step.{r.step}") if r.step else t("billing.step.none"),
        t("billing.col.service"): (r.service_title or t("billing.service_untitled"))
        if r.service_id
        else t("billing.step.none"),
    }


def _render_purchases(user: CurrentUser) -> None:
    fetch = partial(billing.purchases, user.id)
    _paged_table(
        billing.count_purchases(user.id), "billing.empty_purchases", "billing_purchases_page", fetch, _purchase_row
    )


def _render_consumption(user: CurrentUser) -> None:
    fetch = partial(billing.consumption, user.id)
    total = billing.count_consumption(user.id)
    _paged_table(total, "billing.empty_consumption", "billing_consumption_page", fetch, _consumption_row)


_settle_return(user)
summary = billing.summary(user.id)
st.metric(t("billing.balance"), summary.balance, help=t("billing.balance_help"))
_render_packs(user)
purchases_tab, consumption_tab = st.tabs([t("billing.purchases"), t("billing.consumption")])
with purchases_tab:
    _render_purchases(user)
with consumption_tab:
    _render_consumption(user)
