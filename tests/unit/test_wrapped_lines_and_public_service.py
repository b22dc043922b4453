"""Six pairs in trades the fixtures lacked, written by helpers (tests/data/resume and tests/data/jd): a journeyman
lineman against a substation technician's post, a federal policy analyst against a think tank, a radiographer against
a night CT post, a Chinese solar plant's shift lead against a station manager's post, a Chinese TCM physician against a
clinic, and a Chinese translator moving to localisation project management; and three resumes made as PDFs (two
columns, narrow ones), whose lines wrap where the column ends.

What the product said of them: "ND Journeyman Electrician License — not held (working on hours)" was a licence held,
and so were "PMP…认证：在学习中，尚未考试", "注册会计师CPA（已通过会" / "计、税法、经济法3科，其余" / "在考）" and
"ACCA（在读…）"; "Program Analyst (GS-0343-12)" worked at "GS-0343-12"; "R.T.(R)" and a middle initial ("Megan R.
Holloway") proved the R language, a "github.com/…" address proved Git; "主要成绩：" under a role opened a section that
swallowed the next job; "2019.03-至今    公司    光伏电站值长" had no title; "CERTIFICATIONS / LICENSES" was a school; a
note on a gap was a job; a posting's shift hours "(7p–7a)" were its company and place; "…HRIS. Seeking" + "an HR
Business Partner position…" proved the job wished for.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.shown import shown_line
from core.facts.vocabulary import get_vocabulary
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def _roles(text: str) -> list[tuple[str, str, str, str]]:
    doc = read_document(text, "resume")
    return [(e.kind, e.org, e.title, e.start or "") for e in doc.entries if e.kind != "education"]


def test_a_licence_said_not_held_is_not_held() -> None:
    lineman = read_document(fixture("resume", "journeyman_lineman_en.txt"), "resume")
    assert "Journeyman Electrician License — not held" in lineman.certifications
    assert "Journeyman Electrician License" not in lineman.certifications
    # "First Aid / CPR / AED — current (Red Cross)" over "NCCCO Digger Derrick Operator — expired 2023": two lines
    assert "CPR / AED" in lineman.certifications
    assert not any("NCCCO" in cert and "CPR" in cert for cert in lineman.certifications)
    tailored = run_offline("journeyman_lineman_en.txt", "substation_technician.txt", "en")["customize"].markdown
    assert "ND Journeyman Electrician License — not held" in tailored


def test_chinese_certificates_still_studied_for_are_not_held() -> None:
    certs = read_document(fixture("resume", "translator_to_l10n_zh.txt"), "resume").certifications
    assert "PMP" not in certs and any(c.startswith("PMP") and "尚未考试" in c for c in certs)
    certs = read_document(fixture("resume", "tcm_physician_zh.txt"), "resume").certifications
    assert "中医师承出师证书" not in certs
    text = (
        "王晓梅\n电话：13812345678\n证书资质\n"
        "• 低压电工作业证（特种作业操作证），2014年取得\n• ACCA（在读，已通过F1-F6）\n"
    )
    certs = read_document(text, "resume").certifications
    assert "低压电工作业证" in certs and not any(c.startswith("（") for c in certs)
    assert "ACCA" not in certs


def test_a_bracket_a_narrow_column_wrapped_still_says_not_held() -> None:
    text = (
        "王晓梅\n电话：13812345678\n证书资质\n• 中级会计师（2017年取得）\n"
        "• 注册会计师CPA（已通过会\n计、税法、经济法3科，其余\n在考）\n"
        "• 大学英语六级（CET-6）\n"
    )
    certs = read_document(text, "resume").certifications
    assert "注册会计师" not in certs and "中级会计师" in certs
    assert any(c.startswith("注册会计师CPA") and "在考" in c for c in certs)


def test_a_compound_heading_opens_its_section() -> None:
    lineman = read_document(fixture("resume", "journeyman_lineman_en.txt"), "resume")
    sections = {s.title: s.canonical for s in lineman.sections}
    assert sections["CERTIFICATIONS / LICENSES"] == "certifications"
    assert sections["TOOLS & SKILLS"] == "skills"
    assert not any(e.org == "CERTIFICATIONS / LICENSES" for e in lineman.education)
    vocab = get_vocabulary()
    assert vocab.section_of("Experience / Skills") is None  # two sections: no guess
    assert vocab.section_of("科研及项目经历") == "projects"


def test_a_results_label_under_a_role_does_not_swallow_the_next_role() -> None:
    tcm = read_document(fixture("resume", "tcm_physician_zh.txt"), "resume")
    titles = [(e.org, e.title) for e in tcm.experience]
    assert titles == [("杭州市某区中医院", "主治医师"), ("杭州市某区中医院", "住院医师")]
    # "1. 完成浙江省中医住院医师规范化培训（2015.08-2018.07），考核合格；" is a deed of the role, not one of its own
    assert not any("考核合格" in e.org for e in tcm.entries)
    assert [(e.org, e.title) for e in tcm.entries if e.kind == "project"] == [
        ("浙江省中医药科技计划项目“半夏泻心汤加减治疗慢性萎缩性胃炎的临床研究”", "主要参与人")
    ]


def test_a_chinese_row_of_dates_employer_and_post_keeps_the_post() -> None:
    text = (
        "张伟\n电话：13800001111\n工作经历\n"
        "2019.03-至今    宁夏中卫沐阳新能源有限公司    光伏电站值长\n1. 负责电站运行值班管理\n\n"
        "项目经历\n2022.03-2022.09    电站智能运维平台上线项目    项目成员\n- 负责数据接入测试\n"
    )
    assert _roles(text) == [
        ("experience", "宁夏中卫沐阳新能源有限公司", "光伏电站值长", "2019-03"),
        ("project", "电站智能运维平台上线项目", "项目成员", "2022-03"),
    ]
    pv = read_document(fixture("resume", "pv_plant_shift_lead_zh.txt"), "resume")
    assert pv.experience[0].title == "光伏电站值长"


def test_a_pay_grade_or_a_unit_stays_with_its_title_or_employer() -> None:
    policy = read_document(fixture("resume", "federal_policy_analyst_en.txt"), "resume")
    first = policy.experience[0]
    assert (first.org, first.title, first.location) == (
        "U.S. Department of Labor",
        "Program Analyst (GS-0343-12)",
        "Washington, DC",
    )
    lineman = read_document(fixture("resume", "journeyman_lineman_en.txt"), "resume")
    army = lineman.experience[-1]
    assert army.org == "U.S. Army National Guard, 164th Engineer Battalion"
    assert army.title == "Interior Electrician (12R), Sergeant"
    pitch = run_offline("federal_policy_analyst_en.txt", "think_tank_research_associate.txt", "en")["match"].self_pitch
    assert "at GS-0343-12" not in pitch and "at U.S. Department of Labor" in pitch


def test_a_note_on_a_gap_is_no_role() -> None:
    ct = read_document(fixture("resume", "radiologic_technologist_en.txt"), "resume")
    assert not any("family leave" in e.org or "student" in e.title for e in ct.experience)


def test_initials_and_addresses_prove_no_skill() -> None:
    ct = read_document(fixture("resume", "radiologic_technologist_en.txt"), "resume")
    assert "r" not in ct.skills  # "R.T.(R)(ARRT)", "R.T.(R) #0658821"
    assert coverage_status("nurse_practitioner_en.txt", "marketplace_data_scientist.txt")["r"] == "missing"
    assert coverage_status("staff_accountant_en.txt", "bank_ux_researcher.txt")["r"] == "missing"  # "Megan R. …"
    status = coverage_status("federal_policy_analyst_en.txt", "think_tank_research_associate.txt")
    assert status["git"] == "missing"  # "| github.com/prw-data" in the contact line
    assert status["stata"] == "resume"
    vocab = get_vocabulary()
    assert "r" in {h.canonical for h in vocab.skills_in("Tools: Stata, R, SQL")}
    assert "r" in {h.canonical for h in vocab.skills_in("Skills: Python, R. Also SQL")}


def test_a_tool_being_learnt_after_a_dash_is_not_shown() -> None:
    assert "Python" not in shown_line("Python — learning (pandas, beginner)")
    pitch = run_offline("federal_policy_analyst_en.txt", "think_tank_research_associate.txt", "en")["match"].self_pitch
    assert "Python" not in pitch


def test_words_in_their_other_sense() -> None:
    vocab = get_vocabulary()
    senses = ("电工进网作业许可证（高压类），2015年取得", "负责跟踪PR值", "Analyze UI claims data", "负责UI文本翻译")
    for text in senses:
        assert vocab.skills_in(text) == [], text
    found = {h.canonical for h in vocab.skills_in("熟悉作业许可管理、PR稿撰写")}
    assert found >= {"permit to work", "public relations"}
    assert "ui design" in {h.canonical for h in vocab.skills_in("Figma, UI, UX")}


def test_a_postings_shift_hours_are_neither_its_company_nor_its_place() -> None:
    _, job = read_job(fixture("jd", "ct_technologist_nights.txt"))
    assert (job.title, job.company, job.location) == ("CT Technologist", "Premier Health Partners", "Middletown, OH")


def test_a_wish_opening_at_a_lines_end_proves_nothing() -> None:
    text = (
        "Marcus Ellison\nmarcus@example.com\nSUMMARY\n"
        "HR Generalist with 8 years in employee relations and HRIS. Seeking\n"
        "an HR Business Partner position where I can partner with operations leaders on workforce planning and\n"
        "retention.\nEXPERIENCE\nAcme Castings — HR Generalist | Apr 2021 – Present\n- Ran 45 investigations\n"
    )
    doc = read_document(text, "resume")
    posting = "HR Business Partner\nAcme\nRequirements:\n- HR Business Partner experience\n- Workforce planning\n"
    _, job = read_job(posting)
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, read_document("x", "jd"))
    statuses = {k.keyword: k.status for k in [*coverage.must_have, *coverage.nice_to_have]}
    assert statuses and all(status == "missing" for status in statuses.values()), statuses


def test_a_wish_field_two_spaces_after_another_is_blanked() -> None:
    line = "现居：宁夏银川市  求职意向：新能源场站站长/光伏电站站长"
    assert "站长" not in shown_line(line) and "银川" in shown_line(line)


def test_a_campus_after_a_dash_and_honours_after_the_year() -> None:
    policy = read_document(fixture("resume", "federal_policy_analyst_en.txt"), "resume")
    school = policy.education[-1]  # "B.A., Economics and Spanish, University of Wisconsin–Madison — 2014, cum laude"
    assert (school.org, school.title, school.field) == (
        "University of Wisconsin–Madison",
        "B.A.",
        "Economics and Spanish",
    )
    text = "Jane Doe\njane@example.com\nEDUCATION\nTexas A&M University–Commerce — B.S. Nursing, 2016\n"
    assert [(e.org, e.field) for e in read_document(text, "resume").education] == [
        ("Texas A&M University–Commerce", "Nursing")
    ]


def test_a_long_degree_line_under_its_school_is_its_degree() -> None:
    text = (
        "Marcus Ellison\nmarcus@example.com\nEDUCATION\nUniversity of North Carolina at Charlotte | May 2015\n"
        "Bachelor of Science in Business Administration, Concentration in Management\nCERTIFICATIONS\n- OSHA 10-Hour\n"
    )
    school = read_document(text, "resume").education[0]
    assert (school.title, school.field) == ("Bachelor of Science in Business Administration", "Business Administration")


def test_a_status_note_keeps_its_bracket_and_its_date() -> None:
    text = (
        "Marcus Ellison\nmarcus@example.com\nCERTIFICATIONS\n"
        "• SHRM Senior Certified Professional (SHRM-SCP) – exam scheduled June 2027\n"
        "• Professional in Human Resources (PHR), HRCI – 2017 (lapsed 2020)\n"
    )
    certs = read_document(text, "resume").certifications
    assert "Professional in Human Resources (PHR), HRCI – 2017 (lapsed 2020)" in certs
    assert "SHRM Senior Certified Professional (SHRM-SCP) – exam scheduled June 2027" in certs
    coder = read_document(fixture("resume", "medical_coder_en.txt"), "resume").certifications
    assert "BLS — American Heart Association, 2021 (expired)" in coder


def test_languages_the_list_lacked() -> None:
    ct = read_document(fixture("resume", "radiologic_technologist_en.txt"), "resume")
    assert ct.languages == ["spanish", "igbo"]  # "Languages: Spanish (conversational), Igbo (native)"
    agent = read_document(fixture("resume", "insurance_agent_en.txt"), "resume")
    assert "yoruba" in agent.languages  # "Bilingual: English and Yoruba"
