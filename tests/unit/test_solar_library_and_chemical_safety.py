"""Four pairs written by helpers (tests/data/resume and tests/data/jd): a solar installer moving to battery storage
field service, a public librarian moving to knowledge management, a chemical plant operator moving to 安全员, a
livestream host moving to 直播运营主管. The vocabulary knew none of the first two trades' words: the librarian's
posting asked only "communication" and "stakeholder management" (score 48 for a close fit), and the installer's
NABCEP PVIP was no certificate. The safety officer's posting asked "hazard communication" for
"危险化学品安全管理人员证书" and the operator's 危险化学品安全作业证 proved it."""

from __future__ import annotations

from tests.unit.fixture_pairs import coverage_status, read_pair

SOLAR = ("solar_installer_to_bess_technician_en.txt", "voltarc_bess_field_service.txt")
LIBRARY = ("librarian_to_knowledge_manager_en.txt", "consulting_knowledge_manager.txt")
CHEMICAL = ("chemical_operator_to_safety_officer_zh.txt", "chemical_safety_officer_zh.txt")
LIVESTREAM = ("livestream_host_to_ops_lead_zh.txt", "livestream_ops_lead_board_zh.txt")


def test_a_solar_installers_trade_and_licences_are_read() -> None:
    doc, _jd, job = read_pair(*SOLAR)
    assert {"solar pv installation", "battery energy storage", "dc systems", "iv curve tracing"} <= set(doc.skills)
    assert "NABCEP PV Installation Professional" in doc.certifications
    assert {"solar pv installation", "dc systems"} <= set(job.must_have)
    assert {"nabcep certification", "battery energy storage"} <= set(job.nice_to_have)
    found = coverage_status(*SOLAR)
    assert found["solar pv installation"] == found["nabcep certification"] == "resume"
    assert (job.company, job.location) == ("VoltArc Storage Systems", "Fresno, CA")  # not "BESS", the title's bracket


def test_a_librarians_taxonomy_and_sharepoint_meet_a_knowledge_managers_posting() -> None:
    doc, _jd, job = read_pair(*LIBRARY)
    assert {"sharepoint", "taxonomy design", "controlled vocabularies", "dublin core"} <= set(doc.skills)
    assert {"sharepoint", "taxonomy design"} <= set(job.must_have)
    found = coverage_status(*LIBRARY)
    assert found["sharepoint"] == found["taxonomy design"] == "resume"
    assert found["ckm"] == "missing"  # "Certified Knowledge Manager (CKM) – coursework started 2024, not yet awarded"


def test_a_chemical_safety_managers_certificate_is_asked_and_an_operators_is_not_it() -> None:
    doc, _jd, job = read_pair(*CHEMICAL)
    assert "hazardous chemicals safety manager certificate" in job.must_have
    assert "hazard communication" not in job.must_have
    found = coverage_status(*CHEMICAL)
    assert found["hazardous chemicals safety manager certificate"] == "resume"
    # "参与应急预案演练", "消防器材点检", "班前安全讲话": the drills, the fire kit and the safety talks the posting asks
    assert found["emergency preparedness"] == found["fire safety management"] == found["safety training"] == "resume"
    assert any(c.startswith("注册安全工程师") and "备考" in c for c in doc.certifications)


def test_a_livestream_hosts_compass_and_qianchuan_prove_the_analytics_and_the_paid_traffic() -> None:
    doc, _jd, job = read_pair(*LIVESTREAM)
    assert (job.title, job.company, job.location) == ("直播运营主管", "", "杭州-余杭区")
    assert [e.title for e in doc.entries if e.kind == "experience"][:2] == ["带货主播", "淘宝主播"]
    found = coverage_status(*LIVESTREAM)
    assert found["livestream analytics"] == found["livestream paid traffic"] == "resume"
    assert found["team management"] == "missing"  # "缺点是团队管理经验较少"
