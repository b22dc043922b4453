"""A new accounting graduate's scanned resume as OCR reads it (tests/data/resume/accounting_graduate_scan_zh.txt):
each header field on a line of its own, a firm named with its partnership form and branch, a certificate held beside
one still studied for, and an employer whose name holds a qualification's."""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture

RESUME = "accounting_graduate_scan_zh.txt"
JD = "food_company_accounting_assistant_zh.txt"


def test_a_scans_header_lines_give_each_internship_its_firm_title_and_city() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.location, len(e.bullets)) for e in doc.experience] == [
        ("立信中和会计师事务所（特殊普通合伙）江苏分所", "审计助理", "南京", 3),
        ("江苏恒信税务师事务所有限公司", "财税实习生", "南京", 2),
        ("南京财经大学会计学院学生会", "财务部部长", "", 1),
    ]
    assert [s.title for s in doc.sections if s.canonical == "experience"] == ["实习经历", "在校经历"]
    assert not any(line.endswith("在校经历") and line != "在校经历" for line in doc.lines)


def test_a_certificate_held_beside_one_studied_for_is_held_and_an_employers_name_is_no_certificate() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert "税务师" not in doc.certifications  # "江苏恒信税务师事务所有限公司" is where she interned
    assert doc.certifications[0] == "初级会计专业技术资格"
    statuses = coverage_status(RESUME, JD)
    assert statuses["junior accountant title"] == "resume"  # "初级会计专业技术资格（2022.08）|注册会计师（CPA）…在考"
    assert statuses["cpa"] == "missing"  # two of its subjects passed, the third still to sit
