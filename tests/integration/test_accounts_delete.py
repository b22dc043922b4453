"""Account deletion (issue 8): no row and no Redis key of the user remains; live jobs are cancelled first."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from core import dispatch, jobs, ledger
from core.accounts import credentials, deletion, sessions
from core.errors import InvalidInput
from core.redis_conn import get_redis
from core.semaphore import Semaphore
from core.streams import StreamWriter, stream_key
from db.models import Asset, Base, IdempotencyKey, Payment, Service, StripeEvent
from db.session import unit_of_work

PASSWORD = "correct horse battery"


def _populate(user_id: uuid.UUID, tag: str) -> dict[str, str]:
    """Give a user one of everything: asset, service, debited jobs (queued, running, done), payment, keys."""
    with unit_of_work() as s:
        asset = Asset(user_id=user_id, kind="resume", filename="cv.pdf", size_bytes=10, page_count=1, status="ready")
        s.add(asset)
        s.flush()
        service = Service(user_id=user_id, resume_asset_id=asset.id, jd_source="text", jd_text="a job")
        s.add(service)
        s.flush()
        queued = jobs.create_job(
            s, jobs.NewJob(user_id=user_id, kind="match", price=2, memo="t", service_id=service.id)
        )
        running = jobs.create_job(s, jobs.NewJob(user_id=user_id, kind="resume", price=1, memo="t", asset_id=asset.id))
        s.flush()
        assert jobs.claim(s, running.id) is not None
        payment = Payment(
            user_id=user_id,
            stripe_session_id=f"cs_{tag}",
            pack_id="pack10",
            coins=10,
            amount_minor=500,
            currency="cny",
            status="paid",
        )
        s.add(payment)
        s.flush()
        ledger.purchase(s, user_id, payment.id, 10)
        s.add(StripeEvent(id=f"evt_{tag}", type="checkout.session.completed", stripe_session_id=f"cs_{tag}"))
        s.add(IdempotencyKey(user_id=user_id, key=f"k-{tag}", expires_at=datetime.now(UTC) + timedelta(minutes=5)))
        ids = {"queued": str(queued.id), "running": str(running.id), "service": str(service.id)}
        ids["asset"] = str(asset.id)
    r = get_redis()
    for job_id in (ids["queued"], ids["running"]):
        StreamWriter(job_id).delta("token")
        r.set(dispatch.marker_key(job_id), "paid", ex=60)
    Semaphore("model:test", 5).try_acquire(f"{ids['running']}:abcd1234")
    return ids


def _rows_mentioning(needles: list[str]) -> list[str]:
    """Every row, in every table, whose text form contains one of the needles."""
    hits: list[str] = []
    with unit_of_work() as s:
        for table in Base.metadata.sorted_tables:
            if table.name == "knowledge_chunks":
                continue
            for (row,) in s.execute(text(f"SELECT t::text FROM {table.name} t")):
                if any(n in row for n in needles):
                    hits.append(f"{table.name}: {row[:120]}")
    return hits


def test_delete_account_removes_every_row_and_redis_key(db: None) -> None:
    gone = credentials.sign_up("gone@example.com", PASSWORD)
    kept = credentials.sign_up("kept@example.com", PASSWORD)
    gone_ids = _populate(gone.account.id, "gone")
    kept_ids = _populate(kept.account.id, "kept")
    needles = [str(gone.account.id), "gone@example.com", "cs_gone", *gone_ids.values()]
    assert _rows_mentioning(needles)  # the check below can fail: the data is there now

    with pytest.raises(InvalidInput) as err:
        deletion.delete_account(gone.account.id, "kept@example.com")
    assert err.value.key == "accounts.error.confirm_mismatch"
    assert _rows_mentioning(needles)

    deletion.delete_account(gone.account.id, " GONE@example.com ")

    assert _rows_mentioning(needles) == []
    r = get_redis()
    keys = [str(k) for k in r.scan_iter(count=1000)]
    assert [k for k in keys if any(i in k for i in (str(gone.account.id), *gone_ids.values()))] == []
    assert not any(str(m).startswith(gone_ids["running"]) for m in r.zrange("sem:model:test", 0, -1))
    assert sessions.resolve_session(gone.session_id) is None
    # The other user is untouched: rows, streams, markers and semaphore slot.
    assert sessions.resolve_session(kept.session_id) is not None
    assert r.exists(stream_key(kept_ids["queued"]), dispatch.marker_key(kept_ids["running"])) == 2
    assert any(str(m).startswith(kept_ids["running"]) for m in r.zrange("sem:model:test", 0, -1))
    with unit_of_work() as s:
        states: dict[str, str] = {str(r[0]): str(r[1]) for r in s.execute(text("SELECT id::text, state FROM jobs"))}
        assert ledger.reconcile(s) == []
    assert states == {kept_ids["queued"]: "queued", kept_ids["running"]: "running"}
