"""A construction project manager (tests/data/resume/construction_pm_en.txt) against a healthcare builder's posting
(tests/data/jd/brasfield_healthcare_pm.txt).

Before: the name line "MICHAEL R. DONOVAN, PMP" was the contact's place, so the tailored resume's contact line
repeated the name and lost "Columbus, OH"; a role written "Greystone Construction Group - Indianapolis, IN" /
"Project Engineer" / "03/2014 - 07/2016" lost its dates and made its title a bullet ("- Project engineer on …"
begins with the title's words); "Lean construction / Last Planner System" asked for lean manufacturing, and "degree
in Construction Management, Civil Engineering or related field" was a gap in civil engineering for a construction
manager.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "construction_pm_en.txt", "brasfield_healthcare_pm.txt"


def test_the_name_line_is_no_place() -> None:
    contact = read_document(fixture("resume", RESUME), "resume").contact
    assert (contact.name, contact.location) == ("MICHAEL R. DONOVAN", "Columbus, OH 43215")
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert markdown.splitlines()[1].count("DONOVAN") == 0 and "Columbus, OH 43215" in markdown.splitlines()[1]


def test_a_title_line_that_a_bullet_begins_with_stays_the_header() -> None:
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert "### Greystone Construction Group - Indianapolis, IN | 03/2014 - 07/2016\nProject Engineer\n" in markdown
    assert "\n- Project Engineer\n" not in markdown


def test_lean_construction_and_a_degree_fields_choice() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert "lean construction" in job.nice_to_have and "lean manufacturing" not in job.nice_to_have
    status = coverage_status(RESUME, POSTING)
    assert "civil engineering" not in status  # met by the construction management degree: neither gap nor point
    assert status["construction management"] == "resume"
