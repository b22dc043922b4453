"""The documents' evidence for grounding checks is prepared once per document set and shared, never mixing JDs."""

from __future__ import annotations

from core.facts.grounding import check, evidence_for
from core.facts.model import JobFacts
from core.facts.read import read_document
from testkit.latency import FULL_DETAILED_TEXT, FULL_RESUME_TEXT


def _docs() -> list:
    return [read_document(FULL_RESUME_TEXT, "resume"), read_document(FULL_DETAILED_TEXT, "detailed_resume")]


def test_documents_of_the_same_content_share_one_evidence_and_each_check_keeps_its_own_jd() -> None:
    rust_jd, go_jd = JobFacts(must_have=["Rust"]), JobFacts(must_have=["Go"], nice_to_have=["gRPC"])
    first = evidence_for(_docs(), rust_jd)
    second = evidence_for(_docs(), go_jd)  # read again: equal content, other objects
    assert second.stems is first.stems and second.numbers is first.numbers  # prepared once
    assert first.job_skills == {"Rust"} and second.job_skills == {"Go", "gRPC"}
    assert evidence_for(_docs()).job_skills == set()


def test_other_documents_get_their_own_evidence() -> None:
    other = [read_document(FULL_RESUME_TEXT.replace("Acme Corp", "Hooli"), "resume")]
    assert evidence_for(other).stems is not evidence_for(_docs()).stems
    claims = "### Senior Backend Engineer — Hooli (2019-03 – present)"
    assert not any(f.kind == "employer" for f in check(claims, other))
    assert any(f.kind == "employer" for f in check(claims, _docs()))  # Hooli is no employer of these documents
