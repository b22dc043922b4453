"""A career changer's functional resume (tests/data/resume/functional_en.txt: accomplishments grouped by skill,
then a work history of titles and years) and an HR generalist posting (tests/data/jd/hr_generalist_tampa.txt).

Before: "RELEVANT SKILLS & ACCOMPLISHMENTS" was no section the tailored resume kept, so her tailored resume held her
profile, a skills line and three bare job titles: every deed she wrote was gone. Her certificate course under her
degree ("Certificate in Human Resource Management, eCornell, 2024"), read as no school's entry, was gone too.
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "functional_en.txt", "hr_generalist_tampa.txt"


def test_the_accomplishments_are_kept_under_their_own_headings() -> None:
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert (
        "## RELEVANT SKILLS & ACCOMPLISHMENTS\n\n### Recruiting & Onboarding\n- Hired 120+ hourly associates"
        in markdown
    )
    for deed in ("Ran quarterly engagement surveys", "Processed weekly payroll for 45 employees in ADP Workforce Now"):
        assert f"- {deed}" in markdown
    assert "- Recruiting & Onboarding" not in markdown  # a heading of her list, not one of its items


def test_the_pitch_and_the_introduction_tell_deeds_not_headings() -> None:
    out = run_offline(RESUME, POSTING, "en")
    assert "Recruiting & Onboarding" not in out["match"].self_pitch
    intro = out["interview"].self_intro_1min
    assert "fits this HR Generalist role: Hired 120+ hourly associates" in intro
    assert "Recruiting & Onboarding;" not in intro


def test_a_certificate_course_under_the_degree_stays() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title) for e in doc.entries if e.kind == "education"] == [
        ("University of South Florida", "B.A. Psychology")
    ]
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert "### Certificate in Human Resource Management, eCornell, 2024" in markdown


def test_what_the_resume_meets() -> None:
    status = coverage_status(RESUME, POSTING)
    for keyword in ("recruiting", "onboarding", "employee relations", "excel"):
        assert status[keyword] == "resume", keyword
    assert status["shrm-cp"] == "missing"  # "SHRM-CP candidate": worked towards, not held


def test_a_strength_named_by_a_sub_heading_quotes_the_deed_under_it() -> None:
    """ "Recruiting: “Recruiting & Onboarding”" proved recruiting by the heading's own words; the first item under it
    shows it."""
    strengths = run_offline(RESUME, POSTING, "en")["match"].strengths
    recruiting = next(s for s in strengths if s.startswith("Recruiting:"))
    assert "Hired 120+ hourly associates over five years" in recruiting
    assert not any("“Recruiting & Onboarding”" in s for s in strengths)
    # of the items under it, the one that names the keyword: "Onboarding" is the checklist, not the hiring
    onboarding = next(s for s in run_offline(RESUME, "datadog_csm.txt", "en")["match"].strengths if "Onboarding:" in s)
    assert "Built a one-week onboarding checklist" in onboarding
