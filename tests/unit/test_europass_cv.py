"""A Europass CV (tests/data/resume/europass_logistics_en.txt) and a road-freight posting
(tests/data/jd/raben_logistics_coordinator.txt), read as the format writes them.

Before: its dates are written day first ("01/09/2016–28/02/2020"), so "28/02/2020" was no date, the role ran from
January 2016 to January 2016 with "28/02/2020" in its title, and "01/03/2020–Present" started in January; the name
under "PERSONAL INFORMATION" was not found, so the pitch opened "Hello, I'm Transport Planner at …"; "PERSONAL
SKILLS" was no heading (its language table went under education, its column "WRITING" a skill); and "CMR" (the
road consignment note) was a pharmacist's comprehensive medication review, in the CV and in the posting alike.
"""

from __future__ import annotations

import pytest

from core.facts.dates import find_ranges
from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline, skills_named

RESUME, POSTING = "europass_logistics_en.txt", "raben_logistics_coordinator.txt"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("01/09/2016–28/02/2020 Customer Service Specialist", "2016-09", "2020-02"),  # one writer: both day first
        ("15.03.2019 – 31.12.2021", "2019-03", "2021-12"),
        ("03/15/2021 - 06/30/2022", "2021-03", "2022-06"),  # the US way stays month first
        ("03/2020 – 05/2022", "2020-03", "2022-05"),
    ],
)
def test_a_range_written_day_first_is_read_day_first(text: str, start: str, end: str) -> None:
    (found,) = find_ranges(text)
    assert (found.start.value, found.end.value) == (start, end)


def test_the_cvs_roles_name_and_languages() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.kind, e.title, e.start, e.end) for e in doc.entries] == [
        ("experience", "Transport Planner", "2020-03", "present"),  # "01/03/2020": the CV writes the day first
        ("experience", "Customer Service Specialist", "2016-09", "2020-02"),
        ("education", "Bachelor's degree in Logistics EQF level 6", "2013-10", "2016-06"),
    ]
    assert doc.contact.name == "Marta Kowalczyk"
    assert {"english", "german", "polish"} <= set(doc.languages)
    assert "writing" not in doc.skills


def test_a_us_resume_keeps_its_month_first_dates() -> None:
    text = "Dana Lee\nEXPERIENCE\nAnalyst, Acme Corp\n01/03/2020 – 06/30/2022\n- Built reports\n"
    doc = read_document(text, "resume")
    assert (doc.entries[0].start, doc.entries[0].end) == ("2020-01", "2022-06")


def test_cmr_beside_freight_is_the_consignment_note() -> None:
    assert "shipping documents" in skills_named("Handle transport documents (CMR), customs questions and claims")
    assert "mtm" not in skills_named("handling CMR documentation, customs clearance with brokers")
    assert "mtm" in skills_named("Completed CMRs and TMRs for 200 Medicare patients")
    _, _, job = read_pair(RESUME, POSTING)
    assert "mtm" not in [*job.must_have, *job.nice_to_have]
    assert coverage_status(RESUME, POSTING)["shipping documents"] == "resume"


def test_the_offline_steps_name_her_and_her_dates() -> None:
    out = run_offline(RESUME, POSTING, "en")
    assert out["match"].self_pitch.startswith("Hello, I'm Marta Kowalczyk.")
    assert "(since 2020-03)" in out["interview"].self_intro_1min
    assert "# Marta Kowalczyk" in out["customize"].markdown


def test_the_postings_employer_is_on_its_line_of_company_and_place() -> None:
    """ "Logistics Coordinator (m/f/d) – Road Freight Europe" over "Raben Group · Kraków, Poland · Hybrid": the
    pitch applied to "the Logistics Coordinator (m/f/d) role at Road Freight Europe" (the title's dash named the
    line of business; "Kraków, Poland" was no place, for its accent)."""
    _, _, job = read_pair(RESUME, POSTING)
    assert (job.title, job.company, job.location) == ("Logistics Coordinator", "Raben Group", "Kraków, Poland")
    _, job = read_job("Software Engineer (m/w/d) – Payments\nZalando SE · Berlin, Germany\n\nRequirements\n- Python\n")
    assert (job.title, job.company, job.location) == ("Software Engineer", "Zalando SE", "Berlin, Germany")


def test_a_field_closing_a_role_is_no_employer_of_the_next() -> None:
    """The CV printed to PDF and read back has no blank lines: "Business or sector Transportation and storage", the
    field closing the first role, stood over the second role's dated line and became its employer ("At Business or
    sector Transportation and storage, as Customer Service Specialist" in the interview's introduction)."""
    text = "\n".join(line for line in fixture("resume", RESUME).splitlines() if line.strip())
    doc = read_document(text, "resume")
    assert [e.org for e in doc.experience] == ["DSV Road Sp. z o.o", "Kuehne + Nagel Sp. z o.o"]
