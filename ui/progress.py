"""Progress of a new service that only moves forward, with the time since it started.

Why: the page followed one job at a time, so "Extracting the job…" (the extraction job's status) was followed
by "Waiting for a worker…" (the Match job, just queued, with no status yet): progress went backwards. Here
every signal maps to one stage of the service — queued → waiting for a model slot → extracting → matching —
and the furthest stage reached is kept in session state per service, so a later, vaguer signal never lowers it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Protocol

from ui.i18n import t

STAGES = ("queued", "slot", "extracting", "matching")
_STATUS_STAGE = {"status.reading_screenshot": 2, "status.extracting_job": 2}


def stage_of(kind: str, job_state: str | None, status: str | None) -> int:
    """The stage one signal shows: the step's kind, its job's state, and the last status its stream sent.

    A Match still in the queue is "queued": a new service queues it beside the extraction, and on a busy free
    queue it may wait there a while; once a worker has it, it is matching."""
    if kind == "match":
        return 0 if job_state == "queued" else 3
    if status in _STATUS_STAGE:
        return _STATUS_STAGE[status]
    return 1 if job_state == "running" else 0


class Store(Protocol):
    """Where the furthest stage is kept: st.session_state on a page, a dict in a test."""

    def __contains__(self, key: str, /) -> bool: ...
    def __getitem__(self, key: str, /) -> Any: ...
    def __setitem__(self, key: str, value: Any, /) -> None: ...


def advance(store: Store, service_id: uuid.UUID, stage: int) -> int:
    """The furthest stage this service has shown: `stage` if it is further, else the one kept."""
    key = f"wb.progress.{service_id}"
    best = max(int(store[key]) if key in store else 0, stage)
    store[key] = best
    return best


def line(stage: int, started: datetime, now: datetime | None = None) -> str:
    """'Matching against your resume · 14 s'."""
    elapsed = max(0, int(((now or datetime.now(UTC)) - started).total_seconds()))
    return f"{t('progress.' + STAGES[stage])} · {t('progress.elapsed', seconds=elapsed)}"
