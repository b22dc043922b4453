"""The job engine's guarantees with real Redis, Postgres and huey_consumer processes (issue 4)."""

from __future__ import annotations

import itertools
import signal
import threading
import time
import uuid

from sqlalchemy import func, select

from core import ledger, streams
from core.probe import start_probe
from core.reaper import reap
from core.semaphore import Semaphore
from db.models import Job, LedgerEntry
from db.session import unit_of_work
from testkit.support import wait_for


def _jobs(user: uuid.UUID) -> list[Job]:
    with unit_of_work() as s:
        return list(s.scalars(select(Job).where(Job.user_id == user)))


def _all_final(user: uuid.UUID, count: int) -> bool:
    jobs = _jobs(user)
    return len(jobs) == count and all(j.state in ("succeeded", "failed") for j in jobs)


def _entries(user: uuid.UUID, kind: str) -> int:
    with unit_of_work() as s:
        return int(s.scalar(select(func.count()).where(LedgerEntry.user_id == user, LedgerEntry.kind == kind)) or 0)


def _assert_money_consistent(user: uuid.UUID) -> None:
    """Every failed charged job refunded exactly once, no succeeded job refunded, ledger reconciles."""
    with unit_of_work() as s:
        for job in s.scalars(select(Job).where(Job.user_id == user)):
            if job.debit_entry_id is None:
                continue
            refunds = s.scalar(select(func.count()).where(LedgerEntry.reverses_entry_id == job.debit_entry_id))
            assert refunds == (1 if job.state == "failed" else 0), (job.state, refunds)
        assert ledger.reconcile(s) == []


def test_cap_of_five_holds_across_two_consumers(fake, make_user, consumers) -> None:
    """200 jobs, a model capped at 5, two consumer processes of 8 workers: never more than 5 in flight."""
    fake.first_token_delay = 0.3  # a realistic upstream wait keeps the run bound by the cap, not by CPU
    fake.token_interval = 0.01
    fake.reply = "x" * 40
    user = make_user(coins=0)  # free queue routes to the same fake; use paid coins for the paid model
    with unit_of_work() as s:
        ledger.admin_adjust(s, admin_user_id=None, admin_email="t@x", target_user_id=user, amount=200, reason="t")
    consumers.start("paid-a", "paid", workers=8)
    consumers.start("paid-b", "paid", workers=8)
    for i in range(200):
        start_probe(user, f"k{i}", price=1)
    wait_for(lambda: _all_final(user, 200), timeout=240, interval=0.5)
    assert all(j.state == "succeeded" for j in _jobs(user))
    assert fake.peak["fake-paid"] == 5
    # "sees 5 for most of the run": time-weighted share of the busy period spent at the cap
    samples = [(t, n) for t, model, n in fake.samples if model == "fake-paid"]
    at_cap = busy = 0.0
    for (t0, n0), (t1, _n1) in itertools.pairwise(samples):
        if n0 > 0:
            busy += t1 - t0
            if n0 == 5:
                at_cap += t1 - t0
    assert at_cap / busy > 0.5, at_cap / busy
    _assert_money_consistent(user)


def _one_probe_against(fake, make_user, consumers, script: list[str], timeout: float) -> tuple[uuid.UUID, str, Job]:
    """A user with 3 coins starts one 2-coin probe while the upstream plays `script`; wait until it is final."""
    fake.script.extend(script)
    user = make_user(coins=3)
    consumers.start("paid", "paid", workers=2)
    job_id = start_probe(user, "k", price=2).data["job_id"]
    wait_for(lambda: _all_final(user, 1), timeout=timeout)
    return user, job_id, _jobs(user)[0]


def test_transient_429_then_success_charges_once(fake, make_user, consumers) -> None:
    user, job_id, job = _one_probe_against(fake, make_user, consumers, ["429"], timeout=30)
    assert job.state == "succeeded" and job.attempts == 2
    assert _entries(user, "debit") == 1 and _entries(user, "refund") == 0
    events = streams.read(job_id)
    assert [e.kind for e in events if e.kind in ("status", "reset", "done")] == ["status", "reset", "done"]
    assert streams.collect_text(events) == fake.reply


def test_always_500_fails_after_retry_limit_and_refunds_once(fake, make_user, consumers) -> None:
    user, job_id, job = _one_probe_against(fake, make_user, consumers, ["500"] * 10, timeout=60)
    assert job.state == "failed" and job.attempts == 4 and job.error_key == "error.upstream"
    assert _entries(user, "refund") == 1
    with unit_of_work() as s:
        assert ledger.balance(s, user) == 3
    assert streams.read(job_id)[-1].kind == "error"
    _assert_money_consistent(user)


def test_rejected_request_fails_at_once_and_refunds_once(fake, make_user, consumers) -> None:
    """A 4xx other than 429 (here a bad API key) will not pass on a retry: one attempt, then the refund."""
    user, job_id, job = _one_probe_against(fake, make_user, consumers, ["401", "ok"], timeout=30)
    assert job.state == "failed" and job.attempts == 1 and job.error_key == "error.upstream"
    assert "401" in (job.error_detail or "")
    assert _entries(user, "refund") == 1
    assert fake.total == 1
    assert streams.read(job_id)[-1].kind == "error"
    _assert_money_consistent(user)


def test_invalid_json_and_cut_stream_are_retried(fake, make_user, consumers) -> None:
    fake.script.extend(["malformed_json", "cut"])
    user = make_user(coins=3)
    consumers.start("paid", "paid", workers=2)
    start_probe(user, "k", price=1, structured=True)
    wait_for(lambda: _all_final(user, 1), timeout=60)
    job = _jobs(user)[0]
    assert job.state == "succeeded" and job.attempts == 3
    assert _entries(user, "refund") == 0


def test_sigkill_mid_stream_reruns_after_lease(fake, make_user, consumers) -> None:
    fake.token_interval = 0.05
    fake.reply = "abcdefgh" * 40  # 80 pieces, 4 s of streaming
    user = make_user(coins=3)
    consumers.start("victim", "paid", workers=2)
    job_id = start_probe(user, "k", price=2, max_tokens=500).data["job_id"]
    wait_for(lambda: len(streams.read(job_id)) > 5, timeout=30)
    consumers.kill("victim", signal.SIGKILL)
    with unit_of_work() as s:
        job = s.get(Job, uuid.UUID(job_id))
        assert job is not None and job.state == "running"
    consumers.start("rescuer", "paid", workers=2)

    def reaped_and_final() -> bool:
        reap()
        return _all_final(user, 1)

    wait_for(reaped_and_final, timeout=60, interval=0.5)
    job = _jobs(user)[0]
    assert job.state == "succeeded" and job.attempts == 2
    assert _entries(user, "refund") == 0 and _entries(user, "debit") == 1
    assert streams.collect_text(streams.read(job_id)) == fake.reply
    _assert_money_consistent(user)


def test_redis_restart_without_persistence_loses_no_job(fake, make_user, consumers, stack_services) -> None:
    user = make_user(coins=30)
    for i in range(20):
        start_probe(user, f"k{i}", price=1)
    stack_services.redis.stop()
    stack_services.redis.start()  # empty: every queued message is gone
    consumers.start("paid", "paid", workers=4)

    def reaped_and_final() -> bool:
        reap()
        return _all_final(user, 20)

    wait_for(reaped_and_final, timeout=90, interval=0.5)
    assert all(j.state == "succeeded" for j in _jobs(user))
    _assert_money_consistent(user)


def test_late_and_restarting_readers_get_the_full_text_once_in_order(fake, make_user, consumers) -> None:
    fake.token_interval = 0.01
    fake.reply = "".join(f"{i:03d}," for i in range(150))
    user = make_user(coins=3)
    consumers.start("paid", "paid", workers=2)
    job_id = start_probe(user, "k", price=1, max_tokens=1000).data["job_id"]

    # A reader that restarts in the middle: reads some events, "crashes", resumes from its last id.
    seen: list[str] = []
    last = "0-0"
    wait_for(lambda: len(streams.read(job_id)) >= 6, timeout=60)
    first = streams.read(job_id, last, count=5)
    seen += [e.data for e in first if e.kind == "delta"]
    last = first[-1].id
    for event in streams.follow(job_id, last, block_ms=500, idle_timeout_s=30):
        if event.kind == "delta":
            seen.append(event.data)
    assert "".join(seen) == fake.reply
    # A reader that starts after the end.
    late = streams.read(job_id)
    assert streams.collect_text(late) == fake.reply and late[-1].kind == "done"


def test_semaphore_slot_of_a_dead_holder_is_freed_by_its_lease(stack) -> None:
    sem = Semaphore(f"test-{uuid.uuid4().hex[:6]}", capacity=1, lease_s=1.0)
    assert sem.try_acquire("dead-worker")
    assert not sem.try_acquire("other")
    time.sleep(1.1)
    assert sem.try_acquire("other")


def test_semaphore_holders_re_register_after_redis_forgets_them(stack) -> None:
    """Redis restarted without persistence: a holder still mid-call counts again from its next renewal."""
    from core.redis_conn import get_redis

    sem = Semaphore(f"test-{uuid.uuid4().hex[:6]}", capacity=2, lease_s=10)
    assert sem.try_acquire("a") and sem.try_acquire("b")
    get_redis().delete(sem.key)  # what a restart without persistence leaves
    assert sem.try_acquire("newcomer")  # the overshoot window: newcomer + a + b are calling
    sem.renew("a")
    sem.renew("b")
    assert sem.holders() == 3
    sem.release("newcomer")
    assert not sem.try_acquire("another"), "with both live holders counted again, the cap of 2 holds"


def test_semaphore_never_exceeds_capacity_under_contention(stack) -> None:
    sem = Semaphore(f"test-{uuid.uuid4().hex[:6]}", capacity=3, lease_s=10)
    active = peak = 0
    lock = threading.Lock()

    def work(i: int) -> None:
        nonlocal active, peak
        with sem.slot(f"h{i}"):
            with lock:
                active += 1
                peak = max(peak, active)
            time.sleep(0.01)
            with lock:
                active -= 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == 3


def test_a_message_taken_by_a_consumer_that_died_before_claiming_is_resent(fake, make_user, consumers) -> None:
    """The consumer popped the message and died before clearing the marker: the marker lies, the age does not."""
    from sqlalchemy import text

    from core.redis_conn import get_redis

    user = make_user(coins=3)
    job_id = start_probe(user, "k", price=1).data["job_id"]
    r = get_redis()
    queue_keys = [k for k in r.scan_iter("huey.redis.*") if r.type(k) == "list"]
    assert queue_keys and sum(r.llen(k) for k in queue_keys) == 1
    for key in queue_keys:
        r.delete(key)  # the message is gone with the dead consumer ...
    assert r.exists(f"jobmsg:{job_id}")  # ... but its marker is still there
    with unit_of_work() as s:
        s.execute(text("UPDATE jobs SET enqueued_at = now() - interval '10 minutes' WHERE id = :id"), {"id": job_id})
    assert reap().resent_lost == 1
    consumers.start("paid", "paid", workers=2)
    wait_for(lambda: _all_final(user, 1), timeout=60)
    assert _jobs(user)[0].state == "succeeded"
