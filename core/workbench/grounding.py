"""The grounding check: every skill, employer, title, date and number in a tailored resume must come from
the user's own documents (resume summary and detailed history).

This is code, not a model's opinion, so it cannot be talked out of a flag. It works line by line:
- numbers (dates, years, percentages, amounts, phone digits) must each appear among the numbers of the assets;
- named things — Title Case phrases, acronyms and tech-shaped words (PostgreSQL, C++, Node.js), Chinese
  organisation and job-title phrases (…公司, …工程师) — must have all their words in the assets;
- the job's own keywords (which the model is tempted to copy) must be in the assets if the resume names them.
Generic resume words (section headings, common verbs) are ignored. A flag is a prompt to look, not a verdict.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from core.workbench.coverage import Haystack, flatten, has_cjk, normalize

FlagKind = Literal["number", "name", "skill"]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#.&'-]*[A-Za-z0-9+#]|[A-Za-z]")
_CJK_ORG_SUFFIXES = (
    "有限公司",
    "股份公司",
    "公司",
    "集团",
    "银行",
    "大学",
    "学院",
    "研究院",
    "研究所",
    "实验室",
    "工作室",
    "医院",
)
_CJK_TITLE_SUFFIXES = (
    "工程师", "经理", "总监", "主管", "专员", "架构师", "设计师", "分析师", "研究员", "顾问", "负责人", "组长",
    "实习生", "总裁", "主任", "科学家",
)  # fmt: skip
_CJK_NAME_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
# Two characters before a suffix that make the phrase generic ("负责公司", "所在公司"): not a name.
_CJK_GENERIC = frozenset(
    {"负责", "参与", "所在", "整个", "知名", "多家", "上市", "联网", "本公", "全公", "各个", "高级", "资深"}
)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MARKDOWN_NOISE = re.compile(r"[*_`>#|~]+|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|\[")

# Words that start sentences or headings in any resume; they are not claims.
_COMMON_TEXT = """
    a an and the of for in on at to with by from as or via per into over under about across
    summary profile objective experience work professional employment history education skills skill
    projects project certifications certification languages language contact highlights achievements
    awards publications interests references core competencies technical selected key relevant other
    present current now today
    led leading built build building designed design developed develop delivered deliver managed
    manage managing created create improved improve reduced reduce increased increase launched launch
    drove drive owned own implemented implement migrated migrate optimized optimize mentored mentor
    architected scaled scale shipped ship automated automate established collaborated partnered
    coordinated analyzed analysed wrote maintained supported introduced streamlined spearheaded
    responsible team teams
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
    august september october november december
    i me my we our you your he she they it its this that these those
    email phone tel mobile linkedin github website location address
    bachelor master masters phd b.s b.a m.s m.a bs ba ms ma mba degree
    english chinese mandarin
"""
COMMON_WORDS = frozenset(_COMMON_TEXT.split())


@dataclass(frozen=True)
class Flag:
    line: int  # 1-based line of the Markdown
    text: str  # the line as written (shown to the user, never logged)
    kind: FlagKind
    token: str


@dataclass(frozen=True)
class GroundingReport:
    flags: list[Flag]

    @property
    def ok(self) -> bool:
        return not self.flags

    @property
    def flagged_lines(self) -> list[int]:
        return sorted({f.line for f in self.flags})

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "flags": [asdict(f) for f in self.flags]}


def _numbers(text: str) -> set[str]:
    """Numbers as canonical strings: thousands separators dropped, leading zeros dropped ("03" == "3")."""
    out: set[str] = set()
    for raw in _NUMBER.findall(unicodedata.normalize("NFKC", text)):
        value = raw.replace(",", "")
        if "." in value:
            whole, _, frac = value.partition(".")
            frac = frac.rstrip("0")
            value = (whole.lstrip("0") or "0") + ("." + frac if frac else "")
        else:
            value = value.lstrip("0") or "0"
        out.add(value)
    return out


class Facts:
    """What the assets contain, prepared for lookups."""

    def __init__(self, texts: Iterable[str]) -> None:
        joined = "\n".join(texts)
        self.haystack = Haystack(joined)
        self.numbers = _numbers(joined)
        self.words = set(normalize(joined).split())

    @classmethod
    def from_summaries(cls, *summaries: dict[str, Any] | None) -> Facts:
        return cls(flatten(s) for s in summaries if s)

    def has_cjk_name(self, name: str) -> bool:
        """True if the name, or its tail from some point on (dropping words like 曾在), is in the assets."""
        suffix = next(
            s for s in sorted(_CJK_ORG_SUFFIXES + _CJK_TITLE_SUFFIXES, key=len, reverse=True) if name.endswith(s)
        )
        return any(self.haystack.contains(name[i:]) for i in range(0, len(name) - len(suffix) - 1))

    def has_phrase(self, phrase: str) -> bool:
        if has_cjk(phrase):
            return self.haystack.contains(phrase)
        words = [w for w in normalize(phrase).split() if w not in COMMON_WORDS]
        return all(w in self.words or self.haystack.contains(w) for w in words)


def _clean_line(line: str) -> str:
    return _MARKDOWN_NOISE.sub(" ", _LIST_MARKER.sub(" ", line))


def _cjk_names(line: str) -> list[str]:
    """Chinese organisation and job-title phrases: up to 12 name characters before a known suffix."""
    suffixes = sorted(_CJK_ORG_SUFFIXES + _CJK_TITLE_SUFFIXES, key=len, reverse=True)
    names: list[str] = []
    last_end = 0
    for match in re.finditer("|".join(map(re.escape, suffixes)), line):
        start = match.start()
        begin = start
        while begin > last_end and start - begin < 12 and _CJK_NAME_CHAR.match(line[begin - 1]):
            begin -= 1
        last_end = match.end()
        if start - begin >= 2 and line[start - 2 : start] not in _CJK_GENERIC:
            names.append(line[begin : match.end()])
    return names


def _latin_names(line: str, heading: bool = False) -> list[str]:
    """Title Case phrases, acronyms and tech-shaped words. In running text the first word of a sentence
    counts only if it is shaped like a name (inner capitals, digits, symbols), since every sentence starts
    with a capital; in a heading every capitalized word counts."""
    names: list[str] = []
    current: list[str] = []
    sentence_start = not heading
    for match in _LATIN_TOKEN.finditer(line):
        token = match.group(0).strip(".'-&")
        if not token:
            continue
        gap = line[_previous_end(line, match.start()) : match.start()]
        if current and gap.strip():  # punctuation between two capitalized words ends a phrase
            names.append(" ".join(current))
            current = []
        if not heading and (not line[: match.start()].strip() or re.search(r"[.!?:;\u3002]\s*$", gap)):
            sentence_start = True
        tech_shaped = bool(re.search(r"[A-Z].*[A-Z]|[0-9+#.]", token[1:])) or (token.isupper() and len(token) > 1)
        is_name = tech_shaped or (token[0].isupper() and not sentence_start)
        if is_name and token.lower() not in COMMON_WORDS:
            current.append(token)
        elif current:
            names.append(" ".join(current))
            current = []
        sentence_start = False
    if current:
        names.append(" ".join(current))
    return names


def _previous_end(line: str, start: int) -> int:
    """Index just after the previous Latin token (or 0): the gap between two tokens."""
    end = start
    while end > 0 and not re.match(r"[A-Za-z0-9+#]", line[end - 1]):
        end -= 1
    return end


def check(markdown: str, facts: Facts, job_keywords: Iterable[str] = ()) -> GroundingReport:
    """Flag every line of `markdown` that names a number, a name or a job keyword the assets do not hold."""
    keywords = [k for k in job_keywords if normalize(k)]
    flags: list[Flag] = []
    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = _clean_line(raw)
        if not line.strip():
            continue
        found = _line_claims(line, facts, keywords, heading=raw.lstrip().startswith("#"))
        for kind, token in dict.fromkeys(found):
            flags.append(Flag(line=number, text=raw.strip(), kind=kind, token=token))
    return GroundingReport(flags=flags)


def _line_claims(line: str, facts: Facts, keywords: list[str], heading: bool) -> list[tuple[FlagKind, str]]:
    """The unsupported claims of one cleaned line, in reading order (duplicates allowed)."""
    found: list[tuple[FlagKind, str]] = []
    found += [("number", v) for v in sorted(_numbers(line)) if v not in facts.numbers]
    found += [("name", n) for n in _latin_names(line, heading) if not facts.has_phrase(n)]
    found += [("name", n) for n in _cjk_names(line) if not facts.has_cjk_name(n)]
    here = Haystack(line)
    found += [("skill", k) for k in keywords if here.contains(k) and not facts.haystack.contains(k)]
    return found


def check_summaries(
    markdown: str,
    resume: dict[str, Any] | None,
    detailed: dict[str, Any] | None,
    job_keywords: Iterable[str] = (),
) -> GroundingReport:
    return check(markdown, Facts.from_summaries(resume, detailed), job_keywords)
