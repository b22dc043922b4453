"""The offline Customize: an extractive tailored resume, the user's own lines selected and reordered for the JD.

Why extractive: every line of the Markdown is a line of the resume (or of the career history, for a keyword
the resume lacks), kept verbatim under the entry it belongs to, so the grounding check has nothing to flag
by construction. Tailoring is choice and order only: bullets ranked by relevance (core/offline/relevance.py),
older roles trimmed to their strongest bullets, skills led by the JD's priorities, projects by relevance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.facts.cert_status import is_pending, pending_only
from core.facts.dates import only_dates
from core.facts.model import DocumentModel, Entry, JobFacts, Section
from core.facts.read import HEADING_MARKS, is_lone_label, latin_wrap, wrapped_item, wrapped_rest
from core.facts.shown import listed_a_little
from core.facts.text import fold, has_cjk
from core.facts.vocabulary import get_vocabulary
from core.facts.wishes import states_availability
from core.offline.documents import ServiceDocuments
from core.offline.lookup import (
    clean,
    entry_lines,
    heads_a_list,
    is_stack_text,
    line_units,
    prove,
    skills_on_lines,
    surface,
    unit_of,
    unknown_listed,
)
from core.offline.relevance import Relevance
from core.offline.summary import by_recency
from core.offline.templates import t
from core.workbench.schemas import AssetKind, BulletSource, CustomizeReply, MatchResultData

RECENT_ROLES = 2  # the most recent roles keep up to RECENT_BULLETS bullets, older ones OLDER_BULLETS
RECENT_BULLETS = 6
OLDER_BULLETS = 3
MAX_PROJECTS = 3
MAX_PROJECT_BULLETS = 3


@dataclass
class Draft:
    """The Markdown being assembled and the origin of each bullet."""

    lines: list[str] = field(default_factory=list)
    sources: list[BulletSource] = field(default_factory=list)

    def heading(self, text: str, level: int = 2) -> None:
        if self.lines:
            self.lines.append("")
        # A header typed with its dates pushed to the right margin by spaces reads as parts, not a gap.
        self.lines.append(f"{'#' * level} {clean(text)}")

    def bullet(self, text: str, asset: AssetKind, section: str) -> None:
        self.lines.append(f"- {text}")
        self.sources.append(BulletSource(bullet=text, asset=asset, section=section, fact=text))

    def bullets_at(self, at: int, texts: list[str], asset: AssetKind, section: str) -> None:
        """Bullets inserted at line `at`: a list written earlier that goes on (a section's certificates)."""
        self.lines[at:at] = [f"- {text}" for text in texts]
        self.sources += [BulletSource(bullet=text, asset=asset, section=section, fact=text) for text in texts]

    def markdown(self) -> str:
        return "\n".join(self.lines).strip() + "\n"


def section_title(doc: DocumentModel, canonical: str, fallback_key: str) -> str:
    """The document's own heading for a section (as written), else the template's word in its language."""
    for section in doc.sections:
        if section.canonical == canonical and section.title.strip():
            return section.title.strip().rstrip(":：")
    return t(doc.lang, fallback_key)


def experience_groups(doc: DocumentModel, roles: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """The roles (most recent first) under the headings the resume gives them: a graduate's "RESEARCH EXPERIENCE"
    and "WORK EXPERIENCE" stay two sections, the one holding the latest role first, so an internship at a company is
    not filed under research. One heading (or none) gives one section."""
    sections = [s for s in doc.sections if s.canonical == "experience" and s.title.strip()]
    if len({fold(s.title) for s in sections}) <= 1:
        return [(section_title(doc, "experience", "md_experience"), roles)] if roles else []
    groups: dict[str, list[Entry]] = {}
    for entry in roles:
        home = next((s for s in sections if s.start <= entry.line_start < s.end), None)
        heading = home.title.strip().rstrip(":：") if home else t(doc.lang, "md_experience")
        groups.setdefault(heading, []).append(entry)
    return list(groups.items())


def _with_their_employer(roles: list[Entry], recent: list[Entry]) -> list[Entry]:
    """`roles` (the document's order) most recent first as `recent` orders them, the roles written one after another
    under one employer kept together in the document's order: "Managing Editor, 2025 – Present" over "Staff Writer,
    2022 – 2024" and their shared bullets stay one block, not split by a summer internship of 2025."""
    blocks: list[list[Entry]] = []
    for entry in roles:
        if blocks and entry.org and fold(entry.org) == fold(blocks[-1][-1].org):
            blocks[-1].append(entry)
        else:
            blocks.append([entry])
    order = {id(entry): n for n, entry in enumerate(recent)}
    blocks.sort(key=lambda block: min(order[id(entry)] for entry in block))
    return [entry for block in blocks for entry in block]


def entry_label(entry: Entry) -> str:
    return " · ".join(part for part in (entry.org, entry.title) if part)


def ordered_skills(doc: DocumentModel, job: JobFacts) -> list[str]:
    """The skills the document lists, as it writes them, led by the JD's must-haves then nice-to-haves.

    A JD skill the document proves outside its skills list (in a bullet) is listed too: it is the user's
    own fact, and the list is where a recruiter looks for it.
    """
    headings = {section.start for section in doc.sections}
    listed_lines = [i for i in doc.section_lines("skills") if i not in headings]  # "技能" over an unmarked line
    listed = (
        skills_on_lines(doc, listed_lines, each_form=True)
        if listed_lines
        else skills_on_lines(doc, sorted(set(doc.skills.values())))
    )
    written: dict[str, str] = {}
    for canonical, shown in listed:
        written.setdefault(canonical, shown)
    first: list[str] = []
    for keyword in dict.fromkeys([*job.must_have, *job.nice_to_have]):
        if keyword in written:
            first.append(written[keyword])
        elif keyword in doc.skills:
            first.append(surface(keyword, doc, doc.skills[keyword]))
    out: list[str] = []
    worked_towards = pending_only([doc], get_vocabulary())
    for shown in [*first, *(shown for _, shown in listed), *unknown_listed(doc, listed_lines)]:
        shown = _as_the_document_says(shown, worked_towards)
        if fold(shown) not in {fold(o) for o in out} and not listed_a_little(shown, doc.lines):
            out.append(shown)
    return out


def _as_the_document_says(shown: str, worked_towards: dict[str, str]) -> str:
    """A skill whose name is a certificate the document only works towards ("Lean Six Sigma Green Belt (in
    progress)") keeps the words that say so: the list is no place to hold it."""
    if not worked_towards:
        return shown
    for hit in get_vocabulary().certifications_in(shown):
        if hit.canonical in worked_towards and not is_pending(shown, hit, get_vocabulary()):
            return worked_towards[hit.canonical]
    return shown


def _write_entry(
    draft: Draft,
    doc: DocumentModel,
    entry: Entry,
    keep: int,
    rel: Relevance,
    asset: AssetKind,
    used: set[str],
    employer_above: str = "",
) -> None:
    """`employer_above`: the employer of the role written just before, whose heading this role's header may sit under
    (a header that does not name its employer, as the resume writes it)."""
    parts = entry_lines(doc, entry)
    header = [clean(_without_section_label(doc, i)) for i in parts.header if not is_lone_label(doc.lines[i])]
    header = [line for line in header if line]
    under_the_last = bool(entry.org and employer_above) and fold(entry.org) == fold(employer_above)
    _write_header(draft, header, under_the_last and not any(fold(entry.org) in fold(line) for line in header))
    # a sub-heading over the role's list ("工作内容：", "Key achievements:") heads it in the document, never a deed
    texts = [clean(text) for text in parts.texts if clean(text) and not is_lone_label(clean(text))]
    # A list of the tools used ("Technologies: Go, Kafka") keeps its place, first or last, and takes no bullet's room.
    tools = [i for i, text in enumerate(texts) if is_stack_text(text)]
    deeds = [i for i in range(len(texts)) if i not in tools]
    ranked = [deeds[n] for n in rel.rank([texts[i] for i in deeds])[:keep]]
    for index in [*(i for i in tools if i == 0), *ranked, *(i for i in tools if i != 0)]:
        if fold(texts[index]) not in used:
            used.add(fold(texts[index]))
            draft.bullet(texts[index], asset, entry_label(entry))


def _without_section_label(doc: DocumentModel, index: int) -> str:
    """A header line less the section's label it opens with ("教育经历：2011.09 - 2014.06  安徽商贸职业技术学院")."""
    line = doc.lines[index]
    for section in doc.sections:
        if section.start == index and line.lstrip().startswith(section.title):
            rest = line.lstrip()[len(section.title) :]
            if rest[:1] in (":", "："):
                return rest[1:].strip()
    return line


def _unwrapped(header: list[str]) -> list[str]:
    """The header's lines with what a narrow column wrapped (a range's rest, an aside's) joined back to its line."""
    out: list[str] = []
    for line in header:
        if out and wrapped_rest(out[-1], line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _write_header(draft: Draft, header: list[str], under_the_last: bool = False) -> None:
    """An entry's header as its heading; a line of dates alone joins the heading ("### 苏州恒力… · 财务主管 |
    2022.03-至今"), not left as the heading (a bare date) or as a loose line under it. `under_the_last`: a role the
    resume writes under the employer heading just written ("Staff Writer, August 2022 - December 2024" under "The
    Maneater"): its lines, set apart, under that heading."""
    header = _unwrapped(header)
    if under_the_last and header:
        draft.lines += ["", *header]
        return
    words = [line for line in header if not only_dates(line)]
    if not words or len(words) == len(header):
        if header:
            draft.heading(header[0], 3)
            draft.lines += header[1:]
        return
    draft.heading(" | ".join([words[0], *(line for line in header if only_dates(line))]), 3)
    draft.lines += words[1:]


def _from_history(draft: Draft, resume: DocumentModel, detailed: DocumentModel, job: JobFacts, used: set[str]) -> None:
    """Lines of the career history proving keywords the resume lacks, under their own entry's header."""
    proofs = [p for p in prove([*job.must_have, *job.nice_to_have], resume, detailed) if p.status == "detailed"]
    picked: dict[int, list[int]] = {}
    for proof in proofs:
        if proof.line is None:
            continue
        first, text = unit_of(detailed, proof.line)  # the whole bullet a wrap may have split
        if fold(clean(text)) in used:
            continue
        owner = detailed.entry_of_line(first)
        lines = picked.setdefault(-1 if owner is None else owner, [])
        if first not in lines:
            lines.append(first)
    if not picked:
        return
    draft.heading(t(detailed.lang, "md_more"))
    for owner in sorted(picked):
        entry = detailed.entries[owner] if owner >= 0 else None
        if entry is not None:
            _write_header(
                draft,
                [clean(detailed.lines[i]) for i in entry_lines(detailed, entry).header if clean(detailed.lines[i])],
            )
        for line in picked[owner]:
            text = clean(unit_of(detailed, line)[1])
            used.add(fold(text))
            draft.bullet(text, "detailed_resume", entry_label(entry) if entry else t(detailed.lang, "md_more"))


def _plain_section(
    draft: Draft, doc: DocumentModel, canonical: str, fallback_key: str, asset: AssetKind = "resume"
) -> None:
    """A section copied as written (languages, certifications, awards: no model of their own). A later one of the
    kind that names accomplishments is copied too, under its own heading: a career changer's "RELEVANT SKILLS &
    ACCOMPLISHMENTS" under her "PROFILE" holds every deed she wrote."""
    first = True
    for section in doc.sections:
        if section.canonical == canonical and (first or _ACCOMPLISHMENTS.search(section.title)):
            title = section_title(doc, canonical, fallback_key) if first else section.title.strip().rstrip(":：")
            _copy_section(draft, doc, section, title, asset)
            first = False


_ACCOMPLISHMENTS = re.compile(r"accomplish|achievement|highlight|transferable|成就|业绩", re.IGNORECASE)


def _copy_section(draft: Draft, doc: DocumentModel, section: Section, title: str, asset: AssetKind) -> None:
    """One section's lines as written, under `title` (nothing when it holds no line but its heading)."""
    heading = [(-1, clean(line)) for line in doc.lines[section.start : section.start + 1]]  # inline content
    lines = doc.lines[section.start + 1 : section.end]
    units = [(i, clean(text)) for i, text in _listed_units(doc, lines, prose=section.canonical == "summary")]
    title_words = section.title.strip().rstrip(":：")
    # "■ 代表性研究报告": the heading's own words again
    body = [  # compared without case: a small-caps heading read as "Selected MatterS" is its title "Selected Matters"
        (i, text)
        for i, text in [*heading, *units]
        if text and fold(text.strip(HEADING_MARKS).rstrip(":：")) != fold(title_words)
    ]
    if body:
        draft.heading(title)
        for index, text in body:
            if index >= 0 and heads_a_list(lines, index, text):
                draft.heading(text, 3)
            else:
                draft.bullet(text, asset, title)


_BOILERPLATE = re.compile(r"declaration|本人声明|声明", re.IGNORECASE)  # "I hereby declare that…"


def _kept_as_written(doc: DocumentModel, section: Section) -> bool:
    """A section no model reads ("BOARD & ADVISORY ROLES", "SPEAKING", "PROFESSIONAL MEMBERSHIPS", a projects section
    of undated items), copied as written: not one whose lines a role or a school holds, nor two columns' headings
    flattened into one line ("SKILLS EXPERIENCE": its lines are the columns' lines side by side)."""
    if any(section.start < e.line_end and e.line_start < section.end for e in doc.entries):
        return False
    if section.canonical == "projects":
        return True  # undated items ("SELECTED MATTERS": a paralegal's cases) that made no project entry
    if section.canonical != "other" or _BOILERPLATE.search(section.title):
        return False
    vocab = get_vocabulary()
    named = [w for w in re.split(r"[\s&/|]+", section.title) if w and vocab.section_of(w) not in (None, "other")]
    return len(named) < 2


def _lead_paragraph(doc: DocumentModel) -> list[str]:
    """The sentences a resume opens with under its contact lines, before its first heading: a senior candidate's
    "Engineering executive with 15 years…" over "SELECTED ACHIEVEMENTS". Never the name, a contact line or a short
    tagline (a title the person wants)."""
    if not doc.sections:
        return []
    c = doc.contact
    contact = [v for v in (c.name, c.email, c.phone, c.location, *c.links) if v]
    paragraphs: list[list[str]] = []
    previous = -2
    for index, line in enumerate(doc.lines[: doc.sections[0].start]):
        text = clean(line)
        goes_on = index == previous + 1 and bool(paragraphs)  # a paragraph a narrow column wrapped
        if not text or any(value in text for value in contact) or _POSTCODE.search(text) or _TAGLINE.search(text):
            continue
        if not goes_on and (_LABELLED.match(text) or not _prose(text, doc.lang)):
            continue  # "Address: 14 Harcourt Road…", "Objective: …", a tagline of the posts wanted
        if goes_on:
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
        previous = index
    return [" ".join(lines) if doc.lang != "zh" else "".join(lines) for lines in paragraphs]


# A summary's own heading ("PROFESSIONAL SUMMARY", "Profile", "个人简介"), not "SELECTED ACHIEVEMENTS" read as one.
_SUMMARY_TITLE = re.compile(r"summary|profile|about|overview|简介|概述|概况|总结|优势|自我评价", re.IGNORECASE)
_LABELLED = re.compile(r"^[^:：]{1,20}[:：]")
# A headline's parts: "Policy Analyst | Housing & Labor Economics", "男 ｜ 31岁 ｜ 大专", "注册专员 / RA Specialist"
_TAGLINE = re.compile(r"[|｜]|\s/\s|[男女]\s*[｜|,，]|\d{2}岁")


def _prose(text: str, lang: str) -> bool:
    """A sentence or more: twelve words, or a Chinese clause with its punctuation."""
    if lang == "zh" and has_cjk(text):
        return len(text) >= 20 and any(mark in text for mark in "，。；")
    return len(text.split()) >= 12


_POSTCODE = re.compile(r"\b[A-Z]{2}\s?\d{5}\b|\b\d{6}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b")


def _outside_entries(doc: DocumentModel, canonical: str) -> list[str]:
    """Lines of a kind of section that no entry of it holds, as written: a certificate course under a degree
    ("Certificate in Human Resource Management, eCornell, 2024"), no school's entry of its own."""
    held = {i for entry in doc.entries for i in range(entry.line_start, entry.line_end)}
    headings = {section.start for section in doc.sections}
    vocab = get_vocabulary()
    return [
        clean(doc.lines[i])
        for i in doc.section_lines(canonical)
        if i not in held
        and i not in headings
        and clean(doc.lines[i])
        # a credential or a school's name, not a line another column's text left here
        and (_CREDENTIAL_WORDS.search(doc.lines[i]) or vocab.degrees_in(doc.lines[i]))
        and not _column_labels(doc.lines[i])
    ]


# The labels over an education table's columns ("Qualification   Institute / Board   Year   Score").
_COLUMN_LABEL = frozenset(
    (
        "qualification", "degree", "course", "examination", "exam", "class", "board", "institute", "institution",
        "university", "college", "school", "year", "of", "passing", "score", "marks", "percentage", "cgpa", "gpa",
        "grade", "result", "duration", "学历", "学校", "专业", "时间", "成绩",
    )
)  # fmt: skip
_COLUMN_GAP = re.compile(r"[ \t]{2,}|\s*[|｜/]\s*|\t")


def _column_labels(line: str) -> bool:
    """True for a table's header row: every field a column's label, none a value."""
    fields = [f.strip().lower() for f in _COLUMN_GAP.split(line.strip()) if f.strip()]
    return len(fields) >= 2 and all(word in _COLUMN_LABEL for f in fields for word in f.split())


_CREDENTIAL_WORDS = re.compile(
    r"\b(?:certificate|certification|diploma|coursework|course|university|college|institute|school|academy)\b"
    r"|大学|学院|证书|课程",
    re.IGNORECASE,
)


def _listed_units(doc: DocumentModel, lines: list[str], prose: bool) -> list[tuple[int, str]]:
    """A section's items as the reader groups them (the index of each one's first line, its text), with an item a
    PDF's column wrapped at a capital joined back to its start (a licence's board and number under its name): a
    list's items carry no marks to tell them apart."""
    units = line_units(lines, prose=prose, doc=doc)
    if len(units) > 1 and _CAPITALS_ONLY.fullmatch(units[-1][1].strip()):
        units = units[:-1]  # "DENTAL OFFICE MANAGER" under a sidebar's last item: the next column's heading
    wrap = None if prose else latin_wrap(tuple(doc.lines))
    out: list[tuple[int, str]] = []
    for index, text in units:
        hangs = bool(out) and _OPEN_END.search(out[-1][1]) is not None  # "…, 2019–" + "2024 (annual)"
        wrapped = (
            wrap is not None and index > 0 and lines[index - 1].strip() and wrapped_item(lines[index - 1], text, wrap)
        )
        if out and (hangs or wrapped):
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {text.strip()}")
        else:
            out.append((index, text))
    return out


_CAPITALS_ONLY = re.compile(r"[A-Z][A-Z &/-]+[A-Z]")
# An item cut after a dash or an open range: "Give Kids A Smile Day —", "Ohio Dental Association, 2019–".
_OPEN_END = re.compile(r"(?:\d{4}\s*[–—-]|\s[–—])\s*$")


def _not_named_in(lines: list[str], certs: list[str]) -> list[str]:
    """The certificates no line names, under any of their names ("CPA Candidate" beside "CPA Exam (Ohio): FAR –
    passed" is the same licence)."""
    vocab = get_vocabulary()
    named = {hit.canonical for hit in vocab.certifications_in("\n".join(lines))}
    return [c for c in certs if not {hit.canonical for hit in vocab.certifications_in(c)} & named]


def _undated_experience(draft: Draft, doc: DocumentModel) -> None:
    """Experience sections that hold no dated role, copied as written: a student's "CLINICAL AFFILIATIONS", a
    site and its weeks a line, are supervised practice a recruiter reads, not lines to drop."""
    for section in doc.sections:
        holds_a_role = any(section.start <= entry.line_start < section.end for entry in doc.entries)
        if section.canonical == "experience" and section.title.strip() and not holds_a_role:
            _copy_section(draft, doc, section, section.title.strip().rstrip(":："), "resume")


def customize(docs: ServiceDocuments, match: MatchResultData) -> CustomizeReply:
    """A tailored resume made only of the user's own lines; `match` and the language do not change its facts."""
    del match  # the JD's priorities come from `job`; headings follow the resume's own language
    resume, detailed, jd, job = docs.resume, docs.detailed, docs.jd, docs.job
    rel = Relevance(jd, job)
    draft = Draft()
    used: set[str] = set()
    c = resume.contact
    if c.name:
        draft.heading(c.name, 1)
    contact = [v for v in (c.email, c.phone, c.location, *c.links) if v]
    if contact:
        draft.lines.append(" · ".join(contact))
    lead = _lead_paragraph(resume)
    own_summary = any(
        section.canonical == "summary" and _SUMMARY_TITLE.search(section.title) for section in resume.sections
    )
    # Lines over a summary of the resume's own, and a line of work authorisation ("Open to relocation to the US (…will
    # require H-1B sponsorship)") anywhere, stay under the contact line as written: no summary.
    for text in [text for text in lead if own_summary or states_availability(text)]:
        draft.lines += ["", text]  # a paragraph of its own, not run into the contact line
        lead.remove(text)
    if lead:  # "Engineering executive with 15 years…" under the contact line, a "SELECTED ACHIEVEMENTS" heading below
        title = t(resume.lang, "md_summary")
        draft.heading(title)
        for text in lead:
            draft.bullet(text, "resume", title)
    _plain_section(draft, resume, "summary", "md_summary")
    skills = ordered_skills(resume, job)
    if skills:
        draft.heading(section_title(resume, "skills", "md_skills"))
        draft.lines.append(("、" if resume.lang == "zh" else " · ").join(skills))
    recent = by_recency(resume.experience)
    roles = _with_their_employer(resume.experience, recent)
    rank = {id(entry): n for n, entry in enumerate(recent)}
    for heading, group in experience_groups(resume, roles):
        draft.heading(heading)
        employer = ""
        for entry in group:
            keep = RECENT_BULLETS if rank[id(entry)] < RECENT_ROLES else OLDER_BULLETS
            _write_entry(draft, resume, entry, keep, rel, "resume", used, employer)
            employer = entry.org
    _undated_experience(draft, resume)
    if detailed is not None:
        _from_history(draft, resume, detailed, job, used)
    projects = resume.projects
    if projects:
        scores = [sum(rel.scores(entry_lines(resume, p).texts)) for p in projects]
        ranked = sorted(range(len(projects)), key=lambda i: (-round(scores[i], 3), i))[:MAX_PROJECTS]
        draft.heading(section_title(resume, "projects", "md_projects"))
        for index in ranked:
            _write_entry(draft, resume, projects[index], MAX_PROJECT_BULLETS, rel, "resume", used)
    schools = by_recency(resume.education)
    if schools:
        draft.heading(section_title(resume, "education", "md_education"))
        for entry in schools:
            _write_entry(draft, resume, entry, len(entry.bullets) or 2, rel, "resume", used)
        for line in _outside_entries(resume, "education"):
            draft.heading(line, 3)  # written as a school's line is: one of the section's own, not the degree's
    certs_from = len(draft.lines)
    _plain_section(draft, resume, "certifications", "md_certifications")
    certs_end = len(draft.lines)  # the resume's own certificates section, if it was written
    _plain_section(draft, resume, "languages", "md_languages")
    # A new graduate's prizes and a researcher's papers are facts a recruiter reads; they are kept as written.
    _plain_section(draft, resume, "activities", "md_activities")
    _plain_section(draft, resume, "awards", "md_awards")
    _plain_section(draft, resume, "publications", "md_publications")
    for section in resume.sections:  # "BOARD & ADVISORY ROLES", "SPEAKING": facts no model reads, kept as written
        if _kept_as_written(resume, section):
            _copy_section(draft, resume, section, section.title.strip().rstrip(":："), "resume")
    written = fold("\n".join(draft.lines))
    listed = fold("\n".join(resume.lines[i] for i in resume.section_lines("skills")))
    # Not already shown in another line, unless the resume listed it with its skills ("LICENSES & SKILLS"), which the
    # tailored skills line keeps no certificate of: a licence named only in a sentence is easy to miss.
    unwritten = [c for c in resume.certifications if fold(c) not in written]
    certs = [c for c in resume.certifications if c in unwritten or fold(c) in listed]
    if certs_end > certs_from:  # "执业资格：法律职业资格证书…" written; "英语六级" only in a skills sentence
        lacking = _not_named_in(draft.lines[certs_from:certs_end], unwritten)
        title = section_title(resume, "certifications", "md_certifications")
        draft.bullets_at(certs_end, lacking, "resume", title)
    elif certs and not any(s.canonical == "certifications" for s in resume.sections):
        draft.heading(t(resume.lang, "md_certifications"))
        for cert in certs:
            draft.bullet(cert, "resume", t(resume.lang, "md_certifications"))
    if not draft.sources and resume.has_content():
        # Nothing was recognised as a role, a skill or a section: the document's own lines, as written.
        shown = fold("\n".join(draft.lines))
        draft.lines += ["", *(clean(line) for line in resume.lines if clean(line) and fold(clean(line)) not in shown)]
    return CustomizeReply(markdown=draft.markdown(), sources=draft.sources)
