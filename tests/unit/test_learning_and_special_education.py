"""Five pairs in trades the fixtures lacked, written by helpers (tests/data/resume and tests/data/jd): a special
education teacher against a district coordinator's posting, a warehouse lead against an inventory control post, a
court reporter moving to e-discovery, a British controls engineer against a BAS technician's post, and a Chinese
property engineer moving to data-centre facilities.

What the product said of them: a tool the person is still learning ("Relativity Certified User (RCU) — in progress",
"Honeywell WEBs-N4 training – booked, not yet completed", "对UPS…有自学了解") was a skill shown and reached the pitch;
"Looking to grow into an Inventory Control Analyst role" + "using SAP EWM." (a wish wrapped over two lines) proved SAP;
"APICS CPIM – currently studying" was a certificate held; a teacher's "FBAs" were Amazon's, a nursing home's "CMS" a
website's, "Niagara 4 TCP certification" networking, "BACnet MS/TP" a master's degree and "动环监控系统" software
observability. The posting for a special education coordinator asked for nothing (no word of the trade was known), a
"项目：" line under a Chinese role opened a projects section that swallowed the next job, and "Certificate, Dental
Assisting — Carrington College, Sacramento" studied "Sacramento".
"""

from __future__ import annotations

from core.facts import grounding
from core.facts.model import DocumentModel
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.workbench.coverage import compute_coverage
from core.workbench.schemas import KeywordCoverage
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def _resume(name: str) -> DocumentModel:
    return read_document(fixture("resume", name), "resume")


def _schools(text: str) -> list[tuple[str, str, str, str]]:
    doc = read_document(f"Jane Doe\njane@example.com\nEDUCATION\n{text}\n", "resume")
    return [(e.org, e.title, e.field, e.location) for e in doc.education]


def test_a_tool_still_being_learnt_is_no_skill_shown() -> None:
    court = _resume("court_reporter_to_ediscovery_en.txt")
    assert "relativity" not in court.skills  # "Relativity Certified User (RCU) — in progress, exam scheduled Nov 2025"
    status = coverage_status("court_reporter_to_ediscovery_en.txt", "ediscovery_litigation_support.txt")
    assert status["relativity"] == "missing"
    pitch = run_offline("court_reporter_to_ediscovery_en.txt", "ediscovery_litigation_support.txt", "en")["match"]
    assert "Relativity" not in pitch.self_pitch
    bas = _resume("bas_controls_engineer_uk_cv.txt")
    assert "honeywell building controls" not in bas.skills  # training booked, and a wish
    data_centre = coverage_status("facilities_to_data_center_zh.txt", "data_center_facilities_engineer_zh.txt")
    assert data_centre["ups systems"] == "missing"  # "对UPS、精密空调、动环监控系统有自学了解"
    assert data_centre["diesel generators"] == "resume"  # "管理2台1000kW柴油发电机组"


def test_a_learning_mark_blanks_only_its_own_credential_on_a_shared_line() -> None:
    line = "CFP® (2019) · FINRA Series 7, 66 · Minnesota Life, Accident & Health Insurance License · ChFC (in progress)"
    doc = read_document(f"Jon Doe\njon@example.com\nCERTIFICATIONS\n{line}\n", "resume")
    assert "insurance" in doc.skills
    skills = "能使用Python进行简单数据清洗（自学中）；熟练使用Excel"
    doc = read_document(f"Li Wei\nli@example.com\n技能\n{skills}\n", "resume")
    assert "python" not in doc.skills and "excel" in doc.skills


def test_a_wish_wrapped_over_two_lines_proves_nothing_on_either() -> None:
    status = coverage_status("warehouse_lead_inventory_en.txt", "inventory_control_specialist.txt")
    assert status["sap"] == "missing"  # "…Looking to grow into an Inventory Control Analyst role" / "using SAP EWM."
    assert status["warehouse management"] == "resume"  # Manhattan WMS, used
    steps = run_offline("warehouse_lead_inventory_en.txt", "inventory_control_specialist.txt", "en")
    assert "SAP" not in steps["match"].self_pitch


def test_i_would_like_to_move_into_is_a_wish() -> None:
    doc = read_document(
        "Dan Smith\ndan@example.com\nPROFILE\nHVAC engineer commissioning Niagara N4 JACEs. I would like to\n"
        "move into a senior BAS Programmer role with more Honeywell WEBs work.\n",
        "resume",
    )
    assert "honeywell building controls" not in doc.skills
    assert "niagara framework" in doc.skills


def test_currently_studying_for_a_certificate_is_not_holding_it() -> None:
    status = coverage_status("warehouse_lead_inventory_en.txt", "inventory_control_specialist.txt")
    assert status["cpim"] == "missing"  # "APICS CPIM – currently studying, Part 1 exam planned for 2025"
    pitch = run_offline("warehouse_lead_inventory_en.txt", "inventory_control_specialist.txt", "en")["match"]
    assert "CPIM" not in pitch.self_pitch


def test_a_special_education_posting_asks_for_its_trade() -> None:
    _, job = read_job(fixture("jd", "district_special_education_coordinator.txt"))
    assert {"special education", "iep", "seis", "idea compliance", "section 504"} <= set(job.must_have)
    assert "amazon fba" not in [*job.must_have, *job.nice_to_have]
    status = coverage_status("special_education_teacher_en.txt", "district_special_education_coordinator.txt")
    assert status["iep"] == status["seis"] == status["pbis"] == "resume"
    assert status["functional behavior assessment"] == "resume"  # "following FBAs conducted with the psychologist"
    assert status["section 504"] == "missing"
    teacher = _resume("special_education_teacher_en.txt")
    assert "amazon fba" not in teacher.skills and "functional behavior assessment" in teacher.skills


def test_other_senses_of_fba_cms_tcp_ups_and_monitoring() -> None:
    vocab = get_vocabulary()

    def named(text: str) -> set[str]:
        return {hit.canonical for hit in vocab.skills_in(text)}

    assert "amazon fba" in named("Amazon FBA shipments and FBA inventory planning")
    assert named("Ensure compliance with state and federal regulations (CMS, OSHA)") >= {"cms regulations"}
    assert "content management systems" in named("Built the site on a headless CMS (Contentful)")
    assert "computer networking" not in named("Niagara 4 TCP certification")
    assert "computer networking" not in named("Tridium Niagara 4 Technical Certification Program (TCP), 2020")
    assert "computer networking" in named("Strong knowledge of TCP/IP")
    assert "ups systems" not in named("前台代收顺丰、UPS国际快递的协调管理") | named("Wrote up 40 write-ups")
    power = {"ups systems", "diesel generators", "power supply and distribution"}
    assert power <= named("熟悉UPS、柴发、配电系统原理及操作")
    assert "observability" not in named("负责动环监控系统告警的响应与处置")
    assert "observability" in named("搭建Prometheus监控系统")


def test_bacnet_ms_tp_is_no_masters_degree() -> None:
    _, job = read_job(fixture("jd", "bas_service_technician.txt"))
    assert job.degree_required != "master"  # "Strong knowledge of BACnet (IP and MS/TP)"
    assert [h.canonical for h in get_vocabulary().degrees_in("MS in Electrical Engineering")] == ["master"]


def test_a_project_label_under_a_chinese_role_stays_in_the_role() -> None:
    doc = _resume("facilities_to_data_center_zh.txt")
    roles = [(e.org, e.title, len(e.bullets)) for e in doc.experience]
    assert roles == [("上海陆家嘴物业管理有限公司", "设备主管", 7), ("万科物业服务有限公司上海分公司", "强电工程师", 3)]
    assert "projects" not in [s.canonical for s in doc.sections]


def test_a_schools_certificate_or_diploma_is_its_award_and_the_programme_its_field() -> None:
    assert _schools("Certificate, Dental Assisting — Carrington College, Sacramento, 2016") == [
        ("Carrington College", "Certificate", "Dental Assisting", "Sacramento")
    ]
    assert _schools("Diploma in Culinary Arts — Le Cordon Bleu, London, 2015")[0][1:3] == (
        "Diploma in Culinary Arts",
        "Culinary Arts",
    )
    school = _schools("Certificate in Paralegal Studies (ABA-Approved Program)\nPrairie Lakes College — Chicago, IL")
    assert school[0][:3] == ("Prairie Lakes College", "Certificate in Paralegal Studies", "Paralegal Studies")
    assert _schools("High School Diploma — Lincoln High School, Stockton, CA, 2012")[0][:2] == (
        "Lincoln High School",
        "High School Diploma",
    )


def test_an_output_naming_a_tool_only_wanted_or_being_learnt_is_flagged() -> None:
    """A model reply that lists the tool the user is still learning, or the one their objective wants, invents it;
    the course copied with its mark, or said to be under way, does not."""
    court = _resume("court_reporter_to_ediscovery_en.txt")
    assert [flag.token for flag in grounding.check("- Skills: Relativity, Excel", [court])] == ["Relativity"]
    assert grounding.check("- Relativity Certified User (RCU) — in progress, exam scheduled Nov 2025", [court]) == []
    assert grounding.check("- Relativity Certified User (in progress)", [court]) == []
    warehouse = _resume("warehouse_lead_inventory_en.txt")
    assert [flag.token for flag in grounding.check("- Skills: SAP EWM, Manhattan WMS", [warehouse])] == ["SAP"]


def test_a_licence_or_initials_bracketed_after_a_title_stay_in_it() -> None:
    """An LPN's "Staff Nurse (LPN)" had the licence for employer ("I'm a Staff Nurse at LPN"), "LPN" alone over
    its employer was the employer, and "State Tested Nursing Assistant (STNA)" worked at "STNA"."""
    roles = [(e.org, e.title) for e in _resume("lpn_long_term_care_en.txt").experience]
    assert roles == [
        ("Brookhaven Health & Rehabilitation Center", "Staff Nurse (LPN), Long-Term Care Unit"),
        ("Sycamore Glen Assisted Living", "LPN"),
        ("Heartland of Centerville", "State Tested Nursing Assistant (STNA)"),
    ]
    school = _resume("lpn_long_term_care_en.txt").education[0]
    assert (school.org, school.title, school.field) == (
        "Miami Valley Career Technology Center",
        "Practical Nursing Diploma",
        "Practical Nursing",
    )
    pitch = run_offline("lpn_long_term_care_en.txt", "charge_nurse_lpn_snf.txt", "en")["match"].self_pitch
    assert " at LPN" not in pitch and " at STNA" not in pitch


def test_a_public_body_a_shift_and_a_class_taught_are_read_in_their_places() -> None:
    court = [(e.org, e.title) for e in _resume("court_reporter_to_ediscovery_en.txt").experience]
    assert court[0] == ("Circuit Court of Cook County", "Official Court Reporter")  # its "Cook" is no title
    assert court[2] == ("Lakeshore Transcription Services", "Legal Transcriptionist (part-time)")
    warehouse = [(e.org, e.title) for e in _resume("warehouse_lead_inventory_en.txt").experience]
    assert warehouse[0] == ("Midwest Consolidated Distribution", "Warehouse Lead — 2nd Shift")
    assert warehouse[2] == ("Menards", "Stocker")
    teacher = [(e.org, e.title) for e in _resume("special_education_teacher_en.txt").experience]
    assert teacher[1] == (
        "Twin Rivers Unified School District",
        "Special Day Class Teacher (Mild/Moderate), Grades 3–5",
    )


def test_credentials_core_skills_and_volunteer_headings_open_their_sections() -> None:
    teacher = _resume("special_education_teacher_en.txt")
    assert "California Preliminary Mild/Moderate Education Specialist Credential" in teacher.certifications
    assert not {"observability", "schematics"} & set(teacher.skills)  # "progress-monitoring", "data sheets"
    assert not any(e.org.startswith("Clear Credential") for e in teacher.education)
    court = _resume("court_reporter_to_ediscovery_en.txt")
    assert [s.canonical for s in court.sections][:2] == ["contact", "skills"]  # "CORE SKILLS"
    assert "VOLUNTEER" not in [e.org for e in court.education]


def test_a_postings_first_line_names_who_hires_and_exempt_is_a_pay_status() -> None:
    _, court = read_job(fixture("jd", "ediscovery_litigation_support.txt"))
    assert court.company == "Holloway Brandt LLP"  # not "Exempt" of "Full-time | Exempt"
    _, district = read_job(fixture("jd", "district_special_education_coordinator.txt"))
    assert district.company == "Natomas Unified School District"


def test_a_degree_still_being_studied_for_is_told_as_under_way() -> None:
    """ "本科（在读，预计2025.07毕业）" was told as "我毕业于国家开放大学，本科": a degree the person does not hold."""
    steps = run_offline("facilities_to_data_center_zh.txt", "data_center_facilities_engineer_zh.txt", "zh")
    intro = steps["interview"].self_intro_3min
    assert "我目前在国家开放大学就读，本科。" in intro and "我毕业于上海电机学院，大专。" in intro
    assert "我毕业于国家开放大学" not in intro


def test_the_open_end_of_a_date_range_is_no_presentation_skill() -> None:
    """ "Jun 2020 – Present" on every role's header proved "presentation skills" for almost any English resume."""
    vocab = get_vocabulary()
    assert vocab.find_term("presentation skills", "Lead Aircraft Maintenance Technician   Jun 2020 – Present") is None
    assert vocab.find_term("presentation skills", "2019 to present") is None
    assert vocab.find_term("presentation skills", "Presented quarterly results to the board") is not None
    status = coverage_status("aircraft_mechanic_en.txt", "ediscovery_litigation_support.txt")
    assert status["presentation skills"] == "missing"


def test_a_proof_on_a_line_two_columns_share_is_its_own_column() -> None:
    """The data-centre resume's sidebar of skills sat beside its phone, e-mail and age: the proofs shown to the
    user (and the summary's evidence) carried "手机：159 0211 3344" and "男 ｜ 31岁"."""
    doc = _resume("facilities_to_data_center_zh.txt")
    jd_model, job = read_job(fixture("jd", "data_center_facilities_engineer_zh.txt"))
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd_model)
    proofs = [item.proof or "" for item in [*coverage.must_have, *coverage.nice_to_have]]
    assert "高低压配电" in proofs and not any(word in proof for proof in proofs for word in ("手机", "邮箱", "31岁"))
    summary = run_offline("facilities_to_data_center_zh.txt", "data_center_facilities_engineer_zh.txt", "zh")["summary"]
    assert not any(word in skill.evidence for skill in summary.skills for word in ("手机", "邮箱", "31岁"))
    assert "system administration" not in doc.skills  # "暖通空调系统运维": a plant's, not a server's


def test_a_wanted_job_in_a_row_of_personal_details_proves_nothing() -> None:
    row = "现居：上海市浦东新区    求职意向：内审经理 / 高级审计经理    期望薪资：面议"
    doc = read_document(
        f"王芳\n138 0000 0000\n{row}\n工作经历\n2019.07-至今  某贸易有限公司  出纳\n- 负责现金收付\n", "resume"
    )
    assert "internal audit" not in doc.skills and "auditing" not in doc.skills


def test_a_product_seen_at_a_demonstration_and_the_social_insurance_law_prove_no_skill() -> None:
    """A payroll specialist's "对北森等人才管理SaaS有了解，曾参加北森线上产品演示会" met a posting's 北森 (and left its
    alternative SAP unasked); "《社会保险法》" met a benefits posting's 商业保险."""
    doc = read_document(
        "王芳\n138 0000 0000\n技能\n熟练使用金蝶s-HR；对北森等人才管理SaaS有了解，曾参加北森线上产品演示会\n", "resume"
    )
    assert "beisen" not in doc.skills and "kingdee" in doc.skills
    english = read_document(
        "Jane Doe\njane@x.com\nSKILLS\nADP Workforce Now; attended a Workday HCM webinar\n", "resume"
    )
    assert "workday" not in english.skills and "adp workforce now" in english.skills
    vocab = get_vocabulary()
    assert vocab.find_term("insurance", "熟悉《劳动合同法》《社会保险法》") is None
    assert vocab.find_term("insurance", "补充商业保险") is not None
    assert "social insurance" in {hit.canonical for hit in vocab.skills_in("熟悉《社会保险法》")}


def test_registered_planned_or_planning_to_sit_is_not_held() -> None:
    """ "六西格玛绿带：已报名" reached the pitch as "持有六西格玛绿带", "ISO 45001内审员：计划参加培训" met two
    must-haves, and "Certified Meeting Professional (CMP) - planning to sit for exam in 2026" became "I hold
    Certified Meeting Professional"."""
    status = coverage_status("ecommerce_service_lead_zh.txt", "customer_experience_manager_zh.txt")
    assert status["six sigma"] == "missing"
    pitch = run_offline("ecommerce_service_lead_zh.txt", "customer_experience_manager_zh.txt", "zh")["match"].self_pitch
    assert "持有六西格玛" not in pitch
    plan = read_document("张伟\n139 0000 0000\n证书\n- ISO 45001内审员：计划参加培训\n", "resume")
    assert not {"iso 45001", "internal audit"} & set(plan.skills)
    events = coverage_status("banquet_captain_to_events_en.txt", "corporate_event_coordinator.txt")
    assert events["certified meeting professional"] == "missing"
    steps = run_offline("banquet_captain_to_events_en.txt", "corporate_event_coordinator.txt", "en")
    assert "I hold Certified Meeting Professional" not in steps["interview"].self_intro_1min


def test_a_clause_under_way_blanks_only_itself() -> None:
    """ "有4年财务工作经验…。正在备考中级会计职称" keeps the experience before it; a teacher's "备考辅导" (coaching
    pupils for an exam) is her work, not her exam."""
    doc = read_document("王芳\n138 0000 0000\n自我评价\n工作细致认真，熟悉用友U8。正在备考中级会计职称\n", "resume")
    assert "yonyou" in doc.skills
    teacher = read_document("李娜\n137 0000 0000\n工作经历\n- 剑桥少儿英语（YLE）备考辅导：辅导学生28人\n", "resume")
    assert "exam preparation" in teacher.skills


def test_an_aspiring_title_in_the_headline_is_wanted_not_held() -> None:
    proofs = _cover("banquet_captain_to_events_en.txt", "corporate_event_coordinator.txt")
    assert not any("Aspiring" in (item.proof or "") for item in proofs)  # "Banquet Captain  |  Aspiring Corporate…"


def test_cms_in_a_coding_posting_and_a_weekday_beside_the_terms() -> None:
    vocab = get_vocabulary()
    named = {hit.canonical for hit in vocab.skills_in("Stay current on Coding Clinic guidance and CMS risk adjustment")}
    assert "content management systems" not in named and "cms regulations" in named
    _, job = read_job(
        "Fleet Safety Coordinator\nBolingbrook, IL | On-site | Full-time, Monday–Friday\n\nAbout us\n"
        "Midwest Carriers Group LLC hauls dry van freight.\n\nRequirements\n- CDL Class A\n"
    )
    assert job.company != "Monday"


def _cover(resume: str, jd: str) -> list[KeywordCoverage]:
    doc = _resume(resume)
    jd_model, job = read_job(fixture("jd", jd))
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd_model)
    return [*coverage.must_have, *coverage.nice_to_have]


def test_a_coder_and_a_server_are_titles_over_their_employers_line() -> None:
    """ "Senior Medical Coder      Jan 2019 – Present" over "OhioHealth Physician Group — Columbus, OH" worked at
    "Senior Medical Coder" (the pitch: "I work at Senior Medical Coder"), and the bullet wrapped under it became a
    role of its own, "endocrinology using ICD-10-CM"; "Server  2014 to 2016" over "Hash Kitchen" worked at "Server"."""
    coder = [(e.org, e.title) for e in _resume("medical_coder_en.txt").experience]
    assert coder[:2] == [
        ("OhioHealth Physician Group", "Senior Medical Coder"),
        ("Mount Carmel Health System", "Medical Coder II"),
    ]
    assert not any(org.startswith("endocrinology") for org, _ in coder)
    server = _resume("banquet_captain_to_events_en.txt").experience[2]
    assert (server.org, server.title) == ("Hash Kitchen", "Server")


def test_kitchen_and_plant_titles_a_team_led_by_its_count_and_writing_in_chinese() -> None:
    chef = read_document(
        "王强\n136 0000 0000\n工作经历\n2018.05-至今　上海味道江南餐饮管理有限公司（旗舰店）　　厨师长\n"
        "- 全面负责后厨团队的管理\n2009.07-2013.02　宁波南苑饭店　　热菜主厨\n- 负责热菜出品\n",
        "resume",
    )
    assert [(e.org, e.title) for e in chef.experience] == [
        ("上海味道江南餐饮管理有限公司", "厨师长"),
        ("宁波南苑饭店", "热菜主厨"),
    ]
    status = coverage_status("ecommerce_service_lead_zh.txt", "customer_experience_manager_zh.txt")
    assert status["team management"] == "resume"  # "管理…售前、售后客服团队共20人（含2名组长）"
    named = {hit.canonical for hit in get_vocabulary().skills_in("具备良好的沟通能力和文字写作能力")}
    assert "writing" in named and "written english" not in named  # no English asked


def test_a_postings_long_benefits_line_asks_nothing() -> None:
    """ "Benefits: Medical, dental, vision, 401(k) …, life insurance, …" under "Preferred" asked for insurance."""
    _, job = read_job(
        "Fleet Safety Coordinator\nMidwest Carriers Group LLC\n\nPreferred\n- Bilingual English/Spanish\n\n"
        "Benefits: Medical, dental, vision, 401(k) with company match, paid vacation,\n"
        "paid holidays, life insurance, and employee assistance program.\n"
    )
    assert "insurance" not in [*job.must_have, *job.nice_to_have]
    assert "multilingual communication" in job.nice_to_have


def test_each_line_of_a_chinese_certificate_list_says_its_own_status() -> None:
    """ "健康证（有效期至2025年6月）" over "公共营养师（三级）：在考" was one pending certificate ("尚在考取中"), and
    "食品安全管理员证书：已报名" a held one."""
    doc = read_document(
        "王强\n136 0000 0000\n【证书资质】\n中式烹调师（高级/三级）　2012年\n健康证（有效期至2025年6月）\n"
        "公共营养师（三级）：在考\n食品安全管理员证书：已报名\n",
        "resume",
    )
    assert "健康证" in doc.certifications
    assert "食品安全管理员证书：已报名" in doc.certifications and "食品安全管理员证" not in doc.certifications
