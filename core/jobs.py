r"""The job table is the truth of a job; this module owns its state transitions.

    queued --claim--> running --succeed--> succeeded
                         |  \--transient, attempts left--> queued (not_before = backoff)
                         |  \--final failure--> failed (+ refund of its debit, exactly once)
                         \--lease expired (worker died)--> queued again by the reaper, or failed + refund
    queued|running --cancel--> cancelled (+ refund)

Every transition is one conditional UPDATE, and a worker's transitions also check its lease token, so a
worker that lost its lease (reaped, cancelled, taken over) cannot overwrite the job's fate.
"""

from __future__ import annotations

import functools
import json
import random
import uuid
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, ScalarSelect, Table, TextClause, bindparam, distinct, func, insert, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from core import idempotency, ledger
from core.config import get_settings
from core.kinds import ACTIVE_STATES as ACTIVE_STATES  # the name use cases and pages read it by
from db.models import Job


@dataclass
class NewJob:
    """What a use case asks for; `create_job` charges and inserts it in the caller's transaction."""

    user_id: uuid.UUID
    kind: str
    price: int
    memo: str
    service_id: uuid.UUID | None = None
    asset_id: uuid.UUID | None = None
    params: dict[str, Any] = field(default_factory=dict)
    queue: str | None = None  # force a queue (follow-up steps inherit their parent's)
    id: uuid.UUID = field(default_factory=uuid.uuid4)  # the row's id, known before it is written


_JOBS = cast(Table, Job.__table__)
_INSERT_JOB = insert(_JOBS).values(enqueued_at=func.now())  # built once; parameters bind per call


@dataclass(frozen=True)
class QueuedJob:
    """A job row just inserted: what the caller returns to the page and enqueues after its commit."""

    id: uuid.UUID
    queue: str
    price: int


def create_job(session: Session, new: NewJob) -> QueuedJob:
    """Charge (or route to the free queue) and insert the job row; the caller commits, then enqueues.

    A plain INSERT rather than an ORM object: this runs on every click that starts work, in the web process,
    and the ORM's unit of work cost more than the rest of the transaction.
    """
    job_id = new.id
    if new.queue is not None:
        charge = ledger.Charge(queue=new.queue, price=0, debit_entry_id=None)  # type: ignore[arg-type]
    else:
        charge = ledger.charge(session, new.user_id, new.price, job_id=job_id, memo=new.memo)
    session.flush()  # rows this one refers to (a service created in the same transaction) go first
    queued = QueuedJob(id=job_id, queue=charge.queue, price=charge.price)
    session.execute(_INSERT_JOB, _row(queued, new, charge.debit_entry_id))
    return queued


def new_jobs_ctes(charged: bool, *, rows_from: str, service: str) -> str:
    """CTEs that insert a click's jobs on one queue, as part of a statement that writes the click at once.

    `charged`: the jobs' prices are debited together first (core.ledger.DEBIT_CTES, all or none) and each job
    carries its own entry; `rows_from` and `service` let the statement give the jobs a service it creates
    itself ("new_service s CROSS JOIN", "s.id"). Yields `new_jobs` (and `debits`); parameters: `new_jobs_params`.
    The columns the ORM fills by default are spelled out (tests hold them equal to `create_job`'s row).
    """
    debit = f"{ledger.DEBIT_CTES}, " if charged else ""
    price, entry, join = (
        ("CASE WHEN d.id IS NULL THEN 0 ELSE j.price END", "d.id", "LEFT JOIN debits d ON d.job_id = j.id")
        if charged
        else ("0", "NULL", "")
    )
    return (
        f"{debit}new_jobs AS (INSERT INTO jobs (id, user_id, service_id, asset_id, kind, queue, model, state,"
        " attempts, max_attempts, enqueued_at, price, debit_entry_id, params, tokens_in, tokens_out, cost)"
        f" SELECT j.id, :u, {service}, :asset_id, j.kind, :queue, '', 'queued', 0, :max_attempts, now(), {price},"
        f" {entry}, j.params, 0, 0, 0 FROM {rows_from} unnest(CAST(:job_ids AS uuid[]), CAST(:kinds AS text[]),"
        " CAST(:job_prices AS integer[]), CAST(:job_params AS jsonb[])) AS j(id, kind, price, params)"
        f" {join} RETURNING id)"
    )


def new_jobs_params(news: list[NewJob], queue: str, charged: bool) -> dict[str, Any]:
    """`new_jobs_ctes`' parameters for these jobs of one user and asset (their service is the statement's)."""
    user_id = news[0].user_id
    params: dict[str, Any] = {
        "u": user_id,
        "asset_id": news[0].asset_id,
        "queue": queue,
        "max_attempts": get_settings().job_max_attempts,
        "job_ids": [new.id for new in news],
        "kinds": [new.kind for new in news],
        "job_prices": [new.price for new in news],
        "job_params": [json.dumps(new.params) for new in news],
    }
    if charged:
        params |= ledger.debit_params(user_id, [(new.id, new.price, new.memo) for new in news if new.price > 0])
    return params


@functools.cache
def _jobs_statement(charged: bool) -> TextClause:
    """Built on first use: a click's jobs for one service or asset, their debit and the click's result at once."""
    new_jobs = new_jobs_ctes(charged, rows_from="", service="CAST(:sid AS uuid)")
    debits = "(SELECT count(*) FROM debits)" if charged else "0"
    sql = f"WITH {new_jobs}, stored AS ({idempotency.STORE_SQL}) SELECT (SELECT count(*) FROM new_jobs), {debits}"
    return text(sql).bindparams(bindparam("r", type_=JSONB))


def create_jobs_at_once(
    session: Session, stored_key: str, news: list[NewJob], queue: ledger.Queue, result: dict[str, Any]
) -> None:
    """Write jobs of one user, service and asset on `queue` (debited together on the paid queue, all or none) and
    the click's `result` under its key (reserved with the wallet lock, core.actions.run_charging_action), in one
    round trip: a click starting a job is BEGIN, the reservation, this and COMMIT, four round trips where
    `create_job` and the ORM took six, each a wait for the web process's one interpreter in a burst.

    Raises RuntimeError when the paid queue's debit did not land (the caller's lock and quote rule that out);
    the caller's transaction then rolls back: nothing charged, nothing kept.
    """
    charged = is_charged(news, queue)
    params = new_jobs_params(news, queue, charged) | {"k": stored_key, "r": result, "sid": news[0].service_id}
    jobs_written, debits_written = session.execute(_jobs_statement(charged), params).one()
    check_written(news, charged, jobs_written, debits_written)


def is_charged(news: list[NewJob], queue: str) -> bool:
    """Whether a click's statement debits: on the paid queue, for a job with a price."""
    return queue == "paid" and any(new.price > 0 for new in news)


def check_written(news: list[NewJob], charged: bool, jobs_written: int, debits_written: int) -> None:
    """RuntimeError unless a click's statement wrote every job and, charged, a debit for every priced one (the
    caller's wallet lock and quote rule that out; its transaction then rolls back: nothing charged, nothing kept)."""
    priced = sum(1 for new in news if new.price > 0)
    if jobs_written != len(news) or (charged and debits_written != priced):
        raise RuntimeError("the wallet did not hold the total its lock and quote promised")


def _row(queued: QueuedJob, new: NewJob, debit_entry_id: int | None) -> dict[str, Any]:
    """_INSERT_JOB's parameters for one new job, routed and charged."""
    return {
        "id": queued.id,
        "user_id": new.user_id,
        "kind": new.kind,
        "queue": queued.queue,
        "state": "queued",
        "service_id": new.service_id,
        "asset_id": new.asset_id,
        "params": new.params,
        "price": queued.price,
        "debit_entry_id": debit_entry_id,
        "max_attempts": get_settings().job_max_attempts,
    }


@dataclass(frozen=True)
class Claim:
    """A worker's hold on a job (its lease token) and the job's fields the worker needs to run it."""

    job_id: uuid.UUID
    token: uuid.UUID
    attempts: int
    user_id: uuid.UUID
    kind: str
    queue: str
    service_id: uuid.UUID | None = None
    asset_id: uuid.UUID | None = None
    params: dict[str, Any] = field(default_factory=dict)


_CLAIM = text(
    "UPDATE jobs SET state = 'running', lease_token = :tok, attempts = attempts + 1,"
    " lease_until = now() + make_interval(secs => :lease), started_at = COALESCE(started_at, now())"
    " WHERE id = :id AND state = 'queued' AND (not_before IS NULL OR not_before <= now() + interval '1 second')"
    " RETURNING attempts, user_id, kind, queue, service_id, asset_id, params"
)


def claim(session: Session | Connection, job_id: uuid.UUID) -> Claim | None:
    """queued -> running with a fresh lease; None if the job is not (or not yet) claimable.

    One conditional statement that also returns what the worker needs: on an autocommit connection,
    starting a job costs one round trip.
    """
    token = uuid.uuid4()
    row = session.execute(_CLAIM, {"id": job_id, "tok": token, "lease": get_settings().job_lease_s}).first()
    if row is None:
        return None
    return Claim(
        job_id=job_id,
        token=token,
        attempts=int(row.attempts),
        user_id=row.user_id,
        kind=row.kind,
        queue=row.queue,
        service_id=row.service_id,
        asset_id=row.asset_id,
        params=dict(row.params or {}),
    )


def extend_lease(session: Session, c: Claim) -> bool:
    row = session.execute(
        text(
            "UPDATE jobs SET lease_until = now() + make_interval(secs => :lease)"
            " WHERE id = :id AND lease_token = :tok AND state = 'running' RETURNING id"
        ),
        {"id": c.job_id, "tok": c.token, "lease": get_settings().job_lease_s},
    ).first()
    return row is not None


_SUCCEED = select(Job).from_statement(
    text(
        "UPDATE jobs SET state = 'succeeded', finished_at = now(), lease_until = NULL, error_key = NULL,"
        " error_detail = NULL, model = :model, tokens_in = :tin, tokens_out = :tout, cost = :cost,"
        " latency_ms = :lat, ttft_ms = :ttft, retrieved = CAST(:retrieved AS jsonb)"
        " WHERE id = :id AND lease_token = :tok AND state = 'running' RETURNING *"
    )
)


def mark_succeeded(session: Session, c: Claim, figures: dict[str, Any]) -> Job | None:
    """running -> succeeded with the job's figures, if this claim still holds it: the job's row as it now is
    (the handler stores its result against it), or None when the lease was lost. One round trip for both: the
    end of a job is on the path to the user's `done`."""
    return session.scalars(_SUCCEED, {"id": c.job_id, "tok": c.token, **_figure_params(figures)}).first()


def _figure_params(figures: dict[str, Any]) -> dict[str, Any]:
    import json

    return {
        "model": figures.get("model", ""),
        "tin": figures.get("tokens_in", 0),
        "tout": figures.get("tokens_out", 0),
        "cost": figures.get("cost", 0.0),
        "lat": figures.get("latency_ms"),
        "ttft": figures.get("ttft_ms"),
        "retrieved": json.dumps(figures.get("retrieved")) if figures.get("retrieved") is not None else None,
    }


def backoff_delay(attempts: int) -> float:
    """Exponential backoff with full jitter: base * 2^(n-1), capped, times a random factor in [0.5, 1]."""
    s = get_settings()
    raw: float = min(float(s.retry_max_delay_s), float(s.retry_base_delay_s) * 2.0 ** max(0, attempts - 1))
    return raw * (0.5 + random.random() / 2)


def requeue_for_retry(session: Session, c: Claim, delay_s: float, detail: str) -> bool:
    row = session.execute(
        text(
            "UPDATE jobs SET state = 'queued', lease_until = NULL, lease_token = NULL,"
            " not_before = now() + make_interval(secs => :delay), enqueued_at = now(), error_detail = :detail"
            " WHERE id = :id AND lease_token = :tok AND state = 'running' RETURNING id"
        ),
        {"id": c.job_id, "tok": c.token, "delay": delay_s, "detail": detail[:500]},
    ).first()
    return row is not None


def fail(
    session: Session,
    job_id: uuid.UUID,
    *,
    error_key: str,
    detail: str,
    token: uuid.UUID | None = None,
    from_states: tuple[str, ...] = ("running",),
    final_state: str = "failed",
) -> Job | None:
    """Fail (or cancel) the job and refund its debit, both in the caller's transaction.

    Returns the job if this call made the transition; None if it was already final or not ours, in which
    case nothing is refunded (the refund's UNIQUE constraint would refuse a second one anyway).
    """
    clause = "AND lease_token = :tok" if token is not None else ""
    row = session.execute(
        text(
            f"UPDATE jobs SET state = :final, finished_at = now(), lease_until = NULL, error_key = :key,"
            f" error_detail = :detail WHERE id = :id AND state = ANY(:states) {clause} RETURNING id"
        ),
        {
            "id": job_id,
            "tok": token,
            "key": error_key,
            "detail": detail[:500],
            "states": list(from_states),
            "final": final_state,
        },
    ).first()
    if row is None:
        return None
    job = session.get(Job, job_id, populate_existing=True)
    assert job is not None
    if job.debit_entry_id is not None:
        ledger.refund(session, job.debit_entry_id, memo=f"refund:{job.kind}")
    return job


def transfer_debit(session: Session, from_job_id: uuid.UUID, to_job_id: uuid.UUID) -> None:
    """Hand a debit on to the job that continues the paid work (job extraction -> match).

    Two statements in order, because debit_entry_id is UNIQUE: the debit leaves one row before it lands on
    the other. Whichever job finally fails refunds it.
    """
    row = session.execute(
        text(
            "UPDATE jobs SET debit_entry_id = NULL FROM (SELECT debit_entry_id, price FROM jobs WHERE id = :f) AS old"
            " WHERE jobs.id = :f AND old.debit_entry_id IS NOT NULL RETURNING old.debit_entry_id, old.price"
        ),
        {"f": from_job_id},
    ).first()
    if row is None:
        return
    session.execute(
        text("UPDATE jobs SET debit_entry_id = :d, price = :p WHERE id = :t"),
        {"d": row[0], "p": row[1], "t": to_job_id},
    )


def services_in_flight_query(user_id: Any) -> ScalarSelect[int]:
    """How many services of `user_id` (a value or a bound parameter) have a step queued or running."""
    return (
        select(func.count(distinct(Job.service_id)))
        .where(Job.user_id == user_id, Job.state.in_(ACTIVE_STATES), Job.service_id.is_not(None))
        .scalar_subquery()
    )


_IN_FLIGHT = select(services_in_flight_query(bindparam("u")))


def services_in_flight(session: Session, user_id: uuid.UUID) -> int:
    """Services of this user with a step queued or running (callers hold the wallet lock)."""
    return int(session.execute(_IN_FLIGHT, {"u": user_id}).scalar_one())


_LOCK_WALLET = text("SELECT balance FROM wallets WHERE user_id = :u FOR UPDATE")


def lock_user(session: Session, user_id: uuid.UUID) -> int:
    """Serialize a user's charging actions on their wallet row (the per-user cap check depends on it).

    Returns the balance as of the lock (0 without a wallet): read after the lock, it is the one later
    statements of this transaction charge against.
    """
    return int(session.execute(_LOCK_WALLET, {"u": user_id}).scalar() or 0)
