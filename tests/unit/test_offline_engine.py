"""The offline engine on realistic English and Chinese resumes and JDs (tests/data/offline).

What must hold for every service: named facts of the resume appear in the summary, the strengths, the
tailored resume and the self-introduction; skills the job asks for that the documents do not hold appear in
none of them; the tailored resume is made of the documents' own lines (0 grounding flags); the same inputs
give the same output; nothing the user sees is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bench.offline_corpus import SERVICES, pick, text
from core import offline
from core.facts.grounding import check
from core.facts.read import read_document, read_job
from core.facts.text import contains_phrase, fold
from core.facts.vocabulary import get_vocabulary
from core.offline.lookup import clean, label
from core.workbench.schemas import MatchResultData


@dataclass(frozen=True)
class Service(offline.ServiceDocuments):
    """One service of the corpus, run through every offline step."""

    def run(self) -> dict[str, Any]:
        knowledge = pick("match", self.jd.text, self.lang)
        reply = offline.match(self, knowledge)
        result = MatchResultData(**reply.model_dump())
        tailored = offline.customize(self, result)
        prep = offline.interview(self, tailored.markdown, result, pick("interview", self.jd.text, self.lang))
        return {
            "summary": offline.summarize(self.resume, self.lang),
            "job": offline.extract_job(self.jd, self.job),
            "match": reply,
            "customize": tailored,
            "interview": prep,
        }


def service(index: int) -> Service:
    resume_name, detailed_name, jd_name, lang = SERVICES[index]
    detailed = read_document(text(detailed_name), "detailed_resume") if detailed_name else None
    jd, job = read_job(text(jd_name))
    return Service(read_document(text(resume_name), "resume"), detailed, jd, job, lang)


def absent_skills(s: Service) -> list[str]:
    """Labels of the job's keywords that neither document writes, in any of their names, nor proves by a
    narrower skill it names (MySQL proves SQL, GKE proves Kubernetes)."""
    held = fold(s.resume.text + "\n" + (s.detailed.text if s.detailed else ""))
    named = [*s.resume.skills, *(s.detailed.skills if s.detailed else [])]
    proved = {wider for skill in named for wider in get_vocabulary().broader(skill)}
    out = []
    for keyword in [*s.job.must_have, *s.job.nice_to_have]:
        names = {keyword, label(keyword, "en"), label(keyword, "zh")}
        if keyword in proved:
            continue
        if keyword not in s.resume.skills and not any(contains_phrase(held, n) for n in names):
            out += sorted(names)
    return out


NAMED = {
    0: ["Daniel Okafor", "Stripe", "Senior Software Engineer", "Kafka"],
    5: ["王磊", "字节跳动", "高级后端工程师", "Kafka"],
    7: ["李静", "小红书", "高级产品经理", "SQL"],
    3: ["Priya Raman", "ASOS", "Senior Data Analyst", "Tableau"],
}


@pytest.mark.parametrize("index", sorted(NAMED))
def test_named_facts_reach_every_result(index: int) -> None:
    out = service(index).run()
    summary = out["summary"].model_dump_json()
    strengths = "\n".join(out["match"].strengths)
    markdown = out["customize"].markdown
    intro = out["interview"].self_intro_1min
    for fact in NAMED[index]:
        assert fact in summary, fact
        assert fact in markdown, fact
    assert NAMED[index][0] in intro and NAMED[index][0] in out["match"].self_pitch
    assert NAMED[index][1] in intro  # the current employer
    assert NAMED[index][3] in strengths  # a skill the job asks for and the resume shows


@pytest.mark.parametrize("index", range(len(SERVICES)))
def test_nothing_absent_from_the_documents_is_claimed(index: int) -> None:
    s = service(index)
    out = s.run()
    claims = {
        "summary": out["summary"].model_dump_json(),
        "strengths": "\n".join(out["match"].strengths),
        "pitch": out["match"].self_pitch,
        "tailored": out["customize"].markdown,
        "intro": out["interview"].self_intro_1min + "\n" + out["interview"].self_intro_3min,
    }
    for where, textual in claims.items():
        for named_by_the_jd in (s.job.title, s.job.company):  # the pitch may name the job it applies for
            textual = textual.replace(named_by_the_jd, " ") if named_by_the_jd else textual
        for name in absent_skills(s):
            assert not contains_phrase(fold(textual), name), f"{name!r} in {where}"


@pytest.mark.parametrize("index", range(len(SERVICES)))
def test_tailored_resume_is_the_documents_own_lines(index: int) -> None:
    s = service(index)
    tailored = s.run()["customize"]
    own = {fold(clean(line)) for doc in (s.resume, s.detailed) if doc for line in doc.lines}
    own |= {fold(cert) for cert in s.resume.certifications}  # a certification is quoted as the resume names it
    bullets = [line[2:] for line in tailored.markdown.splitlines() if line.startswith("- ")]
    assert bullets and all(fold(b) in own for b in bullets)
    assert [src.bullet for src in tailored.sources] == bullets


@pytest.mark.parametrize("index", range(len(SERVICES)))
def test_grounding_finds_nothing_to_flag_in_the_tailored_resume(index: int) -> None:
    from core.facts.grounding import check

    s = service(index)
    tailored = s.run()["customize"]
    assert check(tailored.markdown, [d for d in (s.resume, s.detailed) if d], s.job) == []


@pytest.mark.parametrize("index", range(len(SERVICES)))
def test_same_inputs_same_outputs_and_never_empty(index: int) -> None:
    first = {k: v.model_dump() for k, v in service(index).run().items()}
    second = {k: v.model_dump() for k, v in service(index).run().items()}
    assert first == second
    m, c, i = first["match"], first["customize"], first["interview"]
    assert m["strengths"] and m["self_pitch"] and m["conclusion"] and str(m["overall_score"]) in m["formula"]
    assert all(g["gap"] and g["action"] for g in m["gaps"])
    assert c["markdown"].strip() and c["sources"]
    assert i["self_intro_1min"] and i["self_intro_3min"] and i["likely_questions"] and i["questions_to_ask"]
    assert i["star_stories"] and all(story["action"] for story in i["star_stories"])
    assert first["summary"]["roles"] and first["job"]["title"]


def test_strengths_quote_resume_lines() -> None:
    s = service(0)
    reply = s.run()["match"]
    own = {fold(clean(line)).rstrip(".") for line in s.resume.lines}
    quoted = [strength.split("“", 1)[1].rsplit("”", 1)[0] for strength in reply.strengths if "“" in strength]
    assert quoted and all(fold(q) in own for q in quoted)


def test_score_follows_coverage() -> None:
    """The backend resume fits the backend JD better than the frontend one, by the shown formula."""
    backend, frontend = service(1), service(0)
    low = backend.run()["match"]
    high = frontend.run()["match"]
    assert high.overall_score > low.overall_score
    assert low.gaps and any("TypeScript" in gap.gap or "React" in gap.gap for gap in low.gaps)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_degree_or_years_gap_gets_a_step_for_that_gap_not_a_project_to_build(lang: str) -> None:
    resume = read_document("Ada Lin\nExperience\nAcme, Analyst\n2024-01 – 2024-06\n- Built weekly SQL reports\n"
                           "Education\nBSc Statistics, Leeds University, 2023", "resume")  # fmt: skip
    jd, job = read_job("Data Analyst\nRequirements\n- Master's degree in statistics\n- 5+ years of experience "
                       "with SQL")  # fmt: skip
    assert job.degree_required == "master" and job.years_required == 5
    gaps = offline.match(offline.ServiceDocuments(resume, None, jd, job, lang), []).gaps
    degree = next(g.action for g in gaps if g.gap.startswith(("The role asks for a master", "岗位要求硕士学历")))
    years = next(g.action for g in gaps if "5" in g.gap and ("years" in g.gap or "年" in g.gap))
    for action in (degree, years):
        assert "example of" not in action and "例子" not in action
    assert ("equivalent experience" if lang == "en" else "同等经验") in degree


@pytest.mark.parametrize(("lang", "story"), [("en", "story from your own work"), ("zh", "具体事例")])
def test_a_missing_soft_skill_asks_for_a_story_not_a_course(lang: str, story: str) -> None:
    resume = read_document("Ada Lin\nExperience\nAcme, Backend Engineer\n2020-01 – 2024-06\n- Built Go services",
                           "resume")  # fmt: skip
    jd, job = read_job("Backend Engineer\nRequirements\n- Go\n- Strong communication skills\n- Kubernetes")
    gaps = offline.match(offline.ServiceDocuments(resume, None, jd, job, lang), []).gaps
    soft = next(g.action for g in gaps if label("communication", lang) in g.gap)
    hard = next(g.action for g in gaps if "Kubernetes" in g.gap)
    assert story in soft and "course" not in soft and "课程" not in soft
    assert story not in hard


def test_a_chinese_gap_names_a_tool_as_the_jd_writes_it_not_by_its_category() -> None:
    resume = read_document("李雷\n工作经历\n某公司 后端工程师\n2020.01 – 2024.06\n- 用Go开发服务", "resume")
    for jd_text in (
        "后端工程师\n任职要求\n- 熟悉Go\n- 熟悉Kubernetes、git\n- 良好的沟通能力",
        "Backend Engineer\nRequirements\n- Go\n- Experience with kubernetes and git\n- Communication",
    ):
        jd, job = read_job(jd_text)
        gaps = [g.gap for g in offline.match(offline.ServiceDocuments(resume, None, jd, job, "zh"), []).gaps]
        assert [g.split("，")[0] for g in gaps] == ["岗位要求Kubernetes", "岗位要求Git", "岗位要求沟通能力"]


def test_a_resume_without_recognised_structure_still_gets_every_result_from_its_own_lines() -> None:
    lines = ["Worked nights at the Riverside bakery for three winters.", "Ran the morning shift alone."]
    resume = read_document("\n".join(lines), "resume")
    jd, job = read_job("Baker wanted\nRequirements\n- Experience running a shift\n- Food safety certificate")
    docs = offline.ServiceDocuments(resume, None, jd, job, "en")
    reply = offline.match(docs, [])
    result = MatchResultData(**reply.model_dump())
    tailored = offline.customize(docs, result)
    prep = offline.interview(docs, tailored.markdown, result, [])
    assert offline.summarize(resume, "en").headline
    assert reply.strengths and reply.self_pitch and reply.formula
    body = [line for line in tailored.markdown.splitlines() if line.strip()]
    assert body and all(any(fold(clean(b).lstrip("# ")) == fold(line) for line in lines) for b in body)
    assert prep.self_intro_1min and prep.likely_questions


_ONE_RUN = """
import hashlib, sys
sys.path.insert(0, "tests/unit")
from test_offline_engine import service
out = "".join(v.model_dump_json() for v in service(int(sys.argv[1])).run().values())
print(hashlib.sha256(out.encode()).hexdigest())
"""


def test_same_output_in_another_process_whatever_the_hash_seed() -> None:
    """Nothing depends on set or dict order that Python randomises per process (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}
        run = subprocess.run([sys.executable, "-c", _ONE_RUN, "5"], cwd=root, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]
        digests.add(run.stdout.strip())
    assert len(digests) == 1


def _fixture(*parts: str) -> str:
    return Path(__file__).resolve().parents[1].joinpath("data", *parts).read_text("utf-8")


def _service_of(resume_text: str, jd_text: str, lang: str) -> Service:
    jd, job = read_job(jd_text)
    return Service(read_document(resume_text, "resume"), None, jd, job, lang)


def test_a_new_graduates_objective_ended_internship_and_prizes() -> None:
    """tests/data/resume/new_grad_zh.txt against a campus posting: the objective line was quoted as a strength and
    as the intro's experience, the internship that ended in 2025-10 read "目前是…（2025-07至今）", and the
    tailored resume dropped the 荣誉奖项 section a new graduate leans on."""
    out = _service_of(_fixture("resume", "new_grad_zh.txt"), _fixture("jd", "campus_data_analyst.txt"), "zh").run()
    match, intro = out["match"], out["interview"]
    said = "\n".join([*match.strengths, match.self_pitch, intro.self_intro_1min, intro.self_intro_3min])
    assert "求职意向" not in said and "152-1088-3421" not in said
    assert not any("R语言" in gap.gap for gap in match.gaps)  # "熟悉 Python 或 R": Python meets it
    assert "目前是" not in said and "至今" not in said
    assert "最近一段经历是中国平安保险（集团）股份有限公司数据分析实习生（2025-07 – 2025-10）" in intro.self_intro_1min
    assert "最近一段经历是中国平安保险（集团）股份有限公司数据分析实习生。" in match.self_pitch
    assert "在武汉大学数学与统计学院学生会担任学术部部长（2023-09 – 2024-06）期间" in intro.self_intro_3min
    markdown = out["customize"].markdown
    assert "## 荣誉奖项" in markdown and "全国大学生数学建模竞赛 湖北赛区一等奖" in markdown
    assert "求职意向" not in markdown


def test_a_role_without_a_title_is_told_by_its_employer() -> None:
    resume = (
        "李四\n工作经历\n某某科技有限公司 2020.01-2021.01\n• 负责销售数据周报 52 份\n"
        "教育背景\n武汉大学 本科 2016.09-2020.06\n"
    )
    out = _service_of(resume, _fixture("jd", "campus_data_analyst.txt"), "zh").run()
    three = out["interview"].self_intro_3min
    assert "在某某科技有限公司（2020-01 – 2021-01）期间" in three
    assert "担任（" not in three
    assert "最近一段经历在某某科技有限公司（2020-01 – 2021-01）。" in out["interview"].self_intro_1min
    assert "最近一段经历在某某科技有限公司。" in out["match"].self_pitch  # not "目前是某某科技有限公司"


def test_an_ended_role_and_a_current_one_in_english() -> None:
    nurse = _fixture("resume", "nurse_en.txt")
    jd = _fixture("jd", "indeed_nurse.txt")
    current = _service_of(nurse, jd, "en").run()
    assert "I'm currently a Staff Nurse, Telemetry Unit at Memorial Hermann Hospital (since 2022-03)." in (
        current["interview"].self_intro_1min
    )
    ended = _service_of(nurse.replace("March 2022 – Present", "March 2022 – October 2025"), jd, "en").run()
    assert (
        "Most recently I was a Staff Nurse, Telemetry Unit at Memorial Hermann Hospital (2022-03 – 2025-10)."
        in ended["interview"].self_intro_1min
    )
    pitch = ended["match"].self_pitch
    assert "Most recently I was a Staff Nurse, Telemetry Unit at Memorial Hermann Hospital." in pitch
    assert "currently" not in ended["interview"].self_intro_1min


def test_a_bullet_a_pdf_wrapped_is_quoted_and_tailored_whole() -> None:
    """tests/data/pdf/browser_printed_nurse_resume.pdf: long bullets wrap ("… heart-failure" + "patients", "… calls
    in" + "2023") and the text layer has no bullet marks. The tailored resume showed the halves as loose lines and
    "2023" alone, the summary as two bullets, and Match quoted "… calls in" cut short."""
    from core.assets.pdf import extract_text

    pdf = Path(__file__).resolve().parents[1] / "data" / "pdf" / "browser_printed_nurse_resume.pdf"
    text = extract_text(pdf.read_bytes()).text
    assert "rapid response calls in\n2023" in text  # the wrap this test is about
    out = _service_of(text, _fixture("jd", "indeed_nurse.txt"), "en").run()
    markdown = out["customize"].markdown
    lines = markdown.splitlines()
    assert (
        "- Interpret cardiac rhythms and escalate changes, contributing to a 20% drop in rapid response calls in 2023"
        in (lines)
    )
    assert any(line.startswith("- Provide care for 4–5") and line.endswith("heart-failure patients") for line in lines)
    assert "2023" not in lines and "patients" not in lines
    summary = [line for line in lines if line.startswith("- Compassionate registered nurse")]
    assert summary and summary[0].endswith("cardiac monitoring and patient education.")
    assert any(s.action.endswith("rapid response calls in 2023") for s in out["interview"].star_stories)
    resume = read_document(text, "resume")
    whole = {fold(clean(b)) for e in resume.entries for b in e.bullets}
    experience = markdown.split("## EXPERIENCE")[1].split("## EDUCATION")[0]
    bullets = [line[2:] for line in experience.splitlines() if line.startswith("- ")]
    assert bullets and all(fold(b) in whole for b in bullets)
    intro = out["interview"].self_intro_3min
    assert "rapid response calls in 2023" in intro


def test_a_new_graduates_leadership_stays_its_own_and_a_choice_met_is_no_gap() -> None:
    """tests/data/resume/new_grad_en.txt against tests/data/jd/new_grad_swe.txt ("at least one of Java, C++, Go or
    Python"): the club presidency is kept under its own heading, not taken for the latest job, and C++ and Go are
    no gaps for a Java and Python user."""
    out = _service_of(_fixture("resume", "new_grad_en.txt"), _fixture("jd", "new_grad_swe.txt"), "en").run()
    markdown = out["customize"].markdown
    assert "## LEADERSHIP\n- President, Longhorn Developers Club | Aug 2024 – May 2026" in markdown
    assert markdown.index("## EXPERIENCE") < markdown.index("Dell Technologies") < markdown.index("## LEADERSHIP")
    gaps = " ".join(gap.gap for gap in out["match"].gaps)
    assert "C++" not in gaps and "Go " not in gaps and "Communication" in gaps
    intro = out["interview"].self_intro_1min
    assert "Most recently I was a Software Engineering Intern at Dell Technologies (2025-06 – 2025-08)." in intro
    service = _service_of(_fixture("resume", "new_grad_en.txt"), _fixture("jd", "new_grad_swe.txt"), "en")
    assert check(markdown, [service.resume], service.job) == []  # a browser journey flagged "President" as invented


def test_roles_dated_by_term_are_told_once_and_headers_lose_their_padding() -> None:
    """tests/data/resume/new_grad_terms_en.txt: the internship dated "Summer 2024" was no role (the intro named the
    teaching job as the latest), a role within one term would read "(2024 – 2024)", and the tailored headers kept
    the 50 spaces that pushed their dates to the right margin."""
    service = _service_of(_fixture("resume", "new_grad_terms_en.txt"), _fixture("jd", "new_grad_swe.txt"), "en")
    out = service.run()
    intro = out["interview"].self_intro_1min
    assert "Most recently I was a Software Engineering Intern at Ford Motor Company (2024)." in intro
    markdown = out["customize"].markdown
    assert "### Software Engineering Intern · Summer 2024\nFord Motor Company, Dearborn, MI" in markdown
    assert "### Instructional Aide, EECS 281 (Data Structures and Algorithms) · Fall 2023 – Spring 2024" in markdown
    assert check(markdown, [service.resume], service.job) == []


def test_a_graduates_research_and_work_stay_under_their_own_headings() -> None:
    """tests/data/resume/new_grad_research_en.txt against tests/data/jd/new_grad_ml.txt: the NVIDIA internship was
    filed under "RESEARCH EXPERIENCE" (the first experience heading), and the CUDA and TensorRT it proves, named
    in the posting's duties, were no strengths."""
    service = _service_of(_fixture("resume", "new_grad_research_en.txt"), _fixture("jd", "new_grad_ml.txt"), "en")
    out = service.run()
    markdown = out["customize"].markdown
    research, work = markdown.index("## RESEARCH EXPERIENCE"), markdown.index("## WORK EXPERIENCE")
    assert research < markdown.index("Graduate Research Assistant") < work < markdown.index("NVIDIA")
    assert markdown.index("Undergraduate Researcher") < work  # each role under its own heading, latest first within
    strengths = " ".join(out["match"].strengths)
    assert "CUDA:" in strengths and "TensorRT:" in strengths
    assert check(markdown, [service.resume], service.job) == []


def test_a_choice_the_documents_meet_in_no_way_is_one_gap() -> None:
    """tests/data/jd/workday_data_engineer.txt asks for "a cloud data warehouse (Snowflake, BigQuery or Redshift)":
    a resume with none of them was told of three required gaps and lost three points of its score for one."""
    service = _service_of(
        _fixture("resume", "new_grad_terms_en.txt"), _fixture("jd", "workday_data_engineer.txt"), "en"
    )
    out = service.run()
    gaps = [gap.gap for gap in out["match"].gaps]
    # The warehouse the examples are of is the same choice ("a cloud data warehouse (Snowflake, …)").
    choice = "Data Warehousing / Snowflake / Google BigQuery / Amazon Redshift"
    assert f"{choice} is required but not shown in your documents" in gaps
    assert not any(gap.startswith(("Google BigQuery", "Amazon Redshift", "Data Warehousing is")) for gap in gaps)
    questions = " ".join(q.question for q in out["interview"].likely_questions)
    assert f"This role needs {choice}." in questions


def test_a_senior_candidates_promotions_are_told_under_their_employer() -> None:
    """tests/data/resume/senior_pm_en.txt: the latest role was "AWS Marketplace" with no title, the pitch read "I
    currently work at Amazon Web Services" for a Principal PM, and the tailored resume was checked against it."""
    service = _service_of(_fixture("resume", "senior_pm_en.txt"), _fixture("jd", "linkedin_data_analyst.txt"), "en")
    out = service.run()
    assert "Principal Product Manager, AWS Marketplace at Amazon Web Services (since 2022)" in (
        out["interview"].self_intro_1min
    )
    markdown = out["customize"].markdown
    assert markdown.index("### Amazon Web Services (AWS), Seattle, WA · 2019 – Present") < markdown.index(
        "Principal Product Manager, AWS Marketplace (2022 – Present)"
    )
    assert check(markdown, [service.resume], service.job) == []


def test_a_title_under_its_employers_line_is_no_deed_to_pitch() -> None:
    """tests/data/resume/senior_zh.txt: the pitch's "我的相关经历" quoted "Java开发工程师", the title under "网易
    2011.07 - 2016.02", as a thing the candidate did."""
    out = _service_of(_fixture("resume", "senior_zh.txt"), _fixture("jd", "boss_java.txt"), "zh").run()
    pitch = out["match"].self_pitch
    assert "目前是阿里巴巴集团高级技术专家（P8），淘宝交易平台。" in pitch
    assert "我的相关经历：负责网易邮箱后端开发" in pitch and "经历：Java开发工程师" not in pitch


def test_the_sentence_introducing_the_company_is_no_duty_to_ask_about() -> None:
    """tests/data/jd/linkedin_data_analyst.txt: the interview asked "How would you approach this part of the role:
    At Shopify, we're building the commerce platform for everyone…" and the questions to ask began with it."""
    out = _service_of(_fixture("resume", "senior_pm_en.txt"), _fixture("jd", "linkedin_data_analyst.txt"), "en").run()
    interview = out["interview"]
    asked = [q.question for q in interview.likely_questions] + interview.questions_to_ask
    assert not any("At Shopify, we're building" in text for text in asked)
    assert any("define success metrics" in text for text in asked)


def test_a_graduates_project_is_told_by_its_deeds_and_a_missing_result_is_to_prepare() -> None:
    """tests/data/resume/new_grad_fe_zh.txt against tests/data/jd/campus_fe_zh.txt: the project's "技术栈：…" line
    was a strength's quote, a story's action and the pitch's experience; "Vue 3" was a story's result, and a story
    with no result had an empty one, with the advice to "say the number your resume gives" when it gives none."""
    out = _service_of(_fixture("resume", "new_grad_fe_zh.txt"), _fixture("jd", "campus_fe_zh.txt"), "zh").run()
    assert "技术栈" not in " ".join(out["match"].strengths) + out["match"].self_pitch
    assert "看到字节跳动前端开发工程师岗位" in out["match"].self_pitch
    interview = out["interview"]
    stories = interview.star_stories
    assert stories and not any("技术栈" in story.action for story in stories)
    to_prepare = "简历里没有写：面试前想好一个经得起追问的结果（数字、上线情况或反馈）"
    assert all(story.result == to_prepare for story in stories)
    assert "在实验室设备预约系统担任组长（2024-09 – 2024-12）" in [story.situation for story in stories]  # not 课程设计
    outlines = " ".join(line for q in interview.likely_questions for line in q.outline)
    assert "说出简历里写的数字" not in outlines and "简历里没有写结果" in outlines
    markdown = out["customize"].markdown
    assert "### 实验室设备预约系统（课程设计，3 人小组，担任组长） · 2024.09 – 2024.12" in markdown
    assert "- 技术栈：微信小程序、Vue 3、Node.js、MongoDB" in markdown  # kept in the resume, under its project


def test_a_figure_is_a_result_and_a_version_is_not() -> None:
    from core.offline.interview import outcome

    assert outcome("参与官网开发，使用 Vue 3 + Vite 完成多个页面") == ""
    assert outcome("Built the checkout in ES6 and HTML5, cutting load time by 40%") == "cutting load time by 40%"
    assert outcome("组织 6 场学术讲座，累计参与 800 余人次") == "组织 6 场学术讲座"
    # a model number glued to its product is no figure; a bracket's commas do not cut its clause
    # (tests/data/resume/electrical_zh.txt, supply_chain_en.txt)
    assert outcome("主控采用西门子S7-1500 + ET200SP分布式IO，PROFINET总线") == ""
    assert outcome("Improved forecast accuracy (MAPE-based, SKU/DC/month, lag 1) from 68% to 82%, tuning models") == (
        "Improved forecast accuracy (MAPE-based, SKU/DC/month, lag 1) from 68% to 82%"
    )


def test_a_roles_tool_line_keeps_its_place_and_is_no_deed_to_tell() -> None:
    """tests/data/resume/senior_backend_en.txt: "Technologies: Go, Kafka, …" under a role was ranked its first
    bullet, opened the introductions' "What I've done that fits" and was the strongest fact to connect; the skills
    list showed "Mentored" and "reconciliation" as the sentences wrote them."""
    out = _service_of(_fixture("resume", "senior_backend_en.txt"), _fixture("jd", "fintech_ledger.txt"), "en").run()
    markdown = out["customize"].markdown
    start, end = markdown.index("### Senior Software Engineer, Stripe"), markdown.index("### Software Engineer II")
    stripe = markdown[start:end]
    assert stripe.rstrip().endswith("- Technologies: Go, Kafka, CockroachDB, gRPC, Kubernetes")
    assert stripe.count("\n- ") == 4  # the three deeds kept, the tool line beside them
    skills = next(line for line in markdown.splitlines() if " · Go · " in line)
    assert "Mentoring" in skills and "Reconciliation" in skills and "Mentored" not in skills
    interview = out["interview"]
    told = [interview.self_intro_1min, interview.self_intro_3min, *(s.action for s in interview.star_stories)]
    told += [line for q in interview.likely_questions for line in q.outline]
    assert not any("Technologies:" in text or "Tech stack:" in text for text in told)


def test_soft_skills_the_documents_do_not_state_are_one_gap() -> None:
    """tests/data/jd/campus_fe_zh.txt asks for 沟通能力, 团队合作 and 学习能力: three of the five gaps said the same
    thing, and the posting's real gaps fell off the list."""
    out = _service_of(_fixture("resume", "new_grad_fe_zh.txt"), _fixture("jd", "campus_fe_zh.txt"), "zh").run()
    gaps = out["match"].gaps
    soft = [gap for gap in gaps if "沟通能力" in gap.gap or "团队合作" in gap.gap or "学习能力" in gap.gap]
    assert [gap.gap for gap in soft] == ["岗位要求沟通能力、团队合作、学习能力，但你的材料中没有体现"]
    assert soft[0].action.startswith("为沟通能力、团队合作、学习能力各准备一个你自己经历中的具体事例")
    assert any("用户体验" in gap.gap for gap in gaps)


def test_lines_aligned_by_spaces_are_quoted_and_tailored_with_one_separator() -> None:
    """tests/data/resume/new_grad_jake_template_en.txt pads its headers to the right margin: the strengths quoted
    "… Git" + 32 spaces + "May 2023 – May 2023" and the tailored resume kept the padding under each heading."""
    service = _service_of(_fixture("resume", "new_grad_jake_template_en.txt"), _fixture("jd", "new_grad_swe.txt"), "en")
    out = service.run()
    markdown = out["customize"].markdown
    assert "### Software Engineer Intern · June 2025 – Sep. 2025\nQualcomm · San Diego, CA\n" in markdown
    assert "   " not in markdown and not any("   " in strength for strength in out["match"].strengths)
    assert "Most recently I was a Software Engineer Intern at Qualcomm" in out["interview"].self_intro_1min
    assert check(markdown, [service.resume], service.job) == []


def test_a_career_changers_profile_is_one_paragraph_and_freelance_work_no_employer() -> None:
    """tests/data/resume/career_change_teacher_en.txt against tests/data/jd/instructional_designer.txt: the profile's
    wrapped sentence became two bullets ("… in Articulate" / "Storyline and Rise …") and the introduction quoted
    the first half; "At Self-employed, as Freelance Instructional Designer" and "I studied at Google UX Design
    Professional Certificate"."""
    service = _service_of(
        _fixture("resume", "career_change_teacher_en.txt"), _fixture("jd", "instructional_designer.txt"), "en"
    )
    out = service.run()
    markdown = out["customize"].markdown
    assert "modules in Articulate Storyline and Rise for a nonprofit client" in markdown
    assert "\n- Storyline and Rise" not in markdown
    intro = out["interview"].self_intro_3min
    assert "As a Freelance Instructional Designer (2024-08 – present):" in intro and "Self-employed" not in intro
    assert "I studied at University of Colorado Denver, M.A. Curriculum and Instruction." in intro
    assert check(markdown, [service.resume], service.job) == []


def test_a_skills_bracketed_examples_are_one_choice() -> None:
    """tests/data/jd/instructional_designer.txt prefers "Video editing (Camtasia, Adobe Premiere)": three gaps for
    one wish ("Adobe Premiere" was not even Premiere Pro's name)."""
    out = _service_of(
        _fixture("resume", "career_change_teacher_en.txt"), _fixture("jd", "instructional_designer.txt"), "en"
    ).run()
    gaps = [gap.gap for gap in out["match"].gaps]
    assert "Video Editing / Camtasia / Adobe Premiere Pro (preferred) is not shown in your documents" in gaps
    assert not any(gap.startswith(("Camtasia", "Adobe Premiere")) for gap in gaps)


def test_years_in_another_field_are_no_strength() -> None:
    """A browser journey ran tests/data/resume/career_change_teacher_en.txt against tests/data/jd/fintech_ledger.txt:
    none of the posting's hard skills, titles or duties in the documents, yet a strength said "About 10.3 years of
    dated roles … meet the 8+ years the role asks for". Against the instructional design posting they do."""
    teacher = _fixture("resume", "career_change_teacher_en.txt")
    backend = _service_of(teacher, _fixture("jd", "fintech_ledger.txt"), "en").run()
    assert not any("years the role asks for" in strength for strength in backend["match"].strengths)
    design = _service_of(teacher, _fixture("jd", "instructional_designer.txt"), "en").run()
    assert any("meet the 2+ years the role asks for" in strength for strength in design["match"].strengths)


def test_the_users_own_listed_tools_stay_in_the_tailored_skills() -> None:
    """tests/data/resume/new_grad_jake_template_en.txt lists "TravisCI" among its developer tools, and
    new_grad_research_en.txt "Weights & Biases": names the vocabulary does not know were dropped from the
    tailored resume's skills, a list the user wrote shortened by the product."""
    for name, tool in (("new_grad_jake_template_en.txt", "TravisCI"), ("new_grad_research_en.txt", "Weights & Biases")):
        service = _service_of(_fixture("resume", name), _fixture("jd", "new_grad_swe.txt"), "en")
        markdown = service.run()["customize"].markdown
        lines = markdown.splitlines()
        heading = next(n for n, line in enumerate(lines) if line.startswith("## ") and "skill" in line.lower())
        assert lines[heading + 1].endswith(f" · {tool}")  # after the vocabulary's, as the user wrote it
        assert check(markdown, [service.resume], service.job) == []


def test_a_scans_dates_on_a_line_of_their_own_join_the_roles_heading() -> None:
    """tests/data/resume/accountant_zh_scan_ocr.txt, the printed resume scanned (tests/data/pdf/scanned_zh_accountant
    .pdf) and read by OCR: each right-aligned date came on a line of its own, above or below its employer and title,
    and the tailored resume made "### 2022.03-至今" a role's heading with the employer a loose line under it."""
    service = _service_of(
        _fixture("resume", "accountant_zh_scan_ocr.txt"),
        _fixture("jd", "fpa_manager_zh_phone_screenshot_ocr.txt"),
        "zh",
    )
    markdown = service.run()["customize"].markdown
    headings = [line for line in markdown.splitlines() if line.startswith("### ")]
    assert headings == [
        "### 苏州恒力精密机械有限公司·财务主管 | 2022.03-至今",
        "### 昆山德鑫电子科技有限公司·总账会计 | 2019.07-2022.02",
        "### 南京财经大学·会计学·本科 | 2015.09 -2019.06",
    ]
    assert check(markdown, [service.resume], service.job) == []


def test_every_item_of_the_users_skills_list_stays_in_the_tailored_resume() -> None:
    """tests/data/resume/embedded_bms_zh.txt lists "UART、SPI、I2C" and "Vector CANoe/CANalyzer": once the vocabulary
    knew them as one skill each ("serial interfaces", "canoe"), the tailored list kept only the first name of each
    and dropped SPI, I2C and CANalyzer. A tool named by two words side by side ("用友 U8") stays one item, and a
    name already listed with its version ("Vue 3") is not listed again bare."""

    def skills_line(resume: str, jd: str) -> str:
        markdown = _service_of(_fixture("resume", resume), _fixture("jd", jd), "zh").run()["customize"].markdown
        lines = markdown.splitlines()
        return lines[next(n for n, line in enumerate(lines) if line.startswith("## ") and "技能" in line) + 1]

    embedded = skills_line("embedded_bms_zh.txt", "bms_embedded_zh.txt").split("、")
    assert {"UART", "SPI", "I2C", "CAN", "CAN FD", "CANalyzer", "示波器", "逻辑分析仪", "PC-lint"} <= set(embedded)
    assert "用友 U8" in skills_line("accountant_zh.txt", "boss_java.txt").split("、")
    frontend = skills_line("new_grad_fe_zh.txt", "boss_java.txt").split("、")
    assert "Vue 3" in frontend and "Vue" not in frontend


def test_years_in_another_engineering_field_do_not_meet_the_roles() -> None:
    """A browser journey ran tests/data/resume/mechanical_zh.txt (a structural engineer) against the BMS embedded
    posting: no hard skill shown (0 of 9), yet "有日期的经历合计约8.5年…满足岗位要求的5年以上经验", because the title
    and duties shared the words "负责…设计". Shared words count only for a posting that names no hard skill."""
    strengths = (
        _service_of(_fixture("resume", "mechanical_zh.txt"), _fixture("jd", "bms_embedded_zh.txt"), "zh")
        .run()["match"]
        .strengths
    )
    assert not any("满足岗位要求" in strength for strength in strengths)
    own = _service_of(_fixture("resume", "mechanical_zh.txt"), _fixture("jd", "wearable_structure_zh.txt"), "zh")
    assert any("满足岗位要求的5年以上经验" in strength for strength in own.run()["match"].strengths)


def test_a_project_named_alone_is_the_storys_project_and_a_buyer_is_at_the_employer() -> None:
    """tests/data/resume/qa_engineer_zh.txt: a STAR story set in a project with no role of its own read
    "担任接口自动化测试平台" (served as a platform). tests/data/resume/procurement_en.txt: the pitch said "Senior
    Category Manager at Direct Materials", the team under the employer's line read as the employer."""
    qa = _service_of(_fixture("resume", "qa_engineer_zh.txt"), _fixture("jd", "pdd_qa_zh.txt"), "zh").run()
    situations = [story.situation for story in qa["interview"].star_stories]
    assert "在接口自动化测试平台项目中（2022-03 – 2022-12）" in situations
    assert not any(s.startswith("担任接口") for s in situations)
    buyer = _service_of(_fixture("resume", "procurement_en.txt"), _fixture("jd", "siemens_sourcing.txt"), "en").run()
    assert "Senior Category Manager, Direct Materials at Baker Hughes" in buyer["match"].self_pitch
    assert not any(role.employer == "Direct Materials" for role in buyer["summary"].roles)
    gaps = " ".join(gap.gap for gap in buyer["match"].gaps)
    assert "Total Cost of Ownership" not in gaps and "Risk Management" not in gaps  # should-cost, dual-sourcing shown


def test_a_project_situation_in_english_says_project_once() -> None:
    from core.facts.model import Entry
    from core.offline.interview import situation_line

    named = Entry(kind="project", org="", title="Inventory Forecasting Tool", start="2024-01", end="2024-05")
    assert situation_line(named, "en").startswith("In the Inventory Forecasting Tool project")
    said = Entry(kind="project", org="", title="Capstone Project", start="2024-01", end="2024-05")
    assert situation_line(said, "en").startswith("In the Capstone Project (")


def test_licences_listed_with_skills_stay_listed_and_their_numbers_are_no_skills() -> None:
    """tests/data/resume/civil_engineer_en.txt lists "Professional Engineer (P.E.), Colorado #0059821 · OSHA 30 · LEED
    Green Associate" under LICENSES & SKILLS: the tailored skills line showed "Colorado #0059821" as a skill and kept
    only LEED as a certificate, since P.E. and OSHA 30 were also named in a sentence."""
    out = _service_of(
        _fixture("resume", "civil_engineer_en.txt"), _fixture("jd", "turner_project_engineer.txt"), "en"
    ).run()
    markdown = out["customize"].markdown
    assert "#0059821" not in markdown
    certificates = markdown.split("## Certifications", 1)[1]
    assert all(name in certificates for name in ("P.E.", "OSHA 30", "LEED Green Associate"))
    strengths = " ".join(out["match"].strengths)
    assert "Procore" in strengths and "Primavera P6" in strengths
    service = _service_of(
        _fixture("resume", "civil_engineer_en.txt"), _fixture("jd", "turner_project_engineer.txt"), "en"
    )
    assert check(markdown, [service.resume], service.job) == []


def test_a_teacher_and_a_customer_success_manager_offline() -> None:
    """tests/data/resume/teacher_zh.txt against tests/data/jd/math_teacher_zh.txt: the posting's must-haves were
    "self-motivation, communication" and the degree asked was high school. tests/data/resume/csm_en.txt against
    tests/data/jd/datadog_csm.txt: "managing enterprise accounts" made Enterprise Sales a required gap of a CSM."""
    teacher = _service_of(_fixture("resume", "teacher_zh.txt"), _fixture("jd", "math_teacher_zh.txt"), "zh").run()
    match = teacher["match"]
    assert any(strength.startswith("教学：") for strength in match.strengths)
    assert "要求：本科" in match.formula
    csm = _service_of(_fixture("resume", "csm_en.txt"), _fixture("jd", "datadog_csm.txt"), "en").run()
    gaps = " ".join(gap.gap for gap in csm["match"].gaps)
    assert "Enterprise Sales" not in gaps and "Gainsight" not in gaps
    assert any("Gainsight" in strength for strength in csm["match"].strengths)


def test_a_lawyer_and_a_clinical_research_coordinator_offline() -> None:
    """tests/data/resume/legal_counsel_zh.txt against a data-compliance counsel posting asked for "cybersecurity,
    attention to detail, communication" and found none of her contract, privacy or litigation work;
    tests/data/resume/clinical_research_en.txt was matched on Google Cloud."""
    lawyer = _service_of(
        _fixture("resume", "legal_counsel_zh.txt"), _fixture("jd", "data_compliance_counsel_zh.txt"), "zh"
    ).run()
    strengths = " ".join(lawyer["match"].strengths)
    gaps = " ".join(gap.gap for gap in lawyer["match"].gaps)
    # The licence the posting requires ("已通过国家统一法律职业资格考试") and she holds leads; her litigation is no gap.
    assert "数据合规" in strengths and "法律职业资格" in strengths and "诉讼" not in gaps
    crc = _service_of(_fixture("resume", "clinical_research_en.txt"), _fixture("jd", "brigham_crc.txt"), "en").run()
    said = " ".join([*crc["match"].strengths, *(gap.gap for gap in crc["match"].gaps)])
    assert "Google Cloud" not in said and "Observability" not in said
    assert "Good Clinical Practice" in said


def test_a_language_a_certificate_proves_is_named_in_the_users_language() -> None:
    from core.offline.lookup import language_names

    resume = read_document(_fixture("resume", "hrbp_zh.txt"), "resume")  # "人力资源管理师（二级）、CET-6"
    assert language_names(resume) == ["英语"]
    english = read_document("Jane Doe\nCERTIFICATIONS\nIELTS 7.5\n", "resume")
    assert language_names(english) == ["English"]


def test_a_roles_duties_label_and_a_schools_section_label_stay_out_of_the_tailored_resume() -> None:
    """tests/data/resume/warehouse_zh.txt: "工作内容：" was glued to the line above it ("- （第三方物流公司…）
    工作内容：") and the school's heading read "### 教育经历：2011.09 - 2014.06 · …" with the section's label in it."""
    service = _service_of(_fixture("resume", "warehouse_zh.txt"), _fixture("jd", "warehouse_manager_zh.txt"), "zh")
    markdown = service.run()["customize"].markdown
    assert "工作内容" not in markdown
    assert "### 2011.09 - 2014.06 · 安徽商贸职业技术学院 · 物流管理（大专）" in markdown
    assert check(markdown, [service.resume], service.job) == []


def test_two_keywords_the_posting_names_alike_are_one_gap() -> None:
    """tests/data/jd/nev_customer_service_zh.txt asks for "CRM（Salesforce Service Cloud）": CRM and Salesforce were
    two gaps both reading "岗位要求Salesforce"."""
    service = _service_of(
        _fixture("resume", "customer_service_zh.txt"), _fixture("jd", "nev_customer_service_zh.txt"), "zh"
    )
    gaps = [gap.gap for gap in service.run()["match"].gaps]
    assert gaps.count("岗位要求Salesforce，但你的材料中没有体现") == 1
    assert len(gaps) == len(set(gaps))


def test_a_figures_piece_in_a_two_column_resumes_skills_list_is_no_skill() -> None:
    """tests/data/resume/content_marketing_two_column_en.txt, as pypdf reads two columns line by line: the skills
    sidebar's lines carry the main column's words, and "Generated 4,800+ MQLs" split at its comma put "800+ MQLs"
    and "200 to 21" in the tailored skills line, flagged as figures the resume does not hold."""
    resume = _fixture("resume", "content_marketing_two_column_en.txt")
    for jd in ("halvard_content_marketing.txt", "xhs_ops.txt"):
        service = _service_of(resume, _fixture("jd", jd), "en")
        markdown = service.run()["customize"].markdown
        assert "800+ MQLs" not in markdown
        assert check(markdown, [service.resume], service.job) == []


def test_an_edition_after_a_slash_is_no_skill_of_its_own() -> None:
    """tests/data/resume/staff_accountant_en.txt lists "QuickBooks Online / Desktop": the tailored skills line showed
    "Desktop" as a skill. An edition word after a slash belongs to the product named before it; a tool of its own
    after a slash stays listed."""
    from core.facts.read import read_document
    from core.offline.lookup import unknown_listed

    service = _service_of(
        _fixture("resume", "staff_accountant_en.txt"), _fixture("jd", "brightwave_senior_accountant.txt"), "en"
    )
    markdown = service.run()["customize"].markdown
    skills = markdown.split("## SKILLS", 1)[1].splitlines()[1].split(" · ")
    assert "QuickBooks" in skills and "Desktop" not in skills and "CaseWare" in skills
    doc = read_document("SKILLS\nTableau Desktop / Server | Sage Intacct / Zuora | Remote Desktop", "resume")
    listed = unknown_listed(doc, doc.section_lines("skills"))
    assert "Server" not in listed and "Zuora" in listed and "Remote Desktop" in listed


def test_a_soft_skill_is_never_pitched_as_one_worked_with() -> None:
    """The journey on make run: tests/data/resume/devops_zh.txt against tests/data/jd/ra_manager_zh.txt, where
    the only required keyword the resume shows is adaptability ("抗压能力强"): the pitch said "熟悉抗压能力"
    (familiar with stress resistance). Soft skills are shown by a story, not listed beside the tools."""
    service = _service_of(_fixture("resume", "devops_zh.txt"), _fixture("jd", "ra_manager_zh.txt"), "zh")
    out = service.run()
    assert "熟悉抗压能力" not in out["match"].self_pitch and "熟悉适应能力" not in out["match"].self_pitch
    assert "核心技能包括抗压能力" not in out["interview"].self_intro_1min
    english = _service_of(_fixture("resume", "devops_zh.txt"), _fixture("jd", "ra_manager_zh.txt"), "en").run()
    assert "I work with" not in english["match"].self_pitch  # no hard skill the posting asks for is shown


# The nurse practitioner's supervised rotations, under "CLINICAL ROTATIONS (MSN-FNP) — 620 supervised clinical hours".
CLINICAL_ROTATIONS = [
    ("Maple Grove Family Medicine", "Family Practice", "2024-01", "2024-04"),
    ("QuickCare Urgent Care", "Urgent Care", "2023-08", "2023-12"),
    ("Little Oaks Pediatrics", "Pediatrics", "2023-01", "2023-05"),
]


def test_a_resume_printed_in_narrow_columns_keeps_its_employer_ranges_and_no_page_footer() -> None:
    """tests/data/resume/nurse_practitioner_narrow_columns_en.txt (the resume printed in two narrow columns, read by
    pypdf): "Riverside Mercy Medical Center – Columbus, OH (Level I" left its aside open, so the team in the title,
    "Emergency Department", became the employer ("I'm Staff Registered Nurse at Emergency Department"); the tailored
    resume's headings kept the wrapped ranges apart ("07/2018 –", "05/2016 – | 06/2018"), the aside's rest was a
    bullet, and so was the page's footer "Holloway — Page 1 of 2"."""
    resume = _fixture("resume", "nurse_practitioner_narrow_columns_en.txt")
    doc = read_document(resume, "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        *CLINICAL_ROTATIONS,
        ("Riverside Mercy Medical Center", "Staff Registered Nurse", "2018-07", "present"),
        ("Riverside Mercy Medical Center", "Patient Care Technician", "2016-05", "2018-06"),
    ]
    service = _service_of(resume, _fixture("jd", "meridian_urgent_care_np.txt"), "en")
    out = service.run()
    assert "I'm a Staff Registered Nurse at Riverside Mercy Medical Center." in out["match"].self_pitch
    markdown = out["customize"].markdown
    assert "### Staff Registered Nurse, Emergency Department 07/2018 – Present\n" in markdown
    assert "### Patient Care Technician, Emergency Department 05/2016 – 06/2018\n" in markdown
    employer = "Riverside Mercy Medical Center – Columbus, OH (Level I Trauma Center, 72-bed ED, ~95,000 visits/yr)"
    assert f"\n{employer}\n" in markdown
    assert "Page 1 of 2" not in markdown
    assert check(markdown, [service.resume], service.job) == []
