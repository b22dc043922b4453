"""Judged cases: asked with the candidate's situation, the knowledge base gives advice written for that candidate.

Real Postgres + pgvector and the bundled knowledge base. The passages expected are the ones written for the
audience (a new graduate's resume, a career changer's, a senior leader's self-introduction, a missing
requirement); a JD-only query gave every candidate of a job the same passages, whoever they were.
"""

from __future__ import annotations

import pytest

from core.retrieval import retrieve_for_task
from core.workbench.situation import Situation, knowledge_query

GRADUATE = Situation(stage="new_grad", gaps=True, career_change=False, technical=True)
CHANGER = Situation(stage="mid", gaps=True, career_change=True, technical=False)
SENIOR = Situation(stage="senior", gaps=False, career_change=False, technical=True)
MID = Situation(stage="mid", gaps=False, career_change=False, technical=False)


def _headings(task: str, situation: Situation, lang: str) -> list[str]:
    return [p.heading for p in retrieve_for_task(task, knowledge_query(task, situation, lang), lang, 4)]


@pytest.mark.parametrize(
    ("task", "situation", "lang", "within", "heading"),
    [
        ("customize", GRADUATE, "en", 1, "Writing a resume as a new graduate with little work experience"),
        ("customize", GRADUATE, "zh", 4, "应届生没有实习经历的简历写法"),
        ("customize", CHANGER, "en", 1, "Repositioning your resume for a career change"),
        ("customize", CHANGER, "zh", 1, "转行求职者的简历怎么写"),
        ("interview", GRADUATE, "en", 1, "Self-introduction for new graduates and students"),
        ("interview", GRADUATE, "zh", 1, "应届生校招面试的自我介绍"),
        ("interview", SENIOR, "en", 1, "Self-introduction for senior leaders and managers"),
        ("interview", SENIOR, "zh", 1, "管理岗和资深岗的自我介绍"),
        ("interview", MID, "en", 1, "Self-introduction for mid-level professionals"),
        ("interview", MID, "zh", 1, "社招中级岗位的自我介绍"),
        ("interview", CHANGER, "en", 4, "Self-introduction for career changers"),
        ("interview", CHANGER, "zh", 4, "转行求职者的自我介绍"),
        ("match", GRADUATE, "en", 1, "Addressing a missing requirement without overstating your experience"),
        ("match", CHANGER, "en", 4, "Mapping transferable skills from another role or industry"),
        ("match", CHANGER, "zh", 4, "把过往经历转化为目标岗位需要的能力"),
    ],
)
def test_the_passage_written_for_the_candidate_comes_first_or_among_the_four(
    knowledge_base: None, task: str, situation: Situation, lang: str, within: int, heading: str
) -> None:
    assert heading in _headings(task, situation, lang)[:within]


def test_a_senior_engineer_is_not_told_first_how_a_new_graduate_writes_a_resume(knowledge_base: None) -> None:
    for lang, graduate_heading in (
        ("en", "Writing a resume as a new graduate with little work experience"),
        ("zh", "应届生没有实习经历的简历写法"),
    ):
        assert _headings("customize", SENIOR, lang)[0] != graduate_heading
        assert _headings("customize", GRADUATE, lang)[:2] != _headings("customize", SENIOR, lang)[:2]
