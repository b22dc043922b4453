"""A clinical social worker's resume and a psychiatric unit's posting (tests/data/resume/social_worker_en.txt,
tests/data/jd/mercy_behavioral_social_worker.txt), read in the trade's own words.

Before: her Master of Social Work was no education entry ("…, 2017 — Clinical concentration": a note after the
year), so the Match said "The role asks for a master's degree; your documents show bachelor's"; "Emergency
Department Social Worker" was no title; "motivational interviewing" was a recruiter's interviewing, "suicide risk
assessments" risk management, "C-SSRS" SQL Server Reporting Services and "DBT skills" the data build tool; no
social work licence was known; the posting's place was "Inpatient" and its licences only preferred.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline, skills_named

RESUME, POSTING = "social_worker_en.txt", "mercy_behavioral_social_worker.txt"


def test_a_degree_with_a_note_after_its_year_is_an_education_entry() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.degree_level) for e in doc.education] == [
        ("The Ohio State University", "Master of Social Work", "master"),
        ("Ohio University", "B.A. Psychology", "bachelor"),
    ]
    assert doc.entries[0].title == "Emergency Department Social Worker"
    match = run_offline(RESUME, POSTING, "en")["match"]
    assert not any("master" in gap.gap for gap in match.gaps)


@pytest.mark.parametrize(
    ("text", "meant", "not_meant"),
    [
        ("Provided group therapy (CBT, DBT skills, motivational interviewing)", "dialectical behavior therapy", "dbt"),
        ("Built dbt models on Snowflake and Airflow", "dbt", "dialectical behavior therapy"),
        ("Provided group therapy (CBT, DBT skills, motivational interviewing)", "motivational interviewing", "x"),
        ("Structured interviews with hiring managers", "interviewing", "motivational interviewing"),
        ("Complete suicide risk assessments (C-SSRS) per shift", "suicide risk assessment", "ssrs"),
        ("Complete suicide risk assessments (C-SSRS) per shift", "suicide risk assessment", "risk management"),
        ("Built SSRS reports for finance", "ssrs", "suicide risk assessment"),
    ],
)
def test_a_clinicians_words_in_their_own_sense(text: str, meant: str, not_meant: str) -> None:
    found = skills_named(text)
    assert meant in found and not_meant not in found


def test_computer_based_training_is_no_therapy() -> None:
    assert "cbt" not in {hit.canonical for hit in get_vocabulary().skills_in("Built CBT modules for new hires")}


def test_the_posting_asks_for_either_licence_and_prefers_the_higher() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert (job.title, job.company, job.location) == (
        "Licensed Clinical Social Worker",
        "Mercy Behavioral Health Institute",
        "Dayton, OH",
    )
    assert job.degree_required == "master"
    assert {"lisw", "lsw", "42 cfr part 2", "hipaa"} <= set(job.must_have)
    assert "lisw-s" in job.nice_to_have
    assert {"psychosocial assessment", "crisis intervention", "suicide risk assessment", "mandated reporting"} <= set(
        job.nice_to_have
    )


def test_the_social_worker_meets_the_posting_with_her_own_lines() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert "Licensed Independent Social Worker with Supervision Designation" in doc.certifications
    status = coverage_status(RESUME, POSTING)
    assert status["lisw"] == status["lisw-s"] == status["crisis intervention"] == "resume"
    assert status["suicide risk assessment"] == status["mandated reporting"] == status["ehr"] == "resume"
    assert "lsw" not in status  # "LISW or LSW": her LISW-S meets it
    assert status["42 cfr part 2"] == status["family therapy"] == "missing"


def test_epic_in_her_skills_list_is_the_record_system_named_once() -> None:
    """Against a nurse's posting asking for "Epic EHR", her tailored skills list read "Epic EHR · … · Epic": the
    posting's name for what her bullet proved ("Document in Epic") beside her own listed "Epic", unread."""
    skills_line = run_offline(RESUME, "indeed_nurse.txt", "en")["customize"].markdown.split("## SKILLS\n")[1]
    items = skills_line.splitlines()[0].split(" · ")
    assert items.count("Epic") == 1 and "Epic EHR" not in items
    assert "epic ehr" in skills_named("Case management · Epic · HIPAA")
    assert not skills_named("Unreal Engine 5, Epic Online Services, Steamworks") & {"epic ehr"}


def test_her_licence_wrapped_by_the_column_is_one_item_of_the_tailored_list() -> None:
    """Her licence's board and number wrapped to a line of their own ("… Social Worker & MFT" + "Board — #I.1234567,
    exp. 11/2026"): the tailored LICENSURE list had two items, the second a board with no licence."""
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    licences = markdown.split("## LICENSURE\n")[1].split("\n\n")[0].splitlines()
    assert licences == [
        "- Licensed Independent Social Worker with Supervision Designation (LISW-S), Ohio Counselor, Social Worker"
        " & MFT Board — #I.1234567, exp. 11/2026",
        "- CPR/First Aid (American Red Cross), current",
    ]
