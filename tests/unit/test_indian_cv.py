"""An Indian software engineer's CV (tests/data/resume/india_sde_en.txt) and a Bengaluru fintech's posting
(tests/data/jd/bengaluru_sde2.txt), read as Indian CVs write them.

Before: the current role ("Jan 2023 – Till Date") had no end the reader knew, so the role was lost: the Match said
"Most recently I was Software Engineer at Infosys" and counted 2.5 years against the posting's 3. Every quote of
"• 4.5 years of experience …" said "5 years" (the "4." read as a list's number). The education table's header row
("Qualification   Institute / Board   Year   Score") was the school and its rows that school's bullets ("I studied
at Institute / Board"), and the tailored resume kept the header row as an entry. The phone "+91-98765 43210" was
not read and the place was "Flat 302" of the street address.
"""

from __future__ import annotations

from core.facts.read import read_document
from core.offline.lookup import clean
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "india_sde_en.txt", "bengaluru_sde2.txt"


def test_till_date_is_an_open_end_and_the_current_role_leads() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    latest = doc.experience[0]
    assert (latest.org, latest.title, latest.start, latest.end) == (
        "PayNest Technologies Pvt. Ltd",
        "Senior Software Engineer",
        "2023-01",
        "present",
    )
    match = run_offline(RESUME, POSTING, "en")["match"]
    assert "I'm a Senior Software Engineer at PayNest Technologies" in match.self_pitch
    assert not any("years of experience" in gap.gap for gap in match.gaps)


def test_a_decimal_at_a_bullets_start_is_no_list_number() -> None:
    assert clean("• 4.5 years of experience") == "4.5 years of experience"
    assert clean("4.5 years of experience") == "4.5 years of experience"
    assert clean("8.31 to 8.76 guest satisfaction") == "8.31 to 8.76 guest satisfaction"
    assert clean("1. Led a team of 5") == "Led a team of 5"
    assert clean("6、2023-2025连续三年负责双十一大促") == "2023-2025连续三年负责双十一大促"
    steps = run_offline(RESUME, POSTING, "en")
    assert "4.5 years of experience in designing" in steps["match"].self_pitch
    assert "- 4.5 years of experience in designing" in steps["customize"].markdown
    assert "“5 years" not in " ".join(steps["match"].strengths)


def test_the_education_tables_rows_are_schools_and_its_header_row_no_entry() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    rows = [(e.org, e.title, e.field, e.location, e.end, e.degree_level) for e in doc.education]
    assert rows == [
        ("Vellore Institute of Technology", "B.Tech", "Computer Science", "Vellore", "2020", "bachelor"),
        ("Kendriya Vidyalaya", "Class XII", "", "Jaipur", "2016", "highschool"),
        ("Kendriya Vidyalaya", "Class X", "", "Jaipur", "2014", "highschool"),
    ]
    assert doc.education[0].gpa == "8.42/10"
    steps = run_offline(RESUME, POSTING, "en")
    assert "Qualification" not in steps["customize"].markdown
    assert "### B.Tech (Computer Science) Vellore Institute of Technology" in steps["customize"].markdown
    assert "I studied at Vellore Institute of Technology, B.Tech." in steps["interview"].self_intro_3min


def test_the_contact_lines_phone_and_the_town_of_the_address() -> None:
    contact = read_document(fixture("resume", RESUME), "resume").contact
    assert contact.phone == "+91-98765 43210"
    assert contact.location == "Bengaluru, Karnataka"
    assert read_document(fixture("resume", RESUME), "resume").languages == ["english", "hindi", "kannada"]


def test_what_the_cv_meets() -> None:
    status = coverage_status(RESUME, POSTING)
    # UPI transactions and payout APIs are payments work; "reducing average response time" is no call centre's
    # average handle time
    assert status["payments"] == "resume"
    assert {"java", "spring", "microservices", "kafka", "mysql", "aws", "docker", "kubernetes"} <= {
        k for k, v in status.items() if v == "resume"
    }
    assert status["go"] == "missing"
    assert "average handle time" not in read_document(fixture("resume", RESUME), "resume").skills
    strengths = run_offline(RESUME, POSTING, "en")["match"].strengths
    assert any("“Tools: IntelliJ IDEA" in s for s in strengths)  # the label's aligned colon, not "Tools · :"


def test_the_tailored_resume_is_grounded_and_scores_no_lower() -> None:
    """Found in a browser: the tailored skills read "Java 8" from "Java 8/11" (a version the CV never writes alone,
    flagged by grounding on every pair), and the projected score fell 2 points because the tailored text no longer
    named software engineering, which the original proved by the title "Senior Software Engineer"."""
    from core.facts.grounding import check
    from core.workbench.coverage import compute_coverage, projected_score
    from tests.unit.fixture_pairs import read_pair

    doc, jd, job = read_pair(RESUME, POSTING)
    steps = run_offline(RESUME, POSTING, "en")
    markdown = steps["customize"].markdown
    assert "Java 8/11" in markdown and "Java 8 ·" not in markdown
    assert check(markdown, [doc], job) == []
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    assert projected_score(steps["match"].overall_score, coverage, markdown) >= steps["match"].overall_score
