"""The grounding check flags invented employers, titles, skills and numbers, and passes faithful rewrites."""

from __future__ import annotations

from core.workbench.grounding import check_summaries

RESUME = {
    "contact": {"name": "Jane Doe", "email": "jane@example.com", "phone": "+1 555 0100"},
    "headline": "Backend engineer",
    "skills": [{"name": "Python"}, {"name": "PostgreSQL"}, {"name": "Docker"}],
    "roles": [
        {
            "employer": "Acme Corp",
            "title": "Senior Backend Engineer",
            "start": "2019-03",
            "end": "present",
            "achievements": [
                "Cut p99 latency of the payments API by 30% by moving hot reads to Redis",
                "Led a team of 4 engineers migrating 12 services to Kubernetes",
            ],
        },
        {"employer": "腾讯科技有限公司", "title": "后端工程师", "start": "2016-07", "end": "2019-02"},
    ],
    "education": [{"school": "University of Toronto", "degree": "BSc", "field": "Computer Science", "end": "2016"}],
}
DETAILED = {"projects": [{"name": "Billing rewrite", "description": "Rewrote billing in Go; saved $200,000 a year"}]}
KEYWORDS = ["Python", "Kafka", "Go"]

FAITHFUL = """# Jane Doe
jane@example.com · +1 555 0100

## Experience

### Senior Backend Engineer — Acme Corp (2019-03 – present)
- Cut p99 latency of the payments API by 30% by moving hot reads to Redis.
- Led a team of 4 engineers migrating 12 services to Kubernetes, using Docker and Python.
- Rewrote billing in Go, saving $200,000 a year.

### 后端工程师 — 腾讯科技有限公司（2016-07 – 2019-02）
- 负责公司核心系统的 PostgreSQL 优化。

## Education
- BSc Computer Science, University of Toronto (2016)
"""


def test_a_faithful_rewrite_passes() -> None:
    report = check_summaries(FAITHFUL, RESUME, DETAILED, KEYWORDS)
    assert report.ok, report.flags


def test_an_invented_employer_and_an_invented_number_are_flagged() -> None:
    invented = FAITHFUL.replace(
        "- Rewrote billing in Go", "- Consulted for Globex Industries on 45% faster checkout\n- Rewrote billing in Go"
    )
    report = check_summaries(invented, RESUME, DETAILED, KEYWORDS)
    tokens = {(f.kind, f.token) for f in report.flags}
    assert ("number", "45") in tokens
    assert any(kind == "name" and "Globex" in token for kind, token in tokens)
    line = invented.splitlines().index("- Consulted for Globex Industries on 45% faster checkout") + 1
    assert report.flagged_lines == [line]


def test_invented_skill_title_date_and_chinese_employer_are_flagged() -> None:
    bad = (
        FAITHFUL.replace("### Senior Backend Engineer — Acme Corp (2019-03", "### Staff Engineer — Acme Corp (2018-03")
        .replace("using Docker and Python", "using Docker, Python and Kafka")
        .replace("腾讯科技有限公司", "阿里巴巴集团")
    )
    report = check_summaries(bad, RESUME, DETAILED, KEYWORDS)
    tokens = {(f.kind, f.token) for f in report.flags}
    assert ("number", "2018") in tokens
    assert ("skill", "Kafka") in tokens
    assert any(kind == "name" and "Staff" in token for kind, token in tokens)
    assert any(kind == "name" and "阿里巴巴集团" in token for kind, token in tokens)


def test_generic_chinese_phrases_are_not_names() -> None:
    text = "- 参与公司级项目，并在所在公司推广 Python。\n- 曾在腾讯科技有限公司担任后端工程师。"
    assert check_summaries(text, RESUME, None, KEYWORDS).ok
