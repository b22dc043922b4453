"""The candidate's situation, read by code from the documents, and what a step asks the knowledge base with it.

Why the situation and not the JD: the knowledge base is advice written for audiences (a new graduate's
resume, a career changer's self-introduction, a missing requirement, a technical interview), so what makes
a passage relevant is who the candidate is against this job, which the JD alone does not say: asked with
the role and its skills, a new graduate and a senior engineer applying to the same job got the same passages,
and a senior backend engineer's tailoring got "Writing a resume as a new graduate" (judged cases in
tests/integration/test_situation_retrieval.py).

Why it is fast: the situation takes a few values, so the queries are a small fixed set (at most 4 stages x 2 x
2 x 2 per step kind and language). Their embeddings are computed once and shared by every user (this
process's cache, then Redis; see core.query_vectors): after the first services of a process, no step embeds
anything before its upstream request, where embedding a JD's query cost ~35-65 ms of CPU per step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from core.facts.model import DocumentModel, Entry, JobFacts
from core.facts.vocabulary import get_vocabulary
from core.kinds import normalize_lang
from core.offline.lookup import current_month, experience_years, month_index
from core.offline.relevance import tokens
from core.workbench.schemas import Coverage

Stage = Literal["new_grad", "early", "mid", "senior"]
# Years of dated work (overlaps counted once) at which each stage begins.
EARLY_YEARS = 1.0
MID_YEARS = 3.0
SENIOR_YEARS = 8.0
TECHNICAL_FAMILIES = frozenset({"software", "data"})
# Below this share of the documents' known skills in the job's main field, a new title is a new field.
FIELD_SHARE = 0.4


@dataclass(frozen=True)
class Situation:
    stage: Stage
    gaps: bool  # a must-have the documents do not show
    career_change: bool  # has worked, but under no title that shares a word with the job's
    technical: bool  # most of the job's known must-have skills are software or data skills


def read_situation(
    resume: DocumentModel, detailed: DocumentModel | None, job: JobFacts, coverage: Coverage | None
) -> Situation:
    """The situation from the document models and the coverage computed by code (None: no gaps known)."""
    entries = resume.experience + (detailed.experience if detailed else [])
    education = resume.education + (detailed.education if detailed else [])
    gaps = coverage is not None and any(k.status == "missing" for k in coverage.must_have)
    held = {skill for doc in (resume, detailed) if doc is not None for skill in doc.skills}
    wanted = _families(job.must_have)
    change = _career_change(entries, job.title, wanted, _families(held))
    return Situation(_stage(entries, education), gaps, change, _technical(wanted))


def _stage(entries: list[Entry], education: list[Entry]) -> Stage:
    """By dated years of work. What code could not date is not taken for a beginner: roles without dates, or a
    resume where code found neither roles nor schooling, read as mid-level (advice for most readers)."""
    if not entries:
        return "new_grad" if education else "mid"
    if not any(month_index(entry.start) is not None for entry in entries):
        return "mid"
    years = experience_years(entries, current_month())
    if years < EARLY_YEARS:
        return "new_grad"
    if years < MID_YEARS:
        return "early"
    return "mid" if years < SENIOR_YEARS else "senior"


def _families(skills: Iterable[str]) -> list[str]:
    """The vocabulary's field of each known skill ("software", "finance"...), general ones left out."""
    vocab = get_vocabulary()
    canonical = (vocab.canonical_skill(skill) for skill in skills)
    return [family for family in (vocab.family(c) for c in canonical if c) if family != "general"]


def _career_change(entries: list[Entry], job_title: str, wanted: list[str], held: list[str]) -> bool:
    """Only when both signs agree: no past title shares a word with the job's ("FP&A Manager" shares none with
    "Financial Analyst"), and few of the skills the documents hold are of the job's main field (a marketer's
    SQL does not make them an engineer)."""
    if not wanted:
        return False
    main_field = Counter(wanted).most_common(1)[0][0]
    vocab = get_vocabulary()
    title_words = {w for w in tokens(job_title) if w not in vocab.seniority}
    titles = [tokens(entry.title) for entry in entries if entry.title.strip()]
    new_title = bool(title_words and titles) and not any(title_words & title for title in titles)
    return new_title and held.count(main_field) < FIELD_SHARE * len(held)


def _technical(wanted: list[str]) -> bool:
    return bool(wanted) and 2 * sum(f in TECHNICAL_FAMILIES for f in wanted) >= len(wanted)


_STAGE = {
    "en": {
        "new_grad": "a student or new graduate with little work experience",
        "early": "a junior professional with one to three years of work experience",
        "mid": "a mid-level professional with several years of work experience",
        "senior": "a senior leader or manager with many years of work experience",
    },
    "zh": {
        "new_grad": "应届生校招，没有工作经验",
        "early": "社招初级岗位，工作一到三年",
        "mid": "社招中级岗位，工作多年",
        "senior": "管理岗和资深岗，工作十年左右",
    },
}
_GAPS = {
    "en": {True: "missing some of the required skills", False: "whose experience covers every requirement"},
    "zh": {True: "缺少部分岗位要求的技能", False: "经历覆盖全部岗位要求"},
}
_CHANGE = {"en": " changing careers from another field", "zh": "，从其他领域转行"}
_ROLE = {
    "en": {True: "a technical engineering role", False: "a business role"},
    "zh": {True: "技术研发岗位", False: "业务岗位"},
}
_INTERVIEW = {
    "en": {True: "technical and coding questions", False: "behavioural and case questions"},
    "zh": {True: "技术和编程问题", False: "行为面试和案例分析问题"},
}
_TASK = {
    "en": {
        "match": "Judging fit for {role} as {stage} {gaps}{change}, and writing a self-pitch to the recruiter",
        "customize": "The resume of {stage}{change}: tailoring it to a job description for {role}, {gaps}",
        "interview": "Interview for {role}, {interview}; a self-introduction as {stage}{change}",
    },
    "zh": {
        "match": "{stage}{change}，{gaps}：判断与{role}的匹配度，并给HR写打招呼语",
        "customize": "{stage}{change}的简历怎么写：{role}，{gaps}",
        "interview": "{role}面试，{interview}；{stage}{change}的自我介绍",
    },
}


def knowledge_query(task_kind: str, situation: Situation, lang: str) -> str:
    """What a step of this kind asks the knowledge base for this situation, in the step's language."""
    lang = normalize_lang(lang)
    return _TASK[lang][task_kind].format(
        role=_ROLE[lang][situation.technical],
        stage=_STAGE[lang][situation.stage],
        gaps=_GAPS[lang][situation.gaps],
        change=_CHANGE[lang] if situation.career_change else "",
        interview=_INTERVIEW[lang][situation.technical],
    )
