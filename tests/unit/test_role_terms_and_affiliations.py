"""The terms a role was held on and a therapist's clinical affiliations, read as the resume means them.

tests/data/resume/physical_therapist_en.txt: "Physical Therapist (PRN)" made "PRN" the employer, so the hospital on
the line below became a bullet; "CLINICAL AFFILIATIONS (DPT)" was no heading, so the three student placements under
it were filed as bullets of that PRN role (and one came back in the mock interview as a result, "TX (10 weeks)").
Read as a section of its own, undated, they were then dropped from the tailored resume: an experience section that
holds no dated role is now kept as written.
"""

from __future__ import annotations

import pytest

from core.facts.grounding import check
from core.facts.read import read_document
from tests.unit.fixture_pairs import fixture, read_pair, run_offline


@pytest.mark.parametrize(
    ("header", "title", "org"),
    [
        ("Physical Therapist (PRN)    Aug 2019 – May 2020\nSt. David's Medical Center – Inpatient Rehab, Austin, TX",
         "Physical Therapist (PRN)", "St. David's Medical Center"),
        ("Registered Nurse (Per Diem)    Jan 2019 - Dec 2019\nMercy Hospital, Dayton, OH",
         "Registered Nurse (Per Diem)", "Mercy Hospital"),
        ("Data Analyst (Contract) | Beta Inc | Apr 2021 - Present", "Data Analyst (Contract)", "Beta Inc"),
        ("Acme Corp (Contract) | Data Analyst | Jan 2020 - Mar 2021", "Data Analyst", "Acme Corp"),
    ],
)  # fmt: skip
def test_the_terms_a_role_was_held_on_are_the_titles_never_an_employer(header: str, title: str, org: str) -> None:
    doc = read_document(f"Sam Lee\nAustin, TX\n\nEXPERIENCE\n{header}\n- Treated 12 patients a day", "resume")
    assert [(e.title, e.org) for e in doc.experience] == [(title, org)]
    assert [b for e in doc.experience for b in e.bullets] == ["Treated 12 patients a day"]


def test_clinical_affiliations_are_a_section_of_their_own_not_bullets_of_the_role_above() -> None:
    doc = read_document(fixture("resume", "physical_therapist_en.txt"), "resume")
    assert ("CLINICAL AFFILIATIONS (DPT)", "experience") in [(s.title, s.canonical) for s in doc.sections]
    prn = next(e for e in doc.experience if e.start == "2019-08")
    assert (prn.title, prn.org) == ("Physical Therapist (PRN)", "St. David's Medical Center")
    assert prn.location == "Austin, TX"
    assert prn.bullets == [
        "Treated acute post-surgical and stroke patients; early mobilization in the ICU step-down unit",
        "Discharge planning with case managers and OTs for a 28-bed unit",
    ]


def test_the_tailored_resume_keeps_an_undated_experience_section_as_written() -> None:
    resume, _, job = read_pair("physical_therapist_en.txt", "lakeway_outpatient_pt.txt")
    out = run_offline("physical_therapist_en.txt", "lakeway_outpatient_pt.txt", "en")
    markdown = out["customize"].markdown
    section = markdown.split("## CLINICAL AFFILIATIONS (DPT)\n", 1)[1].split("\n\n", 1)[0]
    assert section.splitlines() == [
        "- Outpatient Orthopedics – Baylor Scott & White, Round Rock, TX (10 weeks)",
        "- Acute Care – University Medical Center Brackenridge, Austin, TX (8 weeks)",
        "- Neuro Rehab – TIRR Memorial Hermann, Houston, TX (10 weeks)",
    ]
    assert "### Physical Therapist (PRN) · Aug 2019 – May 2020\nSt. David's Medical Center" in markdown
    assert check(markdown, [resume], job) == []
    results = [story.result for story in out["interview"].star_stories]
    assert not any("weeks)" in result for result in results)  # a placement's site is no result
