"""A veterinary technician (tests/data/resume/vet_technician_en.txt) against an emergency hospital's lead technician
posting (tests/data/jd/hill_country_lead_vet_tech.txt).

Before: the posting asked for critical care and observability ("Advanced anesthesia monitoring skills") and nothing
of the trade (the LVT licence, radiography, IV catheters, transfusions, ezyVet); the resume's LVT and RVT licences
were no certificates, "A.S. Veterinary Technology (AVMA-accredited)" studied "AVMA-accredited", and "Passed VTNE
(…), 2016" was a school.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture

VET, HOSPITAL = "vet_technician_en.txt", "hill_country_lead_vet_tech.txt"


def test_the_posting_asks_for_the_trade() -> None:
    _, job = read_job(fixture("jd", HOSPITAL))
    assert {"lvt", "veterinary anesthesia", "radiography", "iv catheter placement", "blood transfusions"} <= set(
        job.must_have
    )
    assert "observability" not in {*job.must_have, *job.nice_to_have}


def test_the_licences_and_the_school_are_read() -> None:
    doc = read_document(fixture("resume", VET), "resume")
    assert {"Licensed Veterinary Technician", "Registered Veterinary Technician", "VTNE"} <= set(doc.certifications)
    assert [(e.org, e.title, e.field) for e in doc.education] == [
        ("San Diego Mesa College", "A.S. Veterinary Technology", "Veterinary Technology")
    ]


def test_the_technicians_work_meets_the_posting() -> None:
    status = coverage_status(VET, HOSPITAL)
    for keyword in ("lvt", "veterinary anesthesia", "radiography", "controlled substances", "recover cpr"):
        assert status[keyword] == "resume", keyword
    assert "cvt" not in status  # "LVT license (or RVT/CVT eligible to transfer)": a choice the LVT meets
    assert status["vts"] == "missing"  # "VTS (ECC) candidate": worked towards, not held
