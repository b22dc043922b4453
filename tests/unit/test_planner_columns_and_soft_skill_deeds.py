"""A two-column PDF's narrow main column, a scan's glued header, fields of study and soft skills shown by deeds.

tests/data/resume/transportation_planner_two_column_en.txt is the text of a planner's two-column PDF: its main
column wraps headers and bullets at about 57 characters. tests/data/resume/android_engineer_scan_zh.txt is a
scanned Chinese resume read by OCR.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import fixture

PLANNER = "transportation_planner_two_column_en.txt"
PLANNER_JD = "city_senior_transportation_planner.txt"


def test_a_narrow_columns_wrapped_headers_bullets_and_name_are_read_whole() -> None:
    doc = read_document(fixture("resume", PLANNER), "resume")
    assert doc.contact.name == "Daniel Reyes-Whitcombe"  # "Daniel" / "Reyes-" / "Whitcombe" in the sidebar
    assert [(e.org, e.title) for e in doc.experience] == [
        ("City of Elk Grove Public Works", "Transportation Planner II"),  # "… Elk Grove Public" + "Works"
        ("Sacramento Area Transit Authority", "Associate Planner (Transit)"),  # its specialty stays in the title
        ("Fehr & Larkin Transportation Consultants", "Planning Intern"),
    ]
    first = doc.experience[0].bullets
    assert len(first) == 5
    assert "Presented at 11 public hearings before Planning Commission and City Council." in first
    assert "Managed consultant contracts totaling $2.4M; reviewed 60+ traffic impact studies under CEQA (VMT)." in first
    assert first[0].startswith("Project manager for the $1.8M Citywide Active Transportation Plan adopted")
    assert doc.education[0].org == "University of California, Davis"  # "…, Davis — 2019": the campus


def test_a_marked_items_wrap_only_where_the_next_word_would_not_fit() -> None:
    text = (
        "Jo Park\n\nEXPERIENCE\nOperations Lead, Harbor Freight Co. | 2019 – Present\n"
        "• Cut dock-to-stock time from 3 days to 26 hours across two sites\n"
        "• Rebuilt the returns process with the 3PL\n"
        "Returns Desk\n"
        "• Ran the 2023 peak season with 40 temporary staff and zero lost\n"
        "Time injuries across the network.\n"
    )
    bullets = read_document(text, "resume").experience[0].bullets
    assert "Rebuilt the returns process with the 3PL" in bullets  # short: "Returns" would have fit
    assert any(b.endswith("zero lost Time injuries across the network.") for b in bullets)  # "Time" did not fit


def test_a_long_title_over_a_short_employer_stays_two_fields() -> None:
    text = (
        "Sam Ortiz\n\nEXPERIENCE\n"
        "Director of Regional Operations and Customer Experience\n"
        "Acme Logistics\n"
        "Denver, CO · 2019 – Present\n"
        "• Led 4 regional hubs with 220 staff and a $38M operating budget\n"
        "• Cut late deliveries from 9.2% to 3.1% in eighteen months\n"
    )
    role = read_document(text, "resume").experience[0]
    assert (role.org, role.title) == ("Acme Logistics", "Director of Regional Operations and Customer Experience")


def test_a_degree_in_one_of_the_posted_fields_meets_the_others() -> None:
    resume = read_document(fixture("resume", PLANNER), "resume")
    jd, job = read_job(fixture("jd", PLANNER_JD))
    assert "civil engineering" in job.nice_to_have  # "Bachelor's degree … in urban planning, …, civil engineering"
    coverage = compute_coverage(job.must_have, job.nice_to_have, resume, None, jd)
    assert "civil engineering" not in [k.keyword for k in coverage.nice_to_have]  # his B.S. is in Geography
    nurse = read_document(
        "Ana Ruiz\n\nEDUCATION\nBachelor of Science in Nursing, Ohio State University, 2018\n"
        "EXPERIENCE\nRN, Mercy Health | 2018 – Present\n- Cared for 5 patients a shift\n",
        "resume",
    )
    other = compute_coverage(job.must_have, job.nice_to_have, nurse, None, jd)
    assert ("civil engineering", "missing") in [(k.keyword, k.status) for k in other.nice_to_have]


def test_a_soft_skill_is_shown_by_a_deed_not_only_by_its_name() -> None:
    jd, job = read_job(
        "Development Manager\nRiver Foundation\n\nRequirements\n- Excellent communication skills\n- Teamwork\n"
    )
    assert {"communication", "teamwork"} <= set(job.must_have)
    writer = read_document(
        "Maggie Lind\n\nSUMMARY\nDetail-minded fundraiser.\n\n"
        "EXPERIENCE\nGrant Writer, Second Harvest | 2019 – Present\n"
        "- Wrote 38 grant proposals; won $2.1M including a $1.2M federal grant\n"
        "- Partnered with program staff on outcome reports for 12 funders\n",
        "resume",
    )
    proofs = {k.keyword: (k.status, k.proof) for k in compute_coverage(job.must_have, [], writer, None, jd).must_have}
    assert proofs["communication"] == ("resume", "Wrote 38 grant proposals; won $2.1M including a $1.2M federal grant")
    assert proofs["teamwork"] == ("resume", "Partnered with program staff on outcome reports for 12 funders")
    claims = read_document(
        "Lee Wu\n\nSUMMARY\nI present ideas clearly to anyone.\n\nEXPERIENCE\nCashier, Foodmart | 2020 – Present\n"
        "- Handled 300 transactions a day with no shortages\n",
        "resume",
    )
    statuses = {k.keyword: k.status for k in compute_coverage(job.must_have, [], claims, None, jd).must_have}
    assert statuses == {"communication": "missing", "teamwork": "missing"}  # a summary's claim is no deed


def test_a_scans_name_lends_no_skill_and_a_glued_employer_and_title_are_two() -> None:
    doc = read_document(fixture("resume", "android_engineer_scan_zh.txt"), "resume")
    assert doc.contact.name == "周子航"
    assert "avionics" not in doc.skills  # "周子航" over "电话：…" is no "航电"
    assert ("南京优途信息技术有限公司", "Android开发工程师") in [(e.org, e.title) for e in doc.experience]
    text = "王敏\n\n工作经历\n昆山德鑫电子科技有限公司·总账会计\n2019.07-2022.02\n- 负责总账\n"
    glued = read_document(text, "resume")
    assert [(e.org, e.title) for e in glued.experience] == [("昆山德鑫电子科技有限公司", "总账会计")]
