"""Six more pairs written by helpers (tests/data/resume and tests/data/jd): a British vet's CV against a clinical
director's post, a regional airline captain against a corporate flight department, a payroll specialist moving to
HRIS, and three Chinese career changers (a buyer to supply-chain manager, a nurse to an aesthetics clinic's
consultant, a site engineer to a chemical plant's safety supervisor).

What the product said of them: "暂无医美机构销售业绩" proved sales and "目前尚无正式带团队经验" team management (the
pitch said "熟悉销售"); "注册安全工程师（中级）——2024年考试报名中" was a licence held and "注册采购师（CPPM）——在考" was
written "CPPM）——在考"; "RCVS Certificate in Advanced Veterinary Practice (CertAVP) - 3 of 6 modules completed" was an
"RCVS Certificate" held; the vet's name ("Dr Eleanor J. Whitcombe BVetMed MRCVS") was not read, her employers were her
title ("Veterinary Surgeon" under the dates, "Avonside Vets, Keynsham" below), "EDUCATION & QUALIFICATIONS" was no
section and "BVetMed" no degree; postings' companies were "Gulfstream G550" and "Small Animal Hospital" (what the
title's dash names); a Chinese board's "新能源场站站长" was no title, "宁夏·吴忠" no place, and "医疗健康" (an industry
tag) was the clinic's place.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.shown import shown_line
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def test_a_clause_saying_the_person_lacks_it_proves_nothing() -> None:
    nurse = coverage_status("nurse_to_aesthetics_consultant_zh.txt", "aesthetics_consultant_zh.txt")
    assert nurse["sales"] == "missing"  # "暂无医美机构销售业绩，但希望转型咨询岗位"
    match = run_offline("nurse_to_aesthetics_consultant_zh.txt", "aesthetics_consultant_zh.txt", "zh")["match"]
    assert "熟悉销售" not in match.self_pitch
    buyer = coverage_status("buyer_to_supply_chain_zh.txt", "supply_chain_manager_zh.txt")
    assert buyer["team management"] == "missing"  # "目前尚无正式带团队经验，但曾带教2名新人采购"
    assert shown_line("目前尚无正式带团队经验，但曾带教2名新人采购").endswith("但曾带教2名新人采购")
    line = shown_line("No formal supervisory experience, but trained 12 new hires")
    assert "supervisory" not in line and "trained 12 new hires" in line
    assert "G550" not in shown_line("Type rated CL-65; Gulfstream G450/G550 type rating - not yet held")
    assert shown_line("Managed a team of 5 with no turnover") == "Managed a team of 5 with no turnover"


def test_chinese_certificates_signed_up_for_say_so_in_full() -> None:
    safety = read_document(fixture("resume", "site_engineer_to_safety_zh.txt"), "resume").certifications
    assert "注册安全工程师" not in safety
    assert "注册安全工程师（中级）——2024年考试报名中" in safety
    buyer = read_document(fixture("resume", "buyer_to_supply_chain_zh.txt"), "resume").certifications
    assert "注册采购师（CPPM）——在考" in buyer and "CPPM" not in buyer


def test_a_certificate_in_a_subject_is_read_whole_with_its_status() -> None:
    vet = read_document(fixture("resume", "veterinary_surgeon_uk_cv.txt"), "resume").certifications
    assert "RCVS Certificate" not in vet
    assert any(c.startswith("RCVS Certificate in Advanced Veterinary Practice (CertAVP) - 3 of 6 modules") for c in vet)
    line = "• Institute of Leadership & Management (ILM) Level 5 Certificate in Leadership - enrolled, starts Jan 2025"
    assert "Leadership" not in shown_line(line)
    hris = read_document(fixture("resume", "payroll_to_hris_en.txt"), "resume").certifications
    assert "Google Data Analytics Certificate" not in hris  # "currently completing the Google Data Analytics…"


def test_a_british_vets_cv_is_read() -> None:
    vet = read_document(fixture("resume", "veterinary_surgeon_uk_cv.txt"), "resume")
    assert vet.contact.name == "Eleanor J. Whitcombe"
    assert [(e.org, e.title) for e in vet.experience] == [
        ("Redland Veterinary Hospital", "Senior Veterinary Surgeon & Deputy Clinical Lead"),
        ("Avonside Vets", "Veterinary Surgeon"),
        ("Teme Valley Veterinary Group", "Veterinary Surgeon"),
    ]
    sections = {s.title: s.canonical for s in vet.sections}
    assert sections["EDUCATION & QUALIFICATIONS"] == "education"
    assert sections["POSTGRADUATE & PROFESSIONAL DEVELOPMENT"] == "certifications"
    assert (vet.education[0].org, vet.education[0].degree_level) == ("Royal Veterinary College", "bachelor")
    assert "cloud computing" not in vet.skills  # "RxWorks and Provet Cloud PMS"
    vocab = get_vocabulary()
    assert vocab.section_of("CERTIFICATES & TRAINING") == "certifications"
    assert vocab.section_of("MEMBERSHIPS") == "other"


def test_a_postings_company_is_under_its_title_not_after_the_dash() -> None:
    _, pilot = read_job(fixture("jd", "corporate_g550_captain.txt"))
    assert (pilot.title, pilot.company, pilot.location) == (
        "Captain",
        "Halvorsen Industries Flight Department",
        "Scottsdale, AZ",
    )
    _, vet = read_job(fixture("jd", "veterinary_clinical_director_uk.txt"))
    assert (vet.title, vet.company, vet.location) == (
        "Clinical Director",
        "Severn Companion Animal Hospitals",
        "Bristol",
    )


def test_a_chinese_boards_title_and_place() -> None:
    _, station = read_job(fixture("jd", "renewable_station_manager_zh.txt"))
    assert (station.title, station.location) == ("新能源场站站长", "宁夏·吴忠")  # "15-25K·13薪  宁夏·吴忠  3-5年  大专"
    _, clinic = read_job(fixture("jd", "tcm_clinic_attending_zh.txt"))
    assert clinic.location == "杭州·西湖区"  # "薪资：25-40K  杭州·西湖区  经验5-10年  学历本科", not "医疗健康"


def test_chinese_rows_a_deeds_year_two_posts_at_once_and_a_key_user() -> None:
    nurse = read_document(fixture("resume", "nurse_to_aesthetics_consultant_zh.txt"), "resume")
    assert [e.title for e in nurse.experience] == ["护士", "护师"]  # "• 2023年带教实习护士6名。" is a deed, no role
    site = read_document(fixture("resume", "site_engineer_to_safety_zh.txt"), "resume")
    assert ("中铁十四局集团有限公司南京分公司", "施工员、安全员（兼）") in [(e.org, e.title) for e in site.experience]
    buyer = read_document(fixture("resume", "buyer_to_supply_chain_zh.txt"), "resume")
    assert ("ERP系统切换项目", "关键用户") in [(e.org, e.title) for e in buyer.entries if e.kind == "project"]


def test_a_chinese_contact_lines_place() -> None:
    site = read_document(fixture("resume", "site_engineer_to_safety_zh.txt"), "resume")
    assert site.contact.location == "江苏南京"  # "手机：…　邮箱：…　现居住地：江苏南京", full-width spaces apart
    buyer = read_document(fixture("resume", "buyer_to_supply_chain_zh.txt"), "resume")
    assert buyer.contact.location == "江苏·苏州工业园区"  # not "江苏": the dot joins province and district


def test_a_promotion_written_in_one_header_is_told_by_its_last_title() -> None:
    match = run_offline("buyer_to_supply_chain_zh.txt", "supply_chain_manager_zh.txt", "zh")["match"]
    assert "苏州恒达精密电子有限公司高级采购专员" in match.self_pitch and "→" not in match.self_pitch


def test_process_safety_and_purchase_requisitions_in_their_sense() -> None:
    _, job = read_job(fixture("jd", "chemical_safety_supervisor_zh.txt"))
    assert "psm" not in [*job.must_have, *job.nice_to_have]  # "熟悉PSM工艺安全管理": no Scrum Master
    assert "process safety management" in [*job.must_have, *job.nice_to_have]
    assert get_vocabulary().skills_in("负责PR转PO及订单跟踪") == []
