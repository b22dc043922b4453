"""Keyword coverage against the document models: each JD keyword is in the resume, only in the career history,
or missing, with the document line that proves it.

Matching goes through the bilingual vocabulary (JS = JavaScript, k8s = Kubernetes, 机器学习 = ML) and, for
keywords it does not know, through word stems in a short window ("deploying models" ~ "model deployment"),
so a keyword the resume holds under another name is not reported missing. The same documents and keywords
always give the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from core.facts.cert_status import is_pending, pending_only
from core.facts.languages import MULTILINGUAL, OWN_LANGUAGES, at_working_level
from core.facts.model import DocumentModel
from core.facts.read import bullet_units, study_field_lists, unit_at
from core.facts.shown import shown_lines
from core.facts.text import column_naming, contains_phrase, fold
from core.facts.vocabulary import Hit, Vocabulary, get_vocabulary
from core.facts.wishes import without_wishes

Status = Literal["resume", "detailed", "missing"]


@dataclass(frozen=True)
class KeywordProof:
    keyword: str
    status: Status
    proof: str | None  # the document line that shows it


def _proof_line(keyword: str, doc: DocumentModel, vocab: Vocabulary, memo: dict[Any, Any]) -> str | None:
    """The first line of `doc` that mentions the keyword (by canonical skill, alias or stems); `memo` is this
    document's scan cache (see Vocabulary.find_term)."""
    canonical = vocab.canonical_skill(keyword)
    if canonical == MULTILINGUAL and memo.get(ASKED_LANGUAGES):
        # the posting names the language ("Bilingual English/Spanish", "英语可作为工作语言"): that one, not any
        return _second_language_proof(doc, vocab, doc.wish_lines(), memo[ASKED_LANGUAGES])
    if canonical and canonical in doc.skills:
        index = doc.skills[canonical]
        if 0 <= index < len(doc.lines):
            # the whole bullet, not the line a wrap left the keyword on
            return _own_column(unit_at(doc, index)[1].strip(), keyword, vocab, memo)
    if _only_worked_towards(keyword, doc, vocab, memo):
        return None  # every mention says it is not held, whatever line a narrow column left its name on
    # Only where the term could be (Vocabulary.places): a keyword the document lacks is usually nowhere.
    singles, pairs = vocab.places(keyword, doc.lines, memo)
    wishes = doc.wish_lines()  # the job the user wants proves nothing
    shown = _shown_lines(doc, memo)
    listed: set[int] = set()
    if vocab.knows("certification", keyword):
        singles = doc.section_first("certifications", singles)
        listed = set(doc.section_lines("certifications"))
    for i in singles:
        line = shown[i]
        if i in wishes or not line.strip():
            continue
        if _held_in(keyword, line, vocab, memo) or (i in listed and _listed_as(keyword, line, vocab)):
            return _own_column(unit_at(doc, i)[1].strip(), keyword, vocab, memo)
    # A term split over a wrapped line: look in the pairs of neighbouring lines that could hold it.
    for i in pairs:
        if i in wishes or i + 1 in wishes:
            continue
        first, second = shown[i], shown[i + 1]
        if _held_in(keyword, f"{first} {second}", vocab, memo):
            return f"{first.strip()} {second.strip()}"
    if canonical == TEAM_MANAGEMENT:
        return _headcount_proof(doc, wishes) or _leader_title_proof(doc) or _title_proof(keyword, doc)
    if canonical in _SOFT_SKILL_DEEDS:
        return _deed_proof(_SOFT_SKILL_DEEDS[canonical], doc) or _title_proof(keyword, doc)
    if canonical == MULTILINGUAL:
        return _second_language_proof(doc, vocab, wishes, memo.get(ASKED_LANGUAGES, frozenset()))
    return _title_proof(keyword, doc)


ASKED_LANGUAGES = "asked languages"  # a scan memo's key: the languages the posting names beside it (asked_languages)


def _second_language_proof(
    doc: DocumentModel, vocab: Vocabulary, wishes: frozenset[int], asked: frozenset[str]
) -> str | None:
    """A language besides the document's own, written with a working level ("Spanish (fluent)", "英语（流利）"):
    the line that shows the person works in two languages. "Spanish (conversational)" does not, and where the
    posting names the languages ("Bilingual English/Spanish"), German does not either."""
    own = OWN_LANGUAGES.get(doc.lang, frozenset())
    for i, line in enumerate(doc.lines):
        named = {h.canonical for h in vocab.languages_in(line)} - own if i not in wishes else set()
        if not named:
            continue  # most lines name no language: no scan for levels or "bilingual"
        held = set(at_working_level(line, vocab, own))
        if asked and any(h.canonical == MULTILINGUAL for h in vocab.skills_in(line)):
            held |= named  # "Bilingual English/Spanish"
        if any(not asked or language in asked for language in held):
            return unit_at(doc, i)[1].strip()
    return None


def asked_languages(jd: DocumentModel) -> frozenset[str]:
    """The spoken languages a posting asks to work in, less its own: Spanish for "Bilingual English/Spanish" or
    "Fluent Spanish required" in an English posting, English for "中英双语沟通" or "英语流利" in a Chinese one."""
    vocab = get_vocabulary()
    own = OWN_LANGUAGES.get(jd.lang, frozenset())
    named: set[str] = set()
    for line in jd.lines:
        languages = {h.canonical for h in vocab.languages_in(line)}
        if not languages:
            continue  # most lines name no language: no scan for skills (this runs before Match's request)
        if any(h.canonical == MULTILINGUAL for h in vocab.skills_in(line)):
            named |= languages
        named |= set(at_working_level(line, vocab, own))
    return frozenset(named) - own


TEAM_MANAGEMENT = "team management"
# A team led, counted: "管理4人计划团队", "带领10名工程师", "managing 6 engineers". The vocabulary's phrases hold
# "managed a team of", but not a number inside a phrase.
_LED_HEADCOUNT = re.compile(
    r"(?:管理|带领|领导)(?:一支)?[\u4e00-\u9fff]{0,4}?\s*\d{1,3}\s*(?:人|名|位)"  # "管理主播4人", "管理团队共计126人"
    # "管理天猫旗舰店及京东自营店售前、售后客服团队共20人"
    r"|(?:管理|带领|领导)[^，。；;\n]{0,24}?(?:团队|小组|班组|组)[^，。；;\n]{0,4}?\d{1,3}\s*(?:人|名|位)"
    # "管理配送员、仓管等共18人团队", "带领研发、测试共12人的小组": the count before the team
    r"|(?:管理|带领|领导)[^，。；;\n]{0,24}?\d{1,3}\s*(?:人|名)的?(?:团队|小组|班组)"
    r"|下属(?:人数)?\s*[：:]?\s*\d{1,3}\s*(?:人|名)"  # a job site's "下属人数：8人": the people who reported to them
    r"|\b(?:manag(?:e|ed|es|ing)|lead(?:s|ing)?|led|supervis(?:e|ed|es|ing))\s+\d{1,3}\+?\s+"
    r"(?:(?:direct|full-time)\s+)?(?:engineers|people|staff|employees|reports|analysts|developers|designers|"
    r"nurses|agents|associates|planners|buyers|technicians|specialists|recruiters|accountants)\b",
    re.IGNORECASE,
)


def _headcount_proof(doc: DocumentModel, wishes: frozenset[int]) -> str | None:
    """The first bullet saying the person led a team of a given size (see _LED_HEADCOUNT)."""
    for i, line in enumerate(doc.lines):
        if i not in wishes and _LED_HEADCOUNT.search(line):
            return unit_at(doc, i)[1].strip()
    return None


def _only_worked_towards(keyword: str, doc: DocumentModel, vocab: Vocabulary, memo: dict[Any, Any]) -> bool:
    """True for a certificate the document names only as worked towards, read over the whole text: "Board Certified
    (FNP-BC)," + "ANCC – exam scheduled August 2024" is pending though no line alone says so. Once per document."""
    hits = vocab.certifications_in(keyword)
    name = hits[0].canonical if hits else keyword.casefold()
    if not hits and not _could_name(name, doc, vocab, memo):
        return False  # no certificate at all (most keywords): the whole document's scan is not needed
    if "pending certificates" not in memo:
        memo["pending certificates"] = pending_only([doc], vocab)
    return name in memo["pending certificates"]


def _could_name(name: str, doc: DocumentModel, vocab: Vocabulary, memo: dict[Any, Any]) -> bool:
    """Whether `name` could be a key of the document's pending certificates: a canonical certificate of the
    vocabulary, or words the document writes (a "Certified …" it names is keyed by its words, lower case)."""
    if vocab.knows("certification", name):
        return True
    if "folded text" not in memo:
        memo["folded text"] = " ".join(doc.text.casefold().split())
    return name in memo["folded text"]


def _own_column(proof: str, keyword: str, vocab: Vocabulary, memo: dict[Any, Any]) -> str:
    """The proof's column that holds the keyword (core.facts.text.column_naming)."""
    return column_naming(proof, lambda column: _held_in(keyword, column, vocab, memo))


def _shown_lines(doc: DocumentModel, memo: dict[Any, Any]) -> list[str]:
    """The document's lines as core.facts.shown reads them (no wish, no course under way), once per document."""
    shown = memo.get(_SHOWN_LINES)
    if shown is None:
        shown = memo[_SHOWN_LINES] = shown_lines(doc)
    return shown


_SHOWN_LINES = "shown lines"  # a scan memo's key


def _listed_as(keyword: str, line: str, vocab: Vocabulary) -> bool:
    """A certificates section's line names the keyword's credential by a name that is also a job's ("RN – Arizona
    (Compact/NLC)" under LICENSES is the nurse licence a posting asks for; "Charge RN" in a bullet is no licence)."""
    hits = vocab.certifications_in(line, listed=True, known_only=True)
    return any(hit.canonical == keyword and not is_pending(line, hit, vocab) for hit in hits)


def _held_in(keyword: str, text: str, vocab: Vocabulary, memo: dict[Any, Any]) -> bool:
    """The keyword is in the text, and not as a certificate the person only works towards ("CPA candidate"), nor in
    a sentence saying which job they want ("Seeking a position in urgent care")."""
    shown = memo.get(("=shown", text))
    if shown is None:
        shown = memo[("=shown", text)] = without_wishes(text)
    hit = vocab.find_term(keyword, shown, memo)
    return hit is not None and not (hit.kind == "certification" and is_pending(text, hit, vocab))


# The practice a job title names: a "Software Engineer" does software engineering, a "Data Analyst" data analysis.
_AGENT_OF = {
    "engineering": "engineer",
    "development": "developer",
    "analysis": "analyst",
    "analytics": "analyst",
    "management": "manager",
    "design": "designer",
    "architecture": "architect",
    "administration": "administrator",
    "consulting": "consultant",
    "accounting": "accountant",
    "recruiting": "recruiter",
    "recruitment": "recruiter",
    "research": "researcher",
}


# A title that is the leading of a team: "护理组长", "店长", "Shift Lead", "Warehouse Supervisor" ("主管" is left out:
# "招聘主管" is as often a senior recruiter as a team's head).
_LEADER_TITLE = re.compile(
    r"组长|班长|护士长|店长|\b(?:team|tech|shift|crew|line)\s+lead\b|\bsupervisor\b|\bforeman\b",
    re.IGNORECASE,
)


def _leader_title_proof(doc: DocumentModel) -> str | None:
    """The header line of a role whose title leads a team (the earliest line of the role naming it)."""
    for entry in doc.experience:
        if not _LEADER_TITLE.search(entry.title):
            continue
        for line in doc.lines[entry.line_start : max(entry.line_end, entry.line_start + 1)]:
            if _LEADER_TITLE.search(line):
                return line.strip()
    return None


# Deeds that show a soft skill a posting asks by name, where the resume does not name it: a grant writer who
# "Presented at 11 public hearings" had been told "Communication is required but not shown".
_SOFT_SKILL_DEEDS = {
    "communication": re.compile(
        r"\bpresent(?:ed|s|ing)?\s+(?:at|to|before)\b|\b(?:delivered|gave|led|built)\s+(?:\w+\s+){0,2}presentations?\b|\bpublic\s+hearings?\b|\bspoke\s+(?:at|to)\b"
        r"|\b(?:keynote|panel(?:ist)?|guest)\s+speaker\b|\bbriefed\b|\bliais(?:ed|on)\b|\bnegotiated\b|\bpitched\b"
        r"|\b(?:wrote|authored|drafted)\s+(?:[\w$+,-]+\s+){0,3}(?:reports?|proposals?|memos?|briefs?|articles?|letters?"
        r"|newsletters?|documentation|guides?|grants?|papers?)\b"
        r"|\b(?:counsel(?:l)?ed|educated)\s+(?:\d[\d,+]*\s+)?(?:patients|clients|families|customers|donors)\b"
        r"|\btrained\s+\d[\d,+]*\s+[a-z]|\badvised\s+(?:\d[\d,+]*\s+)?(?:managers|leaders|executives|clients)\b"
        r"|汇报|演讲|宣讲|答辩|谈判|撰写",
        re.IGNORECASE,
    ),
    "teamwork": re.compile(
        r"\bpartner(?:ed|ing)\s+with\b|\bcollaborat(?:ed|ing)\s+with\b|\bworked\s+(?:closely\s+)?(?:with|alongside)\b"
        r"|\bcross-functional\b|\bjointly\b|配合|协作|协同|与[^，。；;,]{1,15}(?:合作|共同)",
        re.IGNORECASE,
    ),
    "coordination": re.compile(r"\bcoordinat(?:ed|ing)\b|\bliais(?:ed|on)\b|协调|统筹", re.IGNORECASE),
}


def _deed_proof(deed: re.Pattern[str], doc: DocumentModel) -> str | None:
    """The first bullet of a role, a project or volunteer work that does what the soft skill names; a summary's
    claim of it is no deed."""
    for entry in doc.entries:
        if entry.kind in ("education", "away"):
            continue
        found = next((bullet for bullet in entry.bullets if deed.search(bullet)), None)
        if found is not None:
            return found.strip()
    return None


def _title_proof(keyword: str, doc: DocumentModel) -> str | None:
    """The header line of a role whose title is the keyword's practitioner ("Software Engineering" is proven by
    "Stripe, Senior Software Engineer"); only for a phrase of two or more words, so "Management" is not proven by
    any "Manager"."""
    words = fold(keyword).split()
    agent = _AGENT_OF.get(words[-1]) if len(words) >= 2 else None
    if agent is None:
        return None
    practitioner = " ".join([*words[:-1], agent])
    for entry in doc.experience:
        if not contains_phrase(fold(entry.title), practitioner):
            continue
        for line in doc.lines[entry.line_start : max(entry.line_end, entry.line_start + 1)]:
            if contains_phrase(fold(line), practitioner):
                return line.strip()
    return None


@dataclass
class ScanMemo:
    """Each document's line scans (see Vocabulary.find_term), for several `cover` calls over the same documents:
    Match asks of the must-haves, then of the nice-to-haves, and scanning every line again cost a third of it."""

    resume: dict[Any, Any] = field(default_factory=dict)
    detailed: dict[Any, Any] = field(default_factory=dict)


def cover(
    keywords: Sequence[str], resume: DocumentModel, detailed: DocumentModel | None, memo: ScanMemo | None = None
) -> list[KeywordProof]:
    """Status and proof of every keyword (duplicates by folded form dropped, order kept)."""
    vocab = get_vocabulary()
    out: list[KeywordProof] = []
    memo = memo or ScanMemo()
    resume_memo, detailed_memo = memo.resume, memo.detailed
    for keyword in unique(keywords):
        proof = _proof_line(keyword, resume, vocab, resume_memo)
        if proof is not None:
            out.append(KeywordProof(keyword, "resume", proof))
            continue
        proof = _proof_line(keyword, detailed, vocab, detailed_memo) if detailed is not None else None
        out.append(KeywordProof(keyword, "detailed" if proof else "missing", proof))
    return out


def unique(keywords: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for keyword in keywords:
        key = fold(keyword)
        if key and key not in seen:
            seen.add(key)
            out.append(keyword.strip())
    return out


def as_json(proofs: Sequence[KeywordProof]) -> list[dict[str, Any]]:
    return [asdict(p) for p in proofs]


# What joins the skills of one choice ("Python 或 R", "Python, R or Julia") and of one list ("Java、Go", "HTML/CSS":
# a slash joins skills asked together as often as a choice).
# "Splunk、QRadar 或国产 SOC 平台": an "or" may carry a word of kind before the last choice ("or other", "或国产").
_OR_GAP = re.compile(
    # "LVT license (or RVT/CVT …)", "持有国家二级心理咨询师证书或注册心理师资格"
    r"^\s*(?:(?:licen[cs]e|certification|certificate|credential)s?\s*|证书|资格证?书?|执照|资质)?[(（]?\s*"
    r"(?:[,，、]\s*)?(?:and\s*/\s*or|or|either|或者?|或是)(?:\s*(?:other|similar|国产|其他|其它|同类|类似|相关))?\s*$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*[,，、/]\s*$")
# Around a list, words that make it a choice: "Java、C++、Go 中至少一种", "one of AWS, GCP, Azure", "Spark/Flink等".
_ONE_OF = re.compile(
    r"至少一|之一|任一|其一|任意一|\b(?:one|any|at least one|either) of\b|\bsuch as\b|\be\.g\.", re.IGNORECASE
)
_OPEN_BRACKET = re.compile(r"\s*[(（]\s*")
# The bracket of examples closes after the last, maybe after the kind's word again ("或国产 SOC 平台）").
_BRACKET_CLOSES = re.compile(r"\s*(?:平台|工具|系统|软件|platforms?|tools?)?\s*[)）]", re.IGNORECASE)
# Any word that can make a line a choice: a line without one asks for every certificate it names, so a Match's
# coverage scans it for skills alone (the certificate scan is a third of either_groups' time on a posting).
_CHOICE_WORD = re.compile(r"\b(?:or|either|one|any|such as|e\.g\.)\b|或|至少一|之一|任一|其一|任意一|等", re.IGNORECASE)
_CLAUSE = re.compile(r"[，,。；;.:：()（）]")


def either_groups(jd: DocumentModel) -> list[frozenset[str]]:
    """Skills and certificates a JD line offers as a choice, by canonical id: one held meets the others ("熟悉 Python
    或 R", "Java/C++/Go 中至少一种", "one of AWS, GCP, Azure", "OCS or SCS board certification"); "Java and Python"
    and "Java、Go、MySQL" are each required."""
    return _choices(jd)[0]


def asked_alone(jd: DocumentModel) -> set[str]:
    """Skills a JD line asks for outside any choice ("Working knowledge of NIST CSF, ISO 27001 and HIPAA"): another
    line's choice ("audits (SOX, HIPAA, SOC 2)") met another way does not settle them."""
    return _choices(jd)[1]


def _choices(jd: DocumentModel) -> tuple[list[frozenset[str]], set[str]]:
    """(the JD's choices, the skills its requirements name on lines that offer no choice), by canonical id. A duty
    naming a tool ("Measure usage with Power BI dashboards") or a tag line asks nothing alone; only what the
    candidate must or should bring does."""
    groups: list[frozenset[str]] = []
    alone: set[str] = set()
    asking = [(s.start, s.end) for s in jd.sections if s.canonical in ("requirements", "preferred")]
    for index, line in bullet_units(jd.lines):  # a choice wrapped over two lines ("FP&A或成本" + "分析经验") is one
        hits = _named_in(line) if len(line) <= 400 else []
        line_start = len(groups)
        chain: list[Hit] = []
        chosen = False
        examples_of: Hit | None = None  # the skill just before the chain, when the chain is its bracketed examples
        for hit in hits:
            gap = line[chain[-1].end : hit.start] if chain else ""
            if chain and (_OR_GAP.match(gap) or _LIST_GAP.match(gap)):
                chosen = chosen or bool(_OR_GAP.match(gap))
                chain.append(hit)
                continue
            _close(groups, line, chain, chosen, examples_of)
            examples_of = chain[-1] if chain and _OPEN_BRACKET.fullmatch(gap) else None
            chain, chosen = [hit], False
        _close(groups, line, chain, chosen, examples_of)
        if hits and not _CHOICE_WORD.search(line) and any(start <= index < end for start, end in asking):
            # a line offering no choice asks for each it names, but its bracket's examples ("Python (pandas,
            # NumPy)", "Video editing (Camtasia, Adobe Premiere)")
            alone |= {hit.canonical for hit in hits} - {c for group in groups[line_start:] for c in group}
    return groups, alone


def _named_in(line: str) -> list[Hit]:
    """The skills a line names and the known certificates no skill's name holds, in the line's order."""
    vocab = get_vocabulary()
    skills = vocab.skills_in(line)
    if not _CHOICE_WORD.search(line):
        return skills
    found = vocab.certifications_in(line, known_only=True)
    # a certificate whose name holds a skill's ("国家二级心理咨询师" holds 心理咨询) is the certificate
    covering = [
        c
        for c in found
        if any(c.start <= s.start and s.end <= c.end and c.end - c.start > s.end - s.start for s in skills)
    ]
    skills = [s for s in skills if not any(c.start <= s.start and s.end <= c.end for c in covering)]
    certs = [cert for cert in found if not any(skill.start < cert.end and cert.start < skill.end for skill in skills)]
    return sorted([*skills, *certs], key=lambda hit: hit.start) if certs else skills


def _close(groups: list[frozenset[str]], line: str, chain: list[Hit], chosen: bool, examples_of: Hit | None) -> None:
    """Keep a list of two skills or more that is a choice: joined by "or", or with "one of" just around it; or
    the bracketed examples of the skill before it ("Video editing (Camtasia, Adobe Premiere)"): any of them, or
    the skill itself, meets it. A suite's products in its bracket ("Microsoft Office (Excel, Word, PowerPoint)")
    are what of it is asked, each of them: PowerPoint meets no Excel."""
    if chain and examples_of is not None and _BRACKET_CLOSES.match(line, chain[-1].end):
        parts = get_vocabulary().suite_parts(examples_of.canonical)
        if not parts or not all(hit.canonical in parts for hit in chain):
            groups.append(frozenset([examples_of.canonical, *(hit.canonical for hit in chain)]))
            return
    if len({hit.canonical for hit in chain}) < 2:
        return
    before = _CLAUSE.split(line[max(0, chain[0].start - 16) : chain[0].start])[-1]
    after = _CLAUSE.split(line[chain[-1].end : chain[-1].end + 16])[0]
    if chosen or _ONE_OF.search(f"{before} {after}") or after.lstrip().startswith("等") or _OR_KIN.match(after):
        groups.append(frozenset(hit.canonical for hit in chain))


# A list closed by "or a related field" is a choice: "degree in Construction Management, Civil Engineering or related
# field", "计算机、软件工程或相关专业".
_OR_KIN = re.compile(
    r"\s*(?:or|或者?)\s*(?:an?\s+)?(?:other\s+)?(?:related|similar|equivalent|comparable|relevant|相关|相近|同类)",
    re.IGNORECASE,
)


_A_FIELD = re.compile(r"[A-Za-z]{3}|[\u4e00-\u9fff]{2}")  # a field's name, not a grade ("A*")
_FIELD_ITEM = re.compile(r"\s*(?:,|，|、|/|／|;|\bor\b|\band\b|或|及|和)\s*", re.IGNORECASE)


def studied_instead(statuses: Mapping[str, str], jd: DocumentModel, docs: Sequence[DocumentModel | None]) -> set[str]:
    """Missing keywords that are a posting's fields of study ("Bachelor's degree … in urban planning, civil
    engineering, geography or a closely related field") when the person's degree is in another field of the same
    list: a planner with a B.S. Geography lacks no civil engineering."""
    missing = [k for k, status in statuses.items() if status == "missing"]
    if not missing:
        return set()
    studied = [fold(e.field) for d in docs if d is not None for e in d.education if _A_FIELD.search(e.field)]
    if not studied:
        return set()
    settled: set[str] = set()
    for listed in study_field_lists(jd.lines):
        items = [fold(item) for item in _FIELD_ITEM.split(listed) if _A_FIELD.search(item)]
        if any(contains_phrase(item, field) or contains_phrase(field, item) for item in items for field in studied):
            settled |= {k for k in missing if any(fold(k) == item or contains_phrase(item, fold(k)) for item in items)}
    return settled


def settled(
    statuses: Mapping[str, str],
    groups: Sequence[frozenset[str]],
    jd: DocumentModel,
    docs: Sequence[DocumentModel | None],
) -> set[str]:
    """Missing keywords that are no gap: a choice met another way (met_by_another) that no line asks for alone, or
    a field of study the person's degree is an alternative to (studied_instead). Match and coverage both leave
    them out."""
    met = met_by_another(statuses, groups)
    if met:
        vocab = get_vocabulary()
        alone = asked_alone(jd)
        met = {k for k in met if (vocab.canonical_skill(k) or fold(k)) not in alone}
    return met | studied_instead(statuses, jd, docs)


def met_by_another(statuses: Mapping[str, str], groups: Sequence[frozenset[str]]) -> set[str]:
    """Missing keywords of a choice whose other skill the documents hold: "R" once "Python" is found for
    "Python 或 R". They are no gap, and not counted (unless another line asks for them alone: `settled`)."""
    vocab = get_vocabulary()
    canonical = {keyword: vocab.canonical_skill(keyword) or fold(keyword) for keyword in statuses}
    held = {canonical[k] for k, status in statuses.items() if status != "missing"}
    return {
        keyword
        for keyword, status in statuses.items()
        if status == "missing" and any(canonical[keyword] in group and group & held for group in groups)
    }
