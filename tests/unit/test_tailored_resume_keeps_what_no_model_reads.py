"""The tailored resume lost what no model of the reader holds: a senior candidate's opening paragraph, "BOARD &
ADVISORY ROLES" and "SPEAKING" (a VP posting asks to present to the board), a pilot's flight time, a nurse's
memberships; a skills matrix's row labels became skills ("Infrastructure · Practices"); and a project's "方案："
opened a section of its own that swallowed the two projects below it."""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.offline.lookup import unknown_listed
from tests.unit.fixture_pairs import fixture, run_offline
from tests.unit.test_offline_engine import Service

LEADER = """DANIEL OKAFOR
Seattle, WA · daniel.okafor@gmail.com · +1 206-555-0143

Engineering executive with 15 years building and scaling distributed systems and engineering organizations.
Grew teams from 12 to 140 engineers across 3 countries; led platform migrations serving 40M monthly users.

SELECTED ACHIEVEMENTS
• Scaled Northwind Payments engineering org from 35 to 140 engineers (18 teams) over 3 years.

PROFESSIONAL EXPERIENCE
Senior Director of Engineering, Northwind Payments, Seattle, WA    Jan 2020 – Present
• Lead 140 engineers, 14 engineering managers and 3 directors across Seattle, Toronto and Bangalore.

TECHNICAL SKILLS
Languages | Python, Go, Java, SQL
Infrastructure | AWS, Kubernetes, Terraform, Kafka

BOARD & ADVISORY ROLES
• Technical Advisor, Ledgerly (seed-stage fintech) — 2021 – Present
• Board Member, Code for Seattle (non-profit) — 2018 – 2023

SPEAKING
• "Scaling Platform Teams Without Losing Velocity," LeadDev New York, 2023

DECLARATION
I hereby declare that the information furnished above is true to the best of my knowledge.
"""

POSTING = """VP of Engineering
Requirements
- 12+ years of software engineering, 5+ leading managers of managers.
- Experience with AWS, Kubernetes and Python; present to the board.
"""


def _tailored(resume: str) -> str:
    doc = read_document(resume, "resume")
    jd, job = read_job(POSTING)
    return str(Service(doc, None, jd, job, "en").run()["customize"].markdown)


def test_the_opening_paragraph_and_the_sections_no_model_reads_are_kept_as_written() -> None:
    markdown = _tailored(LEADER)
    assert (
        "- Engineering executive with 15 years building and scaling distributed systems and engineering "
        "organizations. Grew teams from 12 to 140 engineers across 3 countries; led platform migrations serving 40M "
        "monthly users." in markdown
    )
    assert "## BOARD & ADVISORY ROLES\n- Technical Advisor, Ledgerly (seed-stage fintech) — 2021 – Present" in markdown
    assert '- "Scaling Platform Teams Without Losing Velocity," LeadDev New York, 2023' in markdown
    assert "I hereby declare" not in markdown  # boilerplate, no fact


def test_a_skills_matrix_rows_labels_are_no_skills() -> None:
    skills_line = _tailored(LEADER).split("## TECHNICAL SKILLS\n", 1)[1].split("\n", 1)[0]
    items = skills_line.split(" · ")
    assert {"Python", "Kubernetes", "Terraform"} <= set(items)
    assert "Infrastructure" not in items and "Languages" not in items


def test_a_projects_story_labels_open_no_section() -> None:
    doc = read_document(fixture("resume", "rec_algo_zh.txt"), "resume")
    assert [e.org for e in doc.entries if e.kind == "project"] == [
        "精排多目标模型升级",
        "多路召回优化",
        "粗排模型升级与蒸馏",
    ]
    assert "other" not in {s.canonical for s in doc.sections}


def test_a_pilots_flight_time_is_in_the_tailored_resume() -> None:
    markdown = run_offline("airline_first_officer_en.txt", "envoy_amt_line.txt", "en")["customize"].markdown
    assert "## FLIGHT TIME" in markdown and "Total Time · 5,800" in markdown


def test_a_certificate_being_pursued_is_not_held_and_a_programme_label_is_no_certificate() -> None:
    doc = read_document(
        "Ravi Kumar\nravi@example.com\n\nCERTIFICATIONS\n"
        "- Microsoft Certified: Power BI Data Analyst Associate (PL-300), 2022\n"
        "- IIBA ECBA (Entry Certificate in Business Analysis) - pursuing\n",
        "resume",
    )
    assert "Microsoft Certified" not in doc.certifications
    assert "Power BI Data Analyst Associate" in doc.certifications
    assert "IIBA ECBA (Entry Certificate in Business Analysis) - pursuing" in doc.certifications  # its note kept


def test_what_a_listed_skill_serves_as_is_no_skill_and_a_listed_capacity_stays() -> None:
    """ "英语CET-6，可作为工作语言" put "可作为工作语言" in the tailored skills line; "能独立编写商务标" is the user's
    own."""

    doc = read_document(
        "陈思雨\n电话：13827164492\n\n专业技能\n英语CET-6，可作为工作语言\nExcel、能独立编写商务标\n", "resume"
    )
    listed = unknown_listed(doc, doc.section_lines("skills"))
    assert "可作为工作语言" not in listed
    assert "能独立编写商务标" in listed


def test_a_line_over_the_resumes_own_summary_stays_under_the_contact_line() -> None:
    """A candidate's relocation note under her contact line, her "PROFESSIONAL SUMMARY" below it: the tailored resume
    opened with "## Summary - Open to relocation to the US (… will require H-1B sponsorship)" over her own summary.
    With a summary of its own, the lines over it stay lines of the header, each a paragraph of its own."""
    resume = LEADER.replace(
        "Engineering executive with 15 years building and scaling distributed systems and engineering organizations.\n"
        "Grew teams from 12 to 140 engineers across 3 countries; led platform migrations serving 40M monthly users.\n",
        "Open to relocation to Austin, TX or Denver, CO; US citizen, no visa sponsorship needed now or later\n\n"
        "PROFESSIONAL SUMMARY\n"
        "Engineering executive with 15 years building and scaling distributed systems and engineering organizations.\n",
    )
    markdown = _tailored(resume)
    header = markdown.split("\n## ", 1)[0]
    assert (
        "\n\nOpen to relocation to Austin, TX or Denver, CO; US citizen, no visa sponsorship needed now or later"
        in header
    )
    assert "## Summary" not in markdown
    assert "## PROFESSIONAL SUMMARY\n- Engineering executive with 15 years" in markdown
    assert "- Engineering executive with 15 years" in _tailored(LEADER)  # no summary of its own: the lead is one


def test_a_skill_known_only_a_little_is_not_listed_bare() -> None:
    """A CRA's "Basic SAS (reading listings only); familiar with Oracle InForm." gave the tailored list "SAS · Oracle
    InForm", and a wealth manager's "了解家族信托…，接触过少量家族信托转介案例" gave "家族信托、
    接触过少量家族信托转介案例": claims the pitch no longer makes. An item that says its own level stays, as does the
    next item of a list ("Xactimate (basic) | MS Excel")."""
    resume = LEADER.replace(
        "Languages | Python, Go, Java, SQL\n",
        "Languages | Python, Go, Java, SQL\n"
        "Analytics | Basic SAS (reading listings only); familiar with Oracle InForm\n"
        "Tools | Xactimate (basic) | MS Excel (pivot tables) | Kafka\n",
    )
    skills = _tailored(resume).split("## TECHNICAL SKILLS\n", 1)[1].splitlines()[0].split(" · ")
    assert "SAS" not in skills and "Oracle InForm" not in skills
    assert {"Xactimate (basic)", "Python"} <= set(skills)
    assert any(item.startswith("MS Excel") for item in skills)
    zh = (
        "王敏\n手机：138 0000 1111 | 邮箱：wangmin@163.com\n\n工作经历\n2019.07 - 至今 招商银行上海分行 理财经理\n"
        "- 管户AUM由4.9亿提升至6.8亿\n\n专业技能与证书\n· 熟练使用Excel、Wind进行资产配置测算\n"
        "· 了解家族信托、保险金信托的基本架构，接触过少量家族信托转介案例\n"
    )
    doc = read_document(zh, "resume")
    jd, job = read_job("理财经理\n任职要求\n1. 熟悉家族信托、Excel\n")
    markdown = str(Service(doc, None, jd, job, "zh").run()["customize"].markdown)
    assert "接触过少量" not in markdown.split("## 工作经历")[0]
    assert "Excel" in markdown
