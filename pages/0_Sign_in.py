"""Sign in / create an account. Our own st.form widgets over core.accounts (see ui/session.py for why
streamlit-authenticator's login widget is not used). Social sign-in appears when [auth] exists in secrets.
"""

from __future__ import annotations

import streamlit as st

from core.accounts import credentials
from core.accounts.passwords import MIN_PASSWORD_CHARS
from core.config import get_settings
from core.errors import UserError
from ui import landing
from ui.i18n import current_lang, t
from ui.session import current_user, oidc_configured, start_session

PROFILE_PAGE = "pages/1_Profile.py"
WORKBENCH_PAGE = "pages/2_Workbench.py"


def _after_sign_in() -> None:
    target = st.session_state.pop("next_page", None) or WORKBENCH_PAGE
    query = st.session_state.pop("next_query", None) or None  # what the protected page was opened with
    st.switch_page(target, query_params=query)


def _sign_in_form() -> None:
    with st.form("sign_in_form"):
        email = st.text_input(t("signin.email"), key="si_email", autocomplete="email")
        password = st.text_input(t("signin.password"), type="password", key="si_password")
        submitted = st.form_submit_button(t("signin.submit_sign_in"), type="primary", width="stretch")
    if submitted:
        try:
            start_session(credentials.sign_in(email, password, address=st.context.ip_address))
        except UserError as exc:
            st.error(t(exc.key, **exc.params))
            return
        _after_sign_in()


def _sign_up_form() -> None:
    st.caption(t("signin.signup_grant", coins=get_settings().signup_grant))
    with st.form("sign_up_form"):
        name = st.text_input(t("signin.name"), key="su_name", autocomplete="name")
        email = st.text_input(t("signin.email"), key="su_email", autocomplete="email")
        password = st.text_input(t("signin.password_new", min=MIN_PASSWORD_CHARS), type="password", key="su_pw")
        repeat = st.text_input(t("signin.password_repeat"), type="password", key="su_pw2")
        submitted = st.form_submit_button(t("signin.submit_sign_up"), type="primary", width="stretch")
    if submitted:
        if password != repeat:
            st.error(t("accounts.error.password_mismatch"))
            return
        try:
            signed = credentials.sign_up(email, password, name=name, lang=current_lang())
        except UserError as exc:
            st.error(t(exc.key, **exc.params))
            return
        start_session(signed)
        st.session_state["onboarding_coins"] = signed.balance
        st.session_state.pop("next_page", None)
        st.session_state.pop("next_query", None)
        st.switch_page(PROFILE_PAGE)


def main() -> None:
    if current_user() is not None:
        _after_sign_in()
    if st.session_state.get("next_page"):
        st.info(t("signin.need_sign_in"))
    # A way back to the landing page (the navigation is hidden for visitors): the same page Home.py registers,
    # matched by its url path.
    home = st.Page(landing.render, title=t("nav.home"), icon=":material/home:", default=True)
    st.page_link(home, label=t("signin.back_home"), icon=":material/arrow_back:")
    st.title(t("signin.title"))
    labels = {"sign_in": t("signin.tab_sign_in"), "sign_up": t("signin.tab_sign_up")}
    mode = st.session_state.pop("auth_mode", None)
    tab_in, tab_up = st.tabs(list(labels.values()), default=labels.get(mode or "sign_in"))
    with tab_in:
        _sign_in_form()
    with tab_up:
        _sign_up_form()
    if oidc_configured():
        st.caption(t("signin.or"))
        st.button(t("signin.oidc"), on_click=st.login, icon=":material/badge:", width="stretch")


main()
