"""The reader turns extracted text into a document model: people, roles, schools, skills, numbers, JD facts.

The texts are written the way pypdf and OCR give them: one column, two columns one after the other, OCR noise
("W0RK", "|" for bullets), Chinese with and without labels. Each test names what a check downstream relies on.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts.coverage import cover
from core.facts.dates import find_ranges
from core.facts.model import DocumentModel, Entry
from core.facts.read import _read, _read_job, bullet_units, read_document, read_job, unit_at
from core.facts.vocabulary import get_vocabulary

EN_ONE_COLUMN = """Jane Doe
Seattle, WA | jane.doe@example.com | (206) 555-0142 | linkedin.com/in/janedoe

SUMMARY
Backend engineer with 8 years building payment systems in Python and Go.

PROFESSIONAL EXPERIENCE
Acme Corp — Senior Software Engineer   2019.03 – Present
• Led 8 engineers to migrate 12 services to Kubernetes, cutting deploy time by 40%.
• Built a fraud model in Python that saved $2M a year.
Senior Engineer, Globex Inc (Mar 2016 - Feb 2019)
- Scaled the ledger API to 3x traffic using PostgreSQL and Redis.
- Mentored 4 junior developers.

EDUCATION
University of Washington
B.S. in Computer Science, 2012 – 2016, GPA 3.8/4.0

SKILLS
Skills: Python, Go, Kubernetes, PostgreSQL, Redis, AWS

CERTIFICATIONS
AWS Certified Solutions Architect – Associate

LANGUAGES
English (native), Spanish (conversational)
"""

# A sidebar layout as pypdf extracts it: the sidebar column first, then the main column.
EN_TWO_COLUMN = """MICHAEL CHEN
Product Designer
San Francisco, CA
michael.chen@mail.com
+1 415 555 0199
CONTACT
github.com/mchen
SKILLS
Figma
Sketch
User Research
Prototyping
HTML / CSS
LANGUAGES
English
Mandarin (native)
EDUCATION
Rhode Island School of Design
BFA Graphic Design
2010 - 2014
EXPERIENCE
Lead Product Designer
Stripe
Jan 2020 - Present
Redesigned the checkout flow used by 2 million merchants, lifting conversion 12%.
Ran 30 user interviews per quarter with the research team.
Product Designer
Airbnb
Jun 2016 - Dec 2019
Shipped the host onboarding redesign, cutting drop-off by 25 percent.
"""

EN_OCR = """R0bert  Sm ith
rsmith@mail.com | 555-867-5309 | Austin, TX
W0RK EXPERIENCE
Data Analyst | Initech LLC | 05/2018 - 06/2021
| Built 15 dashboards in Tableau  and SQL used by 200 managers
| Reduced report time by 60 %
Business Analyst, Umbrella Corp   2015 - 2018
| Automated billing reconciliation with Python, saving $300K per year
EDUCATI0N
M.S. Statistics , Texas A&M University , 2015
Skills : SQL, Tableau, Python, Excel, Statistics
"""

EN_AT_STYLE = """Priya Natarajan
priya.n@example.org
Work History:
Machine Learning Engineer at DataRobot
Boston, MA
Mar 2019 to Jun 2021
* Trained ranking models in PyTorch on 1.2 billion events.
* Cut inference cost by 35% with ONNX.
Data Scientist at Wayfair
Boston, MA
Sept 2016 to Feb 2019
* Built demand forecasts for 14 product categories.
Education:
Carnegie Mellon University — M.S. Machine Learning (2016)
"""

ZH_LINE_HEADERS = """张伟
电话：138 1234 5678 | 邮箱：zhangwei@example.com | 现居：北京
工作经历
2019.03-至今 字节跳动 高级后端工程师
负责推荐系统服务端开发，带领 12 人团队，将单体拆分为12个微服务
使用Go和Kubernetes，接口延迟降低40%
2016.07-2019.02 百度在线网络技术有限公司 后端工程师
- 负责广告检索系统，日均处理请求5亿次
教育背景
2012.09-2016.06 北京大学 计算机科学与技术 本科
专业技能
熟悉Go、Python、MySQL、Redis、Kafka
语言能力
英语六级，能熟练读写英文文档
"""

ZH_LABELS = """姓名：李娜
手机：13912345678
求职意向：产品经理
工作经历
公司：阿里巴巴集团 职位：高级产品经理
2018年7月 - 2022年6月
主导会员体系改版，付费用户增长百分之三十
负责3个产品线，团队8人
教育经历
复旦大学 硕士 工商管理 2016年9月 - 2018年6月
证书
PMP证书
"""

ZH_TWO_COLUMN = """王芳
数据分析师
上海
wangfang@example.cn
专业技能
SQL
Python
Tableau
工作经历
美团 数据分析师
2020年3月 - 至今
搭建增长看板，覆盖30个城市
推动实验平台落地，转化率提升3倍
携程 数据分析专员
2017年7月 - 2020年2月
负责酒店业务报表，服务500万用户
教育背景
上海财经大学 统计学 硕士 2015年9月 - 2017年6月
"""

JD_EN_SECTIONS = """Senior Backend Engineer - Acme Payments (Remote)
Location: Seattle, WA

About the role
You will build the ledger that moves money for 2 million merchants.

Responsibilities
- Design and build Python services on Kubernetes
- Own on-call for the payments API

Requirements
- 5+ years of professional experience in backend development
- Strong Python and PostgreSQL
- Bachelor's degree in Computer Science or equivalent
- Experience with Kafka is a plus

Nice to have
- Go, Terraform
"""

JD_EN_PLAIN = """Data Analyst at Northwind Traders
We are looking for a data analyst with 3+ years of experience in SQL and Tableau to join our team in Chicago.
You will build dashboards, analyse sales trends and present findings to leadership. Experience with Python
is a plus. A master's degree is preferred.
"""

JD_EN_QUALIFICATIONS = """Job Title: Product Marketing Manager
Company: Globex
What you'll do:
- Lead go-to-market launches for new features
- Write positioning and messaging with product teams
Qualifications:
- 4-6 years of product marketing experience in B2B SaaS
- Excellent copywriting and market research skills
Preferred Qualifications:
- Experience with HubSpot and Salesforce
Benefits:
- Health insurance, 401(k), unlimited PTO
"""

JD_ZH_SECTIONS = """高级数据分析师
公司：美团
工作地点：上海
岗位职责：
1. 负责业务数据分析与报表搭建
2. 与产品、运营协作推动增长
任职要求：
1. 本科及以上学历，统计学、数学相关专业
2. 3年以上数据分析经验，精通SQL和Python
3. 有Tableau使用经验者优先
"""

JD_ZH_BACKEND = """职位名称：Java后端开发工程师
工作地点：深圳
职位描述
1、负责核心交易系统的设计与开发
2、参与系统架构优化，保障高并发场景稳定性
任职资格
1、计算机相关专业本科及以上学历，五年以上Java开发经验
2、熟悉Spring Boot、MySQL、Redis、Kafka
加分项
有Kubernetes、Docker经验
"""

JD_ZH_PLAIN = (
    "招聘产品经理，负责电商APP会员产品规划。要求2年以上互联网产品经验，熟练使用Axure和SQL，有数据分析能力，"
    "硕士优先。薪资面议。"
)

NOT_JOBS = {
    "receipt": "WHOLE FOODS MARKET\nBananas 0.69 lb\nOat milk 4.99\nSubtotal 5.68\nTax 0.45\nTOTAL 6.13\n",
    "cat photo": "m e o w\n~~ .. ||\nCAT\n",
    "random words": "purple elephant window soup calendar bicycle river lamp orange cloud",
    "resume": EN_ONE_COLUMN,
    "chinese resume": ZH_LINE_HEADERS,
}


def _roles(model: DocumentModel) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.org, e.title, e.start, e.end) for e in model.experience]


def _entry(model: DocumentModel, org: str) -> Entry:
    return next(e for e in model.entries if e.org == org)


# ---------------------------------------------------------------- resumes


def test_one_column_resume_roles_in_both_header_orders() -> None:
    model = read_document(EN_ONE_COLUMN, "resume")
    assert _roles(model) == [
        ("Acme Corp", "Senior Software Engineer", "2019-03", "present"),
        ("Globex Inc", "Senior Engineer", "2016-03", "2019-02"),
    ]
    assert _entry(model, "Acme Corp").bullets[0].startswith("Led 8 engineers")


@pytest.mark.parametrize(
    "header",
    [
        "Gamma Retail · Marketing Manager | Mar 2019 - Present",
        "Marketing Manager · Gamma Retail · Mar 2019 - Present",
        "Gamma Retail • Marketing Manager • Mar 2019 – Present",
    ],
)
def test_a_spaced_middle_dot_separates_employer_from_title(header: str) -> None:
    model = read_document(f"Tom Baker\ntom@example.com\nEXPERIENCE\n{header}\n- Ran 40+ email campaigns\n", "resume")
    assert _roles(model) == [("Gamma Retail", "Marketing Manager", "2019-03", "present")]


def test_one_column_contact_sections_education() -> None:
    model = read_document(EN_ONE_COLUMN, "resume")
    assert (model.contact.name, model.contact.email, model.contact.location) == (
        "Jane Doe",
        "jane.doe@example.com",
        "Seattle, WA",
    )
    assert model.contact.phone == "(206) 555-0142"
    assert [s.canonical for s in model.sections] == [
        "summary",
        "experience",
        "education",
        "skills",
        "certifications",
        "languages",
    ]
    school = model.education[0]
    assert (school.org, school.degree_level, school.field, school.start, school.end, school.gpa) == (
        "University of Washington",
        "bachelor",
        "Computer Science",
        "2012",
        "2016",
        "3.8/4.0",
    )


@pytest.mark.parametrize(
    "line",
    [
        "BSc (Hons) Computer Science, University of Leeds, 2014 - 2018",
        "University of Leeds | BSc (Hons) Computer Science | 2014 - 2018",
    ],
)
def test_an_honours_degree_is_one_degree(line: str) -> None:
    model = read_document(f"Tom Baker\ntom@example.com\nEDUCATION\n{line}\nSKILLS\nSQL\n", "resume")
    school = model.education[0]
    assert (school.org, school.title, school.start, school.end) == (
        "University of Leeds",
        "BSc (Hons) Computer Science",
        "2014",
        "2018",
    )


def test_skills_certifications_languages() -> None:
    model = read_document(EN_ONE_COLUMN, "resume")
    assert {"python", "go", "kubernetes", "postgresql", "redis", "aws"} <= set(model.skills)
    assert model.lines[model.skills["kubernetes"]].startswith("• Led 8 engineers")  # first line that shows it
    assert any("AWS Certified Solutions Architect" in c for c in model.certifications)
    assert model.languages == ["english", "spanish"]


def test_numbers_belong_to_their_entry() -> None:
    model = read_document(EN_ONE_COLUMN, "resume")
    facts = {(n.value, n.entry) for n in model.numbers}
    assert {("8", 0), ("12", 0), ("40%", 0), ("2000000", 0), ("3x", 1), ("4", 1)} <= facts
    led = next(n for n in model.numbers if n.value == "8" and n.entry == 0)
    assert "engineer" in led.context
    assert not any(n.value in ("2019", "2016", "206") for n in model.numbers)  # dates and phone are not numbers


def test_two_column_resume_read_column_after_column() -> None:
    model = read_document(EN_TWO_COLUMN, "resume")
    assert model.contact.name == "MICHAEL CHEN"
    assert _roles(model) == [
        ("Stripe", "Lead Product Designer", "2020-01", "present"),
        ("Airbnb", "Product Designer", "2016-06", "2019-12"),
    ]
    assert _entry(model, "Stripe").bullets[0].startswith("Redesigned the checkout")
    assert model.education[0].org == "Rhode Island School of Design"
    assert {"figma", "user research", "prototyping"} <= set(model.skills)
    assert "mandarin" in model.languages
    assert "other" not in [s.canonical for s in model.sections]  # "HTML / CSS" is a skill, not a heading


def test_ocr_noise_headings_and_pipe_bullets() -> None:
    model = read_document(EN_OCR, "resume")
    assert [s.canonical for s in model.sections][:2] == ["experience", "education"]
    assert _roles(model) == [
        ("Initech LLC", "Data Analyst", "2018-05", "2021-06"),
        ("Umbrella Corp", "Business Analyst", "2015", "2018"),
    ]
    assert _entry(model, "Initech LLC").bullets[1] == "Reduced report time by 60 %"
    assert {n.value for n in model.numbers} >= {"15", "200", "60%", "300000"}
    assert model.education[0].org == "Texas A&M University"
    assert model.education[0].degree_level == "master"


def test_title_at_company_with_dates_on_their_own_line() -> None:
    model = read_document(EN_AT_STYLE, "resume")
    assert _roles(model) == [
        ("DataRobot", "Machine Learning Engineer", "2019-03", "2021-06"),
        ("Wayfair", "Data Scientist", "2016-09", "2019-02"),
    ]
    assert model.experience[0].location == "Boston, MA"
    assert model.education[0].org == "Carnegie Mellon University"
    assert model.education[0].end == "2016"


def test_chinese_resume_line_headers() -> None:
    model = read_document(ZH_LINE_HEADERS, "resume")
    assert model.lang == "zh"
    assert (model.contact.name, model.contact.location, model.contact.phone) == ("张伟", "北京", "138 1234 5678")
    assert _roles(model) == [
        ("字节跳动", "高级后端工程师", "2019-03", "present"),
        ("百度在线网络技术有限公司", "后端工程师", "2016-07", "2019-02"),
    ]
    school = model.education[0]
    assert (school.org, school.field, school.degree_level) == ("北京大学", "计算机科学与技术", "bachelor")
    assert {"go", "python", "mysql", "redis", "kafka", "kubernetes"} <= set(model.skills)
    assert "english" in model.languages
    twelve = [n for n in model.numbers if n.value == "12"]
    assert len(twelve) == 2 and any("人" in w for w in twelve[0].context) and "微服务" in twelve[1].context


def test_chinese_labelled_resume() -> None:
    model = read_document(ZH_LABELS, "resume")
    assert model.contact.name == "李娜"
    assert _roles(model) == [("阿里巴巴集团", "高级产品经理", "2018-07", "2022-06")]
    assert (model.education[0].org, model.education[0].degree_level) == ("复旦大学", "master")
    assert model.certifications == ["PMP证书"] or "PMP" in "".join(model.certifications)
    assert ("30%", 0) in {(n.value, n.entry) for n in model.numbers}


def test_chinese_two_column_resume() -> None:
    model = read_document(ZH_TWO_COLUMN, "resume")
    assert model.contact.name == "王芳"
    assert _roles(model) == [
        ("美团", "数据分析师", "2020-03", "present"),
        ("携程", "数据分析专员", "2017-07", "2020-02"),
    ]
    assert {"3x", "5000000", "30"} <= {n.value for n in model.numbers}
    assert model.education[0].org == "上海财经大学"


PROJECTS_BOTH_LANGUAGES = """Alex Park
alex@park.dev
Projects
Payment Gateway | Lead Developer | 2020
- Built a Stripe-compatible gateway in Go handling 1,200 requests per second.
OpenTrace — open-source tracing library (2018 – 2019)
- Reached 3.4k GitHub stars.
项目经历
2021.01-2021.06 订单系统重构 项目负责人
- 将下单接口延迟从800ms降到120ms
Interests:
Climbing, chess
"""


def test_projects_in_both_languages_and_colon_headings() -> None:
    model = read_document(PROJECTS_BOTH_LANGUAGES, "resume")
    assert [s.canonical for s in model.sections] == ["projects", "projects", "interests"]
    assert [(e.org, e.title, e.start, e.end) for e in model.projects] == [
        ("Payment Gateway", "Lead Developer", None, "2020"),
        ("OpenTrace", "", "2018", "2019"),
        ("订单系统重构", "项目负责人", "2021-01", "2021-06"),
    ]
    assert [(n.value, n.entry) for n in model.numbers] == [("1200", 0), ("3400", 1), ("800", 2), ("120", 2)]


# ---------------------------------------------------------------- job descriptions


def test_english_jd_with_sections() -> None:
    _model, job = read_job(JD_EN_SECTIONS)
    assert (job.title, job.company, job.location) == ("Senior Backend Engineer", "Acme Payments", "Seattle, WA")
    assert {"python", "postgresql"} <= set(job.must_have)
    assert {"go", "terraform", "kafka"} <= set(job.nice_to_have)
    assert "kafka" not in job.must_have  # "is a plus" inside the requirements
    assert "Own on-call for the payments API" in job.responsibilities
    assert (job.years_required, job.degree_required, job.looks_like_jd) == (5, "bachelor", True)


@pytest.mark.parametrize(
    ("jd", "expected"),
    [
        ("后端开发工程师（校招）\n字节跳动 · 北京\n任职要求：\n1. 熟悉Java或Go\n", ("后端开发工程师", "字节跳动")),
        ("数据分析师（实习）\n岗位要求：\n1. 熟练使用SQL、Python\n", ("数据分析师", "")),
        ("Backend Engineer (Intern)\nAcme Corp, Berlin\nRequirements:\n- Python\n", ("Backend Engineer", "Acme Corp")),
        ("Data Analyst (Full-time)\nRequirements:\n- SQL\n- Tableau\n", ("Data Analyst", "")),
    ],
)
def test_how_a_job_is_offered_is_not_its_company(jd: str, expected: tuple[str, str]) -> None:
    _, job = read_job(jd)
    assert (job.title, job.company) == expected


def test_english_jd_without_sections_takes_every_skill() -> None:
    _model, job = read_job(JD_EN_PLAIN)
    assert {"sql", "tableau"} <= set(job.must_have)
    assert "python" in job.nice_to_have
    assert job.years_required == 3
    assert job.looks_like_jd


def test_english_jd_labels_and_preferred_section() -> None:
    _model, job = read_job(JD_EN_QUALIFICATIONS)
    assert (job.title, job.company) == ("Product Marketing Manager", "Globex")
    assert {"hubspot", "salesforce"} <= set(job.nice_to_have)
    assert not {"hubspot", "salesforce"} & set(job.must_have)
    assert job.years_required == 4
    assert len(job.responsibilities) == 2


def test_chinese_jd_with_sections() -> None:
    _model, job = read_job(JD_ZH_SECTIONS)
    assert (job.title, job.company, job.location, job.lang) == ("高级数据分析师", "美团", "上海", "zh")
    assert {"sql", "python"} <= set(job.must_have)
    # the fields a degree may be in ("统计学、数学相关专业") are wanted, not skills the work requires
    assert job.nice_to_have == ["tableau", "statistics"]
    assert (job.years_required, job.degree_required) == (3, "bachelor")
    assert job.responsibilities == ["负责业务数据分析与报表搭建", "与产品、运营协作推动增长"]


def test_chinese_jd_bonus_section_and_chinese_years() -> None:
    _model, job = read_job(JD_ZH_BACKEND)
    assert job.title == "Java后端开发工程师" and job.location == "深圳"
    assert {"java", "mysql", "redis", "kafka"} <= set(job.must_have)
    assert {"kubernetes", "docker"} <= set(job.nice_to_have)
    assert (job.years_required, job.degree_required) == (5, "bachelor")


def test_chinese_jd_in_one_paragraph() -> None:
    _model, job = read_job(JD_ZH_PLAIN)
    assert job.looks_like_jd and job.years_required == 2
    assert "sql" in job.must_have


@pytest.mark.parametrize("name", sorted(NOT_JOBS))
def test_text_that_is_not_a_jd(name: str) -> None:
    assert read_job(NOT_JOBS[name])[1].looks_like_jd is False


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "\x00\x01\x02" * 100, bytes(range(256)).decode("latin-1") * 50, "|" * 5000, "2019 " * 3000],
)
def test_never_raises(text: str) -> None:
    model = read_document(text, "resume")
    assert isinstance(model, DocumentModel)
    read_job(text)


def test_round_trips_through_json() -> None:
    model = read_document(ZH_LINE_HEADERS, "detailed_resume")
    assert DocumentModel.from_json(model.to_json()) == model


def test_json_is_dataclasses_asdict_and_shares_nothing_with_the_model() -> None:
    """to_json skips asdict's copies of every string; what it returns is still the model's own, to change freely."""
    model = read_document(EN_ONE_COLUMN, "resume")
    jd, job = read_job(EN_ONE_COLUMN)
    assert model.entries and model.numbers and model.skills
    assert model.to_json() == dataclasses.asdict(model)
    assert (jd.to_json(), job.to_json()) == (dataclasses.asdict(jd), dataclasses.asdict(job))
    data = model.to_json()
    data["lines"].append("x")
    data["entries"][0]["bullets"].append("x")
    data["numbers"][0]["context"].append("x")
    data["skills"]["x"] = 0
    assert model.to_json() == dataclasses.asdict(model) != data


def test_a_megabyte_is_read_whole() -> None:
    """Every line of a megabyte is read (its cost per page, against 20 pages, is bench.facts_read's figure)."""
    page = EN_ONE_COLUMN + EN_AT_STYLE
    model = read_document(page * 400, "resume")
    assert len(model.lines) > 10_000
    assert len(model.entries) >= 400  # each copy of the page keeps its roles


# ---------------------------------------------------------------- the PDF corpus, as pypdf extracts it

CORPUS = Path(__file__).resolve().parents[1] / "data" / "facts"


def _corpus_pdfs() -> list[tuple[str, str]]:
    people = json.loads((CORPUS / "people.json").read_text(encoding="utf-8"))["people"]
    return [
        (pdf.stem, person["name"])
        for person in people
        if not person["scanned"]
        for pdf in sorted((CORPUS / "pdf").glob(f"{person['id']}_*.pdf"))
    ]


@pytest.mark.parametrize(("stem", "name"), _corpus_pdfs())
def test_corpus_pdf_roles_match_their_source(stem: str, name: str) -> None:
    """Every dated entry header of the source comes back with its start date and its employer or title."""
    # Text PDFs only: OCR of the scanned one varies with the OCR model's build, so it is checked by hand.
    from core.assets.pdf import extract_text

    person, kind = stem.split("_")
    text = extract_text((CORPUS / "pdf" / f"{stem}.pdf").read_bytes()).text
    model = read_document(text, "resume" if kind == "resume" else "detailed_resume")
    assert model.contact.name.replace(" ", "") == name.replace(" ", "")
    assert read_job(text)[1].looks_like_jd is False  # a resume pasted as a JD is refused
    source = (CORPUS / "sources" / person / f"{'resume' if kind == 'resume' else 'history'}.md").read_text("utf-8")
    for header in (line[3:] for line in source.splitlines() if line.startswith("## ")):
        ranges = find_ranges(header)
        if not ranges:
            continue
        entry = next((e for e in model.entries if e.start == ranges[0].start.value), None)
        if entry is None:  # a dated project inside a role ("Payouts ledger rewrite, 2020–2022") joins that role
            assert any(header.replace(" ", "") in b.replace(" ", "") for e in model.experience for b in e.bullets)
            continue
        assert (entry.org and entry.org in header) or (entry.title and entry.title in header), header


@pytest.mark.parametrize("path", sorted((CORPUS / "sources").glob("*/jd*.txt")), ids=lambda p: p.parent.name)
def test_corpus_jds_are_read_as_jds(path: Path) -> None:
    _model, job = read_job(path.read_text(encoding="utf-8"))
    assert job.looks_like_jd and job.title and job.company
    assert len(job.must_have) >= 5 and job.years_required


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (
            "en01",
            ("Senior Backend Engineer", "Plaid", "San Francisco, CA"),
        ),  # "Title, Team — Company (City, ST, hybrid)"
        ("en02", ("Senior Machine Learning Engineer", "Spotify", "London")),  # "Title — Team (Company, City)"
        ("en04", ("Staff Frontend Engineer", "Delivery Hero", "Berlin")),  # "Title — Company, City"
        ("zh05", ("工业软件大客户总监", "ABB", "上海")),  # "职位 —— 公司（城市）"
    ],
)
def test_corpus_jd_title_lines(person: str, expected: tuple[str, str, str]) -> None:
    _model, job = read_job((CORPUS / "sources" / person / "jd1.txt").read_text(encoding="utf-8"))
    assert (job.title, job.company, job.location) == expected


@pytest.mark.parametrize(
    ("jd", "expected"),
    [
        # A team after the title's comma, written in lower case in the text; the company on the next line.
        ("Senior Backend Engineer, Payments Platform\nAcme Pay · Remote (US)\n\nAbout the role\nYou will own our "
         "payments platform.\nRequirements\n- Go", ("Senior Backend Engineer", "Acme Pay", "Remote")),
        # A business line in brackets beside the title; the company below it reads as one.
        ("高级产品经理（内容社区）\n某某网络科技有限公司 · 上海\n\n岗位职责\n- 负责产品",
         ("高级产品经理", "某某网络科技有限公司", "上海")),
        # The company on the title's line stays, and a team is never a company.
        ("Senior Engineer, Stripe\nPayments Infrastructure team · Dublin\n\nRequirements\n- Go",
         ("Senior Engineer", "Stripe", "Dublin")),
        # What follows the company on its line is its place, and "Title, Team" is not a place.
        ("Data Analyst, Growth\nSpotify · Stockholm\n\nRequirements\n- SQL", ("Data Analyst", "Spotify", "Stockholm")),
        ("Backend Engineer\nMOIA · Hamburg\nPart of the Volkswagen Group\n\nRequirements\n- Go",
         ("Backend Engineer", "MOIA", "Hamburg")),
    ],
)  # fmt: skip
def test_the_company_is_the_organisation_under_the_title_not_a_team_beside_it(
    jd: str, expected: tuple[str, str, str]
) -> None:
    _model, job = read_job(jd)
    assert (job.title, job.company, job.location) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A school line too long for a plain header, its degree and expected graduation below (a new graduate).
        ("Carnegie Mellon University, School of Computer Science | Pittsburgh, PA\nBachelor of Science in Computer "
         "Science, Minor in Statistics | Expected May 2026",
         ("Carnegie Mellon University", "Bachelor of Science in Computer Science", "Computer Science", "bachelor",
          "2026-05", "Pittsburgh, PA")),
        # "MA" of Massachusetts is a place, not a Master of Arts.
        ("Boston College | Boston, MA\nB.A. in Economics | 2010 – 2014",
         ("Boston College", "B.A. in Economics", "Economics", "bachelor", "2014", "Boston, MA")),
        ("University of Leeds\nBachelor of Arts in History | 2015 – 2018",
         ("University of Leeds", "Bachelor of Arts in History", "History", "bachelor", "2018", "")),
    ],
)  # fmt: skip
def test_a_school_its_degree_and_its_place(lines: str, expected: tuple[str, ...]) -> None:
    school = read_document(f"Priya N\npriya@x.com\nEDUCATION\n{lines}\nGPA: 3.72/4.00\n", "resume").education[0]
    assert (school.org, school.title, school.field, school.degree_level, school.end, school.location) == expected


def test_an_organisation_and_place_under_a_header_that_names_none_is_the_employer() -> None:
    text = (
        "Priya N\npriya@x.com\nEXPERIENCE\nTeaching Assistant, 15-122 Principles of Imperative Computation | "
        "Jan 2024 – Dec 2024\nCarnegie Mellon University | Pittsburgh, PA\n• Led weekly recitations for 30 students\n"
        "Backend Engineer, Payments | 2020 – 2023\nBuilt the ledger in Go and Postgres.\n"
    )
    roles = read_document(text, "resume").experience
    assert (roles[0].org, roles[0].title, roles[0].location) == (
        "Carnegie Mellon University",
        "Teaching Assistant, 15-122 Principles of Imperative Computation",  # the course taught is the title's
        "Pittsburgh, PA",
    )
    assert roles[0].bullets == ["Led weekly recitations for 30 students"]
    assert roles[1].bullets == ["Built the ledger in Go and Postgres."]  # a sentence is no organisation's line


def test_a_templates_title_is_not_the_name_and_a_labelled_name_ends_at_its_field() -> None:
    text = (
        "个人简历\n姓名：张晓 | 性别：女 | 出生年月：2003.05\n电话：139 1234 5678 | 邮箱：zhangxiao@qq.com\n"
        "技能证书\nAxure、Figma；英语六级（CET-6）；计算机二级\n"
    )
    model = read_document(text, "resume")
    assert model.contact.name == "张晓"
    assert model.certifications == ["英语六级", "计算机二级"]  # the heading "技能证书" is no certificate
    assert read_document("RESUME\nJohn Smith\njohn@example.com\n", "resume").contact.name == "John Smith"


def test_a_jd_copied_from_a_job_board_keeps_its_requirements_apart_from_its_duties() -> None:
    """tests/data/jd/linkedin_data_analyst.txt: a posting as a job board's page copies ("What you'll bring",
    "Seniority level", "Show more"). Its requirements were read as duties, and the company's name as a skill."""
    text = (Path(__file__).resolve().parents[1] / "data" / "jd" / "linkedin_data_analyst.txt").read_text("utf-8")
    _model, job = read_job(text)
    assert (job.title, job.company, job.location, job.years_required) == (
        "Data Analyst II",
        "Shopify",
        "Toronto, ON",
        3,
    )
    assert not any("years" in duty or "SQL;" in duty for duty in job.responsibilities)
    assert {"sql", "python", "a/b testing"} <= set(job.must_have)
    assert "cross-border e-commerce" not in job.must_have + job.nice_to_have  # "Shopify" is the employer here
    assert {"dbt", "airflow"} <= set(job.nice_to_have)


def test_a_chinese_job_boards_pay_experience_and_address_are_not_the_company() -> None:
    """tests/data/jd/boss_java.txt: a posting as BOSS直聘 copies, the title over pay, an address, years, schooling
    and then the company. The company read "15-25K·14薪", then "朝阳区"."""
    text = (Path(__file__).resolve().parents[1] / "data" / "jd" / "boss_java.txt").read_text("utf-8")
    _model, job = read_job(text)
    assert (job.title, job.company, job.location) == ("Java开发工程师", "美团", "北京")
    assert (job.years_required, job.degree_required) == (3, "bachelor")
    assert {"java", "mysql", "redis", "kafka"} <= set(job.must_have)


def _data(*parts: str) -> str:
    return Path(__file__).resolve().parents[1].joinpath("data", *parts).read_text("utf-8")


def test_a_title_above_an_employer_and_its_place_is_the_roles() -> None:
    """tests/data/resume/nurse_en.txt: "Staff Nurse, Telemetry Unit" over "Memorial Hermann Hospital, Houston, TX |
    March 2022 – Present". The dated line's place made two parts, so the title above was lost, and the second
    role's title became a bullet of the first."""
    model = read_document(_data("resume", "nurse_en.txt"), "resume")
    roles = [(e.org, e.title, e.start, e.end, e.location) for e in model.experience]
    assert roles == [
        ("Memorial Hermann Hospital", "Staff Nurse, Telemetry Unit", "2022-03", "present", "Houston, TX"),
        ("St. Luke's Health", "Staff Nurse, Medical-Surgical Unit", "2020-06", "2022-02", "Houston, TX"),
    ]
    assert not any("Staff Nurse" in bullet for e in model.experience for bullet in e.bullets)
    assert model.contact.location == "Houston, TX 77002"  # a ZIP code after the state
    assert model.certifications == ["Registered Nurse", "Basic Life Support", "Advanced Cardiovascular Life Support"]
    assert {"telemetry monitoring", "epic ehr", "iv therapy", "patient education"} <= set(model.skills)
    one_line = read_document(
        "Jane Doe\nEXPERIENCE\nSenior Software Engineer\nAcme Corp | 2022 – Present\n- Built it\n", "resume"
    )
    assert one_line.experience[0].title == "Senior Software Engineer"  # unchanged: no place on the dated line


def test_a_title_two_lines_above_its_dates_and_later_roles_at_one_employer() -> None:
    """Two layouts of a senior's resume: the title over the employer over "City, ST | dates" lost the title; and
    roles listed under one employer's line ("Acme Corp, New York, NY", then "Title, 01/2019 to Current" for each)
    left the earlier role with no employer."""
    stacked = read_document(
        "Ann Lee\nEXPERIENCE\nDirector of Product\nAcme Corp\nNew York, NY | 2019 – Present\n• Led 4 squads\n", "resume"
    )
    assert [(e.org, e.title, e.location) for e in stacked.experience] == [
        ("Acme Corp", "Director of Product", "New York, NY")
    ]
    promoted = read_document(
        "Ann Lee\nWORK HISTORY\nAcme Corp, New York, NY\nDirector of Product, 01/2019 to Current\n• Led 4 squads\n"
        "Senior Product Manager, 03/2016 to 12/2018\n• Grew revenue 20%\n",
        "resume",
    )
    assert [(e.org, e.title, e.start, e.end) for e in promoted.experience] == [
        ("Acme Corp", "Director of Product", "2019-01", "present"),
        ("Acme Corp", "Senior Product Manager", "2016-03", "2018-12"),
    ]
    unmarked = read_document(
        "Jo Park\nEXPERIENCE\nStaff Nurse\nCity Hospital, Austin, TX | 2022 – Present\nCared for 5 patients per shift\n"
        "Precept 6 new graduate nurses\nGeneral Hospital, Dallas, TX | 2019 – 2022\nCared for 6 patients\n",
        "resume",
    )
    assert [(e.org, e.title) for e in unmarked.experience] == [
        ("City Hospital", "Staff Nurse"),
        ("General Hospital", ""),
    ]


def test_teams_after_the_title_are_not_the_place() -> None:
    """tests/data/jd/careers_site_swe.txt: "Software Engineer III, Infrastructure, Core" over "Google | Sunnyvale, CA,
    USA; Seattle, WA, USA". The place read "Core", the last team, as if it followed a company's name."""
    _model, job = read_job(_data("jd", "careers_site_swe.txt"))
    assert (job.title, job.company, job.location, job.years_required) == (
        "Software Engineer III",
        "Google",
        "Sunnyvale, CA",
        2,
    )
    assert read_document("Ann Lee\nann@example.com\nAustin, TX, USA\n", "resume").contact.location == "Austin, TX, USA"


def test_a_unit_after_the_title_is_not_the_company() -> None:
    """tests/data/jd/indeed_nurse.txt: "Registered Nurse - Cardiac Step-Down Unit" over "Houston Methodist" and
    "Houston, TX 77030". The company read "Cardiac Step-Down Unit", and the place nothing."""
    _model, job = read_job(_data("jd", "indeed_nurse.txt"))
    assert (job.title, job.company, job.location, job.years_required) == (
        "Registered Nurse",
        "Houston Methodist",
        "Houston, TX 77030",
        2,
    )
    assert {"acute care", "epic ehr"} <= set(job.must_have)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("District Manager – Retail Operations / BrightCart Stores", ("District Manager", "BrightCart Stores")),
        ("Senior Data Analyst - Finance Analytics / Northwind Traders", ("Senior Data Analyst", "Northwind Traders")),
        ("Nurse Manager – Cardiac Unit / Mercy General Hospital", ("Nurse Manager", "Mercy General Hospital")),
    ],
)
def test_a_department_before_the_company_after_the_title_is_not_the_company(
    header: str, expected: tuple[str, str]
) -> None:
    """A posting's header "Title – Department / Company" (seen in the browser on a retail posting): the company read
    "Retail Operations / BrightCart Stores", and the page named the employer "Retail Operations"."""
    _model, job = read_job(f"{header}\nCharlotte, NC · Full-time\n\nRequirements\n- 5+ years of management.\n")
    assert (job.title, job.company, job.location) == (*expected, "Charlotte, NC")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # the place after the company is two comma pieces: the company read "KONE Inc., Newark, NJ"
        ("Elevator Technician - KONE Inc., Newark, NJ", ("Elevator Technician", "KONE Inc.", "Newark, NJ")),
        ("Office Manager - Northside Dental, Dublin, OH", ("Office Manager", "Northside Dental", "Dublin, OH")),
        # a board's fields after the title ("杭州·西湖区 | 3-5年 | 本科 | 12-18K" was the company); the company is below
        (
            "民宿运营经理 | 杭州·西湖区 | 3-5年 | 本科 | 12-18K\n杭州山栖文旅管理有限公司",
            ("民宿运营经理", "杭州山栖文旅管理有限公司", "杭州·西湖区"),
        ),
        # 前程无忧 writes the district after a hyphen; a county the list of cities does not hold is no company either
        ("化工安全员 | 南京-江北新区 | 3-5年 | 大专 | 7-11K", ("化工安全员", "", "南京-江北新区")),
        ("安全员 | 宿迁-沭阳县 | 3-5年 | 大专 | 7-11K", ("安全员", "", "宿迁-沭阳县")),
        # the company among the board's fields is the company, without them
        ("安全员 | 江苏恒通化工有限公司 | 南京 | 3-5年 | 大专 | 7-11K", ("安全员", "江苏恒通化工有限公司", "南京")),
        # a team after the title, the company and place on the board's line below (with its note and other option)
        (
            "Risk Analyst, Credit Risk — SMB Lending\nBrightledger (Series C fintech) | Chicago, IL | Full-time",
            ("Risk Analyst", "Brightledger", "Chicago, IL"),
        ),
        (
            "Field Service Technician – Battery Energy Storage (BESS)\n"
            "VoltArc Storage Systems | Fresno, CA (travel up to 60%) | Full-time",
            ("Field Service Technician", "VoltArc Storage Systems", "Fresno, CA"),
        ),
    ],
)
def test_the_place_and_a_boards_fields_after_the_title_are_not_the_company(
    header: str, expected: tuple[str, str, str]
) -> None:
    _model, job = read_job(f"{header}\n\nRequirements\n- 3+ years of experience.\n- Strong communication.\n")
    assert (job.title, job.company, job.location) == expected


def test_a_specialism_after_the_title_is_not_the_company() -> None:
    """tests/data/jd/signed_off_fpa.txt: "高级财务分析师（FP&A）", then the duties, and the company's registered name
    only at the end. The company read "FP&A"."""
    _model, job = read_job(_data("jd", "signed_off_fpa.txt"))
    assert (job.title, job.company, job.location, job.years_required) == (
        "高级财务分析师",
        "某某科技（上海）有限公司",
        "上海市徐汇区",
        5,
    )
    resume = read_document(
        "张伟\n工作经历\n2017.07 - 2021.02 普华永道 高级审计员\n1. 参与 10 余家上市公司年报审计\n", "resume"
    )
    assert "capital markets" not in resume.skills  # a listed company (上市公司) is no capital-markets skill


def test_a_new_graduates_leadership_skill_kinds_and_campus() -> None:
    """tests/data/resume/new_grad_en.txt: "LEADERSHIP" was a bullet of the last project, "Languages: Java, Python"
    under SKILLS opened a spoken-languages section, and "The University of Texas at Austin" lost its campus."""
    model = read_document(_data("resume", "new_grad_en.txt"), "resume")
    assert [s.canonical for s in model.sections] == ["education", "experience", "projects", "activities", "skills"]
    assert [(e.org, e.title) for e in model.experience] == [
        ("Dell Technologies", "Software Engineering Intern"),
        ("UT Austin Department of Computer Science", "Undergraduate Teaching Assistant"),
    ]
    assert not any("LEADERSHIP" in bullet for entry in model.entries for bullet in entry.bullets)
    activity = model.entries[-1]  # a club's role: held as a fact, not counted as a job
    assert (activity.kind, activity.org, activity.title, activity.end) == (
        "activity",
        "Longhorn Developers Club",
        "President",
        "2026-05",
    )
    school = model.education[0]
    assert (school.org, school.field, school.location, school.end) == (
        "The University of Texas at Austin",
        "Computer Science",
        "Austin, TX",
        "2026-05",
    )
    assert {"java", "python", "spring", "docker"} <= set(model.skills)


def test_an_objective_is_the_job_wanted_not_evidence() -> None:
    """tests/data/resume/new_grad_zh.txt opens with "求职意向：数据分析师（校招）": it proved "数据分析" and "校招"
    (campus recruiting), and Match quoted it as the user's strength."""
    model = read_document(_data("resume", "new_grad_zh.txt"), "resume")
    assert [s.canonical for s in model.sections][:2] == ["objective", "education"]
    wanted = model.wish_lines()
    assert model.lines[min(wanted)].startswith("求职意向")
    assert "campus recruiting" not in model.skills
    assert model.skills["data analysis"] not in wanted  # proved by the internship's title line instead
    proofs = {p.keyword: p.proof for p in cover(["data analysis", "campus recruiting"], model, None)}
    assert proofs["campus recruiting"] is None
    assert proofs["data analysis"] is not None and "求职意向" not in proofs["data analysis"]
    assert [(e.org, e.title) for e in model.experience][-1] == ("武汉大学数学与统计学院学生会", "学术部部长")


_PIECES = st.sampled_from(
    ["2019.03", " – ", "Present", "至今", "Mar 2019", "Engineer", "Acme Corp", "工程师", "有限公司", "\n", "• ",
     "EXPERIENCE", "Skills:", "任职要求", "5+ years", "40%", "$2M", "|", "(", ")", "，", "GPA 3.8/4.0", "B.S.", "硕士",
     "@", "+1 415 555 0199", " ", "0", "W0RK", "Python", "k8s", "3年以上", "加分", "nice to have"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=60))
def test_the_unguarded_reader_does_not_raise_on_resume_shaped_noise(pieces: list[str]) -> None:
    """read_document and read_job swallow errors as a last resort; the reader itself must not need that."""
    text = "".join(pieces)
    model = _read(text, "resume")
    assert len(model.lines) == (len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) if text else 0)
    _read_job(text)


@pytest.mark.parametrize(
    ("written", "phone"),
    [
        ("+44 7700900231", "+44 7700900231"),  # OCR joins the groups of a UK mobile
        ("+44 7700 900231", "+44 7700 900231"),
        ("+1 (415) 555-0142", "+1 (415) 555-0142"),
        ("138 0013 8000", "138 0013 8000"),
        ("+8613800138000", "+8613800138000"),
        ("+447700900231", "+447700900231"),
    ],
)
def test_a_phone_number_is_read_whole_or_not_at_all(written: str, phone: str) -> None:
    """A phone cut short is a wrong fact on the summary: the last digits were once dropped from a joined group."""
    model = read_document(f"Priya Natarajan\n{written}\npriya@example.com\nEXPERIENCE\n", "resume")
    assert model.contact.phone == phone


def test_a_scanned_bullet_wrapped_mid_sentence_is_one_bullet() -> None:
    """OCR gives no bullet marks: a line after one that stops mid-sentence continues it, even capitalised;
    after a finished line (full stop, or no open bracket or joining word at its end) a new bullet starts."""
    text = (
        "Priya Natarajan\npriya@example.com\nEXPERIENCE\n"
        "Machine Learning Engineer, Deliveroo — London | 2019-09 to present\n"
        "Built the restaurant ranking model (XGBoost, later a two-tower network in\n"
        "PyTorch 1.13) serving 8 million users.\n"
        "Cut feature pipeline runtime from 6 hours to 50 minutes by moving it to\n"
        "Spark on Dataproc\n"
        "Set up an MLflow model registry for 11 production models\n"
        "Mentored 3 analysts\n"
    )
    assert _entry(read_document(text, "resume"), "Deliveroo").bullets == [
        "Built the restaurant ranking model (XGBoost, later a two-tower network in PyTorch 1.13) serving 8 million"
        " users.",
        "Cut feature pipeline runtime from 6 hours to 50 minutes by moving it to Spark on Dataproc",
        "Set up an MLflow model registry for 11 production models",
        "Mentored 3 analysts",
    ]


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("Software Engineer — Twilio, San Francisco, CA | Jul 2016 – Feb\n2020", "2016-07", "2020-02"),
        ("Software Engineer — Twilio, San Francisco, CA | May\n2016 – Feb 2020", "2016-05", "2020-02"),
        ("Software Engineer — Twilio, San Francisco, CA (Jul 2016 – Feb\n2020)", "2016-07", "2020-02"),
        ("Software Engineer — Twilio, San Francisco, CA | Jul 2016\n– Feb 2020", "2016-07", "2020-02"),
        ("Software Engineer — Twilio, San Francisco, CA | May 2016. - Feb 2020", "2016-05", "2020-02"),
    ],
)
def test_a_role_header_whose_dates_wrapped_or_were_misread_keeps_its_range(header: str, start: str, end: str) -> None:
    """A narrow column wraps a header wherever it may; a scan reads a stray full stop after a year. The role
    with its employer and both dates must survive, or the summary loses a job."""
    text = (
        "Dan Reyes\ndan@example.com\nEXPERIENCE\n"
        f"{header}\n"
        "Built the SMS delivery-receipt pipeline on Kafka, processing 2.5 billion messages a month.\n"
        "Mentored 4 junior engineers.\n"
    )
    entry = _entry(read_document(text, "resume"), "Twilio")
    assert (entry.start, entry.end, entry.title) == (start, end, "Software Engineer")
    assert entry.bullets[-1] == "Mentored 4 junior engineers."


def test_a_sentence_that_ends_in_a_month_name_does_not_swallow_the_next_header() -> None:
    text = (
        "Dan Reyes\ndan@example.com\nEXPERIENCE\n"
        "Stripe — Backend Engineer | 2020 – Present\n"
        "Shipped the new payouts API to every market in early May\n"
        "2016 – 2020 · Twilio\n"
        "Built the SMS pipeline.\n"
    )
    model = read_document(text, "resume")
    assert [(e.org, e.start, e.end) for e in model.entries] == [
        ("Stripe", "2020", "present"),
        ("Twilio", "2016", "2020"),
    ]
    assert model.entries[0].bullets == ["Shipped the new payouts API to every market in early May"]


def test_the_radical_used_as_a_bar_separates_a_chinese_header() -> None:
    """ "丨" is typed as a separator by Chinese writers and is how a scan reads "|": never part of a school's name."""
    text = "王小明\nwang@example.com\n教育经历\n浙江大学丨计算机科学与技术丨硕士丨2013.09-2016.06\n"
    entry = read_document(text, "resume").entries[0]
    assert (entry.org, entry.start, entry.end) == ("浙江大学", "2013-09", "2016-06")


def test_a_wrapped_line_that_starts_with_a_decimal_is_not_a_numbered_bullet() -> None:
    """ "3.1% across 14 markets." is the rest of a sentence, not item 3 saying "1%": a number mark is followed
    by a space or a word, never by another digit."""
    text = (
        "Lena Vogel\nlena@example.com\nEXPERIENCE\n"
        "Zalando SE — Product Analyst | 2019 – 2022\n"
        "- Raised checkout conversion from 2.4% to\n"
        "3.1% across 14 markets.\n"
        "- Built the returns dashboard.\n"
    )
    assert _entry(read_document(text, "resume"), "Zalando SE").bullets == [
        "Raised checkout conversion from 2.4% to 3.1% across 14 markets.",
        "Built the returns dashboard.",
    ]


@pytest.mark.parametrize("dates", ["06.2019 – 08.2022", "06/2019 – 08/2022"])
def test_a_header_that_opens_with_a_month_dot_year_is_a_header(dates: str) -> None:
    """European writers put "06.2019" first; it once read as the bullet "6." and the role was lost."""
    text = (
        "Lena Vogel\nlena@example.com\nEXPERIENCE\n"
        f"{dates} Product Analyst, Zalando SE, Berlin\n"
        "- Built the returns dashboard.\n"
        "01.2016 – 05.2019 Data Analyst, N26, Berlin\n"
        "- Cut the monthly close from 5 days to 2.\n"
    )
    model = read_document(text, "resume")
    assert [(e.org, e.start, e.end) for e in model.entries] == [
        ("Zalando SE", "2019-06", "2022-08"),
        ("N26", "2016-01", "2019-05"),
    ]


@pytest.mark.parametrize("title", ["Working Student", "Werkstudent", "Volunteer", "Freelancer", "Tutor"])
def test_a_student_job_or_a_freelance_role_keeps_its_title(title: str) -> None:
    """ "Working Student" (a German Werkstudent) was read as no title at all: the role lost what the person did."""
    text = (
        "Tom Becker\ntom@example.com\nEXPERIENCE\n"
        f"SoundCloud, Berlin — {title} | Oct 2016 – Aug 2018\n"
        "Maintained the embeddable player widget.\n"
    )
    entry = _entry(read_document(text, "resume"), "SoundCloud")
    assert (entry.title, entry.location, entry.start, entry.end) == (title, "Berlin", "2016-10", "2018-08")


@pytest.mark.parametrize(
    ("header", "org", "title"),
    [
        ("阿里巴巴 · 高级开发工程师（P7） | 2019.07-至今", "阿里巴巴", "高级开发工程师（P7）"),  # level and all
        ("阿里巴巴·高级开发工程师（P7）| 2019.07-至今", "阿里巴巴", "高级开发工程师（P7）"),  # as a scan reads it
        ("腾讯·产品经理 | 2019.07-至今", "腾讯", "产品经理"),
        ("阿卜杜拉·买买提 | 2019.07-至今", "阿卜杜拉·买买提", ""),  # a transliterated name stays whole
    ],
)
def test_an_unspaced_middle_dot_between_employer_and_title_separates_them(header: str, org: str, title: str) -> None:
    """OCR puts no space beside a Chinese character, so every scanned " · " header lost its employer (the
    level "（P7）" took its place)."""
    text = f"李明\nliming@163.com\n工作经历\n{header}\n负责淘宝交易链路订单中心。\n"
    entry = read_document(text, "resume").entries[0]
    assert (entry.org, entry.title, entry.start, entry.end) == (org, title, "2019-07", "present")


def test_an_unspaced_middle_dot_separates_a_school_its_field_and_degree() -> None:
    text = "李明\nliming@163.com\n教育经历\n浙江大学·计算机科学与技术·硕士 | 2013.09-2016.06\n"
    entry = read_document(text, "resume").entries[0]
    expected = ("浙江大学", "硕士", "计算机科学与技术", "master")
    assert (entry.org, entry.title, entry.field, entry.degree_level) == expected


@pytest.mark.parametrize(
    ("header", "org", "location"),
    [
        ("Zalando SE. Berlin — Senior Frontend Engineer | Apr 2021 - Present", "Zalando SE", "Berlin"),
        ("Acme Inc. Boston, MA — Senior Frontend Engineer | Apr 2021 - Present", "Acme Inc.", "Boston, MA"),
    ],
)
def test_a_comma_read_as_a_full_stop_before_the_place_leaves_the_employer_alone(
    header: str, org: str, location: str
) -> None:
    text = f"Tom Becker\ntom@example.com\nEXPERIENCE\n{header}\nRebuilt the checkout.\n"
    entry = read_document(text, "resume").entries[0]
    assert (entry.org, entry.location, entry.title) == (org, location, "Senior Frontend Engineer")


@pytest.mark.parametrize(
    ("header", "school", "degree"),
    [
        (
            "MSc Machine Learning. University College London | 2016 – 2017",
            "University College London",
            "MSc Machine Learning",
        ),
        (
            "B.Tech. Computer Science and Engineering. IIT Madras | 2012 – 2016",
            "IIT Madras",
            "B.Tech. Computer Science and Engineering",
        ),
    ],
)
def test_a_comma_read_as_a_full_stop_after_a_degree_leaves_the_school_alone(
    header: str, school: str, degree: str
) -> None:
    entry = read_document(f"Priya Natarajan\npriya@example.com\nEDUCATION\n{header}\n", "resume").entries[0]
    assert (entry.org, entry.title) == (school, degree)


def test_a_school_header_whose_whole_range_wrapped_keeps_it() -> None:
    """A narrow column puts the range under its header: "华中科技大学·软件工程·学士丨" + "2009.09-2013.06"."""
    text = (
        "李明\nliming@163.com\n教育背景\n浙江大学·计算机科学与技术·硕士丨\n2013.09-2016.06\n"
        "华中科技大学·软件工程·学士丨\n2009.09-2013.06\nGPA 3.8/4.0\n"
    )
    entries = read_document(text, "resume").entries
    assert [(e.org, e.title, e.start, e.end) for e in entries] == [
        ("浙江大学", "硕士", "2013-09", "2016-06"),
        ("华中科技大学", "学士", "2009-09", "2013-06"),
    ]


def test_a_degree_whose_line_wrapped_after_its_comma_keeps_its_school_and_level() -> None:
    """ "B.S. Finance, minor in Economics — University of Illinois at Urbana-Champaign," over "Gies College of
    Business, Aug 2013 – May 2017": the degree was lost, the college read as the school, and Match said the
    documents show no bachelor's degree."""
    text = (
        "Jane Doe\njane@example.com\n\nEDUCATION\n"
        "B.S. Finance, minor in Economics — University of Illinois at Urbana-Champaign,\n"
        "Gies College of Business, Aug 2013 – May 2017, GPA 3.6\n"
        "Master of Library and Information Science (MLIS), Kent State University,\n"
        "School of Information, 2018 – 2020\n"
        "B.A. English, Ohio University, 2012\n"
    )
    entries = read_document(text, "resume").entries
    assert [(e.org, e.degree_level, e.start, e.end) for e in entries] == [
        ("University of Illinois at Urbana-Champaign", "bachelor", "2013-08", "2017-05"),
        ("Kent State University", "master", "2018", "2020"),
        ("Ohio University", "bachelor", None, "2012"),
    ]


def test_an_award_of_the_year_is_a_bullet_not_a_role() -> None:
    """ "获2017年度华东区销售冠军。" (the 2017 East China sales champion) once became a role "获" ending in 2017."""
    text = (
        "赵婷\nzt@163.com\n工作经历\n施耐德电气 · 销售工程师 · 2015年7月 – 2018年12月\n"
        "负责江苏区域客户。\n获2017年度华东区销售冠军。\n"
    )
    (entry,) = read_document(text, "resume").entries
    assert (entry.org, entry.start, entry.end) == ("施耐德电气", "2015-07", "2018-12")
    assert entry.bullets[-1] == "获2017年度华东区销售冠军。"


def test_a_wrapped_chinese_bullet_is_one_bullet_where_the_writer_ends_items_with_a_full_stop() -> None:
    """A scan has no bullet marks; a narrow column wraps "…拆分为12" + "个微服务，…。". Items written without full
    stops stay one per line."""
    text = (
        "李明\nliming@163.com\n工作经历\n阿里巴巴·高级开发工程师 | 2019.07-至今\n"
        "负责淘宝交易链路订单中心，系统峰值QPS达12万。\n带领8人团队将订单系统拆分为12\n个微服务，发布周期从两周缩短到两天。\n"
        "通过Redis缓存和分库分表，将订单查询平均响应时间从\n180ms降至45ms。\n"
        "网易·Java开发工程师 | 2016.07-2019.06\n负责网易严选商品中心开发\n搭建商品搜索\n"
    )
    first, second = read_document(text, "resume").entries
    assert first.bullets == [
        "负责淘宝交易链路订单中心，系统峰值QPS达12万。",
        "带领8人团队将订单系统拆分为12个微服务，发布周期从两周缩短到两天。",
        "通过Redis缓存和分库分表，将订单查询平均响应时间从180ms降至45ms。",
    ]
    assert second.bullets == ["负责网易严选商品中心开发", "搭建商品搜索"]


def test_roles_dated_by_school_term_with_the_date_at_the_right_margin() -> None:
    """tests/data/resume/new_grad_terms_en.txt, as a US student writes it: "Summer 2024", "Fall 2023 – Spring 2024"
    aligned right with spaces. The internship was no role at all (its line, padded past 90 characters, was no
    header), the term range two loose years, and the teaching role's course took the employer's place."""
    model = read_document(_data("resume", "new_grad_terms_en.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in model.experience] == [
        ("Ford Motor Company", "Software Engineering Intern", "2024", "2024"),
        (
            "University of Michigan",
            "Instructional Aide, EECS 281 (Data Structures and Algorithms)",
            "2023",
            "2024",
        ),
    ]
    assert [(e.org, e.start, e.end) for e in model.projects] == [("Campus Eats", "2023", "2023")]
    assert model.experience[0].bullets[1].startswith("Cut the nightly ETL job's runtime")


def test_a_lone_year_still_ends_a_role_and_a_course_needs_a_title_before_it() -> None:
    text = (
        "Sam K\nsam@x.com\nEXPERIENCE\nData Analyst | Acme Corp | 2019\n• Built dashboards\n"
        "CS 101 Tutoring Club | Boston, MA | Jun 2018\n• Ran weekly sessions\n"
    )
    roles = read_document(text, "resume").experience
    assert (roles[0].start, roles[0].end) == (None, "2019")  # a year alone may be only the role's end
    assert (roles[1].org, roles[1].start, roles[1].end) == ("CS 101 Tutoring Club", "2018-06", "2018-06")


def test_two_degrees_under_one_school_and_a_state_is_no_skill() -> None:
    """tests/data/resume/new_grad_research_en.txt: the B.S. under the school's line took "Minor in Mathematics" for
    its school, and "Atlanta, GA" in the contact line proved Google Analytics."""
    model = read_document(_data("resume", "new_grad_research_en.txt"), "resume")
    assert [(e.org, e.title, e.end) for e in model.education] == [
        ("Georgia Institute of Technology", "M.S. Computer Science", "2026-05"),
        ("Georgia Institute of Technology", "B.S. Computer Science", "2024-05"),
    ]
    assert "google analytics" not in model.skills
    assert {"pytorch", "cuda", "tensorrt"} <= set(model.skills)


def test_the_tools_a_jobs_duties_name_are_wanted_and_its_employer_is_no_skill() -> None:
    """tests/data/jd/new_grad_ml.txt: "Optimize GPU inference (CUDA, TensorRT, quantization)" under "What you'll
    do" counted for nothing once the posting had a requirements heading, so a candidate's CUDA and TensorRT work
    was never a strength. The duties' skills are nice to have; Shopify's "At Shopify, we're building…" is not."""
    _, job = read_job(_data("jd", "new_grad_ml.txt"))
    assert job.must_have == ["python", "c++", "pytorch", "jax", "communication"]
    assert {"cuda", "tensorrt", "deepspeed", "kubernetes"} <= set(job.nice_to_have)
    _, shopify = read_job(_data("jd", "linkedin_data_analyst.txt"))
    assert shopify.company == "Shopify"
    assert "shopify" not in shopify.nice_to_have and {"looker", "snowflake"} <= set(shopify.nice_to_have)


def test_a_careers_site_header_of_labelled_fields() -> None:
    """tests/data/jd/workday_data_engineer.txt, as a Workday posting copies: "locations: Austin, TX; Remote - US",
    "time type: Full time", "job requisition id: R-0142387" under the title. The requisition id was taken for the
    company and the place was lost; the company is named only in "At Dell Technologies, we believe…"."""
    _, job = read_job(_data("jd", "workday_data_engineer.txt"))
    assert (job.title, job.company, job.location) == ("Data Engineer II", "Dell Technologies", "Austin, TX")
    assert {"sql", "python", "data engineering"} <= set(job.must_have) and job.years_required == 3
    assert {"terraform", "aws", "airflow"} <= set(job.nice_to_have)
    # "The Data Engineering team builds the pipelines behind our supply-chain analytics." introduces the team
    assert "supply chain management" not in job.nice_to_have


_ROLE = "Data Engineer\nWe build pipelines, dashboards and models for our customers.\nRequirements\n- SQL and Python"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (f"{_ROLE}\nNorthwind Labs is an equal opportunity employer.", "Northwind Labs"),
        (f"Data Engineer\nAt Contoso, we ship data to 4,000 stores, every hour.\n{_ROLE}", "Contoso"),
        (f"Data Engineer\nWhat we do, at scale, matters. At first, we test.\n{_ROLE}", ""),
    ],
)  # fmt: skip
def test_a_posting_names_its_company_in_its_prose(text: str, company: str) -> None:
    assert read_job(text)[1].company == company


def test_a_list_cut_before_its_last_words_is_one_line() -> None:
    """Chromium wrapped "Relevant coursework: …, Databases, Machine" before "Learning"; the Profile's summary and
    every quote of the course list ended "…, Machine"."""
    text = (
        "Priya R\npriya@x.com\nEDUCATION\nUniversity of Michigan — B.S.E. in Computer Science | 2021 – 2025\n"
        "Relevant coursework: Data Structures and Algorithms, Operating Systems, Databases, Machine\nLearning\n"
        "SKILLS\nLanguages: Python, C++, Java, SQL, JavaScript, TypeScript, Go\nTools: Git\n"
    )
    model = read_document(text, "resume")
    assert model.education[0].bullets == [
        "Relevant coursework: Data Structures and Algorithms, Operating Systems, Databases, Machine Learning"
    ]
    assert bullet_units(model.lines[7:9]) == [
        (0, "Languages: Python, C++, Java, SQL, JavaScript, TypeScript, Go"),
        (1, "Tools: Git"),  # a labelled line is a line of its own
    ]


def test_promotions_under_one_employer_and_a_title_under_the_employers_line() -> None:
    """tests/data/resume/senior_pm_en.txt, a senior candidate's layout: "Amazon Web Services (AWS), Seattle, WA |
    2019 – Present" over two titled roles with their own years was a role with no title, and each role took its
    team ("AWS Marketplace") for its employer; "Product Manager II" under "Zillow Group, Seattle, WA | 2015 – 2019"
    was a bullet; "EARLIER EXPERIENCE" was a bullet of Zillow's."""
    model = read_document(_data("resume", "senior_pm_en.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in model.experience] == [
        ("Amazon Web Services", "Principal Product Manager, AWS Marketplace", "2022", "present"),
        ("Amazon Web Services", "Senior Product Manager, AWS Billing", "2019", "2022"),
        ("Zillow Group", "Product Manager II", "2015", "2019"),
        ("Deloitte Consulting", "Business Analyst", "2013", "2015"),
    ]
    assert model.lines[model.experience[0].line_start].startswith("Amazon Web Services (AWS)")
    assert model.experience[2].bullets == [
        "Shipped the Premier Agent lead-routing engine, +18% agent response rate",
        "Ran 120+ A/B tests with the data science team using Optimizely and SQL",
    ]
    assert [s.title for s in model.sections if s.canonical == "experience"] == [
        "PROFESSIONAL EXPERIENCE",
        "EARLIER EXPERIENCE",
    ]


def test_a_chinese_seniors_levels_and_teams_under_one_employer() -> None:
    """tests/data/resume/senior_zh.txt: "高级技术专家（P8），淘宝交易平台" under "阿里巴巴集团 2016.03 - 至今" took
    "P8" for its employer and lost the team."""
    model = read_document(_data("resume", "senior_zh.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in model.experience] == [
        ("阿里巴巴集团", "高级技术专家（P8），淘宝交易平台", "2020-04", "present"),
        ("阿里巴巴集团", "技术专家（P7），支付宝风控", "2016-03", "2020-03"),
        ("网易", "Java开发工程师", "2011-07", "2016-02"),
    ]


def test_a_projects_tool_line_is_the_projects_and_its_bracketed_note_no_role() -> None:
    """tests/data/resume/new_grad_fe_zh.txt: "技术栈：微信小程序、Vue 3、Node.js、MongoDB" under a project's header
    opened a skills section, so the project lost its bullets and the next project was no entry at all; the
    next project's "（课程设计，3 人小组，担任组长）" gave it the title 课程设计, and "Dian 团队" lost its 团队."""
    model = read_document(_data("resume", "new_grad_fe_zh.txt"), "resume")
    projects = [(e.org, e.title, e.start, len(e.bullets)) for e in model.entries if e.kind == "project"]
    assert projects == [("校园二手交易小程序", "", "2025-02", 4), ("实验室设备预约系统", "组长", "2024-09", 2)]
    assert [s.canonical for s in model.sections].count("skills") == 1
    assert [(e.org, e.title) for e in model.experience][-1] == ("Dian 团队", "成员")
    assert "kaizen" not in model.skills and "innovation" not in model.skills  # "改善了…体验", "科技创新团队"


def test_the_colleagues_a_duty_names_are_no_skill_and_a_sites_tag_no_title() -> None:
    """tests/data/jd/campus_fe_zh.txt: "与产品、设计、后端同学紧密合作" asked for backend development, and the title
    kept the listing's tag "【2026届校招】". "Mentor engineers" still asks for mentoring."""
    _, job = read_job(_data("jd", "campus_fe_zh.txt"))
    assert job.title == "前端开发工程师"
    assert "backend development" not in job.nice_to_have and "wechat mini program" in job.nice_to_have
    _, job = read_job(
        "[Remote] Senior Frontend Engineer\nResponsibilities\n- Partner with backend engineers and designers\n"
        "- Work closely with the machine learning team\n- Mentor engineers and build React components\n"
        "Requirements\n- 5+ years of JavaScript\n"
    )
    assert job.title == "Senior Frontend Engineer"
    assert "backend development" not in job.nice_to_have and "machine learning" not in job.nice_to_have
    assert "mentoring" in job.nice_to_have and "react" in job.nice_to_have


def test_a_postings_wrapped_team_intro_and_its_pay_line_ask_for_nothing() -> None:
    """tests/data/jd/fintech_ledger.txt: "Brex's Ledger Platform team owns the double-entry ledger every card swipe,
    bill payment and reimbursement is" / "written to. You'll join…" were two duties (the interview asked about
    them and they asked for expense management), and "Compensation: $230,000 – $290,000 base + equity." under
    "Bonus points" asked for compensation and benefits."""
    _, job = read_job(_data("jd", "fintech_ledger.txt"))
    assert job.responsibilities[0].startswith("Design and build the next generation of our ledger")
    assert not any("Brex's" in duty or "written to" in duty for duty in job.responsibilities)
    assert "compensation and benefits" not in job.nice_to_have and "expense management" not in job.nice_to_have
    assert {"kafka", "kubernetes", "aws", "mentoring"} <= set(job.nice_to_have)
    _, job = read_job(_data("jd", "careers_site_swe.txt"))
    assert not any(duty.startswith("Google's") for duty in job.responsibilities)


def test_a_chinese_postings_year_range_and_its_platform_tools() -> None:
    """tests/data/jd/xhs_ops.txt asks for "1-3 年小红书/抖音等社交平台运营经验" (no years were read: the range and
    the "/" stopped the pattern) and "熟练使用蒲公英平台" (no keyword: the vocabulary lacked Xiaohongshu's
    influencer platform); tests/data/resume/new_media_ops_zh.txt's "达人合作投放" was no influencer marketing."""
    _, job = read_job(_data("jd", "xhs_ops.txt"))
    assert job.years_required == 1
    assert "pugongying" in job.must_have and "influencer marketing" in job.nice_to_have
    model = read_document(_data("resume", "new_media_ops_zh.txt"), "resume")
    assert {"pugongying", "qianchuan", "influencer marketing"} <= set(model.skills)
    assert [p.status for p in cover(["pugongying", "influencer marketing"], model, None)] == ["resume", "resume"]
    _, job = read_job("数据分析师\n任职要求：\n1. 熟悉2025年新版报表工作流程，有数据分析经验\n")
    assert job.years_required is None  # "2025年…工作" is a year, not 25 years


def test_the_common_latex_template_title_over_employer_and_a_campus_after_a_comma() -> None:
    """tests/data/resume/new_grad_jake_template_en.txt, the most used US new-graduate template: the title and its
    dates on one line, the employer and its place on the next, each pushed apart by spaces. The padded employer
    line was too long to be a header's, so the internship had no employer (the teaching role then took
    Qualcomm's), and "University of California, San Diego" lost its campus."""
    model = read_document(_data("resume", "new_grad_jake_template_en.txt"), "resume")
    assert [(e.org, e.title, e.location, len(e.bullets)) for e in model.experience] == [
        ("Qualcomm", "Software Engineer Intern", "San Diego, CA", 3),
        ("UC San Diego", "Undergraduate Teaching Assistant", "La Jolla, CA", 1),
    ]
    school = model.education[0]
    assert (school.org, school.location, school.start, school.end) == (
        "University of California, San Diego",
        "La Jolla, CA",
        "2022-09",
        "2026-06",
    )
    washington = read_document("EDUCATION\nUniversity of Washington, Seattle, WA\nB.S. Informatics, 2020 - 2024\n", "")
    assert (washington.education[0].org, washington.education[0].location) == (
        "University of Washington",
        "Seattle, WA",
    )


def test_a_teacher_turned_instructional_designer() -> None:
    """tests/data/resume/career_change_teacher_en.txt: "Science Teacher, Grades 9–11" took "Grades 9" for its employer
    (the dash between the grades split the header), the certificates under "EDUCATION & CERTIFICATIONS" were
    schools (the intro said "I studied at Google UX Design Professional Certificate"), "Self-employed" was an
    employer, "AP Biology" was accounts payable, and the vocabulary knew no Articulate, Captivate or LMS."""
    model = read_document(_data("resume", "career_change_teacher_en.txt"), "resume")
    assert [(e.org, e.title) for e in model.experience] == [
        ("", "Freelance Instructional Designer"),
        ("Denver Public Schools", "Science Teacher, Grades 9–11"),
    ]
    assert [e.org for e in model.education] == ["University of Colorado Denver", "Colorado State University"]
    assert "Google UX Design Professional Certificate" in model.certifications
    assert {"articulate 360", "adobe captivate", "lms", "training needs analysis", "addie"} <= set(model.skills)
    assert "accounts payable" not in model.skills
    assert unit_at(model, 6)[1].endswith(
        "Built 12 self-paced modules in Articulate Storyline and Rise for a "
        "nonprofit client; comfortable with ADDIE, storyboarding and learner analytics."
    )


def test_an_instructional_design_posting() -> None:
    """tests/data/jd/instructional_designer.txt: "Essential Responsibilities:" was no heading, "Minimum two (2) years"
    no years, and Articulate 360 and Adobe Captivate no keywords."""
    _, job = read_job(_data("jd", "instructional_designer.txt"))
    assert job.must_have == ["instructional design", "articulate 360", "adobe captivate"]
    assert {"scorm", "xapi", "kirkpatrick model", "camtasia"} <= set(job.nice_to_have)
    assert job.years_required == 2
    assert "Creates storyboards, job aids and facilitator guides." in job.responsibilities


def test_an_honour_dated_under_a_school_is_the_schools_detail() -> None:
    """tests/data/resume/accountant_zh.txt: "GPA 3.6/4.0，校级一等奖学金（2017）" under the school was a second school
    named 校级一等奖学金, and the tailored resume showed it as a heading. A dated honour inside a school's years is
    its detail; one outside them is not."""
    model = read_document(_data("resume", "accountant_zh.txt"), "resume")
    schools = [(e.org, e.gpa, e.bullets) for e in model.education]
    assert schools == [("南京财经大学", "3.6/4.0", ["GPA 3.6/4.0，校级一等奖学金（2017）"])]
    model = read_document(
        "EDUCATION\nUniversity of Michigan, B.S. Economics, 2018 – 2022\nDean's List, 2021\n"
        "Stanford University, M.S. Statistics, 2022 – 2024\nBest Thesis Award, 2025\n",
        "resume",
    )
    assert [e.org for e in model.education][:2] == ["University of Michigan", "Stanford University"]
    assert model.education[0].bullets == ["Dean's List, 2021"]
    assert model.education[1].bullets == []  # 2025 is after Stanford's years: not its detail


def test_departments_listed_as_colleagues_and_decision_support_are_no_skill() -> None:
    """tests/data/jd/fpa_manager_zh.txt: "与销售、采购、生产等部门紧密合作，提供决策支持" asked for sales, procurement
    and decision making, and "编制管理报表" (compiling reports) for workforce planning. Colleagues at the end of a
    list are colleagues in a requirement too; a skill named beside them elsewhere in the line stays asked."""
    _, job = read_job(_data("jd", "fpa_manager_zh.txt"))
    asked = {*job.must_have, *job.nice_to_have}
    assert not asked & {"sales", "procurement", "decision making", "workforce planning"}
    assert {"financial planning and analysis", "sap", "excel", "power bi", "budgeting"} <= asked
    _, job = read_job(
        "要求：\n1. 使用 Python 和 SQL 做数据分析，与运营团队对接需求\n"
        "2. Partner with sales, marketing and product teams; build dashboards in Tableau\n"
        "3. 具备决策能力，熟悉人员编制\n"
    )
    assert {"python", "sql", "data analysis", "tableau", "decision making", "workforce planning"} <= set(job.must_have)
    assert "sales" not in job.must_have and "marketing" not in job.must_have


def test_a_phone_screenshots_glued_list_numbers_dots_and_district_are_read() -> None:
    """tests/data/jd/fpa_manager_zh_phone_screenshot_ocr.txt, the posting's phone screenshot as OCR read it: the
    spaces went, so "2.5年以上制造业财务经验" (item 2, five years) gave no years, "集团·世界500强·10000人以上" was
    the company and "上海闵行区 5-10年本科" gave no place."""
    _, job = read_job(_data("jd", "fpa_manager_zh_phone_screenshot_ocr.txt"))
    assert (job.title, job.company, job.location) == ("财务分析经理", "某外资汽车零部件集团", "上海闵行区")
    assert job.years_required == 5
    # A decimal that is no item's number stays one: no list around it, or the count does not lead to it.
    model = read_document("个人优势\n2.5年Java开发经验，熟悉Spring\n", "resume")
    assert model.lines[1].startswith("2.5年")
    model = read_document("要求\n1.本科\n3.5年以上经验\n", "resume")
    assert model.lines[2].startswith("3.5年")


def test_a_sellers_resume_and_a_sales_posting_are_read_in_their_own_words() -> None:
    """tests/data/resume/enterprise_ae_en.txt against tests/data/jd/enterprise_ae_snowflake.txt. The resume puts the
    title and its sales segment over "Datadog — Austin, TX": the segment ("Enterprise", "Mid-Market") was the
    employer. Its words were skills in another sense: "promoted to AE" After Effects, "new logo" logo design,
    "multi-threading complex deals" concurrency, "net revenue retention" user retention, "Sales Cloud" cloud
    computing, and "MEDDICC" nothing. The posting's company was its vertical ("… - Financial Services" over
    "Snowflake · Austin, TX"), "articulate business value" asked for Articulate 360 and its pay sentence for
    compensation and benefits."""
    model = read_document(_data("resume", "enterprise_ae_en.txt"), "resume")
    assert [(e.org, e.title, e.location) for e in model.experience] == [
        ("Datadog", "Senior Account Executive", "Austin, TX"),
        ("Zendesk", "Account Executive", "Austin, TX"),
        ("Bazaarvoice", "Sales Development Representative", "Austin, TX"),
    ]
    assert {"meddic", "challenger sale", "quota attainment", "prospecting"} <= set(model.skills)
    contract = read_document(
        "EXPERIENCE\nData Analyst, Growth | Jan 2021 – Dec 2022\nContract — New York, NY\n", "resume"
    )
    assert contract.experience[0].org != "Contract"  # the terms under a header are no employer
    wrong = {"after effects", "logo design", "concurrency", "user retention", "cloud computing"}
    assert not wrong & set(model.skills)
    _, job = read_job(_data("jd", "enterprise_ae_snowflake.txt"))
    assert (job.title, job.company, job.location) == ("Enterprise Account Executive", "Snowflake", "Austin, TX")
    assert {"quota attainment", "meddic", "challenger sale"} <= set(job.must_have)
    assert not {"articulate 360", "compensation and benefits"} & {*job.must_have, *job.nice_to_have}


def test_a_chinese_title_spaced_around_its_latin_word_stays_one_title() -> None:
    """tests/data/jd/ui_designer_b2b_zh.txt: "高级 UI 设计师（B端）" gave the title "UI" and the company "设计师";
    tests/data/resume/ui_designer_zh.txt's tools "PS、AI、AE、PR" were artificial intelligence and public relations, and
    "带教 2 名初级设计师" a nurse's precepting."""
    _, job = read_job(_data("jd", "ui_designer_b2b_zh.txt"))
    assert (job.title, job.company) == ("高级 UI 设计师", "")
    model = read_document(_data("resume", "ui_designer_zh.txt"), "resume")
    assert {"illustrator", "premiere pro", "after effects", "mentoring"} <= set(model.skills)
    assert not {"artificial intelligence", "public relations", "precepting"} & set(model.skills)
    assert [(e.org, e.title) for e in model.experience] == [
        ("杭州有赞科技有限公司", "高级UI设计师"),
        ("网易（杭州）网络有限公司", "UI设计师"),  # the registered name holds its seat in brackets
    ]


def test_a_header_wrapped_after_its_comma_keeps_its_employer() -> None:
    """tests/data/facts/pdf/en06_resume.pdf reads "Senior Financial Analyst — McDonald's Corporation," over "Chicago,
    IL" over "2019 – present": the comma is the header's own wrap, not a bullet's open end, so the role keeps its
    employer and title (a change for wrapped bullets lost them, and bench.grounding flagged the faithful heading)."""
    model = read_document(
        "EXPERIENCE\nSenior Financial Analyst — McDonald's Corporation,\nChicago, IL\n2019 – present\n"
        "• Build the annual operating plan for a $2.3B restaurant portfolio\n"
        "Financial Analyst — Boeing, Chicago, IL\n2015 – 2019\n• Built the cost model for 3 programs\n",
        "resume",
    )
    assert [(e.org, e.title) for e in model.experience] == [
        ("McDonald's Corporation", "Senior Financial Analyst"),
        ("Boeing", "Financial Analyst"),
    ]


def test_an_embedded_engineers_resume_and_an_automotive_posting_are_read_in_their_own_words() -> None:
    """tests/data/resume/embedded_bms_zh.txt against tests/data/jd/bms_embedded_zh.txt. The contest line under the
    school ("全国大学生电子设计竞赛 … 一等奖（2013）") was a second school, for "大学生" (a student) held "大学"; the
    project "400V 储能 BMS 平台" was named "400V", its header split at every space; the posting asked for DaVinci
    Resolve (Vector's DaVinci is an AUTOSAR tool) and a security operations centre (SOC/SOH is a battery's state)."""
    model = read_document(_data("resume", "embedded_bms_zh.txt"), "resume")
    assert [(e.org, e.start, e.end) for e in model.education] == [("华南理工大学", "2011-09", "2015-06")]
    assert any("电子设计竞赛" in bullet for bullet in model.education[0].bullets)
    assert [e.org for e in model.entries if e.kind == "project"] == ["400V 储能 BMS 平台"]
    assert {"autosar", "can bus", "uds diagnostics", "misra c", "functional safety", "canoe"} <= set(model.skills)
    assert not {"security operations", "davinci resolve"} & set(model.skills)
    _, job = read_job(_data("jd", "bms_embedded_zh.txt"))
    assert (job.title, job.company) == ("嵌入式软件工程师", "比亚迪")
    assert {"autosar", "misra c", "canoe", "uds diagnostics", "microcontrollers"} <= set(job.must_have)
    assert not {"security operations", "davinci resolve"} & {*job.must_have, *job.nice_to_have}
    # A project spaced around a role keeps the role apart: "电商推荐系统 后端开发".
    spaced = read_document("项目经历\n电商推荐系统 后端工程师（2021.03 - 2022.12）\n- 负责召回服务\n", "resume")
    assert [(e.org, e.title) for e in spaced.entries if e.kind == "project"] == [("电商推荐系统", "后端工程师")]


def test_a_wrapped_line_is_joined_with_the_spacing_its_writer_uses() -> None:
    """Between a Chinese character and a Latin word the writer's own spacing ("基于 AUTOSAR CP 与" + "S32K144"), none
    after a full-width comma: a first cut of the PDF wrap rule wrote "…的软件开发， 熟悉 AUTOSAR" in a summary."""
    spaced = ["主导 BMS 两款产品的软件开发，", "熟悉 AUTOSAR CP 架构与", "S32K144 平台。"]
    joined = "主导 BMS 两款产品的软件开发，熟悉 AUTOSAR CP 架构与 S32K144 平台。"
    assert bullet_units(spaced, prose=True) == [(0, joined)]
    tight = ["主导BMS两款产品的软件开发，", "熟悉AUTOSAR架构与", "S32K144平台。"]
    assert bullet_units(tight, prose=True) == [(0, "主导BMS两款产品的软件开发，熟悉AUTOSAR架构与S32K144平台。")]


def test_a_mechanical_engineers_resume_and_a_structure_posting_are_read_in_their_own_words() -> None:
    """tests/data/resume/mechanical_zh.txt against tests/data/jd/wearable_structure_zh.txt: the vocabulary knew no
    Creo, UG NX, ANSYS, GD&T, DFM or manufacturing process, so the posting asked for AutoCAD and soft skills alone
    and the offline Match scored a matching structural engineer 58."""
    model = read_document(_data("resume", "mechanical_zh.txt"), "resume")
    held = {"creo", "siemens nx", "fea", "gd&t", "design for manufacturing", "injection molding", "mold design"}
    assert held <= set(model.skills)
    assert "design systems" not in model.skills  # "结构设计规范" is no UI design system
    _, job = read_job(_data("jd", "wearable_structure_zh.txt"))
    assert {"mechanical design", "creo", "siemens nx", "injection molding", "die casting"} <= set(job.must_have)
    assert {"fea", "gd&t", "design for manufacturing", "reliability testing"} <= set(job.nice_to_have)
    assert "analytical skills" not in job.nice_to_have


def test_a_job_boards_lines_of_terms_and_of_company_facts_are_read_from_a_screenshot() -> None:
    """tests/data/jd/wearable_structure_zh_phone_screenshot_ocr.txt, the structure posting's phone screenshot read by
    OCR: "东莞松山湖丨5-10年丨本科" (OCR reads the bar as "丨") made "东莞松山湖" the company and "本科" the place,
    "OPPO·智能硬件·10000人以上" stayed one piece, and "…者优" + "先；" wrapped the "优先" of a preferred skill apart,
    so ANSYS became a must-have."""
    _, job = read_job(_data("jd", "wearable_structure_zh_phone_screenshot_ocr.txt"))
    assert (job.title, job.company, job.location) == ("高级结构工程师", "OPPO", "东莞松山湖")
    assert "fea" in job.nice_to_have and "fea" not in job.must_have
    _, pasted = read_job(_data("jd", "wearable_structure_zh.txt"))
    assert (pasted.company, pasted.location) == ("OPPO", "东莞 松山湖")
    board = (
        "高级Java开发工程师\n30-50K\n北京·海淀区丨3-5年丨本科\n字节跳动·移动互联网·D轮及以上·10000人以上\n"
        "任职要求\n1. 熟悉Java\n"
    )
    _, job = read_job(board)
    assert (job.company, job.location) == ("字节跳动", "北京·海淀区")


def test_an_employer_line_above_a_title_and_its_team_is_the_employer() -> None:
    """tests/data/resume/procurement_en.txt: "Baker Hughes — Houston, TX" over "Senior Category Manager, Direct
    Materials  Mar 2019 – Present". The dated line's two parts were read as title and employer, so the Match's pitch
    said "Senior Category Manager at Direct Materials", and the next employer's line became the role's last bullet."""
    model = read_document(_data("resume", "procurement_en.txt"), "resume")
    roles = [(e.org, e.title, e.location, e.start) for e in model.experience]
    assert roles == [
        ("Baker Hughes", "Senior Category Manager, Direct Materials", "Houston, TX", "2019-03"),
        ("Flowserve Corporation", "Buyer / Senior Buyer", "Irving, TX", "2015-06"),
        ("Cameron International", "Supply Chain Analyst", "Houston, TX", "2013-07"),
    ]
    assert len(model.experience[0].bullets) == 5
    assert not any("Flowserve" in bullet for bullet in model.experience[0].bullets)
    lines = "EXPERIENCE\nGlobex — Austin, TX\nBuyer, Valves   Jun 2015 – Feb 2019\n• Managed purchase orders\n"
    assert [(e.org, e.title) for e in read_document(lines, "resume").experience] == [("Globex", "Buyer, Valves")]
    # A header naming its employer keeps it: the line above is the end of the role before, not this one's employer.
    named = "EXPERIENCE\nAcme Corp — Dallas, TX\nAnalyst, Globex Inc   2019 – 2021\n• Built reports\n"
    assert [e.org for e in read_document(named, "resume").experience] == ["Globex Inc"]


def test_a_team_named_like_a_firm_under_its_employer_stays_in_the_title() -> None:
    """A senior candidate's promotions at one employer, each title with its team: "Dell Technologies — Austin, TX"
    over "Senior Program Manager, Supply Chain Systems | Jan 2020 – Present". "Systems" is a firm's word ("Cisco
    Systems"), so the team was the employer of both roles and Dell was lost; written without its place, the
    employer's line was no employer's line at all, and the second role's "Program Manager, Procurement Analytics"
    was read as a city and its state."""
    roles = (
        "Senior Program Manager, Supply Chain Systems | Jan 2020 – Present\n• Led a demand-sensing rollout\n"
        "Program Manager, Procurement Analytics | Jun 2016 – Dec 2019\n• Built the supplier scorecard\n"
        "Accenture — Dallas, TX\nBusiness Analyst | Jul 2013 – May 2016\n• Gathered requirements\n"
    )
    expected = [
        ("Dell Technologies", "Senior Program Manager, Supply Chain Systems", "2020-01"),
        ("Dell Technologies", "Program Manager, Procurement Analytics", "2016-06"),
        ("Accenture", "Business Analyst", "2013-07"),
    ]
    for employer in ("Dell Technologies — Austin, TX", "Dell Technologies"):
        model = read_document(f"EXPERIENCE\n{employer}\n{roles}", "resume")
        assert [(e.org, e.title, e.start) for e in model.experience] == expected, employer
        assert [len(e.bullets) for e in model.experience] == [1, 1, 1]
    # A firm by its own name stays the employer: "Cisco Systems" opens with no function's word.
    named = "EXPERIENCE\nAcme Corp — Dallas, TX\nEngineer, Cisco Systems   2019 – 2021\n• Built routers\n"
    assert [e.org for e in read_document(named, "resume").experience] == ["Cisco Systems"]


def test_three_titles_at_one_employer_then_an_employer_named_alone() -> None:
    """A director's resume (a helper's, 2026-12-07): "Northpeak Financial, Seattle, WA" over three titles, each "Title,
    Team | years", the later two after a blank line; then "Zillow" alone over "Product Manager, Mortgages | 2013 –
    2017". "Group Product Manager" holds a firm's word, so it was the second role's employer and the block ended;
    the third took its team for employer, and "Zillow" was the third role's last bullet, its role at "Mortgages"."""
    text = (
        "PROFESSIONAL EXPERIENCE\n\nNorthpeak Financial, Seattle, WA\n"
        "Director of Product Management, Merchant Platform | 2021 – Present\n- Lead 18 product managers\n\n"
        "Group Product Manager, Checkout | 2019 – 2021\n- Redesigned checkout flow; conversion up 14%\n\n"
        "Senior Product Manager, Payments Platform | 2017 – 2019\n- Launched multi-currency payouts in 12 markets\n\n"
        "Zillow\nProduct Manager, Mortgages | 2013 – 2017\n- Built a mortgage rate comparison tool\n\n"
        "Accenture, Chicago, IL\nBusiness Analyst | 2010 – 2013\n- Gathered requirements\n"
    )
    model = read_document(text, "resume")
    assert [(e.org, e.title, e.start) for e in model.experience] == [
        ("Northpeak Financial", "Director of Product Management, Merchant Platform", "2021"),
        ("Northpeak Financial", "Group Product Manager, Checkout", "2019"),
        ("Northpeak Financial", "Senior Product Manager, Payments Platform", "2017"),
        ("Zillow", "Product Manager, Mortgages", "2013"),
        ("Accenture", "Business Analyst", "2010"),
    ]
    assert [len(e.bullets) for e in model.experience] == [1, 1, 1, 1, 1]
    # A promotion written with its territory: "Stryker Orthopaedics, Denver, CO" over two "Title, Team (Territory)".
    stryker = (
        "EXPERIENCE\nStryker Orthopaedics, Denver, CO\n"
        "Territory Manager, Joint Replacement (Northern Colorado & Wyoming)    01/2022 - present\n- Own a territory\n\n"
        "Associate Sales Representative, Joint Replacement (Denver Metro)    06/2019 - 12/2021\n- Covered 300+ cases\n"
    )
    assert [e.org for e in read_document(stryker, "resume").experience] == ["Stryker Orthopaedics"] * 2


def test_a_preferred_aside_leaves_its_requirement_required() -> None:
    """tests/data/jd/siemens_sourcing.txt: "Strong knowledge of SAP (S/4HANA preferred)" made SAP a nice-to-have."""
    _model, job = read_job(_data("jd", "siemens_sourcing.txt"))
    assert {"sap", "strategic sourcing", "should-cost analysis", "team management"} <= set(job.must_have)
    assert {"six sigma", "risk management"} <= set(job.nice_to_have)
    assert not {"consolidation", "leadership", "total cost of ownership"} & set(job.must_have + job.nice_to_have)
    text = (
        "Requirements\n- Python (Django a plus)\n- SQL (preferred)\n- Bachelor's degree (Master's preferred)\n"
        "任职要求：\n1. 熟悉 Java（有 Spring Cloud 经验者优先）；\n"
    )
    _model, job = read_job(text)
    assert {"python", "java"} <= set(job.must_have)
    assert {"django", "sql", "spring"} <= set(job.nice_to_have)  # an aside with only the marker prefers its item
    assert job.degree_required == "bachelor"


def test_a_test_engineers_posting_asks_for_api_testing() -> None:
    """tests/data/jd/pdd_qa_zh.txt: "熟悉接口测试" asked for nothing, and "Postman" for API design."""
    _model, job = read_job(_data("jd", "pdd_qa_zh.txt"))
    assert {"api testing", "performance testing", "test automation", "python", "java"} <= set(job.must_have)
    assert "api design" not in job.must_have + job.nice_to_have
    model = read_document(_data("resume", "qa_engineer_zh.txt"), "resume")
    assert {"api testing", "appium", "test automation"} <= set(model.skills) and "ui design" not in model.skills
    assert model.certifications == ["ISTQB 基础级认证", "软件评测师", "CET-6"]


def test_a_chinese_hr_resumes_registered_names_titles_with_teams_and_a_promotion() -> None:
    """tests/data/resume/hrbp_zh.txt: "网易（杭州）网络有限公司" was the employer "网易" in the place "杭州", the
    title below it ("高级HRBP（游戏事业部）") was lost to its department, "招聘专员 → 招聘主管" kept only the first
    title, and the heading "【专业技能与证书】" was a certificate."""
    model = read_document(_data("resume", "hrbp_zh.txt"), "resume")
    assert [(e.org, e.title, e.location) for e in model.experience] == [
        ("网易（杭州）网络有限公司", "高级HRBP（游戏事业部）", ""),
        ("杭州海康威视数字技术股份有限公司", "招聘专员 → 招聘主管", ""),
    ]
    assert model.certifications == ["人力资源管理师", "CET-6"]
    assert any(s.canonical == "skills" and s.title == "【专业技能与证书】" for s in model.sections)
    english = read_document(
        "EXPERIENCE\nAcme Corp | 2019 – 2023\nAnalyst -> Senior Analyst\n- Built reports\n", "resume"
    )
    assert english.experience[0].title == "Analyst -> Senior Analyst"


def test_a_degrees_fields_of_study_are_wanted_not_required_skills() -> None:
    """tests/data/jd/turner_project_engineer.txt: "Bachelor's degree in Civil Engineering, Construction Management or
    related field" asked for both as skills, so a civil engineer lacked construction management and a construction
    manager civil engineering; "财务、会计、金融相关专业" required accounting of every FP&A candidate."""
    _model, job = read_job(_data("jd", "turner_project_engineer.txt"))
    assert {"procore", "bluebeam", "primavera p6"} <= set(job.must_have)
    assert {"civil engineering", "construction management"} <= set(job.nice_to_have)
    assert not {"civil engineering", "construction management"} & set(job.must_have)
    assert "accounts payable" not in job.must_have + job.nice_to_have  # "LEED AP is a plus"
    assert job.degree_required == "bachelor"
    _model, fpa = read_job(_data("jd", "fpa_manager_zh.txt"))
    assert "accounting" in fpa.nice_to_have and "accounting" not in fpa.must_have
    _model, plain = read_job("Requirements\n- BS in Computer Science or equivalent experience with Python\n")
    assert plain.must_have == ["python"]
    # the field ends where the sentence goes on to the work: Python and SQL stay required
    _model, joined = read_job("Requirements\n- Degree in Computer Science and 5 years of Python experience\n")
    assert joined.must_have == ["python"]
    _model, joined = read_job("Requirements\n- Bachelor's degree in Statistics with strong SQL skills\n")
    assert (joined.must_have, joined.nice_to_have) == (["sql"], ["statistics"])


def test_a_construction_project_engineers_tools_and_licences() -> None:
    """tests/data/resume/civil_engineer_en.txt: RFIs, submittals, Procore, Primavera P6, Bluebeam, BIM 360 clash
    detection were no skills, and P.E., OSHA 30 and LEED were no certificates under "LICENSES & SKILLS" (itself
    no heading: the licences were read as the school's lines)."""
    model = read_document(_data("resume", "civil_engineer_en.txt"), "resume")
    assert {
        "rfi management", "submittals", "procore", "primavera p6", "bluebeam", "bim", "clash detection",
        "mep coordination", "change orders", "construction scheduling", "site safety", "concrete",
    } <= set(model.skills)  # fmt: skip
    assert model.certifications == ["P.E.", "OSHA 30", "LEED Green Associate"]
    assert model.education[0].bullets == []


def test_a_bullets_year_is_no_role_and_a_teachers_certificate_level_no_degree() -> None:
    """tests/data/resume/csm_en.txt: "- Partner with Sales on renewals and expansion; sourced $620K in upsell pipeline
    in 2024" was a role at HubSpot titled by the bullet. tests/data/jd/math_teacher_zh.txt:
    "持有初中或高中数学教师资格证" asked for a high-school diploma instead of the bachelor's its first line asks;
    tests/data/resume/teacher_zh.txt:
    "荣誉与证书" was a certificate, and its dated prize a role."""
    csm = read_document(_data("resume", "csm_en.txt"), "resume")
    assert [(e.org, e.title) for e in csm.experience] == [
        ("HubSpot", "Senior Customer Success Manager (Mid-Market)"),  # its segment, as written
        ("Zendesk", "Customer Success Manager"),
    ]
    assert any("in 2024" in bullet for bullet in csm.experience[0].bullets)
    _model, job = read_job(_data("jd", "math_teacher_zh.txt"))
    assert job.degree_required == "bachelor"
    assert {"classroom teaching", "educational technology"} <= set(job.must_have)
    assert {"homeroom management", "competition coaching", "parent communication"} <= set(job.nice_to_have)
    _model, plain = read_job("任职要求：\n1、大专及以上学历；\n2、持有高中语文教师资格证")
    assert plain.degree_required == "associate"
    teacher = read_document(_data("resume", "teacher_zh.txt"), "resume")
    assert teacher.certifications == ["教师资格证", "普通话二级甲等"]
    assert [e.org for e in teacher.experience] == ["成都市第七中学初中学校", "成都市树德中学"]


def test_an_employer_with_no_organisation_word_over_its_title() -> None:
    """ "Zalando | Berlin | 2019 – 2023" over "Product Analyst": an employer named without "Inc" or "Group" sent the
    header down the branch that looks for an employer's line below and, finding none, never looked for the title
    there, so every such role had no title (the tailored resume's heading was then flagged)."""
    text = (
        "Anna Schmidt\nanna@example.com\nEXPERIENCE\nZalando | Berlin | 2019 – 2023\nProduct Analyst\n"
        "- Built the returns dashboard\nREI | Seattle, WA | 2016 – 2019\nMarketing Specialist\n- Ran campaigns\n"
        "Zillow Group, Seattle, WA | 2014 – 2016\nProduct Manager II\n- Shipped search\n"
    )
    roles = [(e.org, e.title, e.location) for e in read_document(text, "resume").experience]
    assert roles == [
        ("Zalando", "Product Analyst", "Berlin"),
        ("REI", "Marketing Specialist", "Seattle, WA"),
        ("Zillow Group", "Product Manager II", "Seattle, WA"),
    ]


def test_an_automation_engineers_sections_under_symbols_and_his_certificates() -> None:
    """tests/data/resume/electrical_zh.txt: "◆ 工作经历", "◆ 教育背景" were no headings, so the whole resume was one
    "求职意向" section, its projects roles, its school a role and no education; "CE认证相关要求" was a certificate
    and "西门子TIA Portal高级编程培训证书" lost its first words at the space."""
    model = read_document(_data("resume", "electrical_zh.txt"), "resume")
    assert [s.canonical for s in model.sections] == [
        "objective", "summary", "experience", "projects", "skills", "certifications", "education", "summary",
    ]  # fmt: skip
    assert [s.title for s in model.sections][1:3] == ["个人概述", "工作经历"]  # the symbol is no part of the name
    assert [(e.org, e.title) for e in model.experience] == [
        ("常州恒锐智能装备有限公司", "电气主管"),
        ("无锡精创自动化科技有限公司", "电气工程师"),
    ]
    assert len(model.projects) == 3
    assert [(e.org, e.field) for e in model.education] == [("江苏理工学院", "电气工程及其自动化")]
    # the certificates section's own, then what the rest names (CET-4 in the skills)
    assert model.certifications == ["特种作业操作证", "低压电工作业", "西门子TIA Portal高级编程培训证书", "CET-4"]
    assert {"plc programming", "siemens plc", "mitsubishi plc", "eplan", "servo systems", "motion control"} <= set(
        model.skills
    )
    _model, job = read_job(_data("jd", "automation_electrical_zh.txt"))
    assert {"plc programming", "eplan", "motion control", "hmi", "electrical design"} <= set(job.must_have)
    assert {"lithium battery equipment", "beckhoff"} <= set(job.nice_to_have)


def test_headers_with_double_hyphens_describing_asides_and_two_towns() -> None:
    """tests/data/resume/sre_en.txt: "Senior Site Reliability Engineer -- Ledgerline Financial (fintech, payments
    API)" had "fintech" for its employer, "(co-op)" was an intern's employer, "Austin, TX (hybrid)" below a header its
    first bullet and the "OTHER" heading's talk a school. tests/data/resume/pharmacist_en.txt: "MedWay Pharmacy
    (retail chain), Westerville & Dublin, OH" lost the title above it, the long school line its PharmD, and
    "LICENSURE & CERTIFICATIONS" was no heading."""
    sre = read_document(_data("resume", "sre_en.txt"), "resume")
    assert [(e.org, e.title, e.location) for e in sre.experience] == [  # the place on the line below: no bullet
        ("Ledgerline Financial", "Senior Site Reliability Engineer", "Austin, TX"),
        ("Brightpath Health Analytics", "DevOps Engineer", "Dallas, TX"),
        ("Tallgrass Hosting", "Infrastructure Intern", "Wichita, KS"),
    ]
    assert not any(b.startswith(("Austin", "Dallas", "Wichita")) for e in sre.experience for b in e.bullets)
    assert [(e.org, e.title, e.location) for e in sre.education] == [
        ("Texas Tech University", "B.S. Computer Engineering", "Lubbock, TX")
    ]
    rph = read_document(_data("resume", "pharmacist_en.txt"), "resume")
    assert [(e.org, e.title, e.location) for e in rph.experience] == [
        ("Riverside Valley Medical Center", "Staff Pharmacist, Inpatient Pharmacy", "Columbus, OH"),
        ("MedWay Pharmacy", "Pharmacist / Pharmacist-in-Charge", "Westerville & Dublin, OH"),
        ("MedWay Pharmacy", "Pharmacy Intern", "Columbus, OH"),
    ]
    assert rph.education[0].title == "Doctor of Pharmacy" and rph.education[0].degree_level == "doctor"
    assert [s.canonical for s in rph.sections][1] == "certifications"  # "LICENSURE & CERTIFICATIONS"


def test_a_bullets_dates_inside_its_sentence_are_no_header() -> None:
    """tests/data/resume/pharmacist_en.txt: "* Member, P&T subcommittee …; helped update heparin nomogram (2023)",
    "- As PIC (2018-2020): responsible for …" and the wrapped "  store ranked top 5 … in 2018 and 2019" were roles;
    tests/data/resume/supply_chain_en.txt: "- Maintained OTIF … through the 2021" (its sentence going on below)."""
    rph = read_document(_data("resume", "pharmacist_en.txt"), "resume")
    assert len(rph.experience) == 3
    assert any(b.startswith("As PIC (2018-2020): responsible for") for b in rph.experience[1].bullets)
    assert any("MTM completion rate in 2018 and 2019" in b for b in rph.experience[1].bullets)
    dedented = "\n".join(line.lstrip() for line in _data("resume", "pharmacist_en.txt").splitlines())
    as_from_a_pdf = read_document(dedented, "resume")  # a PDF's text keeps no indent
    assert [len(e.bullets) for e in as_from_a_pdf.experience] == [len(e.bullets) for e in rph.experience]
    first = "Acme Corp  Jan 2020 - Present\n- Maintained OTIF through the 2021\n  packaging shortage by running calls."
    model = read_document(f"Experience\n{first}\n- Built reports.", "resume")
    assert [(e.org, len(e.bullets)) for e in model.experience] == [("Acme Corp", 2)]
    bulleted = read_document("Experience\n• Software Engineer, Google, 2019 – 2021\n• Analyst, IBM (2017)\n", "resume")
    assert [e.org for e in bulleted.experience] == ["Google", "IBM"]  # a bulleted header is still a header


def test_a_school_below_its_degree_and_the_field_after_an_abbreviation() -> None:
    """tests/data/resume/supply_chain_en.txt: "B.S. Supply Chain Management, Minor in …  2014 – 2018" over "The Ohio
    State University, Fisher College of Business – Columbus, OH" had no school; "B.S. Biology" no field."""
    model = read_document(_data("resume", "supply_chain_en.txt"), "resume")
    assert [(e.org, e.field, e.location) for e in model.education] == [
        ("The Ohio State University", "Supply Chain Management", "Columbus, OH")
    ]
    units = [b for b in model.experience[0].bullets if b.startswith("Built a Power BI")]
    assert units == [  # a hanging indent carries the bullet on, capital or not
        "Built a Power BI forecast-performance report (accuracy, bias, FVA by planner) refreshed from SQL Server; it "
        "replaced 6 manually maintained Excel files."
    ]


def test_postings_headings_with_asides_a_company_about_itself_and_a_setting_after_the_title() -> None:
    """tests/data/jd/demand_planner.txt: "Nice to Have (Preferred)" was no heading (SQL and Python required), "About
    Brightwell" neither (its departments required skills) and the role's paragraph was quoted by the line;
    tests/data/jd/buckeye_pharmacist.txt: "Staff Pharmacist - Retail" worked for "Retail" and its "Duties &
    Responsibilities" were nobody's; tests/data/jd/saas_kam_zh.txt: the company carried the board's profile."""
    _model, planner = read_job(_data("jd", "demand_planner.txt"))
    assert {"sql", "python", "power bi"} <= set(planner.nice_to_have)
    assert not {"sql", "python", "sales", "manufacturing", "leadership"} & set(planner.must_have)
    assert all(not duty.startswith("Manager and") for duty in planner.responsibilities)
    _model, rph = read_job(_data("jd", "buckeye_pharmacist.txt"))
    assert (rph.title, rph.company, rph.location) == ("Staff Pharmacist", "Buckeye Family Pharmacy", "Grove City, OH")
    assert rph.responsibilities[0].startswith("Accurately review, verify and dispense prescriptions")
    assert {"prescription verification", "patient counseling", "prior authorizations"} <= set(rph.nice_to_have)
    assert "immunizations" in rph.must_have
    _model, kam = read_job(_data("jd", "saas_kam_zh.txt"))
    assert kam.company == "上海数衡信息技术有限公司"


def test_the_features_a_duty_lists_after_its_business_are_no_skills_asked() -> None:
    """tests/data/jd/pdd_qa_zh.txt "负责交易核心系统（下单、支付、售后）的测试工作" wanted payments and after-sales
    service of a QA engineer; tests/data/jd/ride_hailing_ios_zh.txt "核心业务（叫车、行程中、支付、营销活动）"
    payments and campaign management of an iOS engineer. Tools a duty brackets are still wanted."""
    _model, qa = read_job(_data("jd", "pdd_qa_zh.txt"))
    assert not {"payments", "after-sales service"} & set(qa.nice_to_have + qa.must_have)
    _model, ios = read_job(_data("jd", "ride_hailing_ios_zh.txt"))
    assert not {"payments", "campaign management"} & set(ios.nice_to_have + ios.must_have)
    assert {"flutter", "swiftui"} <= set(ios.nice_to_have)
    _model, en = read_job(
        "Requirements\n- 3+ years of Python\nResponsibilities\n- Own the core flows (checkout, payments, promotions)\n"
        "- Optimize GPU inference (CUDA, TensorRT)\n"
    )
    assert (en.must_have, en.nice_to_have) == (["python"], ["cuda", "tensorrt"])


def test_an_auditors_promotion_under_her_firm_her_department_and_her_college() -> None:
    """tests/data/resume/auditor_zh.txt: "审计部 | 审计员（2019.09-2021.08） → 高级审计师（2021.09-2024.06）" under the
    firm's dated line was a role of its own: the firm's five years counted as two, and a 5-year posting said she
    lacked the years. "审计监察部" was her title, "会计学院" her field and the IPO project had no name.
    tests/data/jd/internal_audit_manager_zh.txt "内审经理（上市公司）" worked for "上市公司", and its own "现招聘", the
    audit's cycles and areas ("采购、销售、存货…等重点领域") and "公司战略" were skills it wanted."""
    model = read_document(_data("resume", "auditor_zh.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in model.experience] == [
        ("上海联拓智能装备股份有限公司", "内审主管", "2024-07", "present"),
        # the firm's registered name as written, its partnership form and branch with it (a scan's header lines
        # under it are read as its title and city: tests/unit/test_accounting_graduate_scan.py)
        ("普华永道中天会计师事务所（特殊普通合伙）上海分所", "审计员 → 高级审计师", "2019-09", "2024-06"),
    ]
    assert [(e.org, e.title, e.field) for e in model.education] == [("上海财经大学", "本科", "会计学")]
    assert [(e.org, e.title) for e in model.projects] == [("某汽车零部件企业科创板IPO审计", "高级审计师")]
    _model, job = read_job(_data("jd", "internal_audit_manager_zh.txt"))
    assert job.company == "上海瀚博新材料科技股份有限公司"
    assert not {"recruiting", "procurement", "sales", "strategic thinking"} & set(job.must_have + job.nice_to_have)
    assert "coordination" in job.must_have
    amazon = read_document(_data("resume", "senior_pm_en.txt"), "resume")  # one dated title is a role of its own
    assert [(e.title, e.start) for e in amazon.experience[:2]] == [
        ("Principal Product Manager, AWS Marketplace", "2022"),
        ("Senior Product Manager, AWS Billing", "2019"),
    ]


def test_a_co_op_student_a_talk_and_a_posting_place_with_its_terms() -> None:
    """tests/data/resume/mech_design_en.txt: "Mechanical Engineering Co-op | Lakeshore Drive Systems" worked for
    "Mechanical Engineering Co-op" (a co-operative's name); tests/data/resume/data_scientist_en.txt: "PUBLICATIONS &
    TALKS" was no heading, so the talk was a school, and "causal inference (DiD, PSM, …)" a Scrum certificate;
    tests/data/jd/robotics_mech_design.txt's place was "Waltham, MA (on-site, 4 days/week) | Full-time | Req #…"."""
    mech = read_document(_data("resume", "mech_design_en.txt"), "resume")
    assert (mech.experience[-1].org, mech.experience[-1].title) == (
        "Lakeshore Drive Systems",
        "Mechanical Engineering Co-op",
    )
    science = read_document(_data("resume", "data_scientist_en.txt"), "resume")
    assert [e.org for e in science.education] == ["University of Washington", "Macalester College"]
    assert science.certifications == []
    _model, job = read_job(_data("jd", "robotics_mech_design.txt"))
    assert (job.company, job.location) == ("Vireo Robotics", "Waltham, MA")
    _model, ds = read_job(_data("jd", "marketplace_data_scientist.txt"))
    assert "assessment design" not in ds.must_have + ds.nice_to_have  # "test design, power analysis": experiments


def test_a_warehouse_supervisors_duties_label_inline_school_and_forklift_licence() -> None:
    """tests/data/resume/warehouse_zh.txt: "工作内容：" under each role opened a posting's "responsibilities" section,
    so the first role had no bullets and the second was lost; "教育经历：2011.09 - 2014.06 … 物流管理（大专）" on
    one line was no school (a 大专 posting said her degree was not shown); "叉车司机 N1" was the Japanese N1 and
    proved Japanese. tests/data/jd/warehouse_manager_zh.txt: "【仓储经理】12-18K·14薪" was titled "12-18K" and
    嘉兴 was no place."""
    model = read_document(_data("resume", "warehouse_zh.txt"), "resume")
    assert [(e.org, e.title, len(e.bullets)) for e in model.experience] == [
        ("苏州某电商科技有限公司", "仓储物流主管", 8),  # its eight duties and its results, no "工作内容：" label
        ("上海某供应链管理有限公司", "仓储主管", 8),  # its note on the client base and seven duties
    ]
    assert not any(b.startswith("工作内容") or b.endswith("工作内容：") for e in model.experience for b in e.bullets)
    assert [(e.org, e.field, e.degree_level) for e in model.education] == [
        ("安徽商贸职业技术学院", "物流管理", "associate")
    ]
    assert "jlpt n1" not in {c.lower() for c in model.certifications} and model.languages == []
    assert "叉车司机" in model.certifications
    _model, job = read_job(_data("jd", "warehouse_manager_zh.txt"))
    assert (job.title, job.company, job.location) == ("仓储经理", "某电商有限公司", "嘉兴")
    posting = read_job("岗位职责：\n1、负责仓库运营\n任职要求：\n1、大专及以上学历\n")[0]
    assert [s.canonical for s in posting.sections] == ["responsibilities", "requirements"]  # a posting's own


def test_a_promotions_date_a_talk_heading_and_a_company_in_its_own_address() -> None:
    """tests/data/resume/ux_researcher_en.txt: "Brightleaf Money — UX Researcher II (promoted to Senior UX Researcher,
    Jan 2025)" over "Apr 2023 – Present" made a role dated Jan 2025 and a nameless one; "CERTIFICATIONS & TALKS" was
    no heading. tests/data/resume/pmm_en.txt: "Senior Product Marketing Manager, Ledgerly (accounts payable automation
    SaaS)" over its dates was too long to be a header's words. tests/data/jd/vaultline_pmm.txt worked for "US" (its
    name was "a common noun": the posting writes "recruiting@vaultline.io"), and asked for supply chain management
    ("supply chain security"); tests/data/jd/bank_ux_researcher.txt "preferably in financial services, insurance"
    required insurance."""
    ux = read_document(_data("resume", "ux_researcher_en.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in ux.experience] == [
        ("Brightleaf Money", "UX Researcher II", "2023-04", "present"),
        ("Carevine Health", "UX Researcher", "2020-06", "2023-03"),
    ]
    assert [e.org for e in ux.education] == ["University of Washington, Seattle", "University of California, Davis"]
    pmm = read_document(_data("resume", "pmm_en.txt"), "resume")
    assert [(e.org, e.title) for e in pmm.experience] == [
        ("Ledgerly", "Senior Product Marketing Manager"),
        ("Fieldwise", "Product Marketing Manager"),
    ]
    _model, job = read_job(_data("jd", "vaultline_pmm.txt"))
    assert job.company == "Vaultline" and "supply chain management" not in job.must_have + job.nice_to_have
    _model, bank = read_job(_data("jd", "bank_ux_researcher.txt"))
    assert "insurance" in bank.nice_to_have and "insurance" not in bank.must_have


def test_a_firms_legal_form_a_line_of_details_and_a_title_over_its_employer_stay_where_they_belong() -> None:
    """tests/data/resume/staff_accountant_en.txt: "Brennan & Holt CPAs, LLC – Columbus, OH" (", LLC" made a third
    part, so the line was no employer's) left the role to "Audit & Accounting Services", its service line; "GPA
    3.6/4.0 | Beta Alpha Psi | … (additional coursework 2019)" under the degree was a school of its own.
    tests/data/resume/electrician_en.txt: "Journeyman Electrician" over "Lone Oak Electric, LLC - Austin, TX  (IBEW
    Local 520 signatory contractor)" over its dates was a role with no title and no employer."""
    accountant = read_document(_data("resume", "staff_accountant_en.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in accountant.experience] == [
        ("Harlan Industrial Products", "Staff Accountant", "2022-03", "present"),
        ("Brennan & Holt CPAs", "Staff Accountant, Audit & Accounting Services", "2019-01", "2022-02"),
    ]
    assert [e.org for e in accountant.education] == ["University of Central Ohio"]
    electrician = read_document(_data("resume", "electrician_en.txt"), "resume")
    first = electrician.experience[0]
    assert (first.org, first.title, first.location) == ("Lone Oak Electric", "Journeyman Electrician", "Austin, TX")


def test_a_full_width_space_parts_a_chinese_header_and_a_roles_own_labels_open_no_section() -> None:
    """tests/data/resume/game_client_zh.txt: "2022.03-至今　成都星槎互娱科技有限公司　客户端开发工程师" (full-width
    spaces) was one employer's name. tests/data/resume/customer_service_zh.txt: "公司简介：…", "工作业绩：" under the
    role opened sections of their own, so the role kept none of its duties and the next role was lost; "- 2023年双11
    当天咨询量峰值8.6万次，…" under a project was a project."""
    game = read_document(_data("resume", "game_client_zh.txt"), "resume")
    assert [(e.org, e.title, e.start) for e in game.experience] == [
        ("成都星槎互娱科技有限公司", "客户端开发工程师", "2022-03"),
        ("成都小蜂互动网络科技有限公司", "客户端开发", "2021-07"),
        ("成都星槎互娱科技有限公司", "客户端开发实习生", "2020-12"),
    ]
    assert [(e.org, e.title, e.field) for e in game.education] == [("成都信息工程大学", "本科", "数字媒体技术")]
    service = read_document(_data("resume", "customer_service_zh.txt"), "resume")
    assert [(e.org, e.title, len(e.bullets)) for e in service.experience] == [
        ("杭州优品汇电子商务有限公司", "客服主管", 11),
        ("杭州讯联呼叫服务有限公司", "话务专员 → 质检专员", 2),
    ]
    assert [len(e.bullets) for e in service.projects] == [2, 2]


def test_a_postings_benefit_tags_and_the_roles_it_recruits_for_are_not_its_company_or_its_skills() -> None:
    """tests/data/jd/game_sre_zh.txt: "六险一金  带薪年假  年终奖 …" was the company (then "免费三餐"), which the
    posting names only as "上海星澜互动娱乐有限公司成立于2014年，…"; tests/data/jd/ecommerce_rec_algo_zh.txt "五险一金".
    tests/data/jd/ue5_client_lead_zh.txt: "UE5客户端主程（3A项目）" was no title.
    tests/data/jd/parallax_tech_recruiter.txt asked the recruiter for sales, customer success and machine learning
    ("recruiting for GTM roles (sales, …)")."""
    _model, sre = read_job(_data("jd", "game_sre_zh.txt"))
    assert (sre.title, sre.company) == ("高级SRE/运维开发工程师", "上海星澜互动娱乐有限公司")
    _model, algo = read_job(_data("jd", "ecommerce_rec_algo_zh.txt"))
    assert algo.company == "鲸选优品"
    _model, game = read_job(_data("jd", "ue5_client_lead_zh.txt"))
    assert (game.title, game.company, game.location) == ("UE5客户端主程", "澜海互娱", "上海 / 深圳")
    _model, recruiter = read_job(_data("jd", "parallax_tech_recruiter.txt"))
    asked = recruiter.must_have + recruiter.nice_to_have
    assert not {"sales", "customer success", "machine learning", "artificial intelligence"} & set(asked)
    assert {"technical recruiting", "linkedin recruiter", "applicant tracking systems"} <= set(recruiter.must_have)


def test_a_schools_other_name_a_prize_and_a_list_of_reports_stay_out_of_the_roles_and_schools() -> None:
    """tests/data/resume/equity_research_zh.txt: "Northbridge大学（University of Northbridge） 金融硕士（MSc Finance）"
    took the English name for the field, and "■ 代表性研究报告" was no heading, so the reports (2022-2024) were
    bullets of the 2021 internship. tests/data/resume/reg_affairs_zh.txt: "- 研究生学业一等奖学金（2018）" under the
    degree was a school of its own; "CTD资料汇编", "模块整理及排版", "（CRO）" and "备考中" read as assembly language,
    typography, conversion rate optimization and exam preparation. tests/data/resume/pmm_en.txt: "McCombs School of
    Business, The University of Texas" gave the MBA the field "The University of Texas"."""
    analyst = read_document(_data("resume", "equity_research_zh.txt"), "resume")
    assert [(e.org, e.title, e.field) for e in analyst.education] == [
        ("Northbridge大学", "金融硕士", "Finance"),
        ("华东财经大学", "学士", "金融学"),
    ]
    assert [s.canonical for s in analyst.sections].count("publications") == 1
    assert [len(e.bullets) for e in analyst.experience] == [8, 2]
    registrar = read_document(_data("resume", "reg_affairs_zh.txt"), "resume")
    assert [(e.title, len(e.bullets)) for e in registrar.education] == [("药学硕士", 2), ("药学学士", 0)]
    assert not {"assembly", "typography", "conversion rate optimization", "exam preparation"} & set(registrar.skills)
    assert {"drug registration", "ind submissions", "ectd", "ctd"} <= set(registrar.skills)
    vocab = get_vocabulary()
    assert [h.canonical for h in vocab.skills_in("Skills: SEO, CRO, Google Analytics")] == [
        "seo",
        "conversion rate optimization",
        "google analytics",
    ]
    assert [h.canonical for h in vocab.skills_in("8051汇编、C语言")][:1] == ["assembly"]
    pmm = read_document(_data("resume", "pmm_en.txt"), "resume")
    mba = pmm.education[0]
    assert (mba.org, mba.title, mba.field) == ("McCombs School of Business", "MBA", "")


def test_the_rest_of_a_link_a_narrow_line_broke_is_no_heading() -> None:
    """tests/data/resume/equity_research_zh.txt printed as a PDF: its contact line broke inside the LinkedIn address
    ("linkedin.com/in/ruoxi-lin-" + "research"), and "research" opened a Research (experience) section."""
    text = _data("resume", "equity_research_zh.txt").replace("ruoxi-lin-research", "ruoxi-lin-\nresearch", 1)
    model = read_document(text, "resume")
    assert [s.canonical for s in model.sections][:3] == ["objective", "education", "experience"]


def test_a_title_label_an_award_and_a_postings_sign_off_are_read_for_what_they_are() -> None:
    """tests/data/resume/architect_zh.txt: "职位：建筑设计师（2020.07-2022.06 任助理建筑师）" under the employer was a
    second role, the first titled by its department. tests/data/resume/auto_sales_zh.txt: "• 2019年获厂家区域“金牌
    销售顾问”称号（区域前10%）" was a role. tests/data/jd/nev_store_manager_zh.txt: "汽车销售经验3年以上，其中至少1年
    团队管理经验" asked 1 year. tests/data/jd/international_school_english_zh.txt: "小学英语教师（中教）" gave the
    company "中教", then "子女入学优惠", then a benefit line ending in "保险"; "IB PYP" asked for investment
    banking."""
    architect = read_document(_data("resume", "architect_zh.txt"), "resume")
    assert [(e.org, e.title, e.start) for e in architect.experience] == [
        ("华岳建筑设计研究院有限公司", "建筑设计师", "2020-07")
    ]
    seller = read_document(_data("resume", "auto_sales_zh.txt"), "resume")
    assert [e.title for e in seller.experience] == ["销售主管", "销售顾问 → 高级销售顾问"]
    _model, store = read_job(_data("jd", "nev_store_manager_zh.txt"))
    assert store.years_required == 3
    _model, school = read_job(_data("jd", "international_school_english_zh.txt"))
    assert (school.title, school.company) == ("小学英语教师", "苏州汇德国际学校")
    asked = school.must_have + school.nice_to_have
    assert "international baccalaureate" in asked and "investment banking" not in asked
    assert {"teacher certification", "tem-8"} <= set(school.must_have) and {"celta", "tkt"} <= set(asked)


def test_a_nurses_employer_line_with_its_aside_and_her_lab_list_and_sedation_monitoring() -> None:
    """tests/data/resume/nurse_practitioner_en.txt: "Riverside Mercy Medical Center – Columbus, OH (Level I Trauma
    Center, 72-bed ED, ~95,000 visits/yr)" under "Staff Registered Nurse, Emergency Department 07/2018 – Present"
    was too long to be its employer's line (the role's employer was "Emergency Department"); "labs (CMP, CBC, …,
    UA)" read as user acquisition, "procedural sedation monitoring" as observability."""
    nurse = read_document(_data("resume", "nurse_practitioner_en.txt"), "resume")
    assert [(e.org, e.title, e.location) for e in nurse.experience] == [
        ("Maple Grove Family Medicine", "Family Practice", "Westerville, OH"),  # her clinical rotations
        ("QuickCare Urgent Care", "Urgent Care", "Hilliard, OH"),
        ("Little Oaks Pediatrics", "Pediatrics", "Grove City, OH"),
        ("Riverside Mercy Medical Center", "Staff Registered Nurse", "Columbus, OH"),
        ("Riverside Mercy Medical Center", "Patient Care Technician", "Columbus, OH"),
    ]
    assert not {"performance marketing", "observability"} & set(nurse.skills)


@pytest.mark.parametrize(
    ("jd", "expected"),
    [
        # A screenshot of a job board's posting: its buttons and benefit tags, and no company's name in view.
        ("Senior Data Engineer\nEasy Apply · Save\n\nRequirements\n- Python\n- SQL", ("Senior Data Engineer", "", "")),
        ("Senior Data Engineer\nApply now   Save   Share\n\nRequirements\n- Python", ("Senior Data Engineer", "", "")),
        ("建筑设计师（方案）\n20-35K·14薪\n上海 · 徐汇区    3-5年    本科\n五险一金  年终奖  交通补助  补充医疗保险\n\n"
         "立即沟通    感兴趣\n\n职位描述\n岗位职责：\n1. 负责方案设计", ("建筑设计师", "", "上海")),
    ],
)  # fmt: skip
def test_a_job_boards_buttons_benefits_and_the_stage_of_the_work_are_not_the_company(
    jd: str, expected: tuple[str, str, str]
) -> None:
    """The journey's screenshot of tests/data/jd/architecture_designer_zh.txt's top: "立即沟通    感兴趣" (OCR glued
    into "立即沟通感兴趣") was the company, and without the buttons "交通补助", then "方案" of "建筑设计师（方案）";
    "Easy Apply · Save" made "Easy Apply" the company and "Save" the place."""
    _model, job = read_job(jd)
    assert (job.title, job.company, job.location) == expected


def test_a_titles_other_name_or_department_in_brackets_gives_way_to_the_company_named_below() -> None:
    """tests/data/jd/ra_manager_zh.txt: "注册经理（RA Manager）" made "RA Manager" the company, though the posting
    introduces itself as "上海澄源生物医药有限公司成立于2016年"; tests/data/jd/nev_customer_service_zh.txt:
    "客户服务经理（用户运营中心）" made the department the company over the board's "极行汽车　新能源汽车　已上市"."""
    _model, ra = read_job(_data("jd", "ra_manager_zh.txt"))
    assert (ra.title, ra.company) == ("注册经理", "上海澄源生物医药有限公司")
    _model, service = read_job(_data("jd", "nev_customer_service_zh.txt"))
    assert (service.title, service.company) == ("客户服务经理", "极行汽车")


@pytest.mark.parametrize(
    ("jd", "expected"),
    [
        ("注册经理（RAManager)\n40-60K·14薪\n上海浦东新区张江5-10年硕士\n职位描述\n药品注册中美双报INDNDA/BLA ICH\n"
         "岗位职责：\n1.负责公司创新药项目的注册策略制定与实施", ("注册经理", "", "上海浦东新区张江")),
        ("客户服务经理（用户运营中心）\n20-30K·14薪\n上海·嘉定区」5-10年」本科\n极行汽车新能源汽车已上市 10000人以上\n"
         "职位标签：呼叫中心管理 NPS\n职位描述\n岗位职责：\n1.负责用户运营中心400热线的日常运营管理",
         ("客户服务经理", "极行汽车", "上海")),
        ("用户发展经理（内店）\n1.5-2.5万·14薪\n杭州·余杭区·未来科技城3-5年大专\n五险一金带薪年假年终奖\n职位详情\n"
         "新能源汽车内店管理DCCCRM团队管理直播获客\n【岗位职责】\n1.负责内店用户发展团队的日常管理",
         ("用户发展经理", "", "杭州·余杭区·未来科技城")),
        ("UE5客户端主程\n澜海互娱\n工作地点：上海／深圳|经验：8年以上|学历：本科及以上|薪资：60-100K·16薪\n岗位职责：\n"
         "1.负责客户端架构", ("UE5客户端主程", "澜海互娱", "上海／深圳")),
    ],
)  # fmt: skip
def test_a_job_boards_header_read_by_ocr_with_its_gaps_dropped(jd: str, expected: tuple[str, str, str]) -> None:
    """Screenshots of tests/data/jd/{ra_manager,nev_customer_service,nev_store_manager,ue5_client_lead}_zh.txt read
    by OCR, which drops the gaps between a board's pieces: the place glued to the years and degree was the company,
    so was "极行汽车新能源汽车已上市" (name, trade, funding), the panel's "职位详情" and the keyword tags under it;
    a location field ran on into the years, degree and pay."""
    _model, job = read_job(jd)
    assert (job.title, job.company, job.location) == expected


def test_a_department_dotted_after_the_company_is_not_part_of_its_name() -> None:
    """A screenshot of tests/data/jd/ride_hailing_ios_zh.txt: "滴答出行 · 技术部-乘客端" read as one glued piece."""
    jd = "高级iOS开发工程师\n35-60K·15薪\n滴答出行·技术部-乘客端\n岗位职责：\n1.负责乘客端 iOS App 核心业务"
    _model, job = read_job(jd)
    assert (job.title, job.company) == ("高级iOS开发工程师", "滴答出行")


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("OTR Truck Driver (Class A)", "OTR Truck Driver (Class A)"),  # tests/data/resume/truck_dispatcher_en.txt
        ("Data Analyst (Contract)", "Data Analyst (Contract)"),
        ("Software Engineer (L4)", "Software Engineer (L4)"),  # a level's digits
        ("Precept 6 new graduate nurses", ""),  # a bullet left without its mark: its figure says so
    ],
)
def test_a_title_above_its_employer_keeps_its_bracket(above: str, title: str) -> None:
    model = read_document(f"EXPERIENCE\n{above}\nAcme Corp — Boston, MA    2019/01 – 2020/02\n- Did the work", "resume")
    assert [(entry.org, entry.title) for entry in model.experience] == [("Acme Corp", title)]


def test_a_projects_stack_in_square_brackets_is_not_its_name() -> None:
    """ "CampusEats [Python, Flask, PostgreSQL, Redis] — github.com/…" was the project "CampusEats [Python", and a
    practice story opened "In CampusEats [Python"."""
    text = (
        "Kevin Zhang\nkevin@example.com\n\nPROJECTS\n"
        "CampusEats [Python, Flask, PostgreSQL, Redis] — github.com/kzhang-dev/campuseats\n"
        "- Food ordering web app for campus dining; handled ~500 orders during a 2-week pilot\n"
        "Distributed KV Store [Go, gRPC] — github.com/kzhang-dev/raftkv\n"
        "- Raft-based key-value store with leader election\n"
    )
    doc = read_document(text, "resume")
    assert [e.org for e in doc.entries if e.kind == "project"] == ["CampusEats", "Distributed KV Store"]
    assert {"flask", "postgresql", "grpc"} <= set(doc.skills)
