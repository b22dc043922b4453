"""Admin: find a user's wallet, read its ledger, adjust it with a reason. Only for ADMIN_EMAILS."""

import streamlit as st

from core import admin
from core.errors import UserError
from ui.i18n import t
from ui.session import require_user

user = require_user()
if not admin.is_admin(user.id):
    st.error(t("admin.not_allowed"))
    st.stop()

st.title(t("admin.title"))
email = st.text_input(t("admin.find_email"), key="admin_email")
if email:
    try:
        view = admin.find_wallet(user.id, email)
    except UserError as exc:
        st.warning(t(exc.key, **exc.params))
        st.stop()
    st.metric(t("admin.balance"), view.balance)
    st.dataframe(
        [
            {
                t("admin.col.when"): e.created_at.strftime("%Y-%m-%d %H:%M"),
                t("admin.col.kind"): t(f"ledger.kind.{e.kind}"),
                t("admin.col.amount"): e.amount,
                t("admin.col.balance_after"): e.balance_after,
            }
            for e in view.entries
        ],
        use_container_width=True,
    )
    with st.form("adjust"):
        amount = st.number_input(t("admin.amount"), step=1, value=0)
        reason = st.text_area(t("admin.reason"))
        if st.form_submit_button(t("admin.adjust")):
            try:
                new_balance = admin.adjust(user.id, view.user_id, int(amount), reason)
            except UserError as exc:
                st.error(t(exc.key, **exc.params))
            else:
                st.success(t("admin.adjusted", balance=new_balance))
    if view.audits:
        st.subheader(t("admin.audit"))
        st.dataframe(
            [
                {
                    t("admin.col.when"): a.created_at.strftime("%Y-%m-%d %H:%M"),
                    t("admin.col.admin"): a.admin_email,
                    t("admin.col.amount"): a.amount,
                    t("admin.reason"): a.reason,
                }
                for a in view.audits
            ],
            use_container_width=True,
        )
