"""Following a running workbench job from the page: poll its stream from the last id kept in session state.

The reader's position and the text so far live in st.session_state per job, so a rerun, switching to
another service and back, or a reload within the session resumes where it was. A fragment re-runs itself
every POLL_S seconds (until the first text arrives, each rerun waits for it: see FIRST_TOKEN_WAIT_MS); on
`done`/`error` (or when the stream has expired and the job is final) it reruns the whole page, which then
shows the stored result from Postgres.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st

from core import streams
from core.workbench import services
from ui.i18n import t

POLL_S = 0.6
# While no text has arrived, a fragment's own rerun waits this long for the first event instead of returning
# empty: the first token then shows as soon as it lands, not up to POLL_S later. Shorter than POLL_S, so the
# reruns (every POLL_S from the browser) never pile up; the page's full run never waits, so clicking around
# while steps queue is not slowed by it.
FIRST_TOKEN_WAIT_MS = 500
Renderer = Callable[[str], object]


def _state(job_id: uuid.UUID) -> dict[str, Any]:
    key = f"wb.stream.{job_id}"
    if key not in st.session_state:
        st.session_state[key] = {"last": "0-0", "text": "", "status": None, "end": None}
    state: dict[str, Any] = st.session_state[key]
    return state


def pull(user_id: uuid.UUID, job_id: uuid.UUID, *, wait_for_first: bool = False) -> dict[str, Any]:
    """Read the new events of the job's stream into its session state; returns the state.

    With `wait_for_first`, a job that has shown no text yet is waited on for up to FIRST_TOKEN_WAIT_MS.
    """
    state = _state(job_id)
    waiting = wait_for_first and not state["text"] and state["end"] is None
    events = services.job_events(user_id, job_id, state["last"], block_ms=FIRST_TOKEN_WAIT_MS if waiting else None)
    if events:
        state["last"] = events[-1].id
        state["text"] = streams.collect_text(events, state["text"])
        for event in events:
            if event.kind == "status":
                state["status"] = event.data
            elif event.kind == "reset":
                state["status"] = None
            elif event.kind in streams.TERMINAL:
                state["end"] = event.kind
    elif state["end"] is None:
        job_state, _ = services.job_state(user_id, job_id)
        if job_state not in ("queued", "running"):
            state["end"] = "expired"
    return state


def live(
    user_id: uuid.UUID, job_id: uuid.UUID, render: Renderer, progress: Callable[[str | None], str] | None = None
) -> None:
    """Show a running job's output as it streams (inside a self-refreshing fragment).

    With `progress`, the line above the text is progress(last status) instead of the job's own status.
    """

    page_run = True  # the first call below is part of the page's run; the fragment's reruns come after it

    @st.fragment(run_every=POLL_S)
    def _follow() -> None:
        nonlocal page_run
        state = pull(user_id, job_id, wait_for_first=not page_run)
        page_run = False
        if state["end"] is not None:
            st.rerun()
        if progress is not None and not state["text"]:
            st.caption(":material/progress_activity: " + progress(state["status"]))
        elif state["status"]:
            st.caption(":material/progress_activity: " + t(str(state["status"])))
        if state["text"]:
            render(state["text"])
        elif not state["status"] and progress is None:
            st.caption(":material/schedule: " + t("workbench.waiting"))

    _follow()
