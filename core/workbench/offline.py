"""The offline engine's side of each workbench step: gather the document models, call core.offline.

A handler whose route is offline calls one function here instead of the model. Document models are the
stored ones (assets.model_enc, services.jd_model_enc) when present and computed from the documents' text
when absent, so a service started before they were stored still runs. Knowledge passages come from the same
retrieval as the AI path; a retrieval failure leaves the step without them rather than failing it.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, cast

from sqlalchemy.orm import Session

from core.assets import crypto
from core.errors import NotFound, UserError
from core.facts.model import DocKind, DocumentModel, JobFacts
from core.offline.documents import ServiceDocuments
from core.workbench.schemas import JobSummary
from db.models import Asset, Service
from db.session import unit_of_work


def asset_model(asset: Asset) -> DocumentModel:
    """The asset's document model: stored if present, else read from its text (extracted from the file if need be)."""
    from core.facts.read import read_document

    if asset.model_enc is not None:
        return DocumentModel.from_json(json.loads(crypto.decrypt_text(asset.model_enc)))
    if asset.text_enc is not None:
        text = crypto.decrypt_text(asset.text_enc)
    elif asset.file_enc is not None:
        from core.assets.pdf import extract_text

        text = extract_text(crypto.decrypt_bytes(asset.file_enc)).text
    else:
        raise NotFound("asset")
    return read_document(text, cast(DocKind, asset.kind))


def jd_models(text: str) -> tuple[DocumentModel, JobFacts]:
    """The JD's document model and job facts, read from its text."""
    from core.facts.read import read_job

    return read_job(text)


def _stored_jd(service: Service) -> tuple[DocumentModel, JobFacts] | None:
    """The stored JD models, if the service holds them in a shape this code knows."""
    if service.jd_model_enc is None:
        return None
    data: Any = json.loads(crypto.decrypt_text(service.jd_model_enc))
    doc = data.get("document") or data.get("model") if isinstance(data, dict) else None
    job = data.get("job") or data.get("facts") if isinstance(data, dict) else None
    if not isinstance(doc, dict) or not isinstance(job, dict):
        return None
    return DocumentModel.from_json(doc), JobFacts.from_json(job)


def load_docs(session: Session, service_id: uuid.UUID, lang: str | None = None) -> ServiceDocuments:
    """Everything the offline Match, Customize and Interview read for one service."""
    service = session.get(Service, service_id)
    if service is None:
        raise NotFound("service")
    resume = session.get(Asset, service.resume_asset_id) if service.resume_asset_id else None
    if resume is None:
        raise UserError("assets.error.resume_required")
    detailed = session.get(Asset, service.detailed_asset_id) if service.detailed_asset_id else None
    stored = _stored_jd(service)
    jd, job = stored if stored is not None else jd_models(service.jd_text or "")
    summary = service.job_summary_json or {}
    out_lang = lang or service.output_lang or str(summary.get("language") or job.lang or "en")
    return ServiceDocuments(
        resume=asset_model(resume),
        detailed=asset_model(detailed) if detailed is not None else None,
        jd=jd,
        job=job,
        lang=out_lang if out_lang in ("zh", "en") else "en",
    )


def load(service_id: uuid.UUID, lang: str | None = None) -> ServiceDocuments:
    """`load_docs` in a transaction of its own (the handlers call it from the offline engine's slot)."""
    with unit_of_work() as session:
        return load_docs(session, service_id, lang)


def extract_job(text: str) -> JobSummary:
    from core import offline

    jd, job = jd_models(text)
    return offline.extract_job(jd, job)
