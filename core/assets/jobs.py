"""Job handlers for `resume` and `detailed_resume`: extract the text, then summarise it with the LLM.

The text is extracted once and saved encrypted before the LLM call, so an upstream retry does not redo
OCR. A document with no readable text fails the job with a user-facing key (the engine refunds it):
asking a model to summarise nothing would only produce invented content.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy.orm import Session

from core.assets import crypto
from core.assets.pdf import extract_text
from core.assets.prompts import summary_messages
from core.assets.schema import ResumeSummary
from core.errors import UserError
from core.jobs import Claim
from core.worker import BaseHandler, FollowUp, JobContext, register
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
        text, ocr_pages = _text_of(ctx.asset_id)
        if not text.strip():
            raise UserError("assets.error.no_text")
        ctx.keeper.check()
        lang = str(ctx.params.get("lang", "en"))
        if ctx.offline:
            summary = ctx.offline_reply(lambda: _offline_summary(text, ctx.kind, lang), stream=False)
        else:
            summary = ctx.structured(ResumeSummary, summary_messages(text, ctx.kind, lang), stream=False)
        return SummaryResult(summary=summary, ocr_pages=ocr_pages, chars=len(text), engine=ctx.spec.engine_label)

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        assert isinstance(result, SummaryResult)
        asset = _asset(session, job.asset_id)
        if asset is not None:
            asset.summary_json = {**result.summary.model_dump(mode="json"), "engine": result.engine}
            asset.status = "ready"
            asset.error_key = None
        job.params = {**(job.params or {}), "ocr_pages": result.ocr_pages, "chars": result.chars}
        return []

    def on_failed(self, session: Session, job: Job) -> None:
        asset = _asset(session, job.asset_id)
        if asset is not None:
            asset.status = "failed"
            asset.error_key = (job.error_key or "error.internal")[:100]


def _offline_summary(text: str, kind: str, lang: str) -> ResumeSummary:
    """The offline engine's summary: the document model's own view of the text."""
    from core import offline
    from core.facts.model import DocKind
    from core.facts.read import read_document

    return offline.summarize(read_document(text, cast(DocKind, kind)), lang)


def _asset(session: Session, asset_id: uuid.UUID | None) -> Asset | None:
    return session.get(Asset, asset_id) if asset_id is not None else None


def _text_of(asset_id: uuid.UUID | None) -> tuple[str, int]:
    """The asset's extracted text (and how many pages needed OCR), extracting and saving it on first use."""
    with unit_of_work() as session:
        asset = _asset(session, asset_id)
        if asset is None or asset.file_enc is None:
            raise UserError("error.not_found", what="asset")
        if asset.text_enc is not None:
            return crypto.decrypt_text(asset.text_enc), 0
        data = crypto.decrypt_bytes(asset.file_enc)
    extraction = extract_text(data)
    with unit_of_work() as session:
        asset = _asset(session, asset_id)
        if asset is not None:
            asset.text_enc = crypto.encrypt_text(extraction.text)
    return extraction.text, extraction.ocr_pages


register(AssetSummaryHandler("resume"))
register(AssetSummaryHandler("detailed_resume"))
