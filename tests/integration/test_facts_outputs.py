"""Model output is checked against the document model before it is stored or charged (real consumers).

A scripted upstream returns an empty summary, or one naming an employer the PDF does not hold: every attempt
is rejected, the job fails and its coin is refunded exactly once, and the asset never holds that summary:
the document model's own view stands in, marked as such.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from core import ledger
from core.assets import service
from db.models import Asset, Job
from db.session import unit_of_work
from testkit import asset_pdfs as pdfs
from testkit.support import wait_for

INVENTED = json.dumps(
    {
        "headline": "Senior Data Engineer",
        "roles": [{"employer": "Globex Corporation", "title": "Senior Data Engineer", "achievements": []}],
        "skills": [{"name": "Python", "evidence": "Skills line"}],
    }
)
GROUNDED = json.dumps(
    {
        "headline": "Senior Data Engineer",
        "roles": [{"employer": "Acme Analytics", "title": "Senior Data Engineer", "start": "2019", "end": "2024"}],
        "skills": [{"name": "Python", "evidence": "Skills line"}, {"name": "Kafka", "evidence": "Skills line"}],
    }
)


def _settled_job(asset_id: str) -> Job:
    def done() -> Job | None:
        with unit_of_work() as s:
            job = s.scalar(select(Job).where(Job.asset_id == uuid.UUID(asset_id)))
            return job if job is not None and job.state in ("succeeded", "failed") else None

    job = wait_for(done, 90)
    assert isinstance(job, Job)
    return job


def _asset(asset_id: str) -> Asset:
    with unit_of_work() as s:
        asset = s.get(Asset, uuid.UUID(asset_id))
        assert asset is not None
        return asset


def _ledger(user: uuid.UUID) -> tuple[int, int, int]:
    with unit_of_work() as s:
        return (
            ledger.balance(s, user),
            ledger.count_entries(s, user, kinds=("debit",)),
            ledger.count_entries(s, user, kinds=("refund",)),
        )


@pytest.mark.parametrize("reply", ["{}", INVENTED], ids=["empty", "invented-employer"])
def test_a_rejected_summary_is_refunded_once_and_never_stored(fake, make_user, consumers, reply: str) -> None:
    calls: list[int] = []

    def respond(request: dict[str, Any]) -> str:
        calls.append(1)
        return reply

    fake.responder = respond
    user = make_user(coins=3)
    result = service.upload_asset(user, "resume", "resume.pdf", pdfs.text_pdf(), f"k-{uuid.uuid4().hex}")
    consumers.start("paid", "paid", workers=1)

    job = _settled_job(result.data["asset_id"])
    assert job.state == "failed" and job.error_key == "error.output_rejected"
    assert len(calls) == job.attempts >= 2  # every attempt was asked and rejected
    assert _ledger(user) == (3, 1, 1)  # debited once, refunded once: balance back to 3

    asset = _asset(result.data["asset_id"])
    assert asset.summary_source == "document"  # the document model's own view, said so on the page
    summary = service.get_summary(user, asset.id)
    assert summary is not None
    stored = json.dumps(summary.model_dump(), ensure_ascii=False)
    assert "Globex" not in stored and "Python" in stored  # the document's skills, not the model's invention
    reading = service.get_reading(user, asset.id)
    assert reading is not None and "Acme Analytics" in reading.text and "python" in reading.model.skills


def test_a_grounded_summary_is_stored_and_charged(fake, make_user, consumers) -> None:
    fake.responder = lambda request: GROUNDED
    user = make_user(coins=3)
    result = service.upload_asset(user, "resume", "resume.pdf", pdfs.text_pdf(), f"k-{uuid.uuid4().hex}")
    consumers.start("paid", "paid", workers=1)

    job = _settled_job(result.data["asset_id"])
    assert job.state == "succeeded", job.error_key
    assert _ledger(user) == (2, 1, 0)
    asset = _asset(result.data["asset_id"])
    assert (asset.status, asset.summary_source) == ("ready", "model")
    summary = service.get_summary(user, asset.id)
    assert summary is not None and summary.roles[0].employer == "Acme Analytics"
