"""Pieces every page shares: the header (language switch, offline-engine notice) and the sidebar (who is signed in,
coins, the theme switch, sign-out). Rendered once by Home.py before the selected page runs, so pages stay small.
"""

from __future__ import annotations

import logging
import time

import streamlit as st

from core import preferences
from core.i18n import LANGS
from core.llm.registry import get_registry
from core.safe_text import safe_inline
from ui import billing_widgets, theme
from ui.i18n import current_lang, t
from ui.session import CurrentUser, sign_out, update_lang

log = logging.getLogger(__name__)


def switch_language(user: CurrentUser | None) -> None:
    """Flip zh <-> en for this browser and remember it for the signed-in user."""
    lang = "en" if current_lang() == "zh" else "zh"
    set_language(user, lang)


def set_language(user: CurrentUser | None, lang: str) -> None:
    if lang not in LANGS:
        return
    st.session_state["lang"] = lang
    if user is not None:
        preferences.set_language(user.id, lang)
        update_lang(lang)


def _uses_offline_engine() -> bool:
    try:
        return get_registry().uses_offline_engine
    except Exception:  # a broken registry file must not take every page down
        log.warning("registry.unreadable")
        return False


def render_header(user: CurrentUser | None) -> None:
    """Top of every page: a compact language switch and, with no provider key, the offline-engine notice."""
    st.button(
        t("layout.other_lang"),
        key="lang_toggle",
        help=t("layout.other_lang_help"),
        icon=":material/translate:",
        on_click=switch_language,
        args=(user,),
    )
    if _uses_offline_engine():
        st.caption(":material/memory: " + t("layout.offline_notice"))


def render_sidebar(user: CurrentUser | None) -> None:
    """Who is signed in, their coins, the Light/Dark/system switch and sign-out."""
    with st.sidebar:
        if user is not None:
            st.caption(t("layout.signed_in_as", email=safe_inline(user.email)))
            billing_widgets.render_sidebar_balance(user)  # the balance opens the Billing page
            if st.button(t("layout.sign_out"), key="sign_out", icon=":material/logout:"):
                sign_out()
                set_flash("layout.signed_out")
                st.rerun()
        theme.render_switch()


FLASH_SECONDS = 6.0


def set_flash(key: str) -> None:
    """Carry a message (an i18n key) to the next page drawn."""
    st.session_state["flash"] = key
    st.session_state.pop("flash_shown", None)


def render_flash(page: str) -> None:
    """A one-time message carried across a page switch (signed out, account deleted).

    It stays on the page it first appeared on for a few seconds, so a rerun right after (a component sending its
    value, a cookie sync) does not wipe it before it can be read; another page or a later run drops it.
    """
    slot = st.container()  # always drawn: what follows keeps its place in the page on the next run
    key = st.session_state.get("flash")
    if not key:
        return
    now = time.monotonic()
    shown = st.session_state.setdefault("flash_shown", (page, now))
    if shown[0] != page or now - shown[1] > FLASH_SECONDS:
        st.session_state.pop("flash", None)
        st.session_state.pop("flash_shown", None)
        return
    slot.success(t(str(key)))


def flash_pending() -> bool:
    """A flash set by sign-out or deletion that no page has shown yet: the visitor goes to the front door."""
    return bool(st.session_state.get("flash")) and "flash_shown" not in st.session_state
