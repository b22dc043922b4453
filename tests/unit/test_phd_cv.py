"""A statistics PhD's academic CV (tests/data/resume/phd_stats_cv_en.txt) and an experimentation posting
(tests/data/jd/ml_scientist_marketplace.txt).

Before: the posting's "large-scale data processing (Spark or similar)" asked for data entry (a required gap the
candidate could only fail); the research assistantship's employer was "Department of Statistics" (the pitch: "…
Graduate Research Assistant at Department of Statistics"), the CV's "TEACHING" heading was no heading (each course
taught was a role at an employer named "TEACHING"), and "Fall 2021, Winter 2022" began in 2022.
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline, skills_named

RESUME, POSTING = "phd_stats_cv_en.txt", "ml_scientist_marketplace.txt"


def test_large_scale_data_processing_is_big_data_not_data_entry() -> None:
    _, _, job = read_pair(RESUME, POSTING)
    assert "data entry" not in job.must_have
    assert "big data" in job.must_have
    assert skills_named("Experience with large-scale data processing (Spark or similar)") >= {"big data"}
    assert "data entry" in skills_named("Data entry clerk: 80 WPM, accurate data input into SAP")
    assert not run_offline(RESUME, POSTING, "en")["match"].gaps


def test_the_roles_of_an_academic_cv() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    roles = [(e.org, e.title, e.start, e.end) for e in doc.entries if e.kind == "experience"]
    assert roles == [
        ("Department of Statistics, University of Michigan", "Graduate Research Assistant", "2020-09", "present"),
        ("Lyft", "Data Science Intern", "2023-05", "2023-08"),
        ("", "Graduate Student Instructor, STATS 250: Introduction to Statistics", "2021", "2022"),
        ("", "Graduate Student Instructor, STATS 415: Data Mining", "2022", "2022"),
    ]
    assert any(s.canonical == "experience" and s.title.strip() == "TEACHING" for s in doc.sections)
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert "## TEACHING\n" in markdown and "### TEACHING" not in markdown


def test_the_pitch_names_the_university() -> None:
    pitch = run_offline(RESUME, POSTING, "en")["match"].self_pitch
    assert "Graduate Research Assistant at Department of Statistics, University of Michigan" in pitch


def test_what_the_cv_meets() -> None:
    status = coverage_status(RESUME, POSTING)
    for keyword in ("causal inference", "experimental design", "python", "sql", "apache spark", "big data"):
        assert status[keyword] == "resume", keyword
