"""The grounding check after a reply needs the documents' evidence: it is built while the model writes (after the
first delta is handed on), not after the last token, and a failure there is left to the check itself."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from core import streams, worker
from core.workbench import jobs as workbench_jobs
from core.workbench import services
from db.models import Job
from db.session import unit_of_work
from testkit.workbench import JD_TEXT, add_assets, responder


def _match_job(user: Any) -> str:
    add_assets(user)
    created = services.create_service(user, idempotency_key="k", jd_text=JD_TEXT)
    return str(created.data["match_job_id"])


def _state(job_id: str) -> str:
    with unit_of_work() as session:
        return str(session.scalar(select(Job.state).where(Job.id == job_id)))


def test_the_evidence_is_built_while_the_reply_streams(fake, make_user, monkeypatch: pytest.MonkeyPatch) -> None:
    fake.responder = responder
    fake.token_interval = 0.01  # a reply of a few hundred pieces: seconds of streaming
    job_id = _match_job(make_user(coins=10))
    handed_on: list[str] = []  # the deltas handed to the job's stream, in order
    seen: list[tuple[int, str]] = []  # (deltas handed on, the job's state) when the evidence was asked for
    hand_on, build = streams.StreamWriter.delta, workbench_jobs.evidence_for

    def counted(self: streams.StreamWriter, text: str) -> None:
        handed_on.append(text)
        hand_on(self, text)

    def watched(*args: Any) -> Any:
        seen.append((len(handed_on), _state(job_id)))
        return build(*args)

    monkeypatch.setattr(streams.StreamWriter, "delta", counted)
    monkeypatch.setattr(workbench_jobs, "evidence_for", watched)
    run = threading.Thread(target=worker.execute, args=(job_id,))
    run.start()
    run.join(60)
    assert _state(job_id) == "succeeded"
    assert "".join(handed_on) == streams.collect_text(streams.read(job_id))  # every delta went through here
    assert len(seen) == 1  # once, not per delta
    deltas_then, state_then = seen[0]
    assert 1 <= deltas_then < len(handed_on) and state_then == "running"  # after the first words, before the last


def test_a_failure_while_the_reply_streams_is_left_to_the_check(fake, make_user, monkeypatch) -> None:
    fake.responder = responder
    job_id = _match_job(make_user(coins=10))

    def broken(*args: Any) -> Any:
        raise RuntimeError("evidence")

    monkeypatch.setattr(workbench_jobs, "evidence_for", broken)
    worker.execute(job_id)
    assert _state(job_id) == "succeeded"  # the check after the reply built the evidence itself
