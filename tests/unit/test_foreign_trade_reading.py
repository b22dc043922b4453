"""A foreign-trade manager's resume and posting (tests/data/resume/foreign_trade_zh.txt, tests/data/jd/
ningbo_trade_manager_zh.txt), read as a trade recruiter reads them.

"证书与语言" was no heading, so its lines were filed as bullets of her degree, heading included; "信用证" (letters
of credit), the posting's must-have, was no skill, while "L/C" read as the C language; "独立开发客户40+" and
"开发新客户17家" showed no client development, so the offline Match named it her main gap; and her skills line
in the tailored resume kept a sentence's pieces ("熟悉 FOB", "DDP 等贸易术语及 T/T").
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def test_certificates_and_languages_head_a_section_of_their_own() -> None:
    doc = read_document(fixture("resume", "foreign_trade_zh.txt"), "resume")
    assert ("证书与语言", "certifications") in [(s.title, s.canonical) for s in doc.sections]
    (school,) = doc.education
    assert school.bullets == ["主修课程：国际贸易实务、外贸函电、国际商法、跨文化交际"]
    assert {"雅思", "TEM-8", "国际商务单证员证书"} <= set(doc.certifications)


@pytest.mark.parametrize(
    ("line", "skills"),
    [
        ("制定信用证（L/C）与信用保险结合的收款方案", {"letters of credit"}),
        ("熟悉 FOB、CIF、DDP 等贸易术语及 T/T、L/C 结算方式", {"letters of credit"}),
        ("独立开发客户40+，开发新客户17家", {"prospecting"}),
        ("负责开发客户端功能，参与开发新客户端 SDK", set()),
    ],
)
def test_trade_words_in_their_sense(line: str, skills: set[str]) -> None:
    found = {hit.canonical for hit in get_vocabulary().skills_in(line)}
    assert found & {"letters of credit", "prospecting", "c"} == skills


def test_the_postings_letters_of_credit_and_client_development_are_met() -> None:
    _, job = read_job(fixture("jd", "ningbo_trade_manager_zh.txt"))
    assert "letters of credit" in job.must_have
    status = coverage_status("foreign_trade_zh.txt", "ningbo_trade_manager_zh.txt")
    assert status["letters of credit"] == status["prospecting"] == status["foreign trade"] == "resume"


def test_a_skills_sentence_gives_its_items_without_the_verb_or_the_etc() -> None:
    markdown = run_offline("foreign_trade_zh.txt", "ningbo_trade_manager_zh.txt", "zh")["customize"].markdown
    skills = markdown.split("## 专业技能\n", 1)[1].split("\n", 1)[0].split("、")
    assert {"FOB", "CIF", "DDP", "T/T", "阿里巴巴国际站"} <= set(skills)
    assert not [item for item in skills if "熟悉" in item or "等" in item]
    certificates = "## 证书与语言\n- 英语专业八级（TEM-8）、雅思 7.0、国际商务单证员证书、C1驾驶证\n- 普通话二级甲等"
    assert certificates in markdown


def test_a_lists_etc_is_cut_but_a_word_that_begins_with_it_is_kept() -> None:
    from core.offline.lookup import unknown_listed

    skills = "熟悉等价类、边界值、场景法等用例设计方法；\n熟练使用 Xmind、三级等距抽样工具"
    doc = read_document(f"王五\n专业技能\n{skills}\n", "resume")
    items = unknown_listed(doc, doc.section_lines("skills"))
    assert {"等价类", "边界值", "场景法", "三级等距抽样工具"} <= set(items)
    assert not [item for item in items if item.startswith("熟") or "用例设计方法" in item]
