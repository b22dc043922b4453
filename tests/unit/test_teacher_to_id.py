"""A teacher turned instructional designer (tests/data/resume/teacher_to_id_en.txt) against a posting copied from
LinkedIn (tests/data/jd/linkedin_instructional_designer.txt), which opens with the site's "About the job".

Before: that panel heading was taken for the posting's first section, so no title or company was read above it
and the pitch never named the role; "a 6-module compliance onboarding course" was no compliance training.
"""

from __future__ import annotations

from core.facts.read import read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "teacher_to_id_en.txt", "linkedin_instructional_designer.txt"


def test_the_posting_under_linkedins_panel_heading() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert (job.title, job.company, job.location) == ("Instructional Designer", "Lumen Health Partners", "Remote, US")
    assert "I'm interested in the Instructional Designer role at Lumen Health Partners." in (
        run_offline(RESUME, POSTING, "en")["match"].self_pitch
    )


def test_a_compliance_course_is_compliance_training() -> None:
    status = coverage_status(RESUME, POSTING)
    assert status["compliance training"] == "resume"
    assert {"articulate 360", "storyboarding", "scorm", "kirkpatrick model", "camtasia"} <= {
        k for k, v in status.items() if v == "resume"
    }
    assert status["addie"] == "missing"  # the resume names backward design, not ADDIE
