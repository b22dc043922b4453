"""The open service lives in the URL (`?service=<id>`), so a reload, a second tab or a shared link opens it.
Session state keeps a copy for the page's own reruns; the URL wins when both exist, except over this session's own
change of a moment ago.

Why the exception: every rerun the browser asks for carries its URL as it stood then, and Streamlit resets
`st.query_params` from it, fragment reruns included. While a service runs, the page's fragments rerun every
fraction of a second, so one asked for just before the browser saw "New service" take `?service=` away brought
the old id back, and the next full run reopened the service: the click was lost (seen once in four scripted
journeys). So for `STALE_S` after this session changes the URL, a URL that still names what it replaced is taken
for such a late request and this session's choice is written again. The Back and Forward buttons' runs (Streamlit
marks them) and anything later follow the URL as before; a reload or a second tab is a new session and the URL
always wins there.
"""

from __future__ import annotations

import time
import uuid
from typing import Literal

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

PARAM = "service"
INVALID: Literal["invalid"] = "invalid"
STALE_S = 5.0  # how long after this session's change a URL naming what it replaced is taken for a late request


def _written_key(state_key: str) -> str:
    return f"{state_key}.url_written"


def selected(state_key: str) -> uuid.UUID | Literal["invalid"] | None:
    """The service the URL (else this session) names; INVALID for an id that is not even a UUID."""
    raw = st.query_params.get(PARAM)
    written = st.session_state.get(_written_key(state_key))
    if written is not None:
        value, replaced, at = written
        if raw != value and raw == replaced and time.monotonic() - at < STALE_S and not _history_navigation():
            _write(value)  # a rerun asked for before the browser saw this session's change: the change stands
            raw = value
    if raw:
        try:
            service_id = uuid.UUID(raw)
        except ValueError:
            return INVALID
        st.session_state[state_key] = service_id
        return service_id
    kept = st.session_state.get(state_key)
    if isinstance(kept, uuid.UUID):
        _write(str(kept))  # opened by this session (a new service): say so in the URL
        return kept
    return None


def _history_navigation() -> bool:
    """True for a run the Back or Forward button asked for: its URL is the user's choice, however recent ours."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.is_history_navigation)


def open_service(state_key: str, service_id: uuid.UUID | None) -> None:
    """Open a service (None: the create form), in session state and in the URL."""
    replaced = st.query_params.get(PARAM)
    value = None if service_id is None else str(service_id)
    st.session_state[state_key] = service_id
    _write(value)
    st.session_state[_written_key(state_key)] = (value, replaced, time.monotonic())


def _write(value: str | None) -> None:
    if value is None:
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = value
