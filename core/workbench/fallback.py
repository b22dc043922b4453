"""The offline fall-back: when a provider failed for good on a step, its offline result at no charge, one click.

The failed job was refunded by the engine (exactly once, as for any final failure). The fall-back is a new job
of the same kind, price 0 and so no debit, marked `engine: offline` so the worker runs it on the offline engine
whatever the route says; it goes through the same jobs table, queues, caps and stream as any other step.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from core import jobs
from core.actions import ActionResult, run_action
from core.errors import InvalidInput, UserError
from core.kinds import STEP_KINDS
from core.llm.registry import OFFLINE
from core.workbench.context import latest_match, owned_service
from core.workbench.services import active_jobs, settled_steps
from core.workbench.views import latest_steps
from db.models import Job


def offers_offline(job: Job | None) -> bool:
    """True when this step's latest run failed for a reason the offline engine does not share.

    Engine-level failures (provider errors, lost leases: keys "error.*") qualify; a failure of the user's input
    (an unreadable screenshot, a missing resume: "workbench.error.*", "assets.error.*") would fail offline too,
    and a run that was already offline has nothing to fall back to.
    """
    if job is None or job.state != "failed":
        return False
    if (job.params or {}).get("engine") == OFFLINE or job.model == OFFLINE:
        return False
    return (job.error_key or "error.internal").startswith("error.")


def offline_offer(user_id: uuid.UUID, service_id: uuid.UUID, step: str) -> bool:
    """Whether the page should offer the offline result for this step now."""
    from db.session import unit_of_work

    with unit_of_work() as session:
        service = owned_service(session, user_id, service_id)
        if active_jobs(session, service.id):
            return False
        latest = latest_steps(session, [service.id]).get(service.id, {})
        if step == "extract" and offers_offline(latest.get("match")):
            return False  # the Match's offer runs both: one button for the service's first step
        return offers_offline(latest.get(step))


def run_offline_step(user_id: uuid.UUID, service_id: uuid.UUID, step: str, idempotency_key: str) -> ActionResult:
    """Queue the offline engine's result for a step whose provider run failed for good; nothing is charged.

    Refused with "workbench.error.nothing_to_retry" unless that step's latest run qualifies (offers_offline)
    and nothing of the service is running. Extraction and Match run side by side, so when both failed one
    click queues both offline.
    Returns {"service_id", "job_id", "queue", "price"} (price 0).
    """
    if step not in STEP_KINDS:
        raise InvalidInput("workbench.error.bad_step")

    def body(session: Session) -> ActionResult:
        service, latest = settled_steps(session, user_id, service_id)
        last = latest.get(step)
        if not offers_offline(last):
            raise UserError("workbench.error.nothing_to_retry")
        if step == "match" and latest_match(session, service.id) is not None:
            raise UserError("workbench.error.nothing_to_retry")
        assert last is not None
        steps: list[str] = [step]
        partner = {"match": "extract", "extract": "match"}.get(step)
        if partner is not None and offers_offline(latest.get(partner)):
            steps.append(partner)  # extraction and Match run side by side: both failed, both fall back
        created = []
        for kind in steps:
            failed = latest[kind]
            params = {k: v for k, v in (failed.params or {}).items() if k == "lang"}
            created.append(
                jobs.create_job(
                    session,
                    jobs.NewJob(
                        user_id=user_id,
                        kind=kind,
                        price=0,
                        memo=f"offline {kind}",
                        service_id=service.id,
                        params={**params, "engine": OFFLINE},
                    ),
                )
            )
        job = created[0]
        data = {"service_id": str(service.id), "job_id": str(job.id), "queue": job.queue, "price": job.price}
        return ActionResult(data=data, enqueue=[(str(j.id), j.queue) for j in created])

    return run_action(user_id, idempotency_key, body)
