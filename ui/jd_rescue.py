"""The text read from a JD screenshot, kept when the image fails: shown, editable, and
submitted as a text JD. Used for an image refused at creation (no charge was made) and for a service from an
image whose job extraction or Match failed. UI only: the create use case decides.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import streamlit as st

from core.actions import new_key
from core.errors import UserError
from core.workbench import quotes, services
from ui.i18n import t

REFUSED = "wb.image_refused"  # {"key": translation key, "text": what the OCR read} of the last refused image


def remember_refusal(key: str, read_text: str) -> None:
    st.session_state[REFUSED] = {"key": key, "text": read_text}


def render_refusal(user_id: uuid.UUID, open_service: Callable[[uuid.UUID], None]) -> None:
    """Below the create form: why the image was refused, and what it said, ready to go as text."""
    refused = st.session_state.get(REFUSED)
    if not refused:
        return
    st.error(t(refused["key"]) + " " + t("workbench.image.nothing_charged"), icon=":material/image_not_supported:")
    if refused["text"]:
        render_read_text(user_id, refused["text"], "refused", open_service)


def render_read_text(user_id: uuid.UUID, text: str, slot: str, open_service: Callable[[uuid.UUID], None]) -> None:
    """The read text in an editable box and a button that starts a service from it, as a text JD."""
    with st.form(f"wb.rescue.{slot}"):
        edited = st.text_area(t("workbench.image.read_text"), value=text, height=220, help=t("workbench.image.help"))
        quote = quotes.quote_service(user_id)
        notice = "workbench.create.free_notice" if quote.is_free else "workbench.create.paid_notice"
        st.caption(t(notice, price=quote.price, balance=quote.balance))
        if st.form_submit_button(t("workbench.image.use_text"), type="primary", icon=":material/text_snippet:"):
            key_name = f"wb.key.rescue.{slot}"
            st.session_state.setdefault(key_name, new_key())
            try:
                result = services.create_service(
                    user_id, idempotency_key=str(st.session_state[key_name]), jd_text=edited
                )
            except UserError as exc:
                st.error(t(exc.key, **exc.params), icon=":material/error:")
                return
            st.session_state.pop(key_name, None)
            st.session_state.pop(REFUSED, None)
            open_service(uuid.UUID(result.data["service_id"]))
            st.rerun()
