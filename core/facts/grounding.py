"""Grounding: every line of a tailored resume (or any model output) checked against the document models.

Code, not a model's opinion, so it cannot be talked out of a flag. Each line's claims are read by kind and
compared with what the user's documents hold:
- skills, spoken languages, degrees and certifications through the bilingual vocabulary, whatever their case or
  place in the sentence;
- employers, schools, titles and other proper names as whole names: a name must occur as a phrase of the
  documents, and a known name with words added ("Google Cloud" for Google, "Senior Backend Engineer" for Backend
  Engineer, 高级后端工程师 for 后端工程师, a different …科技有限公司) is a different name;
- dates normalised across formats and tied to the entry the line is about (named, or recognised by its words);
- numbers in context: the same value about the same thing (same entry, same noun), so "led 6" is flagged when
  the role says 8 even if a 6 stands elsewhere;
- emails, phone numbers and links as written in the documents.
A flag says what the documents hold instead when it can ("your resume says 8"). A flag is a prompt to look.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.facts.cert_status import pending_flags, pending_in
from core.facts.dates import find_dates
from core.facts.model import PRESENT, DocumentModel, Entry, JobFacts, NumberFact
from core.facts.numbers import NumberHit, find_numbers
from core.facts.read import bullet_units
from core.facts.shown import learning_spans, shown_lines
from core.facts.text import compact, contains_phrase, fold, has_cjk, is_cjk_char, stem, strip_markdown
from core.facts.vocabulary import Hit, Vocabulary, get_vocabulary
from core.facts.wishes import without_wishes

# What an entry's organisation is, by the entry's kind (a club's name is held like an employer's).
_ORG_KIND = {
    "experience": "employer",
    "education": "school",
    "project": "name",
    "activity": "employer",
    "away": "employer",
}
# What a flag can be about; the page names each kind in the reader's language (workbench.grounding.kind.*).
FLAG_KINDS = (
    "employer", "title", "school", "degree", "certification", "skill", "number", "date", "language", "name", "contact",
)  # fmt: skip


@dataclass(frozen=True)
class Flag:
    line: int  # 1-based line of the Markdown
    text: str  # the line as written (shown to the user, never logged)
    kind: str  # one of FLAG_KINDS
    token: str  # what the documents do not hold
    says: str | None  # what the documents hold instead, when known


def report_json(flags: Sequence[Flag]) -> dict[str, Any]:
    """The stored form of a grounding report (what the pages render)."""
    return {"ok": not flags, "flags": [asdict(f) for f in flags]}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are never claims on their own, beyond the vocabulary's generic words: markdown furniture,
# business acronyms any resume writer uses, connecting words.
_NEVER_NAMES = frozenset(
    {
        "a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with", "by", "from", "as", "or", "via", "per",
        "into", "over", "under", "about", "across", "within", "without", "i", "me", "my", "we", "our", "you", "your",
        "he", "she", "they", "it", "its", "this", "that", "these", "those", "who", "which", "what", "when", "where",
        "how", "api", "apis", "ui", "ux", "kpi", "kpis", "okr", "okrs", "roi", "b2b", "b2c", "saas", "paas", "iaas",
        "ceo", "cto", "cfo", "coo", "cio", "vp", "hr", "pm", "qa", "r&d", "faq", "etc", "e.g", "i.e", "n/a",
        "tbd", "usa", "us", "uk", "eu", "prc"
    }
)  # fmt: skip
_CONNECTORS = frozenset({"of", "and", "&", "for", "de", "the"})
_ORG_WORDS = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "llc", "ltd", "ltd.", "limited", "gmbh",
        "ag", "plc", "sa", "bv", "pte", "pty", "technologies", "technology", "tech", "labs", "lab", "bank", "group",
        "systems", "solutions", "consulting", "consultancy", "partners", "capital", "holdings", "software", "studio",
        "studios", "networks", "media", "ventures", "health", "pharma", "pharmaceuticals", "foods", "airlines",
        "motors", "services", "industries", "international", "global", "enterprises", "agency"
    }
)  # fmt: skip
_SCHOOL_WORDS = frozenset({"university", "college", "institute", "school", "academy", "polytechnic", "conservatory"})
_CERT_WORDS = frozenset({"certified", "certification", "certificate", "license", "licence", "licensed"})
_NAME_HEADS = _ORG_WORDS | _SCHOOL_WORDS | _CERT_WORDS  # generic words that still make a phrase a name
# Characters that may stand right before a Chinese name or title without being part of it.
_CJK_BEFORE_NAME = frozenset(
    "在于任为是的和与及或、年月日至今曾现当加入职名位个多两三几批支组带领管理协助配合同作对接向给后前到从由被把将"
)
_LANGUAGE_CUES = re.compile(
    r"fluent|native|speak|spoken|proficien|bilingual|trilingual|language|conversational|working knowledge|"
    r"business level|mother tongue|jlpt|hsk|toefl|ielts|cet|母语|流利|精通|熟练|口语|语言|读写|听说|熟悉|掌握",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s)>\]]+|\b(?:linkedin|github)\.com/[^\s)>\]]+", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
# A Latin word, never the letters glued to a figure ("5G", "3D", "48V") nor the part after an accented letter ("TÜV").
_LATIN_TOKEN = re.compile(
    r"(?<![0-9A-Za-z\u00C0-\u024F])[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F+#]*"
    r"(?:[.&-][A-Za-z0-9\u00C0-\u024F+#]+|['’](?!s\b)[A-Za-z]+)*\.?"
)
_SENTENCE_END = re.compile(r"[.!?:;。！？；：|•·–—(\[]\s*$")
_PEOPLE = frozenset(
    {
        "people", "person", "engineer", "developer", "member", "report", "staff", "employee", "headcount", "hire",
        "team", "designer", "analyst", "scientist", "intern", "student",
        "人", "名", "位", "员工", "工程师", "成员", "同事", "下属", "团队"
    }
)  # fmt: skip


# Suffixes that name an activity as often as a job or a unit ("开发运维工具", "订单中心"): too weak to mark a name.
_WEAK_CJK_TITLES = _words(
    "开发 设计 运营 运维 测试 算法 招聘 推广 销售 采购 行政 法务 审计 会计 策划 文案 翻译 编辑 客服 代表 助理 专家 "
    "数据分析 架构 督导 教练 前台 高管 董事 BP 出纳 护士 老师 教师 讲师 律师 医生 药师 秘书"
)
_WEAK_CJK_ORGS = _words("中心 平台 部门 事业部 团队 项目 小组 工作室 实验室")
_CERT_CUE = re.compile(r"证书|资格|认证|证[:：]|certif", re.IGNORECASE)
_CJK_LEVELS = r"[一二三四五]级|初级|中级|高级"
_CJK_CERT_LEVEL = re.compile(
    rf"(?P<level>{_CJK_LEVELS})\s*(?P<name>[\u4e00-\u9fff]{{2,10}}?(?:师|资格证|证书|证))"
    rf"|(?P<name2>[\u4e00-\u9fff]{{2,10}}?(?:师|资格证|证书|证))\s*[（(]?\s*(?P<level2>{_CJK_LEVELS})"
)


def _cert_pair(m: re.Match[str]) -> tuple[str, str]:
    """(name, level) of a Chinese certificate written either way: 一级人力资源管理师, 人力资源管理师（一级）."""
    return compact(m.group("name") or m.group("name2") or ""), m.group("level") or m.group("level2") or ""


_CLAUSE_SPLIT = re.compile(r"\s*[;；]\s*")
_CERT_LEVEL = re.compile(
    r"\s*[-–—(（:]?\s*(?P<level>associate|professional|expert|specialty|foundation(?:al)?|practitioner|advanced|"
    r"master|[一二三四五]级|初级|中级|高级|level\s*\d|L\d)[)）]?",
    re.IGNORECASE,
)
_SKILLS_LABEL = re.compile(r"\s*(?:skills?|tools|tech(?:nologies| stack)?|技能|技术栈|工具)\s*[:：]", re.IGNORECASE)
_PART_SPLIT = re.compile(r"\s+[·|•—–@-]\s+|\s*[·|•]\s*|\s*[,，、；;]\s*|\s+[（(]|[)）](?:\s+|$)|\s+at\s+")
_ROLE_NOISE = _words(
    "remote hybrid onsite on-site contract contractor full-time part-time freelance internship intern present "
    "current now today to till 至今 现在 今 至 起 到 远程 全职 兼职 实习"
)
_ORG_TAILS = _words(
    "inc corp corporation co company llc ltd limited gmbh ag plc group pvt pte pty se sa nv bv kg srl spa sarl coop"
)
_NEXT_WORD = re.compile(r" ([A-Za-z][A-Za-z.-]*)")


def _legal_form_end(line: str, at: int) -> int:
    """Where the legal form written after a name ends ("Zalando SE", "Infosys Pvt Ltd."); `at` when none follows."""
    end = at
    while (word := _NEXT_WORD.match(line, end)) and fold(word.group(1)).strip(".").replace(" ", "") in _ORG_TAILS:
        end = word.end()
    return end


_CJK_WORKED_AT = re.compile(
    r"(?:曾在|曾于|就职于|任职于|供职于|加入|在)(?P<org>[\u3400-\u9fffA-Za-z0-9]{2,12}?)"
    r"(?=担任|负责|任职|工作|从事|期间|实习|带领|主导|参与)"
)
_SENIORITY_MARKS = re.compile(r"^(?:senior|sr|junior|jr|lead|staff|principal|chief|head|associate|assistant)\b")


def _name_shaped(part: str) -> bool:
    """A heading part that can be a title, an employer or a place: short, and capitalised when in Latin."""
    if has_cjk(part):
        return len(compact(part)) <= 16
    words = part.split()
    return 0 < len(words) <= 6 and words[0][:1].isupper()


def _org_key(name: str) -> str:
    words = [w.strip(".") for w in fold(name).replace("co op", "coop").split()]
    while words and words[-1] in _ORG_TAILS:
        words = words[:-1]
    return " ".join(words)


def _same_title(claimed: str, held: str, evidence: Evidence) -> bool:
    """The title held, written either way ("Sr." ~ "Senior", spacing, a shortened form, or a longer form the
    documents themselves write), never with a seniority word the documents do not give it."""
    a = compact(claimed.replace("Sr.", "Senior").replace("Jr.", "Junior"))
    b = compact(held.replace("Sr.", "Senior").replace("Jr.", "Junior"))
    if a == b or (a and a in b):
        return True
    if b and b in a:
        extra = a.replace(b, " ", 1)
        promoted = _SENIORITY_MARKS.search(fold(claimed)) is not None and not _SENIORITY_MARKS.search(fold(held))
        promoted = promoted or any(mark in extra for mark in evidence.vocab.cjk_seniority)
        return not promoted and evidence.has(claimed)
    return False


@dataclass(frozen=True)
class _Anchor:
    doc: int
    entry: int


class Evidence:
    """The documents, prepared for the lookups of every line."""

    def __init__(self, documents: Sequence[DocumentModel], job: JobFacts | None, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.docs = [d for d in documents if d is not None]
        self.job = job
        text = "\n".join(d.text for d in self.docs)
        self.folded = fold(text)
        self.compact = compact(text)
        # The text less the jobs wanted and the courses under way: a skill named only there is not held.
        shown = "\n".join("\n".join(shown_lines(d)) for d in self.docs)
        self.shown_folded, self.shown_compact = fold(shown), compact(shown)
        self.stems = {stem(w) for w in self.folded.split()}
        self.case_words = set(_LATIN_TOKEN.findall(text))
        self.skills = {s for d in self.docs for s in d.skills}
        self.languages = {lang for d in self.docs for lang in d.languages}
        self.languages |= {h.canonical for h in vocab.languages_in(text)}
        cert_hits = vocab.certifications_in(text)
        self.certs = {h.canonical for h in cert_hits}
        self.pending_certs = pending_in(text, cert_hits)  # "CPA Candidate": named, not held
        # The documents' own lines, whole: a line the output copies as written holds nothing they do not; so does a
        # line a PDF's narrow column wrapped, copied joined ("…Prince Henry's Grammar School, Otley," + "2010").
        self.own_lines = {key for d in self.docs for line in _own_units(d) if len(key := as_copied(line)) >= 12}
        self.degree_levels: set[str] = {e.degree_level for d in self.docs for e in d.education if e.degree_level}
        self.degree_levels |= {h.canonical for h in vocab.degrees_in(text)}
        self.entities = self._entities()
        self.entry_dates = self._entry_dates()
        self.all_dates = {v for dates in self.entry_dates.values() for v in dates}
        self.all_dates |= {h.value for h in find_dates(text)}
        # Dates of the lines no entry holds (a summary's "Recent MSN-FNP graduate (May 2024)"): the person's own.
        self.loose_dates = {
            h.value
            for d in self.docs
            for i, line in enumerate(d.lines)
            if not any(e.line_start <= i < e.line_end for e in d.entries)
            for h in find_dates(line)
        }
        self.entry_stems = self._entry_stems()
        self.numbers = _number_refs(self.docs)
        self.acronyms = _acronyms(text)
        self.dated_lines = [fold(line) for d in self.docs for line in d.lines if find_dates(line)]
        self.job_skills = set(job.must_have) | set(job.nice_to_have) if job is not None else set()
        self.cjk_cert_levels: dict[str, set[str]] = {}
        for m in _CJK_CERT_LEVEL.finditer(text):
            name, level = _cert_pair(m)
            self.cjk_cert_levels.setdefault(name, set()).add(level)
        self.places = [e.location for _a, e in self.entries() if e.location]
        self.places += [d.contact.location for d in self.docs if d.contact.location]
        self.emails = {m.casefold() for m in _EMAIL.findall(text)}
        self.phones = {re.sub(r"\D", "", m) for m in _PHONE.findall(text)}
        self.phones = {p for p in self.phones if len(p) >= 7}

    def for_job(self, job: JobFacts | None) -> Evidence:
        """This evidence with the JD's skills of `job` (a shallow copy: the documents' lookups are shared)."""
        if job is self.job:
            return self
        out = copy.copy(self)
        out.job = job
        out.job_skills = set(job.must_have) | set(job.nice_to_have) if job is not None else set()
        return out

    def entries(self) -> Iterable[tuple[_Anchor, Entry]]:
        for d, doc in enumerate(self.docs):
            for e, entry in enumerate(doc.entries):
                yield _Anchor(d, e), entry

    def entries_named(self, names: Sequence[str]) -> list[_Anchor]:
        keys = {_org_key(n) for n in names}
        return [a for a, e in self.entries() if e.org and (_org_key(e.org) in keys or any(
            f" {k} " in f" {_org_key(e.org)} " for k in keys if k))]  # fmt: skip

    def header_of(self, anchor: _Anchor) -> str:
        """The entry's first two lines (where a title is written, whatever the reader made of them)."""
        entry = self.entry(anchor)
        return " ".join(self.docs[anchor.doc].lines[entry.line_start : min(entry.line_start + 2, entry.line_end)])

    def entry(self, anchor: _Anchor) -> Entry:
        return self.docs[anchor.doc].entries[anchor.entry]

    def _entities(self) -> list[tuple[str, str]]:
        """(kind, name as written) of every employer, school, title and project the documents name."""
        found: list[tuple[str, str]] = []
        for _anchor, entry in self.entries():
            org_kind = _ORG_KIND[entry.kind]
            if entry.org.strip():
                found.append((org_kind, entry.org.strip()))
            if entry.title.strip() and entry.kind != "education":
                found.append(("title", entry.title.strip()))
        return found

    def _entry_dates(self) -> dict[_Anchor, set[str]]:
        dates: dict[_Anchor, set[str]] = {}
        for anchor, entry in self.entries():
            values = {v for v in (entry.start, entry.end) if v}
            lines = self.docs[anchor.doc].lines[entry.line_start : entry.line_end]
            values |= {h.value for h in find_dates("\n".join(lines))}
            dates[anchor] = values
        return dates

    def _entry_stems(self) -> dict[_Anchor, set[str]]:
        out: dict[_Anchor, set[str]] = {}
        for anchor, entry in self.entries():
            lines = self.docs[anchor.doc].lines[entry.line_start : entry.line_end]
            out[anchor] = _content_stems("\n".join([entry.org, entry.title, *lines]))
        return out

    def has(self, phrase: str) -> bool:
        return contains_phrase(self.folded, phrase)

    def on_dated_line(self, phrase: str) -> bool:
        """The phrase stands on a line of the documents that carries a date: a role or school the reader did
        not structure ("Acme Analytics 2019-2024: built …") is still the documents' own."""
        return any(contains_phrase(line, phrase) for line in self.dated_lines)

    def written(self, phrase: str) -> bool:
        """The phrase in the documents with spaces ignored: an OCR'd scan often drops them ("GoogleAds").
        Only for phrases long enough not to occur by chance inside other words."""
        key = compact(phrase)
        return len(key) >= 6 and key in self.compact

    def holds_skill(self, hit: Hit) -> bool:
        """The documents show the skill: the model holds it, or the documents name it outside a wish or a course
        under way ("Relativity Certified User (RCU) — in progress" names a tool being learnt)."""
        if hit.canonical in self.skills or contains_phrase(self.shown_folded, hit.surface):
            return True
        key = compact(hit.surface)
        return len(key) >= 6 and key in self.shown_compact

    def cert_levels(self, canonical: str) -> set[str]:
        """Level words written right after this certificate in the documents ("Associate", "二级")."""
        levels: set[str] = set()
        for doc in self.docs:
            for line in doc.lines:
                for hit in self.vocab.certifications_in(line):
                    if hit.canonical == canonical:
                        level = _CERT_LEVEL.match(line[hit.end :])
                        if level:
                            levels.add(fold(level.group("level")))
        return levels


_CAPITALISED_RUN = re.compile(r"[A-Z][A-Za-z&.'-]*(?:[\s-]+(?:of|and|for|the|at|&|[A-Z][A-Za-z&.'-]*))*")


def _acronyms(text: str) -> set[str]:
    """Initials of every run of capitalised words ("National Institute of Technology" gives NIT and NI, IT...)."""
    out: set[str] = set()
    for line in text.splitlines():  # three to five consecutive words ("customer acquisition cost": CAC)
        words = [w for w in re.findall(r"[A-Za-z]+", line) if w.casefold() not in {"of", "and", "the", "for"}]
        for size in (3, 4, 5):
            out |= {"".join(w[0] for w in words[i : i + size]).upper() for i in range(len(words) - size + 1)}
    for run in _CAPITALISED_RUN.findall(text):
        initials = [w[0] for w in re.split(r"[\s-]+", run) if w and w[0].isupper()]
        for i in range(len(initials)):
            for j in range(i + 2, min(len(initials), i + 6) + 1):
                out.add("".join(initials[i:j]))
    return out


def _content_stems(text: str) -> set[str]:
    words = fold(text).split()
    stems = {stem(w) for w in words if len(w) > 2 and w not in _NEVER_NAMES}
    if has_cjk(text):  # Chinese: character bigrams stand in for words
        chars = "".join(ch for ch in text if is_cjk_char(ch))
        stems |= {chars[i : i + 2] for i in range(len(chars) - 1)}
    return stems


# Evidence of recent document sets, by their content: every reply of a service is checked against the same
# documents (Match, Customize, Interview, each attempt), and a candidate running many JDs uses one resume for
# all. Preparing it is most of a check's CPU (~20 ms for a one-page resume and its history); the lookups are
# read-only once built, so one copy serves every thread.
EVIDENCE_CACHE_SIZE = 32
_evidence: OrderedDict[str, Evidence] = OrderedDict()
_evidence_lock = threading.Lock()


def evidence_for(documents: Sequence[DocumentModel], job: JobFacts | None = None) -> Evidence:
    """The documents' Evidence (cached by their content), for a check that may also read the JD's skills."""
    docs = [d for d in documents if d is not None]
    key = hashlib.sha256(repr(docs).encode("utf-8", "surrogatepass")).hexdigest()
    with _evidence_lock:
        shared = _evidence.get(key)
        if shared is not None:
            _evidence.move_to_end(key)
    if shared is None:
        shared = Evidence(docs, None, get_vocabulary())
        with _evidence_lock:
            _evidence[key] = shared
            while len(_evidence) > EVIDENCE_CACHE_SIZE:
                _evidence.popitem(last=False)
    return shared.for_job(job)


# A list's mark, bulleted or numbered ("• ", "- ", "1. ", "2) ", "3、"): a publication list's "1. Raghunathan P, …" is
# copied as "- Raghunathan P, …".
_LIST_MARK = re.compile(r"^(?:[\s\-*•●▪◆■·>#]+|\s*\d{1,2}[.)、]\s+)+")


def _own_units(doc: DocumentModel) -> Iterable[str]:
    """A document's lines, and each bullet with its wrapped lines joined (core.facts.read.bullet_units), read
    section by section so that no bullet runs on into the next heading."""
    yield from doc.lines
    for section in doc.sections:
        yield from (text for _, text in bullet_units(doc.lines[section.start + 1 : section.end]))


def as_copied(line: str) -> str:
    """A line as a copy of it reads whatever its list mark, spacing and case ("• Led 3 …" = "- led 3 …")."""
    return " ".join(_LIST_MARK.sub("", line).split()).casefold()


def check(markdown: str, documents: Sequence[DocumentModel], job: JobFacts | None = None) -> list[Flag]:
    """Flag every claim of `markdown` that the documents do not hold, line by line."""
    evidence = evidence_for(documents, job)
    flags: list[Flag] = []
    for number, raw in enumerate(markdown.splitlines(), start=1):
        plain = strip_markdown(raw)
        if not plain or set(plain) <= set("-=*_|: "):
            continue
        if evidence.vocab.section_of(plain) is not None and len(plain) <= 40:
            continue
        if as_copied(plain) in evidence.own_lines:
            continue  # "### Brightpath Talent Partners — Dallas, TX (IT contract staffing agency)", as written
        seen: set[tuple[str, str]] = set()
        heading = raw.lstrip().startswith("#")
        # "希望在新的平台承担年级组管理工作": the job wanted names no employer, title or skill held
        for clause in _CLAUSE_SPLIT.split(
            without_wishes(plain)
        ):  # "MSc …, UCL, 2017; B.Tech …, IIT Madras, 2016": two facts
            if not clause.strip():
                continue
            for kind, token, says in _LineChecker(clause.strip(), evidence, heading).claims():
                if (kind, token) not in seen:
                    seen.add((kind, token))
                    flags.append(Flag(line=number, text=raw.strip(), kind=kind, token=token, says=says))
    return flags


Claim = tuple[str, str, str | None]


class _LineChecker:
    """The unsupported claims of one plain-text line."""

    def __init__(self, line: str, evidence: Evidence, raw_heading: bool = False) -> None:
        self.line = line
        self.raw_heading = raw_heading
        self.ev = evidence
        self.vocab = evidence.vocab
        self.taken: list[tuple[int, int]] = []  # spans already read as a typed claim
        self.anchors = self._anchors()

    # --- which entry is this line about -------------------------------------------------------------
    def _anchors(self) -> list[_Anchor]:
        """Entries the line names (employer or school), else the one whose words it shares most."""
        folded = fold(self.line)
        named: list[_Anchor] = []
        for anchor, entry in self.ev.entries():
            org = entry.org.strip()
            if len(compact(org)) >= 2 and contains_phrase(folded, org):
                named.append(anchor)
        if named:
            return named
        words = _content_stems(self.line)
        if len(words) < 3:
            return []
        best: tuple[float, _Anchor | None] = (0.0, None)
        for anchor, stems in self.ev.entry_stems.items():
            score = len(words & stems) / len(words)
            if score > best[0]:
                best = (score, anchor)
        return [best[1]] if best[1] is not None and best[0] >= 0.6 else []

    def _take(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def _is_taken(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    # --- the claims --------------------------------------------------------------------------------
    def claims(self) -> list[Claim]:
        found: list[Claim] = []
        found += self._contacts()
        found += self._certifications()
        found += self._degrees()
        found += self._languages()
        found += self._role_heading()
        found += self._cjk_employer_phrase()
        found += self._extended_names()
        found += self._dates()
        found += self._numbers()
        found += self._skills()
        found += self._cjk_names()
        found += self._latin_names()
        found += self._lower_titles()
        return found

    def _contacts(self) -> list[Claim]:
        out: list[Claim] = []
        for m in _EMAIL.finditer(self.line):
            self._take(*m.span())
            if m.group(0).casefold() not in self.ev.emails:
                out.append(("contact", m.group(0), next(iter(sorted(self.ev.emails)), None)))
        for m in _URL.finditer(self.line):
            self._take(*m.span())
            if not self.ev.has(m.group(0).rstrip(".,;")) and compact(m.group(0)) not in self.ev.compact:
                out.append(("contact", m.group(0), None))
        for place in self.ev.places:  # "Seattle, WA 98101" as the documents write it: its ZIP code is no figure
            at = self.line.find(place) if any(ch.isdigit() for ch in place) else -1
            if at >= 0:
                self._take(at, at + len(place))
        for m in _PHONE.finditer(self.line):
            digits = re.sub(r"\D", "", m.group(0))
            if len(digits) < 7 or self._is_taken(*m.span()) or find_dates(m.group(0)):
                continue
            self._take(*m.span())
            if not any(digits in p or p in digits for p in self.ev.phones):
                out.append(("contact", m.group(0), None))
        return out

    def _role_heading(self) -> list[Claim]:
        """A role heading ("Title · Employer · dates", "职位 | 公司 | 日期"): the title and the employer parts must
        be the documents' own, and the title the one held at that employer."""
        if not (find_dates(self.line) or self.raw_heading) or not _PART_SPLIT.search(self.line):
            return []
        line = re.split(r"[:：]\s", self.line, maxsplit=1)[0] if not self.raw_heading else self.line
        if re.search(r"[。！？]|\.\s+[A-Z]", line) or len(line.split()) > 14:
            return []  # a sentence, not a heading
        if _CERT_CUE.search(line) or any(w in _CERT_WORDS for w in fold(line).split()):
            return []  # a certificate and its year ("AWS Certified Solutions Architect – Associate (2021)")
        for hit in reversed(find_dates(line)):
            line = line[: hit.start] + " · " + line[hit.end :]
        parts = [p.strip(" .·|,-–—()（）[]") for p in _PART_SPLIT.split(line)]
        parts = [p for p in parts if p and not p.isdigit() and fold(p) not in _ROLE_NOISE and _name_shaped(p)]
        titles = [p for p in parts if self._title_like(p)]
        if not titles or len(parts) < 2:
            return []
        orgs = [p for p in parts if p not in titles and self._org_entity(p) is not None]
        anchors = [a for a in self.ev.entries_named(orgs)] if orgs else []
        out: list[Claim] = []
        for part in parts:
            if part in titles:
                held = (
                    [self.ev.entry(a).title for a in anchors]
                    if anchors
                    else [n for k, n in self.ev.entities if k == "title"]
                )
                headers = "".join(self.ev.header_of(a) for a in anchors)
                as_written = bool(anchors) and len(compact(part)) >= 4 and compact(part) in compact(headers)
                unread = not anchors and not held and self.ev.has(part)  # no role was read: the title as written
                # No employer named, the part stands on a dated line of the documents: their own heading, whatever
                # the reader made of it ("实验室设备预约系统（课程设计，3 人小组，担任组长）  2024.09 – 2024.12").
                unread = unread or (not anchors and self.ev.on_dated_line(part))
                if not (as_written or unread) and not any(_same_title(part, t, self.ev) for t in held if t):
                    out.append(("title", part, held[0] if len(held) == 1 else None))
                    self._take_text(part)
            elif (
                part not in orgs
                and not self._is_place_or_noise(part)
                and not self.ev.on_dated_line(part)
                and not self._team_of_title(part)
            ):
                employers = [n for k, n in self.ev.entities if k == "employer"]
                out.append(("employer", part, employers[0] if len(employers) == 1 else None))
                self._take_text(part)
        return out

    def _team_of_title(self, part: str) -> bool:
        """The team a title of the documents holds: "Telemetry Unit" in "### Staff Nurse, Telemetry Unit", the resume's
        own heading over "Memorial Hermann Hospital, Houston, TX | March 2022 – Present", is no employer (the title
        beside it is checked on its own)."""
        return any(contains_phrase(fold(held), part) for kind, held in self.ev.entities if kind == "title")

    def _title_like(self, part: str) -> bool:
        if has_cjk(part):
            return compact(part).endswith(tuple(compact(t) for t in self.vocab.cjk_title_suffixes))
        words = fold(part).split()
        return (
            bool(words)
            and len(words) <= 6
            and (stem(words[-1]) in self.vocab.title_heads or words[-1] in self.vocab.title_heads)
        )

    def _org_entity(self, part: str) -> str | None:
        """The documents' employer or school this part names (its short form counts: "Ocado" for Ocado Technology)."""
        key = _org_key(part)
        if not key:
            return None
        written = self.ev.has(part)  # the documents write this name as it stands
        for kind, name in self.ev.entities:
            if kind not in ("employer", "school", "name"):
                continue
            other = _org_key(name)
            if key == other or f" {key} " in f" {other} " or (written and f" {other} " in f" {key} "):
                return name
            if has_cjk(key) and (compact(key) in compact(other) or (written and compact(other) in compact(key))):
                return name
        return None

    def _is_place_or_noise(self, part: str) -> bool:
        folded = fold(part)
        if not folded or folded in self.vocab.generic_words or folded in _ROLE_NOISE:
            return True
        return any(contains_phrase(fold(place), part) for place in self.ev.places)

    def _cjk_employer_phrase(self) -> list[Claim]:
        """ "曾在腾讯负责…": the organisation someone worked at must be one of the documents' employers."""
        out: list[Claim] = []
        for m in _CJK_WORKED_AT.finditer(self.line):
            org = m.group("org")
            if self._org_entity(org) is None and not self._is_taken(m.start("org"), m.end("org")):
                self._take(m.start("org"), m.end("org"))
                employers = [n for k, n in self.ev.entities if k == "employer"]
                out.append(("employer", org, employers[0] if len(employers) == 1 else None))
        return out

    def _take_text(self, part: str) -> None:
        at = self.line.find(part)
        if at >= 0:
            self._take(at, at + len(part))

    def _extended_names(self) -> list[Claim]:
        """A known name with a word added is another name: "Google Cloud" or "ServiceNow India" for the
        employer Google or ServiceNow, "Senior Backend Engineer" or "Software Engineer II" for a title."""
        out: list[Claim] = []
        for kind, name in self.ev.entities:
            for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", self.line, re.IGNORECASE):
                after = re.match(r" ([A-Z][\w&+.-]+|I{1,3}V?\b(?! [a-z]))(?!')", self.line[m.end() :])
                before = re.search(r"\b([A-Za-z.]+) $", self.line[: m.start()]) if kind == "title" else None
                added = after.group(1) if after and after.group(1).casefold() not in _CONNECTORS else None
                form_end = _legal_form_end(self.line, m.end()) if kind != "title" else m.end()
                if form_end > m.end():
                    self._take(m.start(), form_end)  # "Zalando SE", "Tata Consultancy Services Pvt Ltd": its legal form
                    continue
                extended = None
                if added is not None and not self.ev.has(f"{name} {added}"):
                    extended = f"{m.group(0)} {added}"
                elif (
                    before
                    and before.group(1).casefold().rstrip(".") in self.vocab.seniority
                    and not self.ev.has(f"{before.group(1)} {name}")
                ):
                    extended = f"{before.group(1)} {m.group(0)}"
                if extended is not None:
                    self._take(m.start() - (len(extended) - len(m.group(0)) if not added else 0), m.end())
                    out.append(("title" if kind == "title" else kind, extended, name))
        return out

    def _certifications(self) -> list[Claim]:
        out: list[Claim] = []
        hits = self.vocab.certifications_in(self.line)
        for hit, pending in zip(hits, pending_flags(self.line, hits), strict=True):
            self._take(hit.start, hit.end)
            level = _CERT_LEVEL.match(self.line[hit.end :])
            claimed = hit.surface + (level.group(0) if level else "")
            worked_towards = self.ev.pending_certs.get(hit.canonical)
            if worked_towards is not None and not pending:  # "CPA" for the documents' "CPA Candidate"
                out.append(("certification", claimed.strip(), worked_towards))
                continue
            if self.ev.has(claimed) or self.ev.written(claimed):
                continue
            same_cert = hit.canonical in self.ev.certs  # either language: CET-6 = 大学英语六级
            if same_cert and level is None:
                continue  # the certificate, worded differently ("AWS Solutions Architect" for "AWS Certified …")
            if same_cert and level is not None and fold(level.group("level")) in self.ev.cert_levels(hit.canonical):
                continue
            out.append(("certification", claimed.strip(), None))
        if _CERT_CUE.search(self.line):
            for found in _CJK_CERT_LEVEL.finditer(self.line):
                name, grade = _cert_pair(found)
                held = self.ev.cjk_cert_levels.get(name)
                if held is not None and grade not in held:
                    self._take(*found.span())
                    out.append(("certification", found.group(0).strip(), "、".join(sorted(held)) or None))
        return out

    def _degrees(self) -> list[Claim]:
        out: list[Claim] = []
        for hit in self.vocab.degrees_in(self.line):
            if self._is_taken(hit.start, hit.end):
                continue
            self._take(hit.start, hit.end)
            schools = [self.ev.entry(a) for a in self.anchors if self.ev.entry(a).kind == "education"]
            if schools:  # the degree earned at the school this line names
                levels = {e.degree_level for e in schools if e.degree_level}
                if not levels or hit.canonical in levels or (hit.canonical == "master" and "mba" in levels):
                    continue
                out.append(("degree", hit.surface, ", ".join(e.title for e in schools if e.title) or None))
                continue
            if hit.canonical in self.ev.degree_levels or self.ev.has(hit.surface):
                continue
            if hit.canonical == "master" and "mba" in self.ev.degree_levels:
                continue
            held = sorted(self.ev.degree_levels)
            out.append(("degree", hit.surface, ", ".join(held) or None))
        return out

    def _languages(self) -> list[Claim]:
        out: list[Claim] = []
        cue = bool(_LANGUAGE_CUES.search(self.line))
        for hit in self.vocab.languages_in(self.line):
            if self._is_taken(hit.start, hit.end):
                continue
            self._take(hit.start, hit.end)
            unambiguous = has_cjk(hit.surface) and hit.surface.endswith(("语", "文"))
            if not (cue or unambiguous):
                continue
            if hit.canonical not in self.ev.languages and not self.ev.has(hit.surface):
                out.append(("language", hit.surface, None))
        return out

    def _skills(self) -> list[Claim]:
        out: list[Claim] = []
        hits = list(self.vocab.skills_in(self.line))
        hits += self._listed_skills(hits)
        learning = learning_spans(self.line)  # "Relativity Certified User (in progress)" claims no skill held
        for hit in hits:  # a skill may share a span with its version ("Python 3")
            self._take(hit.start, hit.end)
            if self.ev.holds_skill(hit) or any(a <= hit.start < b for a, b in learning):
                continue
            chinese_term = has_cjk(hit.surface) and not re.search(r"[A-Za-z]", hit.surface)
            concept = chinese_term or self._is_concept(hit.canonical)
            if concept and hit.canonical not in self.ev.job_skills:
                continue  # a way of working worded freely ("数据驱动"), not a named tool: only the JD's own count
            out.append(("skill", hit.surface, None))
        return out

    def _listed_skills(self, found: list[Hit]) -> list[Hit]:
        """Skills the vocabulary reads only as written ("Angular"), found in lower case where a person lists
        skills: items of a list line, or the word that opens a bullet ("cassandra and redis for …")."""
        spans = [(h.start, h.end) for h in found]
        out: list[Hit] = []
        listed = _SKILLS_LABEL.match(self.line) or len(re.findall(r"[,、，·|/]", self.line)) >= 2
        candidates = list(re.finditer(r"[A-Za-z][\w+#.-]*", self.line)) if listed else []
        first = re.match(r"\s*([a-z][\w+#.-]*)", self.line)
        if first:
            candidates.append(first)
        for m in candidates:
            word = m.group(1) if m.re.groups else m.group(0)
            start = m.start(m.re.groups) if m.re.groups else m.start()
            if any(a < start + len(word) and start < b for a, b in spans):
                continue
            canonical = self.vocab.canonical_skill(word.rstrip(".,"))
            if canonical is not None and fold(word) not in self.vocab.generic_words:
                out.append(Hit(canonical, word, start, start + len(word), "skill"))
                spans.append((start, start + len(word)))
        return out

    def _is_concept(self, canonical: str) -> bool:
        """A method or area ("paid search", "数据驱动", "reporting") rather than a named tool ("Kafka",
        "Google Ads", "SQL"): every word of its English name is an ordinary word of English prose."""
        words = re.findall(r"[A-Za-z]+", self.vocab.label(canonical, "en"))
        common = _common_words()
        return bool(words) and all(w.casefold() in common for w in words) and not any(w.isupper() for w in words)

    def _dates(self) -> list[Claim]:
        out: list[Claim] = []
        for hit in find_dates(self.line):
            self._take(hit.start, hit.end)
            allowed = set().union(*(self.ev.entry_dates.get(a, set()) for a in self.anchors)) if self.anchors else None
            pool = allowed if allowed else self.ev.all_dates
            if _date_in(hit.value, pool) or _date_in(hit.value, self.ev.loose_dates):
                continue
            if (
                allowed
                and _date_in(hit.value, self.ev.all_dates)
                and any(_within(hit.value, self.ev.entry(a)) for a in self.anchors)
            ):
                continue  # "2024 年 华中科技大学 “挑战杯” …二等奖": a dated line of the documents, in the years there
            says = None
            if self.anchors:
                entry = self.ev.entry(self.anchors[0])
                says = " – ".join(v for v in (entry.start, entry.end) if v) or None
            out.append(("date", hit.raw, says))
        return out

    def _numbers(self) -> list[Claim]:
        out: list[Claim] = []
        anchored: set[tuple[int, int | None]] = {(a.doc, a.entry) for a in self.anchors}
        for hit in find_numbers(self.line):
            if self._is_taken(hit.start, hit.end):
                continue
            self._take(hit.start, hit.end)
            if not re.search(r"\d", hit.raw) or (hit.value in ("0", "1") and hit.kind == "count"):
                continue  # "千万", "从 0 到 1": words, not a figure to check
            if hit.kind == "count" and _YEAR.fullmatch(hit.raw) and hit.raw in self.ev.all_dates:
                continue  # "…through the 2021 / packaging shortage": a year the documents write, read as a date there
            ours = _Quantity.of(hit.context, self.line, hit.end, _unit_class(hit.raw, hit.kind))

            says = self._number_conflict(hit.value, ours, anchored)
            if says is not False:
                out.append(("number", hit.raw, str(says) or None))
        return out

    def _number_conflict(self, value: str, ours: _Quantity, anchored: set[tuple[int, int | None]]) -> str | bool:
        """False when the documents state this value for this quantity; else what they state instead ("" if
        nothing comparable). The entry the line is about decides first: "led 6" fails when that role says 8,
        even if a 6 stands elsewhere in the resume."""
        everywhere = self.ev.numbers
        in_entry = [r for r in everywhere if (r.doc, r.fact.entry) in anchored]

        def best(refs: list[_NumberRef], same: bool) -> tuple[int, _NumberRef | None]:
            scored = [
                (ours.agreement(r.quantity), r)
                for r in refs
                if (r.fact.value == value) == same and (same or r.quantity.unit == ours.unit)
            ]
            return max(scored, key=lambda pair: pair[0], default=(-1, None))

        summary_score, summary_ref = best([r for r in everywhere if r.fact.entry is None], True)
        if summary_ref is not None and summary_score >= _SAME_THING:
            return False  # the summary states this figure of this quantity ("8 years in commercial construction")
        if in_entry:
            same_score, same_ref = best(in_entry, True)
            rival_score, rival = best(in_entry, False)
            if same_ref is not None and (same_score > 0 or same_score >= rival_score or rival_score < _SAME_THING):
                return False  # the role states this figure
            if rival is not None and rival_score >= _SAME_THING:
                return rival.fact.raw  # the role counts the same thing with another figure
        same_score, same_ref = best(everywhere, True)
        rival_score, rival = best(everywhere, False)
        if same_ref is not None and (ours.unit != "version" or same_score > 0):
            return False  # the documents state this figure (a version, next to the same tool)
        return rival.fact.raw if rival is not None and rival_score > 0 else ""

    def _cjk_names(self) -> list[Claim]:
        """Chinese organisation and title names: the name before a known suffix must be the documents' own."""
        if not has_cjk(self.line):
            return []
        out: list[Claim] = []
        titles = [t for t in self.vocab.cjk_title_suffixes if len(t) >= 2 and t not in _WEAK_CJK_TITLES]
        suffixes = sorted(set(self.vocab.cjk_org_suffixes) - _WEAK_CJK_ORGS | set(titles), key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, suffixes)))
        line = self.line
        for m in pattern.finditer(line):
            end = m.end()
            if self._is_taken(m.start(), end):
                continue
            begin = m.start()
            # Longest run ending at the suffix that the documents hold.
            start = begin
            while start > 0 and is_cjk_char(line[start - 1]) and compact(line[start - 1 : end]) in self.ev.compact:
                start -= 1
            before = line[max(0, start - 2) : start]
            prefix_is_modifier = any(before.endswith(s) for s in self.vocab.cjk_seniority)
            name_char_before = bool(before) and is_cjk_char(before[-1]) and before[-1] not in _CJK_BEFORE_NAME
            held = compact(line[start:end]) in self.ev.compact and start < begin
            if held and not prefix_is_modifier and (not name_char_before or begin - start >= 3):
                continue  # the documents' own name (a long one stands whatever verb comes before it)
            if (
                not held
                and start == begin
                and (not before or before[-1] in _CJK_BEFORE_NAME or not is_cjk_char(before[-1]))
            ):
                continue  # the suffix alone ("4 位设计师") names nobody
            name_start = start
            while name_start > 0 and is_cjk_char(line[name_start - 1]) and line[name_start - 1] not in _CJK_BEFORE_NAME:
                name_start -= 1
                if start - name_start >= 8:
                    break
            token = line[name_start:end]
            kind = "title" if m.group(0) in self.vocab.cjk_title_suffixes else "employer"
            if any(token.endswith(s) for s in ("大学", "学院")):
                kind = "school"
            out.append((kind, token, self._nearest_entity(kind, m.group(0))))
        return out

    def _nearest_entity(self, kind: str, suffix: str) -> str | None:
        for entity_kind, name in self.ev.entities:
            if (entity_kind == kind or kind == "school") and name.endswith(suffix):
                return name
        return None

    def _latin_names(self) -> list[Claim]:
        out: list[Claim] = []
        for phrase, kind_hint in self._phrases():
            if self.ev.has(phrase) or self.ev.written(phrase):
                continue
            claim = self._judge_phrase(phrase, kind_hint)
            if claim is not None:
                out.append(claim)
        return out

    def _phrases(self) -> list[tuple[str, str]]:
        """Capitalised phrases (names) of the line outside spans already read, with a kind hint."""
        phrases: list[tuple[str, str]] = []
        current: list[str] = []
        pending: list[str] = []  # connectors waiting for the next capitalised word
        last_end = 0

        def close() -> None:
            if current:
                phrases.append((" ".join(current), _kind_hint(current)))
            current.clear()
            pending.clear()

        for m in _LATIN_TOKEN.finditer(self.line):
            token = m.group(0).rstrip(".") if not m.group(0).endswith("..") else m.group(0)
            gap = self.line[last_end : m.start()]
            sentence_start = not self.line[: m.start()].strip() or bool(_SENTENCE_END.search(self.line[: m.start()]))
            last_end = m.end()
            if self._is_taken(m.start(), m.end()) or (gap.strip() and gap.strip() not in {"&"}):
                close()
                if self._is_taken(m.start(), m.end()):
                    continue
            if current and gap.strip() == "&":
                pending.append("&")  # "Buyer & Listing Agent" as written, not "Buyer Listing Agent"
            low = token.casefold()
            if current and low in _CONNECTORS:
                pending.append(token)
                continue
            if not self._is_name_token(token, sentence_start):
                close()
                continue
            current.extend(pending)
            pending.clear()
            current.append(token)
        close()
        return phrases

    def _is_name_token(self, token: str, sentence_start: bool) -> bool:
        low = token.casefold()
        generic = low in self.vocab.generic_words and low not in _NAME_HEADS
        if low in _NEVER_NAMES or generic or not token[0].isupper():
            return False
        tech_shaped = bool(re.search(r"[A-Z].*[A-Z]|[0-9+#]", token[1:])) and not token.isupper()
        if token.isupper() and len(token) > 1:
            return True
        if tech_shaped:
            return True
        if sentence_start:
            # Grammar capitalises the first word: a name only if the documents write it capitalised too.
            return token in self.ev.case_words and low not in self.ev.case_words
        return True

    def _judge_phrase(self, phrase: str, kind_hint: str) -> Claim | None:
        folded = fold(phrase)
        pieces = [p for p in re.split(r"\s+(?:and|&)\s+", phrase) if p]
        if len(pieces) > 1 and all(self.ev.has(p) or self._org_entity(p) for p in pieces):
            return None  # two names the documents hold ("Zalando and N26")
        # A known name with words added is another name ("Google Cloud", "Senior Backend Engineer").
        for entity_kind, name in self.ev.entities:
            key = fold(name)
            if key and key != folded and f" {key} " in f" {folded} ":
                kind = "title" if entity_kind == "title" else entity_kind
                return (kind, phrase, name)
        if kind_hint != "name":
            return (kind_hint, phrase, self._entity_of_kind(kind_hint))
        words = folded.split()
        known = [stem(w) in self.ev.stems or w.upper() in self.ev.acronyms for w in words]
        if all(known) and (len(words) > 1 or phrase.isupper() or words[0] in self.ev.stems):
            return None  # words the documents use (capitalised for emphasis), or their initials (NIT)
        return ("name", phrase, None)

    def _entity_of_kind(self, kind: str) -> str | None:
        names = [name for entity_kind, name in self.ev.entities if entity_kind == kind]
        return names[0] if len(names) == 1 else None

    def _lower_titles(self) -> list[Claim]:
        """Job titles written in lower case with a seniority word ("senior data engineer")."""
        out: list[Claim] = []
        tokens = list(re.finditer(r"[A-Za-z][A-Za-z.-]*", self.line))
        for i, m in enumerate(tokens):
            if stem(m.group(0)) not in self.vocab.title_heads and m.group(0).casefold() not in self.vocab.title_heads:
                continue
            j = i
            while j > 0 and i - j < 4 and tokens[j - 1].group(0).casefold() not in _NEVER_NAMES:
                if self.line[tokens[j - 1].end() : tokens[j].start()].strip():
                    break
                j -= 1
            words = [t.group(0) for t in tokens[j : i + 1]]
            if not any(w.casefold().rstrip(".") in self.vocab.seniority for w in words[:-1]):
                continue
            # Trim leading words until the phrase starts at the seniority word.
            while words and words[0].casefold().rstrip(".") not in self.vocab.seniority:
                words = words[1:]
            phrase = " ".join(words)
            if self._is_taken(tokens[i].start(), tokens[i].end()) and phrase[0].isupper():
                continue
            if not self.ev.has(phrase):
                out.append(("title", phrase, self._entity_of_kind("title")))
        return out


def _kind_hint(words: list[str]) -> str:
    low = [w.casefold().rstrip(".") for w in words]
    if any(w in _SCHOOL_WORDS for w in low):
        return "school"
    if any(w in _CERT_WORDS for w in low):
        return "certification"
    if low[-1] in _ORG_WORDS:
        return "employer"
    vocab = get_vocabulary()
    if stem(low[-1]) in vocab.title_heads or low[-1] in vocab.title_heads:
        return "title"
    return "name"


def _within(value: str, entry: Entry) -> bool:
    """The date falls in the entry's span (a year alone: in its years)."""
    if not entry.start or value == PRESENT:
        return False
    end = "9999" if not entry.end or entry.end == PRESENT else entry.end
    width = len(value) if len(value) == 4 else 7
    return entry.start[:width] <= value[:width] <= end[:width]


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _date_in(value: str, pool: set[str]) -> bool:
    if value in pool:
        return True
    if value == PRESENT:
        return False
    if len(value) == 4:  # a year alone matches any month of it
        return any(v.startswith(value) for v in pool)
    return value[:4] in pool  # the documents give only the year


_ANY_PEOPLE = frozenset({"people", "person", "member", "report", "staff", "employee", "headcount", "hire", "team"})
_SAME_THING = 3  # agreement when two figures count the same noun (or two kinds of people)


@dataclass(frozen=True)
class _Quantity:
    """What a number counts: its Latin context words, and for Chinese the characters right after it (the
    measure word and noun: 12 人 is people, 12 个微服务 is services)."""

    words: frozenset[str]
    cjk_after: str
    unit: str = "count"  # count|percent|money|version: a figure only rivals a figure of its kind
    noun: str = ""  # the word right after the figure ("8 engineers" -> engineer), the thing counted

    @classmethod
    def of(cls, context: Sequence[str], line: str, end: int, unit: str = "count") -> _Quantity:
        after = re.match(r"\s*([\u3400-\u9fff]{1,4})", line[end:])
        noun = re.match(r"[\s%+xX-]*([A-Za-z]{3,})", line[end:])
        words = frozenset(w for w in context if not has_cjk(w))
        return cls(words, after.group(1) if after else "", unit, stem(noun.group(1)) if noun else "")

    @property
    def empty(self) -> bool:
        return not self.words and not self.cjk_after

    def agreement(self, other: _Quantity) -> int:
        if self.noun and other.noun and self.noun in self.words and other.noun in other.words:
            people = {self.noun, other.noun} <= _PEOPLE and bool({self.noun, other.noun} & _ANY_PEOPLE)
            if self.noun == other.noun or people:
                return _SAME_THING + len(self.words & other.words)
            return 0  # different things counted: customers are not engineers
        shared = len(self.words & other.words)
        if self.words & _PEOPLE and other.words & _PEOPLE:
            shared += 1
        if self.cjk_after and other.cjk_after:
            same_unit = self.cjk_after[0] == other.cjk_after[0]
            bigrams = {self.cjk_after[i : i + 2] for i in range(len(self.cjk_after) - 1)}
            if same_unit or any(other.cjk_after[i : i + 2] in bigrams for i in range(len(other.cjk_after) - 1)):
                shared += _SAME_THING
        return shared


@dataclass(frozen=True)
class _NumberRef:
    doc: int
    fact: NumberFact
    quantity: _Quantity


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words the bundled knowledge base writes in lower case: ordinary English, never a product's name."""
    base = Path(__file__).resolve().parents[2] / "knowledge" / "base" / "en"
    words: set[str] = set()
    for path in sorted(base.rglob("*.md")):
        words |= set(re.findall(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])", path.read_text(encoding="utf-8")))
    return frozenset(words)


def _unit_class(raw: str, kind: str) -> str:
    if "%" in raw or "百分" in raw or "percent" in raw.casefold():
        return "percent"
    if re.search(r"[$¥€£元]|rmb|usd|eur", raw, re.IGNORECASE):
        return "money"
    return "version" if kind == "version" else "count"


def _number_refs(docs: Sequence[DocumentModel]) -> list[_NumberRef]:
    refs: list[_NumberRef] = []
    for d, doc in enumerate(docs):
        hits_by_line: dict[int, list[NumberHit]] = {}
        for fact in doc.numbers:
            line = doc.lines[fact.line] if 0 <= fact.line < len(doc.lines) else ""
            if fact.line not in hits_by_line:
                hits_by_line[fact.line] = find_numbers(line)
            # The figure's own place on its line: "管理5人…由8天缩短至5天" holds two 5s, each with its own quantity.
            same = [h for h in hits_by_line[fact.line] if h.raw == fact.raw]
            hit = next((h for h in same if list(h.context) == list(fact.context)), same[0] if same else None)
            if hit is not None:
                end, kind = hit.end, hit.kind
            else:
                at = line.find(fact.raw)
                end, kind = (at + len(fact.raw) if at >= 0 else len(line)), "count"
            refs.append(_NumberRef(d, fact, _Quantity.of(fact.context, line, end, _unit_class(fact.raw, kind))))
    return refs
