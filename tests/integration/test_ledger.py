"""The ledger's promises under concurrency, on real Postgres (issue 3)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from core import jobs, ledger
from core.errors import InvalidInput
from core.probe import start_probe
from db.models import Job, LedgerEntry, Payment
from db.session import unit_of_work
from testkit.support import balance


def test_signup_grant_is_given_once(make_user) -> None:
    user = make_user()
    with unit_of_work() as s:
        ledger.open_wallet(s, user, grant=8)  # a retried sign-up
    assert balance(user) == 8
    with unit_of_work() as s:
        grants = s.scalar(select(func.count()).where(LedgerEntry.user_id == user, LedgerEntry.kind == "grant"))
    assert grants == 1


def test_racing_debits_never_overdraw(make_user) -> None:
    """32 threads race 1,000 one-coin debits on a wallet holding 100."""
    user = make_user(coins=100)
    lowest = [100]
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            lowest[0] = min(lowest[0], balance(user))

    watcher = threading.Thread(target=watch)
    watcher.start()

    def debit(_: int) -> str:
        with unit_of_work() as s:
            return ledger.charge(s, user, 1, job_id=uuid.uuid4(), memo="race").queue

    with ThreadPoolExecutor(max_workers=32) as pool:
        queues = list(pool.map(debit, range(1000)))
    stop.set()
    watcher.join()
    assert queues.count("paid") == 100
    assert queues.count("free") == 900
    assert balance(user) == 0
    assert lowest[0] >= 0
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).where(LedgerEntry.user_id == user, LedgerEntry.kind == "debit")) == 100
        assert ledger.reconcile(s) == []


def test_one_idempotency_key_twenty_times_charges_once(make_user) -> None:
    user = make_user(coins=10)
    barrier = threading.Barrier(20)

    def submit(_: int) -> str:
        barrier.wait()
        return start_probe(user, "same-key", price=2).data["job_id"]

    with ThreadPoolExecutor(max_workers=20) as pool:
        job_ids = set(pool.map(submit, range(20)))
    assert len(job_ids) == 1
    assert balance(user) == 8
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).select_from(Job).where(Job.user_id == user)) == 1
        assert s.scalar(select(func.count()).where(LedgerEntry.user_id == user, LedgerEntry.kind == "debit")) == 1


def test_idempotency_key_is_reusable_after_it_expires(make_user) -> None:
    user = make_user(coins=10)
    first = start_probe(user, "k", price=1)
    with unit_of_work() as s:
        s.execute(text("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'"))
    second = start_probe(user, "k", price=1)
    assert first.data["job_id"] != second.data["job_id"]
    assert balance(user) == 8


def test_failure_reported_ten_times_concurrently_refunds_once(make_user) -> None:
    user = make_user(coins=5)
    job_id = uuid.UUID(start_probe(user, "k", price=3).data["job_id"])
    assert balance(user) == 2
    barrier = threading.Barrier(10)

    def report(_: int) -> bool:
        barrier.wait()
        with unit_of_work() as s:
            return jobs.fail(s, job_id, error_key="error.upstream", detail="x", from_states=("queued",)) is not None

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(report, range(10)))
    assert outcomes.count(True) == 1
    assert balance(user) == 5
    with unit_of_work() as s:
        assert s.scalar(select(func.count()).where(LedgerEntry.user_id == user, LedgerEntry.kind == "refund")) == 1
        assert ledger.reconcile(s) == []


def test_refund_called_ten_times_concurrently_credits_once(make_user) -> None:
    user = make_user(coins=5)
    with unit_of_work() as s:
        debit = ledger.charge(s, user, 2, job_id=uuid.uuid4(), memo="t").debit_entry_id
    assert debit is not None
    barrier = threading.Barrier(10)

    def refund(_: int) -> bool:
        barrier.wait()
        with unit_of_work() as s:
            return ledger.refund(s, debit)

    with ThreadPoolExecutor(max_workers=10) as pool:
        assert list(pool.map(refund, range(10))).count(True) == 1
    assert balance(user) == 5


def test_purchase_credits_once_per_payment(make_user) -> None:
    user = make_user(coins=0)
    with unit_of_work() as s:
        pay = Payment(user_id=user, stripe_session_id="cs_1", pack_id="p", coins=10, amount_minor=500, currency="cny")
        s.add(pay)
        s.flush()
        assert ledger.purchase(s, user, pay.id, 10) is True
        assert ledger.purchase(s, user, pay.id, 10) is False
    assert balance(user) == 10


def test_admin_adjust_requires_reason_and_cannot_overdraw(make_user) -> None:
    user = make_user(coins=3)
    with unit_of_work() as s, pytest.raises(InvalidInput):
        ledger.admin_adjust(s, admin_user_id=None, admin_email="a@x", target_user_id=user, amount=5, reason="  ")
    from core.errors import UserError

    with unit_of_work() as s, pytest.raises(UserError):
        ledger.admin_adjust(s, admin_user_id=None, admin_email="a@x", target_user_id=user, amount=-4, reason="fix")
    assert balance(user) == 3


def test_database_refuses_a_negative_balance_even_if_code_tried(make_user) -> None:
    from sqlalchemy.exc import IntegrityError

    user = make_user(coins=1)
    with pytest.raises(IntegrityError), unit_of_work() as s:
        s.execute(text("UPDATE wallets SET balance = -1 WHERE user_id = :u"), {"u": user})


def test_reconcile_command_detects_a_tampered_wallet(make_user, stack) -> None:
    import os
    import subprocess
    import sys

    user = make_user(coins=4)
    env = {**os.environ, **stack}
    ok = subprocess.run([sys.executable, "-m", "core.ledger", "check"], env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    with unit_of_work() as s:
        s.execute(text("UPDATE wallets SET balance = balance + 1 WHERE user_id = :u"), {"u": user})
    bad = subprocess.run([sys.executable, "-m", "core.ledger", "check"], env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "MISMATCH" in bad.stdout


def test_debits_charged_together_are_all_or_none_and_never_overdraw_in_a_race(make_user) -> None:
    """32 threads race 300 pairs (2 + 3 coins) on a wallet holding 52: ten pairs are paid whole, never a half."""
    user = make_user(coins=52)

    def pair(_: int) -> int:
        debits = [(uuid.uuid4(), 2, "service"), (uuid.uuid4(), 3, "customize")]
        with unit_of_work() as s:
            return len(ledger.charge_together(s, user, debits))

    with ThreadPoolExecutor(max_workers=32) as pool:
        charged = list(pool.map(pair, range(300)))
    assert sorted(set(charged)) == [0, 2]  # a pair is paid whole or not at all
    assert charged.count(2) == 10
    assert balance(user) == 2
    with unit_of_work() as s:
        amounts = s.scalars(
            select(LedgerEntry.amount).where(LedgerEntry.user_id == user, LedgerEntry.kind == "debit")
        ).all()
        assert sorted(amounts) == [-3] * 10 + [-2] * 10
        assert ledger.reconcile(s) == []


def test_debits_charged_together_each_get_an_entry_with_the_balance_after_it(make_user) -> None:
    user = make_user(coins=10)
    first, second = uuid.uuid4(), uuid.uuid4()
    with unit_of_work() as s:
        entries = ledger.charge_together(s, user, [(first, 2, "service"), (second, 3, "customize")])
    with unit_of_work() as s:
        rows = {
            row.job_id: row for row in s.scalars(select(LedgerEntry).where(LedgerEntry.id.in_(list(entries.values()))))
        }
        assert set(entries) == {first, second} and {entries[first], entries[second]} == {r.id for r in rows.values()}
        assert (rows[first].amount, rows[first].balance_after, rows[first].memo) == (-2, 8, "service")
        assert (rows[second].amount, rows[second].balance_after, rows[second].memo) == (-3, 5, "customize")
        assert entries[first] < entries[second]  # in the order given, as if charged one after the other
    assert balance(user) == 5
    with unit_of_work() as s:
        assert ledger.charge_together(s, user, [(uuid.uuid4(), 4, "a"), (uuid.uuid4(), 2, "b")]) == {}  # 6 > 5
    assert balance(user) == 5
    with pytest.raises(ValueError), unit_of_work() as s:
        ledger.charge_together(s, user, [(uuid.uuid4(), 0, "free step")])
