"""A financial advisor's resume and an RIA's wealth advisor posting (tests/data/resume/financial_advisor_en.txt,
tests/data/jd/lakeshore_wealth_advisor.txt), read in the trade's own words.

Before: "client referrals and CPA/estate-attorney centers of influence" made him a CPA and "Mentor two associate
advisors through their Series 65 and CFP coursework" gave him Series 65: the offline pitch said "I hold CFP, CPA"
(and later "FINRA Series 65"). His "LICENSES & DESIGNATIONS" were no certificates section, "FINRA Series 7, 66"
held no licence the vocabulary knew, and the posting's "comprehensive financial planning" was corporate FP&A.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline, skills_named

RESUME, POSTING = "financial_advisor_en.txt", "lakeshore_wealth_advisor.txt"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Generate 60% of new assets from client referrals and CPA/estate-attorney centers of influence", set()),
        ("Partner with CPAs and estate attorneys on client plans", set()),
        ("Mentor two associate advisors through their Series 65 and CFP coursework", set()),
        ("Coached 12 nurses to pass the CCRN exam", set()),
        ("Earned my CFP in 2019; mentored two associates", {"cfp"}),
        ("CFA, ChFC or CPA/PFS", {"cfa", "chfc", "cpa/pfs"}),
        ("FINRA Series 7, 66 · ChFC", {"series 7", "series 66", "chfc"}),
        ("Series 7, 63 and 65 licensed", {"series 7", "series 63", "series 65"}),
        ("Minnesota Life, Accident & Health Insurance License", {"life and health insurance license"}),
    ],
)
def test_a_certificate_the_person_holds_not_one_others_hold(text: str, held: set[str]) -> None:
    assert {hit.canonical for hit in get_vocabulary().certifications_in(text)} == held


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Develop comprehensive financial plans for high-net-worth households", "personal financial planning"),
        ("7+ years of experience in wealth management or financial planning", "personal financial planning"),
        ("Own budgeting and financial planning for the CFO's monthly close", "financial planning and analysis"),
    ],
)
def test_financial_planning_for_a_family_or_for_a_company(text: str, meant: str) -> None:
    found = skills_named(text)
    other = {"personal financial planning", "financial planning and analysis"} - {meant}
    assert meant in found and not other & found


def test_the_advisor_holds_what_his_designations_section_says() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [s.canonical for s in doc.sections if s.title == "LICENSES & DESIGNATIONS"] == ["certifications"]
    assert doc.certifications == [
        "CFP",
        "FINRA Series 7",
        "Series 66",
        "Accident & Health Insurance License",
        "ChFC (in progress)",
    ]
    match = run_offline(RESUME, POSTING, "en")["match"]
    assert "I hold CFP and FINRA Series 66." in match.self_pitch
    assert "CPA" not in match.self_pitch and "Series 65" not in match.self_pitch
    assert any("in progress" in gap.gap and "ChFC" in gap.gap for gap in match.gaps)


def test_the_posting_asks_for_a_planners_licences_and_tools() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert {"cfp", "series 65", "series 66", "personal financial planning", "emoney", "moneyguidepro"} <= set(
        job.must_have
    )
    assert {"retirement planning", "tax planning", "estate planning"} <= set(job.must_have)
    assert {"cfa", "chfc", "cpa/pfs", "life and health insurance license", "orion advisor"} <= set(job.nice_to_have)
    assert "financial planning and analysis" not in job.must_have
    assert not any(duty.startswith("Lakeshore Private Wealth is") for duty in job.responsibilities)


def test_the_advisor_meets_the_posting_with_his_own_lines() -> None:
    status = coverage_status(RESUME, POSTING)
    assert status["cfp"] == status["series 66"] == status["emoney"] == status["retirement planning"] == "resume"
    assert "series 65" not in status  # "Series 65 or Series 66": his 66 meets it
    assert status["cpa/pfs"] == "missing"
