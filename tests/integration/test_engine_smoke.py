"""A probe job goes through a real consumer process and streams its reply."""

from __future__ import annotations

import uuid

import pytest

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


def _calls(command: str) -> int:
    from core.redis_conn import get_redis

    stats = get_redis().info("commandstats").get(f"cmdstat_{command}", {})
    return int(stats.get("calls", 0)) if isinstance(stats, dict) else 0


def test_a_job_asks_redis_nothing_about_revoked_tasks(fake, make_user, consumers) -> None:
    """Huey looked up each task's revocation flag before running it (HMGET) and cleared it after (HDEL): two
    round trips a job, one on the way to its upstream request, for a feature the job table replaces."""
    from tasks.queues import paid

    fake.reply = "one two three"
    user = make_user(coins=5)
    consumers.start("paid", "paid", workers=2)
    before = (_calls("hmget"), _calls("hdel"))
    job_ids = [start_probe(user, f"k{n}").data["job_id"] for n in range(3)]

    def all_finished() -> bool:
        with unit_of_work() as s:
            jobs = [s.get(Job, uuid.UUID(j)) for j in job_ids]
            return all(job is not None and job.state in ("succeeded", "failed") for job in jobs)

    assert wait_for(all_finished, 30)
    assert all(streams.read(j)[-1].kind == "done" for j in job_ids)
    assert (_calls("hmget") - before[0], _calls("hdel") - before[1]) == (0, 0)
    with pytest.raises(NotImplementedError):
        paid.revoke_by_id(job_ids[0])
