"""Services in a chosen state for browser tests, written straight to the database (no consumer runs them), so a
test looks at one screen without waiting for the whole pipeline."""

from __future__ import annotations

import uuid

from bench.stream_probe import service_waiting_for_match
from testkit.fakes import replies

COVERAGE = {"must_have": [{"keyword": "Kafka", "status": "resume", "proof": "Built a Kafka pipeline"}]}


def service_with_tailored_resume(user_id: uuid.UUID, key: str = "tailored") -> uuid.UUID:
    """A service whose Match succeeded and whose tailored resume (version 1) is the fake's."""
    from core.workbench.editor import add_version
    from db.models import Job, MatchResult
    from db.session import unit_of_work

    service_id, match_id = service_waiting_for_match(user_id, key)
    with unit_of_work() as session:
        match = session.get(Job, match_id)
        assert match is not None
        match.state = "succeeded"
        result = {**replies.MATCH, "coverage": COVERAGE, "engine": "fake-paid"}
        session.add(MatchResult(service_id=service_id, job_id=match_id, result_json=result))
        add_version(session, service_id, replies.TAILORED_MARKDOWN, grounding={"ok": True, "flags": []}, projected=85)
    return service_id


def past_services(user_id: uuid.UUID, count: int, *, days_ago: int = 3) -> list[uuid.UUID]:
    """`count` finished services ("Initech 00 · Analyst"...), oldest first, dated `days_ago` days back."""
    from datetime import UTC, datetime, timedelta

    from db.models import Job, Service
    from db.session import unit_of_work

    base = datetime.now(UTC) - timedelta(days=days_ago)
    ids = []
    with unit_of_work() as session:
        for i in range(count):
            service = Service(
                id=uuid.uuid4(),
                user_id=user_id,
                jd_source="text",
                jd_text="Initech is hiring an analyst.",
                title=f"Initech {i:02d} · Analyst",
                created_at=base + timedelta(minutes=i),
            )
            session.add(service)
            session.flush()
            for kind in ("extract", "match"):
                session.add(Job(user_id=user_id, service_id=service.id, kind=kind, queue="paid", state="succeeded"))
            ids.append(service.id)
    return ids


def failed_service(user_id: uuid.UUID) -> uuid.UUID:
    """A service whose job could not be read (extraction failed, refunded)."""
    from db.models import Job, Service
    from db.session import unit_of_work

    with unit_of_work() as session:
        service = Service(id=uuid.uuid4(), user_id=user_id, jd_source="image", title="")
        session.add(service)
        session.flush()
        session.add(
            Job(
                user_id=user_id,
                service_id=service.id,
                kind="extract",
                queue="paid",
                state="failed",
                error_key="workbench.error.screenshot_unreadable",
            )
        )
        return service.id


def set_job_state(job_id: uuid.UUID, state: str) -> None:
    from db.models import Job
    from db.session import unit_of_work

    with unit_of_work() as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.state = state
