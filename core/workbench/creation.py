"""A new service's writes as one statement: its checks, its row, its debit, its jobs and the click's result.

Creating a service is the hottest path of the web process: twenty users clicking "Match and tailor" at once
queue on its one interpreter, beside consumers that keep both cores busy, so every round trip is a wait for a
core. The click is BEGIN, the idempotency reservation with the wallet lock (core.actions.run_charging_action),
this statement, and COMMIT: four round trips where it took nine.

The checks (services in flight, the resume and history a new service reads) are read by this statement, after
the lock's statement returned, so its snapshot sees whatever the lock waited for. The statement writes whether
they pass or not: the caller refuses what they say, and the refusal rolls the whole transaction back (the
debit, the rows, the reservation), as a refusal did before any write.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, literal_column, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from core import idempotency, ledger
from core.actions import Reservation
from core.assets.service import usable_asset_query
from core.jobs import NewJob, check_written, is_charged, new_jobs_ctes, new_jobs_params, services_in_flight_query
from db.models import Service


@dataclass(frozen=True)
class NewService:
    """The service row's own values (the ids of the assets it reads come from the checks)."""

    id: uuid.UUID
    jd_source: str
    jd_text: str | None
    jd_image: bytes | None
    output_lang: str | None
    jd_model_enc: bytes | None = None  # the posting's read the page's preview left (core.workbench.preview)


@dataclass(frozen=True)
class Checked:
    """What the statement read after the lock: the refusals' inputs."""

    in_flight: int
    resume_asset_id: uuid.UUID | None


def _checks_sql() -> str:
    """The checks as SQL text, rendered once from the queries the rest of the code reads them by (one rule)."""
    user: Any = literal_column(":u")
    checks = select(
        services_in_flight_query(user).label("in_flight"),
        usable_asset_query(user, "resume").label("resume_id"),
        usable_asset_query(user, "detailed_resume").label("detailed_id"),
    )
    return str(checks.compile(compile_kwargs={"literal_binds": True}))  # plain SQL: nothing dialect-specific


@functools.cache
def _statement(charged: bool) -> Any:
    """Built on first use, not at import (every process imports this module; only the web process creates)."""
    new_jobs = new_jobs_ctes(charged, rows_from="new_service s CROSS JOIN", service="s.id")
    sql = (
        f"WITH checks AS ({_checks_sql()}),"
        " new_service AS (INSERT INTO services (id, user_id, resume_asset_id, detailed_asset_id, jd_source,"
        " jd_text, jd_image, jd_model_enc, title, output_lang) SELECT :sid, :u, c.resume_id, c.detailed_id,"
        f" :source, :jd_text, :jd_image, :jd_model, :title, :lang FROM checks c RETURNING id), {new_jobs},"
        f" stored AS ({idempotency.STORE_SQL})"
        " SELECT c.in_flight, c.resume_id, (SELECT count(*) FROM new_jobs),"
        f" {'(SELECT count(*) FROM debits)' if charged else '0'} FROM checks c"
    )
    columns = Service.__table__.c
    return text(sql).bindparams(
        bindparam("jd_text", type_=columns.jd_text.type),
        bindparam("jd_image", type_=columns.jd_image.type),
        bindparam("jd_model", type_=columns.jd_model_enc.type),
        bindparam("title", type_=columns.title.type),
        bindparam("r", type_=JSONB),
    )


def create_service_with_jobs(
    session: Session,
    reservation: Reservation,
    service: NewService,
    steps: list[NewJob],
    queue: ledger.Queue,
    result: dict[str, Any],
    refuse: Callable[[Checked], None],
) -> None:
    """Write the service, its steps' jobs on `queue` (debited together on the paid queue, all or none) and the
    click's `result` under its reservation, in one round trip; then `refuse` raises if the checks say no.

    Raises RuntimeError when the paid queue's debit did not land (the caller's lock and quote rule that out).
    Either way the caller's transaction rolls back: nothing charged, nothing kept.
    """
    charged = is_charged(steps, queue)
    params: dict[str, Any] = new_jobs_params(steps, queue, charged) | {
        "k": reservation.key,
        "r": result,
        "sid": service.id,
        "source": service.jd_source,
        "jd_text": service.jd_text,
        "jd_image": service.jd_image,
        "jd_model": service.jd_model_enc,
        "title": "",
        "lang": service.output_lang,
    }
    in_flight, resume_id, jobs_written, debits_written = session.execute(_statement(charged), params).one()
    refuse(Checked(in_flight=int(in_flight), resume_asset_id=resume_id))
    check_written(steps, charged, jobs_written, debits_written)
