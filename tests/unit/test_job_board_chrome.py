"""A posting copied from a job board with the board's own panel after it (tests/data/jd/linkedin_growth_marketing.txt):
"Seniority level", "Employment type", "Job function: Marketing and Sales", "Industries" and "Referrals increase your
chances of interviewing at Lumen Health by 2x" stood under the requirements heading above them, so the posting asked
for sales and interviewing."""

from __future__ import annotations

from core.facts.read import read_job
from tests.unit.fixture_pairs import fixture


def test_the_boards_panel_asks_for_nothing() -> None:
    jd, job = read_job(fixture("jd", "linkedin_growth_marketing.txt"))
    assert (job.title, job.company, job.location, job.years_required) == (
        "Growth Marketing Manager",
        "Lumen Health",
        "New York, NY",
        4,
    )
    assert job.must_have == ["performance marketing", "meta ads", "google ads", "sql"]
    assert not {"sales", "interviewing"} & {*job.must_have, *job.nice_to_have}
    assert {"looker", "hipaa", "a/b testing"} <= set(job.nice_to_have)
    panel = [s.title for s in jd.sections if s.canonical == "other"]
    assert panel == ["Show more", "Show less", "Seniority level", "Employment type", "Job function", "Industries"]
