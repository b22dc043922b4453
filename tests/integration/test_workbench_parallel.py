"""Issue 21: a pasted JD's Match starts with its extraction, and "Match and tailor" runs Customize beside them.

Money stays provable: Match holds the service's debit and Customize its own from the click; extraction holds
none. A final failure refunds exactly the step that failed, once; a failed extraction refunds nothing (Match
read the JD by code and delivered). Real Postgres, Redis and consumers; only the LLM is the fake.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select

from core import ledger
from core.assets import crypto
from core.workbench import editor, quotes, services, views
from db.models import Job, LedgerEntry, Service
from db.session import unit_of_work
from testkit.latency import add_text_assets, jd_with
from testkit.workbench import responder, schema_title, wait_step


def _ledger(user: uuid.UUID) -> list[tuple[str, int, uuid.UUID | None]]:
    with unit_of_work() as session:
        rows = session.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user).order_by(LedgerEntry.id))
        return [(e.kind, e.amount, e.job_id) for e in rows if e.kind in ("debit", "refund")]


def _balance_and_reconcile(user: uuid.UUID) -> tuple[int, list[Any]]:
    with unit_of_work() as session:
        return ledger.balance(session, user), ledger.reconcile(session)


def _rejecting(title: str) -> Any:
    """The usual replies, except that the `title` step's reply never validates (every attempt fails)."""

    def reply(request: dict[str, Any]) -> str | None:
        if schema_title(request) == title:
            return json.dumps({"overall_score": 500, "must_have": 5, "markdown": ""})
        return responder(request)

    return reply


def test_match_and_tailor_queues_all_three_at_once_and_charges_each_step_once(fake, make_user, consumers) -> None:
    fake.responder = responder
    user = make_user(coins=10)
    add_text_assets(user)
    consumers.start("paid", "paid", workers=4)
    quote = quotes.quote_service(user, tailor=True)
    assert (quote.price, quote.queue) == (4, "paid")

    created = services.create_service(user, idempotency_key="mt", jd_text=jd_with(""), tailor=True)
    assert created.data["price"] == 4
    service_id = created.data["service_id"]
    with unit_of_work() as session:  # all three exist from the click: nothing waits for a handover
        kinds = session.scalars(select(Job.kind).where(Job.service_id == uuid.UUID(service_id)))
        assert sorted(kinds) == ["customize", "extract", "match"]
    match, customize, job = (wait_step(service_id, k) for k in ("match", "customize", "extract"))
    assert (match.state, customize.state, job.state) == ("succeeded",) * 3, (match.error_detail, customize.error_detail)
    titles = [schema_title(r) for r in fake.requests]
    assert titles.index("MatchReply") < titles.index("CustomizeReply")  # the user waits for Match's words first
    assert job.debit_entry_id is None and match.debit_entry_id and customize.debit_entry_id
    assert _ledger(user) == [("debit", -2, match.id), ("debit", -2, customize.id)]
    assert _balance_and_reconcile(user) == (6, [])

    view = views.get_service_view(user, uuid.UUID(service_id))
    assert view.title == "Globex · Backend Engineer"  # the model's extraction refined the stored summary
    assert view.match is not None and view.match["overall_score"] == 72
    coverage = {k["keyword"]: k["status"] for k in view.match["coverage"]["must_have"]}
    # Keywords from the JD read by code (Match did not wait for the model's list), checked against the documents.
    assert {"Python": "resume", "Apache Kafka": "detailed", "Rust": "missing"}.items() <= coverage.items()
    version = editor.get_version(user, uuid.UUID(service_id))
    assert version.markdown.startswith("# Jane Doe")
    assert version.projected_score is not None  # projected at store time from Match's score


def test_a_failed_match_refunds_its_debit_once_and_keeps_the_tailored_resume_paid(fake, make_user, consumers) -> None:
    fake.responder = _rejecting("MatchReply")
    user = make_user(coins=10)
    add_text_assets(user)
    consumers.start("paid", "paid", workers=4)
    service_id = services.create_service(user, idempotency_key="f", jd_text=jd_with(""), tailor=True).data["service_id"]
    match, customize = wait_step(service_id, "match"), wait_step(service_id, "customize")
    assert (match.state, customize.state) == ("failed", "succeeded"), customize.error_detail
    assert match.attempts >= 2
    assert _ledger(user) == [("debit", -2, match.id), ("debit", -2, customize.id), ("refund", 2, match.id)]
    assert _balance_and_reconcile(user) == (8, [])
    # Retrying Match is possible and charged again; nothing else was refunded or charged twice.
    services.retry_step(user, uuid.UUID(service_id), "match", "retry-1")
    assert wait_step(service_id, "match").state == "failed"
    debits = [r for r in _ledger(user) if r[0] == "debit"]
    refunds = [r for r in _ledger(user) if r[0] == "refund"]
    assert len(debits) == 3 and len(refunds) == 2 and len({r[2] for r in refunds}) == 2
    assert _balance_and_reconcile(user) == (8, [])


def test_a_failed_extraction_refunds_nothing_since_match_read_the_jd_by_code(fake, make_user, consumers) -> None:
    fake.responder = _rejecting("JobSummary")
    user = make_user(coins=10)
    add_text_assets(user)
    consumers.start("paid", "paid", workers=4)
    service_id = services.create_service(user, idempotency_key="e", jd_text=jd_with("")).data["service_id"]
    match, job = wait_step(service_id, "match"), wait_step(service_id, "extract")
    assert (match.state, job.state) == ("succeeded", "failed"), match.error_detail
    assert _ledger(user) == [("debit", -2, match.id)]
    assert _balance_and_reconcile(user) == (8, [])
    with unit_of_work() as session:
        service = session.get(Service, uuid.UUID(service_id))
        assert service is not None and service.job_summary_json is not None  # the JD's own reading, kept
        assert {"Python", "Apache Kafka", "Rust"} <= set(service.job_summary_json["must_have"])
        assert service.title


def test_short_of_the_sum_every_step_runs_free_and_nothing_is_charged(fake, make_user, consumers) -> None:
    fake.responder = responder
    user = make_user(coins=3)  # enough for Match alone, not for Match and tailor
    add_text_assets(user)
    consumers.start("free", "free", workers=3)
    assert quotes.quote_service(user, tailor=True).is_free
    created = services.create_service(user, idempotency_key="z", jd_text=jd_with(""), tailor=True)
    assert (created.data["queue"], created.data["price"]) == ("free", 0)
    customize = wait_step(created.data["service_id"], "customize")
    assert (customize.state, customize.queue, customize.debit_entry_id) == ("succeeded", "free", None)
    assert _ledger(user) == [] and _balance_and_reconcile(user) == (3, [])


def test_match_hands_its_jd_read_on_so_customize_and_the_extraction_do_not_read_it_again(
    fake, make_user, monkeypatch
) -> None:
    """In a burst each step may run in another consumer process; each read of the JD by code is ~4 ms of CPU.
    What Customize and the extraction work from is the read Match made, and it equals reading the JD again."""
    from core.facts import read
    from core.workbench import offline
    from core.worker import execute

    fake.responder = responder
    user = make_user(coins=10)
    add_text_assets(user)
    jd = jd_with("HANDOVER")
    created = services.create_service(user, idempotency_key="ho", jd_text=jd, tailor=True).data
    offline.jd_json.cache_clear()  # as if Match ran in another process than the steps below
    execute(created["match_job_id"])
    offline.jd_json.cache_clear()
    reads: list[str] = []
    real_read_job = read.read_job

    def counted(text: str) -> Any:
        reads.append(text)
        return real_read_job(text)

    monkeypatch.setattr(read, "read_job", counted)
    execute(created["customize_job_id"])
    execute(created["job_id"])
    steps = [wait_step(created["service_id"], kind) for kind in ("match", "customize", "extract")]
    assert [s.state for s in steps] == ["succeeded"] * 3, [s.error_detail for s in steps]
    assert reads == []  # neither read the JD: both took Match's read
    with unit_of_work() as session:
        service = session.get(Service, uuid.UUID(created["service_id"]))
        assert service is not None and service.jd_model_enc is not None
        stored = json.loads(crypto.decrypt_text(service.jd_model_enc))
    document, job = offline.jd_models(jd)  # read now, from the text
    assert stored == {"document": document.to_json(), "job": job.to_json()}
    assert reads == [jd]  # and that read was a real one
