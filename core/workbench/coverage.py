"""Keyword coverage computed by code, so the same resume and JD always give the same answer.

Each must-have and nice-to-have keyword of the extracted job is looked up in the resume summary, then in
the detailed history: found in the resume, found only in the history, or missing. Text is normalized first
(NFKC folds full-width letters and digits, casefold folds case, separators become spaces). Latin keywords
match on word boundaries ("Java" is not found in "JavaScript"); keywords containing CJK characters match as
substrings of the text with spaces removed, since Chinese has no spaces between words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from core.workbench.schemas import Coverage, CoverageStatus, KeywordCoverage

_SEPARATORS = re.compile(r"[\s\-_/\\|·・,，、;；:：()（）\[\]【】{}<>《》\"'“”‘’!！?？。]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD_CHARS = "a-z0-9+#"


def normalize(text: str) -> str:
    """NFKC + casefold + separators to single spaces; keeps '+', '#', '.' which name skills (C++, C#, .NET)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    spaced = _SEPARATORS.sub(" ", folded)
    spaced = re.sub(r"\.(?=\s|$)", " ", spaced)  # a sentence's final dot is not part of a word
    return re.sub(r"\s+", " ", spaced).strip()


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def flatten(value: Any) -> str:
    """Every string inside a summary (dicts, lists, nested), one per line."""
    parts: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, str):
            if v.strip():
                parts.append(v)
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list | tuple):
            for item in v:
                walk(item)
        elif isinstance(v, int | float) and not isinstance(v, bool):
            parts.append(str(v))

    walk(value)
    return "\n".join(parts)


class Haystack:
    """A normalized text prepared for repeated keyword lookups."""

    def __init__(self, text: str) -> None:
        self.spaced = " " + normalize(text) + " "
        self.compact = self.spaced.replace(" ", "")
        self.undotted = self.spaced.replace(".", "")

    def contains(self, keyword: str) -> bool:
        key = normalize(keyword)
        if not key:
            return False
        if has_cjk(key):
            return key.replace(" ", "") in self.compact
        # Separators inside a keyword are optional ("Node.js" ~ "NodeJS" ~ "node js", "CI/CD" ~ "CICD").
        body = r"[\s.]?".join(re.escape(part) for part in re.split(r"[\s.]+", key) if part)
        pattern = rf"(?<![{_WORD_CHARS}]){body}(?![{_WORD_CHARS}])"
        return bool(re.search(pattern, self.spaced) or re.search(pattern, self.undotted))


def keyword_status(keyword: str, resume: Haystack, detailed: Haystack | None) -> CoverageStatus:
    if resume.contains(keyword):
        return "resume"
    if detailed is not None and detailed.contains(keyword):
        return "detailed"
    return "missing"


def _unique(keywords: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for keyword in keywords:
        key = normalize(keyword)
        if key and key not in seen:
            seen.add(key)
            out.append(keyword.strip())
    return out


def compute_coverage(
    must_have: Iterable[str], nice_to_have: Iterable[str], resume_text: str, detailed_text: str | None
) -> Coverage:
    """Coverage of the job's keyword lists by the resume and the detailed history (texts, not JSON)."""
    resume = Haystack(resume_text)
    detailed = Haystack(detailed_text) if detailed_text else None
    return Coverage(
        must_have=[KeywordCoverage(keyword=k, status=keyword_status(k, resume, detailed)) for k in _unique(must_have)],
        nice_to_have=[
            KeywordCoverage(keyword=k, status=keyword_status(k, resume, detailed)) for k in _unique(nice_to_have)
        ],
    )


def weighted_ratio(coverage: Coverage, found: frozenset[str] = frozenset({"resume"})) -> float:
    """Share of keywords with a status in `found`, must-haves counting double; 1.0 when there are none."""
    total = 2 * len(coverage.must_have) + len(coverage.nice_to_have)
    if total == 0:
        return 1.0
    hits = 2 * sum(1 for k in coverage.must_have if k.status in found)
    hits += sum(1 for k in coverage.nice_to_have if k.status in found)
    return hits / total


PROJECTION_WEIGHT = 40


def projected_score(original_score: int, original: Coverage, tailored_text: str) -> int:
    """The tailored resume's projected score, by code: the original score moved by the coverage it gains.

    Only keywords the assets hold count (a keyword that was missing stays missing even if the tailored text
    names it: that is an invention, flagged by grounding, not a gain). PROJECTION_WEIGHT points is what
    going from no keyword to every keyword in the resume is worth.
    """
    tailored = Haystack(tailored_text)
    grounded = Coverage(
        must_have=[_recheck(k, tailored) for k in original.must_have],
        nice_to_have=[_recheck(k, tailored) for k in original.nice_to_have],
    )
    gain = weighted_ratio(grounded) - weighted_ratio(original)
    return max(0, min(100, round(original_score + PROJECTION_WEIGHT * gain)))


def _recheck(item: KeywordCoverage, tailored: Haystack) -> KeywordCoverage:
    if item.status == "missing":
        return item
    return KeywordCoverage(keyword=item.keyword, status="resume" if tailored.contains(item.keyword) else "detailed")
