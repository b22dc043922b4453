"""Numbers as claims: "40%", "$2M", "3x", "8 engineers", "带领 12 人", with the words around them.

Why: a tailored resume must not turn "8 engineers" into "12 engineers", so grounding compares each number's
canonical value and its context words with the user's documents. Values are canonical so "$2M", "$2 million"
and "2,000,000" compare equal; dates, phone numbers, emails, URLs and digits inside tokens (k8s, S3, p99) are
not claims and are skipped. One regex pass plus a bounded look around each hit: linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from core.facts.dates import find_dates
from core.facts.text import stem

_NUMBER = re.compile(
    r"""
    (?P<cur>US\$|HK\$|\$|¥|￥|€|£|RMB\s?|CNY\s?|USD\s?)?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)
    (?:
        \s*/\s*(?P<scale>4\.0|4|5\.0|5|10\.0|10|100)(?![\d.])                     # GPA 3.8/4.0
      | (?P<pct>\s*%|\s*％|\s*percent\b|\s*per\scent\b)
      | (?P<mult>\s*[x×X](?![A-Za-z\d])|\s*倍|-fold\b|\s*times\b)
      | (?P<mag>\s*(?:million|billion|thousand|trillion|mn|bn|mm)\b|[kKmMbB](?![A-Za-z\d])|\s*(?:万|亿|千))
      | (?P<unit>(?:ms|s|sec|secs|h|hrs?|mins?|gb|tb|mb|kb|pb|qps|tps|rps|GB|TB|MB|KB|PB|QPS|TPS|RPS)(?![A-Za-z\d]))
    )?
    (?P<plus>\+)?
    """,
    re.VERBOSE,
)
_MAGNITUDE = {
    "k": 1_000, "thousand": 1_000, "千": 1_000, "m": 1_000_000, "mm": 1_000_000, "mn": 1_000_000,
    "million": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "万": 10_000, "亿": 100_000_000,
}  # fmt: skip
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = re.compile(
    r"百分之(?P<pct>[零〇一二两三四五六七八九十百]+)|(?P<cn>[零〇一二两三四五六七八九十百千万亿]{1,8})"
    r"(?=\s*(?:[个人名倍家项次位款条套台亿万]))"
)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}|\b1[3-9]\d{9}\b|\+\d{8,15}"
)
_TLDS = r"\.(?:com|io|org|net|cn|dev|ai|me|co)"
_EMAIL_URL = re.compile(
    rf"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*{_TLDS}(?:/\S*)?",
    re.IGNORECASE,
)
# What every match of _EMAIL_URL holds: a text with none of it (most lines, most JDs) is not scanned, which
# would try the domain alternative at every word.
_EMAIL_URL_HINT = re.compile(rf"@|https?://|www\.|{_TLDS}", re.IGNORECASE)
_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z+#'’-]*(?![\w])|[\u3400-\u9fff]+")
_CLAUSE_END = re.compile(r"[;；。|•·!?！？\n]|\.\s")
_STOP_TEXT = (
    "a an the of to in for by with and or on at from over into than per across our my their its as is was were be "
    "been being this that these those which who whom it we i he she they them us you your his her more most about "
    "up down out off under above via within without while also than then so such all each every some any both "
    "approximately approx around nearly almost roughly over under least total"
)
_STOP = frozenset(_STOP_TEXT.split())
_CURRENCY_AFTER = re.compile(r"\s*(?:元|美元|人民币|块|dollars?\b|usd\b|rmb\b|euros?\b)", re.IGNORECASE)
_MEASURE = "个人名倍家项次位款条套台"
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class NumberHit:
    value: str  # canonical: "8", "2.5", "40%", "2000000", "3x", "3.12"
    raw: str  # as written: "$2M", "40 percent", "百分之四十"
    start: int
    end: int
    context: tuple[str, ...]  # up to 4 content words before and after; CJK: the characters next to it
    kind: str = "count"  # count|percent|money|multiplier|version|gpa


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=16384)
def _small_chinese(text: str) -> int | None:
    """A Chinese number below 万: 三百五十 -> 350, 十二 -> 12."""
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def chinese_number(text: str) -> int | None:
    """四十 -> 40, 十二 -> 12, 三百五十 -> 350, 两万 -> 20000, 一亿二千万 -> 120000000; None if not a number."""
    total = 0
    rest = text
    for unit, factor in (("亿", 100_000_000), ("万", 10_000)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            part = _small_chinese(head) if head else None
            if part is None:
                return None
            total += part * factor
    tail = _small_chinese(rest) if rest else 0
    if tail is None:
        return None
    return total + tail if text.strip("零〇") else 0


def _skip_spans(text: str) -> _Spans:
    spans = [(m.start(), m.end()) for m in _EMAIL_URL.finditer(text)] if _EMAIL_URL_HINT.search(text) else []
    for match in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in match.group(0))
        if digits >= 9 or (digits >= 8 and match.group(0).startswith(("+", "("))):
            spans.append((match.start(), match.end()))
    spans.extend((hit.start, hit.end) for hit in find_dates(text) if hit.raw)
    return _Spans(spans)


class _Spans:
    """Sorted, merged spans with a bisect lookup, so skipping dates and contacts stays linear overall."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.ends[index] > start


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before and after [start, end), bounded to 80 characters each side."""
    left = text[max(0, start - 80) : start]
    last_end = max((m.end() for m in _CLAUSE_END.finditer(left)), default=0)
    left = left[last_end:]
    right = text[end : end + 80]
    stop = _CLAUSE_END.search(right)
    if stop is not None:
        right = right[: stop.start()]
    return left, right


def _words(segment: str) -> list[str]:
    out = []
    for match in _WORD.finditer(segment):
        word = match.group(0).strip("'’-").lower()
        if not word or _CJK.match(word):
            continue
        if word not in _STOP:
            out.append(stem(word))
    return out


def context_of(text: str, start: int, end: int) -> tuple[str, ...]:
    """Up to 4 content words before and after (lower case, singular); CJK neighbours as written."""
    left, right = _clause(text, start, end)
    left = re.sub(r"[A-Za-z]+$", "", left)  # the "v" of "v2.0" is part of the number, not a word
    before = _words(left)[-4:]
    after = _words(right)[:4]
    cjk: list[str] = []
    left_run = re.search(r"([\u3400-\u9fff]{1,4})\s*$", left)
    if left_run:
        cjk.append(left_run.group(1))
    right_run = re.match(r"\s*([\u3400-\u9fff]{1,5})", right)
    if right_run:
        run = right_run.group(1)
        cjk.append(run)
        if len(run) > 1 and run[0] in _MEASURE:
            cjk.append(run[1:])
    return (*before, *cjk, *after)


def _default_is_skill(word: str) -> bool:
    try:
        from core.facts.vocabulary import get_vocabulary
    except ImportError:  # the vocabulary module is optional for this lexical layer
        return False
    return get_vocabulary().canonical_skill(word) is not None


def _is_version(text: str, match: re.Match[str], is_skill: Callable[[str], bool]) -> bool:
    num = match.group("num")
    if num.count(".") >= 2:
        return True
    start = match.start()
    before = text[max(0, start - 24) : start]
    if re.search(r"(?:\bv|\bversion\s?|\bver\.?\s?)$", before, re.IGNORECASE):
        return True
    prev = re.search(r"([A-Za-z][\w+#.]*)\s?$", before)
    if prev is None or match.group("cur"):
        return False
    next_word = re.match(r"\s*([a-z]+)", text[match.end() : match.end() + 20])
    if next_word is not None and next_word.group(1) not in ("and", "or", "with"):
        return False
    word = prev.group(1).rstrip(".")
    if is_skill(word):
        return True
    return word[:1].isupper() and "." in num and not word.isupper()


def _classify(match: re.Match[str], text: str, is_skill: Callable[[str], bool]) -> tuple[str, str] | None:
    num = match.group("num")
    try:
        base = Decimal(num.replace(",", "")) if num.count(".") <= 1 else None
    except InvalidOperation:
        return None
    if match.group("scale"):
        return ("gpa", _plain(base)) if base is not None and base <= Decimal(match.group("scale")) else None
    suffixed = any(match.group(name) for name in ("pct", "mult", "mag", "unit", "cur"))
    if base is None or (not suffixed and _is_version(text, match, is_skill)):
        return "version", num
    if match.group("pct"):
        return "percent", f"{_plain(base)}%"
    if match.group("mult"):
        return "multiplier", f"{_plain(base)}x"
    magnitude = match.group("mag")
    if magnitude:
        factor = _MAGNITUDE[magnitude.strip().lower()]
        return ("money" if _is_money(match, text) else "count"), _plain(base * factor)
    return ("money" if _is_money(match, text) else "count"), _plain(base)


def _is_money(match: re.Match[str], text: str) -> bool:
    return bool(match.group("cur")) or bool(_CURRENCY_AFTER.match(text, match.end()))


def _token_edge(text: str, start: int, end: int) -> bool:
    """True if the match is glued to letters: k8s, S3, EC2, p99, i18n, H100, 3D, Web3, 24/7."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isascii() and (before.isalnum() or before in "_/") and before not in "vV":
        return True
    if before in "vV" and start > 1 and text[start - 2].isascii() and text[start - 2].isalnum():
        return True
    if after == "/" and text[end + 1 : end + 2].isdigit():
        return True
    return after.isascii() and (after.isalnum() or after == "_")


def find_numbers(text: str, is_skill: Callable[[str], bool] | None = None) -> list[NumberHit]:
    """Every number claim in `text`, in order. `is_skill` tells "Python 3" (a version) from "Led 3" (a count)."""
    if not text:
        return []
    check = is_skill or _default_is_skill
    skip = _skip_spans(text)
    hits: list[NumberHit] = []
    for match in _NUMBER.finditer(text):
        start, end = match.start(), match.end()
        if _token_edge(text, start, end) or skip.overlaps(start, end):
            continue
        num_start = match.start("num")
        if num_start > 0 and text[num_start - 1] == "." and num_start > 1 and text[num_start - 2].isdigit():
            continue
        classified = _classify(match, text, check)
        if classified is None:
            continue
        kind, value = classified
        raw = text[start:end].strip()
        context = context_of(text, start, end)
        if match.group("unit"):
            context = (match.group("unit").lower(), *context)
        hits.append(NumberHit(value, raw, start, end, context, kind))
    for match in _CN_NUMBER.finditer(text):
        run = match.group("pct") or match.group("cn")
        number = chinese_number(run)
        if number is None or (match.group("cn") and number < 2) or skip.overlaps(match.start(), match.end()):
            continue
        kind, value = ("percent", f"{number}%") if match.group("pct") else ("count", str(number))
        raw = match.group(0)
        hits.append(
            NumberHit(value, raw, match.start(), match.end(), context_of(text, match.start(), match.end()), kind)
        )
    hits.sort(key=lambda h: h.start)
    return hits
