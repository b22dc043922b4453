"""Advice drawn from the knowledge base passages: an action for a gap, questions to ask an interviewer.

Only sentences that tell the reader to do something (they start with a verb: "Build...", "建议...") are
picked from the passages retrieval gave: one that names the gap's keyword, else one from a passage about
closing gaps, in the user's language first. Each sentence is used once per result, so two gaps do not get
the same action; when the passages run out, the caller falls back to its own one-line step.
A sentence that does not name the gap is general advice, so its worked example is cut off: the knowledge
base illustrates with other trades (a teacher, a sales rep's 50 dealers), which reads as nonsense under a
gap in container orchestration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from core.facts.text import fold, has_cjk
from core.offline.lookup import mentions
from core.retrieval import Passage

_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")
_QUOTED_QUESTION = re.compile(r"[“\"「]([^”\"」]{8,200}?[?？])[”\"」]")
_DO_WORDS = {
    "en": ("acknowledge", "build", "take", "complete", "add", "practise", "practice", "prepare", "show", "learn",
           "write", "start", "finish", "ship", "contribute", "get", "use", "list", "describe", "name", "mention",
           "plan", "raise", "rate", "spend", "do", "try", "study", "earn", "enrol", "enroll", "read", "map", "pick",
           "find", "offer", "say", "turn", "replace", "put", "keep", "bring", "work", "set", "ask", "follow"),
    "zh": ("建议", "可以", "准备", "学习", "补", "做", "写", "考", "参加", "列出", "说明", "计划", "动手", "先", "把",
           "用", "主动", "如实", "坦诚", "利用", "通过", "找", "报名", "整理", "投入"),
}  # fmt: skip
_GAP_WORDS = {
    "en": ("gap", "missing", "lack", "close", "requirement", "plan", "honest", "transferable", "learning"),
    "zh": ("差距", "不足", "缺", "弥补", "短板", "要求", "计划", "如实", "转化", "学习"),
}
# Headings of passages about closing a gap, and of passages about questions for the interviewer.
_GAP_HEADINGS = ("gap", "missing", "lack", "transferable", "差距", "不足", "缺", "弥补", "转化")
_ASK_HEADINGS = ("questions to ask", "反问", "问面试官")
_NOT_TO_ASK = ("any questions", "for us", "tell me about yourself", "有什么问题", "有什么想问", "介绍一下你自己")
MIN_CHARS = 20
MAX_CHARS = 260
# Where a sentence's worked example begins: "…, for example …", "…，例如“…”", "…: a teacher plans …".
_EXAMPLE = re.compile(
    r"[,，;；]?\s*(?:\be\.g\.|\bfor (?:example|instance)\b|\bsuch as\b|例如|比如|譬如)|:\s+(?=an?\s)", re.I
)


def sentences(text: str) -> list[str]:
    """The sentences of a passage, stripped; list markers and headings are dropped."""
    out = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-*•#> ").strip()
        out += [s.strip() for s in _SENTENCE.split(line) if s.strip()]
    return out


def without_example(sentence: str) -> str:
    """The sentence up to its worked example, closed with a full stop ("" when the example starts it)."""
    found = _EXAMPLE.search(sentence)
    if found is None:
        return sentence
    head = sentence[: found.start()].rstrip(" ,，;；:：")
    if not head:
        return ""
    return head + ("。" if has_cjk(head[-1]) else ".")


def _ordered(passages: Sequence[Passage], lang: str) -> list[Passage]:
    """Passages in the user's language first, then by retrieval score, then as given."""
    indexed = list(enumerate(passages))
    indexed.sort(key=lambda ip: (ip[1].lang != lang, -ip[1].score, ip[0]))
    return [p for _, p in indexed]


class Advisor:
    """Picks knowledge-base sentences for one result, never the same sentence twice."""

    def __init__(self, passages: Sequence[Passage], lang: str) -> None:
        self.lang = "zh" if lang == "zh" else "en"
        self.passages = _ordered(passages, self.lang)
        self.used: set[str] = set()

    def _candidates(self) -> Iterable[tuple[int, int, str, Passage]]:
        for p_index, passage in enumerate(self.passages):
            for s_index, sentence in enumerate(sentences(passage.content)):
                if MIN_CHARS <= len(sentence) <= MAX_CHARS and not sentence.endswith(("?", "？", ":", "：")):
                    yield p_index, s_index, sentence, passage

    def action(self, keyword: str) -> tuple[str, bool]:
        """The best unused sentence for closing a gap on `keyword` ('' when none) and whether it names it."""
        best: tuple[float, int, int, str, bool, str] | None = None
        for p_index, s_index, sentence, passage in self._candidates():
            key = fold(sentence)
            if key in self.used:
                continue
            first_word = key.split(" ", 1)[0]
            imperative = first_word in _DO_WORDS["en"] or key.startswith(_DO_WORDS["zh"])
            if not imperative:
                continue
            named = bool(keyword) and mentions(keyword, sentence)
            about_gaps = any(w in fold(passage.heading) for w in _GAP_HEADINGS)
            if not (named or about_gaps):
                continue
            shown = sentence if named else without_example(sentence)
            if len(shown) < MIN_CHARS:
                continue
            score = 6.0 if named else 0.0
            score += 1.0 if any(w in key for w in _DO_WORDS[self.lang]) else 0.0
            score += 1.5 if any(w in key for w in _GAP_WORDS[self.lang]) else 0.0
            score += 1.0 if passage.lang == self.lang else 0.0
            score -= 0.1 * p_index
            candidate = (round(score, 3), -p_index, -s_index, sentence, named, shown)
            if best is None or candidate > best:
                best = candidate
        if best is None:
            return "", False
        self.used.add(fold(best[3]))
        return best[5], best[4]

    def questions(self, limit: int) -> list[str]:
        """Questions the passages about asking the interviewer quote, in the user's language first."""
        found: list[str] = []
        # Only passages about the candidate's own questions: the others quote the interviewer's questions.
        for passage in [p for p in self.passages if any(w in fold(p.heading) for w in _ASK_HEADINGS)]:
            for match in _QUOTED_QUESTION.finditer(passage.content):
                question = match.group(1).strip()
                folded = fold(question)
                if folded not in self.used and question not in found and not any(w in folded for w in _NOT_TO_ASK):
                    found.append(question)
        chosen = found[:limit]
        self.used.update(fold(q) for q in chosen)
        return chosen
