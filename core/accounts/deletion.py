"""Deleting an account at the user's request: everything of theirs, in Postgres and in Redis, at once.

The user's live jobs are cancelled, the user row is removed (every table cascades from it; the Stripe events
of their payments carry no user id and are removed explicitly), and after commit every Redis key that names
the user or one of their jobs is deleted. Only a keyed hash of the e-mail stays (core.users), so the sign-up
grant is not given twice.
"""

from __future__ import annotations

import logging
import uuid

import redis
from sqlalchemy import delete, select

from core import jobs
from core.errors import InvalidInput, NotFound
from core.logging import log_event
from core.redis_conn import get_redis
from core.users import normalize_email, remember_deleted
from db.models import Job, Payment, StripeEvent, User
from db.session import unit_of_work

log = logging.getLogger("core.accounts")


def delete_account(user_id: uuid.UUID, confirm_email: str) -> None:
    """Remove the user and all their data now; the typed e-mail must match the account's.

    Order: lock the user, cancel queued/running jobs (a worker holding one loses its lease and stops),
    remember every job id, delete the user row (all tables cascade; Stripe events of their payments are
    deleted explicitly since they carry no user id), commit, then delete the Redis keys.
    """
    with unit_of_work() as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise NotFound("user")
        if normalize_email(confirm_email) != user.email:
            raise InvalidInput("accounts.error.confirm_mismatch")
        remember_deleted(session, user.email)  # a keyed hash only: the sign-up grant is not given twice
        job_ids = list(session.scalars(select(Job.id).where(Job.user_id == user_id)))
        live = session.scalars(select(Job.id).where(Job.user_id == user_id, Job.state.in_(jobs.ACTIVE_STATES)))
        for job_id in list(live):
            jobs.fail(
                session,
                job_id,
                error_key="error.cancelled",
                detail="account deleted",
                from_states=jobs.ACTIVE_STATES,
                final_state="cancelled",
            )
        checkout_ids = select(Payment.stripe_session_id).where(Payment.user_id == user_id)
        session.execute(delete(StripeEvent).where(StripeEvent.stripe_session_id.in_(checkout_ids)))
        session.execute(delete(User).where(User.id == user_id))
    removed = purge_redis({str(user_id), *(str(j) for j in job_ids)})
    log_event(log, "account.deleted", userId=str(user_id), count=removed)


def purge_redis(ids: set[str], client: redis.Redis[str] | None = None) -> int:
    """Delete every key with one of `ids` as a `:`-separated part; drop semaphore holders of those jobs.

    One SCAN over the keyspace catches the known keys (`stream:{job}`, `jobmsg:{job}`) and any per-user key a
    later feature adds, as long as it follows the `prefix:{id}` convention. Returns the number of keys deleted.
    """
    r = client or get_redis()
    doomed: list[str] = []
    semaphores: list[str] = []
    for key in r.scan_iter(count=1000):
        name = key.decode() if isinstance(key, bytes) else str(key)
        if any(part in ids for part in name.split(":")):
            doomed.append(name)
        elif name.startswith("sem:") and not name.endswith(":wake"):
            semaphores.append(name)
    for sem in semaphores:
        try:
            members = r.zrange(sem, 0, -1)
        except redis.ResponseError:  # not a sorted set
            continue
        mine = [m for m in members if str(m).split(":", 1)[0] in ids]
        if mine:
            r.zrem(sem, *mine)
    for start in range(0, len(doomed), 500):
        r.delete(*doomed[start : start + 500])
    return len(doomed)
