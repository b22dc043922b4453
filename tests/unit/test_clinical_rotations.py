"""A nurse's or a student's clinical rotations are supervised practice at a site, read as such: under their own
heading (often with a note after a dash, "CLINICAL ROTATIONS (MSN-FNP) — 620 supervised clinical hours"), each
rotation's specialty is what was practised and its site where, and none of them is a school. Being supervised by
preceptors is not the skill of precepting.

tests/data/resume/nurse_practitioner_en.txt (and its narrow-column print) read its rotations as schools named
"CLINICAL ROTATIONS", "Urgent Care" and "Pediatrics"; the tailored resume headed her bachelor's degree with her
master's grade ("### GPA 3.86/4.00 · Sigma Theta Tau …"), and the offline Match proved "precepting" with "under NP
and MD preceptors".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.facts.coverage import cover
from core.facts.read import read_document
from core.facts.vocabulary import get_vocabulary

DATA = Path(__file__).resolve().parents[1] / "data"

STUDENT = """Jordan Alvarez
Columbus, OH · jordan.alvarez@example.com · (614) 555-0199

Summary
Senior BSN student seeking a new graduate RN residency on a medical-surgical unit.
Research – Stanford nursing informatics lab, summer project on fall-risk alerts.

Clinical Rotations
Medical-Surgical | OhioHealth Riverside Methodist Hospital | Columbus, OH | Jan 2024 – Mar 2024 | 120 hours
- Cared for 3–4 adult patients per shift under the supervision of my clinical instructor
- Administered oral and IV medications with preceptor oversight; documented in Epic
Pediatrics | Nationwide Children's Hospital | Columbus, OH | Sep 2023 – Nov 2023 | 96 hours
- Performed pediatric assessments and family teaching

Education
Bachelor of Science in Nursing, expected May 2025
Capital Ridge University – Columbus, OH
GPA 3.72/4.00 · Dean's List
Associate of Science, Biology May 2021
Columbus State Community College – Columbus, OH
"""

NIGHT_NURSE = """Priya Raman, RN
Dayton, OH · priya.raman@example.com

PROFESSIONAL EXPERIENCE — 8 years in critical care
Charge Nurse | Miami Valley Hospital | Dayton, OH | 03/2019 – Present
- Served as preceptor for 9 new graduate nurses and 14 nursing students
- Led rapid response team for a 24-bed unit
Staff Nurse | Kettering Health | Dayton, OH | 06/2016 – 02/2019
- Managed 4–5 telemetry patients per shift

EDUCATION
Bachelor of Science in Nursing May 2016
Wright State University – Dayton, OH
"""


def _read(name: str) -> str:
    return (DATA / "resume" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["nurse_practitioner_en.txt", "nurse_practitioner_narrow_columns_en.txt"])
def test_a_nurse_practitioners_rotations_are_practice_at_their_sites_not_schools(name: str) -> None:
    doc = read_document(_read(name), "resume")
    assert [(e.title, e.org, e.start, e.end) for e in doc.experience[:3]] == [
        ("Family Practice", "Maple Grove Family Medicine", "2024-01", "2024-04"),
        ("Urgent Care", "QuickCare Urgent Care", "2023-08", "2023-12"),
        ("Pediatrics", "Little Oaks Pediatrics", "2023-01", "2023-05"),
    ]
    assert [(e.title, e.org, e.gpa) for e in doc.education] == [
        ("Master of Science in Nursing", "Lakeshore State University College of Nursing", "3.86/4.00"),
        ("Bachelor of Science in Nursing", "Capital Ridge University", ""),  # her master's grade is not this one's
    ]
    rotations = next(s for s in doc.sections if s.title.startswith("CLINICAL ROTATIONS"))
    assert rotations.canonical == "experience"


def test_a_students_rotations_under_a_title_case_heading_name_specialty_and_site() -> None:
    doc = read_document(STUDENT, "resume")
    assert [(e.title, e.org, e.location, e.start, e.end) for e in doc.experience] == [
        ("Medical-Surgical", "OhioHealth Riverside Methodist Hospital", "Columbus, OH", "2024-01", "2024-03"),
        ("Pediatrics", "Nationwide Children's Hospital", "Columbus, OH", "2023-09", "2023-11"),
    ]
    assert [s.canonical for s in doc.sections].count("experience") == 1  # "Research – Stanford …" is a summary line
    assert [(e.title, e.org) for e in doc.education] == [
        ("Bachelor of Science in Nursing", "Capital Ridge University"),
        ("Associate of Science", "Columbus State Community College"),
    ]


def test_a_heading_in_capitals_keeps_its_note_out_of_the_section() -> None:
    doc = read_document(NIGHT_NURSE, "resume")
    assert [(s.title, s.canonical) for s in doc.sections][:1] == [("PROFESSIONAL EXPERIENCE", "experience")]
    assert [(e.title, e.org) for e in doc.experience] == [
        ("Charge Nurse", "Miami Valley Hospital"),
        ("Staff Nurse", "Kettering Health"),
    ]


@pytest.mark.parametrize(
    ("line", "precepting"),
    [
        ("Managed 14–18 patients/day under NP and MD preceptors: HTN, DM2", False),
        ("Saw 20 patients a day under NP, MD preceptors", False),
        ("Interpreted plain radiographs and 12-lead ECGs with preceptor review", False),
        ("Administered IV medications with preceptor oversight", False),
        ("Completed orientation under the guidance of experienced preceptors", False),
        ("Served as preceptor for 9 new graduate nurses", True),
        ("Precepted 11 new graduate RNs and 20+ BSN students", True),
        ("Unit preceptor and charge nurse", True),
    ],
)
def test_being_precepted_is_not_precepting(line: str, precepting: bool) -> None:
    vocab = get_vocabulary()
    assert ("precepting" in {hit.canonical for hit in vocab.skills_in(line)}) is precepting
    assert (vocab.find_term("precepting", line) is not None) is precepting


@pytest.mark.parametrize(
    ("keyword", "bullet"),
    [
        ("cloud computing", "Salesforce (Sales Cloud), Gong, Outreach, MEDDICC"),
        ("concurrency", "Skilled at multi-threading complex deals"),
        ("precepting", "Cared for patients under NP and MD preceptors"),
        ("sales", "牵头采购与付款、销售与收款循环的内控测试"),
        ("procurement", "配合采购完成元器件选型"),
    ],
)
def test_a_proof_is_never_a_word_in_its_other_sense_inside_a_longer_name(keyword: str, bullet: str) -> None:
    """find_term looked for a plain spelling inside longer known names without the scan's sense rules: "Sales
    Cloud" proved cloud computing, "multi-threading complex deals" concurrency, "销售与收款循环" (an audit cycle)
    sales, and "under NP and MD preceptors" precepting."""
    resume = read_document(f"Dana Brooks\nExperience\nAcme, Account Executive\n2019-01 – 2024-01\n- {bullet}", "resume")
    assert cover([keyword], resume, None)[0].status == "missing"


def test_a_rotation_whose_site_comes_first_keeps_the_site_as_its_organisation() -> None:
    doc = read_document(
        "王晓雨\n电话：138-0000-0000\n\n教育经历\n2019.09-2024.06  首都医科大学  临床医学  本科\n\n临床轮转\n"
        "2023.01-2023.04  北京协和医院  心内科\n- 参与查房，书写病历 40 余份\n"
        "2023.05-2023.08  北京朝阳医院  急诊科\n- 协助处理急诊患者\n",
        "resume",
    )
    assert [(e.org, e.title, e.start) for e in doc.experience] == [
        ("北京协和医院", "心内科", "2023-01"),
        ("北京朝阳医院", "急诊科", "2023-05"),
    ]


@pytest.mark.parametrize(
    ("header", "title", "org"),
    [
        ("Charge Nurse, Medical ICU | Miami Valley Hospital | Dayton, OH | 03/2019 – Present",
         "Charge Nurse, Medical ICU", "Miami Valley Hospital"),
        ("Staff Nurse, Step-Down Unit | Kettering Health | Dayton, OH | 06/2016 – 02/2019",
         "Staff Nurse, Step-Down Unit", "Kettering Health"),
        ("Registered Nurse, Labor & Delivery – Cedar Ridge Medical Center, Austin, TX  2019 – 2023",
         "Registered Nurse, Labor & Delivery", "Cedar Ridge Medical Center"),
        ("Software Engineer | Payments Team | Stripe Inc | 2019 – 2022",
         "Software Engineer, Payments Team", "Stripe Inc"),
        ("Medical Assistant | Family Care Clinic | Reno, NV | 2020 – 2022", "Medical Assistant", "Family Care Clinic"),
    ],
)  # fmt: skip
def test_a_unit_beside_the_title_is_the_titles_and_the_hospital_the_employer(header: str, title: str, org: str) -> None:
    """ "Charge Nurse, Medical ICU | Miami Valley Hospital" made the unit the employer and dropped the hospital."""
    doc = read_document(f"Priya Raman, RN\nDayton, OH\n\nEXPERIENCE\n{header}\n- Led the rapid response team", "resume")
    assert [(e.title, e.org) for e in doc.experience] == [(title, org)]
