"""A resume printed in narrow columns (a PDF's text) wraps its lines anywhere: the reader joins back what belongs
together and leaves apart what does not.

tests/data/resume/nurse_practitioner_narrow_columns_en.txt's tailored resume showed "OH (online/hybrid)" as a bullet
of her master's degree (the school's line was cut after "Cleveland,"), her licence's number as an item of its own
("… License No." + "RN.471093 (active; exp."), and the list her rotation's bullet introduced ("… preceptors:" +
"HTN, DM2, …") as another bullet.
"""

from __future__ import annotations

from pathlib import Path

from core.facts.read import bullet_units, read_document

DATA = Path(__file__).resolve().parents[1] / "data"

PHARMACIST = """Dana Okafor, PharmD
Tucson, AZ · dana.okafor@example.com

EXPERIENCE
Clinical Pharmacist | Banner University Medical Center | 2021-07 – Present
- Verified 300+ orders per shift across three units:
oncology, cardiology, and the surgical ICU
- Led the pharmacy's move from paper to e-
prescribing for 40 prescribers

EDUCATION
Doctor of Pharmacy 2021
University of Arizona College of Pharmacy – Tucson,
AZ (four-year program)
- Rho Chi Honor Society

LICENSES
- Pharmacist – Arizona State Board of Pharmacy, License No.
S031874 (active; exp. 06/2026)
- BLS for Healthcare Providers – exp. 01/2026
"""


def test_a_narrow_columns_wraps_are_joined_back_in_the_nurse_practitioners_resume() -> None:
    doc = read_document((DATA / "resume" / "nurse_practitioner_narrow_columns_en.txt").read_text("utf-8"), "resume")
    master = doc.education[0]
    assert (master.location, master.bullets) == (
        "Cleveland, OH",
        ["GPA 3.86/4.00 · Sigma Theta Tau International Honor Society"],
    )
    assert [e.location for e in doc.experience[:3]] == ["Westerville, OH", "Hilliard, OH", "Grove City, OH"]
    family_practice = doc.experience[0]
    assert family_practice.bullets[0].startswith("Managed 14–18 patients/day under NP and MD preceptors: HTN, DM2,")
    licences = next(s for s in doc.sections if s.canonical == "certifications")
    items = [text for _, text in bullet_units(doc.lines[licences.start + 1 : licences.end])]
    assert items[0] == "Registered Nurse – Ohio Board of Nursing, License No. RN.471093 (active; exp. 10/31/2025)"


def test_a_list_a_colon_opens_a_word_a_hyphen_breaks_and_a_place_a_comma_cuts_are_joined() -> None:
    doc = read_document(PHARMACIST, "resume")
    assert doc.experience[0].bullets == [
        "Verified 300+ orders per shift across three units: oncology, cardiology, and the surgical ICU",
        "Led the pharmacy's move from paper to e-prescribing for 40 prescribers",
    ]
    school = doc.education[0]
    assert (school.org, school.location, school.bullets) == (
        "University of Arizona College of Pharmacy",
        "Tucson, AZ",
        ["Rho Chi Honor Society"],
    )
    licences = next(s for s in doc.sections if s.canonical == "certifications")
    assert [text for _, text in bullet_units(doc.lines[licences.start + 1 : licences.end])] == [
        "Pharmacist – Arizona State Board of Pharmacy, License No. S031874 (active; exp. 06/2026)",
        "BLS for Healthcare Providers – exp. 01/2026",
    ]


def test_a_lone_label_and_items_of_their_own_stay_apart() -> None:
    units = [text for _, text in bullet_units(["- Key results:", "Cut churn by 12%, grew NRR to 118%", "- Led QBRs"])]
    assert units == ["Key results:", "Cut churn by 12%, grew NRR to 118%", "Led QBRs"]
    units = [text for _, text in bullet_units(["- Shipped the billing API", "Canva · Figma (basic)"])]
    assert units == ["Shipped the billing API", "Canva · Figma (basic)"]
