"""Tailored resume versions and their export: save (a new version, free), list, view, restore, PDF.

Version 1 is what Customize generated; every save or restore appends a version, so nothing the user wrote
is ever overwritten. Each version carries its own grounding report and projected score, recomputed by code
on save, so an edit that introduces an unsupported claim is flagged before export.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotFound, UserError
from core.facts.grounding import check, report_json
from core.workbench import export
from core.workbench.context import latest_match, owned_service
from core.workbench.coverage import projected_score
from core.workbench.schemas import Coverage
from db.models import ResumeVersion
from db.session import unit_of_work

MAX_MARKDOWN_CHARS = 50_000


@dataclass(frozen=True)
class VersionInfo:
    version: int
    created_at: datetime
    projected_score: int | None
    generated: bool  # made by Customize (True) or saved by the user


@dataclass(frozen=True)
class VersionView:
    id: uuid.UUID
    version: int
    markdown: str
    sources: list[Any]
    grounding: dict[str, Any]
    projected_score: int | None
    created_at: datetime


def _view(row: ResumeVersion) -> VersionView:
    return VersionView(
        id=row.id,
        version=row.version,
        markdown=row.markdown,
        sources=list(row.sources_json or []),
        grounding=dict(row.grounding_json or {"ok": True, "flags": []}),
        projected_score=row.projected_score,
        created_at=row.created_at,
    )


def add_version(
    session: Session,
    service_id: uuid.UUID,
    markdown: str,
    *,
    job_id: uuid.UUID | None = None,
    sources: list[Any] | None = None,
    grounding: dict[str, Any] | None = None,
    projected: int | None = None,
) -> ResumeVersion:
    """Append the next version number; the service row lock serializes concurrent saves."""
    from db.models import Service

    session.execute(select(Service.id).where(Service.id == service_id).with_for_update())
    current = session.scalar(select(func.max(ResumeVersion.version)).where(ResumeVersion.service_id == service_id))
    row = ResumeVersion(
        service_id=service_id,
        job_id=job_id,
        version=int(current or 0) + 1,
        markdown=markdown,
        sources_json=sources,
        grounding_json=grounding,
        projected_score=projected,
    )
    session.add(row)
    session.flush()
    return row


def _checked(session: Session, service_id: uuid.UUID, markdown: str) -> tuple[dict[str, Any], int | None]:
    """Grounding report and projected score of `markdown` against this service's documents."""
    from core.workbench.offline import load_docs

    docs = load_docs(session, service_id)
    flags = check(markdown, [d for d in (docs.resume, docs.detailed) if d is not None], docs.job)
    match = latest_match(session, service_id)
    projected = None
    if match is not None:
        data = match.result_json
        coverage = Coverage.model_validate(data.get("coverage") or {})
        projected = projected_score(int(data.get("overall_score", 0)), coverage, markdown)
    return report_json(flags), projected


def _row(session: Session, service_id: uuid.UUID, version: int | None) -> ResumeVersion:
    stmt = select(ResumeVersion).where(ResumeVersion.service_id == service_id)
    stmt = stmt.where(ResumeVersion.version == version) if version is not None else stmt
    row = session.scalar(stmt.order_by(ResumeVersion.version.desc()).limit(1))
    if row is None:
        raise NotFound("version")
    return row


def save_version(user_id: uuid.UUID, service_id: uuid.UUID, markdown: str) -> VersionView:
    """Save the editor's Markdown as a new version (free); the grounding check runs again."""
    if not markdown.strip():
        raise InvalidInput("workbench.error.empty_resume")
    if len(markdown) > MAX_MARKDOWN_CHARS:
        raise InvalidInput("workbench.error.resume_too_long", limit=MAX_MARKDOWN_CHARS)
    with unit_of_work() as session:
        owned_service(session, user_id, service_id, lock=True)
        previous = session.scalar(
            select(ResumeVersion).where(ResumeVersion.service_id == service_id).order_by(ResumeVersion.version.desc())
        )
        if previous is None:
            raise UserError("workbench.error.customize_first")
        grounding, projected = _checked(session, service_id, markdown)
        row = add_version(
            session, service_id, markdown, sources=previous.sources_json, grounding=grounding, projected=projected
        )
        return _view(row)


def list_versions(user_id: uuid.UUID, service_id: uuid.UUID) -> list[VersionInfo]:
    """Newest first."""
    with unit_of_work() as session:
        owned_service(session, user_id, service_id)
        rows = session.scalars(
            select(ResumeVersion).where(ResumeVersion.service_id == service_id).order_by(ResumeVersion.version.desc())
        )
        return [
            VersionInfo(
                version=r.version,
                created_at=r.created_at,
                projected_score=r.projected_score,
                generated=r.job_id is not None,
            )
            for r in rows
        ]


def get_version(user_id: uuid.UUID, service_id: uuid.UUID, version: int | None = None) -> VersionView:
    """One version (the latest when `version` is None)."""
    with unit_of_work() as session:
        owned_service(session, user_id, service_id)
        return _view(_row(session, service_id, version))


def restore_version(user_id: uuid.UUID, service_id: uuid.UUID, version: int) -> VersionView:
    """Make an earlier version current again by saving its content as a new version."""
    with unit_of_work() as session:
        owned_service(session, user_id, service_id, lock=True)
        old = _row(session, service_id, version)
        grounding, projected = _checked(session, service_id, old.markdown)
        row = add_version(
            session, service_id, old.markdown, sources=old.sources_json, grounding=grounding, projected=projected
        )
        return _view(row)


@dataclass(frozen=True)
class ExportResult:
    pdf: bytes
    filename: str
    round_trip: export.RoundTrip
    grounding: dict[str, Any]


def export_pdf(user_id: uuid.UUID, service_id: uuid.UUID, version: int | None = None) -> ExportResult:
    """The version as a PDF (free), with its text round-trip check and its grounding flags."""
    with unit_of_work() as session:
        service = owned_service(session, user_id, service_id)
        row = _row(session, service_id, version)
        markdown, number, lang = row.markdown, row.version, service.output_lang or "en"
        grounding = dict(row.grounding_json or {"ok": True, "flags": []})
        title = service.title
    pdf = export.to_pdf(markdown, lang)
    return ExportResult(
        pdf=pdf,
        filename=_filename(title, number),
        round_trip=export.check_round_trip(markdown, pdf),
        grounding=grounding,
    )


@dataclass(frozen=True)
class ScreenExport:
    result: ExportResult
    saved: int | None  # the version the text on screen was saved as first; None when it was the shown one


def export_on_screen(user_id: uuid.UUID, service_id: uuid.UUID, markdown: str, shown: int) -> ScreenExport:
    """Export exactly the text on screen: unsaved edits are saved as a new version first,
    so the PDF, the version list and the grounding report all describe the same text."""
    saved = None
    if markdown != get_version(user_id, service_id, shown).markdown:
        saved = save_version(user_id, service_id, markdown).version
    return ScreenExport(result=export_pdf(user_id, service_id, saved or shown), saved=saved)


def preview_pages(user_id: uuid.UUID, service_id: uuid.UUID, markdown: str) -> list[bytes]:
    """The editor's current Markdown rendered exactly as the PDF would be, one PNG per page."""
    if len(markdown) > MAX_MARKDOWN_CHARS:
        raise InvalidInput("workbench.error.resume_too_long", limit=MAX_MARKDOWN_CHARS)
    with unit_of_work() as session:
        lang = owned_service(session, user_id, service_id).output_lang or "en"
    return export.render_pages(export.to_pdf(markdown, lang))


def check_markdown(user_id: uuid.UUID, service_id: uuid.UUID, markdown: str) -> dict[str, Any]:
    """The grounding report of unsaved editor content (what saving it would record)."""
    with unit_of_work() as session:
        owned_service(session, user_id, service_id)
        grounding, _projected = _checked(session, service_id, markdown)
        return grounding


def _filename(title: str, version: int) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).strip().replace(" ", "_")
    return f"resume_{safe[:60] or 'tailored'}_v{version}.pdf"
