"""Following a running workbench job on the page: `st.write_stream` over a generator that reads the job's Redis
stream from the last id kept in session state, inside a fragment.

Why this shape: the page used to poll every 0.6 s and redraw, so text arrived in jumps. Here a fragment's own
reruns hold an XREAD BLOCK open and hand each delta to `st.write_stream` the moment Redis has it; structured
parts (score, breakdown, keyword coverage) are drawn above the text as soon as they are known. The reader's
position, the text and the parts live in st.session_state per job, so a rerun, a reload within the session or
coming back to the service resumes where it was.

The page's own full run never blocks on the stream: it draws what is known and returns, and the fragment's
timer starts the streaming loop. Other fragments' reruns (the editor's preview) wait in a queue behind a running
fragment, so the loop hands the script thread back as soon as one waits (or after SLICE_S); the next rerun resumes
from the last id. Reading session state is a Streamlit yield point, so a click anywhere stops the loop
within BLOCK_MS. On `done`/`error` (or an expired stream of a final job) the whole page reruns and shows the
stored result.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState, get_script_run_ctx

from core import streams
from core.workbench import views
from ui.i18n import t
from ui.workbench_views import StreamView

POLL_S = 0.25  # the fragment's timer: how soon after the page's run the streaming loop starts
SLICE_S = 30.0  # one streaming loop at most (a safety cap: the loop yields at once to another fragment's rerun)
BLOCK_MS = 150  # one XREAD BLOCK: also the longest a click waits for the loop to notice it
STATE_CHECK_S = 1.0  # while the stream is silent, how often Postgres is asked whether the job ended without it
Progress = Callable[[str | None], str]


def _state(job_id: uuid.UUID) -> dict[str, Any]:
    key = f"wb.stream.{job_id}"
    if key not in st.session_state:
        st.session_state[key] = {"last": "0-0", "text": "", "parts": {}, "status": None, "end": None}
    state: dict[str, Any] = st.session_state[key]
    return state


def fold(state: dict[str, Any], events: list[streams.StreamEvent]) -> None:
    """Apply new events to a job's reader state (position, text, parts, status, end)."""
    if not events:
        return
    state["last"] = events[-1].id
    state["text"] = streams.collect_text(events, state["text"])
    for event in events:
        if event.kind == "status":
            state["status"] = event.data
        elif event.kind == "reset":
            state["status"] = None
            state["parts"] = {}
        elif event.kind == "part":
            name, _, value = event.data.partition("\n")
            try:
                state["parts"] = {**state["parts"], name: json.loads(value)}
            except ValueError:
                continue
        elif event.kind in streams.TERMINAL:
            state["end"] = event.kind


def _others_waiting() -> bool:
    """Whether another fragment (the editor's preview, another step's stream) waits behind this loop.

    Streamlit runs one fragment at a time. Reruns requested while one runs are queued, and the queue is run as
    one pass over its fragments in order; offering no public way to ask, this reads the runner's pending request
    and the pass in progress. Another fragment is waiting if it is queued for the next pass, or comes after this
    one in the pass now running (two streams on a page: the first must not hold the second for a whole slice).
    Without those attributes (another Streamlit version) it answers True, and the loop hands the thread back
    after every read, as a plain poll would.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    requests = getattr(ctx, "script_requests", None)
    pending = getattr(getattr(requests, "_rerun_data", None), "fragment_id_queue", None)
    current = getattr(ThreadState.get(), "fragment_id", None)
    if ctx is None or requests is None or pending is None or current is None:
        return True
    this_pass = ctx.fragment_ids_this_run or []
    if current in this_pass and this_pass[this_pass.index(current) + 1 :]:
        return True
    queued = getattr(getattr(requests, "_state", None), "name", "") == "RERUN"
    return queued and any(f != current for f in pending)


def _ended_without_stream(user_id: uuid.UUID, job_id: uuid.UUID, state: dict[str, Any]) -> None:
    if state["end"] is None and views.job_state(user_id, job_id)[0] not in ("queued", "running"):
        state["end"] = "expired"


def _head(state: dict[str, Any], view: StreamView, progress: Progress | None, quiet: bool = False) -> None:
    """The progress line while the model has written nothing yet (none when `quiet`), then the structured parts.

    Parts computed by code (Match's keyword coverage) come before the model's first words; the line stays above
    them until those words come, so the page never sits still with no sign that the model is still at work."""
    if not state["text"] and not quiet:
        if progress is not None:
            st.caption(":material/progress_activity: " + progress(state["status"]))
        elif state["status"]:
            st.caption(":material/progress_activity: " + t(str(state["status"])))
        elif not state["parts"]:
            st.caption(":material/schedule: " + t("workbench.waiting"))
    if state["text"] or state["parts"]:
        view.head(view.data(state["text"]), state["parts"])


def head_key(state: dict[str, Any], head_grows: bool, second: int) -> tuple[object, ...]:
    """What the head shows, to redraw it only when that changes: the status, the parts, whether any text came (the
    "Waiting for a worker…" line gives way to it, though an offline reply's whole text comes within the second of
    the first draw), the text's length where the head grows with it, and the second (the progress line's clock)."""
    text = state["text"]
    return (state["status"], len(text) if head_grows else bool(text), str(state["parts"]), second)


class _Run:
    """One run of the fragment: the head placeholder and what write_stream has shown of the prose."""

    def __init__(self, view: StreamView, progress: Progress | None, quiet: bool = False) -> None:
        self.view = view
        self.progress = progress
        self.quiet = quiet
        self.head = st.empty()
        self.head_key: object = None
        self.shown = ""
        self.restart = False

    def draw_head(self, state: dict[str, Any], *, force: bool = False) -> None:
        key = head_key(state, self.view.head_grows, int(time.monotonic()))
        if force or key != self.head_key:
            self.head_key = key
            with self.head.container():
                _head(state, self.view, self.progress, self.quiet)

    def prose_delta(self, state: dict[str, Any]) -> str:
        """The new prose since the last chunk ('' if none); flags a restart if the prose no longer extends it."""
        prose = self.view.prose(self.view.growing(state["text"]))
        if prose.startswith(self.shown):
            delta, self.shown = prose[len(self.shown) :], prose
            return delta
        self.restart = True  # a reset, or a field that rewrote its start: draw the prose again from scratch
        return ""


def _chunks(
    run: _Run,
    reader: Callable[[str, int | None], list[streams.StreamEvent]],
    state_key: uuid.UUID,
    user_id: uuid.UUID,
    *,
    block: bool,
) -> Iterator[str]:
    """What st.write_stream writes: the prose known so far, then each new piece as Redis delivers it."""
    state = _state(state_key)
    run.draw_head(state, force=True)
    first = run.prose_delta(state)
    if first:
        yield first
    if not block:
        return
    deadline = time.monotonic() + SLICE_S
    while state["end"] is None and not run.restart and time.monotonic() < deadline:
        waiting = _others_waiting()  # then one read without waiting, and the thread is handed back
        events = reader(state["last"], None if waiting else BLOCK_MS)
        state = _state(state_key)  # a yield point: a click elsewhere stops this loop here
        if events:
            fold(state, events)
        elif time.monotonic() - state.get("checked", 0.0) >= STATE_CHECK_S:
            state["checked"] = time.monotonic()  # kept across passes: a short pass still asks, once a second
            _ended_without_stream(user_id, state_key, state)
        run.draw_head(state)
        delta = run.prose_delta(state)
        if delta:
            yield delta
        if waiting:
            break


def live(
    user_id: uuid.UUID, job_id: uuid.UUID, view: StreamView, progress: Progress | None = None, *, quiet: bool = False
) -> None:
    """Show a running job's output as it streams, in a fragment; the page reruns when the job ends.

    With `progress`, the line shown before any output is progress(last status) instead of the job's own status;
    `quiet` shows no line at all (another step's line speaks for the service), only the job's end reruns the page.
    """
    reader = views.job_stream_reader(user_id, job_id)
    page_run = True  # the first call below is part of the page's run; the fragment's own reruns come after it

    @st.fragment(run_every=POLL_S)
    def _follow() -> None:
        nonlocal page_run
        block, page_run = not page_run, False
        state = _state(job_id)
        if not block:  # the page's run: catch up without waiting, so the rest of the page renders at once
            fold(state, reader(state["last"], None))
        run = _Run(view, progress, quiet)
        body = st.empty()
        while True:
            with body.container():
                st.write_stream(_chunks(run, reader, job_id, user_id, block=block))
            if not run.restart:
                break
            run.restart, run.shown = False, ""
            body.empty()
        state = _state(job_id)
        if state["end"] is not None and state.get("reran") != state["last"]:
            state["reran"] = state["last"]  # once per end event: a job still marked active must not loop the page
            st.rerun()

    _follow()
