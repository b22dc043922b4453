"""A probe job goes through a real consumer process and streams its reply."""

from __future__ import annotations

import uuid

from core import streams
from core.probe import start_probe
from db.models import Job
from db.session import unit_of_work
from testkit.support import wait_for


def test_probe_job_runs_on_a_real_consumer_and_streams(fake, make_user, consumers) -> None:
    fake.reply = "one two three four five six"
    user = make_user(coins=5)
    consumers.start("paid", "paid", workers=2)
    result = start_probe(user, "k1")
    job_id = result.data["job_id"]

    def finished() -> Job | None:
        with unit_of_work() as s:
            job = s.get(Job, uuid.UUID(job_id))
            return job if job and job.state in ("succeeded", "failed") else None

    job = wait_for(finished, 30)
    assert isinstance(job, Job)
    assert job.state == "succeeded", job.error_detail
    events = streams.read(job_id)
    assert streams.collect_text(events) == "one two three four five six"
    assert events[-1].kind == "done"
