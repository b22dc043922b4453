"""The shape every charging or creating user action shares.

    [tx: idempotency claim -> the action's own writes (debit, rows, job) -> idempotency result] -> commit
    -> enqueue the jobs it created

A repeated key (a double click, a Streamlit rerun, a network retry) returns the first call's result and
touches nothing; enqueueing happens only after the commit, so a worker never sees a job that might roll
back. If Redis is down at that moment the job stays queued in Postgres and the reaper sends it later.

The hottest click (creating a service) takes the same shape in two statements
(`run_charging_action`): the key's claim with the wallet lock, then every write and the result at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from core import dispatch, idempotency
from core.config import get_settings
from db.session import unit_of_work


@dataclass
class ActionResult:
    """What an action returns to its caller and stores under its idempotency key."""

    data: dict[str, Any]
    enqueue: list[tuple[str, str]] = field(default_factory=list)  # (job_id, queue)
    replayed: bool = False


def run_action(user_id: uuid.UUID, key: str, body: Callable[[Session], ActionResult]) -> ActionResult:
    with unit_of_work() as session:
        prior = idempotency.claim(session, user_id, key, get_settings().idempotency_ttl_s)
        if prior is not None:
            return ActionResult(data=prior, replayed=True)
        result = body(session)
        idempotency.store(session, user_id, key, result.data)
    dispatch.enqueue_many(result.enqueue)
    return result


@dataclass(frozen=True)
class Reservation:
    """What a charging action's body is handed: who, the key as stored (its own statement stores the result under
    it), and the balance as of the wallet row's lock, which this transaction holds."""

    user_id: uuid.UUID
    key: str
    balance: int


def run_charging_action(
    user_id: uuid.UUID, key: str, body: Callable[[Session, Reservation], ActionResult]
) -> ActionResult:
    """`run_action` for a click whose writes are one statement (creating a service): the key's reservation and the
    wallet lock in one round trip, and the body's statement stores the result itself (idempotency.STORE_SQL).

    BEGIN, two statements and COMMIT: the web process waits on every round trip, and in a burst each is a wait
    for a core busy with the consumers' work.
    """
    with unit_of_work() as session:
        prior, balance = idempotency.claim_locking_wallet(session, user_id, key, get_settings().idempotency_ttl_s)
        if prior is not None:
            return ActionResult(data=prior, replayed=True)
        result = body(session, Reservation(user_id, idempotency.stored_key(key), balance))
    dispatch.enqueue_many(result.enqueue)
    return result


def new_key() -> str:
    """A fresh idempotency key for a form; pages keep it in session state until the action succeeds."""
    return uuid.uuid4().hex
