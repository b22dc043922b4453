"""A resume printed in narrow columns (a PDF's text) wraps its lines anywhere: the reader joins back what belongs
together and leaves apart what does not.

tests/data/resume/nurse_practitioner_narrow_columns_en.txt's tailored resume showed "OH (online/hybrid)" as a bullet
of her master's degree (the school's line was cut after "Cleveland,"), her licence's number as an item of its own
("… License No." + "RN.471093 (active; exp."), and the list her rotation's bullet introduced ("… preceptors:" +
"HTN, DM2, …") as another bullet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.facts.read import bullet_units, latin_wrap, read_document, wrapped_item

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


WRAP = 112  # tests/data/resume/social_worker_en.txt's column


@pytest.mark.parametrize(
    ("above", "line", "joined"),
    [
        # the licence's board and number under its name: "Board" would not have fitted on the line above
        (
            "Licensed Independent Social Worker with Supervision Designation (LISW-S), Ohio Counselor,"
            " Social Worker & MFT",
            "Board — #I.1234567, exp. 11/2026",
            True,
        ),
        # a short item above: the next line is an item of its own
        ("CPR/First Aid (American Red Cross), current", "Basic Life Support, exp. 2026", False),
        # the item above ends with a stop, or the next one opens with a certificate's name, or is a dated entry
        (
            "Smith J, Okafor D, Reyes M. Pharmacist-led anticoagulation clinics in community practice:"
            " outcomes at one year.",
            "Am J Health Syst Pharm. 2022;79(4):201-9.",
            False,
        ),
        (
            "Licensed Clinical Social Worker (LCSW), Ohio Counselor, Social Worker & MFT Board, issued"
            " 2019, active through",
            "Certified Clinical Trauma Professional (CCTP), 2021",
            False,
        ),
        (
            "Volunteer crisis counselor on the county's 24/7 hotline, trained in suicide risk"
            " assessment and de-escalation",
            "Crisis Text Line 2015 – 2017",
            False,
        ),
    ],
)
def test_a_list_item_the_column_wrapped_at_a_capital_is_joined_back(above: str, line: str, joined: bool) -> None:
    assert wrapped_item(above, line, WRAP) is joined


def test_a_documents_latin_column_is_where_its_lines_wrap() -> None:
    lines = (DATA / "resume" / "social_worker_en.txt").read_text(encoding="utf-8").splitlines()
    assert latin_wrap(tuple(lines)) == max(len(line.strip()) for line in lines)
    assert latin_wrap(("One paragraph pasted as one long line " * 5, "Short line", "Another")) is None
