"""Creating a service in one statement (core.workbench.creation): the same rows, charges and refusals as the
step-by-step writes it replaced, in two statements, safe under concurrent clicks. Real Postgres, no consumers:
every job stays queued where the test can read it."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from sqlalchemy import event, select

from core import jobs, ledger
from core.actions import Reservation
from core.probe import start_probe
from core.workbench import creation, quotes, services
from db.models import Job, LedgerEntry, Service
from db.session import get_engine, unit_of_work
from testkit.workbench import JD_TEXT, add_assets

_SAME_FOR_EVERY_NEW_JOB = (
    "user_id", "queue", "model", "state", "attempts", "max_attempts", "lease_until", "lease_token", "not_before",
    "retrieved", "error_key", "error_detail", "tokens_in", "tokens_out", "cost", "latency_ms", "ttft_ms",
    "started_at", "finished_at",
)  # fmt: skip


def _row(job: Job) -> dict[str, Any]:
    return {name: getattr(job, name) for name in _SAME_FOR_EVERY_NEW_JOB}


def test_a_created_job_row_matches_one_written_by_create_job(fake: object, make_user: Any) -> None:
    """The statement spells the jobs' column defaults out in SQL; this holds them equal to the ORM's."""
    user = make_user(coins=20)
    add_assets(user)
    created = services.create_service(user, idempotency_key="a", jd_text=JD_TEXT, tailor=True).data
    with unit_of_work() as session:
        reference = jobs.create_job(
            session, jobs.NewJob(user, "customize", 3, "customize", service_id=uuid.UUID(created["service_id"]))
        )
    with unit_of_work() as session:
        made = {job.kind: job for job in session.scalars(select(Job).where(Job.user_id == user))}
        by_create_job = session.get(Job, reference.id)
        assert by_create_job is not None
        for kind in ("match", "extract"):
            assert _row(made[kind]) == _row(by_create_job), kind
        assert made["match"].enqueued_at is not None and made["match"].params == {}
        assert made["extract"].params == {services.PARALLEL: True} and made["extract"].price == 0
        service = session.get(Service, uuid.UUID(created["service_id"]))
        assert service is not None and service.title == "" and service.jd_text == JD_TEXT.strip()
        assert service.resume_asset_id is not None and service.detailed_asset_id is not None


def test_each_priced_step_carries_its_own_debit_and_the_balance_runs_down_in_turn(fake: object, make_user: Any) -> None:
    user = make_user(coins=20)
    add_assets(user)
    created = services.create_service(user, idempotency_key="a", jd_text=JD_TEXT, tailor=True).data
    with unit_of_work() as session:
        debits = list(
            session.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user, LedgerEntry.kind == "debit"))
        )
        by_job = {str(entry.job_id): entry for entry in debits}
        made = {str(job.id): job for job in session.scalars(select(Job).where(Job.user_id == user))}
        assert set(by_job) == {created["match_job_id"], created["customize_job_id"]}
        for job_id, entry in by_job.items():
            assert made[job_id].debit_entry_id == entry.id and made[job_id].price == -entry.amount
        assert sorted(entry.balance_after for entry in debits) == [20 - created["price"], 20 - 2]
        assert made[created["job_id"]].debit_entry_id is None
        assert ledger.balance(session, user) == 20 - created["price"] and ledger.reconcile(session) == []


def test_a_click_writes_in_two_statements(fake: object, make_user: Any) -> None:
    user = make_user(coins=20)
    add_assets(user)
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.split()[0])

    event.listen(get_engine(), "before_cursor_execute", seen)
    try:
        services.create_service(user, idempotency_key="a", jd_text=JD_TEXT, tailor=True)
    finally:
        event.remove(get_engine(), "before_cursor_execute", seen)
    assert statements == ["WITH", "WITH"]


def test_concurrent_clicks_under_one_key_create_one_service_and_charge_once(fake: object, make_user: Any) -> None:
    user = make_user(coins=20)
    add_assets(user)
    results: list[dict[str, Any]] = []
    barrier = threading.Barrier(5)

    def click() -> None:
        barrier.wait()
        results.append(services.create_service(user, idempotency_key="same", jd_text=JD_TEXT, tailor=True).data)

    threads = [threading.Thread(target=click) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(results) == 5 and all(result == results[0] for result in results)
    with unit_of_work() as session:
        assert session.scalars(select(Service.id).where(Service.user_id == user)).all() == [
            uuid.UUID(results[0]["service_id"])
        ]
        assert ledger.balance(session, user) == 20 - results[0]["price"] and ledger.reconcile(session) == []


def test_a_refusal_after_the_statement_keeps_nothing(fake: object, make_user: Any) -> None:
    """The statement writes before the checks are refused; the refusal's rollback takes every write back."""
    user = make_user(coins=20)
    add_assets(user)
    service_id = uuid.uuid4()
    steps = [jobs.NewJob(user, "match", 2, "service", service_id=service_id)]
    service = creation.NewService(service_id, "text", JD_TEXT, None, "en")

    class Refused(Exception):
        pass

    def refuse(checked: creation.Checked) -> None:
        assert checked.in_flight == 0 and checked.resume_asset_id is not None
        with unit_of_work() as other:  # written, not yet committed: another transaction sees none of it
            assert other.get(Service, service.id) is None
        raise Refused

    with pytest.raises(Refused), unit_of_work() as session:
        reservation = Reservation(user, "k", jobs.lock_user(session, user))
        creation.create_service_with_jobs(session, reservation, service, steps, "paid", {}, refuse)
    with unit_of_work() as session:
        assert session.get(Service, service.id) is None and session.get(Job, steps[0].id) is None
        assert ledger.balance(session, user) == 20
        assert session.scalar(select(LedgerEntry.id).where(LedgerEntry.kind == "debit")) is None


def test_concurrent_clicks_at_the_balance_edge_pay_whole_or_run_free(fake: object, make_user: Any) -> None:
    """Coins for one "Match and tailor" and a bit, three clicks at once: one pays both steps, the others run every
    step free; never one step paid and the next free, never below zero."""
    price = quotes.service_price(tailor=True)
    user = make_user(coins=price + 1)
    add_assets(user)
    results: list[dict[str, Any]] = []
    barrier = threading.Barrier(3)

    def click(i: int) -> None:
        barrier.wait()
        results.append(services.create_service(user, idempotency_key=f"e{i}", jd_text=JD_TEXT, tailor=True).data)

    threads = [threading.Thread(target=click, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted((r["queue"], r["price"]) for r in results) == [("free", 0), ("free", 0), ("paid", price)]
    with unit_of_work() as session:
        for result in results:
            made = session.scalars(select(Job).where(Job.service_id == uuid.UUID(result["service_id"]))).all()
            assert {job.queue for job in made} == {result["queue"]}
            assert sum(job.price for job in made) == result["price"]
        assert ledger.balance(session, user) == 1 and ledger.reconcile(session) == []


def test_a_jd_copied_out_of_a_pdf_is_stored_with_its_ligatures_spelled_out(fake: object, make_user: Any) -> None:
    """Text copied out of a typeset PDF holds "ﬁ" for "fi": "Certiﬁed" and "workﬂow" were no words to the reader."""
    user = make_user(coins=20)
    add_assets(user)
    jd = JD_TEXT + "\nCertiﬁed Scrum Master preferred; workﬂow automation a plus."
    created = services.create_service(user, idempotency_key="a", jd_text=jd).data
    with unit_of_work() as session:
        service = session.get(Service, uuid.UUID(created["service_id"]))
        assert service is not None and service.jd_text is not None
        assert "Certified Scrum Master" in service.jd_text and "workflow automation" in service.jd_text


def test_a_job_started_alone_is_one_statement_with_the_same_row_and_debit_as_create_job(
    fake: object, make_user: Any
) -> None:
    """core.jobs.create_jobs_at_once (the probe's click): BEGIN, the reservation with the wallet lock, one
    statement, COMMIT; the row create_job would write, and one debit entry the job refunds by."""
    user = make_user(coins=3)
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.split()[0])

    event.listen(get_engine(), "before_cursor_execute", seen)
    try:
        paid = start_probe(user, "p", price=2).data
    finally:
        event.remove(get_engine(), "before_cursor_execute", seen)
    assert statements == ["WITH", "WITH"]
    free = start_probe(user, "f", price=2).data  # one coin left: the wallet does not hold the price
    assert start_probe(user, "p", price=2).data == paid  # the same key replays, charging nothing more
    with unit_of_work() as session:
        reference = jobs.create_job(session, jobs.NewJob(user, "probe", 1, "probe"))
    with unit_of_work() as session:
        by_create_job = session.get(Job, reference.id)
        probes = session.scalars(select(Job).where(Job.kind == "probe", Job.id != reference.id))
        made = {job.queue: job for job in probes}
        assert by_create_job is not None and set(made) == {"paid", "free"}
        assert (paid["queue"], free["queue"]) == ("paid", "free")
        for job in made.values():
            assert _row(job) | {"queue": "-"} == _row(by_create_job) | {"queue": "-"}
            assert job.params == {"prompt": "Say hello.", "max_tokens": 64, "structured": False}
        debit = session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "debit", LedgerEntry.user_id == user))
        entries = {entry.job_id: entry for entry in debit}
        assert made["paid"].price == 2 and entries[made["paid"].id].id == made["paid"].debit_entry_id
        assert made["free"].price == 0 and made["free"].debit_entry_id is None
        assert set(entries) == {made["paid"].id, reference.id}
        assert ledger.balance(session, user) == 0 and ledger.reconcile(session) == []
