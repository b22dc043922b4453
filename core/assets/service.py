"""Asset use cases: what the Profile page, the workbench, tasks and tests call.

Uploading validates the file synchronously (no charge for a bad file), stores it encrypted as the new
current asset of its kind, and creates the summary job in the same transaction as the debit and the
idempotency record (core.actions.run_action); the job runs in the background. Older versions stay in the
table, no longer current, so results a service produced from them remain explainable.
Every function checks ownership: another user's asset id behaves exactly like a missing one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ScalarSelect, func, select, update
from sqlalchemy.orm import Session

from core import jobs, ledger
from core.actions import ActionResult, run_action
from core.assets import crypto
from core.assets.pdf import validate_pdf
from core.assets.schema import ResumeSummary
from core.config import get_settings
from core.errors import InvalidInput, LimitReached, NotFound, UserError
from core.facts.model import DocumentModel
from core.kinds import ASSET_KINDS, AssetKind, normalize_lang
from core.llm.registry import price_for
from db.models import Asset, Job, User
from db.session import unit_of_work

PENDING = ("queued", "processing")
MAX_FILENAME = 300


@dataclass(frozen=True)
class AssetView:
    """One asset as the page lists it: metadata only, never content."""

    id: uuid.UUID
    kind: str
    is_current: bool
    filename: str
    status: str
    error_key: str | None
    page_count: int
    size_bytes: int
    created_at: datetime
    charged_price: int = 0  # coins its latest job took (0: free queue): a failure says refunded or not charged
    queue: str = "free"  # its latest job's: a job priced 0 on the paid queue did not run "on the free queue"

    @property
    def pending(self) -> bool:
        return self.status in PENDING


class CurrentSummaries(NamedTuple):
    """What a new service is built on: the current resume (ready) and, if any, the current career history."""

    resume: ResumeSummary
    detailed: ResumeSummary | None
    resume_asset_id: uuid.UUID
    detailed_asset_id: uuid.UUID | None


def _check_kind(kind: str) -> AssetKind:
    if kind not in ASSET_KINDS:
        raise InvalidInput("assets.error.kind")
    return kind


def quote_upload(user_id: uuid.UUID, kind: str) -> ledger.Quote:
    """Price, balance and queue an upload of `kind` would get now (shown before the user confirms)."""
    price = price_for(_check_kind(kind))
    with unit_of_work() as session:
        return ledger.quote(session, user_id, price)


def upload_asset(user_id: uuid.UUID, kind: str, filename: str, data: bytes, idempotency_key: str) -> ActionResult:
    """Validate, store encrypted as the current asset, charge and queue its summary job; returns at once.

    Returns {"asset_id", "job_id", "queue"}. A repeated key returns the first call's result and charges
    nothing more. An invalid file raises InvalidInput before anything is written or charged.
    """
    asset_kind = _check_kind(kind)
    info = validate_pdf(data)
    file_enc = crypto.encrypt_bytes(data)
    price = price_for(asset_kind)

    def body(session: Session) -> ActionResult:
        jobs.lock_user(session, user_id)  # one upload per user at a time keeps "one current per kind" simple
        _check_uploads_in_flight(session, user_id)
        session.execute(
            update(Asset)
            .where(Asset.user_id == user_id, Asset.kind == asset_kind, Asset.is_current.is_(True))
            .values(is_current=False)
        )
        asset = Asset(
            id=uuid.uuid4(),
            user_id=user_id,
            kind=asset_kind,
            is_current=True,
            filename=_safe_filename(filename),
            size_bytes=info.size_bytes,
            page_count=info.page_count,
            file_enc=file_enc,
            status="queued",
        )
        session.add(asset)
        session.flush()
        return _queue_summary_job(session, user_id, asset, price)

    return run_action(user_id, idempotency_key, body)


def _check_uploads_in_flight(session: Session, user_id: uuid.UUID) -> None:
    """Refuse (before any charge) a new upload while the user already has the cap of uploads being read.

    Only services were capped: a user with 0 coins had 12 uploads in flight on the free queue.
    """
    cap = get_settings().max_uploads_in_flight
    in_flight = session.scalar(
        select(func.count())
        .select_from(Job)
        .where(Job.user_id == user_id, Job.kind.in_(ASSET_KINDS), Job.state.in_(jobs.ACTIVE_STATES))
    )
    if (in_flight or 0) >= cap:
        raise LimitReached("assets.error.busy", max=cap)


def retry_asset(user_id: uuid.UUID, asset_id: uuid.UUID, idempotency_key: str) -> ActionResult:
    """Run the summary job again for a failed asset; charges (or routes free) like a new upload."""

    def body(session: Session) -> ActionResult:
        asset = session.scalar(select(Asset).where(Asset.id == asset_id, Asset.user_id == user_id).with_for_update())
        if asset is None:
            raise NotFound("asset")
        if asset.status != "failed":
            raise UserError("assets.error.not_failed")
        asset.status = "queued"
        asset.error_key = None
        session.flush()
        return _queue_summary_job(session, user_id, asset, price_for(asset.kind))

    return run_action(user_id, idempotency_key, body)


def _queue_summary_job(session: Session, user_id: uuid.UUID, asset: Asset, price: int) -> ActionResult:
    lang = normalize_lang(session.scalar(select(User.lang).where(User.id == user_id)))
    job = jobs.create_job(
        session,
        jobs.NewJob(
            user_id=user_id,
            kind=asset.kind,
            price=price,
            memo=asset.kind,
            asset_id=asset.id,
            params={"lang": lang},
        ),
    )
    data = {"asset_id": str(asset.id), "job_id": str(job.id), "queue": job.queue}
    return ActionResult(data=data, enqueue=[(str(job.id), job.queue)])


def list_assets(user_id: uuid.UUID) -> list[AssetView]:
    """The user's assets, current ones first, newest first within a kind."""

    def latest_job(column: Any, default: Any) -> Any:
        latest = select(column).where(Job.asset_id == Asset.id).order_by(Job.created_at.desc()).limit(1)
        return func.coalesce(latest.correlate(Asset).scalar_subquery(), default)

    with unit_of_work() as session:
        rows = session.execute(
            select(
                Asset.id,
                Asset.kind,
                Asset.is_current,
                Asset.filename,
                Asset.status,
                Asset.error_key,
                Asset.page_count,
                Asset.size_bytes,
                Asset.created_at,
                latest_job(Job.price, 0),
                latest_job(Job.queue, "free"),
            )
            .where(Asset.user_id == user_id)
            .order_by(Asset.kind, Asset.is_current.desc(), Asset.created_at.desc())
        ).all()
    return [AssetView(*row) for row in rows]


def get_summary(user_id: uuid.UUID, asset_id: uuid.UUID) -> ResumeSummary | None:
    """The structured summary of one of the user's assets; None while it is not ready."""
    with unit_of_work() as session:
        asset = _owned(session, user_id, asset_id)
        return ResumeSummary.model_validate(asset.summary_json) if asset.summary_json else None


def summary_engine(user_id: uuid.UUID, asset_id: uuid.UUID) -> str:
    """Who wrote the asset's summary: "offline" or the model's name ("" before it is ready)."""
    with unit_of_work() as session:
        asset = _owned(session, user_id, asset_id)
        return str((asset.summary_json or {}).get("engine") or "")


def get_text(user_id: uuid.UUID, asset_id: uuid.UUID) -> str | None:
    """The decrypted extracted text (for grounding tailored resumes); None until extraction has run."""
    with unit_of_work() as session:
        asset = _owned(session, user_id, asset_id)
        return crypto.decrypt_text(asset.text_enc) if asset.text_enc else None


@dataclass(frozen=True)
class Reading:
    """What code read from one document: its text and its document model, and who wrote its summary."""

    text: str
    model: DocumentModel
    summary_source: str | None  # "model", "offline", "document" (the model's summary was rejected), None


def get_reading(user_id: uuid.UUID, asset_id: uuid.UUID) -> Reading | None:
    """The extracted text and document model of one of the user's assets; None until they are computed."""
    with unit_of_work() as session:
        asset = _owned(session, user_id, asset_id)
        if asset.text_enc is None or asset.model_enc is None:
            return None
        model = DocumentModel.from_json(json.loads(crypto.decrypt_text(asset.model_enc)))
        return Reading(text=crypto.decrypt_text(asset.text_enc), model=model, summary_source=asset.summary_source)


def delete_asset(user_id: uuid.UUID, asset_id: uuid.UUID) -> None:
    """Delete the asset, its encrypted file and text now; a job still pending is cancelled and refunded."""
    with unit_of_work() as session:
        asset = _owned(session, user_id, asset_id)
        active = session.scalars(
            select(Job.id).where(Job.asset_id == asset.id, Job.state.in_(jobs.ACTIVE_STATES))
        ).all()
        for job_id in active:
            jobs.fail(
                session,
                job_id,
                error_key="assets.error.deleted",
                detail="asset deleted",
                from_states=jobs.ACTIVE_STATES,
                final_state="cancelled",
            )
        session.delete(asset)


def current_resume_ready(user_id: uuid.UUID) -> bool:
    """True when a general resume with its summary exists (every service needs it): the current one, or the
    last ready version while a newer upload is still processing or has failed."""
    with unit_of_work() as session:
        return _usable(session, user_id, "resume") is not None


def resume_fallback(user_id: uuid.UUID) -> str | None:
    """The current resume's status ("queued", "processing", "failed") when services use an earlier ready
    version instead; None when the current one is used (or none is usable). The page says so."""
    with unit_of_work() as session:
        current = _current(session, user_id, "resume")
        usable = _usable(session, user_id, "resume")
        if current is None or usable is None or usable.id == current.id:
            return None
        return current.status


def current_summaries(user_id: uuid.UUID) -> CurrentSummaries:
    """Summaries a new service uses; raises UserError("assets.error.resume_required") without a ready resume."""
    with unit_of_work() as session:
        return load_current_summaries(session, user_id)


def load_current_summaries(session: Session, user_id: uuid.UUID) -> CurrentSummaries:
    """`current_summaries` inside the caller's transaction (a use case creating a service).

    A re-upload that is still processing or has failed does not block the user: the last ready version of
    each kind is used until the new one is ready.
    """
    resume = _usable(session, user_id, "resume")
    if resume is None or resume.summary_json is None:
        raise UserError("assets.error.resume_required")
    detailed = _usable(session, user_id, "detailed_resume")
    return CurrentSummaries(
        resume=ResumeSummary.model_validate(resume.summary_json),
        detailed=ResumeSummary.model_validate(detailed.summary_json) if detailed and detailed.summary_json else None,
        resume_asset_id=resume.id,
        detailed_asset_id=detailed.id if detailed else None,
    )


def usable_asset_query(user_id: Any, kind: AssetKind) -> ScalarSelect[uuid.UUID]:
    """The id of the asset of `kind` a new service reads, for a value or a bound parameter: the current one
    when ready, else the newest ready earlier version (a re-upload still processing does not block the user)."""
    return (
        select(Asset.id)
        .where(Asset.user_id == user_id, Asset.kind == kind, Asset.status == "ready", Asset.summary_json.is_not(None))
        .order_by(Asset.is_current.desc(), Asset.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def _usable(session: Session, user_id: uuid.UUID, kind: AssetKind) -> Asset | None:
    """The asset a new service reads: the current one when ready, else the newest ready earlier version."""
    return session.scalar(select(Asset).where(Asset.id == usable_asset_query(user_id, kind)))


def _current(session: Session, user_id: uuid.UUID, kind: AssetKind) -> Asset | None:
    return session.scalar(select(Asset).where(Asset.user_id == user_id, Asset.kind == kind, Asset.is_current.is_(True)))


def _owned(session: Session, user_id: uuid.UUID, asset_id: uuid.UUID) -> Asset:
    asset = session.scalar(select(Asset).where(Asset.id == asset_id, Asset.user_id == user_id))
    if asset is None:
        raise NotFound("asset")
    return asset


def _safe_filename(name: str) -> str:
    """Keep the base name only (no client path), printable, bounded."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    return (cleaned or "upload.pdf")[:MAX_FILENAME]
