"""A British graduate's CV (tests/data/resume/uk_marketing_cv.txt) and a Manchester agency's posting
(tests/data/jd/manchester_marketing_exec.txt), read as British documents write them.

Before: the posting's "Excellent written English" was a skill the English CV lacked (a gap: "Written English is
required but not shown in your documents"), its "Degree in marketing, communications or similar" asked for no
degree and for communication skills instead, the CV's town stood in a postal address ("…, Manchester M14 5TQ") and
was no place, its "Full UK driving licence." was added to the tailored certificates as "driving licence", and the
Match named email marketing by a sentence's word ("newsletters: “Build and send fortnightly email newsletters…”").
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline

RESUME, POSTING = "uk_marketing_cv.txt", "manchester_marketing_exec.txt"


def test_written_english_in_an_english_posting_is_no_keyword() -> None:
    _, _, job = read_pair(RESUME, POSTING)
    assert "written english" not in [*job.must_have, *job.nice_to_have]
    gaps = [g.gap for g in run_offline(RESUME, POSTING, "en")["match"].gaps]
    assert not [g for g in gaps if "English" in g]
    _, job = read_job("Technical Writer\nRequirements\n- Excellent written English and report writing\n")
    assert "written english" in job.must_have  # a writing skill the posting names stays one


def test_a_degree_in_a_field_asks_a_bachelors_and_no_soft_skill() -> None:
    _, _, job = read_pair(RESUME, POSTING)
    assert job.degree_required == "bachelor"
    assert "communication" not in [*job.must_have, *job.nice_to_have]
    for asked in ("Degree educated", "A university degree", "A degree in marketing or a related field"):
        assert read_job(f"Marketing Executive\nAbout you\n- {asked}\n")[1].degree_required == "bachelor", asked
    for not_asked in ("A high degree of accuracy", "360-degree feedback from clients"):
        assert read_job(f"Analyst\nRequirements\n- {not_asked}\n")[1].degree_required == "", not_asked
    assert run_offline(RESUME, POSTING, "en")["match"].breakdown.education == 100  # her BA (Hons) meets it


def test_the_town_of_a_british_address_and_the_licence_as_written() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert doc.contact.location == "Manchester"
    assert "Full UK driving licence" in doc.certifications
    markdown = run_offline(RESUME, POSTING, "en")["customize"].markdown
    assert "· Manchester ·" in markdown.split("\n")[1]
    assert "- Full UK driving licence" in markdown and "- driving licence" not in markdown


def test_skills_named_as_items_and_by_their_names() -> None:
    out = run_offline(RESUME, POSTING, "en")
    skills = out["customize"].markdown.split("## Skills\n", 1)[1].split("\n", 1)[0]
    assert skills.startswith("copywriting · Google Analytics")  # as "SEO copywriting" writes it
    assert "Email marketing" in skills  # written so, kept so
    assert any(s.startswith("Email Marketing: “Build and send") for s in out["match"].strengths)
    assert not any(s.startswith("newsletters") for s in out["match"].strengths)


def test_what_the_cv_meets() -> None:
    status = coverage_status(RESUME, POSTING)
    for keyword in ("copywriting", "google analytics", "email marketing", "mailchimp", "looker", "canva"):
        assert status[keyword] == "resume", keyword
    assert status["meta ads"] == "missing"  # organic posts in Meta Business Suite, no paid campaign


def test_a_licence_is_held_in_the_cvs_words_and_is_no_core_skill() -> None:
    """The pitch said "I hold Driver's License." (the vocabulary's American label) and the interview counted the
    licence among "My core skills include …"."""
    steps = run_offline(RESUME, POSTING, "en")
    assert "I hold a full UK driving licence." in steps["match"].self_pitch
    assert "Driver's License" not in steps["match"].self_pitch
    intro = steps["interview"].self_intro_1min
    skills = intro.split("My core skills include ")[1].split(".")[0]
    assert "licence" not in skills.lower() and "license" not in skills.lower()
    assert "I hold a full UK driving licence." in intro
