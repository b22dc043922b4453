"""What a workbench step reads before it calls the model: the service's documents and retrieved knowledge.

A service keeps the asset versions it started from (services.resume_asset_id / detailed_asset_id), so a
later Customize or Interview uses the same facts as its Match even if the user uploaded a new resume since.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.config import get_settings
from core.errors import NotFound
from core.logging import log_event
from db.models import MatchResult, ResumeVersion, Service

_log = logging.getLogger("core.workbench")


def latest_match(session: Session, service_id: uuid.UUID) -> MatchResult | None:
    return session.scalar(
        select(MatchResult).where(MatchResult.service_id == service_id).order_by(MatchResult.created_at.desc()).limit(1)
    )


def latest_version(session: Session, service_id: uuid.UUID) -> ResumeVersion | None:
    return session.scalar(
        select(ResumeVersion)
        .where(ResumeVersion.service_id == service_id)
        .order_by(ResumeVersion.version.desc())
        .limit(1)
    )


@dataclass
class Retrieved:
    prompt: str  # passages formatted for the prompt ('' when none)
    record: list[Any]  # what jobs.retrieved keeps, for "why this advice"
    passages: list[Any] = field(default_factory=list)  # the passages themselves (the offline engine reads them)


def retrieve(task_kind: str, query: str, lang: str) -> Retrieved:
    """Top-k knowledge passages for a step. Advice without passages beats no advice: a retrieval failure
    is logged (class name only) and the step goes on without them."""
    from core import retrieval

    try:
        passages = retrieval.retrieve_for_task(task_kind, query, lang, get_settings().rag_top_k)
        return Retrieved(
            prompt=retrieval.passages_as_prompt(passages), record=retrieval.as_record(passages), passages=passages
        )
    except Exception as exc:
        log_event(_log, "retrieval_failed", logging.WARNING, taskName=task_kind, error=type(exc).__name__)
        return Retrieved(prompt="", record=[])


def owned_service(session: Session, user_id: uuid.UUID, service_id: uuid.UUID, *, lock: bool = False) -> Service:
    """The user's service, or NotFound — another user's service looks exactly like a missing one."""
    stmt = select(Service).where(Service.id == service_id, Service.user_id == user_id)
    if lock:
        stmt = stmt.with_for_update()
    service = session.scalar(stmt)
    if service is None:
        raise NotFound("service")
    return service
