"""A Chinese ICU nurse's resume and a hospital's posting (tests/data/resume/icu_nurse_zh.txt, tests/data/jd/
wuhan_icu_nurse_zh.txt), read as a head nurse reads them.

"执业资格" was no heading, so her licences became a school that ended in 2028; "荣誉奖励" was no heading,
so her awards were dropped from the tailored resume and the heading itself listed as a skill; "护师" was no title,
so her ICU role had none and her headline was her new-nurse training; "院感质控" showed no infection control and
"带教实习护士" no precepting. Once "执业资格" is a heading, a certificate named only in a sentence ("英语六级" in
a legal counsel's skills) is kept in that section rather than dropped.
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def test_licences_and_awards_head_their_sections_and_the_ward_grade_is_a_title() -> None:
    doc = read_document(fixture("resume", "icu_nurse_zh.txt"), "resume")
    assert [(s.title, s.canonical) for s in doc.sections if s.canonical in ("certifications", "awards")] == [
        ("执业资格", "certifications"),
        ("荣誉奖励", "awards"),
    ]
    assert [(e.org, e.title) for e in doc.education] == [("华中科技大学同济医学院", "本科")]
    assert [(e.org, e.title) for e in doc.experience] == [
        ("武汉大学人民医院", "护师"),
        ("武汉大学人民医院", "新护士规范化培训"),
    ]


def test_the_postings_infection_control_and_precepting_are_met() -> None:
    status = coverage_status("icu_nurse_zh.txt", "wuhan_icu_nurse_zh.txt")
    assert status["infection control"] == status["precepting"] == status["nurse license"] == "resume"


def test_the_tailored_resume_keeps_her_awards_and_licences() -> None:
    markdown = run_offline("icu_nurse_zh.txt", "wuhan_icu_nurse_zh.txt", "zh")["customize"].markdown
    assert "## 荣誉奖励\n- 2022年 武汉大学人民医院“优秀护士”\n- 2020年 抗击新冠肺炎疫情 先进个人" in markdown
    assert "## 执业资格\n- 护士执业证书（注册有效期至2028年）" in markdown
    assert "荣誉奖励、" not in markdown and "、荣誉奖励" not in markdown  # a heading is no skill


def test_a_certificate_named_only_in_a_sentence_joins_the_certificates_section() -> None:
    markdown = run_offline("legal_counsel_zh.txt", "data_compliance_counsel_zh.txt", "zh")["customize"].markdown
    section = markdown.split("## 执业资格\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section == ["- 执业资格：中华人民共和国法律职业资格证书（A证）、律师执业证（2017年起）", "- 英语六级"]
