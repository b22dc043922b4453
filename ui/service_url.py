"""The open service lives in the URL (`?service=<id>`), so a reload, a second tab or a shared link opens it.
Session state keeps a copy for the page's own reruns; the URL wins when both exist.
"""

from __future__ import annotations

import uuid
from typing import Literal

import streamlit as st

PARAM = "service"
INVALID: Literal["invalid"] = "invalid"


def selected(state_key: str) -> uuid.UUID | Literal["invalid"] | None:
    """The service the URL (else this session) names; INVALID for an id that is not even a UUID."""
    raw = st.query_params.get(PARAM)
    if raw:
        try:
            service_id = uuid.UUID(raw)
        except ValueError:
            return INVALID
        st.session_state[state_key] = service_id
        return service_id
    kept = st.session_state.get(state_key)
    if isinstance(kept, uuid.UUID):
        st.query_params[PARAM] = str(kept)  # opened by this session (a new service): say so in the URL
        return kept
    return None


def open_service(state_key: str, service_id: uuid.UUID | None) -> None:
    """Open a service (None: the create form), in session state and in the URL."""
    st.session_state[state_key] = service_id
    if service_id is None:
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = str(service_id)
