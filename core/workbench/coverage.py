"""Keyword coverage of a service, computed by code from the document models (core.facts.coverage).

Each must-have and nice-to-have keyword of the job is found in the resume, only in the career history, or
missing, with the document line that proves it (shown to the user). The projected score of a tailored
resume moves the Match score by the coverage the tailored text keeps or gains, counting only keywords the
documents hold: naming a missing keyword is an invention (flagged by grounding), not a gain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.facts.coverage import (
    ASKED_LANGUAGES,
    ScanMemo,
    asked_languages,
    cover,
    either_groups,
    settled,
)
from core.facts.languages import MULTILINGUAL
from core.facts.model import DocumentModel
from core.facts.text import fold
from core.facts.vocabulary import get_vocabulary
from core.workbench.schemas import Coverage, KeywordCoverage

_WORD = re.compile(r"\w+")

PROJECTION_WEIGHT = 40  # points: from no keyword to every keyword in the resume


def compute_coverage(
    must_have: Iterable[str],
    nice_to_have: Iterable[str],
    resume: DocumentModel,
    detailed: DocumentModel | None,
    jd: DocumentModel | None = None,
) -> Coverage:
    """Each keyword's status and proof. With the JD, a keyword it offers as a choice the documents meet another
    way ("Python 或 R" for a Python user) is left out: it is neither a gap nor a point."""
    must_have, nice_to_have = list(must_have), list(nice_to_have)
    memo = ScanMemo()  # the nice-to-haves are looked for in lines the must-haves' search has scanned
    if jd is not None and MULTILINGUAL in {*must_have, *nice_to_have}:
        memo.resume[ASKED_LANGUAGES] = memo.detailed[ASKED_LANGUAGES] = asked_languages(jd)
    must_proofs = cover(must_have, resume, detailed, memo)
    taken = {p.keyword.casefold() for p in must_proofs}
    nice_words = [k for k in nice_to_have if k.strip().casefold() not in taken]
    nice_proofs = cover(nice_words, resume, detailed, memo)
    left_out: set[str] = set()
    if jd is not None and any(p.status == "missing" for p in [*must_proofs, *nice_proofs]):
        statuses = {p.keyword: p.status for p in [*must_proofs, *nice_proofs]}
        left_out = settled(statuses, either_groups(jd), jd, [resume, detailed])
    return Coverage(
        must_have=[KeywordCoverage(keyword=p.keyword, status=p.status, proof=p.proof) for p in must_proofs
                   if p.keyword not in left_out],
        nice_to_have=[KeywordCoverage(keyword=p.keyword, status=p.status, proof=p.proof) for p in nice_proofs
                      if p.keyword not in left_out],
    )  # fmt: skip


def weighted_ratio(coverage: Coverage, found: frozenset[str] = frozenset({"resume"})) -> float:
    """Share of keywords with a status in `found`, must-haves counting double; 1.0 when there are none."""
    total = 2 * len(coverage.must_have) + len(coverage.nice_to_have)
    if total == 0:
        return 1.0
    hits = 2 * sum(1 for k in coverage.must_have if k.status in found)
    hits += sum(1 for k in coverage.nice_to_have if k.status in found)
    return hits / total


def projected_score(original_score: int, original: Coverage, tailored_text: str) -> int:
    """The tailored resume's projected score: the original moved by the grounded coverage it gains or loses."""
    vocab = get_vocabulary()
    tailored_words = f" {' '.join(_WORD.findall(fold(tailored_text)))} "

    def recheck(item: KeywordCoverage) -> KeywordCoverage:
        if item.status == "missing":
            return item
        # named in the tailored text, or proven there by the line that proved it (a title proves its field:
        # "Senior Software Engineer | PayNest …" proves software engineering without naming it)
        proof = " ".join(_WORD.findall(fold(item.proof or "")))
        found = vocab.find_term(item.keyword, tailored_text) is not None or (
            bool(proof) and f" {proof} " in tailored_words
        )
        return item.model_copy(update={"status": "resume" if found else "detailed"})

    tailored = Coverage(
        must_have=[recheck(k) for k in original.must_have], nice_to_have=[recheck(k) for k in original.nice_to_have]
    )
    gain = weighted_ratio(tailored) - weighted_ratio(original)
    return max(0, min(100, round(original_score + PROJECTION_WEIGHT * gain)))
