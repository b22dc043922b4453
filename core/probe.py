"""The `probe` job: one streamed completion, no domain logic.

Used by the health check of the LLM path, the engine's tests and `bench.engine`, so the engine is measured
without any task's own work on top.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from core import ledger
from core.actions import ActionResult, Reservation, run_charging_action
from core.jobs import NewJob, create_jobs_at_once
from core.worker import BaseHandler, FollowUp, JobContext
from db.models import Job


class ProbeReply(BaseModel):
    """The structured variant: proves schema validation and the retry on an invalid reply."""

    greeting: str


class ProbeHandler(BaseHandler):
    kind = "probe"
    is_stream = True

    def run(self, ctx: JobContext) -> Any:
        prompt = str(ctx.params.get("prompt", "Say hello in five words."))
        if ctx.params.get("structured"):
            structured: ProbeReply = ctx.structured(ProbeReply, [{"role": "user", "content": prompt}])
            return structured.greeting
        reply = ctx.complete([{"role": "user", "content": prompt}], max_tokens=int(ctx.params.get("max_tokens", 64)))
        return reply.text

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        job.params = {**(job.params or {}), "reply_chars": len(result)}
        return []


def start_probe(
    user_id: uuid.UUID,
    key: str,
    *,
    prompt: str = "Say hello.",
    price: int = 1,
    max_tokens: int = 64,
    structured: bool = False,
) -> ActionResult:
    """Charge `price` (or route free) and queue one probe job; returns {"job_id", "queue"}.

    The click's writes are one statement (core.jobs.create_jobs_at_once), as creating a service's are: the engine
    bench's fifty users starting a probe at once measure the platform's path, not the ORM's.
    """

    def body(session: Session, reservation: Reservation) -> ActionResult:
        queue = ledger.quote_for(reservation.balance, price).queue
        new = NewJob(
            user_id=user_id,
            kind="probe",
            price=price,
            memo="probe",
            params={"prompt": prompt, "max_tokens": max_tokens, "structured": structured},
        )
        data = {"job_id": str(new.id), "queue": queue}
        create_jobs_at_once(session, reservation.key, [new], queue, data)
        return ActionResult(data=data, enqueue=[(str(new.id), queue)])

    return run_charging_action(user_id, key, body)
