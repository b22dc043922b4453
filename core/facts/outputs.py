"""Every model output is checked against the document models before it is stored or charged.

A reply that is empty while the documents have content, or that names an employer, school, degree,
certification or skill the documents lack, is a failed attempt: `OutputRejected` is transient, so the engine
retries it, and a job whose every attempt is rejected fails and is refunded exactly once. A JD extraction is
not rejected but corrected from the JD: keywords the JD does not contain are dropped.
Messages name only kinds and counts, never content (they reach logs and job rows).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from core.assets.schema import ResumeSummary
from core.errors import TransientUpstreamError
from core.facts.grounding import Flag, check
from core.facts.model import DocumentModel, JobFacts
from core.facts.text import contains_phrase, fold
from core.facts.vocabulary import get_vocabulary
from core.workbench.schemas import InterviewReply, JobSummary, MatchReply

# Kinds of flag that make a reply invented rather than loosely worded: a name the documents do not hold.
STRICT_KINDS = frozenset({"employer", "school", "degree", "certification", "skill", "language"})


class OutputRejected(TransientUpstreamError):
    """A model reply that is empty or names what the documents lack: a failed attempt, never a success."""

    def __init__(self, what: str, flags: Sequence[Flag] = ()) -> None:
        kinds = sorted({f.kind for f in flags})
        detail = f"{what} rejected by the document check" + (
            f": {len(flags)} flag(s) of {', '.join(kinds)}" if flags else ""
        )
        super().__init__(detail, user_key="error.output_rejected")
        self.flags = list(flags)


def strict(flags: Iterable[Flag]) -> list[Flag]:
    return [f for f in flags if f.kind in STRICT_KINDS]


_ORG_TAIL = frozenset(
    ["inc", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "gmbh", "ag", "plc", "group"]
)


def names_org(folded_text: str, name: str) -> bool:
    """True if the text names this organisation, with or without its legal tail ("Acme Corp." ~ "Acme")."""
    if contains_phrase(folded_text, name):
        return True
    words = fold(name).split()
    while words and words[-1].rstrip(".") in _ORG_TAIL:
        words = words[:-1]
    return bool(words) and contains_phrase(folded_text, " ".join(words))


def check_summary(summary: ResumeSummary, doc: DocumentModel) -> None:
    """An asset summary must have content when the document has, and name only the document's own facts."""
    has_any = summary.roles or summary.education or summary.skills or summary.projects or summary.headline.strip()
    if doc.has_content() and not has_any:
        raise OutputRejected("summary: empty")
    folded = fold(doc.text)
    vocab = get_vocabulary()
    missing: list[Flag] = []
    for role in summary.roles:
        if role.employer.strip() and not names_org(folded, role.employer):
            missing.append(Flag(0, "", "employer", role.employer, None))
    for school in summary.education:
        if school.school.strip() and not names_org(folded, school.school):
            missing.append(Flag(0, "", "school", school.school, None))
    for skill in summary.skills:
        canonical = vocab.canonical_skill(skill.name)
        if not (canonical and canonical in doc.skills) and not contains_phrase(folded, skill.name):
            missing.append(Flag(0, "", "skill", skill.name, None))
    for cert in summary.certifications:
        if cert.strip() and not contains_phrase(folded, cert):
            missing.append(Flag(0, "", "certification", cert, None))
    lines = [summary.headline, *(a for r in summary.roles for a in r.achievements)]
    lines += [p.description for p in summary.projects] + [a for p in summary.projects for a in p.achievements]
    missing += strict(check("\n".join(line for line in lines if line.strip()), [doc]))
    name = summary.contact.name
    if name.strip() and doc.contact.name and fold(name) != fold(doc.contact.name) and not contains_phrase(folded, name):
        missing.append(Flag(0, "", "name", "contact.name", None))
    if missing:
        raise OutputRejected("summary", missing)


def _names(text: str, phrase: str) -> bool:
    """Whether the JD names `phrase`, also when OCR split or glued its words ("North wind Data", "Data
    Platform Engineer(Senior)"): the same letters over whole words, spaces aside."""
    if contains_phrase(fold(text), phrase):
        return True
    letters = [re.escape(c) for c in fold(phrase) if not c.isspace()]
    if not letters:
        return False
    return re.search(r"(?<!\w)" + r"\s?".join(letters) + r"(?!\w)", fold(text)) is not None


def correct_job(summary: JobSummary, jd: DocumentModel, facts: JobFacts) -> JobSummary:
    """The model's JD extraction with every keyword the JD does not contain dropped (the JD's own keywords,
    read by code, stand in when none is left), and a company or title the JD does not name replaced."""
    vocab = get_vocabulary()
    text = jd.text

    def in_jd(keyword: str) -> bool:
        return vocab.find_term(keyword, text) is not None

    must = [k for k in summary.must_have if in_jd(k)]
    nice = [k for k in summary.nice_to_have if in_jd(k)]
    if not must and not nice:  # nothing the model named is in the JD: the JD's own keywords stand in
        must = [vocab.label(c, facts.lang) for c in facts.must_have]
        nice = [vocab.label(c, facts.lang) for c in facts.nice_to_have if c not in facts.must_have]
    company = summary.company if summary.company and _names(text, summary.company) else facts.company
    title = summary.title if summary.title and _names(text, summary.title) else facts.title
    return summary.model_copy(
        update={"must_have": must, "nice_to_have": nice, "company": company, "title": title, "language": facts.lang}
    )


def check_match(reply: MatchReply, documents: Sequence[DocumentModel]) -> list[Flag]:
    """Strengths and the self-pitch speak for the candidate: they may name only what the documents hold."""
    text = "\n".join([*reply.strengths, reply.self_pitch])
    flags = check(text, documents)
    rejected = strict(flags)
    if rejected:
        raise OutputRejected("match", rejected)
    return flags


def check_tailored(markdown: str, documents: Sequence[DocumentModel], job: JobFacts | None) -> list[Flag]:
    """A tailored resume must have content and invent no employer, school, degree, certificate or skill.

    Looser flags (a number or date worded differently) are returned and shown beside the line to edit.
    """
    if len(markdown.strip()) < 20 or not any(ch.isalnum() for ch in markdown):
        raise OutputRejected("tailored resume: empty")
    flags = check(markdown, documents, job)
    rejected = strict(flags)
    if rejected:
        raise OutputRejected("tailored resume", rejected)
    return flags


def check_interview(reply: InterviewReply, documents: Sequence[DocumentModel]) -> list[Flag]:
    """Self-introductions speak for the candidate; questions and tips may name anything."""
    if not reply.self_intro_1min.strip() or not reply.likely_questions:
        raise OutputRejected("interview: empty")
    flags = check("\n".join([reply.self_intro_1min, reply.self_intro_3min]), documents)
    rejected = strict(flags)
    if rejected:
        raise OutputRejected("interview", rejected)
    return flags
