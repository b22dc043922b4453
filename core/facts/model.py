"""The document model: what code (not a model) reads from a resume, a career history or a job description.

It is the source of truth every check compares against: grounding of a tailored resume, keyword coverage,
and the validation of every model output. It is computed once per document version (in the asset job; a JD's
when it is pasted, core.workbench.preview, or else when its service reads it), stored encrypted beside the text,
and rebuilt from its JSON.

Positions are line indexes into `lines`, so a flag or a coverage proof can quote the document's own line.
Dates are normalised to "YYYY-MM" ("YYYY" when the month is not written); an open end is "present".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from dataclasses import field as _field  # Entry has a field named `field`
from typing import Any, Literal

DocKind = Literal["resume", "detailed_resume", "jd"]
# activity: a club, a society, a volunteer post; away: time away written as a role ("Career break", "待业"), no work
EntryKind = Literal["experience", "education", "project", "activity", "away"]
DegreeLevel = Literal["", "highschool", "associate", "bachelor", "master", "mba", "doctor"]
PRESENT = "present"
OBJECTIVE_LINES = 6  # an objective is a few labelled lines; a longer one has swallowed what follows its heading


@dataclass
class Section:
    """A heading of the document and the lines under it (end exclusive)."""

    title: str  # as written
    # summary|objective|activities|experience|education|projects|skills|certifications|languages|contact|other|...
    canonical: str
    start: int
    end: int


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    links: list[str] = _field(default_factory=list)


@dataclass
class Entry:
    """One role, one school or one project, with the lines that belong to it."""

    kind: EntryKind
    org: str = ""  # employer, school or project name, as written
    title: str = ""  # job title, degree as written, or project role
    field: str = ""  # field of study (education)
    degree_level: DegreeLevel = ""  # education only
    start: str | None = None  # "YYYY-MM" or "YYYY"
    end: str | None = None  # "YYYY-MM", "YYYY" or PRESENT
    location: str = ""
    gpa: str = ""
    bullets: list[str] = _field(default_factory=list)
    line_start: int = 0  # first line of the entry (its header)
    line_end: int = 0  # one past its last line


@dataclass
class NumberFact:
    """A number as the document writes it, with the words around it (normalised, lower case)."""

    value: str  # canonical: "8", "2.5", "40%", "2000000"
    raw: str  # as written: "8", "2.5", "40%", "$2M"
    context: list[str]  # up to ~4 content words before and after, normalised (lemmas, lower case)
    line: int
    entry: int | None = None  # index into DocumentModel.entries


@dataclass
class DocumentModel:
    kind: DocKind
    lang: Literal["en", "zh"]
    lines: list[str]
    sections: list[Section] = _field(default_factory=list)
    contact: Contact = _field(default_factory=Contact)
    entries: list[Entry] = _field(default_factory=list)
    skills: dict[str, int] = _field(default_factory=dict)  # canonical skill -> first line that shows it
    certifications: list[str] = _field(default_factory=list)  # as written
    languages: list[str] = _field(default_factory=list)  # canonical spoken languages ("english", "mandarin")
    numbers: list[NumberFact] = _field(default_factory=list)

    @property
    def experience(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "experience"]

    @property
    def education(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "education"]

    @property
    def projects(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "project"]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def entry_of_line(self, line: int) -> int | None:
        """Index of the entry that line belongs to, or None (summary, skills, contact...)."""
        for index, entry in enumerate(self.entries):
            if entry.line_start <= line < entry.line_end:
                return index
        return None

    def section_lines(self, canonical: str) -> list[int]:
        """Indexes of the lines of every section of that kind ("skills"), heading lines included, in order."""
        return [
            i for s in self.sections if s.canonical == canonical for i in range(s.start, min(s.end, len(self.lines)))
        ]

    def section_first(self, canonical: str, indexes: Iterable[int]) -> list[int]:
        """`indexes` with the lines of that kind of section first, each group in its own order: a certificate's
        proof is the line its certificates section names it on, before a summary's or a name line's mention."""
        inside = set(self.section_lines(canonical))
        return sorted(indexes, key=lambda i: i not in inside)

    def wish_lines(self) -> frozenset[int]:
        """Lines of an objective ("求职意向：数据分析师（校招）", "Objective: a data analyst role"): the job the user
        wants, so never evidence of a skill or of experience."""
        return frozenset(
            i
            for s in self.sections
            if s.canonical == "objective"
            for i in range(s.start, min(s.end, s.start + OBJECTIVE_LINES, len(self.lines)))
        )

    def has_content(self) -> bool:
        return any(line.strip() for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return _fields_of(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentModel:
        return cls(
            kind=data["kind"],
            lang=data.get("lang", "en"),
            lines=list(data.get("lines", [])),
            sections=[Section(**s) for s in data.get("sections", [])],
            contact=Contact(**data.get("contact", {})),
            entries=[Entry(**e) for e in data.get("entries", [])],
            skills=dict(data.get("skills", {})),
            certifications=list(data.get("certifications", [])),
            languages=list(data.get("languages", [])),
            numbers=[NumberFact(**n) for n in data.get("numbers", [])],
        )


@dataclass
class JobFacts:
    """What code reads from a job description: the keyword lists drive coverage and the offline Match."""

    title: str = ""
    company: str = ""
    location: str = ""
    lang: Literal["en", "zh"] = "en"
    must_have: list[str] = _field(default_factory=list)  # canonical skills from the requirements part
    nice_to_have: list[str] = _field(default_factory=list)  # canonical skills from the preferred part
    responsibilities: list[str] = _field(default_factory=list)  # lines as written
    years_required: int | None = None
    degree_required: DegreeLevel = ""
    looks_like_jd: bool = True  # False for text that is plainly not a job description

    def to_json(self) -> dict[str, Any]:
        return _fields_of(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JobFacts:
        return cls(**data)


def _fields_of(model: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(model, f.name)) for f in fields(model)}


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` for these models, without its deep copy of every string: a Match hands its JD's model
    on as JSON before its request, and asdict's copying was a twentieth of the CPU it spends there. The models
    hold dataclasses, lists, dicts and immutable values only; the result shares no container with them."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return _fields_of(value)
    return value
