"""Structured outputs of the workbench's LLM steps, and the stored shapes built from them.

Field order is the order the model writes (and the page shows while streaming): the score comes first so
the user sees it early. Fields default empty, but each reply states its minimum content: `{}` is not a
match, a tailored resume or an interview (a failed attempt, retried, then refunded).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

Lang = Literal["zh", "en"]
AssetKind = Literal["resume", "detailed_resume"]
CoverageStatus = Literal["resume", "detailed", "missing"]


class JobSummary(BaseModel):
    """What job extraction pulls out of a JD; the keyword lists drive the coded coverage."""

    company: str = ""
    title: str = ""
    location: str = ""
    seniority: str = Field(default="", description="e.g. junior, mid, senior, lead; as the JD implies")
    must_have: list[str] = Field(
        default_factory=list, description="required skills or qualifications, each a short keyword of 1-4 words"
    )
    nice_to_have: list[str] = Field(
        default_factory=list, description="preferred skills, each a short keyword of 1-4 words"
    )
    responsibilities: list[str] = Field(default_factory=list)
    language: Lang = Field("en", description="the language the JD is written in")

    @model_validator(mode="after")
    def _has_content(self) -> JobSummary:
        if not (self.title.strip() or self.must_have or self.responsibilities):
            raise ValueError("a job summary names a title, a requirement or a responsibility")
        return self


class Breakdown(BaseModel):
    hard_skills: int = Field(default=0, ge=0, le=100)
    experience: int = Field(default=0, ge=0, le=100)
    education: int = Field(default=0, ge=0, le=100)
    role_fit: int = Field(default=0, ge=0, le=100)
    soft_skills: int = Field(default=0, ge=0, le=100)


class Gap(BaseModel):
    gap: str
    action: str = Field(default="", description="what the candidate can concretely do about this gap")


class MatchReply(BaseModel):
    """The model's part of Match; coverage is added by code (coverage.py), never by the model."""

    overall_score: int = Field(default=0, ge=0, le=100)
    breakdown: Breakdown = Field(default_factory=Breakdown)
    strengths: list[str] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    conclusion: str = ""
    self_pitch: str = Field(default="", description="a short message to the recruiter, ready to send")
    # How the score was computed, shown to the user; the offline engine fills it, a model leaves it empty.
    formula: str = ""

    @model_validator(mode="after")
    def _has_content(self) -> MatchReply:
        if not (self.conclusion.strip() or self.strengths or self.gaps) or not self.self_pitch.strip():
            raise ValueError("a match has a conclusion, strengths or gaps, and a self-pitch")
        return self


class KeywordCoverage(BaseModel):
    keyword: str
    status: CoverageStatus
    proof: str | None = None  # the document line that shows the keyword (None when missing)


class Coverage(BaseModel):
    must_have: list[KeywordCoverage] = Field(default_factory=list)
    nice_to_have: list[KeywordCoverage] = Field(default_factory=list)


class MatchResultData(MatchReply):
    """What match_results.result_json holds."""

    coverage: Coverage = Field(default_factory=Coverage)
    engine: str = ""  # who wrote it: "offline" or the model's name


class BulletSource(BaseModel):
    bullet: str = Field(description="the bullet text exactly as written in the Markdown")
    asset: AssetKind = Field(description="which document the fact comes from")
    section: str = Field(description="the section or role of that document, e.g. 'Acme Corp · Engineer'")
    fact: str = Field(default="", description="the original fact, quoted from the document")


class CustomizeReply(BaseModel):
    markdown: str = Field(min_length=1, pattern=r"\w", description="the tailored resume in Markdown")
    sources: list[BulletSource] = Field(default_factory=list)


class Question(BaseModel):
    question: str
    outline: list[str] = Field(default_factory=list, description="the points of a good answer")


class StarStory(BaseModel):
    gap: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""


class InterviewReply(BaseModel):
    self_intro_1min: str = ""
    self_intro_3min: str = ""
    likely_questions: list[Question] = Field(default_factory=list)
    star_stories: list[StarStory] = Field(default_factory=list)
    questions_to_ask: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> InterviewReply:
        if not self.self_intro_1min.strip() or not self.likely_questions:
            raise ValueError("an interview has a one-minute introduction and likely questions")
        return self
