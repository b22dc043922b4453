"""Seven more pairs written by helpers (tests/data/resume and tests/data/jd): postings copied with their job
board's chrome (Lagou's "拉勾招聘 | 上海 | 游戏 | 发布于3天前", BOSS's breadcrumbs, Indeed's "›" trail, a careers
page's "Job ID" line), a bank teller's Chinese resume, a P.E. candidate, and two resumes made as PDFs (a dental office
manager's sidebar of narrow bullets, a Chinese resume whose header is a table), read as the product reads an upload.

What the product said of them: the pitch was "看到上海 | 游戏 | 发布于3天前拉勾招聘岗位"; the title "CO  ›  MEP
Project Manager"; "我很希望加入个人金融部" (the department in brackets, over the bank); "目前是晋升综合柜员 → 大堂经理"
(the bracket "（2022年3月晋升）" was the employer); "P.E. (candidate)" a licence held, "CFA一级：2019年12月未通过"
plain "CFA一级"; "CPR / BLS, American Heart" + "Association — expired 2022" said "I hold BLS"; "Certified Dental
Office" + "Manager (CDOM), AADOM —" + "in progress…" was held; "我是姓名" (the table's label was the name).
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def test_a_job_boards_chrome_is_neither_title_nor_company() -> None:
    expected = {
        "game_system_designer_lagou_zh.txt": ("系统策划", "上海幻域网络科技有限公司"),
        "mep_project_manager_indeed.txt": ("MEP Project Manager", "Summit Builders Group"),
        "siu_fraud_investigator.txt": ("SIU Fraud Investigator II", "Harborline Insurance"),
        "wealth_manager_boss_zh.txt": ("理财经理", "招商银行苏州分行"),
        "new_grad_swe.txt": ("Software Engineer I", "Indeed"),  # "Indeed · Austin, TX": the employer itself
    }
    for name, (title, company) in expected.items():
        _, job = read_job(fixture("jd", name))
        assert (job.title, job.company) == (title, company), name
    match = run_offline("game_tester_to_designer_zh.txt", "game_system_designer_lagou_zh.txt", "zh")["match"]
    assert "发布于" not in match.self_pitch and "拉勾" not in match.self_pitch


def test_a_promotion_in_brackets_is_no_employer() -> None:
    teller = read_document(fixture("resume", "bank_teller_to_wealth_manager_zh.txt"), "resume")
    assert [(e.org, e.title) for e in teller.experience][:2] == [
        ("中国建设银行苏州分行", "综合柜员 → 大堂经理"),  # "2019.07-至今　综合柜员 → 大堂经理（2022年3月晋升）"
        ("中国建设银行苏州分行", "综合柜员"),
    ]


def test_certificates_failed_or_as_a_candidate_say_so() -> None:
    teller = read_document(fixture("resume", "bank_teller_to_wealth_manager_zh.txt"), "resume").certifications
    assert "CFA一级：2019年12月未通过" in teller and "CFA一级" not in teller
    assert "AFP金融理财师——在考" in teller  # the section's words, not the gap line's "准备AFP考试…）"
    assert not any(c.endswith("）") and "（" not in c for c in teller)
    engineer = read_document(fixture("resume", "hvac_engineer_pe_candidate_en.txt"), "resume").certifications
    assert "P.E." not in engineer
    assert (
        "Professional Engineer (PE), Mechanical – Colorado: exam passed Oct 2024, licence application pending"
        in engineer
    )


def test_a_sidebars_wrapped_bullets_keep_their_status() -> None:
    dental = read_document(fixture("resume", "dental_office_manager_sidebar_pdf_en.txt"), "resume")
    certs = dental.certifications
    assert "CPR" not in certs and "Certified Dental Office" not in certs
    assert "CPR / BLS, American Heart Association — expired 2022" in certs
    assert "Certified Dental Office Manager (CDOM), AADOM — in progress" in certs
    status = coverage_status("dental_office_manager_sidebar_pdf_en.txt", "dental_practice_manager.txt")
    assert status.get("cpr", "missing") == "missing"
    pitch = run_offline("dental_office_manager_sidebar_pdf_en.txt", "dental_practice_manager.txt", "en")["match"]
    assert "I hold BLS" not in pitch.self_pitch


def test_a_header_tables_name_cell() -> None:
    hrbp = read_document(fixture("resume", "hrbp_table_header_pdf_zh.txt"), "resume")
    assert hrbp.contact.name == "王晓敏"  # "姓名 | 王晓敏", not "姓名"


def test_what_the_person_has_not_done_is_not_shown() -> None:
    paralegal = coverage_status("court_clerk_to_paralegal_en.txt", "litigation_paralegal.txt")
    assert paralegal["deposition summaries"] == "missing"  # "Note: no experience with Clio, iManage or deposition…"
    tailored = run_offline("court_clerk_to_paralegal_en.txt", "litigation_paralegal.txt", "en")["customize"].markdown
    assert "deposition summaries" not in tailored.split("## ")[1]  # not among the skills
    pharmacist = coverage_status("pharmacist_to_store_manager_zh.txt", "pharmacy_store_manager_zh.txt")
    assert pharmacist["procurement"] == "missing"  # "未接触过中药饮片采购"


def test_a_certificate_registered_for_or_expired_since_a_role() -> None:
    paralegal = read_document(fixture("resume", "court_clerk_to_paralegal_en.txt"), "resume")
    assert "NALA Certified Paralegal" not in paralegal.certifications  # "(CP) exam — registered for …, not yet taken"
    assert (paralegal.experience[0].org, paralegal.experience[0].title) == (
        "Franklin County Clerk of Courts",
        "Deputy Clerk II, Civil Division",
    )
    freight = read_document(fixture("resume", "freight_broker_en.txt"), "resume").certifications
    assert "Class A CDL" not in freight  # "OTR Driver, Class A CDL" in 2014 does not outlive "expired June 2021"
    assert any(c.startswith("Class A CDL") and "expired" in c for c in freight)
    gis = read_document(fixture("resume", "surveyor_to_gis_developer_zh.txt"), "resume").certifications
    assert "软考" not in gis  # "软考中级“软件设计师”：已报名"


def test_a_chinese_boards_own_name_opens_no_title() -> None:
    _, job = read_job(fixture("jd", "gis_developer_lagou_zh.txt"))
    assert (job.title, job.company) == ("GIS开发工程师", "武汉智图时空信息技术有限公司")


def test_time_away_is_no_employer() -> None:
    captain = read_document(fixture("resume", "regional_captain_en.txt"), "resume")
    assert "Career break" not in [e.org for e in captain.experience]
    tester = read_document(fixture("resume", "game_tester_to_designer_zh.txt"), "resume")
    assert "待业" not in [e.org for e in tester.experience]


def test_not_yet_never_and_still_learning_prove_nothing() -> None:
    helpdesk = coverage_status("helpdesk_to_network_admin_en.txt", "junior_network_admin.txt")
    assert helpdesk["fortinet"] == "missing"  # "Not yet: firewall administration (Palo Alto, Fortinet), …"
    assert helpdesk["network security"] == "missing"  # "I have not yet administered production routers or firewalls"
    realtor = coverage_status("realtor_to_property_manager_en.txt", "residential_property_manager.txt")
    assert (
        realtor["budgeting"] == "missing"
    )  # "not managed a property budget", "budgeting … (learning, coursework only)"
    accountant = coverage_status("accountant_to_finance_supervisor_zh.txt", "finance_supervisor_zh.txt")
    assert accountant["consolidation"] == "missing"  # "尚未掌握：合并报表编制、IPO审计配合"
    assert accountant["team management"] == "missing"  # "目前尚未独立负责团队管理"


def test_a_role_held_since_a_month_runs_to_now() -> None:
    surveyor = read_document(fixture("resume", "surveyor_to_gis_developer_zh.txt"), "resume")
    first = surveyor.experience[0]
    assert (first.title, first.start, first.end) == ("测绘工程师", "2021-04", "present")  # "测绘工程师（2021年4月起）"
    seller = read_document(fixture("resume", "auto_sales_zh.txt"), "resume")
    assert seller.experience[0].start == "2021-06"  # "（2022.09起带团队8人）" is what began then, not the role


def test_time_away_tells_no_story() -> None:
    interview = run_offline("helpdesk_to_network_admin_en.txt", "junior_network_admin.txt", "en")["interview"]
    assert " As  (" not in interview.self_intro_3min and "caregiver" not in interview.self_intro_3min
    assert all(not s.situation.startswith(("In  (", "As  (", "At  (")) for s in interview.star_stories)
    accountant = read_document(fixture("resume", "accountant_to_finance_supervisor_zh.txt"), "resume")
    assert "certifications" in [s.canonical for s in accountant.sections]  # "证书与资质"
