"""A diesel technician (tests/data/resume/diesel_technician_en.txt) against a Caterpillar dealer's field service
posting (tests/data/jd/field_service_heavy_equipment.txt); a realtor (tests/data/resume/realtor_en.txt) against a
brokerage's buyer's agent posting (tests/data/jd/buyers_agent_brokerage.txt); a restaurant supervisor's and a
transport dispatcher's resumes as Chinese job sites export them (tests/data/resume/restaurant_supervisor_zh.txt,
tests/data/resume/transport_dispatch_zh.txt) against their postings.

Before: "CDL Class A" did not meet "Valid driver's license"; "hydraulic and electrical schematics" asked for
electrical design; diesel engines and Cat ET were no keywords. The realtor's current role ("Realtor® / Buyer &
Listing Agent  —  Keller Williams Realty Austin Northwest") had no employer and no title, "Coldwell Banker Realty"
was a title (its "Banker"), her licence and designations were none, and "auto insurance" and the heading
"Compensation & perks" were keywords. "连续8个季度获客户KPI考核A级" proved customer acquisition (获 + 客户); the
sites' "公司规模：…　行业：…" and "所属行业：…　下属人数：8人" lines were deeds of the role, and "工作内容：" a bullet.
"""

from __future__ import annotations

from core.facts.read import is_lone_label, read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def test_a_cdl_is_a_drivers_licence_and_schematics_are_read_not_designed() -> None:
    _, job = read_job(fixture("jd", "field_service_heavy_equipment.txt"))
    assert {"diesel engines", "heavy equipment repair", "schematics"} <= set(job.must_have)
    assert "electrical design" not in {*job.must_have, *job.nice_to_have}
    status = coverage_status("diesel_technician_en.txt", "field_service_heavy_equipment.txt")
    assert status["driver's license"] == status["cdl"] == status["engine diagnostics"] == "resume"


def test_the_realtors_roles_licence_and_designations() -> None:
    doc = read_document(fixture("resume", "realtor_en.txt"), "resume")
    assert [(e.org, e.title) for e in doc.experience][:2] == [
        ("Keller Williams Realty Austin Northwest", "Realtor® / Buyer & Listing Agent"),
        ("Coldwell Banker Realty", "Real Estate Agent"),
    ]
    assert (doc.education[0].title, doc.education[0].field) == ("B.B.A.", "Marketing")
    _, job = read_job(fixture("jd", "buyers_agent_brokerage.txt"))
    asked = {*job.must_have, *job.nice_to_have}
    assert "real estate license" in job.must_have and "abr" in job.nice_to_have
    assert not asked & {"insurance", "compensation and benefits"}
    status = coverage_status("realtor_en.txt", "buyers_agent_brokerage.txt")
    assert status["real estate license"] == status["abr"] == "resume"
    pitch = run_offline("realtor_en.txt", "buyers_agent_brokerage.txt", "en")["match"].self_pitch
    assert "at Keller Williams Realty Austin Northwest" in pitch


def test_a_job_sites_fields_are_no_deeds_and_a_headcount_below_is_a_team_led() -> None:
    assert is_lone_label("所属行业：第三方物流　下属人数：8人") and is_lone_label(
        "公司规模：500-999人　　行业：餐饮（中式快餐）"
    )
    assert not is_lone_label("行业：负责华东区域整车及零担干线运输调度，日均调度车辆60-80台次，管理自有车辆22台")
    for resume, posting in (
        ("restaurant_supervisor_zh.txt", "restaurant_area_manager_zh.txt"),
        ("transport_dispatch_zh.txt", "linehaul_dispatch_lead_zh.txt"),
    ):
        doc = read_document(fixture("resume", resume), "resume")
        assert not any(is_lone_label(b) for e in doc.experience for b in e.bullets)
        markdown = run_offline(resume, posting, "zh")["customize"].markdown
        assert "- 工作内容：" not in markdown and "- 公司规模" not in markdown and "- 所属行业" not in markdown
    assert coverage_status("transport_dispatch_zh.txt", "linehaul_dispatch_lead_zh.txt")["team management"] == "resume"
    assert "customer acquisition" not in read_document(fixture("resume", "transport_dispatch_zh.txt"), "resume").skills


def test_a_title_written_with_an_ampersand_is_the_documents_own() -> None:
    """The realtor's tailored heading "Realtor® / Buyer & Listing Agent — Keller Williams …" was flagged as the title
    "Buyer Listing Agent" (the grounding joined the words without their "&") on every posting."""
    from core.facts.grounding import check

    doc = read_document(fixture("resume", "realtor_en.txt"), "resume")
    job = read_job(fixture("jd", "buyers_agent_brokerage.txt"))[1]
    markdown = run_offline("realtor_en.txt", "buyers_agent_brokerage.txt", "en")["customize"].markdown
    assert "Buyer & Listing Agent" in markdown and check(markdown, [doc], job) == []
    invented = check("### Sales & Marketing Director · Keller Williams Realty Austin Northwest · 2020 – Present", [doc])
    assert [f.kind for f in invented] == ["title"]
