"""Workbench commands: create a service, start or re-run its steps, switch its output language.

Creating a service and starting a step charge coins through core.actions (idempotency record, debit and job
rows in one transaction; enqueue after commit); creating one is two statements (core.workbench.creation). The
per-user cap on services in flight is checked under the wallet row lock, so two tabs starting services at the
same moment cannot both slip under it. Every function takes the signed-in user's id and refuses another user's
service as NotFound. Prices are quoted before confirming by core.workbench.quotes; pages read results through
core.workbench.views.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import jobs, ledger, ocr
from core.actions import ActionResult, Reservation, run_action, run_charging_action
from core.config import get_settings
from core.errors import InvalidInput, LimitReached, UserError
from core.llm.registry import price_for
from core.workbench import creation, preview
from core.workbench.context import latest_match, latest_version, owned_service
from core.workbench.jd_image import read_jd_image
from core.workbench.jd_text import MAX_JD_CHARS, MIN_JD_CHARS, clean_pasted_jd
from core.workbench.language import detect_lang
from core.workbench.quotes import service_price
from core.workbench.views import FINAL_FAILURES, latest_steps
from db.models import Job, Service
from db.session import unit_of_work

PARALLEL = "parallel"  # a job queued beside Match: an extraction creates none; a Customize lets it send first
RETRY_STEPS = ("extract", "match")  # the steps a service runs by itself; Customize and Interview start on demand
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
RESUME_REQUIRED = "assets.error.resume_required"  # the page turns this key into a link to Profile


def _check_lang(lang: str | None) -> str | None:
    if lang is not None and lang not in ("zh", "en"):
        raise InvalidInput("workbench.error.bad_lang")
    return lang


def _check_cap(session: Session, user_id: uuid.UUID, service_id: uuid.UUID | None = None) -> None:
    """Refuse a new piece of work beyond the per-user cap; the caller's transaction holds the wallet lock."""
    jobs.lock_user(session, user_id)
    if service_id is not None and active_jobs(session, service_id):
        return  # this service already counts; a new step does not add one
    _refuse_beyond_cap(jobs.services_in_flight(session, user_id))


def _refuse_beyond_cap(in_flight: int) -> None:
    """LimitReached when the user already has the most services in flight the settings allow."""
    cap = get_settings().max_services_in_flight
    if in_flight >= cap:
        raise LimitReached("workbench.error.too_many_services", limit=cap)


def active_jobs(session: Session, service_id: uuid.UUID, kind: str | None = None) -> list[Job]:
    """The service's queued or running jobs (of one kind, with `kind`)."""
    stmt = select(Job).where(Job.service_id == service_id, Job.state.in_(jobs.ACTIVE_STATES))
    if kind is not None:
        stmt = stmt.where(Job.kind == kind)
    return list(session.scalars(stmt))


def _queued(service_id: uuid.UUID, job: jobs.QueuedJob) -> ActionResult:
    """The result of a command that queued one job: {"service_id", "job_id", "queue", "price"}; the job is
    enqueued after commit."""
    data = {"service_id": str(service_id), "job_id": str(job.id), "queue": job.queue, "price": job.price}
    return ActionResult(data=data, enqueue=[(str(job.id), job.queue)])


def _validate_jd(jd_text: str | None, jd_image: bytes | None) -> tuple[str, str | None, bytes | None]:
    if (jd_text is None or not jd_text.strip()) == (jd_image is None or not jd_image):
        raise InvalidInput("workbench.error.jd_missing")
    if jd_image:
        if len(jd_image) > get_settings().upload_max_bytes:
            raise InvalidInput("workbench.error.image_too_large")
        if not jd_image.startswith(_IMAGE_MAGIC):
            raise InvalidInput("workbench.error.image_type")
        ocr.check_pixels(jd_image)  # a pixel bomb is refused here, before any charge
        return "image", None, jd_image
    text = clean_pasted_jd(jd_text or "")
    if len(text) < MIN_JD_CHARS:
        raise InvalidInput("workbench.error.jd_too_short", minimum=MIN_JD_CHARS)
    if len(text) > MAX_JD_CHARS:
        raise InvalidInput("workbench.error.jd_too_long", limit=MAX_JD_CHARS)
    return "text", text, None


def create_service(
    user_id: uuid.UUID,
    *,
    idempotency_key: str,
    jd_text: str | None = None,
    jd_image: bytes | None = None,
    output_lang: str | None = None,
    tailor: bool = False,
) -> ActionResult:
    """Charge the service price (or route free), create the service and its jobs, enqueue them after commit.

    Match starts at once, beside the model's extraction (see `_parallel_steps`): a screenshot is read by OCR
    here, in the click, so its text is there for Match as a pasted JD's is. With `tailor` Customize is bought and
    started too. Returns {"service_id", "job_id" (extraction),
    "queue", "price", "match_job_id"?, "customize_job_id"?}. Raises UserError("assets.error.resume_required")
    without a ready resume and LimitReached("workbench.error.too_many_services") at the cap.
    """
    source, text, image = _validate_jd(jd_text, jd_image)
    _check_lang(output_lang)
    if image is not None:  # read now: an image that is no JD is refused before any charge, with what it says
        text = read_jd_image(image)
    # The posting as the page's preview read it: Match starts from that read (core.workbench.preview).
    prepared = preview.prepared_for(user_id, text) if image is None and text else None
    service = creation.NewService(
        id=uuid.uuid4(),
        jd_source=source,
        jd_text=text,
        jd_image=image,
        output_lang=output_lang or (detect_lang(text) if text else None),
        jd_model_enc=prepared.stored if prepared is not None else None,
    )
    steps = _parallel_steps(user_id, service.id, tailor)

    def body(session: Session, reservation: Reservation) -> ActionResult:
        queue = ledger.quote_for(reservation.balance, service_price(tailor)).queue
        data = _created(service.id, steps, queue)
        creation.create_service_with_jobs(session, reservation, service, steps, queue, data, _refuse_creation)
        return ActionResult(data=data, enqueue=[(str(step.id), queue) for step in steps])

    return run_charging_action(user_id, idempotency_key, body)


def _parallel_steps(user_id: uuid.UUID, service_id: uuid.UUID, tailor: bool) -> list[jobs.NewJob]:
    """Match, the model's extraction and (with `tailor`) Customize, all queued at once on one queue.

    Match holds the service's debit and Customize its own, so a final failure of either refunds exactly that
    step, once (core.jobs.fail). Extraction only refines the stored summary: it costs nothing and its failure
    refunds nothing, since Match works from the JD's document model without it. The queue is chosen once for
    the whole price (under the wallet lock), so a user short of coins gets every step free, never one step paid
    and the next free.
    """

    def new(kind: str, price: int, memo: str, params: dict[str, Any]) -> jobs.NewJob:
        return jobs.NewJob(user_id, kind, price, memo, service_id=service_id, params=params)

    steps = [new("match", price_for("match"), "service", {})]
    if tailor:
        steps.append(new("customize", price_for("customize"), "customize", {PARALLEL: True}))
    return [*steps, new("extract", 0, "service", {PARALLEL: True})]


def _created(service_id: uuid.UUID, steps: list[jobs.NewJob], queue: str) -> dict[str, Any]:
    """The click's result: {"service_id", "job_id" (the extraction), "queue", "price", "match_job_id"?,
    "customize_job_id"?}, known before the writes (the ids are made here, the queue under the lock)."""
    data: dict[str, Any] = {
        "service_id": str(service_id),
        "queue": queue,
        "price": sum(step.price for step in steps) if queue == "paid" else 0,
    }
    for step in steps:
        data["job_id" if step.kind == "extract" else f"{step.kind}_job_id"] = str(step.id)
    return data


def _refuse_creation(checked: creation.Checked) -> None:
    _refuse_beyond_cap(checked.in_flight)
    if checked.resume_asset_id is None:
        raise UserError(RESUME_REQUIRED)


def _start_step(user_id: uuid.UUID, service_id: uuid.UUID, key: str, kind: str, lang: str | None) -> ActionResult:
    _check_lang(lang)

    def body(session: Session) -> ActionResult:
        _check_cap(session, user_id, service_id)
        service = owned_service(session, user_id, service_id, lock=True)
        if active_jobs(session, service.id, kind):
            raise UserError("workbench.error.step_running")
        if kind == "customize" and latest_match(session, service.id) is None:
            raise UserError("workbench.error.match_first")
        if kind == "interview" and latest_version(session, service.id) is None:
            raise UserError("workbench.error.customize_first")
        job = jobs.create_job(
            session,
            jobs.NewJob(
                user_id=user_id,
                kind=kind,
                price=price_for(kind),
                memo=kind,
                service_id=service.id,
                params={"lang": lang} if lang else {},
            ),
        )
        return _queued(service.id, job)

    return run_action(user_id, key, body)


def start_customize(
    user_id: uuid.UUID, service_id: uuid.UUID, idempotency_key: str, lang: str | None = None
) -> ActionResult:
    """Charge settings.price_customize (or route free) and queue Customize; needs a successful Match."""
    return _start_step(user_id, service_id, idempotency_key, "customize", lang)


def start_interview(
    user_id: uuid.UUID, service_id: uuid.UUID, idempotency_key: str, lang: str | None = None
) -> ActionResult:
    """Charge settings.price_interview (or route free) and queue Interview; needs a tailored resume."""
    return _start_step(user_id, service_id, idempotency_key, "interview", lang)


def settled_steps(session: Session, user_id: uuid.UUID, service_id: uuid.UUID) -> tuple[Service, dict[str, Job]]:
    """The user's service (locked) and its latest job per step, for re-running a step: within the cap and
    only while nothing of the service runs (else "workbench.error.step_running")."""
    _check_cap(session, user_id, service_id)
    service = owned_service(session, user_id, service_id, lock=True)
    if active_jobs(session, service.id):
        raise UserError("workbench.error.step_running")
    return service, latest_steps(session, [service.id]).get(service.id, {})


def retry_step(user_id: uuid.UUID, service_id: uuid.UUID, step: str, idempotency_key: str) -> ActionResult:
    """Run a failed job extraction ('extract') or Match ('match') again on the same service.

    Charged like a new service (the failed run was refunded), or free when coins are short; a final failure
    refunds it again, exactly once. Refused with "workbench.error.nothing_to_retry" unless that step's latest
    run failed and nothing of the service is still running. A successful re-run of job extraction goes on to
    Match, which carries the debit, as on creation. Returns {"service_id", "job_id", "queue", "price"}.
    """
    if step not in RETRY_STEPS:
        raise InvalidInput("workbench.error.bad_step")

    def body(session: Session) -> ActionResult:
        service, latest = settled_steps(session, user_id, service_id)
        last = latest.get(step)
        if last is None or last.state not in FINAL_FAILURES:
            raise UserError("workbench.error.nothing_to_retry")
        if step == "extract" and (service.job_summary_json is not None or "match" in latest):
            raise UserError("workbench.error.nothing_to_retry")
        no_jd = service.job_summary_json is None and service.jd_text is None  # Match reads a pasted JD by itself
        if step == "match" and (no_jd or latest_match(session, service.id) is not None):
            raise UserError("workbench.error.nothing_to_retry")
        job = jobs.create_job(
            session,
            jobs.NewJob(
                user_id=user_id,
                kind=step,
                price=price_for("match"),  # the service price covers extraction and Match
                memo="service" if step == "extract" else "match",
                service_id=service.id,
            ),
        )
        return _queued(service.id, job)

    return run_action(user_id, idempotency_key, body)


def set_output_lang(user_id: uuid.UUID, service_id: uuid.UUID, lang: str) -> None:
    """Switch the language later steps write in (the JD's language by default)."""
    _check_lang(lang)
    with unit_of_work() as session:
        owned_service(session, user_id, service_id).output_lang = lang
