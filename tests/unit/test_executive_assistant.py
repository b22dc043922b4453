"""An executive assistant's resume and a biotech's posting (tests/data/resume/executive_assistant_en.txt,
tests/data/jd/harborview_executive_assistant.txt), read in the trade's own words.

Before: "Executive Assistant to the CEO & CFO" over "Lumenwell Health, Boston, MA  February 2021 – Present" was
no title (seven words with "&"), so her headline was her earlier "Administrative Assistant" and the pitch said "I
work at Lumenwell Health"; the posting asked for Office tools and soft skills only: nothing of calendars, board
meetings, minutes, confidentiality or executive support was known, nor Concur, CAP, MOS or a notary's commission.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline, skills_named

RESUME, POSTING = "executive_assistant_en.txt", "harborview_executive_assistant.txt"


def test_a_title_over_its_employers_line_counts_its_words_not_its_glue() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title) for e in doc.entries if e.kind == "experience"] == [
        ("Lumenwell Health", "Executive Assistant to the CEO & CFO"),
        ("Beacon Street Capital", "Administrative Assistant, Finance Department"),
    ]
    assert {"Certified Administrative Professional", "Microsoft Office Specialist", "Notary Public"} <= set(
        doc.certifications
    )
    match = run_offline(RESUME, POSTING, "en")["match"]
    assert match.self_pitch.startswith("Hello, I'm Angela M. Ferreira. I'm an Executive Assistant to the CEO & CFO at")


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Proactively manage the CEO's complex and changing calendar", {"calendar management"}, set()),
        ("Own the content calendar for LinkedIn and the blog", set(), {"calendar management"}),
        ("Invoices are due within 30 calendar days", set(), {"calendar management"}),
        ("Prepare materials for board of directors meetings, take minutes", {"board support", "minute taking"}, set()),
        ("Handle confidential and sensitive information with discretion", {"confidentiality"}, set()),
        ("Reconcile corporate card expenses in Concur", {"sap concur"}, set()),
        ("Wired a 2000A switchboard and 11 panels", set(), {"reception"}),
    ],
)
def test_an_assistants_words_in_their_own_sense(text: str, wanted: set[str], unwanted: set[str]) -> None:
    found = skills_named(text)
    assert wanted <= found and not unwanted & found


def test_a_cap_is_the_certificate_only_where_no_theorem_or_rate_follows() -> None:
    vocab = get_vocabulary()
    assert [h.canonical for h in vocab.certifications_in("CAP or similar administrative certification")] == ["cap"]
    assert not vocab.certifications_in("Explained the CAP theorem to the team; cap rate of 6%")


def test_the_assistant_meets_the_posting_with_her_own_lines() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert {"executive support", "sap concur", "expense management", "microsoft office"} <= set(job.must_have)
    assert {"calendar management", "board support", "minute taking", "confidentiality", "event planning"} <= set(
        job.nice_to_have
    )
    status = coverage_status(RESUME, POSTING)
    met = ("executive support", "calendar management", "board support", "minute taking", "confidentiality", "cap")
    assert all(status[k] == "resume" for k in met)
    assert status["attention to detail"] == "missing"
