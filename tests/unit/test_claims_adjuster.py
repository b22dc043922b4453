"""A property claims adjuster's two-column resume as Chromium printed it (tests/data/resume/
claims_adjuster_two_column_en.txt: the text layer has no list marks, a sidebar of licences and skills) against an
insurer's field adjuster posting (tests/data/jd/coastline_property_adjuster.txt): a trade the vocabulary did not know.

Before: the posting had no title, no company and one keyword (a driver's licence); the resume's roles had no titles,
its licences none, Xactimate, subrogation and reserves no skill; the second role's title was a bullet of the first,
"closed" + "310 claims in 10 weeks" two bullets, the sidebar's "Catastrophe (CAT)" + "deployments" a skill written
"Catastrophe       deployments", and the licence the column wrapped two items.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "claims_adjuster_two_column_en.txt", "coastline_property_adjuster.txt"


def test_the_roles_as_written() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        ("Heritage Mutual Insurance", "Property Claims Adjuster II", "2021-04", "present"),
        ("Pilot Catastrophe Services", "Independent Field Adjuster", "2018-06", "2021-03"),
    ]
    assert {"xactimate", "subrogation", "loss reserving", "guidewire claimcenter", "coverage analysis"} <= set(
        doc.skills
    )


def test_the_posting_names_its_employer_and_its_trade() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert (job.title, job.company) == (
        "Senior Property Claims Adjuster",
        "Coastline Property & Casualty Insurance Company",
    )
    assert job.must_have[:2] == ["adjuster license", "driver's license"]
    assert {"xactimate", "claims handling", "roof inspection"} <= set(job.must_have)
    assert {"aic", "cpcu", "haag certified inspector", "subrogation", "loss reserving"} <= set(job.nice_to_have)


def test_what_the_adjuster_holds_and_lacks() -> None:
    status = coverage_status(RESUME, POSTING)
    held = {k for k, v in status.items() if v == "resume"}
    assert {"adjuster license", "aic", "xactimate", "guidewire claimcenter", "catastrophe claims"} <= held
    assert status["haag certified inspector"] == "missing" and status["driver's license"] == "missing"


def test_the_tailored_resume_keeps_each_roles_deeds_and_the_sidebars_items_whole() -> None:
    out = run_offline(RESUME, POSTING, "en")
    markdown = out["customize"].markdown
    first_role = markdown.split("### Independent Field Adjuster")[0]
    assert "- Deployed to Hurricanes Ian (2022) and Helene (2024); closed 310 claims in 10 weeks" in first_role
    assert "- Independent Field Adjuster" not in markdown and "\n- 310 claims" not in markdown
    assert "Catastrophe (CAT) deployments" in markdown and "Catastrophe  " not in markdown
    assert "- Florida 6-20 All-Lines Adjuster License (active)" in markdown
    assert "I'm a Property Claims Adjuster II at Heritage Mutual Insurance." in out["match"].self_pitch
    assert "Independent Field Adjuster" not in out["interview"].self_intro_1min


def test_a_story_whose_deed_is_its_result_states_the_share_it_reached() -> None:
    """ "Completed 95% of inspections within 72 hours of assignment" is all result: the story said "Not in your
    resume: prepare a result you can back up"."""
    stories = run_offline(RESUME, POSTING, "en")["interview"].star_stories
    story = next(s for s in stories if s.action.startswith("Completed 95%"))
    assert story.result == "95% of inspections within 72 hours of assignment"


def test_a_language_the_resume_speaks_only_in_conversation_is_a_gap_to_state_not_a_story_to_prepare() -> None:
    """ "Spanish (conversational)" against "Bilingual English/Spanish": the gap advised "Prepare one story from your own
    work that shows Multilingual Communication"."""
    gaps = run_offline(RESUME, POSTING, "en")["match"].gaps
    language = next(g for g in gaps if g.gap.startswith("Multilingual"))
    assert language.action.startswith("Write on your resume the languages you work in and your level in each")
