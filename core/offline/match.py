"""The offline Match: a score by a formula the user can read, strengths that quote the proving line, gaps
with an action from the knowledge base, and a self-pitch made of the user's own strongest facts.

Score = 60% skills + 25% experience + 15% education (each 0-100):
- skills: required keywords weigh 2, preferred 1; a keyword on the resume counts 1, one found only in the
  career history 0.5 (true, but not yet where a recruiter reads);
- experience: years from the dated roles (overlaps once; an open end counted to `as_of`) over years required;
- education: 100 when the highest degree reaches the one asked, 50 one level below, 0 otherwise.
Breakdown beside it: role fit = shared words between the JD's title and responsibilities and the user's titles
and bullets; soft skills = the share of the soft skills the JD names that the resume shows (role fit when it
names none). The weights follow the knowledge base's own fit rule (the must-haves decide; experience and
degree are gates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.facts.cert_status import in_short, lapsed, not_held_only, pending_only
from core.facts.coverage import either_groups, settled
from core.facts.languages import MULTILINGUAL
from core.facts.model import PRESENT, DocumentModel, JobFacts
from core.facts.shown import known_a_little
from core.facts.text import contains_phrase, fold, has_cjk
from core.facts.vocabulary import get_vocabulary
from core.facts.work_authorization import sponsorship_conflict
from core.offline.advice import Advisor
from core.offline.articles import with_article
from core.offline.documents import ServiceDocuments
from core.offline.lookup import (
    DEGREE_RANK,
    Proof,
    choice_named_as_in,
    current_month,
    degree_label,
    entry_lines,
    experience_years,
    highest_degree,
    is_experience_line,
    is_soft_skill,
    label,
    prove,
    spoken_name,
    surface,
    title_now,
)
from core.offline.relevance import Relevance, tokens
from core.offline.summary import by_recency
from core.offline.templates import lang_of, span, t
from core.retrieval import Passage
from core.workbench.schemas import Breakdown, Gap, MatchReply

W_SKILLS, W_EXPERIENCE, W_EDUCATION = 60, 25, 15
STATUS_VALUE = {"resume": 1.0, "detailed": 0.5, "missing": 0.0}
MAX_STRENGTHS = 6
MAX_GAPS = 6
PITCH_FACTS = 2
PITCH_SKILLS = 4


@dataclass
class Fit:
    """Everything Match computes before it writes: reused by Customize and Interview."""

    must: list[Proof]
    nice: list[Proof]
    skills: float
    years: float
    experience: float
    education: float
    have_degree: str
    role_fit: float
    as_of: str

    @property
    def score(self) -> int:
        return round(W_SKILLS * self.skills + W_EXPERIENCE * self.experience + W_EDUCATION * self.education)


# Soft skills a JD asks for, each with the word stems that show it (in the JD, and in the resume's own lines).
SOFT_SKILLS: dict[str, tuple[str, ...]] = {
    "communication": ("communicat", "present", "沟通", "表达", "汇报"),
    "teamwork": ("teamwork", "collaborat", "cross functional", "partner", "团队合作", "协作", "协调"),
    "leadership": ("leadership", "lead ", "led ", "mentor", "带领", "领导", "指导"),
    "ownership": ("ownership", "own ", "drive", "负责", "推动", "主导"),
}


def soft_skills(resume: DocumentModel, jd: DocumentModel) -> float | None:
    """Share of the soft skills the JD names that the resume's lines show; None when the JD names none."""
    jd_text, own = fold(jd.text) + " ", fold(resume.text) + " "
    asked = [stems for stems in SOFT_SKILLS.values() if any(stem in jd_text for stem in stems)]
    if not asked:
        return None
    return sum(1 for stems in asked if any(stem in own for stem in stems)) / len(asked)


def _skills_ratio(must: list[Proof], nice: list[Proof]) -> float | None:
    total = 2 * len(must) + len(nice)
    if total == 0:
        return None
    got = 2 * sum(STATUS_VALUE[p.status] for p in must) + sum(STATUS_VALUE[p.status] for p in nice)
    return got / total


def _role_fit(resume: DocumentModel, detailed: DocumentModel | None, job: JobFacts) -> float:
    """Shared words between the JD's title and the user's titles, and between its responsibilities and bullets."""
    docs = [d for d in (resume, detailed) if d is not None]
    parts: list[float] = []
    wanted = tokens(job.title)
    if wanted:
        titles = [tokens(e.title) for d in docs for e in d.experience]
        parts.append(max((len(wanted & have) / len(wanted) for have in titles), default=0.0))
    lines = [tokens(text) for d in docs for e in d.entries for text in entry_lines(d, e).texts]
    duties = [tokens(r) for r in job.responsibilities if tokens(r)]
    if duties and lines:
        parts.append(sum(min(1.0, max(len(d & ln) for ln in lines) / min(len(d), 4)) for d in duties) / len(duties))
    return sum(parts) / len(parts) if parts else 0.0


def assess(
    resume: DocumentModel, detailed: DocumentModel | None, jd: DocumentModel, job: JobFacts, as_of: str | None = None
) -> Fit:
    """The numbers behind Match, computed from the documents alone."""
    must = prove(list(dict.fromkeys(job.must_have)), resume, detailed)
    nice = prove([k for k in dict.fromkeys(job.nice_to_have) if k not in job.must_have], resume, detailed)
    if any(p.status == "missing" for p in [*must, *nice]):  # "Python 或 R": R is no gap for a Python user
        groups = either_groups(jd)
        statuses = {p.keyword: p.status for p in [*must, *nice]}
        left_out = settled(statuses, groups, jd, [resume, detailed])
        must, nice = [p for p in must if p.keyword not in left_out], [p for p in nice if p.keyword not in left_out]
        must, nice = one_per_choice(must, groups), one_per_choice(nice, groups)
    as_of = as_of or current_month()
    entries = resume.experience + (detailed.experience if detailed else [])
    years = experience_years(entries, as_of)
    experience = min(1.0, years / job.years_required) if job.years_required else 1.0 if entries else 0.5
    have = highest_degree(resume) or highest_degree(detailed)
    need_rank, have_rank = DEGREE_RANK.get(job.degree_required, 0), DEGREE_RANK.get(have, 0)
    education = 1.0 if have_rank >= need_rank else 0.5 if have_rank and have_rank == need_rank - 1 else 0.0
    role_fit = _role_fit(resume, detailed, job)
    skills = _skills_ratio(must, nice)
    return Fit(must, nice, role_fit if skills is None else skills, years, experience, education, have, role_fit, as_of)


def one_per_choice(proofs: list[Proof], groups: list[frozenset[str]]) -> list[Proof]:
    """A choice the documents meet in no way is one missing keyword, its other skills its alternatives: "a cloud
    warehouse (Snowflake, BigQuery or Redshift)" is one gap and one point of the score, not three."""
    vocab = get_vocabulary()
    canonical = {p.keyword: vocab.canonical_skill(p.keyword) or fold(p.keyword) for p in proofs}
    out: list[Proof] = []
    merged: set[str] = set()
    for proof in proofs:
        if proof.keyword in merged:
            continue
        group = next((g for g in groups if canonical[proof.keyword] in g), None) if proof.status == "missing" else None
        others = [
            q.keyword
            for q in proofs
            if group is not None and q is not proof and q.status == "missing" and canonical[q.keyword] in group
        ]
        merged.update(others)
        out.append(replace(proof, alternatives=tuple(others)) if others else proof)
    return out


def _quote(text: str, lang: str) -> str:
    return t(lang, "quote", text=text.rstrip("。.;；"))


def _formula(fit: Fit, job: JobFacts, lang: str) -> str:
    years_note = (
        t(lang, "formula_years", years=job.years_required) if job.years_required else t(lang, "formula_years_none")
    )
    degree_note = (
        t(lang, "formula_degree", degree=degree_label(job.degree_required, lang))
        if job.degree_required
        else t(lang, "formula_degree_none")
    )
    return t(
        lang,
        "formula",
        w_skills=W_SKILLS,
        skills=round(100 * fit.skills),
        w_exp=W_EXPERIENCE,
        exp=round(100 * fit.experience),
        w_edu=W_EDUCATION,
        edu=round(100 * fit.education),
        score=fit.score,
        as_of=t(lang, "formula_as_of", as_of=fit.as_of) if fit.as_of else "",
        years_note=years_note,
        degree_note=degree_note,
    )


@dataclass(frozen=True)
class LatestRole:
    """The most recent role as written ("Title at Org", or the employer alone), and when it ran; empty `role`
    when there is none."""

    role: str = ""
    start: str = ""
    end: str = ""  # PRESENT, a date, or "" when the resume writes no end
    titled: bool = True  # False when only the employer is known: "I work at X", never "I'm X"

    @property
    def ongoing(self) -> bool:
        """A role with no end written is taken as the current one ("2021-03 –")."""
        return self.end in ("", PRESENT)

    def dates(self, lang: str) -> str:
        """ " (since 2021-03)" for the current role, " (2025-07 – 2025-10)" for one that has ended."""
        if not self.start:
            return ""
        return t(lang, "since", start=self.start) if self.ongoing else span(lang, self.start, self.end)

    def wording(self, usage: str) -> str:
        """The template for `usage` ("pitch", "intro"): an intern whose internship ended is not "currently" one."""
        return f"{usage}_{'now' if self.ongoing else 'past'}{'' if self.titled else '_org'}"

    def phrase(self, lang: str) -> str:
        """The role inside a sentence: "as Senior PM at HubSpot", "at HubSpot"."""
        return t(lang, "latest_as" if self.titled else "latest_at", role=self.role)


def latest_role(doc: DocumentModel | None, lang: str) -> LatestRole:
    """The most recent role, as written."""
    for entry in by_recency(doc.experience if doc else []):
        title = with_article(title_now(entry.title), lang) if entry.title else ""
        if entry.title and entry.org:
            return LatestRole(t(lang, "at", title=title, org=entry.org), entry.start or "", entry.end or "")
        if entry.title or entry.org:
            return LatestRole(title or entry.org, entry.start or "", entry.end or "", bool(entry.title))
    return LatestRole()


def _strengths(
    fit: Fit, resume: DocumentModel, detailed: DocumentModel | None, job: JobFacts, rel: Relevance, lang: str
) -> list[str]:
    out: list[str] = []
    for proof in [*fit.must, *fit.nice]:
        quote = proof.quote(resume, detailed)
        if proof.status != "missing" and quote and len(out) < MAX_STRENGTHS - 1:
            name = surface(proof.keyword, resume if proof.status == "resume" else detailed or resume, proof.line)
            out.append(t(lang, "strength_skill", label=name, quote=_quote(quote, lang)))
    # Years count toward the role's only where some of the work is the role's: a teacher's ten years do not "meet
    # the 8+ years" of a backend posting none of whose hard skills the documents show. Shared words of title and
    # duties count only for a posting that names no hard skill: a structural engineer's "负责…设计" shares words with
    # an embedded posting's duties and none of its skills.
    hard = [p for p in fit.must if not is_soft_skill(p.keyword)]
    in_the_field = any(p.status != "missing" for p in hard) if hard else fit.role_fit > 0
    if job.years_required and fit.experience >= 1.0 and in_the_field:
        latest = latest_role(resume, lang)
        if latest.role:
            have, since = round(fit.years, 1), latest.dates(lang)
            role = latest.phrase(lang)
            out.append(t(lang, "strength_years", have=have, role=role, since=since, years=job.years_required))
    if not out:
        texts = [text for e in resume.entries if e.kind != "education" for text in entry_lines(resume, e).texts]
        for index in rel.rank(texts)[:3]:
            out.append(t(lang, "strength_line", quote=_quote(texts[index].strip(" -•*"), lang)))
    if not out and resume.has_content():
        first = next(line.strip() for line in resume.lines if line.strip())
        out.append(t(lang, "strength_line", quote=_quote(first, lang)))
    return out


def gap_action(advisor: Advisor, keyword: str, step: str, lang: str) -> str:
    """A knowledge-base sentence naming the keyword, else the gap's own `step` followed by the knowledge base's
    general method."""
    advice, named = advisor.action(keyword)
    if named:
        return advice
    return f"{step}{'。' if lang == 'zh' else '. '}{advice}" if advice else step


def _skill_action(advisor: Advisor, keyword: str, name: str, lang: str) -> str:
    """What to do about a keyword the documents lack: a certificate is held or not (no project or course makes
    one), a soft skill is a story to prepare, anything else an example to build."""
    if get_vocabulary().knows("certification", keyword):
        step = "action_credential"
    elif keyword == MULTILINGUAL:
        step = "action_language"  # a language is spoken or not: no story or course makes it
    else:
        step = "action_soft" if is_soft_skill(keyword) else "action_default"
    return gap_action(advisor, keyword, t(lang, step, label=name), lang)


def _gaps(
    fit: Fit,
    resume: DocumentModel,
    detailed: DocumentModel | None,
    jd: DocumentModel,
    job: JobFacts,
    lang: str,
    advisor: Advisor,
) -> list[Gap]:
    gaps: list[Gap] = sponsorship_gap(resume, detailed, jd, lang)
    worked_towards = pending_only([resume, detailed], get_vocabulary())  # "CPA Candidate": not held, not absent
    # Soft skills the documents do not state are one gap, not one each: stories to prepare, and the room in the
    # list left to the skills and experience a user can build.
    soft = [p for p in fit.must if p.status == "missing" and is_soft_skill(p.keyword) and p.keyword != MULTILINGUAL]
    for proof in fit.must:
        name = choice_named_as_in(proof, jd, lang)
        if proof.status == "missing" and (towards := _worked_towards(proof, worked_towards)):
            gaps.append(_not_held_gap(name, towards, lang, ""))
        elif proof.status == "missing" and len(soft) >= 2 and proof in soft:
            if proof is soft[0]:
                names = ("、" if lang == "zh" else ", ").join(choice_named_as_in(p, jd, lang) for p in soft)
                step = t(lang, "action_soft_each", label=names)
                gaps.append(Gap(gap=t(lang, "gap_missing", label=names), action=gap_action(advisor, "", step, lang)))
        elif proof.status == "missing":
            gaps.append(
                Gap(gap=t(lang, "gap_missing", label=name), action=_skill_action(advisor, proof.keyword, name, lang))
            )
        elif proof.status == "detailed":
            action = t(lang, "action_detailed", quote=_quote(proof.quote(resume, detailed), lang))
            gaps.append(Gap(gap=t(lang, "gap_detailed", label=name), action=action))
    if job.years_required and fit.experience < 1.0:
        gap = t(lang, "gap_years", years=job.years_required, have=round(fit.years, 1))
        gaps.append(Gap(gap=gap, action=gap_action(advisor, "", t(lang, "action_years"), lang)))
    if fit.education < 1.0:
        have = degree_label(fit.have_degree, lang) if fit.have_degree else t(lang, "degree_none")
        gap = t(lang, "gap_degree", need=degree_label(job.degree_required, lang), have=have)
        step = t(lang, "action_degree", need=degree_label(job.degree_required, lang))
        gaps.append(Gap(gap=gap, action=gap_action(advisor, "", step, lang)))
    for proof in fit.nice:
        if proof.status == "missing" and len(gaps) < MAX_GAPS and (towards := _worked_towards(proof, worked_towards)):
            name = choice_named_as_in(proof, jd, lang)
            gaps.append(_not_held_gap(name, towards, lang, "_nice"))
        elif proof.status == "missing" and len(gaps) < MAX_GAPS:
            name = choice_named_as_in(proof, jd, lang)
            action = _skill_action(advisor, proof.keyword, name, lang)
            gaps.append(Gap(gap=t(lang, "gap_missing_nice", label=name), action=action))
    # Two keywords the JD writes as one name ("CRM (Salesforce)": both named "Salesforce") are one gap.
    unique = {gap.gap: gap for gap in reversed(gaps)}
    return [gap for gap in gaps if unique[gap.gap] is gap][:MAX_GAPS]


def sponsorship_gap(resume: DocumentModel, detailed: DocumentModel | None, jd: DocumentModel, lang: str) -> list[Gap]:
    """The one gap no story closes, first: the posting sponsors no visas and the person says they will need one.

    Also set before a model's Match gaps when its reply leaves the conflict out (core.workbench.jobs)."""
    conflict = sponsorship_conflict(resume.text, detailed.text if detailed else "", jd.text)
    if not conflict:
        return []
    posting, mine = _quote(conflict["posting"], lang), _quote(conflict["candidate"], lang)
    gap = t(lang, "gap_sponsorship", posting=posting, mine=mine)
    return [Gap(gap=gap, action=t(lang, "action_sponsorship"))]


def _not_held_gap(name: str, towards: str, lang: str, nice: str) -> Gap:
    """A certificate the documents name but do not say is held: expired ("CompTIA Security+ (expired 2020)"), said
    not held ("CPCU - not held") or still worked towards ("PMP candidate"), in the documents' own words; `nice` is
    "_nice" for a preferred one (the templates' suffix)."""
    quote = _quote(in_short(towards), lang)
    status = "lapsed" if lapsed(towards) else "not_held" if not_held_only(towards) else "in_progress"
    return Gap(gap=t(lang, f"gap_{status}{nice}", label=name, quote=quote), action=t(lang, f"action_{status}"))


def _worked_towards(proof: Proof, worked_towards: dict[str, str]) -> str:
    """How the documents say the keyword, or another of its choice ("CFA, ChFC or CPA/PFS"), is in progress."""
    return next((worked_towards[k] for k in (proof.keyword, *proof.alternatives) if k in worked_towards), "")


def pitch_facts(fit: Fit, resume: DocumentModel, detailed: DocumentModel | None, limit: int) -> list[str]:
    """The user's strongest matching lines from roles, projects or the summary (required keywords first, each
    line once), as written; a skills list is not a fact to pitch."""
    facts: list[str] = []
    for proof in [*fit.must, *fit.nice]:
        if proof.status == "resume" and is_experience_line(resume, proof.line):
            quote = proof.quote(resume, detailed).rstrip("。.;；")
            if quote and quote not in facts:
                facts.append(quote)
    return facts[:limit]


@dataclass(frozen=True)
class Named:
    """What a pitch or an introduction names: licences held, then skills worked with, as the resume writes them."""

    held: list[str]
    skills: list[str]


# Where a certificate's own line stops naming it: its date, issuer or number after a bracket, comma or bar.
_CERT_LINE_TAIL = re.compile(r"\s*(?:[(（,，;；|]|\s[–—-]\s*(?:\d|[A-Z][a-z]+ \d)).*$")
_CERT_NAME_WORDS = 8
# A name that says it is a credential ("Full UK driving licence", "C1驾照"); a bare "Forklift certified" or "叉车司机"
# (a job's name the certificates section lists) reads wrong after "I hold", so the label stays.
_CREDENTIAL_NOUN = re.compile(r"(?:licen[cs]e|certificate|certification|permit|证书?|执照|驾照)$", re.IGNORECASE)


_DRIVING = re.compile(
    r"^(?P<kind>(?:(?:valid|full|clean|current)\s+)*(?:UK\s+|US\s+|[A-Z][a-z]+\s+)?)(?:driver'?s|driving|drivers)\s+"
    r"licen[cs]e$",
    re.IGNORECASE,
)
_ONE_OF_A_KIND = re.compile(r"(?:licen[cs]e|certificate|card|permit)$", re.IGNORECASE)


def held_sentence(held: list[str], lang: str) -> str:
    """ " I hold EPA 608 Universal and a driver's license." / "持有…、…。": the credentials as a sentence says them."""
    said = [_held_as_said(name, lang) for name in held]
    listed = "、".join(said) if lang == "zh" else " and ".join([", ".join(said[:-1]), said[-1]] if said[1:] else said)
    return t(lang, "pitch_certs", certs=listed)


def _held_as_said(name: str, lang: str) -> str:
    """A credential as an English sentence says it is held: "a driver's license", "a Journeyman License", "an HVAC
    Journeyman License", a licence named by the post it lets one hold ("a Licensed Pharmacist license", not "I hold
    Licensed Pharmacist"); a named certificate as written ("EPA 608 Universal", "OSHA 30")."""
    if lang != "en":
        return name
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in get_vocabulary().title_heads:
        return with_article(f"{name} license", lang)  # "a Licensed Pharmacist license", not "Licensed Pharmacist"
    if not _ONE_OF_A_KIND.search(name):
        return name
    driving = _DRIVING.match(name)
    if driving and not driving.group("kind"):
        name = "driver's license"  # the vocabulary's label, "Driver's License": a common noun in a sentence
    elif driving:
        name = name[:1].lower() + name[1:]  # "a full UK driving licence"
    return with_article(name, lang)


def held_and_worked_with(fit: Fit, resume: DocumentModel, limit: int) -> Named:
    """`pitch_named` split: a licence is held, not worked with ("I hold the CPA", "持有基金从业资格"), and never a
    "core skill"; held by the keyword as much as by the words ("主治医师" written alone is a licence too)."""
    vocab = get_vocabulary()
    named = pitch_named(fit, resume, limit)
    held = [
        (keyword, shown)
        for keyword, shown in named
        if vocab.knows("certification", keyword) or vocab.certifications_in(shown)
    ]
    return Named(
        held=[_as_certified(keyword, shown, resume) for keyword, shown in held],
        skills=[shown for keyword, shown in named if (keyword, shown) not in held],
    )


def _as_certified(keyword: str, shown: str, resume: DocumentModel) -> str:
    """A licence shown by the vocabulary's label ("Driver's License") as the resume's certificates name it
    ("Full UK driving licence"): its words before a date, issuer or number, when that is a short name."""
    own_words = contains_phrase(fold(resume.text), fold(shown))
    if has_cjk(shown) and any(shown in cert and cert != shown for cert in resume.certifications):
        own_words = False  # "教师资格证" inside "幼儿园教师资格证": the resume's whole name is said, found below
    if shown != label(keyword, resume.lang) or own_words:
        return shown  # the resume's own words already ("BLS" of "Basic Life Support (BLS)")
    vocab = get_vocabulary()
    written = ""  # the words the resume names it by, when no whole short name is found
    for cert in resume.certifications:
        name = _CERT_LINE_TAIL.sub("", cert).strip(" .;:·")
        hits = vocab.certifications_in(name, listed=True)
        if same := next((hit for hit in hits if hit.canonical == keyword), None):
            if len(name.split()) <= _CERT_NAME_WORDS and _CREDENTIAL_NOUN.search(name):
                return name
            written = written or (same.surface if has_cjk(same.surface) else "")
        elif higher := next((hit for hit in hits if keyword in vocab.broader(hit.canonical)), None):
            return higher.surface  # held as a higher band the resume names ("CET-6" for the CET-4 asked)
    # A Chinese label is the vocabulary's first name, which may be another grade than the one held: "二级建造师"
    # held, "一级建造师" said (an English label names the credential, "FINRA Series 66" for "Series 7, 66").
    return written or shown


def pitch_named(fit: Fit, resume: DocumentModel, limit: int) -> list[tuple[str, str]]:
    """Covered keywords as (keyword, as the resume writes it). One proven only by a job title ("Software Engineer"
    proves software engineering) has no line of its own and is not named, and a soft skill is shown by a story,
    never listed as one worked with ("熟悉抗压能力", "I work with adaptability")."""
    proofs = [
        p
        for p in [*fit.must, *fit.nice]
        if p.status == "resume" and p.line is not None and not is_soft_skill(p.keyword)
    ]
    named = [(p.keyword, surface(p.keyword, resume, p.line)) for p in proofs]
    # "了解Shopify后台操作", "Java (basic)" in the skills list: known a little, never said as worked with
    return [(keyword, shown) for keyword, shown in named if not known_a_little(resume.text, shown)][:limit]


def _self_pitch(
    fit: Fit, resume: DocumentModel, detailed: DocumentModel | None, job: JobFacts, rel: Relevance, lang: str
) -> str:
    name = spoken_name(resume)
    text = t(lang, "pitch_open", name=name) if name else t(lang, "pitch_open_noname")
    latest = latest_role(resume, lang)
    if latest.role:
        text += t(lang, latest.wording("pitch"), role=latest.role)
    if job.title:
        company = (
            (t(lang, "pitch_company", company=job.company) if job.company else "")
            if lang == "en"
            else (job.company or t(lang, "pitch_company"))
        )
        text += t(lang, "pitch_apply", job=job.title, company=company)
    facts = pitch_facts(fit, resume, detailed, PITCH_FACTS)
    if not facts:
        bullets = [text for e in resume.experience for text in entry_lines(resume, e).texts]
        facts = [bullets[i].strip(" -•*").rstrip("。.;；") for i in rel.rank(bullets)[:PITCH_FACTS]]
    if facts:
        text += t(lang, "pitch_facts", facts=t(lang, "list_sep").join(facts))
    named = held_and_worked_with(fit, resume, PITCH_SKILLS)
    if named.held:
        text += held_sentence(named.held, lang)
    if named.skills:
        text += t(lang, "pitch_skills", skills=("、" if lang == "zh" else ", ").join(named.skills))
    return text + t(lang, "pitch_close")


def match(docs: ServiceDocuments, knowledge: Sequence[Passage], *, as_of: str | None = None) -> MatchReply:
    """Match computed from the documents; `as_of` ("YYYY-MM") is when open-ended roles end (default: this month;
    pass the service's date for a result that does not move with the calendar)."""
    resume, detailed, jd, job, lang = docs.resume, docs.detailed, docs.jd, docs.job, lang_of(docs.lang)
    fit = assess(resume, detailed, jd, job, as_of)
    rel = Relevance(jd, job)
    gaps = _gaps(fit, resume, detailed, jd, job, lang, Advisor(knowledge, lang))
    covered = sum(1 for p in fit.must if p.status == "resume")
    extra = t(lang, "conclusion_extra", gap=gaps[0].gap) if gaps else ""
    soft = soft_skills(resume, jd)
    soft = fit.role_fit if soft is None else soft
    return MatchReply(
        overall_score=fit.score,
        breakdown=Breakdown(
            hard_skills=round(100 * fit.skills),
            experience=round(100 * fit.experience),
            education=round(100 * fit.education),
            role_fit=round(100 * fit.role_fit),
            soft_skills=round(100 * soft),
        ),
        strengths=_strengths(fit, resume, detailed, job, rel, lang),
        gaps=gaps,
        conclusion=t(lang, "conclusion", score=fit.score, covered=covered, total=len(fit.must), extra=extra),
        self_pitch=_self_pitch(fit, resume, detailed, job, rel, lang),
        formula=_formula(fit, job, lang),
    )
