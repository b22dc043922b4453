"""The Light / Dark / "follow the system" switch (FR-6.5), remembered per user (core.preferences) and in the
browser for visitors who have not signed in.

Why this shape: Streamlit (1.67) has no API to set the theme from the script. Its frontend reads the viewer's
choice once, at load, from localStorage key `stActiveTheme-<pathname>-v2` ("Light", "Dark" or "System"; the
same value its own Settings → Theme menu writes, which `toolbarMode = "minimal"` hides). So the switch writes
that key for every page of the app, plus a `jaa_theme` cookie the server reads on the next run, and reloads
the page once when a key changed. The script is idempotent: with every key already right it does nothing,
so a reload never loops. Widgets that draw their own colours (the Markdown editor) follow
`st.context.theme.type`, which the frontend reports after the reload.
"""

from __future__ import annotations

import json
import uuid

import streamlit as st

from core import preferences
from ui.i18n import t

THEMES = ("system", "light", "dark")
COOKIE = "jaa_theme"
_STATE = "theme"
_FRONTEND = {"system": "System", "light": "Light", "dark": "Dark"}
_COOKIE_DAYS = 365


def _signed_in_id() -> uuid.UUID | None:
    user = st.session_state.get("user")
    user_id = getattr(user, "id", None)
    return user_id if isinstance(user_id, uuid.UUID) else None


def chosen() -> str:
    """The viewer's choice: this session's, else the signed-in user's (any device), else this browser's
    cookie, else follow the system."""
    value = st.session_state.get(_STATE)
    if value not in THEMES:
        user_id = _signed_in_id()
        value = preferences.get_theme(user_id) if user_id is not None else None
        if value not in THEMES:
            value = st.context.cookies.get(COOKIE)
        value = value if value in THEMES else "system"
        st.session_state[_STATE] = value
    return str(value)


def is_dark() -> bool:
    """True when the page is drawn dark now (a fixed choice, or the system's when following it)."""
    choice = chosen()
    if choice != "system":
        return choice == "dark"
    return st.context.theme.type == "dark"


def editor_theme() -> str:
    """The streamlit-ace theme that matches the page."""
    return "tomorrow_night" if is_dark() else "chrome"


def script(choice: str, url_paths: list[str], current_path: str) -> str:
    """The browser side: cookie plus Streamlit's own theme key for every page, reloading once if one changed.

    `current_path` is the url path of the page being shown ("" for the home page); the app's base path is
    whatever precedes it in location.pathname, so a deployment under a prefix works too.
    """
    value = json.dumps(json.dumps(_FRONTEND[choice]))
    paths = json.dumps(sorted({p.strip("/") for p in url_paths} | {""}))
    current = json.dumps(current_path.strip("/"))
    max_age = _COOKIE_DAYS * 86400
    return (
        "(() => {"
        f"const want = {value}, paths = {paths}, current = {current};"
        "let here = window.location.pathname.replace(/\\/+$/, '');"
        "if (current && here.endsWith('/' + current)) here = here.slice(0, -current.length - 1);"
        "const base = here;"
        f"document.cookie = '{COOKIE}={choice}; path=/; max-age={max_age}; SameSite=Lax';"
        "let changed = false;"
        "for (const p of paths) {"
        "  for (const path of p ? [base + '/' + p] : [base || '/', base + '/']) {"
        "    const key = 'stActiveTheme-' + path + '-v2';"
        "    const have = window.localStorage.getItem(key);"
        # Nothing stored means Streamlit follows the system: a new visitor is not reloaded for that.
        "    if (have !== want && !(have === null && want === '\"System\"')) {"
        "      window.localStorage.setItem(key, want); changed = true;"
        "    }"
        "  }"
        "}"
        "if (changed) window.location.reload();"
        "})();"
    )


def apply(url_paths: list[str], current_path: str) -> None:
    """Make the browser match the choice (a no-op in the browser once it does); rendered on every page."""
    choice = chosen()
    st.html("<style>.st-key-jaa_theme_sync { display: none; }</style>")
    with st.container(key="jaa_theme_sync"):
        st.html(f"<script>{script(choice, url_paths, current_path)}</script>", unsafe_allow_javascript=True)


def render_switch() -> None:
    """The three-way switch (in the sidebar); a change takes effect on the reload the script triggers."""
    current = chosen()
    picked = st.segmented_control(
        t("theme.label"),
        THEMES,
        default=current,
        format_func=lambda name: t("theme." + name),
        key=f"theme_switch_{current}",
        width="stretch",
    )
    if picked in THEMES and picked != current:
        st.session_state[_STATE] = picked
        user_id = _signed_in_id()
        if user_id is not None:
            preferences.set_theme(user_id, str(picked))  # remembered for the user, on every device
        st.rerun()
