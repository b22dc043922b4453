"""`t(key, **params)`: the current user's language, from session state (set by the language switch)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core.i18n import DEFAULT_LANG, normalize_lang, translate


def current_lang() -> str:
    lang = st.session_state.get("lang")
    if lang is None:
        try:
            lang = normalize_lang(st.context.locale)
        except Exception:
            lang = DEFAULT_LANG
        st.session_state["lang"] = lang
    return str(lang)


def t(key: str, **params: Any) -> str:
    return translate(key, current_lang(), **params)
