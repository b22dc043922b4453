"""Job handlers for `resume` and `detailed_resume`: extract the text, read it, then summarise it.

The text and its document model (core.facts, computed by code) are saved encrypted before any model call,
so a retry does not redo OCR. The model's summary is checked against the document model: an empty or
invented one is a failed attempt. When every attempt fails, the coin is refunded and the document model's
own view stands in as the summary (said so on the page). A document with no readable text fails the job
with a user-facing key: asking a model to summarise nothing would only produce invented content.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from core.assets import crypto
from core.assets.pdf import extract_text
from core.assets.prompts import summary_messages
from core.assets.schema import ResumeSummary
from core.errors import UserError
from core.facts.model import DocumentModel
from core.facts.outputs import check_summary
from core.facts.read import read_document
from core.jobs import Claim
from core.worker import BaseHandler, FollowUp, JobContext
from db.models import Asset, Job
from db.session import unit_of_work


@dataclass(frozen=True)
class SummaryResult:
    summary: ResumeSummary
    ocr_pages: int
    chars: int
    engine: str = ""  # "offline" or the model that wrote the summary


class AssetSummaryHandler(BaseHandler):
    """Shared by both asset kinds; only the prompt wording differs."""

    is_stream = False

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def on_started(self, session: Session, claim: Claim) -> None:
        asset = _asset(session, claim.asset_id)
        if asset is not None and asset.status != "ready":
            asset.status = "processing"
            asset.error_key = None

    def run(self, ctx: JobContext) -> Any:
        text, doc, ocr_pages = _reading(ctx.asset_id, ctx.kind)
        if not text.strip():
            raise UserError("assets.error.no_text")
        ctx.keeper.check()
        lang = str(ctx.params.get("lang", "en"))
        if ctx.offline:
            summary = ctx.offline_reply(lambda: _offline_summary(doc, lang), stream=False)
        else:
            summary = ctx.structured(ResumeSummary, summary_messages(text, ctx.kind, lang), stream=False)
            check_summary(summary, doc)  # an empty or invented summary is a failed attempt (retried, then refunded)
        return SummaryResult(summary=summary, ocr_pages=ocr_pages, chars=len(text), engine=ctx.spec.engine_label)

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        assert isinstance(result, SummaryResult)
        asset = _asset(session, job.asset_id)
        if asset is not None:
            asset.summary_json = {**result.summary.model_dump(mode="json"), "engine": result.engine}
            asset.summary_source = "offline" if result.engine == "offline" else "model"
            asset.status = "ready"
            asset.error_key = None
        job.params = {**(job.params or {}), "ocr_pages": result.ocr_pages, "chars": result.chars}
        return []

    def on_failed(self, session: Session, job: Job) -> None:
        """The job is refunded; if the document was read, its own view stands in for the model's summary."""
        asset = _asset(session, job.asset_id)
        if asset is None:
            return
        asset.error_key = (job.error_key or "error.internal")[:100]
        doc = _stored_model(asset)
        if doc is not None and doc.has_content() and asset.summary_json is None:
            from core import offline

            lang = str((job.params or {}).get("lang", "en"))
            asset.summary_json = {**offline.summarize(doc, lang).model_dump(mode="json"), "engine": "offline"}
            asset.summary_source = "document"
            asset.status = "ready"
        elif asset.status != "ready" or asset.summary_json is None:
            asset.status = "failed"


def _stored_model(asset: Asset) -> DocumentModel | None:
    if asset.model_enc is None:
        return None
    return DocumentModel.from_json(json.loads(crypto.decrypt_text(asset.model_enc)))


def _offline_summary(doc: DocumentModel, lang: str) -> ResumeSummary:
    """The offline engine's summary: the document model's own view of the text."""
    from core import offline

    return offline.summarize(doc, lang)


def _asset(session: Session, asset_id: uuid.UUID | None) -> Asset | None:
    return session.get(Asset, asset_id) if asset_id is not None else None


def _reading(asset_id: uuid.UUID | None, kind: str) -> tuple[str, DocumentModel, int]:
    """The asset's text, its document model and how many pages needed OCR; computed once, then kept encrypted.

    The document model is built by code before any model call: it is what every output is checked against.
    """
    with unit_of_work() as session:
        asset = _asset(session, asset_id)
        if asset is None or asset.file_enc is None:
            raise UserError("error.not_found", what="asset")
        if asset.text_enc is not None and asset.model_enc is not None:
            text = crypto.decrypt_text(asset.text_enc)
            return text, DocumentModel.from_json(json.loads(crypto.decrypt_text(asset.model_enc))), 0
        known_text = crypto.decrypt_text(asset.text_enc) if asset.text_enc is not None else None
        data = crypto.decrypt_bytes(asset.file_enc) if known_text is None else b""
    ocr_pages = 0
    if known_text is None:
        extraction = extract_text(data)
        known_text, ocr_pages = extraction.text, extraction.ocr_pages
    doc = read_document(known_text, kind)
    with unit_of_work() as session:
        asset = _asset(session, asset_id)
        if asset is not None:
            asset.text_enc = crypto.encrypt_text(known_text)
            asset.model_enc = crypto.encrypt_text(json.dumps(doc.to_json(), ensure_ascii=False))
    return known_text, doc, ocr_pages
