"""An FP&A manager's resume and a director's posting (tests/data/resume/fpa_manager_en.txt, tests/data/jd/
harbor_pine_fpa_director.txt), read as a finance recruiter reads them.

"B.S. Accounting — Appalachian State University, Boone, NC (2015), summa cum laude" was a bullet of his MBA (the
honours after the year hid the header); a promotion written as two titles under one employer put the first title
among the bullets ("- Manager, Financial Planning (2019 – 2021)") and the mock interview quoted it as a result; the
posting's "Harbor & Pine is a $900M specialty foods company…" was asked as a duty, "Drive adoption of a modern
planning tool" as product adoption, and "Lead a team of 4 analysts" showed no team management.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.workbench.coverage import compute_coverage

DATA = Path(__file__).resolve().parents[1] / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _fixture(kind: str, name: str) -> str:
    return (DATA / kind / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("honours", [", summa cum laude", ", magna cum laude", " – with honors", ", Dean's List"])
def test_a_degrees_honours_after_its_year_leave_it_a_degree(honours: str) -> None:
    text = (
        "Sam Lee\nEDUCATION\nM.B.A., Finance — UNC Kenan-Flagler Business School, Chapel Hill, NC (2017)\n"
        f"B.S. Accounting — Appalachian State University, Boone, NC (2015){honours}\n"
    )
    doc = read_document(text, "resume")
    assert [(e.org, e.title, e.end) for e in doc.education] == [
        ("UNC Kenan-Flagler Business School", "M.B.A", "2017"),
        ("Appalachian State University", "B.S. Accounting", "2015"),
    ]
    assert not [b for e in doc.education for b in e.bullets]


def test_a_promotion_under_one_employer_keeps_both_titles_as_headers() -> None:
    from test_offline_engine import Service

    jd, job = read_job(_fixture("jd", "harbor_pine_fpa_director.txt"))
    resume = read_document(_fixture("resume", "fpa_manager_en.txt"), "resume")
    out = Service(resume, None, jd, job, "en").run()
    markdown = out["customize"].markdown
    assert (
        "### CLOUDHARBOR SOFTWARE — Raleigh, NC · 06/2017 – 02/2021\nManager, Financial Planning (2019 – 2021)\n"
        in (markdown)
    )
    assert "- Manager, Financial Planning" not in markdown
    assert "### B.S. Accounting — Appalachian State University, Boone, NC (2015), summa cum laude" in markdown
    assert not [s for s in out["interview"].star_stories if "2019 – 2021" in s.result]


def test_the_postings_duties_and_keywords_are_the_jobs_own() -> None:
    _, job = read_job(_fixture("jd", "harbor_pine_fpa_director.txt"))
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
    jd, job = read_job(_fixture("jd", "harbor_pine_fpa_director.txt"))
    resume = read_document(_fixture("resume", "fpa_manager_en.txt"), "resume")
    coverage = compute_coverage(job.must_have, job.nice_to_have, resume, None, jd)
    proof = next(item for item in coverage.must_have if item.keyword == "team management")
    assert proof.status == "resume" and proof.proof is not None and "Lead a team of 4 analysts" in proof.proof
