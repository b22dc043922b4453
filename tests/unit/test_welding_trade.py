"""A pipe welder's resume and a refinery turnaround posting (tests/data/resume/pipe_welder_en.txt, tests/data/jd/
bayou_pipe_welder.txt), read in the trade's own words.

The welder's skills read as "AWS" (Amazon Web Services, from "AWS D1.1", the American Welding Society's structural
code), "torch" and "QC"; the posting asked for nothing but OSHA and blueprint reading, since no welding process,
test position or credential (6G, TWIC, ASME Section IX) was known; and "High School Diploma — Scotlandville Magnet
High School" made the diploma the school.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture


@pytest.mark.parametrize(
    ("line", "amazon"),
    [
        ("AWS D1.1 Structural Steel – SMAW & FCAW, all positions", False),
        ("AWS CWI since 2019; AWS B2.1 procedure qualification", False),
        ("AWS D1.1 and ASME Section IX certified", False),
        ("AWS Certified Solutions Architect – Associate", True),
        ("Deployed services on AWS (ECS, RDS) with Terraform", True),
    ],
)
def test_the_welding_societys_codes_are_not_amazon_web_services(line: str, amazon: bool) -> None:
    found = {hit.canonical for hit in get_vocabulary().skills_in(line)}
    assert ("aws" in found) is amazon


def test_the_posting_asks_for_the_trades_processes_tests_and_credentials() -> None:
    _, job = read_job(fixture("jd", "bayou_pipe_welder.txt"))
    assert {"6g", "twic", "gtaw", "smaw", "pipe welding", "weld symbols", "blueprint reading"} <= set(job.must_have)
    assert {"asme section ix", "rigging"} <= set(job.nice_to_have)
    # "Able to work at heights and in confined spaces" is a physical ability, asked of every candidate: no keyword
    asked = {*job.must_have, *job.nice_to_have}
    assert not asked & {"working at heights", "confined space entry"}
    _, electrician = read_job(fixture("jd", "ironbridge_electrician_foreman.txt"))
    assert "working at heights" not in {*electrician.must_have, *electrician.nice_to_have}


def test_the_welder_meets_the_posting_with_his_own_lines() -> None:
    resume = read_document(fixture("resume", "pipe_welder_en.txt"), "resume")
    assert "aws" not in resume.skills
    assert {"AWS D1.1 Structural Steel", "TWIC Card"} <= set(resume.certifications)
    status = coverage_status("pipe_welder_en.txt", "bayou_pipe_welder.txt")
    assert status["6g"] == status["twic"] == status["gtaw"] == status["asme section ix"] == "resume"
    # "OSHA 10 or OSHA 30": his OSHA 30 meets both (the thirty-hour card holds the ten-hour one)
    assert status["osha 30"] == status.get("osha 10", "resume") == "resume"


def test_a_diploma_that_names_a_school_word_is_the_degree_not_the_school() -> None:
    doc = read_document(fixture("resume", "pipe_welder_en.txt"), "resume")
    assert [(e.org, e.title, e.end) for e in doc.education] == [
        ("Baton Rouge Community College", "Diploma", "2015"),  # "Diploma, Welding Technology — …"
        ("Scotlandville Magnet High School", "High School Diploma", "2013"),
    ]
