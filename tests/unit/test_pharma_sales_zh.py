"""A Chinese pharmaceutical rep's resume and an oncology rep posting (tests/data/resume/pharma_rep_zh.txt,
tests/data/jd/oncology_rep_zh.txt), read in the trade's own words.

Before: "维护 KOL 医生 20+ 位" was influencer marketing, and the posting's pluses were "sales", "quota attainment",
"influencer marketing" and "compliance": nothing of academic promotion (学术推广), hospital access (医院准入),
department meetings (科室会), the oncology line (肿瘤) or Veeva was known.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, skills_named

RESUME, POSTING = "pharma_rep_zh.txt", "oncology_rep_zh.txt"


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("维护 KOL 医生 20+ 位", "kol management"),
        ("Built KOL relationships with thoracic oncologists", "kol management"),
        ("小红书 KOL 投放与达人合作，ROI 3.2", "influencer marketing"),
        ("Managed a KOL program of 40 beauty creators", "influencer marketing"),
    ],
)
def test_a_kol_beside_doctors_is_a_key_opinion_leader_not_an_influencer(text: str, meant: str) -> None:
    found = skills_named(text)
    assert meant in found and not ({"kol management", "influencer marketing"} - {meant}) & found


def test_a_life_support_course_is_no_cardiology() -> None:
    vocab = get_vocabulary()
    assert "cardiovascular" not in {h.canonical for h in vocab.skills_in("Advanced Cardiovascular Life Support (ACLS)")}
    assert "cardiovascular" in {h.canonical for h in vocab.skills_in("负责心血管产品线的学术推广")}


def test_the_posting_asks_for_the_reps_own_work() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert {"medical sales", "crm", "driver's license"} <= set(job.must_have)
    assert {"academic promotion", "hospital access", "medical education events", "oncology"} <= set(job.nice_to_have)
    assert "kol management" in job.nice_to_have and "influencer marketing" not in job.nice_to_have


def test_the_rep_meets_the_posting_with_her_own_lines() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert {"academic promotion", "kol management", "hospital access", "veeva crm", "oncology"} <= set(doc.skills)
    assert "influencer marketing" not in doc.skills
    status = coverage_status(RESUME, POSTING)
    assert all(status[k] == "resume" for k in ("academic promotion", "hospital access", "kol management", "oncology"))
    assert status["learning agility"] == "missing"
