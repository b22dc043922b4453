"""Load test under faults (issue 10): 30 users, 5 services each through Match, Customize and Interview.

    python -m bench.load [--users 30] [--services 5]

Users drive the same use cases the pages call: upload a resume (core.assets.service.upload_asset) and
wait until it is ready, then run their services concurrently (create_service -> Match streams ->
start_customize -> start_interview), each step followed like the page follows it: XREAD on the job's
stream from the last id seen, the job row as the fallback when the stream is gone. A user keeps at most
`max_services_in_flight` services going (the next starts when one ends) and, if refused anyway
(LimitReached), waits and retries; refusals are counted.

The fake upstream answers at a realistic pace (300-800 ms to first token, 20 ms per 4-character token,
short replies) and fails 10% of calls with a 500. During the run: a paid consumer is SIGKILLed twice
(and restarted), Redis is restarted once without persistence. A maintenance consumer runs the periodic
reaper; the driver also calls core.reaper.reap() every few seconds so lost work comes back quickly.

Every resume and JD carries a canary (a unique random token) and the fake echoes it into its replies, so
content flows through every step. At the end the bench checks, and prints as `check_<name>: 1|0 bool`:
ledger reconciliation, no job queued or running, each failed charged job refunded exactly once and no
other refunded, every debit owned by one job, per-model caps never exceeded, every step the users
started ended, the chaos actually happened, and no canary in any log line, Redis key name, job error
or exception message. Exit status 1 if any check is 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import secrets
import signal
import statistics
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import redis

from bench.harness import BenchStack, emit, percentile, user_with_coins

T = TypeVar("T")
CANARY = re.compile(r"CNRY[0-9a-f]{16}")
FINAL = ("succeeded", "failed", "cancelled")
STEPS = ("match", "customize", "interview")
MODEL_CAP = 8
FREE_CAP = 2
# Engine timings for a run of minutes, not hours: a killed worker's lease runs out in 6 s, a message lost
# with Redis is resent after 5 s, retries back off from 0.5 s to at most 4 s. Consumers get the same values.
LOAD_ENV = {
    "JOB_LEASE_S": "6",
    "RETRY_BASE_DELAY_S": "0.5",
    "RETRY_MAX_DELAY_S": "4",
    "LOST_MESSAGE_GRACE_S": "5",
    "REAPER_INTERVAL_S": "2",
    "LLM_TIMEOUT_S": "20",
    "LOG_LEVEL": "INFO",
}
_log = logging.getLogger("bench.load")


def new_canary() -> str:
    return f"CNRY{secrets.token_hex(8)}"


# -- the fake upstream's replies ---------------------------------------------------------------------


def _prompt_canaries(request: dict[str, Any]) -> list[str]:
    text = " ".join(str(m.get("content", "")) for m in request.get("messages", []))
    return sorted(set(CANARY.findall(text)))


def responder(request: dict[str, Any]) -> str | None:
    """Short, valid replies per step that echo the prompt's canaries; 0-500 ms extra to first token."""
    time.sleep(random.random() * 0.5)  # + first_token_delay 0.3 s = 300-800 ms to the first token
    fmt = request.get("response_format") or {}
    schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
    title = str(schema.get("title", ""))
    mark = " ".join(_prompt_canaries(request)) or "none"
    reply: dict[str, Any] | None = None
    if title == "ResumeSummary":
        reply = {
            "headline": f"Data engineer {mark}",
            "skills": [{"name": "Python"}, {"name": "Kafka"}],
            "roles": [{"employer": "Acme", "title": "Engineer", "achievements": ["Cut costs 35%"]}],
        }
    elif title == "JobSummary":
        reply = {"company": f"Globex {mark}", "title": "Backend Engineer", "must_have": ["Python", "Rust"]}
    elif title == "MatchReply":
        reply = {"overall_score": 70, "strengths": ["Python"], "gaps": [{"gap": "Rust"}], "self_pitch": mark}
    elif title == "CustomizeReply":
        reply = {"markdown": f"# Resume\n\n- Python at Acme {mark}\n", "sources": []}
    elif title == "InterviewReply":
        reply = {
            "self_intro_1min": f"Hi {mark}",
            "likely_questions": [{"question": "Why Python?", "outline": ["Acme"]}],  # an interview without is refused
            "questions_to_ask": ["Team size?"],
        }
    return json.dumps(reply) if reply is not None else None


# -- what the driver saw ------------------------------------------------------------------------------


@dataclass
class Stats:
    """Counters and timings shared by every user thread (one lock; contention is negligible here)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    ttft: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    ended: Counter[str] = field(default_factory=Counter)  # "match:succeeded", ...
    refusals: Counter[str] = field(default_factory=Counter)
    transient: Counter[str] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    exception_texts: list[str] = field(default_factory=list)
    upload_ready: list[float] = field(default_factory=list)
    services_done: int = 0
    steps_ended: int = 0
    steps_unfinished: int = 0
    reaped: Counter[str] = field(default_factory=Counter)

    def note_exception(self, exc: BaseException, unexpected: bool) -> None:
        with self.lock:
            self.exception_texts.append(f"{type(exc).__name__}: {exc}")
            if unexpected:
                self.unexpected.append(type(exc).__name__)
            else:
                self.transient[type(exc).__name__] += 1

    def step_end(self, kind: str, state: str, ttft: float | None) -> None:
        with self.lock:
            self.ended[f"{kind}:{state}"] += 1
            self.steps_ended += 1
            if ttft is not None and state == "succeeded":
                self.ttft[kind].append(ttft)


def _retrying(stats: Stats, deadline: float, action: str, fn: Callable[[], T]) -> T:
    """Call a use case the way a patient user would: wait and retry on a refusal or a Redis blip."""
    from core.errors import LimitReached

    while True:
        try:
            return fn()
        except LimitReached:
            with stats.lock:
                stats.refusals[action] += 1
        except redis.RedisError as exc:
            stats.note_exception(exc, unexpected=False)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{action} kept being refused")
        time.sleep(0.5 + random.random())


def _job_row(job_id: str) -> tuple[str, str | None]:
    from db.models import Job
    from db.session import unit_of_work

    with unit_of_work() as session:
        job = session.get(Job, uuid.UUID(job_id))
        return (job.state, job.error_key) if job is not None else ("missing", None)


def follow(job_id: str, called: float, stats: Stats, deadline: float) -> tuple[str, float | None]:
    """Read the job's stream until it ends (the job row decides); (final state, seconds to first delta)."""
    from core import streams

    after, first, checked = "0-0", None, 0.0
    while time.monotonic() < deadline:
        terminal = False
        try:
            for event in streams.read(job_id, after, block_ms=1000):
                after = event.id
                if event.kind == "delta" and first is None:
                    # A stream id is the Redis server's clock in ms when the delta became readable.
                    first = int(event.id.split("-")[0]) / 1000 - called
                elif event.kind == "reset":
                    first = None  # a retry starts the text over; the user waits for the new first token
                terminal = terminal or event.kind in streams.TERMINAL
        except redis.RedisError as exc:
            stats.note_exception(exc, unexpected=False)
            after = "0-0"  # Redis came back empty: the stream restarts, if it is written again
            time.sleep(0.5)
        if terminal or time.monotonic() - checked > 2:
            checked = time.monotonic()
            state, _ = _job_row(job_id)
            if state in FINAL:
                return state, first
    return "unfinished", first


def _match_job(service_id: str, stats: Stats, deadline: float) -> str | None:
    """The Match job job extraction creates; None if extraction itself finally failed."""
    from testkit.workbench import latest_job

    while time.monotonic() < deadline:
        match = latest_job(service_id, "match")
        if match is not None:
            return str(match.id)
        extraction = latest_job(service_id, "extract")
        if extraction is not None and extraction.state in ("failed", "cancelled"):
            return None
        time.sleep(0.5)
    return None


@dataclass
class User:
    index: int
    user_id: uuid.UUID
    resume_canary: str
    jd_canaries: list[str]


def run_service(user: User, n: int, stats: Stats, deadline: float) -> None:
    """One JD through all three steps; stops at the first step that ends failed (refunded)."""
    from core.workbench import services

    jd = (
        "Globex is hiring a senior Backend Engineer: Python, Kafka and Rust required; PostgreSQL a plus. "
        f"Internal reference {user.jd_canaries[n]}."
    )
    key = f"u{user.index}-s{n}"
    called = time.time()
    created = _retrying(
        stats,
        deadline,
        "create_service",
        lambda: services.create_service(user.user_id, idempotency_key=f"{key}-create", jd_text=jd),
    )
    service_id = created.data["service_id"]
    match_id = _match_job(service_id, stats, deadline)
    if match_id is None:
        stats.step_end("match", "failed", None)
        return
    state, ttft = follow(match_id, called, stats, deadline)
    stats.step_end("match", state, ttft)
    for kind, start in (("customize", services.start_customize), ("interview", services.start_interview)):
        if state != "succeeded":
            return
        called = time.time()
        step_key = f"{key}-{kind}"
        result = _retrying(
            stats,
            deadline,
            f"start_{kind}",
            lambda s=start, k=step_key: s(user.user_id, uuid.UUID(service_id), k),  # type: ignore[misc]
        )
        state, ttft = follow(result.data["job_id"], called, stats, deadline)
        stats.step_end(kind, state, ttft)
    if state == "succeeded":
        with stats.lock:
            stats.services_done += 1


def _upload(user: User, pdf: bytes, stats: Stats, deadline: float) -> bool:
    """Upload the resume and wait until ready; a failed summary is retried twice, as a user would."""
    from core.assets.service import retry_asset, upload_asset
    from db.models import Asset
    from db.session import unit_of_work

    started = time.monotonic()
    result = upload_asset(user.user_id, "resume", f"resume-{user.resume_canary}.pdf", pdf, f"u{user.index}-up")
    asset_id = uuid.UUID(result.data["asset_id"])
    retries = 0
    while time.monotonic() < deadline:
        with unit_of_work() as session:
            asset = session.get(Asset, asset_id)
            status = asset.status if asset is not None else "missing"
        if status == "ready":
            with stats.lock:
                stats.upload_ready.append(time.monotonic() - started)
            return True
        if status == "failed" and retries < 2:
            retries += 1
            retry_asset(user.user_id, asset_id, f"u{user.index}-up-retry{retries}")
        elif status in ("failed", "missing"):
            return False
        time.sleep(0.3)
    return False


def run_user(user: User, pdf: bytes, services_n: int, cap: int, stats: Stats, deadline: float) -> None:
    time.sleep(random.random() * 2)  # users arrive over two seconds, not in one instant
    try:
        if not _upload(user, pdf, stats, deadline):
            stats.note_exception(RuntimeError("resume never became ready"), unexpected=True)
            return
    except Exception as exc:
        stats.note_exception(exc, unexpected=True)
        return
    slots = threading.Semaphore(cap)  # the user starts the next service when one ends

    def one(n: int) -> None:
        with slots:
            try:
                run_service(user, n, stats, deadline)
            except Exception as exc:
                stats.note_exception(exc, unexpected=True)

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(services_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(1.0, deadline - time.monotonic() + 30))


# -- chaos, reaper, key-name sampling ------------------------------------------------------------------


@dataclass
class Chaos:
    bs: BenchStack
    stats: Stats
    total_steps: int
    stop: threading.Event
    events: list[str] = field(default_factory=list)
    key_names: set[str] = field(default_factory=set)

    def _wait_progress(self, share: float, latest_s: float) -> bool:
        """Wait until `share` of the steps ended (or latest_s passed); False if the run is stopping."""
        until = time.monotonic() + latest_s
        while not self.stop.is_set():
            if self.stats.steps_ended >= share * self.total_steps or time.monotonic() > until:
                return True
            time.sleep(0.2)
        return False

    def _kill(self, name: str) -> None:
        assert self.bs.consumers is not None
        self.bs.consumers.kill(name, signal.SIGKILL)
        self.events.append(f"sigkill {name} at {self.stats.steps_ended} steps, t={time.monotonic():.1f}")
        time.sleep(1)
        self.bs.consumers.start(name, "paid", workers=8)

    def _restart_redis(self) -> None:
        self.sample_keys()
        self.bs.stack.redis.stop()
        self.events.append(f"redis stopped at {self.stats.steps_ended} steps, t={time.monotonic():.1f}")
        time.sleep(1.5)
        self.bs.stack.redis.start()

    def run(self) -> None:
        plan: list[tuple[float, Callable[[], None]]] = [
            (0.15, lambda: self._kill("paid-a")),
            (0.40, self._restart_redis),
            (0.65, lambda: self._kill("paid-b")),
        ]
        for share, act in plan:
            if not self._wait_progress(share, latest_s=150):
                return
            try:
                act()
            except Exception as exc:
                self.events.append(f"chaos action failed: {type(exc).__name__}")

    def sample_keys(self) -> None:
        try:
            from core.redis_conn import get_redis

            self.key_names.update(get_redis().scan_iter(count=1000))
        except redis.RedisError:
            pass


def reaper_loop(stop: threading.Event, stats: Stats, chaos: Chaos) -> None:
    """The driver's own reaper calls (the maintenance consumer only starts at the next minute)."""
    from core.reaper import reap

    ticks = 0
    while not stop.wait(3):
        ticks += 1
        try:
            report = reap()
            with stats.lock:
                for name in ("requeued_expired", "failed_expired", "resent_lost", "failed_lost"):
                    stats.reaped[name] += getattr(report, name)
        except Exception as exc:
            stats.note_exception(exc, unexpected=False)
        if ticks % 5 == 0:
            chaos.sample_keys()


# -- post-conditions ----------------------------------------------------------------------------------


def _money_checks() -> dict[str, bool]:
    from sqlalchemy import func, select, text

    from core import ledger
    from db.models import Job, LedgerEntry
    from db.session import unit_of_work

    with unit_of_work() as session:
        reconciled = ledger.reconcile(session) == []
        active = int(session.scalar(select(func.count()).where(Job.state.in_(("queued", "running")))) or 0)
        refunds = dict(
            session.execute(
                select(LedgerEntry.reverses_entry_id, func.count())
                .where(LedgerEntry.kind == "refund")
                .group_by(LedgerEntry.reverses_entry_id)
            ).all()
        )
        exact = True
        for state, debit in session.execute(
            select(Job.state, Job.debit_entry_id).where(Job.debit_entry_id.is_not(None))
        ):
            expected = 1 if state in ("failed", "cancelled") else 0
            exact = exact and refunds.get(debit, 0) == expected
        orphans = session.execute(
            text(
                "SELECT count(*) FROM ledger_entries e WHERE e.kind = 'debit' AND"
                " (SELECT count(*) FROM jobs j WHERE j.debit_entry_id = e.id) <> 1"
            )
        ).scalar_one()
    return {
        "ledger_reconciled": reconciled,
        "no_job_queued_or_running": active == 0,
        "refunds_exact": exact and max(refunds.values() or [0]) <= 1,
        "every_debit_owned_by_one_job": int(orphans) == 0,
    }


def _scan_logs(paths: list[Path]) -> int:
    hits = 0
    for path in paths:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            hits += sum(1 for line in fh if CANARY.search(line))
    return hits


def _db_error_hits() -> int:
    from sqlalchemy import text

    from db.session import unit_of_work

    with unit_of_work() as session:
        rows = session.execute(
            text(
                "SELECT coalesce(error_key, '') || ' ' || coalesce(error_detail, '') FROM jobs"
                " WHERE error_key IS NOT NULL OR error_detail IS NOT NULL"
                " UNION ALL SELECT coalesce(memo, '') FROM ledger_entries"
            )
        ).scalars()
        return sum(1 for row in rows if CANARY.search(row or ""))


def _report_figures(stats: Stats, seconds: float, bs: BenchStack, chaos: Chaos) -> None:
    from sqlalchemy import func, select

    from db.models import Job
    from db.session import unit_of_work

    emit("load_duration", seconds, "s")
    steps_ok = sum(v for k, v in stats.ended.items() if k.endswith(":succeeded"))
    emit("load_steps_succeeded", steps_ok, "count")
    emit("load_steps_failed_refunded", sum(v for k, v in stats.ended.items() if k.endswith(":failed")), "count")
    emit("load_services_completed", stats.services_done, "count")
    emit("load_throughput_steps", steps_ok / seconds, "steps/s")
    emit("load_throughput_services", stats.services_done / seconds * 60, "services/min")
    if stats.upload_ready:
        emit("load_upload_to_ready_p50", statistics.median(stats.upload_ready), "s")
        emit("load_upload_to_ready_p95", percentile(stats.upload_ready, 95), "s")
    for kind in STEPS:
        values = stats.ttft[kind]
        if values:
            emit(f"load_ttft_{kind}_p50", statistics.median(values) * 1000, "ms")
            emit(f"load_ttft_{kind}_p95", percentile(values, 95) * 1000, "ms")
    with unit_of_work() as session:
        rows = session.execute(select(Job.state, func.count(), func.sum(Job.attempts)).group_by(Job.state)).all()
        failures = session.execute(
            select(Job.kind, Job.attempts, Job.error_key, Job.error_detail).where(Job.state == "failed")
        ).all()
    for kind, attempts, key, detail in failures:  # why a job finally failed: error keys and technical detail only
        print(f"# failed: {kind} after {attempts} attempts: {key} ({detail})", flush=True)
    for state, count, _ in rows:
        emit(f"load_jobs_{state}", int(count), "count")
    emit("load_job_attempts_beyond_first", sum(int(a or 0) - int(c) for _, c, a in rows), "count")
    emit("load_upstream_requests", bs.fake.total, "count")
    for model, peak in sorted(bs.fake.peak.items()):
        emit(f"load_upstream_peak_{model}", peak, "count")
    emit("load_refusals_limit_reached", sum(stats.refusals.values()), "count")
    emit("load_driver_redis_errors_retried", sum(stats.transient.values()), "count")
    emit("load_errors_unexpected", len(stats.unexpected), "count")
    for name, value in sorted(stats.reaped.items()):
        emit(f"load_driver_reaper_{name}", value, "count")
    emit("load_chaos_events", len([e for e in chaos.events if "failed" not in e]), "count")
    overshoots = cap_overshoots(bs.fake.samples, bs.caps())
    emit("load_cap_overshoots", len(overshoots), "count")
    emit("load_cap_overshoot_max", max((d for _, _, d in overshoots), default=0.0) * 1000, "ms")
    for t, model, d in overshoots[:5]:  # on the same clock as the chaos events
        print(f"# cap exceeded: {model} above its cap for {d * 1000:.1f} ms from t={t:.1f}", flush=True)


def cap_overshoots(samples: list[tuple[float, str, int]], caps: dict[str, int]) -> list[tuple[float, str, float]]:
    """Intervals during which the fake saw more calls of a model in flight than its cap: (start, model, s)."""
    out: list[tuple[float, str, float]] = []
    since: dict[str, float] = {}
    for t, model, n in sorted(samples):
        if n > caps.get(model, 0):
            since.setdefault(model, t)
        elif model in since:
            out.append((since[model], model, t - since.pop(model)))
    out.extend((t0, model, float("inf")) for model, t0 in since.items())
    return out


def run(users_n: int, services_n: int, time_budget_s: float, profile: str | None = None) -> int:
    from core.config import get_settings
    from core.logging import JsonFormatter, configure_logging
    from testkit.asset_pdfs import ENGLISH_LINES, text_pdf

    with BenchStack(model_cap=MODEL_CAP, free_cap=FREE_CAP, env=LOAD_ENV, prefix="bench-load-") as bs:
        assert bs.consumers is not None
        configure_logging("INFO")
        for noisy in ("weasyprint", "fontTools"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
        driver_log = bs.workdir / "logs" / "driver.log"
        driver_log.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(driver_log, encoding="utf-8")
        handler.setFormatter(JsonFormatter())
        logging.getLogger().addHandler(handler)

        bs.consumers.start("paid-a", "paid", workers=8)
        bs.consumers.start("paid-b", "paid", workers=8)
        bs.consumers.start("free", "free", workers=2)
        bs.consumers.start("maint", "maint", workers=1, periodic=True)
        fake = bs.fake
        fake.responder = responder
        fake.first_token_delay = 0.3
        fake.token_interval = 0.02
        fake.profile = profile  # a provider profile (testkit/fakes/profile.py) replaces the two fixed delays
        fake.fail_rate = 0.1

        users = [
            User(i, user_with_coins(40), new_canary(), [new_canary() for _ in range(services_n)])
            for i in range(users_n)
        ]
        pdfs = [text_pdf([*ENGLISH_LINES, f"Reference {u.resume_canary}"]) for u in users]
        stats = Stats()
        stop = threading.Event()
        chaos = Chaos(bs, stats, users_n * services_n * len(STEPS), stop)
        started = time.monotonic()
        deadline = started + time_budget_s
        helpers = [
            threading.Thread(target=chaos.run, daemon=True),
            threading.Thread(target=reaper_loop, args=(stop, stats, chaos), daemon=True),
        ]
        for t in helpers:
            t.start()
        cap = get_settings().max_services_in_flight
        threads = [
            threading.Thread(target=run_user, args=(u, pdfs[u.index], services_n, cap, stats, deadline), daemon=True)
            for u in users
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(max(1.0, deadline - time.monotonic() + 60))
        seconds = time.monotonic() - started
        users_finished = not any(t.is_alive() for t in threads)

        _drain(deadline=time.monotonic() + 60)
        stop.set()
        for t in helpers:
            t.join(30)
        chaos.sample_keys()
        bs.consumers.stop_all()  # flush the consumers' logs before they are scanned

        _report_figures(stats, seconds, bs, chaos)
        _print_stuck()
        for event in chaos.events:
            print(f"# chaos: {event}", flush=True)
        caps = bs.caps()
        handler.flush()
        log_files = [
            p for p in bs.workdir.rglob("*") if p.is_file() and (p.suffix == ".log" or p.parent.name in ("log", "logs"))
        ]
        unfinished = sum(v for k, v in stats.ended.items() if k.endswith(":unfinished"))
        checks = {
            **_money_checks(),
            "caps_respected": all(peak <= caps.get(model, 0) for model, peak in fake.peak.items()),
            "every_step_ended": users_finished and not stats.unexpected and unfinished == 0,
            "chaos_applied": sum(1 for e in chaos.events if e.startswith(("sigkill", "redis"))) == 3,
            "privacy_logs": _scan_logs(log_files) == 0,
            "privacy_redis_key_names": not any(CANARY.search(k) for k in chaos.key_names),
            "privacy_job_errors": _db_error_hits() == 0,
            "privacy_exception_messages": not any(CANARY.search(t) for t in stats.exception_texts),
        }
        emit("load_log_files_scanned", len(log_files), "count")
        emit("load_redis_key_names_scanned", len(chaos.key_names), "count")
        for name, ok in checks.items():
            emit(f"check_{name}", int(ok), "bool")
        logging.getLogger().removeHandler(handler)
        return 0 if all(checks.values()) else 1


def _print_stuck() -> None:
    """Comment lines describing every job still queued or running: what the reaper would need to see."""
    from sqlalchemy import select

    from core import dispatch
    from core.config import get_settings
    from db.models import Job
    from db.session import unit_of_work

    with unit_of_work() as session:
        stuck = list(session.scalars(select(Job).where(Job.state.in_(("queued", "running")))))
    if not stuck:
        return
    raw = redis.Redis.from_url(get_settings().redis_url)  # Huey's messages are pickles: no decoding
    waiting = b"".join(m for k in raw.keys("huey.redis.*") for m in raw.lrange(k, 0, -1))
    scheduled = b"".join(m for k in raw.keys("huey.schedule.*") for m in raw.zrange(k, 0, -1))
    for job in stuck:
        try:
            marker = dispatch.message_pending(str(job.id))
        except redis.RedisError:
            marker = False
        print(
            f"# stuck: job={job.id} kind={job.kind} state={job.state} attempts={job.attempts}"
            f" enqueued_at={job.enqueued_at} not_before={job.not_before} lease_until={job.lease_until}"
            f" marker={marker} in_huey_queue={str(job.id).encode() in waiting}"
            f" in_huey_schedule={str(job.id).encode() in scheduled} detail={job.error_detail}",
            flush=True,
        )


def _drain(deadline: float) -> None:
    """After the users: reap until no job is queued or running (lost messages, expired leases)."""
    from sqlalchemy import func, select

    from core.reaper import reap
    from db.models import Job
    from db.session import unit_of_work

    while time.monotonic() < deadline:
        with unit_of_work() as session:
            active = int(session.scalar(select(func.count()).where(Job.state.in_(("queued", "running")))) or 0)
        if active == 0:
            return
        try:
            reap()
        except Exception:
            pass
        time.sleep(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--services", type=int, default=5, help="services per user, each through three steps")
    parser.add_argument("--time-budget", type=float, default=420, help="seconds before users give up")
    parser.add_argument("--profile", default=None, help="provider profile of the fake (e.g. realistic); default fixed")
    args = parser.parse_args(argv)
    return run(args.users, args.services, args.time_budget, args.profile)


if __name__ == "__main__":
    raise SystemExit(main())
