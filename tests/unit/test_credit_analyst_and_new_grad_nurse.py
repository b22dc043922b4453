"""Two pairs written by helpers (tests/data/resume and tests/data/jd): a commercial credit analyst moving to a fintech
risk analyst posting, and a new-graduate nurse's clinical rotations against a nurse residency posting.

What the product said of them: the tailored skills line turned "[Python (basic – pandas)]" and "[Tableau (basic)]"
into plain "Python" and "Tableau" and added "Analytics" (from "Moody's Analytics Certificate in Commercial Credit");
Match said the analyst had no bachelor's degree (its line wrapped after a comma); the intro said "the Risk Analyst
role at SMB Lending" (the team after the title); the nurse's capstone was "At Capstone, as a Senior Practicum"."""

from __future__ import annotations

from core.facts.shown import known_a_little
from tests.unit.fixture_pairs import read_pair, run_offline

ANALYST = ("credit_analyst_to_fintech_risk_en.txt", "brightledger_risk_analyst.txt")
NURSE = ("new_grad_rn_rotations_en.txt", "riverside_nurse_residency.txt")


def _skills_line(markdown: str) -> str:
    lines = markdown.splitlines()
    return lines[lines.index("## TECHNICAL SKILLS") + 1]


def test_the_tailored_skills_keep_the_persons_own_measure_and_add_no_firms_name() -> None:
    skills = _skills_line(run_offline(*ANALYST, "en")["customize"].markdown).split(" · ")
    assert "Python (basic – pandas)" in skills and "Tableau (basic)" in skills
    assert "Python" not in skills and "Tableau" not in skills
    assert "Analytics" not in skills


def test_the_analysts_degree_employer_and_the_postings_company() -> None:
    doc, _jd, job = read_pair(*ANALYST)
    (degree,) = [e for e in doc.entries if e.kind == "education"]
    assert (degree.org, degree.degree_level) == ("University of Illinois at Urbana-Champaign", "bachelor")
    assert (job.company, job.location) == ("Brightledger", "Chicago, IL or Remote")
    assert "data analysis" not in doc.skills  # "Moody's Analytics" is a firm
    intern = next(
        e for e in doc.entries if e.start == "2016"
    )  # "Intern, Risk Management | Northern Trust | Summer 2016"
    assert (intern.org, intern.title) == ("Northern Trust", "Intern, Risk Management")


def test_a_rotations_bracketed_word_is_no_employer_and_the_postings_place_is_below_its_title() -> None:
    doc, _jd, job = read_pair(*NURSE)
    capstone = next(e for e in doc.entries if e.start == "2025-01")
    assert capstone.org == "OSU Wexner Medical Center"
    assert capstone.title.startswith("Senior Practicum")
    assert (job.company, job.location) == ("Riverside Health System", "Columbus, OH")  # not "Medical-Surgical"


def test_a_skill_known_a_little_is_never_said_as_worked_with() -> None:
    """ "[Python (basic – pandas)]": the pitch said "I work with SQL, Python"; "了解生意参谋数据分析" gave
    "熟悉数据分析"."""
    pitch = run_offline(*ANALYST, "en")["match"].self_pitch
    worked_with = pitch.split("I work with ", 1)[1].split(".", 1)[0]
    assert "SQL" in worked_with and "Python" not in worked_with
    assert known_a_little("Tools: Git, Linux, familiar with Docker", "Docker")
    assert known_a_little("Languages: Python, JavaScript, Go, SQL, Java (basic)", "Java")
    assert not known_a_little("Languages: Python, JavaScript, Go, SQL, Java (basic)", "JavaScript")
    assert known_a_little("4. 了解生意参谋数据分析，能根据点击率优化视觉方案。", "数据分析")
    assert not known_a_little("熟练使用Excel（数据透视表）", "Excel")
