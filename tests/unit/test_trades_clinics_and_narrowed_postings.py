"""New trades' words, postings whose preferences narrow a requirement, and volunteer work kept.

Pairs written as people in these trades write them: an optometrist's one-column PDF, an elevator mechanic's
licences and apprenticeship, a sommelier's credentials, a scanned 口腔种植 surgeon's resume, an Android engineer's
scan, and a CPG demand-planning posting.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline


def test_a_preference_that_narrows_a_requirement_leaves_it_required() -> None:
    _jd, job = read_job(fixture("jd", "demand_planning_manager_cpg.txt"))
    assert job.years_required == 7  # "7+ years of demand planning experience, ideally in CPG", not the 2 of people
    assert "demand planning" in job.must_have and "demand planning" not in job.nice_to_have
    assert "hotel revenue management" not in job.nice_to_have  # "Partner with Sales and Revenue Management on …"
    _jd, other = read_job(
        "Analyst\nAcme\n\nRequirements\n- 5+ years of SQL, preferably in fintech\n- 3+ years preferred\n"
    )
    assert other.years_required == 5 and "sql" in other.must_have


def test_the_departments_a_duty_is_done_with_are_no_skills() -> None:
    _jd, job = read_job(
        "Program Manager\nAcme\n\nWhat you'll do\n- Partner with Finance, Marketing and Product to plan launches\n"
        "- Build dashboards in Tableau\n\nRequirements\n- 5+ years of program management\n"
    )
    assert "tableau" in job.nice_to_have
    assert not {"finance", "marketing", "product management"} & {*job.must_have, *job.nice_to_have}


def test_an_android_postings_performance_work_is_no_web_performance() -> None:
    _jd, job = read_job(fixture("jd", "senior_android_engineer_zh.txt"))
    assert {"performance optimization", "kotlin coroutines", "android jetpack", "systrace", "perfetto"} <= set(
        job.must_have
    )
    assert "web performance" not in job.must_have
    status = coverage_status("android_engineer_scan_zh.txt", "senior_android_engineer_zh.txt")
    assert status["kotlin coroutines"] == status["android jetpack"] == status["modularization"] == "resume"


def test_an_optometrists_licence_boards_and_clinical_work_are_read() -> None:
    doc, _jd, job = read_pair("optometrist_od_en.txt", "associate_optometrist.txt")
    assert {"optometry license", "tpa certification", "nbeo"} <= set(job.must_have)
    assert job.degree_required == "doctor"  # "O.D. degree from an accredited school"
    assert {"refraction", "contact lens fitting", "myopia management", "optical coherence tomography"} <= set(
        doc.skills
    )
    assert "organizational effectiveness" not in doc.skills  # "License No. OE.0412873"
    status = coverage_status("optometrist_od_en.txt", "associate_optometrist.txt")
    assert status["optometry license"] == status["tpa certification"] == status["nbeo"] == "resume"
    assert status["patient care"] == "resume"  # "Perform 22–28 comprehensive eye exams per day"


def test_an_elevator_mechanics_licences_apprenticeship_and_wrapped_bullets() -> None:
    doc, _jd, job = read_pair("elevator_mechanic_en.txt", "elevator_service_mechanic.txt")
    assert {"elevator mechanic license", "neiep apprenticeship", "iuec mechanic card"} <= set(job.must_have)
    assert "qei certification" in job.nice_to_have
    status = coverage_status("elevator_mechanic_en.txt", "elevator_service_mechanic.txt")
    assert all(
        status[k] == "resume" for k in ("elevator mechanic license", "neiep apprenticeship", "qei certification")
    )
    first = doc.experience[0]
    assert "Perform Category 1 and Category 5 tests with DOB inspectors; zero failed witness tests since 2021" in (
        first.bullets
    )  # "witness tests since 2021" is the bullet's end, not a role begun in 2021
    assert [e.title for e in doc.experience] == [
        "Service Mechanic",
        "Elevator Mechanic (Modernization)",
        "Apprentice Elevator Constructor",
    ]
    assert doc.experience[2].bullets[0].endswith("; mechanic exam passed 2018")


def test_a_sommeliers_credentials_and_buying_work_are_read() -> None:
    doc = read_document(fixture("resume", "sommelier_to_beverage_director_en.txt"), "resume")
    assert {"Certified Sommelier", "BASSET"} <= set(doc.certifications)
    assert not any("Master Sommelier" in c for c in doc.certifications)  # "Court of Master Sommeliers" is the issuer
    _jd, job = read_job(fixture("jd", "beverage_director.txt"))
    assert {"certified sommelier", "wset level 3"} <= set(job.must_have)
    assert "advanced sommelier" not in job.must_have  # "Advanced sommelier credential: CMS Certified Sommelier or …"
    status = coverage_status("sommelier_to_beverage_director_en.txt", "beverage_director.txt")
    assert status["vendor management"] == status["procurement"] == status["bevspot"] == "resume"


def test_a_scanned_implant_surgeons_clinical_words_are_read() -> None:
    _jd, job = read_job(fixture("jd", "dental_implant_dentist_zh.txt"))
    assert {"dental implants", "cbct", "guided implant surgery"} <= set(job.must_have)
    status = coverage_status("dental_implant_surgeon_scan_zh.txt", "dental_implant_dentist_zh.txt")
    assert status["dental implants"] == status["cbct"] == status["sinus lift"] == "resume"
    game = read_document(fixture("resume", "game_client_zh.txt"), "resume")
    assert "scaling and root planing" not in game.skills  # "SRP Batcher" is Unity's render pipeline


def test_volunteer_work_is_kept_in_the_tailored_resume() -> None:
    markdown = run_offline("bookkeeper_to_ap_supervisor_en.txt", "demand_planner.txt", "en")["customize"].markdown
    assert "## VOLUNTEER\n- Treasurer, Eastside Youth Soccer League (2019 - present)" in markdown
    nurse = run_offline("nurse_practitioner_en.txt", "demand_planner.txt", "en")["customize"].markdown
    assert "References available" not in nurse


def test_a_lawyers_commercial_cases_prove_contract_law() -> None:
    doc = read_document(
        "林律师\n\n工作经历\n上海衡正律师事务所 | 资深律师 | 2020.03-至今\n"
        "· 参与商事诉讼及仲裁案件30余件；代理某制造企业买卖合同纠纷案（标的额1.2亿元）二审胜诉。\n",
        "resume",
    )
    assert {"commercial law", "commercial litigation", "arbitration"} <= set(doc.skills)  # a posting's "熟悉…合同法"
