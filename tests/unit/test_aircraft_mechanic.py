"""An aircraft maintenance technician's resume (tests/data/resume/aircraft_mechanic_en.txt) against an airline's line
maintenance posting (tests/data/jd/envoy_amt_line.txt): a trade the vocabulary did not know.

Before: the posting's keywords were "driver's license", "electrical design" (for "wiring diagrams"), "information
architecture" (for the FAA's Inspection Authorization, "IA") and "debugging"; its A&P certificate, AMM, RII, AMOS,
borescope and NDT were no keywords at all, the resume's three certificates were none, its school was its subject
("Aviation Maintenance Technology") and the employer was "Line Maintenance", the title's shift.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "aircraft_mechanic_en.txt", "envoy_amt_line.txt"


def test_the_resume_as_written() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        ("SkyWest Airlines", "Lead Aircraft Maintenance Technician", "2020-06", "present"),
        ("Spirit AeroSystems", "Aircraft Maintenance Technician", "2016-03", "2020-05"),
    ]
    school = doc.education[0]
    assert (school.org, school.title, school.field) == (
        "WSU Tech",
        "Associate of Applied Science",
        "Aviation Maintenance Technology",
    )
    assert len(doc.certifications) == 3
    assert "information architecture" not in doc.skills and "electrical design" not in doc.skills


def test_the_posting_names_its_employer_place_and_trade() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert (job.title, job.company, job.location) == (
        "Aircraft Maintenance Technician II",
        "Envoy Air",
        "Dallas/Fort Worth International Airport",
    )
    asked = {*job.must_have, *job.nice_to_have}
    assert {"a&p certificate", "aircraft maintenance manuals", "rii", "inspection authorization", "fcc grol"} <= asked
    assert {"maintenance tracking systems", "borescope inspection", "ndt", "fod prevention"} <= asked
    assert not asked & {"information architecture", "electrical design"}


def test_what_the_mechanic_holds_and_lacks() -> None:
    status = coverage_status(RESUME, POSTING)
    held = {k for k, v in status.items() if v == "resume"}
    assert {"a&p certificate", "inspection authorization", "fcc grol", "rii", "maintenance tracking systems"} <= held
    assert status["driver's license"] == "missing"
    assert status["hazmat handling"] == "missing" and status["ground support equipment"] == "missing"


def test_the_pitch_is_to_the_employer_in_the_resumes_words() -> None:
    pitch = run_offline(RESUME, POSTING, "en")["match"].self_pitch
    assert "role at Envoy Air" in pitch
    assert "Electrical Design" not in pitch and "Information Architecture" not in pitch


def test_a_licence_the_resume_lacks_is_asked_about_as_held_or_not() -> None:
    """The interview asked "This role needs Driver's License. How would you get up to speed?" and offered the FCC
    radio licence as the nearest evidence of a driving licence."""
    questions = run_offline(RESUME, POSTING, "en")["interview"].likely_questions
    licence = next(q for q in questions if "Driver's License" in q.question)
    assert licence.question == "This role asks for Driver's License. Do you hold it, or when could you?"
    assert not any("GROL" in line for line in licence.outline)
    assert "wiring diagrams" in run_offline(RESUME, POSTING, "en")["match"].self_pitch  # the resume's words, no label


def test_a_figure_a_pdf_wrapped_onto_its_own_line_stays_with_its_bullet() -> None:
    """As Chromium printed the resume, "… cut repeat write-ups" ended a line and "31%" began the next: the quote
    and the tailored bullet lost the result's figure."""
    lines = [
        "EXPERIENCE",
        "Lead Aircraft Maintenance Technician | Jun 2020 – Present",
        "SkyWest Airlines — Wichita, KS",
        "- Lead a crew of 7 technicians on overnight line checks for 14 E175 aircraft; on-time departure from",
        "maintenance 99.2%",
        "- Troubleshoot avionics and hydraulic faults using AMM, IPC, FIM and wiring diagrams; cut repeat write-ups",
        "31%",
        "- Audit AD/SB compliance records in AMOS; closed 46 overdue items in the 2022 records review",
    ]
    bullets = read_document("MARCUS ELLISON\n" + "\n".join(lines), "resume").experience[0].bullets
    assert (
        "Troubleshoot avionics and hydraulic faults using AMM, IPC, FIM and wiring diagrams; cut repeat write-ups 31%"
        in bullets
    )
