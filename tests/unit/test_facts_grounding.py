"""Grounding v2: each claim of a tailored line is checked against the document model, by kind.

The documents here are written as pypdf extracts real resumes (headings, entry headers with dates, bullets).
Each test states one rule: a faithful rewording passes, one changed fact is flagged, with what the document
says instead when it can.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.facts.grounding import Flag, check
from core.facts.read import read_document

EN_RESUME = """Priya Raman
priya.raman@example.com | +91 98450 12345 | Bengaluru, India | linkedin.com/in/priyaraman

SUMMARY
Backend engineer with 7 years building payment systems in Java and Go.

EXPERIENCE
Google, Bengaluru — Backend Engineer                                   2019.03 – Present
- Led a team of 8 engineers rebuilding the merchant payouts service on Kubernetes (k8s)
- Cut p99 latency of the ledger API by 40% by moving hot reads to Redis
- Migrated 120 services from Python 2.7 to Python 3.9

ServiceNow, Hyderabad — Software Engineer                              2015.05 – 2019.02
- Built the incident routing engine in Java and PostgreSQL, serving 3 million tickets per month
- Team Size: 6

Infosys — Intern                                                        2014.06 – 2014.08
- Wrote test automation in Selenium

EDUCATION
B.Tech, Computer Science, National Institute of Technology Karnataka, Surathkal    2011 – 2015
GPA 9.1/10

SKILLS
Java, Go, Python, PostgreSQL, Redis, Kafka, Kubernetes, Docker, gRPC

CERTIFICATIONS
AWS Certified Solutions Architect – Associate

LANGUAGES
English (fluent), Hindi (native), Kannada
"""

ZH_RESUME = """张伟
电话：138 0013 8000 | 邮箱：zhangwei@example.com | 杭州

工作经历
2020.08 - 至今  腾讯科技（深圳）有限公司  后端工程师
- 负责微信支付清结算系统，带领 8 人团队完成 12 个微服务的拆分
- 将对账耗时从 4 小时缩短到 30 分钟
2016.07 - 2020.07  杭州网易科技有限公司  Java 开发工程师
- 参与考拉海购订单系统开发，日均订单 50 万

教育背景
2012.09 - 2016.06  浙江大学  计算机科学与技术  本科

专业技能
Java、Go、MySQL、Redis、Kafka、Kubernetes

语言能力
英语 CET-6
"""


def _flags(markdown: str, text: str = EN_RESUME) -> list[Flag]:
    return check(markdown, [read_document(text, "resume")])


def _kinds(markdown: str, text: str = EN_RESUME) -> set[str]:
    return {f.kind for f in _flags(markdown, text)}


@pytest.mark.parametrize(
    "line",
    [
        "### Software Engineer · ServiceNow · May 2015 – Feb 2019",
        "### Software Engineer, ServiceNow (2015-05 to 2019-02)",
        "### Backend Engineer — Google (Mar 2019 – present)",
        "- Joined ServiceNow in May 2015 as a software engineer",
        "Intern at Infosys, June 2014 – August 2014",
    ],
)
def test_dates_in_any_format_match_the_entry(line: str) -> None:
    assert _flags(line) == []


def test_a_moved_start_year_is_flagged_even_when_the_year_appears_elsewhere() -> None:
    flags = _flags("### Software Engineer · ServiceNow · 2014 – 2019")  # 2014 is the Infosys internship
    assert [f.kind for f in flags] == ["date"]
    assert flags[0].says is not None and "2015" in flags[0].says


def test_chinese_date_formats_are_one_date() -> None:
    assert _flags("### 后端工程师 · 腾讯科技（深圳）有限公司 · 2020年8月至今", ZH_RESUME) == []
    assert _flags("- 2016-07 加入杭州网易科技有限公司", ZH_RESUME) == []


def test_a_changed_number_is_flagged_with_what_the_entry_says() -> None:
    flags = _flags("- Led a team of 6 engineers rebuilding merchant payouts at Google")
    assert [(f.kind, f.token) for f in flags] == [("number", "6")]
    assert flags[0].says == "8"


def test_a_number_changed_by_one_digit_is_flagged() -> None:
    assert _kinds("- Cut p99 latency of the ledger API by 45% with Redis") == {"number"}


def test_numbers_in_context_chinese() -> None:
    assert _kinds("- 带领 12 人团队完成微服务拆分", ZH_RESUME) == {"number"}
    assert _flags("- 带领 8 人团队，完成 12 个微服务的拆分", ZH_RESUME) == []


def test_a_figure_written_twice_on_a_line_is_checked_against_its_own_place() -> None:
    """tests/data/resume/accountant_zh.txt: "管理 5 人财务团队，…月结周期由 8 天缩短至 5 天" quoted word for word was
    flagged ("your resume says 8"): the second 5 was read as the first's, a team of five, so the 8 days rivalled it."""
    resume = read_document(
        (Path(__file__).resolve().parents[1] / "data" / "resume" / "accountant_zh.txt").read_text("utf-8"), "resume"
    )
    line = "- 管理 5 人财务团队，负责月度结账、三大报表及合并报表编制，月结周期由 8 天缩短至 5 天"
    assert check(line, [resume]) == []
    assert [(f.kind, f.token) for f in check("- 月结周期由 8 天缩短至 4 天", [resume])] == [("number", "4")]


def test_abbreviations_gpa_and_versions_are_not_numbers_read_wrongly() -> None:
    assert _flags("- Ran the payouts service on k8s; GPA 9.1/10") == []
    assert _flags("- Moved 120 services to Python 3.9") == []
    assert _kinds("- Moved 120 services to Python 3.12") == {"number"}


def test_a_renamed_employer_is_flagged() -> None:
    flags = _flags("### Backend Engineer · Google Cloud · 2019 – present")
    assert "Google Cloud" in {f.token for f in flags}
    assert _kinds("### Software Engineer · ServiceNow India · 2015 – 2019")


def test_a_promoted_title_is_flagged() -> None:
    assert "title" in _kinds("### Senior Backend Engineer · Google · 2019 – present")
    assert "title" in _kinds("- Worked as a senior backend engineer at Google")
    assert "title" in _kinds("### 高级后端工程师 · 腾讯科技（深圳）有限公司", ZH_RESUME)


def test_a_chinese_company_is_a_whole_name_not_a_shared_tail() -> None:
    assert "employer" in _kinds("### 后端工程师 · 阿里巴巴科技有限公司", ZH_RESUME)
    assert _flags("### Java 开发工程师 · 杭州网易科技有限公司", ZH_RESUME) == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- MBA, Pune University", "degree"),
        ("**Education:** M.Tech, Computer Science, National Institute of Technology Karnataka", "degree"),
        ("B.Tech, Computer Science, Indian Institute of Technology Bombay", "school"),
        ("- Certified Scrum Master (CSM)", "certification"),
        ("- Fluent in Japanese and English", "language"),
        ("**Skills:** Terraform, Java, Go", "skill"),
        ("- terraform modules for every payouts environment", "skill"),
        ("- Docker-based zustand dashboards for merchants", "skill"),
    ],
)
def test_invented_degrees_schools_certificates_languages_and_skills(line: str, kind: str) -> None:
    assert kind in _kinds(line)


def test_faithful_lines_are_not_flagged() -> None:
    faithful = """# Priya Raman
priya.raman@example.com · +91 98450 12345 · Bengaluru
## Tools & Technologies
Java · Go · Python · Postgres · Redis · Kafka · k8s · Docker · gRPC
## Professional Experience
### Backend Engineer — Google, Bengaluru (Mar 2019 – Present)
- Led 8 engineers rebuilding merchant payouts on Kubernetes
- Reduced ledger API p99 latency by 40% by serving hot reads from Redis
### Software Engineer — ServiceNow (May 2015 – Feb 2019)
- Built the incident routing engine in Java with PostgreSQL for 3 million tickets a month
## Education
B.Tech in Computer Science, NIT Karnataka, Surathkal — GPA 9.1/10
## Certifications
AWS Certified Solutions Architect – Associate
## Languages
English, Hindi, Kannada
"""
    assert _flags(faithful) == []


def test_chinese_faithful_lines_are_not_flagged() -> None:
    faithful = """# 张伟
zhangwei@example.com · 138 0013 8000 · 杭州
## 工作经历
### 后端工程师 · 腾讯科技（深圳）有限公司（2020.08 – 至今）
- 带领 8 人团队，完成 12 个微服务拆分，负责微信支付清结算系统
- 对账耗时由 4 小时缩短至 30 分钟
### Java 开发工程师 · 杭州网易科技有限公司（2016年7月 – 2020年7月）
- 考拉海购订单系统，日均订单 50 万
## 教育背景
浙江大学 · 计算机科学与技术 · 本科（2012 – 2016）
## 技能
Java、Go、MySQL、Redis、Kafka、k8s
"""
    assert _flags(faithful, ZH_RESUME) == []


def test_a_flag_names_its_line_and_token() -> None:
    flags = _flags("intro\n- Led a team of 6 engineers at Google")
    assert [(f.line, f.kind, f.token) for f in flags] == [(2, "number", "6")]


def test_the_zip_code_of_the_users_own_address_is_no_invented_figure() -> None:
    """A senior candidate's tailored resume was flagged for "98101", the ZIP code of the address the resume
    gives ("Seattle, WA 98101"), as an invented number; another ZIP code still is one."""
    resume = "Elena Kovacs\nSeattle, WA 98101 | (206) 555-0199 | elena@x.com\nEXPERIENCE\nZillow | PM | 2015 – 2019\n"
    assert _flags("elena@x.com · (206) 555-0199 · Seattle, WA 98101", resume) == []
    assert [f.token for f in _flags("elena@x.com · Seattle, WA 98109", resume)] == ["98109"]


def test_letters_glued_to_a_figure_or_an_accent_are_no_invented_name() -> None:
    """tests/data/resume/embedded_bms_zh.txt's own line "负责 48V/400V 电池管理系统…" was flagged for a name "V", and
    its certificate "TÜV 莱茵" for "T" and "V": the name reader began a word after a digit or an accented letter.
    A model's faithful tailored line naming 5G, 3D, 12V or TÜV failed a paid attempt; an invented name still fails."""
    resume = (
        "EXPERIENCE\nAcme Corp | Engineer | 2019 – 2021\n- Built 3D models for a 5G base station at 48V\n"
        "- Designed a 12V/24V power board certified by TÜV Rheinland\n"
    )
    assert _flags("- Built 3D models for a 5G base station at 48V", resume) == []
    assert _flags("- Designed a 12V/24V power board certified by TÜV Rheinland", resume) == []
    assert _flags("- 负责 5G 基站软件开发，电源板 12V 输入", resume) == []
    assert [f.token for f in _flags("- Built a 5G base station for Huawei", resume)] == ["Huawei"]
    assert [f.token for f in _flags("- Certified by TÜV SÜD", resume)] == ["TÜV SÜD"]


def test_a_titles_team_in_the_resumes_own_heading_is_no_invented_employer() -> None:
    """tests/data/resume/nurse_en.txt: the tailored resume kept the resume's own heading "### Staff Nurse, Telemetry
    Unit" over "Memorial Hermann Hospital, Houston, TX | March 2022 – Present", and "Telemetry Unit" was flagged as an
    invented employer: every Customize of this resume, offline or by a model, failed its check."""
    text = (Path(__file__).resolve().parents[1] / "data" / "resume" / "nurse_en.txt").read_text("utf-8")
    resume = read_document(text, "resume")
    place = "\nMemorial Hermann Hospital, Houston, TX | March 2022 – Present"
    assert check(f"### Staff Nurse, Telemetry Unit{place}", [resume]) == []
    assert check(f"### Staff Nurse, Medical-Surgical Unit{place}", [resume]) == []
    assert [f.token for f in check(f"### Staff Nurse, Mayo Clinic{place}", [resume])] == ["Mayo Clinic"]
    promoted = check(f"### Charge Nurse, Telemetry Unit{place}", [resume])
    assert [f.kind for f in promoted] == ["title"]  # the promotion is caught; the team is the resume's own


def test_an_english_certificate_proves_english_and_nothing_else() -> None:
    """tests/data/resume/qa_engineer_zh.txt lists "CET-6" among its certificates and names no language: a tailored
    resume writing "英语：CET-6", as most Chinese resumes do, was flagged for an invented language, failing a faithful
    Customize. A language no certificate proves is still caught."""
    text = (Path(__file__).resolve().parents[1] / "data" / "resume" / "qa_engineer_zh.txt").read_text("utf-8")
    resume = read_document(text, "resume")
    assert resume.languages == ["english"]
    assert check("## 证书\n- 英语：CET-6", [resume]) == []
    assert check("## 语言\n- English (CET-6)", [resume]) == []
    assert "language" in {f.kind for f in check("## 语言\n- 日语（N2）", [resume])}


def test_an_employer_under_its_legal_form_is_the_same_employer() -> None:
    """A tailored heading that adds the employer's legal form ("Zalando SE", "Tata Consultancy Services Pvt Ltd",
    "REI Co-op") names the same employer; another word added ("Zalando Labs") or another name is still caught."""
    resume = read_document(
        "Anna Schmidt\nanna@example.com\nEXPERIENCE\nZalando | Berlin | 2019 – 2023\nProduct Analyst\n- Built it\n"
        "REI | Seattle, WA | 2016 – 2019\nMarketing Specialist\n- Ran it\n"
        "Tata Consultancy Services | 2014 – 2016\nAnalyst\n- Wrote it\n",
        "resume",
    )
    for faithful in (
        "### Product Analyst — Zalando SE (2019–2023)",
        "### Marketing Specialist — REI Co-op (2016–2019)",
        "### Analyst — Tata Consultancy Services Pvt Ltd (2014–2016)",
    ):
        assert check(faithful, [resume]) == [], faithful
    assert [f.token for f in check("### Product Analyst — Zalando Labs (2019–2023)", [resume])] == ["Zalando Labs"]
    assert [f.token for f in check("### Analyst — Infosys Ltd (2014–2016)", [resume])] == ["Infosys Ltd"]


def test_a_year_a_wrapped_bullet_ends_its_line_on_is_the_documents_year() -> None:
    """tests/data/resume/supply_chain_en.txt wraps "… through the 2021" / "packaging shortage by …": read there as a
    date, the year was no figure of the documents, and the tailored bullet quoting it whole was flagged as an
    invented number. Another year in its place is still caught."""
    text = (Path(__file__).resolve().parents[1] / "data" / "resume" / "supply_chain_en.txt").read_text("utf-8")
    resume = read_document(text, "resume")
    bullet = "- Maintained OTIF at 95%+ to top-5 retail customers through the {} packaging shortage."
    assert check(f"## Experience\n{bullet.format(2021)}", [resume]) == []
    assert [f.token for f in check(f"## Experience\n{bullet.format(2020)}", [resume])] == ["2020"]


def _fixture_text(*parts: str) -> str:
    return Path(__file__).resolve().parents[1].joinpath("data", *parts).read_text("utf-8")


def test_a_line_copied_from_the_documents_and_a_figure_their_summary_states_are_grounded() -> None:
    """tests/data/resume/tech_recruiter_en.txt: its own header line "Brightpath Talent Partners — Dallas, TX (IT
    contract staffing agency)" copied into a tailored resume was flagged (the employer read as a title, the aside as
    an employer). tests/data/resume/electrician_en.txt: "Licensed journeyman electrician with 8 years in commercial
    construction (5-yr IBEW inside wireman apprenticeship …)", its summary, was flagged for "8" ("5" was the
    apprenticeship's)."""
    recruiter = read_document(_fixture_text("resume", "tech_recruiter_en.txt"), "resume")
    assert check("### Brightpath Talent Partners — Dallas, TX (IT contract staffing agency)", [recruiter]) == []
    electrician = read_document(_fixture_text("resume", "electrician_en.txt"), "resume")
    summary = (
        "- Licensed journeyman electrician with 8 years in commercial construction (5-yr IBEW inside wireman "
        "apprenticeship + 3 yrs as journeyman)."
    )
    assert check(summary, [electrician]) == []
    assert [(f.kind, f.token) for f in check("- Run a 4-person crew when the foreman is off site", [electrician])] == [
        ("number", "4")
    ]


def test_a_date_the_summary_states_is_grounded_whatever_entry_the_line_names() -> None:
    """tests/data/resume/nurse_practitioner_en.txt: its summary "Recent MSN-FNP graduate (May 2024) … urgent care"
    copied into a tailored resume was flagged: the line named the urgent-care rotation (Aug–Dec 2023), whose dates
    it was held to."""
    nurse = read_document(_fixture_text("resume", "nurse_practitioner_en.txt"), "resume")
    line = (
        "- Recent MSN-FNP graduate (May 2024) with 6 years of emergency department experience as an RN at a Level I"
        " trauma center. Seeking a Family Nurse Practitioner position in urgent care"
    )
    assert check(line, [nurse]) == []
    assert [f.kind for f in check("- Recent MSN-FNP graduate (May 2011)", [nurse])] == ["date"]
