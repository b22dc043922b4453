"""The offline engine's small rules: years of experience, quoting a line, picking advice from the knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.facts.model import PRESENT, Entry
from core.offline.advice import Advisor
from core.offline.interview import outcome
from core.offline.lookup import clean, experience_years
from core.retrieval import Passage


def role(start: str | None, end: str | None) -> Entry:
    return Entry(kind="experience", org="Org", title="Engineer", start=start, end=end)


def test_years_count_overlaps_once_and_open_ends_to_as_of() -> None:
    entries = [role("2018-01", "2019-12"), role("2019-01", "2020-12"), role("2022-01", PRESENT), role(None, "2015")]
    # 2018-01..2020-12 is 36 months (the overlap counted once), 2022-01..2023-12 is 24 months.
    assert experience_years(entries, "2023-12") == 5.0
    assert experience_years(entries, "2024-12") == 6.0


def test_year_only_dates_count_from_january() -> None:
    assert experience_years([role("2019", "2020")], "2030-01") == 13 / 12


def test_clean_drops_list_markers_only() -> None:
    assert clean("  • Built C++ tools ") == "Built C++ tools"
    assert clean("- 负责订单系统") == "负责订单系统"
    assert clean("1. Led 5 engineers") == "Led 5 engineers"


def passage(pid: int, heading: str, content: str, lang: str = "en") -> Passage:
    return Passage(pid, "kb.md", heading, content, "matching", lang, 0.5)


def test_advice_prefers_a_sentence_naming_the_gap_and_never_repeats() -> None:
    kb = [
        passage(1, "Reading a posting", "Treat the requirements section as must-haves. Postings are wish lists."),
        passage(2, "Handling a missing requirement", "Acknowledge the gap briefly and give your plan. "
                "Build a small Terraform project and link it from your resume. It is common to lack one item."),
    ]  # fmt: skip
    advisor = Advisor(kb, "en")
    assert advisor.action("terraform") == ("Build a small Terraform project and link it from your resume.", True)
    # The next gap gets the other imperative sentence of the gap passage, not the posting-reading one.
    assert advisor.action("rust") == ("Acknowledge the gap briefly and give your plan.", False)
    assert advisor.action("rust") == ("", False)


def test_general_gap_advice_drops_the_worked_example_from_another_trade() -> None:
    kb = [
        passage(1, "Mapping transferable skills", "Start with what you actually did, not your title: a teacher "
                "plans curricula and presents to parents."),
        passage(2, "把过往经历转化为目标岗位需要的能力", "写进简历或面试回答时，用目标行业的说法来讲，"
                "例如“对50家经销商按销量分为三级，A类客户复购率提升20%”。", "zh"),
    ]  # fmt: skip
    assert Advisor(kb, "en").action("kubernetes") == ("Start with what you actually did, not your title.", False)
    assert Advisor(kb, "zh").action("容器编排") == ("写进简历或面试回答时，用目标行业的说法来讲。", False)


def test_advice_naming_the_gap_keeps_its_example() -> None:
    sentence = "Build a small Terraform project, for example a static site behind a CDN, and link it."
    kb = [passage(1, "Reading a posting", sentence)]
    assert Advisor(kb, "en").action("terraform") == (sentence, True)


def test_a_sentence_that_is_mostly_example_is_not_general_advice() -> None:
    kb = [passage(1, "Closing a gap", "Say it like this, for example: a teacher plans curricula for parents.")]
    assert Advisor(kb, "en").action("kubernetes") == ("", False)


def test_questions_to_ask_come_from_the_passages_and_skip_the_interviewers_own() -> None:
    kb = [passage(1, "Questions to ask at the end", 'Ask "What would success look like in 90 days?" and '
                  'expect "Do you have any questions for us?" near the end.')]  # fmt: skip
    assert Advisor(kb, "en").questions(5) == ["What would success look like in 90 days?"]


def test_outcome_is_the_result_part_of_a_bullet() -> None:
    assert outcome("Led the migration to Go, cutting p99 latency by 38%") == "cutting p99 latency by 38%"
    assert outcome("优化分库分表方案，核心接口响应时间降低45%") == "核心接口响应时间降低45%"  # what fell, with it
    assert outcome("Ran the design review process") == ""
    # A thousands separator is not the end of a clause: "serving 40" would misquote the user's number.
    assert outcome("Built the metadata API serving 40,000 requests per second") == (
        "Built the metadata API serving 40,000 requests per second"
    )
    assert outcome("Shipped the app, used by 1,200 teams; grew sign-ups") == "used by 1,200 teams"


def test_a_story_situation_without_an_employer_reads_as_a_sentence() -> None:
    from core.facts.model import Entry
    from core.offline.interview import situation_line

    whole = Entry(kind="experience", title="Gamma Retail · Marketing Manager", start="2019-03", end="present")
    assert situation_line(whole, "en").startswith("As Gamma Retail · Marketing Manager")
    assert situation_line(whole, "zh").startswith("担任Gamma Retail")
    named = Entry(kind="experience", org="Gamma Retail", title="Marketing Manager", start="2019-03")
    assert situation_line(named, "en").startswith("At Gamma Retail as Marketing Manager")
    project = Entry(kind="project", org="OpenLedger")
    assert (situation_line(project, "en"), situation_line(project, "zh")) == ("In OpenLedger", "在OpenLedger")


def _fixture(*parts: str) -> str:
    return Path(__file__).resolve().parents[1].joinpath("data", *parts).read_text("utf-8")


def _interview_for(resume_text: str, jd_text: str, lang: str = "en") -> Any:
    """The offline interview of a resume against a JD, each read by code."""
    from core import offline as engine
    from core.facts.read import read_document, read_job
    from core.offline.documents import ServiceDocuments
    from core.workbench.schemas import MatchResultData

    resume = read_document(resume_text, "resume")
    jd, job = read_job(jd_text)
    docs = ServiceDocuments(resume=resume, detailed=None, jd=jd, job=job, lang=lang)
    return engine.interview(docs, resume.text, MatchResultData(**engine.match(docs, []).model_dump()), [])


def test_stories_and_nearest_evidence_spread_over_the_users_roles() -> None:
    reply = _interview_for(
        "Dana Park\nEXPERIENCE\nStripe, Senior Software Engineer\n2021-03 – Present\n"
        "- Mentored 5 engineers\n- Moved 14 services to Kubernetes, cutting latency by 38%\n"
        "- Processed 2.5 billion events a month\n- Cut on-call pages by 45%\n"
        "Dropbox, Software Engineer\n2017-06 – 2021-02\n- Wrote a caching layer that lowered database load by 60%\n"
        "SKILLS\nPython, Go\n",
        "Frontend Engineer\nResponsibilities\n- Build web interfaces\n- Improve performance\n"
        "Requirements\n- React\n- TypeScript\n- CSS\n",
    )
    assert {story.situation.split(" as ")[0] for story in reply.star_stories[:2]} == {"At Stripe", "At Dropbox"}
    nearest = [line for q in reply.likely_questions for line in q.outline if line.startswith("Nearest evidence")]
    assert len(nearest) == 3 and len(set(nearest)) == 3


def test_a_bullet_with_no_result_apart_from_its_action_is_not_repeated_as_the_result() -> None:
    reply = _interview_for(
        "Tom Baker\ntom@example.com\nEXPERIENCE\nMarketing Manager, Gamma Retail, Mar 2019 - Present\n"
        "- Ran 40+ email campaigns a year with a budget of $1.2M\n"
        "- Rebuilt the weekly report, cutting its preparation time by 50%\nSKILLS\nSQL, Excel\n",
        "Marketing Analyst\nRequirements:\n- SQL and Excel\n- Email campaigns\n",
    )
    stories = {s.action: s.result for s in reply.star_stories}
    assert stories, reply
    for action, result in stories.items():
        assert result != action
    assert any("50%" in result for result in stories.values())


def test_a_duty_written_to_the_reader_is_quoted_as_a_task() -> None:
    from core.offline.interview import duty_text

    assert duty_text("You will lead our revenue product area") == "Lead our revenue product area"
    assert duty_text("- You’ll own the roadmap") == "Own the roadmap"
    assert duty_text("你将负责推荐系统的规划") == "负责推荐系统的规划"
    assert duty_text("Youth programmes lead") == "Youth programmes lead"


def test_the_years_strength_counts_every_dated_role_not_the_latest_alone() -> None:
    from core import offline as engine
    from core.facts.read import read_document, read_job
    from core.offline.documents import ServiceDocuments

    resume = read_document(
        "Megan Walsh\nEXPERIENCE\nHubSpot, Senior Product Manager\n01/2021 – 12/2024\n- Grew ARR to $11.5M\n"
        "Wayfair, Product Manager\n06/2016 – 12/2020\n- Cut onboarding time from 21 days to 9 days\n",
        "resume",
    )
    jd, job = read_job("Group Product Manager\nRequirements\n- 8+ years of product management experience\n")
    strengths = engine.match(ServiceDocuments(resume, None, jd, job, "en"), [], as_of="2025-01").strengths
    years = next(s for s in strengths if "8+ years" in s)
    assert years.startswith("About 8.6 years of dated roles, the latest as a Senior Product Manager at HubSpot")


def test_a_name_set_in_capitals_is_written_as_a_name_in_sentences() -> None:
    from core.facts.read import read_document
    from core.offline.lookup import spoken_name

    assert spoken_name(read_document("PRIYA NATARAJAN\npriya@example.com\n", "resume")) == "Priya Natarajan"
    assert spoken_name(read_document("Priya McAllister\npriya@example.com\n", "resume")) == "Priya McAllister"
    assert spoken_name(read_document("李明\nliming@example.com\n", "resume")) == "李明"


def test_a_bullet_that_is_all_result_gives_its_figures_as_the_result() -> None:
    reply = _interview_for(
        "Ana Ruiz\nana@example.com\nEXPERIENCE\nSoftware Engineer, Square, 2017 - 2021\n"
        "- Reduced p99 latency of the card-authorization path from 180 ms to 45 ms\n"
        "- Built the payout scheduling service handling $2B a month\nSKILLS\nJava\n",
        "Backend Engineer\nRequirements:\n- Java\n- Latency and payouts\n",
    )
    results = {s.action: s.result for s in reply.star_stories}
    assert results["Reduced p99 latency of the card-authorization path from 180 ms to 45 ms"] == "from 180 ms to 45 ms"
    assert results["Built the payout scheduling service handling $2B a month"].startswith("Not in your resume")


def test_a_missing_skills_question_names_it_as_the_posting_does() -> None:
    """tests/data/jd/fpa_manager_zh.txt asks for "抗压能力"; the gap said so, but the interview asked "这个岗位需要适应
    能力" (the vocabulary's name for the family), so the two pages seemed to speak of different things."""
    reply = _interview_for(_fixture("resume", "accountant_zh.txt"), _fixture("jd", "fpa_manager_zh.txt"), "zh")
    asked = [q.question for q in reply.likely_questions]
    assert any(q.startswith("这个岗位需要抗压能力") for q in asked)
    assert not any("适应能力" in q for q in asked)


def test_two_latin_names_a_chinese_template_sets_side_by_side_keep_a_space() -> None:
    """ "目前是StripeSenior Software Engineer": the Chinese "{org}{title}" glued an English employer to its title."""
    from core.offline.templates import t

    assert t("zh", "at", org="Stripe", title="Senior Software Engineer") == "Stripe Senior Software Engineer"
    assert t("zh", "at", org="字节跳动", title="高级后端工程师") == "字节跳动高级后端工程师"
    assert t("zh", "at", org="Google", title="高级工程师") == "Google高级工程师"
    assert t("zh", "q_why", company="ASOS", job="Data Analyst") == "你为什么对ASOS Data Analyst岗位感兴趣？"
    assert t("en", "at", org="Stripe", title="Engineer") == "Engineer at Stripe"


def test_a_story_names_its_skill_not_the_words_that_happen_to_prove_it() -> None:
    """tests/data/resume/enterprise_ae_en.txt against a posting's phone screenshot: "114% of quota" proves quota
    attainment, and the STAR story was headed "quota" ("The role asks for quota")."""
    resume, jd = _fixture("resume", "enterprise_ae_en.txt"), _fixture("jd", "ramp_ae_phone_screenshot_ocr.txt")
    stories = _interview_for(resume, jd).star_stories
    assert "Quota Attainment" in [story.gap for story in stories]
    assert not any(story.gap.islower() for story in stories)


def test_a_story_asks_what_the_posting_asks_and_takes_no_scope_for_a_result() -> None:
    """tests/data/resume/embedded_bms_zh.txt against tests/data/jd/bms_embedded_zh.txt: a story on an STM32F4 bullet
    said "岗位要求STM32F4" (the posting asks for an MCU, "Infineon TC3xx 或 NXP S32K 系列 MCU"), and the result of
    "负责 48V/400V 电池管理系统…，带领 4 人软件小组" was its first clause, the battery's voltages."""
    resume = _fixture("resume", "embedded_bms_zh.txt")
    stories = _interview_for(resume, _fixture("jd", "bms_embedded_zh.txt"), "zh").star_stories
    assert not any("STM32" in story.task or "nRF" in story.task for story in stories)
    assert any(story.task == "岗位要求单片机" for story in stories)
    scoped = next(story for story in stories if story.action.startswith("负责 48V/400V"))
    assert scoped.result.startswith("简历里没有写")
    from core.offline.interview import outcome

    assert outcome("负责协会公众号运营，组织线下活动，参与人数 300+") == "参与人数 300+"  # a count of people came
    assert outcome("Led two weekly lab sections of 30 students") == ""
    assert outcome("带教2名初级工程师，编写结构设计规范文档") == ""  # tests/data/resume/mechanical_zh.txt


def test_stories_answer_different_keywords_when_their_bullets_prove_several() -> None:
    """tests/data/resume/firmware_en.txt against tests/data/jd/anduril_firmware.txt: three of four stories were
    headed "firmware", the first keyword each bullet proved, though they proved motor control and Python too."""
    stories = _interview_for(_fixture("resume", "firmware_en.txt"), _fixture("jd", "anduril_firmware.txt")).star_stories
    headings = [story.gap for story in stories]
    assert len(set(headings)) == len(headings)


def test_a_stories_result_keeps_its_subject_and_is_never_the_bullets_scope() -> None:
    """STAR results said "no result in your resume" beside "completion rose from 58% to 94%", kept a Chinese result
    without what it measured ("提升至56%"), and took a design bullet's scope ("(4 squads)") for its result."""
    from core.offline.interview import outcome

    assert outcome("Designed a 6-module course for a dental group; completion rose from 58% to 94%") == (
        "completion rose from 58% to 94%"
    )
    assert outcome("Own design for the suite (4 squads); shipped a flow that lifted completion from 61% to 78%.") == (
        "shipped a flow that lifted completion from 61% to 78%."
    )
    assert outcome("Wrote the OTA pipeline; field update failures fell from 3.1% to 0.2%") == (
        "field update failures fell from 3.1% to 0.2%"
    )
    assert outcome("优化关键词推荐逻辑，商家开户后7日留存率由41%提升至56%") == "商家开户后7日留存率由41%提升至56%"
    assert outcome("基于Flink 1.15 + Kafka搭建实时数仓，峰值QPS 120万，端到端延迟<3s") == "峰值QPS 120万"
    assert outcome("改版后店铺详情页平均停留时长提升25%，转化率提升0.8个百分点") == "提升25%，转化率提升0.8个百分点"


def test_internships_and_campus_posts_are_no_years_of_work() -> None:
    """A data engineer whose resume says "5年+" was credited 9.2 years: three internships and a campus job counted."""
    from core.facts.model import Entry
    from core.offline.lookup import experience_years

    def role(title: str, org: str, start: str, end: str) -> Entry:
        return Entry(kind="experience", org=org, title=title, start=start, end=end, line_start=0, line_end=1)

    work = role("数据开发工程师", "上海数禾科技有限公司", "2019-07", "2024-06")
    student = [
        role("大数据开发实习生", "北京字节流数据有限公司", "2019-01", "2019-05"),
        role("Data Engineering Intern", "Acme", "2018-06", "2018-08"),
        role("财务部部长", "南京财经大学会计学院学生会", "2017-09", "2018-06"),
    ]
    assert experience_years([work, *student], "2026-12") == experience_years([work], "2026-12") == 5.0
