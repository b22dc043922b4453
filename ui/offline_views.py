"""What the pages say about the offline engine: who wrote a result, the free quote, and the fall-back offer.

UI only: whether a step runs offline, and whether a failed step may fall back, is decided in core.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import streamlit as st

from core.errors import UserError
from core.llm.registry import OFFLINE, runs_offline
from core.workbench import fallback
from ui.i18n import t


def render_engine(engine: str | None) -> None:
    """One plain line under a result: the offline engine, or the model, wrote it."""
    if not engine:
        return
    if engine == OFFLINE:
        st.caption(":material/memory: " + t("offline.by_offline"))
    else:
        st.caption(":material/smart_toy: " + t("offline.by_model", model=engine))


def render_offline_quote(kind: str) -> bool:
    """Before confirming: say the step is free on the offline engine (True), or do nothing (False)."""
    if not runs_offline(kind):
        return False
    st.info(t("offline.quote_free"), icon=":material/memory:")
    return True


def render_fallback(user_id: uuid.UUID, service_id: uuid.UUID, step: str, form_key: Callable[[str], str]) -> None:
    """Under a step that failed for good on a provider: its offline result at no charge, one click."""
    if not fallback.offline_offer(user_id, service_id, step):
        return
    st.info(t("offline.fallback_offer"), icon=":material/memory:")
    name = f"offline.{step}.{service_id}"
    if st.button(t("offline.fallback_button"), key=f"wb.{name}", icon=":material/memory:"):
        try:
            fallback.run_offline_step(user_id, service_id, step, form_key(name))
        except UserError as exc:
            st.error(t(exc.key, **exc.params), icon=":material/error:")
        else:
            st.session_state.pop(f"wb.key.{name}", None)
            st.rerun()
