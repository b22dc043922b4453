"""Account section of the Profile page (language, password, deletion). Owned by accounts."""

from __future__ import annotations

import streamlit as st

from core.accounts import deletion, passwords
from core.accounts.passwords import MIN_PASSWORD_CHARS
from core.errors import UserError
from core.i18n import LANGS
from ui.i18n import current_lang, t
from ui.layout import set_flash, set_language
from ui.session import CurrentUser, current_session_id, forget_deleted_account

_LANG_NAMES = {"en": "English", "zh": "中文"}


def render_account_section(user: CurrentUser) -> None:
    """Rendered at the bottom of the Profile page."""
    st.subheader(t("account.title"))
    _language(user)
    _password(user)
    _delete(user)


def _language(user: CurrentUser) -> None:
    lang = current_lang()
    choice = st.radio(
        t("account.language"),
        LANGS,
        index=LANGS.index(lang) if lang in LANGS else 0,
        format_func=lambda code: _LANG_NAMES.get(code, code),
        horizontal=True,
        key=f"account_lang_{lang}",
    )
    if choice != lang:
        set_language(user, choice)
        st.rerun()


def _password(user: CurrentUser) -> None:
    with (
        st.expander(t("account.password_title"), icon=":material/key:"),
        st.form("password_form", clear_on_submit=True),
    ):
        current = st.text_input(t("account.password_current"), type="password")
        new = st.text_input(t("account.password_new", min=MIN_PASSWORD_CHARS), type="password")
        repeat = st.text_input(t("account.password_repeat"), type="password")
        if st.form_submit_button(t("account.password_submit")):
            if new != repeat:
                st.error(t("accounts.error.password_mismatch"))
                return
            try:
                passwords.change_password(user.id, current, new, keep_session_id=current_session_id())
            except UserError as exc:
                st.error(t(exc.key, **exc.params))
                return
            st.success(t("account.password_changed"))


def _delete(user: CurrentUser) -> None:
    with st.expander(t("account.delete_title"), icon=":material/delete_forever:"):
        st.warning(t("account.delete_warning"))
        typed = st.text_input(t("account.delete_confirm", email=user.email), key="delete_confirm")
        matches = typed.strip().lower() == user.email
        if st.button(t("account.delete_submit"), type="primary", disabled=not matches, key="delete_account"):
            try:
                deletion.delete_account(user.id, typed)
            except UserError as exc:
                st.error(t(exc.key, **exc.params))
                return
            forget_deleted_account()
            set_flash("account.deleted")
            st.rerun()  # Home.py sends a signed-out visitor with a flash message to the landing page
