"""Readings from the helpers' second round of pairs (an Indian data analyst, a career returner in marketing, a VP of
Engineering, a 跨境电商 operator, a 幼儿园老师, a 机械设计工程师 in a two-column PDF), each a fact the product lost
or one it invented."""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.workbench.coverage import compute_coverage


def _skills(text: str) -> set[str]:
    return {hit.canonical for hit in get_vocabulary().skills_in(text)}


def test_two_items_of_a_list_make_no_third_skill() -> None:
    """ "Google Analytics 4, Meta Ads Manager" proved the posting's Google Ads (the pitch: "I work with … Google
    Ads"); a phrase's words are still found apart inside one item ("Google search ads")."""
    vocab = get_vocabulary()
    assert vocab.find_term("google ads", "HubSpot, Mailchimp, Google Analytics 4, Meta Ads Manager, Canva") is None
    assert vocab.find_term("google ads", "Ran Google search ads for 12 clients") is not None


def test_a_word_read_in_the_sense_of_its_neighbours() -> None:
    assert "interventional cardiology" not in _skills("regulated environments (HIPAA, SOC 2, PCI or similar)")
    assert _skills("熟悉GA4、GTM等数据分析工具") == {"google analytics", "google tag manager", "data analysis"}
    assert "go-to-market strategy" in _skills("Led GTM strategy for 3 launches")
    assert "sql" not in _skills("improved MQL-to-SQL conversion by 18%")
    assert "sql" in _skills("Wrote SQL queries to validate data")
    assert "communication" not in _skills("B.Tech in Electronics and Communication Engineering, NIT Trichy")
    assert _skills("Strong experience in requirement gathering and writing user stories.") == {"user stories"}
    assert "writing" in _skills("Excellent writing and editing skills")


def test_the_words_a_header_parts_with_an_ideographic_space_are_no_skill() -> None:
    """ "广州某科技有限公司　财务实习生" gave the summary a skill "公司　财务" (corporate finance's 公司财务)."""
    assert "corporate finance" not in _skills("广州某科技有限公司　财务实习生　2023.12 - 2024.02")
    assert "corporate finance" in _skills("负责公司财务分析")


def test_an_indian_resumes_languages_known_and_a_pages_number() -> None:
    text = (
        "Ravi Kumar\nravi@example.com\n\nEXPERIENCE\nData Analyst, Infosys, Bengaluru, 2019 - Present\n"
        "- Built SQL reports\n-- Page 2 --\n- Automated dashboards in Power BI\nPage 2 of 2\n\n"
        "PERSONAL DETAILS\nDate of Birth: 12-03-1996\nLanguages Known: English, Hindi, Tamil, Kannada\n"
    )
    doc = read_document(text, "resume")
    assert doc.languages == ["english", "hindi", "tamil", "kannada"]
    (role,) = [e for e in doc.entries if e.kind == "experience"]
    assert role.bullets == ["Built SQL reports", "Automated dashboards in Power BI"]


def test_a_postings_line_of_business_its_boilerplate_and_its_education_heading() -> None:
    """ "Business Analyst - Retail Banking" gave the company "Retail Banking" (the pitch: "the Business Analyst role
    at Retail Banking"), then "We are an equal opportunity employer" the company "We"; "B.E./B.Tech/MBA" under
    "Education" asked no degree."""
    _jd, job = read_job(
        "Business Analyst - Retail Banking\nLocation: Bengaluru (Hybrid)\n\nMust Have\n- Proficiency in SQL.\n"
        "- Experience with JIRA and Confluence.\n\nEducation\n- B.E./B.Tech/MBA from a recognised university.\n\n"
        "We are an equal opportunity employer and value diversity.\n"
    )
    assert (job.title, job.company) == ("Business Analyst", "")
    assert job.degree_required == "bachelor"


def test_a_chinese_education_heading_and_a_tradespersons_certificates() -> None:
    """ "教育" was no heading: the degree was lost and Match said the documents show no bachelor's degree."""
    text = (
        "刘建国\n电话：186-5123-7720\n\n证书\n育婴师（四级）\nCAD中级绘图员\n\n教育\n江苏大学\n"
        "机械设计制造及其自动化 本科\n2012.09 - 2016.06\n\n工作经历\n苏州博众精工科技股份有限公司\n"
        "机械设计工程师 | 2019.04 - 至今\n· 负责非标自动化组装设备的机械结构设计\n"
    )
    doc = read_document(text, "resume")
    (school,) = [e for e in doc.entries if e.kind == "education"]
    assert (school.org, school.degree_level) == ("江苏大学", "bachelor")
    assert {"育婴师", "CAD中级绘图员"} <= set(doc.certifications)


def test_a_count_the_wrap_cut_from_its_measure_word_is_one_bullet() -> None:
    text = (
        "刘建国\n电话：186-5123-7720\n\n工作经历\n苏州博众精工科技股份有限公司\n机械设计工程师 | 2019.04 - 至今\n"
        "· 负责3C行业非标自动化组装设备的机械结构设计，独立完成12\n台设备从方案到量产交付\n"
        "· 使用SolidWorks完成三维建模及出图，标注GD&T，零件一次\n加工合格率达96%\n"
        "· 参与设备现场调试，编写设备操作指导书，配合生产部门解决\n装配问题\n"
    )
    (role,) = read_document(text, "resume").entries
    assert role.bullets[0] == "负责3C行业非标自动化组装设备的机械结构设计，独立完成12台设备从方案到量产交付"


def test_a_childcare_certificate_the_posting_prefers_is_met() -> None:
    jd, job = read_job("早教课程顾问\n任职要求：\n1. 持有幼儿园教师资格证或育婴师证者优先；\n")
    doc = read_document("王芳\n电话：13800001111\n\n证书\n育婴师（四级）\n", "resume")
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    found = {item.keyword: item.status for item in [*coverage.must_have, *coverage.nice_to_have]}
    assert found["childcare worker certificate"] == "resume"


def test_a_design_fmea_is_no_process_fmea_and_a_control_plan_is_asked() -> None:
    """ "编制PFMEA、控制计划（Control Plan）" asked a generic FMEA that "参与客户DFMEA评审" proved, and no control
    plan."""
    jd, job = read_job(
        "工艺工程师\n任职要求：\n1. 熟练编制PFMEA、控制计划（Control Plan）；\n2. 熟悉Facebook广告投放优先；\n"
    )
    assert {"pfmea", "control plan"} <= set(job.must_have)
    assert "meta ads" in [*job.must_have, *job.nice_to_have]
    doc = read_document(
        "刘建国\n电话：186-5123-7720\n\n工作经历\n某公司 机械设计工程师 2019.04 - 至今\n· 参与客户DFMEA评审\n", "resume"
    )
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    found = {item.keyword: item.status for item in [*coverage.must_have, *coverage.nice_to_have]}
    assert found["pfmea"] == "missing"
    assert "fmea" in get_vocabulary().broader("pfmea") and "fmea" in get_vocabulary().broader("dfmea")


def test_an_acronym_another_trade_uses_is_read_in_that_trades_sense() -> None:
    """The helpers' third round (a CRA, a pharmacist, a device rep, an electrician, a civil engineer, a CFO): each
    acronym was read as another trade's skill, and the posting asked it or the pitch claimed it ("I work with
    Observability" for a CRA's site monitoring; "Reinforcement Learning (preferred) is not shown" for RL Datix)."""
    assert _skills("Veridian Clinical Research (CRO) — Durham, NC") == {"clinical research"}
    assert "conversion rate optimization" not in _skills("oversight of the sponsor or CRO monitoring team")
    assert "conversion rate optimization" in _skills("Improved CRO: checkout conversion up 14%")
    assert not _skills("BD Alaris pumps and RL Datix incident reports")
    assert "business development" in _skills("BD executive, built partnerships")
    assert "active directory" not in _skills("Supported field reps with GPO contract pricing")
    assert "active directory" in _skills("Managed Group Policy (GPO) for 400 workstations")
    assert "integrated marketing communications" not in _skills("Bent EMT, IMC and rigid conduit up to 2 inches")
    assert "content management systems" not in _skills("Observed concrete testing per ODOT CMS 499")
    assert "content management systems" in _skills("Built 12 client sites on WordPress CMS")
    assert not _skills("MBA, Haas School of Business")
    assert "observability" not in _skills("Independently monitor 7 sites; site monitoring visits every 6 weeks")
    assert "observability" in _skills("Set up Prometheus monitoring and alerting for 40 services")
    assert _skills("Experience with an ERP system (SAP, Oracle or NetSuite)") >= {"oracle financials", "netsuite"}
    assert "oracle database" in _skills("Tuned Oracle and PostgreSQL databases")


def test_a_postings_company_on_the_line_under_a_title_with_its_team() -> None:
    """ "Staff Engineer - Transportation" over "Stantec | Columbus, Ohio (Hybrid)": the pitch said "the Staff Engineer
    role at Transportation". The board's line names the employer and a place whose state is written out, or after a
    requisition number and the job's terms ("Apex Meridian Clinical | Req #CR-24187 | Full-time | Remote …"); a
    title's bracket "(Home-Based, US Southeast)" is how the job is worked, not who hires."""
    cases = {
        "Staff Engineer - Transportation\nStantec | Columbus, Ohio (Hybrid)\n": ("Stantec", "Columbus, Ohio"),
        "Clinical Pharmacist – Medication Safety & Informatics\nOhioHealth Riverside Methodist Hospital — Columbus, "
        "Ohio\n": ("OhioHealth Riverside Methodist Hospital", "Columbus, Ohio"),
        "Clinical Research Associate II - Oncology (Home-Based, US Southeast)\nApex Meridian Clinical | Req "
        "#CR-24187 | Full-time | Remote - must reside within 1 hr of a major airport\n": (
            "Apex Meridian Clinical",
            "Remote",
        ),
        "District Manager – Retail Operations\nBrightCart Stores | Dayton / Cincinnati, OH Region\n": (
            "BrightCart Stores",
            None,
        ),
    }
    for text, (company, place) in cases.items():
        _, job = read_job(text + "\nRequirements\n- 3+ years of experience\n")
        assert job.company == company, text
        if place is not None:
            assert job.location == place, text


def test_the_roles_a_recruiter_filled_are_not_her_skills() -> None:
    """An HRBP's "负责技术类岗位（前端、后端、算法）社招与校招": the tailored resume listed 前端、后端、算法 as her
    skills and coverage met a posting's backend development with it."""
    hrbp = read_document(
        "王芳\n\n工作经历\n2021.03 - 至今 美团 HRBP\n"
        "- 负责技术类岗位（前端、后端、算法）社招与校招，年均入职60人以上\n",
        "resume",
    )
    assert not {"frontend development", "backend development", "algorithms"} & set(hrbp.skills)
    assert "campus recruiting" in hrbp.skills
    recruiter = read_document(
        "Ana Ruiz\n\nEXPERIENCE\nTalent Partner, Globex | 2021 – Present\n"
        "- Hired 45 people for engineering roles (frontend, backend, data engineering) in 2023\n",
        "resume",
    )
    assert not {"frontend development", "backend development", "data engineering"} & set(recruiter.skills)
    developer = read_document(
        "李雷\n\n工作经历\n2021.03 - 至今 美团 前端工程师\n- 负责前端开发与后端接口联调\n", "resume"
    )
    assert "frontend development" in developer.skills
