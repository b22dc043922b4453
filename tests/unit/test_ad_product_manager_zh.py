"""A Chinese ad-platform product manager's resume (tests/data/resume/ad_pm_zh.txt) and a Kuaishou posting
(tests/data/jd/kuaishou_ad_pm.txt).

Before: a role's dated header ("2020.04 - 至今  字节跳动（北京）科技有限公司 | 商业化产品部 | 高级产品经理") and a
project's field ("角色：产品负责人") ended without a stop, so the line under each was read as their sentence's rest:
the Match quoted "…| 高级产品经理负责巨量引擎中小客户投放工具…" and the tailored project's first item was
"角色：产品负责人完成媒体接入…". "商业化" (monetisation) was pricing strategy, "需求调研" (a product's requirements
research) a training needs analysis, the teams she worked with ("与算法、研发、销售团队协作") her own algorithms and
sales, and the posting's "北京·海淀区" was no place.
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline, skills_named

RESUME, POSTING = "ad_pm_zh.txt", "kuaishou_ad_pm.txt"


def test_a_header_and_a_field_end_without_a_stop() -> None:
    out = run_offline(RESUME, POSTING, "zh")
    quoted = " ".join(out["match"].strengths) + out["match"].self_pitch
    assert "高级产品经理负责" not in quoted
    assert "“负责巨量引擎中小客户投放工具，服务日均活跃广告主3.2万家”" in quoted
    markdown = out["customize"].markdown
    assert "- 角色：产品负责人\n- 完成媒体接入" in markdown


def test_the_roles_and_the_degree() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.kind, e.org, e.title, e.start, e.end) for e in doc.entries] == [
        ("experience", "字节跳动（北京）科技有限公司", "高级产品经理", "2020-04", "present"),
        ("experience", "北京三快在线科技有限公司", "产品经理", "2017-07", "2020-03"),
        ("project", "程序化广告交易平台", "", "2021-03", "2021-12"),
        ("education", "北京邮电大学", "本科", "2013-09", "2017-06"),
    ]


def test_monetisation_and_requirements_research_in_their_own_sense() -> None:
    assert skills_named("商业化产品部") == {"monetization"}
    assert "pricing strategy" not in skills_named("负责商业化产品与广告变现")
    assert "pricing strategy" in skills_named("负责会员定价策略")
    assert skills_named("从需求调研、原型设计到上线验收") >= {"requirements analysis"}
    assert "training needs analysis" not in skills_named("从需求调研、原型设计到上线验收")
    assert "training needs analysis" in skills_named("组织年度培训需求调研，设计课程体系")


def test_the_posting_place_and_what_the_resume_meets() -> None:
    _, _, job = read_pair(RESUME, POSTING)
    assert (job.title, job.company, job.location) == ("高级产品经理-广告投放平台", "快手", "北京·海淀区")
    assert (job.years_required, job.degree_required) == (5, "bachelor")
    status = coverage_status(RESUME, POSTING)
    for keyword in ("advertising", "sql", "axure", "figma", "product requirements documents", "pmp"):
        assert status[keyword] == "resume", keyword
    assert status["competitive analysis"] == "missing"


def test_the_teams_worked_with_are_no_skills_of_hers() -> None:
    assert skills_named("带领2名产品经理，与算法、研发、销售团队协作，按双周迭代交付") == {"teamwork"}
    assert "sales" not in skills_named("用Excel/VBA开发跟踪模板，供组内及销售团队使用；配合销售部门完成投标")
    assert "sales operations" not in skills_named("对接客户CIO及销售运营部门，梳理经销商管理流程")
    assert "sales" in skills_named("带领销售团队完成年度目标")  # a team she led: her own work
    # …and in English: the teams partnered with, not those led
    assert skills_named("Partnered with Sales, Engineering and Customer Success teams to launch 3 features") == set()
    assert "data science" not in skills_named("Collaborated with data science teams to deploy models in Python")
    assert {"sql", "tableau"} <= skills_named("Built dashboards in Tableau with SQL for the finance team")
    assert "sales" in skills_named("Led the sales team to 120% of quota")
