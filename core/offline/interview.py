"""The offline Interview: self-introductions from the tailored resume, likely questions from the must-haves
and gaps, STAR outlines from the user's own bullets, questions to ask from the knowledge base.

The tailored Markdown may have been edited by the user; only its lines that are still lines of the user's
documents are used, so an introduction can never repeat something the documents do not hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.facts.cert_status import in_short, pending_only, says_not_held
from core.facts.coverage import asked_languages
from core.facts.languages import MULTILINGUAL, as_written
from core.facts.model import PRESENT, DocumentModel, Entry, JobFacts
from core.facts.shown import shown_line
from core.facts.text import fold, has_cjk, strip_markdown
from core.facts.vocabulary import get_vocabulary
from core.offline.advice import Advisor
from core.offline.articles import with_article
from core.offline.documents import ServiceDocuments
from core.offline.lookup import (
    choice_named_as_in,
    clean,
    entry_lines,
    has_figure,
    is_experience_line,
    is_stack_text,
    named_as_in,
    spoken_name,
    stay_of,
    surface,
)
from core.offline.match import Fit, assess, held_and_worked_with, held_sentence, latest_role
from core.offline.relevance import Relevance, tokens
from core.offline.summary import by_recency
from core.offline.templates import lang_of, span, t
from core.retrieval import Passage
from core.workbench.schemas import InterviewReply, MatchResultData, Question, StarStory

INTRO_1MIN_FACTS = 2
INTRO_3MIN_ROLES = 3
INTRO_3MIN_FACTS = 3
MAX_QUESTIONS = 8
MAX_STORIES = 4
MAX_ASK = 5
# A clause ends at a comma or semicolon, never inside a number ("serving 40,000 requests" stays whole).
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,，]|[,，](?!\d)|[;；]")
_OPENS, _CLOSES = "(（[【", ")）]】"


def _clauses(text: str) -> list[str]:
    """The text cut at its commas and semicolons outside brackets: "(MAPE-based, SKU/DC/month, lag 1)" stays whole."""
    parts, start, depth = [], 0, 0
    for index, ch in enumerate(text):
        depth += (ch in _OPENS) - (ch in _CLOSES and depth > 0)
        if depth == 0 and ch in ",，;；" and _CLAUSE_BREAK.match(text, index):
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


class _Owners:
    """The documents' own lines and whole bullets (a bullet a PDF wrapped, joined), by folded text, with the entry
    each belongs to. Built once per interview: every intro block and story looks its bullet up."""

    def __init__(self, docs: list[DocumentModel]) -> None:
        self.texts: dict[str, str] = {}  # folded -> as written (the last document's wins, as a lookup table would)
        self.entries: dict[str, Entry] = {}  # folded -> the first entry that holds it
        stays: dict[tuple[int, int], Entry] = {}  # one Entry per stay, so its bullets group as one role
        for doc in docs:
            for first, unit in _units_of(doc):
                text = clean(unit)
                if not text:
                    continue
                key = fold(text)
                self.texts[key] = text
                owner = doc.entry_of_line(first)
                if owner is not None and key not in self.entries:  # a promotion's bullets are the stay's (stay_of)
                    if (id(doc), owner) not in stays:
                        stays[(id(doc), owner)] = stay_of(doc, owner)
                    self.entries[key] = stays[(id(doc), owner)]

    def own_bullets(self, markdown: str) -> list[str]:
        """Bullets of the tailored Markdown that are the documents' own, in the Markdown's order; a list of the
        tools a role used ("Technologies: Go, Kafka") is no deed to tell."""
        out: list[str] = []
        for raw in markdown.splitlines():
            if raw.lstrip().startswith(("- ", "* ", "+ ")):
                known = self.texts.get(fold(strip_markdown(raw)))
                if known is not None and known not in out and not is_stack_text(known) and _shows_something(known):
                    out.append(known)
        return out

    def entry_of(self, text: str) -> Entry | None:
        return self.entries.get(fold(text))


def _shows_something(text: str) -> bool:
    """A line to tell of: not one the documents say is not held, denied or still to come ("Certified Director of
    Safety (CDS, NATMI) · Not held", "暂无PMP证书"), which no intro or answer may offer as experience."""
    if not shown_line(text).strip(" \t,.;:·•|-–—()（）、，。；："):
        return False
    return not (says_not_held(text) and get_vocabulary().certifications_in(text, known_only=True))


def _units_of(doc: DocumentModel) -> list[tuple[int, str]]:
    """Every line of the document and every bullet a wrap split, whole: (first line, text)."""
    whole = [(first, text) for entry in doc.entries for first, text in _bullets_of(doc, entry)]
    return [*whole, *((n, line) for n, line in enumerate(doc.lines))]


def _bullets_of(doc: DocumentModel, entry: Entry) -> list[tuple[int, str]]:
    parts = entry_lines(doc, entry)
    return list(zip(parts.bullets, parts.texts, strict=True))


_OUTCOME = re.compile(
    r"\b(?:cutting|reducing|raising|saving|improving|increasing|lowering|boosting|growing|lifting|halving|"
    r"cut|reduced|raised|saved|improved|increased|lowered|boosted|grew|doubled|tripled|lifted|halved|fell|dropped|"
    r"rose|shortened|eliminated)\b|"
    r"(?:提升|降低|减少|节省|提高|缩短|增长|获得)"
)
# A result told of its subject ("field update failures fell from 3.1% to 0.2%"): from its clause's start.
_SUBJECT_FIRST = frozenset(("fell", "dropped", "rose", "halved", "doubled", "tripled", "grew", "lifted"))


# Where a bullet that is all result states it: "Reduced p99 latency … from 180 ms to 45 ms", "…提升至 98%".
_FIGURE_TAIL = re.compile(r"\b(?:from|by|to)\s[^,;，；]*\d[^,;，；]*$|(?:从|由|至|到|达到)[^,;，；]*\d[^,;，；]*$")


# A share and what it is of, ending the bullet: "Completed 95% of inspections within 72 hours of assignment".
_SHARE_TAIL = re.compile(r"\d[\d,.]*\s?%[^,;，；]*$")


# A clause that says what the user was charged with or worked from, not what came of it: its figures are the
# scope ("负责 48V/400V 电池管理系统…", "带领 4 人软件小组", "Led a team of 6").
_SCOPE_CLAUSE = re.compile(  # "基于Flink 1.15 + Kafka": a Chinese word may run straight into a Latin one
    r"^\s*(?:负责|参与(?![人度率者])|带领|带教|指导|协助|配合|基于|使用|采用"
    r"|(?:responsible for|in charge of|led|leading|managed|managing|using|based on)(?![A-Za-z]))",
    re.IGNORECASE,
)


def outcome(bullet: str) -> str:
    """The part of a bullet that states its result ("cutting p99 latency by 38%"), else its clause with a number
    that is no scope."""
    found = _OUTCOME.search(bullet)
    if found and has_figure(bullet[found.start() :]):
        start = found.start()
        if found.group(0).lower() in _SUBJECT_FIRST or has_cjk(found.group(0)):  # "核心任务运行时长缩短40%"
            # …from its clause's start, unless that is the bullet's: then the whole bullet is the action
            start = max(bullet.rfind(stop, 0, start) for stop in ";,，；") + 1 or found.start()
        return bullet[start:].strip()
    return next(
        (part.strip() for part in _clauses(bullet) if has_figure(part) and not _SCOPE_CLAUSE.match(part)),
        "",
    )


_YOU_WILL = re.compile(r"^(?:you(?:'ll|’ll| will| are going to|'re going to)|你将|您将|你会|您会)\s*", re.IGNORECASE)


def duty_text(duty: str) -> str:
    """A duty as a task to quote after "What the role asks for:": "You will lead X" reads "Lead X"."""
    text = _YOU_WILL.sub("", clean(duty), count=1)
    return text[:1].upper() + text[1:] if text else clean(duty)


def _trim(text: str) -> str:
    return text.rstrip("。.;；")


def _dates(entry: Entry, lang: str) -> str:
    if not entry.start:
        return ""
    end = t(lang, "present") if entry.end == "present" else (entry.end or "")
    return span(lang, entry.start, end)


def _company(job: JobFacts, lang: str) -> str:
    if lang == "zh":
        return job.company
    return t(lang, "intro_company", company=job.company) if job.company else ""


def _joining(job: JobFacts, lang: str) -> str:
    """The employer as the introduction's closing sentence names it: " at Acme"; "加入某公司，担任" or "争取" (one
    joins a company, not a post: no "加入这个岗位")."""
    if lang == "zh":
        return t(lang, "intro_company", company=job.company) if job.company else t(lang, "intro_company_none")
    return _company(job, lang)


def _intros(
    bullets: list[str], fit: Fit, resume: DocumentModel, owners: _Owners, job: JobFacts, lang: str
) -> tuple[str, str]:
    name = spoken_name(resume)
    opening = t(lang, "intro_open", name=name) if name else t(lang, "intro_open_noname")
    latest = latest_role(resume, lang)
    current = t(lang, latest.wording("intro"), role=latest.role, since=latest.dates(lang)) if latest.role else ""
    sep = t(lang, "list_sep")
    # What the candidate did: a role's or project's bullets before a profile's self-description ("逻辑清晰，数据敏感，
    # 具备良好的跨部门沟通能力" is no deed that fits a role)
    deeds = [b for b in bullets if (owner := owners.entry_of(b)) is not None and owner.kind != "education"]
    told = [*deeds, *(b for b in bullets if b not in deeds)][:INTRO_1MIN_FACTS]
    facts = sep.join(_trim(b) for b in told)  # a posting without its title: "fits this role", not "this this role"
    relevant = (
        t(lang, "intro_relevant", job=job.title, facts=facts)
        if job.title
        else t(lang, "intro_relevant_untitled", facts=facts)
    )
    named = held_and_worked_with(fit, resume, 5)
    joined = ("、" if lang == "zh" else ", ").join
    skill_text = t(lang, "intro_skills", skills=joined(named.skills)) if named.skills else ""
    if named.held:  # a licence is held, not a core skill
        skill_text += held_sentence(named.held, lang)
    close = t(lang, "intro_close", company=_joining(job, lang))
    one = opening + current + (relevant if bullets else "") + skill_text + close
    blocks: list[str] = []
    # One block per role; the resume's entry and the history's entry for the same role are one role.
    by_role: dict[tuple[str, str], tuple[Entry, list[str]]] = {}
    for bullet in bullets:
        found = owners.entry_of(bullet)
        if found is not None and found.kind == "experience":
            key = (fold(found.org), fold(found.title))
            by_role.setdefault(key, (found, []))[1].append(bullet)
    # time away ("Career break", "待业") names neither employer nor title: no role to tell
    entries = by_recency([entry for entry, _ in by_role.values() if entry.org or entry.title])[:INTRO_3MIN_ROLES]
    for entry in entries:
        facts = sep.join(_trim(b) for b in by_role[(fold(entry.org), fold(entry.title))][1][:INTRO_3MIN_FACTS])
        dates = _dates(entry, lang)
        if entry.org and entry.title:
            block = t(
                lang, "intro_role_block", org=entry.org, title=with_article(entry.title, lang), dates=dates, facts=facts
            )
        elif entry.org:  # "在学生会担任（2023-09 – 2024-06）期间" reads as if a title were lost
            block = t(lang, "intro_untitled_block", org=entry.org, dates=dates, facts=facts)
        else:  # no employer: "As Freelance Instructional Designer (…)", not "At Freelance Instructional Designer"
            block = t(lang, "intro_title_block", title=with_article(entry.title, lang), dates=dates, facts=facts)
        blocks.append(block)
    education = _education_sentence(resume, lang, fit.as_of)
    background = t(lang, "intro_background") if blocks else ""
    three = opening + current + background + "".join(blocks) + education + skill_text + close
    return one, three


# What says a degree is not finished: "硕士在读（论文撰写中）", "本科（在读，预计2025.07毕业）", "(expected May 2026)".
_UNFINISHED = re.compile(
    r"在读|就读中|论文撰写中|未毕业|预计[^。；\n]{0,12}毕业|\bin progress\b|\bexpected\b|\banticipated\b|\bcandidate\b|"
    r"\bcurrently enrolled\b|\bpursuing\b",
    re.IGNORECASE,
)


def _unfinished(school: Entry, resume: DocumentModel, as_of: str) -> bool:
    """True for a degree still being studied for: dated to the present or past `as_of` (the Match's month), or its
    lines say so."""
    text = " ".join([school.title, *resume.lines[school.line_start : max(school.line_end, school.line_start + 1)]])
    to_come = bool(school.end) and school.end != PRESENT and str(school.end) > as_of
    return school.end == PRESENT or to_come or bool(_UNFINISHED.search(text))


def _education_sentence(resume: DocumentModel, lang: str, as_of: str) -> str:
    """The self-introduction's schooling: the latest degree finished, and the one under way, said as under way
    (a "硕士在读" or "本科（在读）" told as "我毕业于…" claims a degree the person does not hold)."""
    schools = [school for school in by_recency(resume.education) if school.org]
    if not schools:
        return ""

    def said(school: Entry, key: str) -> str:
        degree = (f", {school.title}" if lang == "en" else f"，{school.title}") if school.title else ""
        return t(lang, key, school=school.org, degree=degree)

    ongoing = schools[0] if _unfinished(schools[0], resume, as_of) else None
    finished = next((school for school in schools if not _unfinished(school, resume, as_of)), None)
    parts = [said(finished, "intro_education")] if finished is not None else []
    if ongoing is not None:
        parts.append(said(ongoing, "intro_education_ongoing"))
    return "".join(parts)


def _questions(
    fit: Fit,
    resume: DocumentModel,
    detailed: DocumentModel | None,
    jd: DocumentModel,
    job: JobFacts,
    lang: str,
    advisor: Advisor,
    rel: Relevance,
    bullets: list[str],
) -> list[Question]:
    out: list[Question] = []
    company = _company(job, lang)
    why = [t(lang, "o_why_fact", quote=t(lang, "quote", text=_trim(b))) for b in bullets[:1]]
    why_question = (
        t(lang, "q_why", job=job.title, company=company) if job.title else t(lang, "q_why_untitled", company=company)
    )
    out.append(Question(question=why_question, outline=why))
    nearest = _Nearest(bullets, rel)
    worked_towards = pending_only([resume, detailed], get_vocabulary())
    for proof in fit.must:
        quote = proof.quote(resume, detailed)
        doc = resume if proof.status == "resume" else detailed or resume
        name = surface(proof.keyword, doc, proof.line) if quote else choice_named_as_in(proof, jd, lang)
        if proof.status != "missing" and quote and get_vocabulary().knows("certification", proof.keyword):
            continue  # a licence held has no story to tell ("Tell me about your work with CompTIA Security+")
        if proof.status != "missing" and quote:
            outline = [t(lang, "o_star" if has_figure(quote) else "o_star_no_figure")]
            if is_experience_line(doc, proof.quoted_line(resume, detailed)):  # a story to tell, not the skills list
                outline.insert(0, t(lang, "o_proof", quote=t(lang, "quote", text=_trim(quote))))
            out.append(Question(question=t(lang, "q_skill", label=name), outline=outline))
        elif proof.status == "missing" and proof.keyword in worked_towards:  # "CPA Candidate": how far, how soon
            quote = t(lang, "quote", text=_trim(in_short(worked_towards[proof.keyword])))
            outline = [t(lang, "o_in_progress", quote=quote)]
            out.append(Question(question=t(lang, "q_in_progress", label=name), outline=outline))
        elif proof.status == "missing" and get_vocabulary().canonical_skill(proof.keyword) == MULTILINGUAL:
            # a language is spoken or not: no skill to get up to speed on; ask for the one the posting names
            label = _asked_languages(jd, lang)
            out.append(
                Question(question=t(lang, "q_language", label=label), outline=[t(lang, "o_language", label=label)])
            )
        elif proof.status == "missing" and get_vocabulary().knows("certification", proof.keyword):
            # a licence is held or not: no skill to get up to speed on, no nearest line to stand in for it
            outline = [t(lang, "o_credential", label=name)]
            out.append(Question(question=t(lang, "q_credential", label=name), outline=outline))
        elif proof.status == "missing":
            outline = [t(lang, "o_status", label=name)]
            closest = nearest.to(f"{proof.keyword} {name}")
            if closest:
                outline.append(t(lang, "o_nearest", quote=t(lang, "quote", text=_trim(closest))))
            advice, _ = advisor.action(proof.keyword)
            if advice:
                outline.append(t(lang, "o_plan", advice=advice))
            out.append(Question(question=t(lang, "q_gap", label=name), outline=outline))
    for duty in job.responsibilities:
        if len(out) >= MAX_QUESTIONS:
            break
        closest = nearest.to(duty)
        outline = [t(lang, "o_related", quote=t(lang, "quote", text=_trim(closest)))] if closest else []
        out.append(Question(question=t(lang, "q_resp", text=duty_text(duty)), outline=outline))
    return out[:MAX_QUESTIONS]


def _asked_languages(jd: DocumentModel, lang: str) -> str:
    """The languages the posting asks to work in, as it writes them ("Spanish", "英语"), or "more than one language"
    where it names none ("bilingual preferred")."""
    names = as_written(jd.lines, asked_languages(jd), get_vocabulary())
    return ("、" if lang == "zh" else " and ").join(names) if names else t(lang, "two_languages")


class _Nearest:
    """The user's bullet closest to a missing keyword or a duty, for the outline of its question.

    Closest means most content words shared with what is asked; ties (and no shared word at all) go to the
    bullet most relevant to the job that no earlier question quoted, so six gaps do not all cite one line.
    """

    def __init__(self, bullets: list[str], rel: Relevance) -> None:
        self.bullets = bullets
        self.ranked = rel.rank(bullets)
        self.words = [tokens(b) for b in bullets]
        self.used: set[int] = set()

    def to(self, about: str) -> str:
        if not self.ranked:
            return ""
        wanted = tokens(about)
        # `ranked` is in the job's order, and min keeps the first of equals: ties go to the most relevant.
        best = min(self.ranked, key=lambda i: (-len(wanted & self.words[i]), i in self.used))
        self.used.add(best)
        return self.bullets[best]


def _story_order(bullets: list[str], owners: _Owners, rel: Relevance) -> list[int]:
    """Bullets for stories: those proving the job's keywords first, then those with a result; one per role or
    project before any role gives a second, so four stories are not four lines of the same job."""
    scored: list[tuple[tuple[int, bool, bool, int], int, int]] = []
    for index, bullet in enumerate(bullets):
        found = owners.entry_of(bullet)
        if found is None or found.kind == "education":
            continue
        must, nice = rel.keyword_hits(bullet)
        has_result = outcome(bullet).strip() not in ("", bullet.strip())  # a clause of it, not the whole
        key = (-(2 * len(must) + len(nice)), not has_result, not has_figure(bullet), index)
        scored.append((key, id(found), index))
    scored.sort()
    first: list[int] = []
    later: list[int] = []
    seen: set[int] = set()
    for _key, owner, index in scored:
        (later if owner in seen else first).append(index)
        seen.add(owner)
    return first + later


def _closest_duty(duties: list[str], bullet: str, turn: int) -> str:
    """The job's duty sharing the most content words with the bullet; with none shared, the duties in turn, so
    each story answers a different part of the role."""
    if not duties:
        return ""
    words = tokens(bullet)
    shared = [len(words & tokens(d)) for d in duties]
    best = max(range(len(duties)), key=lambda i: (shared[i], -i))
    return duty_text(duties[best] if shared[best] else duties[turn % len(duties)])


def _story_keyword(must: list[str], nice: list[str], told: set[str]) -> str:
    """The job's keyword a story answers: the first its bullet proves that no earlier story answered, so three
    stories are not all headed "firmware"."""
    hits = must + nice
    return next((k for k in hits if k not in told), hits[0] if hits else "")


def _stories(
    bullets: list[str], owners: _Owners, jd: DocumentModel, job: JobFacts, lang: str, rel: Relevance
) -> list[StarStory]:
    """One story per strong bullet: situation from its entry, action and result its own words; the task is what
    the role asks as the posting writes it ("岗位要求MCU", not the resume's "STM32F4")."""
    stories: list[StarStory] = []
    told: set[str] = set()
    for index in _story_order(bullets, owners, rel):
        bullet = bullets[index]
        entry = owners.entry_of(bullet)
        if entry is None or not (entry.org or entry.title):
            continue  # time away ("Career break", "待业"): no role to tell a story of
        keyword = _story_keyword(*rel.keyword_hits(bullet), told)
        told.add(keyword)
        topic = named_as_in(keyword, jd, lang) if keyword else ""  # what the role asks, in the role's words
        duty = _closest_duty(job.responsibilities, bullet, len(stories))
        task = t(lang, "star_task", label=topic) if topic else (t(lang, "star_task_generic", text=duty) if duty else "")
        result = outcome(bullet)
        if result.strip() == bullet.strip():  # the whole bullet is its action: its result is its figures' end, if any
            tail = _FIGURE_TAIL.search(bullet) or _SHARE_TAIL.search(bullet)
            result = tail.group(0) if tail and has_figure(tail.group(0)) else ""
        if not result:  # none written: what to prepare, never a result made up for the user
            result = t(lang, "star_result_missing")
        stories.append(
            StarStory(
                gap=topic or (entry.title or entry.org),
                situation=situation_line(entry, lang),
                task=task,
                action=_trim(bullet),
                result=_trim(result),
            )
        )
        if len(stories) >= MAX_STORIES:
            break
    return stories


def situation_line(entry: Entry, lang: str) -> str:
    """A story's situation: the role and its dates, at its employer when the document names one apart (a header
    read whole, "Gamma Retail · Marketing Manager", has no employer of its own: "At  as ..." read as a glitch);
    a project or role with a name but no title is "In OpenLedger", not "At OpenLedger as "; a project named as its
    title alone is "In the Test Platform project", not "As Test Platform"."""
    if entry.kind == "project" and entry.title and not entry.org:
        return t(lang, "star_situation_project", name=_project_name(entry.title, lang), dates=_dates(entry, lang))
    if not entry.title:
        return t(lang, "star_situation_no_title", org=entry.org, dates=_dates(entry, lang))
    if not entry.org:
        return t(lang, "star_situation_no_org", title=entry.title, dates=_dates(entry, lang))
    return t(lang, "star_situation", org=entry.org, title=entry.title, dates=_dates(entry, lang))


def _project_name(name: str, lang: str) -> str:
    """A project named by its title alone: "接口自动化测试平台" as "接口自动化测试平台项目", "Inventory Forecasting" as
    "Inventory Forecasting project"; a name that says it is a project already stays as written."""
    said = name.rstrip().endswith("项目") if lang == "zh" else name.rstrip().lower().endswith("project")
    return name if said else (f"{name}项目" if lang == "zh" else f"{name} project")


def _to_ask(advisor: Advisor, job: JobFacts, lang: str) -> list[str]:
    asks = advisor.questions(MAX_ASK)
    for duty in job.responsibilities[:2]:
        if len(asks) < 3:
            asks.append(t(lang, "ask_resp", text=_trim(duty_text(duty))))
    for key in ("ask_generic_1", "ask_generic_2"):
        if len(asks) < 3:
            asks.append(t(lang, key))
    return asks


def interview(
    documents: ServiceDocuments,
    tailored_markdown: str,
    match: MatchResultData,
    knowledge: Sequence[Passage],
    *,
    as_of: str | None = None,
) -> InterviewReply:
    """Interview preparation from the tailored resume's own lines, the job's keywords and the knowledge base."""
    del match  # recomputed from the documents so the stories and the score agree
    resume, detailed, jd, job = documents.resume, documents.detailed, documents.jd, documents.job
    lang = lang_of(documents.lang)
    docs = [d for d in (resume, detailed) if d is not None]
    fit = assess(resume, detailed, jd, job, as_of)
    rel = Relevance(jd, job)
    owners = _Owners(docs)
    bullets = owners.own_bullets(tailored_markdown)
    if not bullets:
        ranked_pool = [
            clean(text)
            for e in resume.entries
            if e.kind != "education"
            for text in entry_lines(resume, e).texts
            if clean(text)
        ]
        bullets = [ranked_pool[i] for i in rel.rank(ranked_pool)]
    advisor = Advisor(knowledge, lang)
    one, three = _intros(bullets, fit, resume, owners, job, lang)
    return InterviewReply(
        self_intro_1min=one,
        self_intro_3min=three,
        likely_questions=_questions(fit, resume, detailed, jd, job, lang, advisor, rel, bullets),
        star_stories=_stories(bullets, owners, jd, job, lang, rel),
        questions_to_ask=_to_ask(advisor, job, lang),
    )
