"""A LinkedIn profile saved as PDF (tests/data/resume/linkedin_export_en.txt, its text as the export prints it): the
sidebar (Contact, Top Skills, Languages, Certifications) first, then the name, headline and place, then Summary,
Experience grouped by company with the time there, and Education.

Before: the company's line "Ledgerly" sat over "5 years 2 months", which became the employer of his current role;
his earlier role there had "Texas" for its employer (from "Austin, Texas, United States" below it); "Top Skills" was
no heading; and no name was found (it follows the sidebar), so the pitch opened "Hello, I'm Senior Product Manager
at 5 years 2 months."
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import fixture, run_offline

RESUME = "linkedin_export_en.txt"


def test_roles_grouped_under_a_company_keep_it_and_their_whole_place() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.location) for e in doc.experience] == [
        ("Ledgerly", "Senior Product Manager", "Austin, Texas, United States"),
        ("Ledgerly", "Product Manager", "Austin, Texas, United States"),
        ("Bazaarvoice", "Associate Product Manager", "Austin, Texas Metropolitan Area"),
    ]


def test_the_sidebar_is_read_and_the_name_found_after_it() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert doc.contact.name == "Mateo Alvarez"
    assert [s.canonical for s in doc.sections][:4] == ["contact", "skills", "languages", "certifications"]
    assert {"product management", "sql", "a/b testing"} <= set(doc.skills)
    pitch = run_offline(RESUME, "vaultline_pmm.txt", "en")["match"].self_pitch
    assert pitch.startswith("Hello, I'm Mateo Alvarez. I'm a Senior Product Manager at Ledgerly.")


def test_a_time_there_is_no_employer_and_a_place_with_its_country_is_one_place() -> None:
    text = (
        "EXPERIENCE\nNorthwind\n2 yrs 3 mos\nData Analyst\nJan 2022 - Present (2 yrs 3 mos)\n"
        "Seattle, Washington, United States\n- Built dashboards\n"
    )
    doc = read_document(text, "resume")
    assert [(e.org, e.title, e.location) for e in doc.experience] == [
        ("Northwind", "Data Analyst", "Seattle, Washington, United States")
    ]
