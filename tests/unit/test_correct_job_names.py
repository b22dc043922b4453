"""correct_job keeps a company or title the JD names even when OCR split or glued its words, and still replaces
one the JD does not name (issue 20's journey: OCR read "North wind Data", and the service was titled by the
reader's guess, "Senior · Data Platform Engineer", instead of the company the model read)."""

from __future__ import annotations

from core.facts.outputs import correct_job
from core.facts.read import read_job
from core.workbench.schemas import JobSummary
from testkit.fakes import replies

OCR_TEXT = (
    "North wind Data is hiring\nData Platform Engineer(Senior)\nLocation: Berlin,hybrid\n"
    "You will own our batch and streaming pipelines.\nMust have: Python, Kafka, Airflow, PostgreSQL\n"
    "Nice to have:dbt,Kubernetes\nMentor engineers and keep cloud costs down."
)


def _corrected(company: str, title: str) -> JobSummary:
    jd, facts = read_job(OCR_TEXT)
    summary = JobSummary.model_validate({**replies.JOB_SUMMARY, "company": company, "title": title})
    return correct_job(summary, jd, facts)


def test_a_company_ocr_split_in_two_is_still_the_jds() -> None:
    corrected = _corrected("Northwind Data", "Data Platform Engineer")
    assert (corrected.company, corrected.title) == ("Northwind Data", "Data Platform Engineer")


def test_a_name_the_jd_does_not_hold_is_still_replaced() -> None:
    assert _corrected("Northwind Data", "Platform Engineer Lead").title != "Platform Engineer Lead"
    assert _corrected("Orth", "Data Platform Engineer").company != "Orth"  # letters inside a word are no name
    assert _corrected("Wind Data", "Data Platform Engineer").company == "Wind Data"  # whole words of the JD
