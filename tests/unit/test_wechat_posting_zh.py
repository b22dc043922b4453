"""A cross-border e-commerce posting as a recruiter writes it on a phone, emoji on every line
(tests/data/jd/amazon_ops_wechat_zh.txt), against an Amazon seller's resume (tests/data/resume/amazon_ops_zh.txt).

Before: "📍深圳·南山区" was the company (the pitch said "看到📍深圳·南山区跨境电商运营主管岗位") and no place was read;
"✅任职要求：" and "🎁福利：" were no headings, so the benefits' "五险一金" and "季度团建" were required keywords; and
"英语四级以上" was a gap for a candidate with CET-6.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "amazon_ops_zh.txt", "amazon_ops_wechat_zh.txt"


def test_the_posting_read_through_its_emoji() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert (job.title, job.company, job.location) == ("跨境电商运营主管", "", "深圳·南山区")
    asked = {*job.must_have, *job.nice_to_have}
    assert not asked & {"social insurance", "team building"}  # the benefits list asks nothing
    assert {"cross-border e-commerce", "advertising", "excel"} <= set(job.must_have)
    assert "team management" in job.nice_to_have  # "有团队管理经验者优先"


def test_the_pitch_names_no_pin() -> None:
    pitch = run_offline(RESUME, POSTING, "zh")["match"].self_pitch
    assert "📍" not in pitch and "看到贵司跨境电商运营主管岗位" in pitch


def test_a_band_held_above_the_one_asked_is_named_as_the_resume_writes_it() -> None:
    """The pitch said "持有大学英语四级" for a resume that writes only "英语：CET-6"."""
    out = run_offline(RESUME, POSTING, "zh")
    for text in (out["match"].self_pitch, out["interview"].self_intro_1min):
        assert "持有CET-6" in text and "英语四级" not in text


@pytest.mark.parametrize(
    ("held", "asked"), [("英语：CET-6", "cet-4"), ("专业英语八级", "tem-4"), ("日语N1", "jlpt n2")]
)
def test_a_higher_band_meets_the_lower_one_asked(held: str, asked: str) -> None:
    from core.facts.coverage import cover

    doc = read_document(f"林晓彤\n证书\n{held}\n", "resume")
    assert cover([asked], doc, None)[0].status == "resume"
    assert coverage_status(RESUME, POSTING)["cet-4"] == "resume"


def test_a_keycap_number_is_a_list_number() -> None:
    _, job = read_job("运营主管\n岗位职责：\n1️⃣ 负责店铺运营；\n2️⃣ 制定广告策略；\n")
    assert [duty.strip("；") for duty in job.responsibilities] == ["负责店铺运营", "制定广告策略"]


def test_a_title_proof_quotes_the_deed_under_it_that_names_the_skill() -> None:
    """A role whose title proves a keyword was quoted by its header: "Pipe Welding: “Lead Pipe Welder — March 2019 to
    Present”", "Java开发：“Java开发工程师”"; a bullet of that role naming the skill shows it done."""
    welder = run_offline("pipe_welder_en.txt", "bayou_pipe_welder.txt", "en")["match"].strengths
    assert not any("Lead Pipe Welder — March 2019" in s for s in welder)
    assert any(s.startswith("Pipe Welding: “Weld carbon and stainless process piping") for s in welder)
    java = run_offline("senior_zh.txt", "boss_java.txt", "zh")["match"].strengths
    assert "Java开发：“负责网易邮箱后端开发，使用 Java、MySQL、Redis”" in java


def test_a_sellers_tools_and_fba_are_read() -> None:
    """ "熟悉…FBA物流", "卖家精灵、Helium 10": the seller's own trade, read as such; "Helium 10" is a tool's name, so a
    skills line that lists it states no result ("说出简历里写的数字" was asked of the Excel on it)."""
    _, job = read_job(fixture("jd", POSTING))
    assert {"amazon fba", "amazon seller tools"} <= set(job.must_have)
    status = coverage_status(RESUME, POSTING)
    assert status["amazon fba"] == "resume" and status["amazon seller tools"] == "resume"
    questions = run_offline(RESUME, POSTING, "zh")["interview"].likely_questions
    excel = next(q for q in questions if "Excel" in q.question)
    assert not any("说出简历里写的数字" in line for line in excel.outline)
