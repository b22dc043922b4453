"""The offline engine's side of each workbench step: gather the document models, call core.offline.

A handler whose route is offline calls one function here instead of the model. Document models are the
stored ones (assets.model_enc, services.jd_model_enc) when present and computed from the documents' text
when absent, so a service started before they were stored still runs. Knowledge passages come from the same
retrieval as the AI path; a retrieval failure leaves the step without them rather than failing it.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from core.assets import crypto
from core.errors import NotFound, UserError
from core.facts.model import DocKind, DocumentModel, JobFacts
from core.offline.documents import ServiceDocuments
from core.workbench.schemas import JobSummary
from db.models import Asset, MatchResult, Service
from db.session import unit_of_work


def document_model(
    kind: str, model_enc: bytes | None, text_enc: bytes | None, file_enc: Callable[[], bytes | None]
) -> DocumentModel:
    """An asset's stored document model, else read from its text, else from its file (`file_enc` fetches it)."""
    from core.facts.read import read_document

    if model_enc is not None:
        return DocumentModel.from_json(json.loads(crypto.decrypt_text(model_enc)))
    if text_enc is not None:
        text = crypto.decrypt_text(text_enc)
    elif (file := file_enc()) is not None:
        from core.assets.pdf import extract_text

        text = extract_text(crypto.decrypt_bytes(file)).text
    else:
        raise NotFound("asset")
    return read_document(text, cast(DocKind, kind))


JD_CACHE_SIZE = 64


def jd_models(text: str) -> tuple[DocumentModel, JobFacts]:
    """The JD's document model and job facts, read from its text (a recent text's read is reused)."""
    return jd_from_json(jd_json(text))


def jd_from_json(text: str) -> tuple[DocumentModel, JobFacts]:
    data = json.loads(text)
    return DocumentModel.from_json(data["document"]), JobFacts.from_json(data["job"])


def handed_jd(text: str | None) -> tuple[DocumentModel, JobFacts] | None:
    """The JD's read another step handed over (core.workbench.match_first), if it is one this code reads."""
    if not text:
        return None
    try:
        return jd_from_json(text)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


@functools.lru_cache(maxsize=JD_CACHE_SIZE)
def jd_json(text: str) -> str:
    """The JD's read by code as JSON (jd_from_json reads it back; Match hands it to the steps beside it).

    A pasted JD's extraction, Match and Customize start at the same click and each read the JD before its
    result is stored (~4-6 ms of CPU per read, a tenth of the consumers' Python in a burst): in one process the
    first read serves the others. Kept as text so that every caller gets objects of its own."""
    from core.facts.read import read_job

    jd, job = read_job(text)
    return json.dumps({"document": jd.to_json(), "job": job.to_json()}, ensure_ascii=False)


def _stored(jd_model_enc: bytes | None) -> dict[str, Any] | None:
    """The service's stored read of its JD as JSON data, if it holds one."""
    if jd_model_enc is None:
        return None
    data: Any = json.loads(crypto.decrypt_text(jd_model_enc))
    return data if isinstance(data, dict) else None


def _stored_jd(data: dict[str, Any] | None) -> tuple[DocumentModel, JobFacts] | None:
    """The stored JD models, if the service holds them in a shape this code knows."""
    if data is None:
        return None
    doc = data.get("document") or data.get("model")
    job = data.get("job") or data.get("facts")
    if not isinstance(doc, dict) or not isinstance(job, dict):
        return None
    return DocumentModel.from_json(doc), JobFacts.from_json(job)


def stored_jd(jd_model_enc: bytes | None) -> tuple[DocumentModel, JobFacts] | None:
    """A service's stored read of its JD (the preview's at the click, or the extraction's), if any."""
    return _stored_jd(_stored(jd_model_enc))


def _prepared_coverage(data: dict[str, Any] | None, resume_id: uuid.UUID, detailed_id: uuid.UUID | None) -> str | None:
    """The coverage the page's preview computed beside the stored read (core.workbench.preview), only if it was
    computed from the very documents this service reads."""
    if data is None or not isinstance(coverage := data.get("coverage"), str):
        return None
    if data.get("coverage_for") != [str(resume_id), str(detailed_id) if detailed_id else None]:
        return None
    return coverage


@dataclass(frozen=True)
class StepInputs:
    """What a workbench step reads of its service: the model's job summary ({} while extraction runs), the
    service's output language, and the documents."""

    service_id: uuid.UUID
    job_summary: dict[str, Any]
    output_lang: str
    docs: ServiceDocuments
    jd_read: str | None = None  # the JD's read by code as JSON, when no stored read existed (Match hands it on)
    match_json: dict[str, Any] | None = None  # the service's latest Match result, if any (Customize, Interview)
    prepared_coverage: str | None = None  # the coverage read at paste from these documents (Coverage as JSON)


_RESUME, _DETAILED = aliased(Asset), aliased(Asset)
_LATEST_MATCH = (
    select(MatchResult.result_json)
    .where(MatchResult.service_id == Service.id)
    .order_by(MatchResult.created_at.desc())
    .limit(1)
    .scalar_subquery()
)
_STEP_INPUTS = (
    select(
        _LATEST_MATCH,
        Service.job_summary_json,
        Service.output_lang,
        Service.jd_model_enc,
        Service.jd_text,
        _RESUME.id,
        _RESUME.kind,
        _RESUME.model_enc,
        _RESUME.text_enc,
        _DETAILED.id,
        _DETAILED.kind,
        _DETAILED.model_enc,
        _DETAILED.text_enc,
    )
    .outerjoin(_RESUME, _RESUME.id == Service.resume_asset_id)
    .outerjoin(_DETAILED, _DETAILED.id == Service.detailed_asset_id)
)


def load_step(
    session: Session, service_id: uuid.UUID, lang: str | None = None, handed_jd_json: str | None = None
) -> StepInputs:
    """Everything Match, Customize and Interview read of one service, in one statement.

    `handed_jd_json`: the JD's read Match handed over; used while the service has no stored read.

    Only the columns a step reads: every job of a burst runs this before its upstream request, and loading
    whole ORM rows (a PDF's bytes, summaries decrypted and validated for nothing) in four statements was the
    largest part of a step's CPU before it. The latest Match result comes along (Customize and Interview read
    it; asked apart it was one more round trip before Customize's request). A legacy asset with neither a
    stored model nor text is read from its file, fetched then.
    """
    row = session.execute(_STEP_INPUTS.where(Service.id == service_id)).first()
    if row is None:
        raise NotFound("service")
    match_json, summary_json, output_lang, jd_model_enc, jd_text, r_id, r_kind, r_model, r_text, *detailed = row
    d_id, d_kind, d_model, d_text = detailed
    if r_id is None:
        raise UserError("assets.error.resume_required")

    def file_of(asset_id: uuid.UUID) -> Callable[[], bytes | None]:
        return lambda: session.scalar(select(Asset.file_enc).where(Asset.id == asset_id))

    stored_data = _stored(jd_model_enc)
    stored, read_now = _stored_jd(stored_data) or handed_jd(handed_jd_json), None
    if stored is None:
        read_now = jd_json(jd_text or "")
        stored = jd_from_json(read_now)
    jd, job = stored
    summary = summary_json or {}
    service_lang = output_lang or str(summary.get("language") or job.lang or "en")
    out_lang = lang or service_lang
    docs = ServiceDocuments(
        resume=document_model(r_kind, r_model, r_text, file_of(r_id)),
        detailed=document_model(d_kind, d_model, d_text, file_of(d_id)) if d_id is not None else None,
        jd=jd,
        job=job,
        lang=out_lang if out_lang in ("zh", "en") else "en",
    )
    return StepInputs(
        service_id=service_id,
        job_summary=summary,
        output_lang=service_lang if service_lang in ("zh", "en") else "en",
        docs=docs,
        jd_read=read_now,
        match_json=match_json,
        prepared_coverage=_prepared_coverage(stored_data, r_id, d_id),
    )


def load_docs(session: Session, service_id: uuid.UUID, lang: str | None = None) -> ServiceDocuments:
    """Everything the offline Match, Customize and Interview read for one service."""
    return load_step(session, service_id, lang).docs


def load(service_id: uuid.UUID, lang: str | None = None) -> ServiceDocuments:
    """`load_docs` in a transaction of its own (the handlers call it from the offline engine's slot)."""
    with unit_of_work() as session:
        return load_docs(session, service_id, lang)


def extract_job(text: str) -> JobSummary:
    from core import offline

    jd, job = jd_models(text)
    return offline.extract_job(jd, job)
