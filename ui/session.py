"""The signed-in user for a page, and the browser cookie that keeps them signed in across reloads.

    user = require_user()      # stops the page and shows sign-in when nobody is signed in
    user.id, user.email, user.lang, user.is_admin

Why this shape: streamlit-authenticator's login widget and cookie expect every user's credentials in one dict
and put the user name in its cookie; we look credentials up per user (core.accounts) and the cookie carries
a signed `auth_sessions` id, so signing out or deleting the account revokes it server side. The cookie is
read from `st.context.cookies` (as the authenticator does) and written by the server: the page hands the
browser a one-time code (core.auth_codes) that a tiny script posts to `/auth/cookie` on the web process, whose
reply sets it HttpOnly, SameSite=Lax, Secure under https. Page scripts never see the session token.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass

import streamlit as st

from core import auth_codes
from core.accounts import oidc, sessions, tokens
from core.config import get_settings
from core.i18n import LANGS

SIGN_IN_PAGE = "pages/0_Sign_in.py"
_USER = "user"
_SID = "auth_sid"
_TOKEN = "auth_token"
_CHECKED = "auth_checked_at"
_REVALIDATE_S = 15.0  # a session revoked elsewhere (sign-out, deletion) is noticed within this delay


@dataclass(frozen=True)
class CurrentUser:
    id: uuid.UUID
    email: str
    name: str
    lang: str
    is_admin: bool


def _to_user(account: sessions.Account) -> CurrentUser:
    return CurrentUser(
        id=account.id, email=account.email, name=account.name, lang=account.lang, is_admin=account.is_admin
    )


def _remember(session_id: uuid.UUID, account: sessions.Account, token: str) -> CurrentUser:
    user = _to_user(account)
    st.session_state[_USER] = user
    st.session_state[_SID] = session_id
    st.session_state[_TOKEN] = token
    st.session_state[_CHECKED] = time.monotonic()
    st.session_state["lang"] = account.lang if account.lang in LANGS else st.session_state.get("lang", "en")
    return user


def _forget() -> None:
    for key in (_USER, _SID, _TOKEN, _CHECKED):
        st.session_state.pop(key, None)


def start_session(signed: sessions.SignedIn) -> CurrentUser:
    """Called right after a successful sign-in or sign-up: this browser is now signed in."""
    return _remember(signed.session_id, signed.account, signed.token)


def current_session_id() -> uuid.UUID | None:
    sid = st.session_state.get(_SID)
    return sid if isinstance(sid, uuid.UUID) else None


def current_user() -> CurrentUser | None:
    """The signed-in user: from this browser session, else restored from the session cookie or OIDC."""
    user = st.session_state.get(_USER)
    if isinstance(user, CurrentUser):
        if time.monotonic() - float(st.session_state.get(_CHECKED, 0.0)) < _REVALIDATE_S:
            return user
        account = sessions.resolve_session(current_session_id())
        if account is None:
            _forget()
            return None
        st.session_state[_CHECKED] = time.monotonic()
        st.session_state[_USER] = _to_user(account)
        refreshed: CurrentUser = st.session_state[_USER]
        return refreshed
    resolved = sessions.resolve_token(st.context.cookies.get(get_settings().cookie_name))
    if resolved is not None:
        sid, account = resolved
        return _remember(sid, account, make_token_for(sid))
    return _from_oidc()


def make_token_for(session_id: uuid.UUID) -> str:
    return tokens.make_token(session_id)


def oidc_configured() -> bool:
    """True when an identity provider is configured ([auth] in secrets); st.user raises otherwise."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _from_oidc() -> CurrentUser | None:
    if not oidc_configured():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        info = st.user.to_dict()
    except Exception:
        return None
    signed = oidc.link_oidc(
        bool(info.get("email_verified")),
        str(info.get("email") or ""),
        str(info.get("sub") or ""),
        name=str(info.get("name") or ""),
        lang=str(st.session_state.get("lang", "en")),
    )
    return start_session(signed)


def update_lang(lang: str) -> None:
    """Keep the cached user in step after the language was saved."""
    user = current_user()
    if user is not None:
        st.session_state[_USER] = CurrentUser(user.id, user.email, user.name, lang, user.is_admin)


def sign_out() -> None:
    """Revoke this browser's session server side, forget it here, and sign out of the identity provider."""
    sid = current_session_id()
    if sid is not None:
        sessions.sign_out(sid)
    _forget()
    if oidc_configured():
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:
            pass


def forget_deleted_account() -> None:
    """After account deletion the rows are gone already; only this browser's state remains."""
    _forget()


def sync_cookie() -> None:
    """Make the browser cookie match this session: set it after sign-in, clear it after sign-out.

    Rendered on every run until the cookie the browser sent matches, because a script emitted just before a
    page switch may never be mounted.
    """
    s = get_settings()
    sent = st.context.cookies.get(s.cookie_name)
    want = st.session_state.get(_TOKEN)
    # The hidden container is drawn on every run, empty once the cookie matches: elements after it keep their
    # place in the page, so an open expander does not collapse on the run after sign-up.
    st.html("<style>.st-key-jaa_cookie_sync { display: none; }</style>")
    slot = st.container(key="jaa_cookie_sync")
    if want == sent or (want is None and sent is None):
        return
    code = json.dumps(auth_codes.issue(str(want) if want else None))
    js = (
        "fetch('/auth/cookie', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type':"
        f" 'application/json'}}, body: JSON.stringify({{code: {code}}})}})"
    )
    # The element takes no room: its container is hidden by a style-only html call (which Streamlit sends to
    # the invisible event container); a hidden element's script still runs when it mounts.
    with slot:
        st.html(f"<script>{js};</script>", unsafe_allow_javascript=True)


def require_user() -> CurrentUser:
    user = current_user()
    if user is None:
        st.switch_page(SIGN_IN_PAGE)
        st.stop()
    assert user is not None
    return user
