"""Keyword coverage is computed by code: deterministic, case/width/punctuation-insensitive, Chinese-aware."""

from __future__ import annotations

from core.workbench.coverage import compute_coverage, normalize, projected_score
from core.workbench.schemas import Coverage, KeywordCoverage

RESUME = "Backend engineer. Skills: Python, PostgreSQL, Node.js, CI/CD. 熟悉 分布式系统 与 微服务架构。"
DETAILED = "Built streaming pipelines with Apache Kafka; mentored two interns. 负责 数据治理。"


def statuses(cov: Coverage) -> dict[str, str]:
    return {k.keyword: k.status for k in cov.must_have + cov.nice_to_have}


def test_each_keyword_is_found_in_resume_in_detailed_history_or_missing() -> None:
    cov = compute_coverage(["python", "Kafka", "Rust"], ["微服务", "数据治理", "Go"], RESUME, DETAILED)
    assert statuses(cov) == {
        "python": "resume",
        "Kafka": "detailed",
        "Rust": "missing",
        "微服务": "resume",
        "数据治理": "detailed",
        "Go": "missing",
    }


def test_full_width_case_and_punctuation_are_normalized() -> None:
    cov = compute_coverage(["ＰＹＴＨＯＮ", "ci-cd", "NodeJS", "postgresql"], [], RESUME, None)
    assert [k.status for k in cov.must_have] == ["resume", "resume", "resume", "resume"]
    assert normalize("Ｎｏｄｅ．ｊｓ，") == "node.js"


def test_word_boundaries_keep_short_names_apart() -> None:
    cov = compute_coverage(["Java", "SQL", "Go"], [], "JavaScript, PostgreSQL, Google Docs", None)
    assert [k.status for k in cov.must_have] == ["missing", "missing", "missing"]


def test_same_inputs_give_the_same_coverage_and_duplicates_collapse() -> None:
    args = (["Python", "python ", "Kafka"], ["Rust"], RESUME, DETAILED)
    first, second = compute_coverage(*args), compute_coverage(*args)
    assert first == second
    assert [k.keyword for k in first.must_have] == ["Python", "Kafka"]


def test_projected_score_rises_only_for_keywords_the_assets_hold() -> None:
    original = Coverage(
        must_have=[
            KeywordCoverage(keyword="Python", status="resume"),
            KeywordCoverage(keyword="Kafka", status="detailed"),
            KeywordCoverage(keyword="Rust", status="missing"),
        ]
    )
    assert projected_score(60, original, "Python only") == 60
    assert projected_score(60, original, "Python and Kafka") > 60
    # Naming the missing keyword gains nothing: it is an invention, not coverage.
    assert projected_score(60, original, "Python and Kafka and Rust") == projected_score(60, original, "Python Kafka")
    assert 0 <= projected_score(99, original, "Python Kafka") <= 100
