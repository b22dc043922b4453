"""What the offline engine reads for one service: the candidate's documents and the JD, as code read them."""

from __future__ import annotations

from dataclasses import dataclass

from core.facts.model import DocumentModel, JobFacts


@dataclass(frozen=True)
class ServiceDocuments:
    """The resume and optional career history (the only sources of facts), the JD and its facts, the output language."""

    resume: DocumentModel
    detailed: DocumentModel | None
    jd: DocumentModel
    job: JobFacts
    lang: str
