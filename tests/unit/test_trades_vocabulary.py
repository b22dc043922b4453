"""An HVAC technician (tests/data/resume/hvac_technician_en.txt) against a commercial HVAC posting
(tests/data/jd/summit_commercial_hvac.txt), an EHS manager's two-column resume
(tests/data/resume/ehs_manager_two_column_en.txt) against a food plant's posting
(tests/data/jd/prairie_foods_ehs_manager.txt), and the CNC programmer's pair (tests/data/resume/cnc_programmer_en.txt,
tests/data/jd/ascent_cnc_programmer.txt).

Before: the HVAC posting asked for a driver's licence and electrical troubleshooting only (EPA 608, NATE, chillers
and VRF unknown) and scored 100; the CNC posting for CNC machining, GD&T and blueprints (Mastercam, multi-axis,
Fanuc controls, AS9100, ITAR unknown); the EHS resume's "Process Safety Management (PSM)" was the Scrum certificate.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture

HVAC, SUMMIT = "hvac_technician_en.txt", "summit_commercial_hvac.txt"
EHS, PRAIRIE = "ehs_manager_two_column_en.txt", "prairie_foods_ehs_manager.txt"
CNC, ASCENT = "cnc_programmer_en.txt", "ascent_cnc_programmer.txt"


def test_the_hvac_posting_asks_for_its_trades_licences_and_equipment() -> None:
    _, job = read_job(fixture("jd", SUMMIT))
    assert {"epa 608 universal", "hvac service"} <= set(job.must_have)
    assert {"nate", "hvac journeyman license", "chillers", "vrf systems"} <= set(job.nice_to_have)
    status = coverage_status(HVAC, SUMMIT)
    assert status["epa 608 universal"] == status["nate"] == status["hvac journeyman license"] == "resume"
    assert status["vrf systems"] == "missing"  # the resume names none


def test_the_machine_shops_posting_asks_for_cam_controls_and_aerospace_rules() -> None:
    _, job = read_job(fixture("jd", ASCENT))
    assert {"cnc programming", "mastercam", "multi-axis machining", "fanuc cnc", "as9100", "export control"} <= set(
        job.must_have
    )
    status = coverage_status(CNC, ASCENT)
    assert status["mastercam"] == status["fanuc cnc"] == status["vericut"] == "resume"
    assert "NIMS Level II" in read_document(fixture("resume", CNC), "resume").certifications


def test_process_safety_is_no_scrum_certificate() -> None:
    assert "PSM" not in read_document(fixture("resume", EHS), "resume").certifications
    _, job = read_job(fixture("jd", PRAIRIE))
    assert "psm" not in {*job.must_have, *job.nice_to_have}
    assert "process safety management" in job.nice_to_have
    status = coverage_status(EHS, PRAIRIE)
    assert status["process safety management"] == status["csp"] == status["iso 45001"] == "resume"
    assert read_document("Jane\nCERTIFICATIONS\nPSM I (Scrum.org)\n", "resume").certifications == ["PSM"]


def test_a_browsers_policy_and_a_breach_are_no_safety_terms() -> None:
    vocab = get_vocabulary()
    assert not vocab.certifications_in("Hardened headers: XSS, CSRF, CSP")
    assert not vocab.skills_in("Led security incident investigation for phishing")


def test_credentials_are_held_as_a_sentence_says_them() -> None:
    """The pitch said "I hold Driver's License." (the vocabulary's label, no article) and "I hold BLS, ACLS."."""
    from tests.unit.fixture_pairs import run_offline

    steps = run_offline(HVAC, SUMMIT, "en")
    assert "I hold EPA 608 Universal and a driver's license." in steps["match"].self_pitch
    assert "I hold EPA 608 Universal, a driver's license and NATE Certification." in steps["interview"].self_intro_1min


def test_a_skills_lines_category_is_no_item_of_the_tailored_list() -> None:
    """ "CAM/CAD: Mastercam 2023 (Mill, Multiaxis), SolidWorks, Vericut" and "Inspection: CMM (PC-DMIS), …" gave the
    tailored list the items "CAM/CAD" and "Inspection"."""
    from tests.unit.fixture_pairs import run_offline

    markdown = run_offline(CNC, ASCENT, "en")["customize"].markdown
    listed = next(line for line in markdown.splitlines() if "Mastercam ·" in line or "· Mastercam" in line)
    items = [item.strip() for item in listed.split("·")]
    assert "CAM/CAD" not in items and "Inspection" not in items
    assert {"Mastercam", "SolidWorks", "Vericut", "PC-DMIS"} <= set(items)


def test_an_event_managers_contracts_and_degree() -> None:
    """An event manager (tests/data/resume/event_manager_en.txt) against a corporate event posting
    (tests/data/jd/nimbus_corporate_event_manager.txt): Cvent and the CMP were unknown, "negotiates hotel and venue
    contracts" negotiated with no vendor, and "B.A., Communication – San Francisco State University" had no field."""
    _, job = read_job(fixture("jd", "nimbus_corporate_event_manager.txt"))
    assert {"cvent", "vendor negotiation"} <= set(job.must_have)
    assert "certified meeting professional" in job.nice_to_have
    status = coverage_status("event_manager_en.txt", "nimbus_corporate_event_manager.txt")
    assert status["vendor negotiation"] == status["cvent"] == status["certified meeting professional"] == "resume"
    school = read_document(fixture("resume", "event_manager_en.txt"), "resume").education[0]
    assert (school.org, school.field) == ("San Francisco State University", "Communication")


def test_a_bullet_wrapped_after_including_is_one_bullet() -> None:
    """ "Manage the PSM/RMP program for a 12,000 lb ammonia system, including" + "PHAs, MOC and mechanical integrity."
    were two bullets, the first ending "…, including" in the tailored resume and the pitch."""
    doc = read_document(fixture("resume", EHS), "resume")
    assert (
        "Manage the PSM/RMP program for a 12,000 lb ammonia system, including PHAs, MOC and mechanical integrity."
        in doc.experience[0].bullets
    )
