"""The structured summary of a resume or career history: the contract between assets and the workbench.

Every field is optional or defaults empty because a summary must never invent what the file does not hold.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator


class Contact(BaseModel):
    name: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    links: list[str] = Field(default_factory=list)


class Skill(BaseModel):
    name: str
    evidence: str = Field("", description="where in the document this skill is shown (role, project, sentence)")


class Role(BaseModel):
    employer: str
    title: str
    start: str = Field("", description="as written, e.g. 2021-03 or 2021年3月")
    end: str = Field("", description="as written, or 'present'")
    location: str = ""
    achievements: list[str] = Field(default_factory=list, description="quantified where the document quantifies")


class Education(BaseModel):
    school: str
    degree: str = ""
    field: str = ""
    start: str = ""
    end: str = ""


class Project(BaseModel):
    name: str
    role: str = ""
    description: str = ""
    achievements: list[str] = Field(default_factory=list)


class ResumeSummary(BaseModel):
    """Fields default empty (a summary never invents), but a summary with nothing in it is not a summary."""

    contact: Contact = Field(default_factory=Contact)
    headline: str = ""
    skills: list[Skill] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    certifications: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> ResumeSummary:
        if not (self.roles or self.education or self.skills or self.projects or self.headline.strip()):
            raise ValueError("a summary names at least a role, a school, a skill, a project or a headline")
        return self
