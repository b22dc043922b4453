"""An FP&A manager's resume and a director's posting (tests/data/resume/fpa_manager_en.txt, tests/data/jd/
harbor_pine_fpa_director.txt), read as a finance recruiter reads them.

"B.S. Accounting — Appalachian State University, Boone, NC (2015), summa cum laude" was a bullet of his MBA (the
honours after the year hid the header); a promotion written as two titles under one employer put the first title
among the bullets ("- Manager, Financial Planning (2019 – 2021)") and the mock interview quoted it as a result; the
posting's "Harbor & Pine is a $900M specialty foods company…" was asked as a duty, "Drive adoption of a modern
planning tool" as product adoption, and "Lead a team of 4 analysts" showed no team management.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import DATA, fixture, read_pair, run_offline


@pytest.mark.parametrize("honours", [", summa cum laude", ", magna cum laude", " – with honors", ", Dean's List"])
def test_a_degrees_honours_after_its_year_leave_it_a_degree(honours: str) -> None:
    text = (
        "Sam Lee\nEDUCATION\nM.B.A., Finance — UNC Kenan-Flagler Business School, Chapel Hill, NC (2017)\n"
        f"B.S. Accounting — Appalachian State University, Boone, NC (2015){honours}\n"
    )
    doc = read_document(text, "resume")
    assert [(e.org, e.title, e.end) for e in doc.education] == [
        ("UNC Kenan-Flagler Business School", "M.B.A.", "2017"),
        ("Appalachian State University", "B.S. Accounting", "2015"),
    ]
    assert not [b for e in doc.education for b in e.bullets]


def test_a_promotion_under_one_employer_keeps_both_titles_as_headers() -> None:
    out = run_offline("fpa_manager_en.txt", "harbor_pine_fpa_director.txt", "en")
    markdown = out["customize"].markdown
    assert (
        "### CLOUDHARBOR SOFTWARE — Raleigh, NC · 06/2017 – 02/2021\nManager, Financial Planning (2019 – 2021)\n"
        in (markdown)
    )
    assert "- Manager, Financial Planning" not in markdown
    assert "### B.S. Accounting — Appalachian State University, Boone, NC (2015), summa cum laude" in markdown
    assert not [s for s in out["interview"].star_stories if "2019 – 2021" in s.result]


def test_the_postings_duties_and_keywords_are_the_jobs_own() -> None:
    _, job = read_job(fixture("jd", "harbor_pine_fpa_director.txt"))
    assert job.responsibilities[0] == "Lead the annual operating plan and monthly rolling forecast process"
    assert not [d for d in job.responsibilities if "specialty foods company" in d]
    assert "product adoption" not in job.nice_to_have
    assert "financial forecasting" in job.nice_to_have  # "monthly rolling forecast process"
    assert "team management" in job.must_have


@pytest.mark.parametrize(
    ("line", "adoption"),
    [
        ("Drive adoption of a modern planning tool (we use Anaplan)", False),
        ("Drive adoption of new close processes across 9 entities", False),
        ("Drive adoption of our platform across enterprise accounts", True),
        ("Drive adoption and expansion in a book of 40 accounts", True),
    ],
)
def test_adopting_a_teams_own_tool_is_not_product_adoption(line: str, adoption: bool) -> None:
    found = {hit.canonical for hit in get_vocabulary().skills_in(line)}
    assert ("product adoption" in found) is adoption


def test_leading_a_team_of_analysts_shows_team_management() -> None:
    resume, jd, job = read_pair("fpa_manager_en.txt", "harbor_pine_fpa_director.txt")
    coverage = compute_coverage(job.must_have, job.nice_to_have, resume, None, jd)
    proof = next(item for item in coverage.must_have if item.keyword == "team management")
    assert proof.status == "resume" and proof.proof is not None and "Lead a team of 4 analysts" in proof.proof


def test_a_two_column_pdfs_wrapped_name_and_a_title_with_its_function_are_whole() -> None:
    """tests/data/pdf/browser_printed_fpa_two_column.pdf (the same resume with a sidebar, printed by Chromium): the
    sidebar broke the name ("Marcus T." / "Holloway"), and the offline pitch began "Hello, I'm Marcus T.."; "Manager,
    Financial Planning | 06/2019 – 02/2021" lost its function ("Manager")."""
    from core.assets.pdf import extract_text

    text = extract_text((DATA / "pdf" / "browser_printed_fpa_two_column.pdf").read_bytes()).text
    doc = read_document(text, "resume")
    assert doc.contact.name == "Marcus T. Holloway"
    assert [(e.org, e.title) for e in doc.experience][:2] == [
        ("Brightleaf Brands", "Senior Manager, FP&A"),
        ("CloudHarbor Software", "Manager, Financial Planning"),
    ]


@pytest.mark.parametrize(
    ("header", "title", "org"),
    [
        ("Director, Product Marketing — Acme Corp — 2019 – 2022", "Director, Product Marketing", "Acme Corp"),
        ("VP, Sales | Northwind Traders | 2018 – 2022", "VP, Sales", "Northwind Traders"),
        ("Associate, Investment Banking  2016 – 2018\nGoldman Sachs, New York, NY", "Associate, Investment Banking",
         "Goldman Sachs"),
        ("Manager, Google | 2019 – 2022", "Manager", "Google"),
    ],
)  # fmt: skip
def test_a_bare_title_and_its_function_are_one_title(header: str, title: str, org: str) -> None:
    doc = read_document(f"Sam Lee\nEXPERIENCE\n{header}\n- Owned headcount planning for 600 employees", "resume")
    assert [(e.title, e.org) for e in doc.experience] == [(title, org)]


@pytest.mark.parametrize(
    ("top", "name"),
    [
        ("Marcus T.\nHolloway\nCharlotte, NC", "Marcus T. Holloway"),
        ("JANE\nDOE\nSoftware Engineer", "JANE DOE"),
        ("Jane Doe\nSoftware Engineer", "Jane Doe"),
        ("Priya\nAustin, TX", "Priya"),
        ("Marcus\nSenior Analyst", "Marcus"),
        ("Priya\nPython", "Priya"),
    ],
)
def test_a_name_set_over_two_lines_is_one_name(top: str, name: str) -> None:
    assert read_document(f"{top}\nSUMMARY\nAnalyst with 5 years in FP&A.", "resume").contact.name == name
