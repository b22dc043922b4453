"""Read models of the workbench: what pages show of a user's services, and their jobs' live output.

A service view holds the finished results and the latest job of every step (a re-run replaces the step's
earlier job); the list shows each service with the state of its steps. Streams are read from Redis
(core.streams) once the job is known to be the user's. Every read takes the signed-in user's id and answers
another user's service or job as NotFound.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from core import jobs, streams
from core.errors import NotFound
from core.workbench.context import latest_match, owned_service
from db.models import InterviewResult, Job, ResumeVersion, Service
from db.session import unit_of_work

FINAL_FAILURES = ("failed", "cancelled")  # a step's job in one of these states ran for the last time


@dataclass(frozen=True)
class StepView:
    job_id: uuid.UUID
    state: str
    queue: str
    price: int
    error_key: str | None
    retrieved: list[Any] | None
    created_at: datetime
    engine: str = ""  # who wrote the result: "offline" or the model's name (set once the step succeeded)

    @property
    def active(self) -> bool:
        return self.state in jobs.ACTIVE_STATES


@dataclass(frozen=True)
class ServiceListItem:
    id: uuid.UUID
    title: str
    created_at: datetime
    steps: dict[str, str]  # kind -> state of its latest job


@dataclass(frozen=True)
class ServiceView:
    id: uuid.UUID
    title: str
    created_at: datetime
    jd_source: str
    jd_text: str | None
    job: dict[str, Any] | None
    output_lang: str | None
    steps: dict[str, StepView]
    match: dict[str, Any] | None
    latest_version: int | None
    interview: dict[str, Any] | None
    running: list[uuid.UUID] = field(default_factory=list)

    def step_state(self, kind: str) -> str | None:
        step = self.steps.get(kind)
        return step.state if step else None


def latest_steps(session: Session, service_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Job]]:
    """The latest job of every step of each service: {service id: {kind: job}}."""
    if not service_ids:
        return {}
    rows = session.scalars(
        select(Job)
        .where(Job.service_id.in_(service_ids))
        .order_by(Job.service_id, Job.kind, Job.created_at.desc())
        .ext(distinct_on(Job.service_id, Job.kind))
    )
    out: dict[uuid.UUID, dict[str, Job]] = {}
    for job in rows:
        assert job.service_id is not None
        out.setdefault(job.service_id, {})[job.kind] = job
    return out


def list_services(
    user_id: uuid.UUID, limit: int | None = 50, *, offset: int = 0, search: str = ""
) -> list[ServiceListItem]:
    """The user's services, newest first, each with the state of every step it has started.

    `limit`/`offset` page through them (None: all); `search` keeps those whose title or date (YYYY-MM-DD) holds
    it, case-insensitively. Titles are encrypted at rest, so the search reads them here rather than in SQL.
    """
    needle = search.strip().casefold()
    with unit_of_work() as session:
        stmt = select(Service).where(Service.user_id == user_id).order_by(Service.created_at.desc(), Service.id.desc())
        if not needle:
            stmt = stmt.offset(offset).limit(limit)
        found = list(session.scalars(stmt))
        if needle:
            found = [s for s in found if needle in f"{s.title} {s.created_at:%Y-%m-%d}".casefold()]
            found = found[offset : None if limit is None else offset + limit]
        steps = latest_steps(session, [s.id for s in found])
        return [
            ServiceListItem(
                id=s.id,
                title=s.title,
                created_at=s.created_at,
                steps={kind: job.state for kind, job in steps.get(s.id, {}).items()},
            )
            for s in found
        ]


def get_service_view(user_id: uuid.UUID, service_id: uuid.UUID) -> ServiceView:
    """Everything the page shows for one service: finished results and the ids of running jobs."""
    with unit_of_work() as session:
        service = owned_service(session, user_id, service_id)
        latest = latest_steps(session, [service.id]).get(service.id, {})
        steps = {
            kind: StepView(
                job_id=j.id,
                state=j.state,
                queue=j.queue,
                price=j.price,
                error_key=j.error_key,
                retrieved=j.retrieved,
                created_at=j.created_at,
                engine=j.model or "",
            )
            for kind, j in latest.items()
        }
        match = latest_match(session, service.id)
        version = session.scalar(
            select(ResumeVersion.version)
            .where(ResumeVersion.service_id == service.id)
            .order_by(ResumeVersion.version.desc())
            .limit(1)
        )
        interview = session.scalar(
            select(InterviewResult)
            .where(InterviewResult.service_id == service.id)
            .order_by(InterviewResult.created_at.desc())
            .limit(1)
        )
        return ServiceView(
            id=service.id,
            title=service.title,
            created_at=service.created_at,
            jd_source=service.jd_source,
            jd_text=service.jd_text,
            job=service.job_summary_json,
            output_lang=service.output_lang,
            steps=steps,
            match=match.result_json if match else None,
            latest_version=version,
            interview=interview.result_json if interview else None,
            running=[s.job_id for s in steps.values() if s.active],
        )


def _check_job_owner(user_id: uuid.UUID, job_id: uuid.UUID) -> None:
    with unit_of_work() as session:
        owner = session.scalar(
            select(Job.user_id).where(Job.id == job_id, Job.service_id.is_not(None), Job.user_id == user_id)
        )
    if owner is None:
        raise NotFound("job")


def job_events(
    user_id: uuid.UUID, job_id: uuid.UUID, after: str = "0-0", *, block_ms: int | None = None
) -> list[streams.StreamEvent]:
    """Stream events of one of the user's workbench jobs after `after` (the last id the reader saw)."""
    _check_job_owner(user_id, job_id)
    return streams.read(str(job_id), after, block_ms=block_ms)


def job_stream_reader(user_id: uuid.UUID, job_id: uuid.UUID) -> Callable[[str, int | None], list[streams.StreamEvent]]:
    """A reader of one of the user's workbench jobs' stream, ownership checked once (the page's streaming
    loop reads every few hundred ms and must not ask Postgres each time): reader(after, block_ms) -> events."""
    _check_job_owner(user_id, job_id)

    def reader(after: str, block_ms: int | None) -> list[streams.StreamEvent]:
        return streams.read(str(job_id), after, block_ms=block_ms)

    return reader


def job_state(user_id: uuid.UUID, job_id: uuid.UUID) -> tuple[str, str | None]:
    """(state, error_key) of one of the user's jobs: the page's fallback when a stream has expired."""
    with unit_of_work() as session:
        job = session.scalar(select(Job).where(Job.id == job_id, Job.user_id == user_id))
        if job is None:
            raise NotFound("job")
        return job.state, job.error_key
