"""The signed-in user for a page. Accounts (issue 8) own the real implementation; this is the contract.

    user = require_user()      # stops the page and shows sign-in when nobody is signed in
    user.id, user.email, user.lang, user.is_admin
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class CurrentUser:
    id: uuid.UUID
    email: str
    name: str
    lang: str
    is_admin: bool


def current_user() -> CurrentUser | None:
    user = st.session_state.get("user")
    return user if isinstance(user, CurrentUser) else None


def require_user() -> CurrentUser:
    user = current_user()
    if user is None:
        st.switch_page("pages/0_Sign_in.py")
        st.stop()
    assert user is not None
    return user
