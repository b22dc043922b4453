"""Leases of running jobs: one renewer thread per process keeps every job's lease while it runs (core.leases)."""

from __future__ import annotations

import threading
import time
import uuid

from sqlalchemy import select, text

from core import streams, worker
from core.probe import start_probe
from core.reaper import reap
from db.models import Job
from db.session import unit_of_work
from testkit.support import wait_for

LEASE_S = 3.0  # tests/conftest.py: JOB_LEASE_S


def _job(job_id: str) -> Job:
    with unit_of_work() as session:
        job = session.scalar(select(Job).where(Job.id == uuid.UUID(job_id)))
        assert job is not None
        return job


def _lease_threads() -> list[str]:
    return sorted(t.name for t in threading.enumerate() if t.name.startswith("lease"))


def test_jobs_longer_than_their_lease_are_renewed_by_one_thread(fake, make_user) -> None:
    """Three jobs streaming for twice the lease, in one process: the reaper, asked all along, takes none."""
    fake.token_interval = 0.06
    fake.reply = "abcdefgh" * 25  # 100 pieces: ~6 s of streaming
    user = make_user(coins=10)
    job_ids = [start_probe(user, f"k{i}", price=1, max_tokens=500).data["job_id"] for i in range(3)]
    runs = [threading.Thread(target=worker.execute, args=(job_id,)) for job_id in job_ids]
    for run in runs:
        run.start()
    wait_for(lambda: all(_job(j).state == "running" for j in job_ids), timeout=10)
    leases: dict[str, set[object]] = {j: set() for j in job_ids}
    seen_threads: set[tuple[str, ...]] = set()
    started = time.monotonic()
    while any(run.is_alive() for run in runs):
        assert reap().requeued_expired == 0
        seen_threads.add(tuple(_lease_threads()))
        for job_id in job_ids:
            job = _job(job_id)
            if job.state == "running":
                leases[job_id].add(job.lease_until)
        time.sleep(0.2)
    assert time.monotonic() - started > LEASE_S  # the jobs outlived a lease that was never renewed
    assert all(len(seen) >= 3 for seen in leases.values()), leases  # renewed every third of the lease
    assert seen_threads <= {("lease-renewer",), ()}, seen_threads
    for job_id in job_ids:
        job = _job(job_id)
        assert job.state == "succeeded" and job.attempts == 1


def test_a_job_whose_lease_another_worker_took_stops_and_stores_nothing(fake, make_user) -> None:
    """The lease token changes under a running job (the reaper gave it away): its keeper finds out at the next
    renewal and the job stops at its next delta, leaving the row and the stream to its new owner."""
    fake.token_interval = 0.06
    fake.reply = "abcdefgh" * 25
    user = make_user(coins=10)
    job_id = start_probe(user, "k", price=1, max_tokens=500).data["job_id"]
    run = threading.Thread(target=worker.execute, args=(job_id,))
    run.start()
    wait_for(lambda: _job(job_id).state == "running", timeout=10)
    other = uuid.uuid4()
    with unit_of_work() as session:
        session.execute(text("UPDATE jobs SET lease_token = :t WHERE id = :id"), {"t": other, "id": uuid.UUID(job_id)})
    run.join(30)
    assert not run.is_alive()
    streamed = streams.collect_text(streams.read(job_id))
    assert fake.reply.startswith(streamed) and len(streamed) < len(fake.reply)  # it stopped mid-reply
    job = _job(job_id)
    assert job.state == "running" and job.lease_token == other and job.finished_at is None
    assert "done" not in [event.kind for event in streams.read(job_id)]
