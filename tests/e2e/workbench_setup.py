"""Services in a chosen state for browser tests, written straight to the database (no consumer runs them), so a
test looks at one screen without waiting for the whole pipeline."""

from __future__ import annotations

import uuid

from bench.stream_probe import service_waiting_for_match
from tests.fakes import replies

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
