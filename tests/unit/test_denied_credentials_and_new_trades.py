"""Credentials the documents deny, hold only in part or let lapse; time away; promotions told in a line; and the
trades the vocabulary lacked (plant maintenance, surveying and drones, dietetics, EMS, battery cell making).

Each pair was written as a real person in the trade would (tests/data/resume, tests/data/jd) and read by the
product before these changes: "暂无PMP证书" put PMP in the certificates and the pitch, "I do not hold a CIMA
qualification" put CIMA in the tailored resume, "ACCA part-qualified (9 of 13 exams passed)" and an email address
"….acca@gmail.com" proved ACCA, an expired internal auditor's certificate proved internal audit, "RTK外业测量"
proved Redux, a career break counted as a year of work.
"""

from __future__ import annotations

from core.facts.read import read_document
from core.facts.shown import shown_line
from core.offline.lookup import experience_years
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline, skills_named


def test_a_certificate_the_resume_denies_is_neither_held_nor_claimed() -> None:
    drone = coverage_status("drone_pilot_to_pm_zh.txt", "drone_inspection_pm_zh.txt")
    assert drone["pmp"] == "missing"  # "暂无PMP证书，暂无固定翼油动机型飞行经验"
    doc, _, _ = read_pair("drone_pilot_to_pm_zh.txt", "drone_inspection_pm_zh.txt")
    assert not any("PMP" in cert for cert in doc.certifications)
    outputs = run_offline("drone_pilot_to_pm_zh.txt", "drone_inspection_pm_zh.txt", "zh")
    assert "持有PMP" not in outputs["match"].self_pitch + outputs["interview"].self_intro_1min
    accountant, _, _ = read_pair("acca_part_qualified_ie_cv.txt", "management_accountant_ie.txt")
    assert not any("CIMA" in cert for cert in accountant.certifications)  # "I do not hold a CIMA qualification"
    tailored = run_offline("acca_part_qualified_ie_cv.txt", "management_accountant_ie.txt", "en")["customize"].markdown
    assert "CIMA" not in tailored


def test_what_was_not_done_alone_or_is_known_only_in_principle_proves_nothing() -> None:
    drone = coverage_status("drone_pilot_to_pm_zh.txt", "drone_inspection_pm_zh.txt")
    assert drone["budgeting"] == "missing"  # "协助项目经理完成进度管控，未独立负责过项目预算与合同管理"
    assert drone["contract management"] == "missing"
    battery = coverage_status("battery_process_engineer_zh.txt", "cell_process_supervisor_zh.txt")
    assert battery["cell stacking"] == "missing"  # "叠片工艺仅了解原理，暂无叠片产线实际经验"
    assert battery["electrode coating"] == "resume"  # "负责前段涂布、辊压工序工艺参数制定与优化"
    assert "进度管控" in shown_line("协助项目经理完成进度管控，未独立负责过项目预算与合同管理")
    assert "RCM" not in shown_line("No experience with reliability-centered maintenance (RCM) analyses; concept only.")


def test_a_part_qualified_or_eligible_credential_is_pending_and_an_address_or_a_firm_proves_none() -> None:
    accountant = coverage_status("acca_part_qualified_ie_cv.txt", "management_accountant_ie.txt")
    assert accountant["acca"] == "missing"  # "ACCA part-qualified accountant (9 of 13 exams passed …)"
    assert accountant["aca"] == "missing"  # "Brennan & Walsh Chartered Accountants": the firm, not the letters
    doc, _, _ = read_pair("acca_part_qualified_ie_cv.txt", "management_accountant_ie.txt")
    assert "ACCA part-qualified" in doc.certifications  # its words, so the page says it is under way
    assert "Leaving Certificate" not in doc.certifications  # Ireland's school-leaving examination
    dietitian = coverage_status("dietitian_cdces_eligible_en.txt", "outpatient_diabetes_dietitian.txt")
    assert dietitian["cdces"] == "missing"  # "CDCES — eligible; exam scheduled September 2025 (not yet certified)"
    assert dietitian["rdn"] == "resume" and dietitian["licensed dietitian"] == "resume"


def test_an_item_s_indented_lines_say_its_status_unless_its_own_line_says_it_is_held() -> None:
    doc = read_document(
        "CERTIFICATIONS\nACCA – Association of Chartered Certified Accountants\n"
        "  Strategic Professional: SBL and SBR outstanding; options not yet sat\n  Expected to qualify: December 2026\n"
        "• Commercial Driver's License, Class A — Ohio (valid through 08/2027)\n"
        "    Hazmat endorsement expired 2021 (did not renew)\n",
        "resume",
    )
    assert [cert for cert in doc.certifications if cert.startswith("ACCA")] == [
        "ACCA – Association of Chartered Certified Accountants Strategic Professional: SBL and SBR outstanding; options"
        " not yet sat"
    ]
    assert "Commercial Driver's License" in doc.certifications


def test_a_lapsed_certificate_proves_no_skill_held_now() -> None:
    battery = coverage_status("battery_process_engineer_zh.txt", "cell_process_supervisor_zh.txt")
    assert battery["internal audit"] == "missing"  # "内审员证书 IATF 16949（2020年取得，已过期，未复审）"
    assert battery["minitab"] == "resume" and battery["statistics"] == "resume"  # Minitab is statistics software


def test_time_away_is_no_role_and_no_year_of_work() -> None:
    battery, _, _ = read_pair("battery_process_engineer_zh.txt", "cell_process_supervisor_zh.txt")
    assert [e.kind for e in battery.entries if e.start == "2018-11"] == ["away"]  # "待业（备考研究生、家庭原因）"
    drone, _, _ = read_pair("drone_pilot_to_pm_zh.txt", "drone_inspection_pm_zh.txt")
    assert [e.kind for e in drone.entries if e.start == "2018-01"] == ["away"]  # "离职休整，备考无人机执照"
    planner, _, _ = read_pair("maintenance_planner_en.txt", "maintenance_planner_en.txt")
    assert round(experience_years(planner.experience, "2024-12"), 1) == 11.7  # 2013 – Dec 2024, not from 2012
    tailored = run_offline("maintenance_planner_en.txt", "maintenance_planner_en.txt", "en")["summary"]
    assert all(role.employer or role.title for role in tailored.roles)


def test_a_promotion_told_in_a_line_stays_a_line_of_its_role() -> None:
    battery, _, _ = read_pair("battery_process_engineer_zh.txt", "cell_process_supervisor_zh.txt")
    orgs = [e.org for e in battery.experience]
    assert "前段工段" not in orgs  # "2021.04 晋升为工艺主管（前段工段），管理工艺工程师及技术员共6人"
    assert len(battery.experience[0].bullets) == 5
    accountant, _, _ = read_pair("acca_part_qualified_ie_cv.txt", "management_accountant_ie.txt")
    assert not any(e.title.startswith("Promoted") for e in accountant.entries)  # "  – Promoted to … in March 2021"
    assert [e.kind for e in accountant.entries if e.start == "2018-07"] == ["away"]  # "Travel / career break"
    assert not any(e.org.startswith("Expected") for e in accountant.education)  # "  Expected to qualify: Dec 2026"


def test_an_employer_s_line_over_titles_the_vocabulary_did_not_know() -> None:
    medic, _, _ = read_pair("paramedic_to_ed_tech_en.txt", "ed_technician.txt")
    assert [(e.org, e.title) for e in medic.experience][:2] == [
        ("Columbus Division of Fire", "Firefighter/Paramedic, Medic 14"),
        ("Columbus Division of Fire", "Firefighter/EMT-Basic"),
    ]
    assert "customer acquisition" not in medic.skills  # "12-lead acquisition and interpretation"
    ems = coverage_status("paramedic_to_ed_tech_en.txt", "ed_technician.txt")
    assert ems["paramedic certification"] == "resume"  # "National Registry Paramedic (NRP) … — active"
    assert ems["tncc"] == "missing"  # "TNCC — not yet certified"
    assert "sales presentations" not in skills_named("Led monthly cooking demos for WIC families")


def test_plant_maintenance_is_read_and_an_id_names_its_own_entry() -> None:
    _, _, job = read_pair("maintenance_planner_en.txt", "maintenance_planner_en.txt")
    assert job.must_have[:4] == ["maintenance planning", "manufacturing", "sap pm", "cmms"]
    assert {"cmrp", "reliability-centered maintenance"} <= set(job.nice_to_have)
    planner = coverage_status("maintenance_planner_en.txt", "maintenance_planner_en.txt")
    assert planner["cmms"] == "resume"  # "Maximo" is a CMMS; "CMMs" (measuring machines) spell the id too
    assert planner["cmrp"] == "missing"  # "CMRP … — exam scheduled March 2025"
    assert planner["reliability-centered maintenance"] == "missing"  # "No experience with … (RCM) analyses"


def test_a_surveyor_s_rtk_is_satellite_positioning_not_redux() -> None:
    doc, _, job = read_pair("drone_pilot_to_pm_zh.txt", "drone_inspection_pm_zh.txt")
    assert "redux" not in doc.skills and "redux" not in job.must_have
    assert "gnss surveying" in doc.skills and "caac drone pilot licence" in job.must_have
    assert [e.title for e in doc.projects] == ["现场负责人", "飞手"]  # "角色：现场负责人": the part, not its label
    assert "redux" in skills_named("Built the admin UI in React with RTK Query")
    assert (
        fixture("resume", "surveyor_to_gis_developer_zh.txt")
        and "redux" not in read_document(fixture("resume", "surveyor_to_gis_developer_zh.txt"), "resume").skills
    )


def test_a_requirement_whose_aside_prefers_a_grade_stays_required() -> None:
    _, _, job = read_pair("acca_part_qualified_ie_cv.txt", "management_accountant_ie.txt")
    assert job.must_have[:3] == ["acca", "cima", "aca"]  # "ACCA / CIMA / ACA qualified … (finalist level preferred)"
    from core.facts.read import read_job

    _, plain = read_job("Dispatcher\nAcme\nResponsibilities\n- Plan loads\nRequirements\n- SQL (strongly preferred)\n")
    assert plain.nice_to_have == ["sql"] and plain.must_have == []  # a bare preference prefers the line


def test_a_chinese_board_s_licences_and_years() -> None:
    _, _, job = read_pair("securities_adviser_zh.txt", "wealth_manager_private_bank_zh.txt")
    assert "证券投资顾问资格" in job.must_have  # "持有证券投资顾问资格（可注册为投资顾问）"
    assert job.years_required == 3  # "3年以上证券、银行或第三方财富管理机构客户服务经验"
    adviser = coverage_status("securities_adviser_zh.txt", "wealth_manager_private_bank_zh.txt")
    assert adviser["证券投资顾问资格"] == "missing"  # "证券投资顾问胜任能力考试：已报名，待考"
    from core.facts.read import read_job

    _, board = read_job("财富顾问\n某银行\n经验要求：3-5年  学历要求：本科\n岗位职责：\n1. 维护客户\n")
    assert board.years_required == 3


def test_exposure_only_a_move_into_and_others_work_show_no_skill() -> None:
    hotel = coverage_status("front_desk_to_revenue_analyst_en.txt", "hotel_revenue_analyst.txt")
    # "…resort hotels, moving into revenue management", "IDeaS G3 RMS (exposure only)", "STR reports (reading only)",
    # "Certified Revenue Management Executive (CRME), HSMAI — in progress"
    assert hotel["hotel revenue management"] == "missing"
    assert hotel["revenue management systems"] == "missing" and hotel["str reports"] == "missing"
    assert hotel["opera pms"] == "resume"  # the same list's other items stay
    claims = coverage_status("claims_examiner_to_subrogation_en.txt", "subrogation_specialist.txt")
    # "I have not yet handled arbitration filings directly; intercompany arbitration was handled by our recovery unit."
    assert claims["arbitration"] == "missing"
    zh = coverage_status("front_desk_to_revenue_zh.txt", "hotel_revenue_specialist_zh.txt")
    assert zh["sql"] == "missing"  # "业余自学SQL与Power BI中"
    assert zh["revenue management systems"] == "missing"  # "了解 IDeaS 收益管理系统的基本原理" + "暂无…实际操作经验"
    assert "Opera" in shown_line("Systems: Opera PMS (V5 and Opera Cloud), IDeaS G3 RMS (exposure only), Excel")
    assert "CPA" in shown_line("CPA (North Carolina, active) • CFA Level II Candidate (exam scheduled May 2025)")


def test_time_away_inside_a_role_s_dates_is_its_own_and_no_line_to_tell() -> None:
    claims, _, _ = read_pair("claims_examiner_to_subrogation_en.txt", "subrogation_specialist.txt")
    assert [e.kind for e in claims.entries if e.start == "2015"] == ["away"]  # "Career Break   Summer 2015"
    assert not any("Career Break" in b for e in claims.experience for b in e.bullets)
    driver = run_offline("cdl_driver_table_layout_en.txt", "fleet_safety_coordinator.txt", "en")["interview"]
    told = (
        driver.self_intro_1min
        + driver.self_intro_3min
        + " ".join(o for q in driver.likely_questions for o in q.outline)
    )
    told += " ".join(f"{s.action} {s.result}" for s in driver.star_stories)
    assert "Not held" not in told  # "Certified Director of Safety (CDS, NATMI) · Not held" is no experience


def test_contacts_and_headers_as_people_and_boards_write_them() -> None:
    teacher, _, _ = read_pair("chemistry_teacher_to_qc_en.txt", "qc_lab_analyst_pharma.txt")
    assert teacher.contact.phone == "919-555-0192"  # not "27606\n919-555-0192" from the address above
    # "Chemistry Teacher & Science Department Chair — Wake County Public School System, Green Hope High School"
    assert (teacher.experience[0].org, teacher.experience[0].title) == (
        "Wake County Public School System",
        "Chemistry Teacher & Science Department Chair",
    )
    assert "accounts payable" not in teacher.skills  # "AP Chemistry", "AP pass rate"
    zh, _, _ = read_pair("front_desk_to_revenue_zh.txt", "hotel_revenue_specialist_zh.txt")
    assert zh.contact.location == "上海市静安区"  # "现    居：上海市静安区"
    _, _, job = read_pair("mech_designer_to_automation_pm_zh.txt", "automation_project_manager_zh.txt")
    assert job.company == "苏州瀚川智能科技股份有限公司"  # "公司：… | 智能制造 | 1000-9999人 | 已上市"
    driver, _, fleet = read_pair("cdl_driver_table_layout_en.txt", "fleet_safety_coordinator.txt")
    assert "certifications" in [s.canonical for s in driver.sections]  # "LICENSES & ENDORSEMENTS"
    assert {"fmcsa regulations", "eld systems"} <= set(fleet.must_have)
    assert "css" not in fleet.nice_to_have  # "Certified Safety Supervisor (CSS) designation"


def test_a_credential_said_not_held_is_not_called_in_progress() -> None:
    gaps = [
        g.gap
        for g in run_offline("claims_examiner_to_subrogation_en.txt", "subrogation_specialist.txt", "en")["match"].gaps
    ]
    cpcu = next(g for g in gaps if g.startswith("CPCU"))  # "Chartered Property Casualty Underwriter (CPCU) - not held"
    assert "not held" in cpcu and "in progress" not in cpcu
    aic = next(g for g in gaps if g.startswith("AIC"))  # "Associate in Claims (AIC) - In progress"
    assert "in progress" in aic


def test_a_chinese_post_s_terms_and_a_machine_s_name_are_no_skills() -> None:
    assert skills_named("中国建设银行杭州城东支行            柜员（劳务派遣）") == set()
    assert skills_named("办理宾客入住、退房、换房及结账，处理宾客投诉；") == set()
    assert "welding" not in skills_named("协助焊接机器人工作站的结构设计、零件选型")
    assert "welding" in skills_named("负责焊接工艺评定")
    assert "month-end close" in skills_named("负责月度结账及报表编制")


def test_not_certified_in_not_yet_obtained_and_expired_on_a_date_hold_nothing() -> None:
    retail = coverage_status("store_manager_key_achievements_en.txt", "district_manager_retail.txt")
    assert retail.get("six sigma", "missing") == "missing"  # "- Not certified in Six Sigma"
    assert retail.get("six sigma green belt", "missing") == "missing"
    assert shown_line("No certified arborist (ISA) credential").strip() == ""
    tax, _, _ = read_pair("accountant_to_tax_zh.txt", "tax_specialist_zh.txt")
    assert "注册会计师" not in tax.certifications  # "注册会计师：未报考完毕，暂未取得"
    assert [e.kind for e in tax.entries if e.start == "2015-07"] == ["away"]  # "待业（在家备考注册会计师）"
    keeper = coverage_status("warehouse_keeper_bilingual_zh.txt", "warehouse_supervisor_zh.txt")
    assert keeper["forklift licence"] == "missing"  # "叉车证（特种设备作业人员证 N1，…已于2022年过期，未复审）"
    doc = read_document(
        "张三\n技能证书\n叉车证（特种设备作业人员证 N1，2014年取得，已于2022年过期，未复审）\n", "resume"
    )
    assert doc.certifications == ["叉车证（特种设备作业人员证 N1，2014年取得，已于2022年过期，未复审）"]


def test_gcp_beside_a_trial_is_good_clinical_practice() -> None:
    _, _, job = read_pair("medical_assistant_to_crc_en.txt", "clinical_research_coordinator.txt")
    assert "good clinical practice" in job.must_have and "google cloud" not in job.must_have
    crc = coverage_status("medical_assistant_to_crc_en.txt", "clinical_research_coordinator.txt")
    assert crc["good clinical practice"] == "resume"  # "GCP (Good Clinical Practice) – CITI, completed 2023"
    assert "google cloud" in skills_named("Deployed services on GCP and AWS")


def test_a_job_site_s_export_and_bilingual_headings() -> None:
    clerk, _, job = read_pair("ecommerce_cs_to_ops_zhilian_zh.txt", "ecommerce_operations_specialist_zh.txt")
    assert [e.title for e in clerk.experience] == ["客服主管", "售前客服", "淘宝客服实习生"]  # "职位名称：客服主管"
    assert "recruiting" not in clerk.skills  # "来源：智联招聘"
    assert {"sycm", "zhitongche"} <= set(job.must_have)  # "熟练使用生意参谋", "有直通车独立投放经验"
    shop = coverage_status("ecommerce_cs_to_ops_zhilian_zh.txt", "ecommerce_operations_specialist_zh.txt")
    assert shop["zhitongche"] == "missing"  # "暂无直通车独立投放经验"
    keeper, _, _ = read_pair("warehouse_keeper_bilingual_zh.txt", "warehouse_supervisor_zh.txt")
    assert keeper.contact.name == "赵建国"  # "ZHAO Jianguo 赵建国"
    assert "certifications" in [s.canonical for s in keeper.sections]  # "Skills & Certificates 技能证书"
    assert "技能证书" not in keeper.certifications


def test_no_rule_of_other_senses_is_written_twice() -> None:
    """A dict written with a key twice keeps the second silently: "招聘" lost its first rule that way."""
    import collections
    import re
    from pathlib import Path

    source = Path(__file__).resolve().parents[2].joinpath("core/facts/vocabulary.py").read_text(encoding="utf-8")
    for name in ("_OTHER_SENSE_AFTER = {", "_OTHER_SENSE_BEFORE = {", "_SENSE_BY_NEIGHBOURS: dict"):
        start = source.index(name)
        body = source[start : source.index("\n}\n", start)]
        keys = collections.Counter(re.findall(r'^    "([^"]+)":', body, re.M))
        assert [k for k, n in keys.items() if n > 1] == [], name


def test_never_done_and_willing_to_learn_show_nothing_and_a_part_time_post_keeps_its_employer() -> None:
    nurse = coverage_status("nurse_to_device_sales_zh.txt", "medical_device_sales_zh.txt")
    assert nurse["sales"] == "missing"  # "未做过销售，…愿意从零开始学习产品与销售知识。"
    realty = coverage_status("realty_agent_to_channel_zh.txt", "new_homes_channel_manager_zh.txt")
    assert realty["channel sales"] == "missing"  # "暂无团队管理经验，但有意愿向渠道管理方向发展。"
    assert realty["房地产经纪人职业资格"] == "missing"  # "房地产经纪人职业资格证书：在考（已通过2科）"
    agent, _, _ = read_pair("realty_agent_to_channel_zh.txt", "new_homes_channel_manager_zh.txt")
    assert agent.experience[0].title == "高级房产经纪人"
    nurse_doc, _, _ = read_pair("nurse_to_device_sales_zh.txt", "medical_device_sales_zh.txt")
    assert ("某在线健康平台", "健康咨询顾问") in [(e.org, e.title) for e in nurse_doc.experience]  # "兼职  某在线…"
    coach, _, _ = read_pair("fitness_coach_to_store_manager_zh.txt", "gym_store_manager_zh.txt")
    assert not any(e.title.startswith("入职") for e in coach.entries)  # "·2020.10入职任私人教练，2022.06晋升为…"
    keeper, _, _ = read_pair("bookkeeper_to_ap_supervisor_en.txt", "ap_supervisor.txt")
    # "Bookkeeper (Part-Time, 20 hrs/week)" over "Greenway Family Dental, Matthews, NC"
    assert ("Greenway Family Dental", "Bookkeeper") in [(e.org, e.title) for e in keeper.experience]


def test_a_learning_platform_a_forklift_operator_s_licence_and_military_headings() -> None:
    _, _, trainer = read_pair("teacher_to_corporate_trainer_en.txt", "corporate_trainer_ld.txt")
    assert "lms" in trainer.must_have and "veterinary practice software" not in trainer.must_have  # Cornerstone
    soldier = coverage_status("army_nco_to_warehouse_en.txt", "warehouse_operations_manager.txt")
    assert soldier["forklift licence"] == "resume"  # "OSHA-Certified Forklift Operator License — Active"
    nco, _, _ = read_pair("army_nco_to_warehouse_en.txt", "warehouse_operations_manager.txt")
    assert {"Home Depot Distribution Center", "United States Army"} <= {e.org for e in nco.experience}


def test_a_soldiers_post_and_its_units_over_the_dates_is_the_roles_header() -> None:
    """tests/data/resume/army_nco_to_warehouse_en.txt: "Supply Sergeant (SSG/E-6), 2nd Battalion, 8th Cavalry
    Regiment, 1st Cavalry Division" over "Oct 2016 - Sep 2020", under "United States Army — Fort Cavazos, TX": the
    line was too long for a header of comma fields, so both Army roles had no title and no employer. The same
    reading gives "Associate of Applied Science, Heating, Ventilation, Air Conditioning & Refrigeration" over its
    college its degree (tests/data/resume/hvac_technician_en.txt)."""
    nco, _, _ = read_pair("army_nco_to_warehouse_en.txt", "warehouse_operations_manager.txt")
    army = [(e.org, e.title.split(" (")[0], e.start) for e in nco.experience if e.org == "United States Army"]
    assert army == [
        ("United States Army", "Supply Sergeant", "2016-10"),
        ("United States Army", "Automated Logistical Specialist", "2012-06"),
    ]
    hvac = read_document(fixture("resume", "hvac_technician_en.txt"), "resume")
    assert hvac.education[0].title == "Associate of Applied Science"


def test_a_veterans_months_at_school_are_time_away_and_a_coach_is_a_title() -> None:
    """The soldier's "Career Transition / Education" (a year at school on the GI Bill) was a role whose employer was
    "Career Transition / Education"; "Career Coach, Lee Hecht Harrison" read the coach as the employer."""
    nco, _, _ = read_pair("army_nco_to_warehouse_en.txt", "warehouse_operations_manager.txt")
    away = [e for e in nco.entries if e.start == "2020-10"]
    assert [(e.kind, e.org) for e in away] == [("away", "")]
    for title in ("Career Coach", "Career Transition Coach"):
        text = f"Ann Lee\nExperience\n{title}, Lee Hecht Harrison\nJan 2019 - Present\n- Coached 120 clients.\n"
        coach = read_document(text, "resume")
        assert [(e.kind, e.org, e.title) for e in coach.entries] == [("experience", "Lee Hecht Harrison", title)]


def test_radiosurgery_is_no_realtors_designation() -> None:
    """A radiation therapist's "SBRT/SRS" and "delivering SBRT and SRS treatments" were the realtors' Seller
    Representative Specialist: the certificates, the pitch and the introductions said "I hold BLS and SRS"."""
    therapist = read_document(
        "Dana Cole\nSummary\nRadiation therapist delivering SBRT and SRS treatments.\n"
        "Skills\nEclipse; ARIA; IMRT; VMAT; SBRT/SRS; CBCT\nCertifications\nBLS, American Heart Association\n",
        "resume",
    )
    assert "SRS" not in therapist.certifications
    realtor = read_document(fixture("resume", "realtor_en.txt"), "resume")
    assert "SRS" in realtor.certifications  # "- SRS – Seller Representative Specialist, 2022"


def test_dates_over_the_employer_over_the_title_is_one_roles_header() -> None:
    """A mechanic's resume (a helper's new pair): "2019年3月 - 至今" over "郑州润华一汽-大众4S店" over its title
    "机电维修技师（二级技师）", then the bullets: both roles had no employer and no title, and the tailored resume
    listed the company and the title as achievements; "机电维修工" was no title at all."""
    text = (
        "张海涛\n电话：159 3702 8846\n\n【工作经历】\n"
        "2019年3月 - 至今\n郑州润华一汽-大众4S店\n机电维修技师（二级技师）\n"
        "• 负责大众品牌车辆故障诊断与维修\n• 月均完成维修工时280小时以上\n\n"
        "2016年7月 - 2019年2月\n郑州中升丰田4S店\n机电维修工\n"
        "• 负责丰田车辆定期保养、常规维修及故障排查\n"
    )
    mechanic = read_document(text, "resume")
    assert [(e.org, e.title, e.start, len(e.bullets)) for e in mechanic.experience] == [
        ("郑州润华一汽-大众4S店", "机电维修技师（二级技师）", "2019-03", 2),
        ("郑州中升丰田4S店", "机电维修工", "2016-07", 1),
    ]


def test_a_livestream_hosts_and_a_shop_floors_titles_after_the_employer() -> None:
    """ "2020.07-2022.02 杭州某服饰淘宝店 淘宝主播" had no title (the intro said "在杭州某服饰淘宝店期间" with no role),
    "带货主播 / 兼直播间运营" kept only its second half with its "兼"."""
    text = (
        "李娜\n电话：13800001111\n\n工作经历\n"
        "2022.03-2024.12 杭州如涵控股（网红电商） 带货主播 / 兼直播间运营\n· 单场GMV最高52万\n"
        "2020.07-2022.02 杭州某服饰淘宝店 淘宝主播\n· 日均直播6小时\n"
        "2018.07-2020.06 南京某化工有限公司 安全员\n· 每日巡检\n"
    )
    entries = read_document(text, "resume").entries
    assert [(e.org, e.title) for e in entries] == [
        ("杭州如涵控股", "带货主播"),
        ("杭州某服饰淘宝店", "淘宝主播"),
        ("南京某化工有限公司", "安全员"),
    ]
