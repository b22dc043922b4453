"""Headings new pairs used that the vocabulary did not know, each of which left its section's lines as bullets of
the role above: a designer's case studies credited to her 2017 internship, a paralegal's firm matters to an unpaid
clerkship, a teacher's degrees lost under "Education & Certificates"."""

from __future__ import annotations

import pytest

from core.facts.read import read_document

ROLE = "EXPERIENCE\nBrightpeak Media | Visual Design Intern | Jun 2017 – Aug 2017\n- Produced graphics for 3 brands\n"


@pytest.mark.parametrize(
    ("heading", "canonical"),
    [
        ("SELECTED CASE STUDIES", "projects"),
        ("Selected Matters", "projects"),
        ("Representative Matters", "projects"),
        ("Instructional Design Projects (Portfolio)", "projects"),
        ("Open-Source Contributions", "projects"),
        ("CLINICAL SKILLS", "skills"),
        ("Education & Certificates", "education"),
    ],
)
def test_a_section_after_the_last_role_is_no_bullet_of_it(heading: str, canonical: str) -> None:
    doc = read_document(
        f"Priya Nandakumar\n\n{ROLE}\n{heading}\nTide design system — 40 components, 6 teams\n", "resume"
    )
    assert [(s.canonical, s.title) for s in doc.sections] == [("experience", "EXPERIENCE"), (canonical, heading)]
    assert doc.experience[0].bullets == ["Produced graphics for 3 brands"]


def test_a_chinese_research_and_honours_heading_opens_its_section() -> None:
    doc = read_document("李娜\n【专业技能】\n重症监护、呼吸机管理\n【科研与荣誉】\n2023年 优秀护士\n", "resume")
    assert [s.canonical for s in doc.sections] == ["skills", "publications"]


SMALL_CAPS = """Marisol Reyes
mreyes@example.com

exPerience
Hollister, Vance & Okafor LLP | Chicago, IL
Senior Litigation Paralegal | Aug 2021 – present
• Manage e-discovery workflows in Relativity

Selected MatterS
• Lakeshore Freight Co. v. Meridian Logistics Group (N.D. Ill.) — managed a 1.1M-document review
• Pinecrest Dental Partners v. Orrin Holdings (AAA arbitration) — prepared a 180-exhibit binder

technology
Relativity, Westlaw, PACER
"""


def test_small_capitals_read_out_of_a_pdf_give_title_cased_headings() -> None:
    doc = read_document(SMALL_CAPS, "resume")
    assert [s.title for s in doc.sections] == ["Experience", "Selected Matters", "Technology"]
    plain = read_document(
        "Jo Lee\n\nEXPERIENCE\nAcme | Clerk | 2020 – 2021\n\neducation\nBA, Kent State, 2019\n", "resume"
    )
    assert [s.title for s in plain.sections] == ["EXPERIENCE", "education"]  # a writer's own case, kept


def test_a_projects_section_of_undated_items_is_kept_in_the_tailored_resume() -> None:
    from core.facts.read import read_job
    from tests.unit.test_offline_engine import Service

    doc = read_document(SMALL_CAPS, "resume")
    assert doc.projects == []  # the matters have no dates: no project entries
    jd, job = read_job("Litigation Paralegal\nRequirements\n- Relativity and e-discovery experience\n")
    markdown = Service(doc, None, jd, job, "en").run()["customize"].markdown
    assert "## Selected Matters\n- Lakeshore Freight Co. v. Meridian Logistics Group" in markdown
    assert "- Selected MatterS" not in markdown


def test_a_teaching_licence_under_education_is_a_certificate_not_a_school() -> None:
    doc = read_document(
        "Marisol Okafor\n\nEducation & Certificates\nM.Ed., Curriculum & Instruction — Ohio Lakes University | 2017\n"
        "Ohio Professional Educator License (AYA English 7–12), valid through 2029\n",
        "resume",
    )
    assert [e.org for e in doc.education] == ["Ohio Lakes University"]
    assert doc.certifications == ["Professional Educator License"]
