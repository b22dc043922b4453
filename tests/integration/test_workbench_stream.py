"""The page's stream reader (ui.workbench_stream.pull) against real Redis and Postgres, outside a browser."""

from __future__ import annotations

import threading
import time
import uuid

from sqlalchemy import select

from core.streams import StreamWriter
from core.workbench import services
from db.models import Job
from db.session import unit_of_work
from tests.integration.workbench_support import JD_TEXT, add_assets
from ui import workbench_stream


def _queued_service_job(user: uuid.UUID, key: str) -> uuid.UUID:
    """A workbench job no consumer runs: the test writes its stream itself."""
    service_id = services.create_service(user, idempotency_key=key, jd_text=JD_TEXT).data["service_id"]
    with unit_of_work() as session:
        job_id = session.scalar(select(Job.id).where(Job.service_id == uuid.UUID(service_id)))
    assert job_id is not None
    return job_id


def _write_later(job_id: uuid.UUID, text: str, delay_s: float) -> threading.Thread:
    def write() -> None:
        time.sleep(delay_s)
        StreamWriter(str(job_id)).delta(text)

    thread = threading.Thread(target=write)
    thread.start()
    return thread


def test_before_the_first_token_a_rerun_waits_for_it_and_after_it_does_not(fake, make_user) -> None:
    user = make_user(coins=5)
    add_assets(user)

    # The page's own run never waits: a click is not slowed by a step that has not started talking.
    silent = _queued_service_job(user, "a")
    writer = _write_later(silent, "Hello", delay_s=0.2)
    assert workbench_stream.pull(user, silent)["text"] == ""
    writer.join()

    # The fragment's rerun waits for the first token (up to FIRST_TOKEN_WAIT_MS), not a whole POLL_S more.
    job_id = _queued_service_job(user, "b")
    writer = _write_later(job_id, "Hello", delay_s=0.1)
    state = workbench_stream.pull(user, job_id, wait_for_first=True)
    writer.join()
    assert state["text"] == "Hello"

    # Text is showing: a rerun takes what is there and returns, so the fragment keeps its pace.
    writer = _write_later(job_id, " world", delay_s=0.3)
    assert workbench_stream.pull(user, job_id, wait_for_first=True)["text"] == "Hello"
    writer.join()
    assert workbench_stream.pull(user, job_id, wait_for_first=True)["text"] == "Hello world"
