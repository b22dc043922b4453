"""The landing page for visitors at `/`: what the product does, for whom, what it costs, the privacy promise,
and a call to start free. A signed-in visitor goes straight to the Workbench.
"""

from __future__ import annotations

import streamlit as st

from core.config import get_settings
from ui.i18n import t
from ui.session import SIGN_IN_PAGE, current_user

WORKBENCH_PAGE = "pages/2_Workbench.py"


def _start(mode: str) -> None:
    st.session_state["auth_mode"] = mode
    st.switch_page(SIGN_IN_PAGE)


def _cta(suffix: str) -> None:
    coins = get_settings().signup_grant
    if st.button(t("landing.cta", coins=coins), type="primary", key=f"cta_up_{suffix}", icon=":material/rocket:"):
        _start("sign_up")
    if st.button(t("landing.sign_in"), key=f"cta_in_{suffix}"):
        _start("sign_in")


def render() -> None:
    if current_user() is not None:
        st.switch_page(WORKBENCH_PAGE)
    s = get_settings()
    st.title(t("landing.hero_title"))
    st.markdown(t("landing.hero_sub"))
    _cta("top")

    st.header(t("landing.steps_title"))
    for col, step in zip(st.columns(3), ("step1", "step2", "step3"), strict=True):
        with col, st.container(border=True):
            st.subheader(t(f"landing.{step}_title"))
            st.markdown(t(f"landing.{step}_body"))

    st.header(t("landing.who_title"))
    st.markdown(f"- {t('landing.who_grad')}\n- {t('landing.who_senior')}")

    st.header(t("landing.price_title"))
    st.markdown(t("landing.price_intro"))
    lines = [
        t("landing.price_match", coins=s.price_service),
        t("landing.price_customize", coins=s.price_customize),
        t("landing.price_interview", coins=s.price_interview),
        t("landing.price_resume", coins=s.price_resume),
    ]
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.caption(t("landing.price_free"))

    st.header(t("landing.privacy_title"))
    privacy = ("landing.privacy_encrypted", "landing.privacy_logs", "landing.privacy_delete")
    st.markdown("\n".join(f"- :material/lock: {t(k)}" for k in privacy))

    with st.container(border=True):
        st.subheader(t("landing.cta_bottom_title"))
        st.markdown(t("landing.cta_bottom_body", coins=s.signup_grant))
        _cta("bottom")
