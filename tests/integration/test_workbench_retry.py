"""Continuing a service whose job extraction or Match failed: the same service runs the step again, charged
again, refunded again on failure, once per idempotency key. Real Postgres, Redis and Huey consumers.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from core.billing.history import consumption
from core.errors import InvalidInput, NotFound, UserError
from core.workbench import services, views
from db.models import Job, LedgerEntry, Service
from db.session import unit_of_work
from testkit.support import assert_reconciled, balance
from testkit.workbench import JD_TEXT, add_assets, responder, schema_title, wait_step

ATTEMPTS = 4  # settings.job_max_attempts: every attempt of a step fails with these many 500s


def _failing(title: str, times: int) -> Any:
    """A 500 for the first `times` requests of one step (Match runs beside extraction: order is not fixed)."""
    left = [times]

    def fault(request: dict[str, Any]) -> str | None:
        if schema_title(request) == title and left[0] > 0:
            left[0] -= 1
            return "500"
        return None

    return fault


def _jobs(service_id: uuid.UUID, kind: str) -> list[Job]:
    with unit_of_work() as session:
        return list(
            session.scalars(select(Job).where(Job.service_id == service_id, Job.kind == kind).order_by(Job.created_at))
        )


def test_a_failed_match_runs_again_charged_and_refunded_each_time(fake, make_user, consumers) -> None:
    fake.responder = responder
    fake.fault_for = _failing("MatchReply", 2 * ATTEMPTS)  # extraction succeeds; Match fails, and its first re-run
    user = make_user(coins=10)
    add_assets(user)
    consumers.start("paid", "paid", workers=2)
    service_id = uuid.UUID(services.create_service(user, idempotency_key="svc", jd_text=JD_TEXT).data["service_id"])
    assert wait_step(service_id, "match").state == "failed"
    assert wait_step(service_id, "extract").state == "succeeded"
    assert balance(user) == 10

    # Nothing else can be re-run here: extraction succeeded; Customize is not a "retry" step.
    with pytest.raises(UserError) as refused:
        services.retry_step(user, service_id, "extract", "r-job")
    assert refused.value.key == "workbench.error.nothing_to_retry"
    with pytest.raises(InvalidInput):
        services.retry_step(user, service_id, "customize", "r-x")

    # Second run: charged again, fails again, refunded again.
    first = services.retry_step(user, service_id, "match", "r1")
    assert (first.data["queue"], first.data["price"]) == ("paid", 2)
    replay = services.retry_step(user, service_id, "match", "r1")  # a double click: same result, no new charge
    assert replay.replayed and replay.data == first.data
    failed = wait_step(service_id, "match")
    assert (str(failed.id), failed.state, failed.error_key) == (first.data["job_id"], "failed", "error.upstream")
    assert balance(user) == 10

    # Third run succeeds on the same service: the service now has its Match and the price is spent.
    third = services.retry_step(user, service_id, "match", "r2")
    match = wait_step(service_id, "match")
    assert (str(match.id), match.state) == (third.data["job_id"], "succeeded")
    view = views.get_service_view(user, service_id)
    assert view.match is not None and view.match["overall_score"] == 72
    assert view.step_state("match") == "succeeded"
    assert len(_jobs(service_id, "match")) == 3
    assert balance(user) == 8
    with pytest.raises(UserError) as done:
        services.retry_step(user, service_id, "match", "r3")
    assert done.value.key == "workbench.error.nothing_to_retry"

    rows = consumption(user)  # newest first: each charge, and each failure's refund, on this service
    assert [(r.kind, r.amount, r.step) for r in rows] == [
        ("debit", -2, "service"),
        ("refund", 2, "service"),
        ("debit", -2, "service"),
        ("refund", 2, "service"),
        ("debit", -2, "service"),
    ]
    assert {r.service_id for r in rows} == {service_id}
    with unit_of_work() as session:
        refunds = session.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user, LedgerEntry.kind == "refund"))
        assert len({r.reverses_entry_id for r in refunds}) == 2  # each debit refunded once
    assert_reconciled()


def test_a_failed_job_extraction_is_not_retried_since_match_read_the_jd_itself(fake, make_user, consumers) -> None:
    """Since issue 21 a pasted JD's Match runs beside its extraction, from the JD read by code: an extraction
    that fails costs nothing, refunds nothing (it holds no debit) and leaves nothing to re-run."""
    fake.responder = responder
    fake.fault_for = _failing("JobSummary", ATTEMPTS)
    user = make_user(coins=10)
    add_assets(user)
    consumers.start("paid", "paid", workers=2)
    service_id = uuid.UUID(services.create_service(user, idempotency_key="svc", jd_text=JD_TEXT).data["service_id"])
    assert wait_step(service_id, "extract").state == "failed"
    match = wait_step(service_id, "match")
    assert match.state == "succeeded", match.error_detail
    for step in ("extract", "match"):
        with pytest.raises(UserError) as refused:
            services.retry_step(user, service_id, step, f"r-{step}")
        assert refused.value.key == "workbench.error.nothing_to_retry"
    with unit_of_work() as session:
        service = session.get(Service, service_id)
        assert service is not None and service.title  # the JD's own reading named it
        assert session.get(Job, match.id).debit_entry_id is not None  # type: ignore[union-attr]
    assert balance(user) == 8
    assert [(r.kind, r.amount, r.step) for r in consumption(user)] == [("debit", -2, "service")]
    assert_reconciled()


def test_a_retry_with_no_coins_runs_free_and_another_users_service_is_not_found(fake, make_user, consumers) -> None:
    fake.responder = responder
    fake.fault_for = _failing("MatchReply", ATTEMPTS)
    owner, other = make_user(coins=0), make_user(coins=10)
    add_assets(owner)
    add_assets(other)
    consumers.start("free", "free", workers=1)
    service_id = uuid.UUID(services.create_service(owner, idempotency_key="svc", jd_text=JD_TEXT).data["service_id"])
    assert wait_step(service_id, "match", timeout=90).state == "failed"

    with pytest.raises(NotFound):
        services.retry_step(other, service_id, "match", "steal")
    assert balance(other) == 10

    again = services.retry_step(owner, service_id, "match", "free-1")
    assert (again.data["queue"], again.data["price"]) == ("free", 0)
    assert wait_step(service_id, "match", timeout=90).state == "succeeded"
    assert consumption(owner) == []
    assert_reconciled()
