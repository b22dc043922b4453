"""Nine pairs in trades the fixtures lacked, written by helpers (tests/data/resume and tests/data/jd): a payroll
specialist, a respiratory therapist, a British quantity surveyor, a medical laboratory scientist's and a Chinese
construction technician's two-column resumes as Chromium printed them, an occupational therapist, a kindergarten
teacher, a video editor and a bank teller, each against a posting of their trade.

What the product said of them: a payroll professional's "CPP" was C++, a surveyor's NEC "compensation events" were
pay and benefits, "Leeds Rhinos" was the 3D software, a sentence about the job wanted ("Looking to lead a pulmonary
rehabilitation program", "希望加入专业MCN机构") was a skill shown, "安全生产考核合格证（C证）" was the C language,
"Ortho Vision" was Keil µVision and "manual differentials" a truck's. A Chinese resume's dates over "employer
title" had no employer or title; a British posting's "Essential:" and "Desirable:" lists asked for nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

from core.facts import grounding
from core.facts import vocabulary as vocabulary_module
from core.facts.model import DocumentModel
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.facts.wishes import wish_spans
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def _resume(name: str) -> DocumentModel:
    return read_document(fixture("resume", name), "resume")


def _roles(name: str) -> list[tuple[str, str]]:
    return [(entry.org, entry.title) for entry in _resume(name).experience]


def test_a_payroll_professionals_cpp_is_her_certificate_not_cpp_the_language() -> None:
    doc = _resume("payroll_specialist_en.txt")
    assert "c++" not in doc.skills  # "MARISOL J. VEGA, CPP"
    assert "Certified Payroll Professional" in doc.certifications
    _, job = read_job(fixture("jd", "home_services_payroll_manager.txt"))
    assert "certified payroll professional" in job.nice_to_have and "c++" not in job.nice_to_have
    pitch = run_offline("payroll_specialist_en.txt", "home_services_payroll_manager.txt", "en")["match"].self_pitch
    assert "Certified Payroll Professional" in pitch and "CPP" not in pitch.split("I work with")[1]  # no skill


def test_a_british_surveyors_contract_words_are_no_hr_or_software_skill() -> None:
    doc = _resume("quantity_surveyor_uk_cv.txt")
    assert not {"compensation and benefits", "rhino"} & set(doc.skills)  # "compensation events", "Leeds Rhinos"
    assert {"nec contracts", "jct contracts", "cvr"} <= set(doc.skills)
    assert doc.certifications[:3] == ["MRICS", "CSCS Professionally Qualified Person card", "SMSTS"]
    assert doc.contact.name == "THOMAS HARGREAVES"  # "THOMAS HARGREAVES BSc (Hons) MRICS"


def test_a_british_postings_essential_and_desirable_lists_are_its_requirements() -> None:
    _, job = read_job(fixture("jd", "uk_contractor_senior_qs.txt"))
    assert {"nec contracts", "cvr", "driver's license"} <= set(job.must_have)
    assert {"mrics", "smsts", "cscs card"} <= set(job.nice_to_have)
    assert "nec" not in [*job.must_have, *job.nice_to_have]  # "NEC and JCT contracts": no electrical code
    statuses = coverage_status("quantity_surveyor_uk_cv.txt", "uk_contractor_senior_qs.txt")
    assert statuses["nec contracts"] == statuses["cvr"] == statuses["mrics"] == "resume"


def test_the_job_wanted_proves_no_skill() -> None:
    assert "rehabilitation" not in _resume("respiratory_therapist_en.txt").skills  # "Looking to lead a … program"
    assert "mcn operations" not in _resume("video_editor_zh.txt").skills  # "希望加入专业MCN机构，带领团队…"
    line = "5年后期经验，能适应快节奏工作。希望加入专业MCN机构，带领团队打造更多优质内容。"
    (start, end), *_ = wish_spans(line)
    assert line[start:end] == "希望加入专业MCN机构，带领团队打造更多优质内容"
    assert wish_spans("负责客户满意度调研，客户期望获得更快的回复") == []  # the client's wish, no clause of one's own


def test_a_respiratory_therapists_credentials_are_read_on_both_sides() -> None:
    doc = _resume("respiratory_therapist_en.txt")
    assert {"physical therapy", "rehabilitation"}.isdisjoint(doc.skills)
    assert doc.certifications[:2] == ["Registered Respiratory Therapist", "Adult Critical Care Specialist"]
    _, job = read_job(fixture("jd", "pulmonary_rehab_lead.txt"))
    assert job.must_have[0] == "rrt"
    assert not {"survey design", "technical documentation"} & set(job.nice_to_have)  # questionnaires, CMS notes


def test_a_lab_scientists_words_meet_the_lab_not_a_garage_or_a_microcontroller() -> None:
    doc = _resume("medical_lab_scientist_two_column_en.txt")
    assert not {"keil", "powertrain repair", "quality inspection"} & set(doc.skills)  # Vision, differentials, CAP
    assert {"blood banking", "epic beaker", "sysmex"} <= set(doc.skills)
    assert "CAP" not in doc.certifications  # "CAP / CLIA Compliance", "CAP inspection preparation"
    assert _roles("medical_lab_scientist_two_column_en.txt")[0] == (
        "OhioHealth Grant Medical Center",
        "Medical Laboratory Scientist II – Blood Bank Lead (Nights)",
    )
    _, job = read_job(fixture("jd", "childrens_blood_bank_mls.txt"))
    assert {"mls ascp", "blood banking", "epic beaker"} <= set(job.must_have)


def test_an_occupational_therapists_notes_and_splints_are_clinical() -> None:
    doc = _resume("occupational_therapist_en.txt")
    assert "technical documentation" not in doc.skills  # "on-time documentation", "Documentation: Epic, WebPT"
    assert "Occupational Therapist Registered" in doc.certifications
    _, job = read_job(fixture("jd", "inpatient_rehab_ot.txt"))
    assert "otr" in job.must_have
    assert not {"fabrication", "technical documentation"} & set(job.nice_to_have)  # orthotic fabrication


def test_a_safety_certificates_grade_letter_is_no_programming_language() -> None:
    doc = _resume("municipal_construction_technician_two_column_zh.txt")
    assert "c" not in doc.skills  # "安全生产考核合格证（C证）"
    assert "安全生产考核合格证" in doc.certifications
    steps = run_offline(
        "municipal_construction_technician_two_column_zh.txt", "municipal_construction_technician_zh.txt", "zh"
    )
    assert "、C、" not in steps["match"].self_pitch and "熟悉AutoCAD、C" not in steps["match"].self_pitch


def test_dates_over_an_employer_and_title_on_one_line_or_two() -> None:
    assert _roles("kindergarten_teacher_zh.txt") == [
        ("苏州工业园区星海实验幼儿园", "主班教师（大班）"),  # "2019年8月 - 至今" / "…幼儿园    主班教师（大班）"
        ("苏州市姑苏区金色童年幼儿园", "配班教师"),
    ]
    assert _roles("video_editor_zh.txt") == [
        ("杭州星芒文化传媒有限公司", "高级视频剪辑师"),
        ("上海青橙影视制作有限公司", "后期剪辑"),
    ]
    assert _roles("bank_teller_corporate_zh.txt")[0] == ("中国农业银行宁波鄞州支行", "对公业务岗（综合柜员）")


def test_a_personal_details_row_is_no_school() -> None:
    schools = [(e.org, e.title) for e in _resume("video_editor_zh.txt").education]
    assert schools == [("浙江传媒学院", "本科")]  # not "工作年限：5年" from "学历：本科      工作年限：5年"


def test_a_chinese_boards_line_of_place_years_and_degree_names_no_company() -> None:
    _, job = read_job(fixture("jd", "city_bank_corporate_rm_zh.txt"))
    assert job.company == "宁波通商银行股份有限公司"  # not "宁波-鄞州区" from "宁波-鄞州区 | 3-5年经验 | 本科 | 招2人"
    assert "supply chain finance" in job.nice_to_have and "supply chain management" not in job.nice_to_have


def test_an_automotive_quality_postings_core_tools_are_each_asked() -> None:
    _, job = read_job(fixture("jd", "auto_supplier_sqe_zh.txt"))
    assert {"iatf 16949", "ppap", "fmea", "msa", "spc"} <= set(job.must_have)
    vocab = get_vocabulary()
    assert not any(h.canonical == "msa" for h in vocab.skills_in("Negotiated MSAs and SOWs with vendors"))
    statuses = coverage_status("auto_parts_sqe_zh.txt", "auto_supplier_sqe_zh.txt")
    assert statuses["ppap"] == statuses["msa"] == statuses["spc"] == "resume"


def test_each_words_other_senses_are_written_once() -> None:
    """A key written twice in a table of senses silently drops the first rule (it happened to "cap")."""
    tree = ast.parse(Path(vocabulary_module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and len(node.keys) > 5:
            keys = [str(k.value) for k in node.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_each_school_keeps_its_own_degree_and_field() -> None:
    schools = [
        (e.org, e.title, e.field) for e in _resume("municipal_construction_technician_two_column_zh.txt").education
    ]
    assert schools == [  # the 本科 under the first school had gone to the second, a vocational college
        ("河南工业大学", "本科", "土木工程"),  # "河南工业大学（专升本） | …" / "土木工程｜本科（成人继续教育）"
        ("黄河水利职业技术学院", "大专", "市政工程技术"),
    ]
    assert _resume("quantity_surveyor_uk_cv.txt").education[0].field == "Quantity Surveying"  # not "First Class"
    assert _resume("respiratory_therapist_en.txt").education[1].field == "Respiratory Care"  # not "Applied Science"


def test_a_course_named_after_a_certificate_is_no_certificate() -> None:
    certificates = _resume("video_editor_zh.txt").certifications
    assert certificates == ["Adobe Premiere Pro 认证专家", "达芬奇调色师认证"]  # "…（Blackmagic … Trainer 课程结业）"


def test_a_payroll_postings_system_and_states_are_asked_and_its_staff_are_no_skill() -> None:
    _, job = read_job(fixture("jd", "home_services_payroll_manager.txt"))
    assert {"adp workforce now", "multi-state payroll"} <= set(job.must_have)
    assert not {"sales", "payments"} & set(job.nice_to_have)  # "bonus payments for technicians and sales staff"
    statuses = coverage_status("payroll_specialist_en.txt", "home_services_payroll_manager.txt")
    assert statuses["adp workforce now"] == statuses["flsa"] == "resume"


def test_headings_a_pilot_a_field_scientist_and_a_british_agent_write() -> None:
    pilot = _roles("airline_first_officer_en.txt")  # "AVIATION EXPERIENCE"; "Dates: July 2021 – Present"
    assert pilot[:3] == [
        ("Allegiant Air", "First Officer"),
        ("Mesa Airlines", "First Officer"),
        ("Leading Edge Flight Academy", "Certified Flight Instructor"),
    ]
    assert _roles("environmental_science_new_grad_en.txt")[0] == (  # "Field & Work Experience"
        "Terracon Consultants",
        "Environmental Field Technician Intern",
    )
    agent = _resume("insurance_agent_en.txt")  # "LICENCES & DESIGNATIONS" under the teller's job
    assert "Property & Casualty Agent Licence" in agent.certifications
    assert not any("Licence" in bullet for entry in agent.experience for bullet in entry.bullets)


def test_a_pilots_and_an_agents_licences_are_what_their_postings_ask() -> None:
    _, job = read_job(fixture("jd", "regional_airline_captain.txt"))
    assert {"atp certificate", "first class medical", "fcc restricted radiotelephone permit"} <= set(job.must_have)
    assert "line maintenance" not in [*job.must_have, *job.nice_to_have]  # "checkrides and line checks"
    statuses = coverage_status("airline_first_officer_en.txt", "regional_airline_captain.txt")
    assert statuses["atp certificate"] == statuses["first class medical"] == "resume"
    _, agency = read_job(fixture("jd", "commercial_lines_account_manager.txt"))
    assert "property and casualty license" in agency.must_have


def test_a_geologists_pg_a_sites_monitoring_an_airlines_express_are_no_software() -> None:
    skills = set(_resume("environmental_science_new_grad_en.txt").skills)
    assert not {"postgresql", "observability"} & skills  # "a licensed PG", "28 monitoring stations"
    assert "express" not in _resume("airline_first_officer_en.txt").skills  # "for United Express"
    agent = set(_resume("insurance_agent_en.txt").skills)
    assert not {"credit risk", "pricing negotiation"} & agent  # "carrier underwriting guidelines", "quoting personal"


def test_a_counsellors_scales_and_licences_and_a_titles_trade_names() -> None:
    counsellor = _resume("school_counselor_zh.txt")
    assert (
        "payments" not in counsellor.skills and "sas" not in counsellor.skills
    )  # "SCL-90、SDS、SAS、UPI等心理测评工具"
    assert counsellor.certifications[:2] == ["国家二级心理咨询师", "注册心理师"]
    assert _roles("school_counselor_zh.txt") == [
        (
            "南京晓庄学院",
            "兼职心理咨询师",
        ),  # "南京晓庄学院 | 学生心理健康教育与咨询中心 | 兼职心理咨询师" under its dates
        ("南京心语心理咨询有限公司", "心理咨询师"),
    ]
    assert _roles("ecommerce_designer_zh.txt")[1] == ("义乌市优品家居用品有限公司", "淘宝美工")
    assert not {"c", "computer vision"} & set(_resume("ecommerce_designer_zh.txt").skills)  # "淘宝C店", "图形图像处理"
    _, job = read_job(fixture("jd", "college_counseling_center_zh.txt"))
    assert job.title == "专职心理咨询师"


def test_a_junior_accountants_certificate_as_written_meets_the_title_asked() -> None:
    statuses = coverage_status("cashier_to_gl_accountant_zh.txt", "manufacturing_gl_accountant_zh.txt")
    assert statuses["junior accountant title"] == "resume"  # "初级会计专业技术资格证书（2019年）"
    certificates = _resume("cashier_to_gl_accountant_zh.txt").certifications
    assert not any("发票" in c for c in certificates)  # "负责增值税专用发票的认证、开具…": a duty
    assert coverage_status("ecommerce_designer_zh.txt", "ecommerce_visual_lead_zh.txt")["3d modeling"] == "resume"


def test_a_kindergartens_preferred_talents_are_asked_and_shown() -> None:
    statuses = coverage_status("kindergarten_teacher_zh.txt", "bilingual_kindergarten_lead_zh.txt")
    assert (
        statuses["montessori"] == statuses["piano"] == statuses["dance instruction"] == "resume"
    )  # 蒙台梭利, 钢琴伴奏


def test_a_towns_name_and_a_shops_till_are_no_software_or_treasury() -> None:
    assert "elk stack" not in _resume("dental_assistant_en.txt").skills  # "Elk Grove Dental Group"
    assert "treasury" not in _resume("barista_shift_supervisor_en.txt").skills  # "cash management, deposits and safe"


def test_the_job_wanted_names_no_employer_to_ground() -> None:
    """Found on the browser journey: the kindergarten teacher's tailored resume kept her summary's "希望在新的平台承担
    年级组管理工作", and its grounding report warned of an employer "新的平台承担年级组管理" the documents lacked."""
    resume = _resume("kindergarten_teacher_zh.txt")
    assert grounding.check("- 有一定教研组织经验，希望在新的平台承担年级组管理工作，与团队共同成长。", [resume]) == []
    assert grounding.check("- 曾在腾讯担任高级工程师。", [resume])  # a stay claimed is still checked
    assert "sales management" not in _resume("auto_sales_zh.txt").skills  # "希望在新能源品牌门店继续往销售管理方向发展"


def test_a_chinese_certificate_is_said_by_the_resumes_whole_name_and_bls_proves_cpr() -> None:
    steps = run_offline("kindergarten_teacher_zh.txt", "bilingual_kindergarten_lead_zh.txt", "zh")
    said = [steps["match"].self_pitch, steps["interview"].self_intro_1min, steps["interview"].self_intro_3min]
    assert all(
        "持有幼儿园教师资格证、普通话水平测试二级甲等。" in text for text in said
    )  # not "持有教师资格证、普通话水平测试"
    assert coverage_status("dental_assistant_en.txt", "lead_dental_assistant.txt")["cpr"] == "resume"  # "CPR/BLS"
