"""A physical therapist's posting and resume in the vocabulary's words (tests/data/jd/lakeway_outpatient_pt.txt).

The posting's preferred list read as "multilingual communication, technical documentation, mentoring": a clinician's
Medicare documentation was technical writing, the board certifications, dry needling, blood flow restriction and
pelvic health were no keywords, and a clinical instructor for DPT students had not shown mentoring. The offline
estimate was 91 with "Mentoring" as its main gap, then 100 with no word of the pelvic health she lacks.
"""

from __future__ import annotations

import pytest

from core.facts.coverage import cover
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture


@pytest.mark.parametrize(
    ("line", "technical"),
    [
        ("Document in WebPT and meet Medicare documentation requirements", False),
        ("Documentation in WebPT; met 100% of Medicare progress-note audits", False),
        ("Timely nursing documentation in Epic", False),
        ("Wrote API documentation and user manuals for the SDK", True),
        ("Maintain documentation for the build pipeline", True),
    ],
)
def test_a_clinicians_documentation_is_not_technical_writing(line: str, technical: bool) -> None:
    found = {hit.canonical for hit in get_vocabulary().skills_in(line)}
    assert ("technical documentation" in found) is technical


def test_the_postings_preferred_list_names_what_a_therapist_is_asked_for() -> None:
    _, job = read_job(fixture("jd", "lakeway_outpatient_pt.txt"))
    assert set(job.must_have) == {"bls", "physical therapy"}
    assert {"ocs", "scs", "dry needling", "bfr training", "pelvic health", "mentoring"} <= set(job.nice_to_have)
    assert "technical documentation" not in job.nice_to_have


def test_a_clinical_instructor_for_students_shows_mentoring() -> None:
    resume = read_document("Sam Lee\nExperience\nAcme Rehab, Physical Therapist\n2019-01 – 2024-01\n"
                           "- Clinical instructor (CI) for 6 DPT students", "resume")  # fmt: skip
    assert cover(["mentoring"], resume, None)[0].status == "resume"


def test_one_board_certification_of_a_choice_meets_it() -> None:
    """ "OCS or SCS board certification": an OCS is no SCS gap, as "Python 或 R" is met by Python."""
    status = coverage_status("physical_therapist_en.txt", "lakeway_outpatient_pt.txt")
    assert status["ocs"] == "resume" and "scs" not in status
    assert status["pelvic health"] == "missing"
    assert status["dry needling"] == status["bfr training"] == status["mentoring"] == "resume"
