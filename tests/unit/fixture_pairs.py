"""A fixture resume and posting (tests/data/resume, tests/data/jd), read and run through the offline steps: what
the tests of one trade's pair share (a physical therapist's, a welder's, an ICU nurse's…)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.facts.model import DocumentModel, JobFacts
from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage

DATA = Path(__file__).resolve().parents[1] / "data"


def fixture(kind: str, name: str) -> str:
    """tests/data/<kind>/<name> as text."""
    return (DATA / kind / name).read_text(encoding="utf-8")


def read_pair(resume: str, jd: str) -> tuple[DocumentModel, DocumentModel, JobFacts]:
    """The resume's model, the posting's model and its facts, from their fixture names."""
    jd_model, job = read_job(fixture("jd", jd))
    return read_document(fixture("resume", resume), "resume"), jd_model, job


def coverage_status(resume: str, jd: str) -> dict[str, str]:
    """Each of the posting's keywords and its status against the resume (a choice met another way is left out)."""
    doc, jd_model, job = read_pair(resume, jd)
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd_model)
    return {item.keyword: item.status for item in [*coverage.must_have, *coverage.nice_to_have]}


def skills_named(text: str) -> set[str]:
    """The canonical ids of the skills the vocabulary finds in `text` (a trade's words read in their own sense)."""
    from core.facts.vocabulary import get_vocabulary

    return {hit.canonical for hit in get_vocabulary().skills_in(text)}


def run_offline(resume: str, jd: str, lang: str) -> dict[str, Any]:
    """Every offline step of one service on the pair: match, tailored resume, interview."""
    from tests.unit.test_offline_engine import Service

    doc, jd_model, job = read_pair(resume, jd)
    return Service(doc, None, jd_model, job, lang).run()
