"""An actuarial analyst's two-column resume (tests/data/resume/actuarial_analyst_two_column_en.txt) against a P&C
insurer's pricing actuary posting (tests/data/jd/pricing_actuary_pc_insurer.txt).

Before: the exams passed ("Exam P (Probability) – Passed Jan 2022") were no credentials, "Exam SRM" was an aircraft's
structural repair manual, the posting's "ASA or FCAS preferred" asked for nothing, "Excel / VBA" proved no Excel, and
"B.S. Actuarial Science, Minor" + "in Statistics" (a narrow column's wrap) made the school "in Statistics".
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture

ANALYST, INSURER = "actuarial_analyst_two_column_en.txt", "pricing_actuary_pc_insurer.txt"


def test_the_exams_passed_are_held_and_the_one_sitting_is_not() -> None:
    doc = read_document(fixture("resume", ANALYST), "resume")
    assert {"Exam P", "Exam FM", "Exam SRM"} <= set(doc.certifications)
    assert "Exam MAS-I" not in doc.certifications  # "Exam MAS-I – Sitting May 2025"
    assert "aircraft maintenance manuals" not in doc.skills
    assert [(e.org, e.title) for e in doc.education] == [("University of Connecticut", "B.S. Actuarial Science")]


def test_the_posting_asks_for_the_designations_and_excel_is_met() -> None:
    _, job = read_job(fixture("jd", INSURER))
    assert {"asa", "fcas"} <= set(job.nice_to_have)
    status = coverage_status(ANALYST, INSURER)
    assert status["excel"] == "resume"
    assert status["asa"] == status["fcas"] == "missing"  # not yet an associate


def test_an_anaesthetists_class_and_a_benefits_account_are_no_designations() -> None:
    resume = "Jane Doe\nEXPERIENCE\nVet Tech, Acme, 2019 - 2024\n- Monitored ASA I-IV patients\n"
    assert read_document(resume, "resume").certifications == []
    assert "fsa" not in read_job("Analyst\nAcme\nRequirements\n- SQL\nBenefits\n- Medical, FSA/HSA\n")[1].nice_to_have
