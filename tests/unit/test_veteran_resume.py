"""A soldier's resume for a civilian job (tests/data/resume/veteran_ops_en.txt) and a distribution-center posting
(tests/data/jd/dc_ops_manager.txt), read as a military-to-civilian resume writes them.

Before: each role's employer and post ("U.S. Army, 82nd Airborne Division — Fort Liberty, NC") stood on the line
over its title and dates, with the rank and pay grade bracketed after the title ("Supply Sergeant (SSG/E-6)"). The
grade was read as the employer ("Senior Logistics Noncommissioned Officer at SFC/E-7"), a sergeant was no title, and
each employer's line became the last bullet of the role above it in the tailored resume. The degree written with
its grade after the year ("…, 2022 (GPA 3.6)") was not read at all, so the Match said the role's bachelor's degree
was missing. An expired certificate was "in progress", and a heading's capitals ("OPERATIONS & LOGISTICS LEADER")
were the tailored skills list's "LOGISTICS".
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline

RESUME, POSTING = "veteran_ops_en.txt", "dc_ops_manager.txt"


def test_each_role_has_its_employer_post_and_rank() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    roles = [(e.org, e.title, e.location, e.start, e.end) for e in doc.entries if e.kind == "experience"]
    assert roles == [
        ("U.S. Army, 82nd Airborne Division", "Senior Logistics Noncommissioned Officer (SFC/E-7)", "Fort Liberty, NC",
         "2021-06", "present"),
        ("U.S. Army, 3rd Infantry Division", "Supply Sergeant (SSG/E-6)", "Fort Stewart, GA", "2016-08", "2021-05"),
        ("U.S. Army", "Automated Logistical Specialist (SGT/E-5)", "Camp Humphreys, Republic of Korea", "2012-03",
         "2016-07"),
    ]  # fmt: skip
    assert [len(e.bullets) for e in doc.entries if e.kind == "experience"] == [5, 4, 2]


def test_the_degree_with_its_grade_after_the_year_is_read() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    degree = next(e for e in doc.entries if e.kind == "education")
    assert (degree.org, degree.title, degree.end, degree.gpa) == (
        "University of Maryland Global Campus",
        "Bachelor of Science",
        "2022",
        "3.6",
    )
    out = run_offline(RESUME, POSTING, "en")
    assert not [g.gap for g in out["match"].gaps if "degree" in g.gap]
    assert out["match"].breakdown.education == 100


def test_the_tailored_resume_keeps_each_employer_over_its_role() -> None:
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert "### U.S. Army, 3rd Infantry Division — Fort Stewart, GA\nSupply Sergeant (SSG/E-6) · Aug 2016" in markdown
    assert "- U.S. Army" not in markdown  # no employer's line left as a bullet of the role above
    skills = markdown.split("## CORE COMPETENCIES\n", 1)[1].split("\n", 1)[0]
    assert skills.startswith("Logistics · ") and "LOGISTICS" not in skills


def test_the_pitch_names_the_employer_not_the_pay_grade() -> None:
    pitch = run_offline(RESUME, POSTING, "en")["match"].self_pitch
    assert "at U.S. Army, 82nd Airborne Division" in pitch
    assert "at SFC/E-7" not in pitch


def test_an_expired_certificate_is_no_longer_current_and_a_candidacy_in_progress() -> None:
    jd = "Logistics Program Manager\nRequirements\n- PMP certification required\n- CompTIA Security+ required\n"
    from core.facts.read import read_job
    from tests.unit.test_offline_engine import Service

    doc = read_document(fixture("resume", RESUME), "resume")
    jd_model, job = read_job(jd)
    gaps = [g.gap for g in Service(doc, None, jd_model, job, "en").run()["match"].gaps]
    assert (
        "CompTIA Security+ is required; your documents show it no longer current: “CompTIA Security+ (expired 2020)”"
        in gaps
    )
    assert "PMP is required; your documents show it in progress: “PMP candidate”" in gaps
    zh = [g.gap for g in Service(doc, None, jd_model, job, "zh").run()["match"].gaps]
    assert any("已不在有效期内" in g for g in zh)


def test_the_postings_keywords_meet_what_the_resume_shows() -> None:
    status = coverage_status(RESUME, POSTING)
    for keyword in ("logistics", "warehouse management", "sap", "excel", "osha 30", "six sigma"):
        assert status[keyword] == "resume", keyword
    _, _, job = read_pair(RESUME, POSTING)
    assert (job.title, job.company, job.location) == (
        "Operations Manager",
        "Mercer Foods Distribution",
        "Charlotte, NC",
    )
    assert job.degree_required == "bachelor"
