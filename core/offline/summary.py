"""The offline summaries: a resume or career history, and a job description, as the document model reads them.

Nothing is paraphrased: names, titles, dates and bullets are the document's own, and each skill carries
the line that shows it, so the summary can be checked against the file line by line.
"""

from __future__ import annotations

import re
from functools import partial

from core.assets.schema import Contact, Education, Project, ResumeSummary, Role, Skill
from core.facts.model import PRESENT, DocumentModel, Entry, JobFacts
from core.facts.text import column_naming, fold
from core.offline.lookup import (
    clean,
    entry_lines,
    label,
    language_names,
    locate,
    mentions,
    month_index,
    surface,
    title_now,
    unit_of,
)
from core.workbench.schemas import JobSummary


def recency(entry: Entry) -> tuple[int, int]:
    """Sort key, most recent first when negated: an open end beats any date, then the start."""
    end = 10**6 if entry.end == PRESENT else (month_index(entry.end) or month_index(entry.start) or 0)
    return end, month_index(entry.start) or 0


# A role held beside another ("Part-time Customer Support Agent", "兼职讲师", "Volunteer Coordinator"): of two current
# roles, not the one the person is "currently" in.
_SIDE_ROLE = re.compile(r"\b(?:part[- ]time|volunteer|seasonal|per diem|side)\b|兼职|志愿", re.IGNORECASE)


def by_recency(entries: list[Entry]) -> list[Entry]:
    """Entries most recent first (of two still held, a side role after the main one); undated ones keep their
    document order after the dated ones."""
    order = {id(e): n for n, e in enumerate(entries)}

    def side(entry: Entry) -> bool:
        return entry.end == PRESENT and bool(_SIDE_ROLE.search(entry.title))

    return sorted(entries, key=lambda e: (-recency(e)[0], side(e), -recency(e)[1], order[id(e)]))


def bullets_of(doc: DocumentModel, entry: Entry) -> list[str]:
    """The entry's bullets as written (its own list, else its content lines)."""
    if entry.bullets:
        return [clean(b) for b in entry.bullets if clean(b)]
    return [clean(text) for text in entry_lines(doc, entry).texts if clean(text)]


def headline(doc: DocumentModel) -> str:
    """The latest job title as written, else the summary's first line, else the first line past the contact."""
    for entry in by_recency(doc.experience):
        if entry.title.strip():
            return title_now(entry.title)
    for section in doc.sections:
        if section.canonical == "summary":
            for line in doc.lines[section.start : section.end]:
                if clean(line) and clean(line) != section.title.strip():
                    return clean(line)
    # Nothing was recognised: the first line that is not the contact block says what the document is about.
    contact = {fold(v) for v in (doc.contact.name, doc.contact.email, doc.contact.phone) if v}
    for line in doc.lines:
        text = clean(line)
        if text and fold(text) not in contact and not any(c and c in fold(text) for c in contact):
            return text
    return ""


def summarize(doc: DocumentModel, lang: str) -> ResumeSummary:
    """The document model's own view of a resume or career history (lang is the reader's; facts stay as written)."""
    del lang  # facts are quoted as written; no connecting words in a summary
    c = doc.contact
    skills = []
    for canonical, first_line in sorted(doc.skills.items(), key=lambda kv: (kv[1], kv[0])):
        proof = locate(canonical, doc)
        line = proof if proof is not None else first_line
        evidence = (
            clean(column_naming(unit_of(doc, line)[1], partial(mentions, canonical)))
            if 0 <= line < len(doc.lines)
            else ""
        )
        skills.append(Skill(name=surface(canonical, doc, first_line), evidence=evidence))
    return ResumeSummary(
        contact=Contact(name=c.name, email=c.email, phone=c.phone, location=c.location, links=list(c.links)),
        headline=headline(doc),
        skills=skills,
        roles=[
            Role(
                employer=e.org,
                title=e.title,
                start=e.start or "",
                end=e.end or "",
                location=e.location,
                achievements=bullets_of(doc, e),
            )
            for e in by_recency(doc.experience)
        ],
        education=[
            Education(school=e.org, degree=e.title, field=e.field, start=e.start or "", end=e.end or "")
            for e in by_recency(doc.education)
        ],
        projects=[Project(name=e.org, role=e.title, achievements=bullets_of(doc, e)) for e in doc.projects],
        languages=language_names(doc),
        certifications=list(doc.certifications),
    )


_SENIORITY = ("principal", "staff", "lead", "senior", "sr", "junior", "jr", "intern", "head", "chief")
_CJK_SENIORITY = {"首席": "principal", "资深": "senior", "高级": "senior", "初级": "junior", "实习": "intern"}


def seniority(title: str) -> str:
    """The seniority word the job title itself carries ('' when it carries none)."""
    words = title.casefold().replace(".", " ").split()
    for word in _SENIORITY:
        if word in words:
            return {"sr": "senior", "jr": "junior"}.get(word, word)
    return next((level for mark, level in _CJK_SENIORITY.items() if mark in title), "")


def extract_job(jd: DocumentModel, job: JobFacts) -> JobSummary:
    """The job as its facts read it: keywords labelled in the JD's language, responsibilities as written."""
    lang = job.lang if job.lang in ("en", "zh") else jd.lang
    return JobSummary(
        company=job.company,
        title=job.title or next((clean(line) for line in jd.lines if clean(line)), ""),
        location=job.location,
        seniority=seniority(job.title),
        must_have=[label(k, lang) for k in job.must_have],
        nice_to_have=[label(k, lang) for k in job.nice_to_have if k not in job.must_have],
        responsibilities=[clean(r) for r in job.responsibilities if clean(r)],
        language=lang,
    )
