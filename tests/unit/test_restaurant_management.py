"""A restaurant general manager's resume and a restaurant group's posting (tests/data/resume/restaurant_gm_en.txt,
tests/data/jd/harvest_table_gm.txt), read in the trade's own words.

Before: both of his roles at "Pecan Street Kitchen & Bar (6 units)" had their store ("Alamo Heights", "Stone Oak")
for employer, and the tailored resume dropped the employer; no certificate was known (ServSafe, TABC); the posting
asked for P&L, leadership and communication only, with "program management" (of a bar's beverages) and
"insurance" (of its benefits) as pluses.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline, skills_named

RESUME, POSTING = "restaurant_gm_en.txt", "harvest_table_gm.txt"


def test_roles_under_one_employers_line_keep_it_though_each_names_its_store() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.location) for e in doc.entries if e.kind == "experience"] == [
        ("Pecan Street Kitchen & Bar", "General Manager, Alamo Heights", "San Antonio, TX"),
        ("Pecan Street Kitchen & Bar", "Assistant General Manager, Stone Oak", "San Antonio, TX"),
        ("Texas Roadhouse", "Kitchen Manager", "San Antonio, TX"),
    ]
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert "### Pecan Street Kitchen & Bar" in markdown


def test_a_title_and_a_named_employer_below_are_not_taken_for_a_store() -> None:
    text = (
        "EXPERIENCE\nAcme Foods — Dallas, TX\nGeneral Manager, Uptown  2021 – Present\n- Ran the store\n"
        "Shift Lead, Globex Corporation  2018 – 2021\n- Opened and closed\n"
    )
    doc = read_document(text, "resume")
    assert [e.org for e in doc.entries] == ["Acme Foods", "Globex Corporation"]


def test_the_certificates_section_names_them_as_held() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert doc.certifications == ["ServSafe Food Protection Manager", "TABC Seller-Server", "Allergen Awareness"]
    resume, posting, job = read_pair(RESUME, POSTING)
    coverage = compute_coverage(job.must_have, job.nice_to_have, resume, None, posting)
    proof = {item.keyword: item.proof or "" for item in coverage.must_have}
    assert proof["servsafe manager"].startswith("ServSafe Food Protection Manager (exp. 2027)")  # not the summary's
    strengths = run_offline(RESUME, POSTING, "en")["match"].strengths
    assert any(s.startswith("ServSafe Manager: “ServSafe Food Protection Manager") for s in strengths)


def test_the_posting_asks_for_the_trades_systems_costs_and_credentials() -> None:
    _, job = read_job(fixture("jd", POSTING))
    must, nice = set(job.must_have), set(job.nice_to_have)
    assert {"servsafe manager", "tabc", "restaurant management", "p&l", "toast pos", "hotschedules", "7shifts"} <= must
    assert {"new restaurant openings", "beverage program", "catering and events", "food cost", "prime cost"} <= nice
    assert not {"program management", "insurance"} & (must | nice)  # a bar's program; "Benefits: … health insurance"


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Collaborate with retail customers on CPFR/POS data", set(), {"pos systems"}),
        ("Led the switch from Aloha to Toast POS", {"toast pos", "aloha pos"}, set()),
        ("负责客服中心排班与质检", {"labor scheduling"}, {"capacity planning"}),
        ("Thesis: Trust cues in patient-facing scheduling tools", set(), {"labor scheduling"}),
        ("Prime Cost & Labor Scheduling · Inventory & Ordering", {"prime cost", "inventory management"}, set()),
    ],
)
def test_restaurant_words_in_their_own_sense(text: str, wanted: set[str], unwanted: set[str]) -> None:
    found = skills_named(text)
    assert wanted <= found and not unwanted & found


def test_the_manager_meets_the_posting_with_his_own_lines() -> None:
    status = coverage_status(RESUME, POSTING)
    assert status["servsafe manager"] == status["tabc"] == status["toast pos"] == status["hotschedules"] == "resume"
    assert "7shifts" not in status  # "such as HotSchedules or 7shifts": his HotSchedules meets it
    assert status["new restaurant openings"] == status["catering and events"] == "resume"
    assert status["leadership"] == status["beverage program"] == "missing"
