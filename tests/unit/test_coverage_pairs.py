"""Coverage looks for a term only in the lines, and pairs of lines, that could hold it (Vocabulary.places).

Skipping must never lose a proof: wherever places says no, find_term finds nothing in the line or the joined pair.
Checked over the repository's corpora (English and Chinese resumes, histories and JDs) with every keyword their
JDs name and the hard cases of the vocabulary (ambiguous names, narrower skills, stems, Chinese words).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.facts import coverage
from core.facts.read import read_document, read_job
from core.facts.termtrie import token_keys, tokenize
from core.facts.vocabulary import Vocabulary, get_vocabulary
from testkit.latency import FULL_DETAILED_TEXT, FULL_JD_TEXT, FULL_RESUME_TEXT

DATA = Path(__file__).resolve().parents[1] / "data"
HARD = [
    "Go", "R", "React", "k8s", "Kubernetes", "GKE", "AWS", "machine learning", "ML", "deploying models",
    "model deployment", "A/B testing", "CI/CD", "Node.js", ".NET", "C++", "Mergers & Acquisitions", "R&D",
    "数据分析", "部署模型", "机器学习", "团队管理", "Python", "stakeholder management", "distributed systems",
]  # fmt: skip


def _corpus() -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((DATA / "offline").glob("*.txt"))]
    texts += [(str(p.relative_to(DATA)), p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("facts/sources/*/*"))]
    texts += [("full resume", FULL_RESUME_TEXT), ("full history", FULL_DETAILED_TEXT), ("full jd", FULL_JD_TEXT)]
    return texts


@pytest.fixture(scope="module")
def keywords() -> list[str]:
    found = set(HARD)
    for name, text in _corpus():
        if "jd" in name:
            job = read_job(text)[1]
            found.update(job.must_have + job.nice_to_have)
    return sorted(found)


@pytest.mark.parametrize(("name", "text"), _corpus(), ids=[name for name, _ in _corpus()])
def test_a_line_or_pair_skipped_never_holds_the_term(name: str, text: str, keywords: list[str]) -> None:
    vocab: Vocabulary = get_vocabulary()
    lines = read_document(text, "resume").lines
    memo: dict[tuple[str, str], object] = {}
    skipped = found = 0
    for keyword in keywords:
        singles, pairs = map(set, vocab.places(keyword, lines, memo))
        for i, line in enumerate(lines):
            for joined, looked in ((line, i in singles), (" ".join(lines[i : i + 2]), i in pairs)):
                if joined is line or i + 1 < len(lines):
                    hit = vocab.find_term(keyword, joined, {})
                    assert looked or hit is None, (keyword, joined)
                    skipped += not looked
                    found += hit is not None
    assert found, "the corpus holds terms the lines prove"
    assert skipped > len(lines) * len(keywords), "most lines and pairs cannot hold most terms: they must be skipped"


@pytest.mark.parametrize(("name", "text"), _corpus(), ids=[name for name, _ in _corpus()])
def test_the_index_reads_the_same_words_the_tokens_hold(name: str, text: str) -> None:
    """places indexes lines by token_keys, find_term reads them by tokenize: one word apart and a proof is lost."""
    for line in [*text.splitlines(), "R&D & Mergers & Acquisitions, .NET/C#, Node.js 机器学习 İstanbul ǅ"]:
        assert token_keys(line) == [token.key for token in tokenize(line)], line


@pytest.mark.parametrize(
    ("first", "second", "keyword"),
    [
        ("Ran the services on Google Kubernetes", "Engine and Terraform", "GKE"),  # a narrower skill's spelling
        ("Owned the machine", "learning platform end to end", "machine learning"),  # a known phrase
        ("Responsible for deploying", "models to production every week", "deploying models"),  # stems
        ("Redesigned the customer onboarding", "flows for new merchants", "onboarding flows"),  # unknown: stems
        ("负责用户数据", "分析与报表", "数据分析"),  # Chinese words
        ("Advised on mergers &", "acquisitions for clients", "Mergers & Acquisitions"),  # "&" joined
        ("Built CI/", "CD pipelines", "CI/CD"),
    ],
)
def test_a_term_wrapped_over_two_lines_is_looked_for_and_found(first: str, second: str, keyword: str) -> None:
    vocab = get_vocabulary()
    assert vocab.places(keyword, [first, second], {})[1] == [0]
    assert vocab.find_term(keyword, f"{first} {second}") is not None


def test_the_proof_of_a_wrapped_term_is_the_pair_of_lines() -> None:
    doc = read_document("Jane Doe\nBuilt CI/\nCD pipelines for twelve teams", "resume")
    assert coverage.cover(["CI/CD"], doc, None)[0].proof == "Built CI/ CD pipelines for twelve teams"


def test_a_job_title_proves_the_practice_it_names_and_only_that() -> None:
    resume = read_document(
        "Dana Park\nExperience\nStripe, Senior Software Engineer\n2019-03 – present\n- Built payment services in Go\n"
        "Acme, Data Analyst\n2016-01 – 2019-02\n- Weekly revenue reports",
        "resume",
    )
    found = {p.keyword: (p.status, p.proof) for p in coverage.cover(
        ["Software Engineering", "data analysis", "Project Management", "Engineering"], resume, None)}  # fmt: skip
    assert found["Software Engineering"] == ("resume", "Stripe, Senior Software Engineer")
    assert found["data analysis"] == ("resume", "Acme, Data Analyst")
    assert found["Project Management"] == ("missing", None)
    assert found["Engineering"][0] == "missing"  # one word: no "Engineer" proves engineering of every kind
