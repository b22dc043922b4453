"""A Shanghai financial analyst's resume as a Chinese job site exports it (tests/data/resume/finance_analyst_zh.txt)
and an FP&A manager's posting (tests/data/jd/fpa_manager_sh_zh.txt).

Before: "现居住地：上海-浦东新区" was no place (the label was not one the reader knew), and the one-minute introduction
told the self-assessment as what fits the role ("和FP&A经理岗位相关的经历有：逻辑清晰，数据敏感，具备良好的跨部门
沟通能力和抗压能力"), since the tailored resume lists the 自我评价 first.
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "finance_analyst_zh.txt", "fpa_manager_sh_zh.txt"


def test_the_place_under_its_label() -> None:
    assert read_document(fixture("resume", RESUME), "resume").contact.location == "上海-浦东新区"
    for label in ("现居地", "所在城市", "居住城市"):
        assert read_document(f"王思远\n{label}：杭州\n", "resume").contact.location == "杭州", label


def test_the_introduction_tells_deeds_before_the_self_assessment() -> None:
    intro = run_offline(RESUME, POSTING, "zh")["interview"].self_intro_1min
    fits = intro.split("相关的经历有：")[1].split("。")[0]
    assert "逻辑清晰" not in fits
    assert "搭建Power BI经营分析看板" in fits


def test_what_the_resume_meets() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        ("上海瑞和医疗器械有限公司", "高级财务分析师", "2021-03", "present"),
        ("普华永道中天会计师事务所", "审计员 → 高级审计员", "2018-07", "2021-02"),
    ]
    status = coverage_status(RESUME, POSTING)
    assert {"excel", "power bi", "sap", "budgeting", "variance analysis", "cpa", "auditing"} <= {
        k for k, v in status.items() if v == "resume"
    }
    # the wished-for title ("期望职位：财务分析经理 / FP&A经理") is no experience of FP&A
    assert status["financial planning and analysis"] == "missing"
