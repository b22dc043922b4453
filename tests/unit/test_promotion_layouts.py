"""Three pairs helpers wrote in trades the fixtures lacked, each with a layout the reader got wrong.

- A pharmacy technician (tests/data/resume/pharmacy_technician_en.txt): "Banner – University Medical Center Phoenix,
  Phoenix, AZ" over two titles, each with its team ("Lead Pharmacy Technician, IV Room"): the teams were the employers,
  Banner was lost, and the pitch said "Lead Pharmacy Technician at IV Room".
- A supplier quality engineer (tests/data/resume/auto_parts_sqe_zh.txt): "常州博瑞汽车部件有限公司（外资，
  汽车座椅骨架及调角器，Tier 1）" over "质量主管 2021.08-至今" and "质量工程师 2018.03-2021.07", then
  "工作内容：": the first role had no employer, the second "工作内容", and the interview said
  "在工作内容担任质量工程师".
- A mortgage loan officer (tests/data/resume/mortgage_loan_officer_en.txt): "Mortgage Loan Processor" over "Wells Fargo
  Home Mortgage — Charlotte, NC" over its dates: the title was the employer and Wells Fargo lost ("processor" was no
  word a title ends with).
"""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import fixture, run_offline, skills_named


def _roles(name: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.org, e.title, e.start, e.end) for e in read_document(fixture("resume", name), "resume").experience]


def test_a_health_systems_hospital_over_two_titles_each_with_its_team() -> None:
    banner = "Banner – University Medical Center Phoenix"
    assert _roles("pharmacy_technician_en.txt")[:2] == [
        (banner, "Lead Pharmacy Technician, IV Room", "2022-01", "present"),
        (banner, "Pharmacy Technician II, Sterile Compounding", "2019-06", "2021-12"),
    ]
    steps = run_offline("pharmacy_technician_en.txt", "banner_iv_room_pharmacy_tech.txt", "en")
    assert f"I'm a Lead Pharmacy Technician, IV Room at {banner}." in steps["match"].self_pitch
    stay = f"At {banner} as Pharmacy Technician II, Sterile Compounding → Lead Pharmacy Technician, IV Room"
    assert any(story.situation.startswith(stay) for story in steps["interview"].star_stories)


def test_a_chinese_employer_described_in_brackets_over_two_titles() -> None:
    employer = "常州博瑞汽车部件有限公司"
    assert _roles("auto_parts_sqe_zh.txt")[:2] == [
        (employer, "质量主管", "2021-08", "present"),
        (employer, "质量工程师", "2018-03", "2021-07"),
    ]
    prep = run_offline("auto_parts_sqe_zh.txt", "auto_supplier_sqe_zh.txt", "zh")["interview"]
    assert "工作内容担任" not in prep.self_intro_3min
    assert f"在{employer}担任质量工程师 → 质量主管（2018-03 – 至今）期间：" in prep.self_intro_3min


def test_a_title_over_its_employer_over_its_dates() -> None:
    assert _roles("mortgage_loan_officer_en.txt")[-1] == (
        "Wells Fargo Home Mortgage",
        "Mortgage Loan Processor",
        "2014-01",
        "2016-05",
    )


def test_words_of_these_trades_in_their_other_sense() -> None:
    """The same helpers' documents: a company's legal form ("Northbridge Mutual Insurance plc", "Aviva plc") was PLC
    programming, the city in "Phoenix, AZ 85016 • 602-555-0134" the Elixir framework, and a gauge study ("MSA分析
    （GR&R、偏倚、线性）") the R language."""
    assert "plc programming" not in skills_named("Northbridge Mutual Insurance plc, Manchester, United Kingdom")
    assert skills_named("Aviva plc — Norwich") == set()
    assert "plc programming" in skills_named("Programmed PLCs; PLC troubleshooting")
    assert "phoenix framework" not in skills_named("Phoenix, AZ 85016 • 602-555-0134 • maria@example.com")
    assert "phoenix framework" in skills_named("Skills: Elixir, Phoenix, PostgreSQL")
    assert "r" not in skills_named("组织开展MSA分析（GR&R、偏倚、线性）")
    assert "r" in skills_named("Python, R, SQL")
    # a cleanroom's records ("temperature and pressure monitoring, and environmental monitoring records"): the
    # pharmacy posting asked for observability
    assert "observability" not in skills_named(
        "Maintain temperature and pressure monitoring, and environmental\n  monitoring records."
    )
    assert "observability" in skills_named("Built Prometheus monitoring and alerting")


def test_a_title_over_an_employer_and_its_department() -> None:
    """A speech-language pathologist (tests/data/resume/speech_language_pathologist_en.txt): "Outpatient Pediatric
    Speech-Language Pathologist" over "Nationwide Children's Hospital – Outpatient Rehab, Columbus, OH  06/2017–07/2019"
    had no title (the title was a bullet of the role above), and "M.S., Speech-Language Pathology — The Ohio State
    University" no field."""
    doc = read_document(fixture("resume", "speech_language_pathologist_en.txt"), "resume")
    assert [(e.org, e.title) for e in doc.experience][:2] == [
        ("Worthington City Schools", "Speech-Language Pathologist"),
        ("Nationwide Children's Hospital", "Outpatient Pediatric Speech-Language Pathologist"),
    ]
    assert not any("Pathologist" in bullet for bullet in doc.experience[0].bullets)
    assert [(e.title, e.field) for e in doc.education] == [
        ("M.S.", "Speech-Language Pathology"),
        ("B.S.", "Communication Sciences and Disorders"),
    ]


def test_a_british_cv_writes_dates_then_title_then_employer() -> None:
    """A commercial underwriter's CV (tests/data/resume/commercial_underwriter_uk_cv.txt): "01/03/2020 – Present" over
    "Senior Commercial Underwriter, Middle Market" over "Northbridge Mutual Insurance plc, Manchester, United Kingdom":
    every role had neither employer nor title ("As  (2020-03 – present)"), the school was empty and the
    "PROFESSIONAL QUALIFICATIONS" were schools ("I studied at The Institutes")."""
    doc = read_document(fixture("resume", "commercial_underwriter_uk_cv.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        ("Northbridge Mutual Insurance plc", "Senior Commercial Underwriter, Middle Market", "2020-03", "present"),
        ("Castlegate Insurance Company Ltd", "Commercial Underwriter", "2016-09", "2020-02"),
        ("Aviva plc", "Underwriting Assistant", "2013-07", "2016-08"),
    ]
    assert [(e.org, e.title) for e in doc.education] == [("University of Leeds", "BSc (Hons) Economics")]
    assert "Chartered Property Casualty Underwriter" in doc.certifications
    prep = run_offline("commercial_underwriter_uk_cv.txt", "carrier_commercial_underwriter.txt", "en")["interview"]
    assert "I studied at University of Leeds" in prep.self_intro_3min and "As  (" not in prep.self_intro_3min


def test_a_chinese_sidebar_template_stacks_employer_department_and_title() -> None:
    """A fab process engineer's two-column resume (tests/data/resume/fab_etch_engineer_two_column_zh.txt):
    "2021.04-至今" over "上海华芯集成电路制造有限公司" over "12英寸晶圆厂 刻蚀工艺部" over "资深工艺工程师"
    had neither employer nor title (the interview said "担任（2021-04 – 至今）期间"), and "复旦大学" /
    "微电子学与固体电子学" / "硕士" gave its 硕士 to the next school."""
    doc = read_document(fixture("resume", "fab_etch_engineer_two_column_zh.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        ("上海华芯集成电路制造有限公司", "资深工艺工程师", "2021-04", "present"),
        ("无锡新锐微电子有限公司", "工艺工程师", "2018-07", "2021-03"),
    ]
    assert [(e.org, e.title, e.field) for e in doc.education] == [
        ("复旦大学", "硕士", "微电子学与固体电子学"),
        ("西安电子科技大学", "本科", "微电子科学与工程"),
    ]
