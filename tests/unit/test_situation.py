"""The candidate's situation is read by code from the documents, and the knowledge query is one of a fixed few."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage
from core.workbench.situation import Situation, knowledge_query, read_situation

JD = """Backend Engineer
Requirements:
- 3+ years of Go and Kubernetes
- PostgreSQL and Redis required
Nice to have: Kafka"""
SALES_JD = """Account Executive
Requirements:
- Salesforce CRM and B2B sales pipeline management
- Cold calling and negotiation"""
GRADUATE = """Li Wei
li.wei@example.com
EDUCATION
B.Sc. Computer Science, Zhejiang University, 2022 - 2026
PROJECTS
Course scheduler in Go and PostgreSQL
SKILLS
Go, PostgreSQL, Git"""
SENIOR = """Maria Lopez
maria@example.com
EXPERIENCE
Senior Software Engineer, Acme Corp, Jan 2015 - Present
- Led the payments platform in Go and Kubernetes on PostgreSQL and Redis
Software Engineer, Beta Ltd, Jun 2011 - Dec 2014
- Built services in Java
SKILLS
Go, Kubernetes, Java, PostgreSQL, Redis"""
MARKETER = """Tom Baker
tom@example.com
EXPERIENCE
Marketing Manager, Gamma Inc, Mar {start} - Present
- Ran campaigns with Google Analytics and SQL reports
SKILLS
SQL, Excel, Google Analytics"""


def _situation(resume_text: str, jd_text: str = JD) -> Situation:
    resume = read_document(resume_text, "resume")
    _, job = read_job(jd_text)
    coverage = compute_coverage(job.must_have, job.nice_to_have, resume, None)
    return read_situation(resume, None, job, coverage)


def test_a_graduate_without_work_dates_is_a_new_graduate_with_gaps_for_a_technical_role() -> None:
    assert _situation(GRADUATE) == Situation(stage="new_grad", gaps=True, career_change=False, technical=True)


def test_fifteen_years_under_engineering_titles_is_senior_without_gaps_or_a_change() -> None:
    assert _situation(SENIOR) == Situation(stage="senior", gaps=False, career_change=False, technical=True)


def test_a_marketer_applying_to_engineering_is_changing_careers_and_the_stage_follows_the_dates() -> None:
    two_years_ago = datetime.now(UTC).year - 2
    situation = _situation(MARKETER.format(start=two_years_ago))
    assert situation.career_change and situation.gaps
    assert situation.stage in ("early", "mid")  # 1.75-2.75 years, by this month
    assert _situation(MARKETER.format(start=two_years_ago - 5)).stage == "mid"


def test_a_sales_role_is_not_technical() -> None:
    assert not _situation(SENIOR, SALES_JD).technical


def test_unknown_gaps_count_as_none() -> None:
    resume = read_document(GRADUATE, "resume")
    _, job = read_job(JD)
    assert not read_situation(resume, None, job, None).gaps


def test_the_queries_are_a_small_fixed_set_that_carries_nothing_of_the_documents() -> None:
    """Every user shares them, so their embeddings are computed once (core.query_vectors): no document words."""
    queries = {
        knowledge_query(task, Situation(stage, gaps, change, technical), lang)  # type: ignore[arg-type]
        for task in ("match", "customize", "interview")
        for lang in ("en", "zh", "fr")
        for stage, gaps, change, technical in itertools.product(
            ("new_grad", "early", "mid", "senior"), (True, False), (True, False), (True, False)
        )
    }
    assert 100 < len(queries) <= 3 * 2 * 32
    assert not any(word in query for query in queries for word in ("Backend", "Go", "Kubernetes", "Maria"))
    assert knowledge_query("customize", Situation("new_grad", True, False, True), "fr") == knowledge_query(
        "customize", Situation("new_grad", True, False, True), "en"
    )


def test_what_code_cannot_date_is_not_taken_for_a_beginner() -> None:
    undated = "Sam Lee\nsam@example.com\nEXPERIENCE\nSenior Backend Engineer, Acme Corp\n- Led the Go platform\n"
    assert read_document(undated, "resume").experience  # a role, but no dates
    assert _situation(undated).stage == "mid"
    assert _situation("Sam Lee\nsam@example.com\nGo, Kubernetes\n").stage == "mid"  # neither roles nor schooling


FINANCE_JD = """FP&A Manager
Requirements:
- Financial modeling, budgeting and forecasting
- GAAP and variance analysis"""
ANALYST = """Ana Silva
ana@example.com
EXPERIENCE
Senior Financial Analyst, Omega Bank, 2019 - Present
- Built the budgeting and forecasting models; variance analysis under GAAP
Audit Associate, PwC, 2015 - 2019
SKILLS
Financial modeling, Budgeting, Forecasting, GAAP, Excel"""


def test_a_new_title_in_the_same_field_is_not_a_career_change() -> None:
    """'FP&A Manager' shares no word with 'Financial Analyst', but the skills are the job's field."""
    assert not _situation(ANALYST, FINANCE_JD).career_change
