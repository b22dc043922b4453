"""Dates as resumes write them, normalised to "YYYY-MM" / "YYYY" / "present", and the ranges they form.

Why code and not a model: every date a tailored resume states must match one the user's documents state, so
both sides need the same normal form. One regex pass finds candidates (longest form first); ranges pair two
adjacent dates (or a date and an open end) across a separator. Linear time: a bounded number of regex scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

PRESENT = "present"

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_NAME = (  # an English month, abbreviated or whole (core.facts.read: a term's months)
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"

# Each alternative is a named group; the first that matches at a position wins (ordered longest first). Every
# one begins with a digit or a month name's letter: the guard in front fails every other position at one class
# test (core.facts.text.any_of says why), half the cost of the scan on a page.
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_DATE_FIRSTS = "0-9" + "".join(sorted({name[0] for name in _MONTHS} | set("sfaw")))
_DATE = re.compile(
    rf"""
    (?=[{_DATE_FIRSTS}])
    (?:(?P<cjk>(?P<cy>{_YEAR})\s*年(?!度)\s*(?:(?P<cm>{_MONTH_NUM})\s*月(?:\s*\d{{1,2}}\s*[日号])?)?)
    | (?P<ymd>(?<![\d.])(?P<ly>{_YEAR})\s*[./-]\s*(?P<lm>{_MONTH_NUM})(?:\s*[./-]\s*(?:[0-2]?\d|3[01]))?(?![\d%]))
    | (?P<mdy>(?<![\w./])
      (?:(?P<d1>[0-2]?\d|3[01])\s*[/.-]\s*(?P<d2>[0-2]?\d|3[01])\s*[/.-]\s*|(?P<rm>{_MONTH_NUM})\s*[/.-]\s*)
      (?P<ry>{_YEAR})(?![\d.]\d))
    | (?P<season>\b{_SEASON}(?:\s+(?:term|semester|quarter|session))?,?\s*(?P<sy>{_YEAR}|'\d{{2}})(?!\d))
    | (?P<named>\b(?P<nm>{MONTH_NAME})(?![a-z])\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s*(?P<ny>{_YEAR}|'\d{{2}})(?!\d))
    | (?P<year>(?<![\w.$¥€£/])(?<!\d,)(?P<yy>{_YEAR})(?![\w.%+]|,\d|\s*[%+]|/\d)))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Dashes as typed and as OCR reads them: the full-width "－" of Chinese input, and "一" (yi) for a dash in a scan.
DASHES = "-–—~～−‒－﹣‐‑"
_RANGE_WORD = rf"(?:[{DASHES}]+|一|\bto\b|\btill\b|\buntil\b|至|到)"
_SEPARATOR = rf"\s*{_RANGE_WORD}\s*"
_OPEN_END = re.compile(
    rf"\s*{_RANGE_WORD}?\s*"
    # "Jan 2023 – Till Date", as Indian resumes write an open end
    r"(?P<open>至今|现在|今|present\b|current(?:ly)?\b|now\b|today\b|(?:till\s+|to\s+)?date\b|ongoing\b)",
    re.IGNORECASE,
)
_MONTH_PAIR = re.compile(
    rf"\b(?P<m1>{MONTH_NAME})\b\.?{_SEPARATOR}(?P<m2>{MONTH_NAME})\b\.?,?\s*(?P<y>{_YEAR})", re.IGNORECASE
)
# Between a range's two dates; a stray full stop after the first year is how a scan reads "May 2015 – Aug 2015"
# at times ("May 2015. - Aug 2015").
_RANGE_GAP = re.compile(rf"\.?{_SEPARATOR}", re.IGNORECASE)
_SINCE = re.compile(r"(?:\bsince|自|从)\s*$", re.IGNORECASE)
# A bare year followed by a lower-case word or a count unit is a number ("2000 users", "2000个"), not a year;
# "2017 年度" is an award's year ("获2017年度销售冠军"), not a role's date ("2017年" with no 度 is one).
_COUNT_AFTER = re.compile(r"\s?(?:(?P<word>[a-z]+)|[个人名家项次万亿元倍]|年度)")
_DIGIT_GROUP_BEFORE = re.compile(r"\d[\s.-]$")
_DIGIT_GROUP_AFTER = re.compile(r"[\s.-]\d{3}")
_FUNCTION_TEXT = "as and or at in on with to for the a an when where while we i he she they until"
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_DATE_WORD_BEFORE = re.compile(
    r"(?:\b(?:[QH][1-4]|in|since|from|until|by|year|of|class|graduated|expected|summer|fall|"
    r"spring|winter|autumn)|[(,|])\s*$",
    re.IGNORECASE,
)
_WEAK_UNIT_AFTER = re.compile(r"\s*(?:%|万|亿|[kmb]\b|x\b|倍|元|million|billion)", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    value: str  # "YYYY-MM", "YYYY" or "present"
    raw: str


class DateRange(NamedTuple):
    """A (start, end) pair; `end.value` is "present" for an open end."""

    start: DateHit
    end: DateHit

    @property
    def span(self) -> tuple[int, int]:
        return self.start.start, self.end.end


def _year(text: str) -> int:
    if text.startswith("'"):
        short = int(text[1:])
        return 2000 + short if short < 50 else 1900 + short
    return int(text)


def _value(year: int, month: int | None) -> str:
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def _numeric_month(match: re.Match[str]) -> int | None:
    """The month of "03/2020", "03/15/2020" (month first, as the US writes it) or "28/02/2020" (day first, as Europe
    and a Europass CV write it: a first number over 12 is a day); None for two numbers that are neither."""
    if match.group("rm"):
        return int(match.group("rm"))
    first, second = int(match.group("d1")), int(match.group("d2"))
    if 1 <= first <= 12 and 1 <= second <= 31:
        return first
    return second if first <= 31 and 1 <= second <= 12 else None


def _three_numbers(hit: DateHit) -> tuple[int, int, int] | None:
    """The numbers of a date written in three ("01/09/2016", "15.03.2019"), or None for any other."""
    parts = re.split(r"\s*[/.-]\s*", hit.raw)
    return (int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 and all(map(str.isdigit, parts)) else None


def day_first(hit: DateHit) -> DateHit:
    """A month-first reading of "01/09/2016" read again day first (September), as the other end of its range says."""
    numbers = _three_numbers(hit)
    if numbers is None or not 1 <= numbers[1] <= 12:
        return hit
    return DateHit(hit.start, hit.end, _value(numbers[2], numbers[1]), hit.raw)


def _is_day_first(hit: DateHit) -> bool:
    """A three-part date whose first number can only be a day ("28/02/2020")."""
    numbers = _three_numbers(hit)
    return numbers is not None and numbers[0] > 12


def writes_day_first(hits: list[DateHit]) -> bool:
    """Whether a document's dates say it writes the day first: one can only be read so ("28/02/2020"), and none
    only month first ("03/15/2021")."""
    numbers = [n for n in map(_three_numbers, hits) if n is not None]
    return any(first > 12 for first, _, _ in numbers) and not any(second > 12 for _, second, _ in numbers)


def _candidate(match: re.Match[str], text: str) -> DateHit | None:
    kind = match.lastgroup
    start, end = match.start(kind or 0), match.end(kind or 0)
    raw = text[start:end]
    if kind == "cjk":
        month = match.group("cm")
        return DateHit(start, end, _value(int(match.group("cy")), int(month) if month else None), raw)
    if kind == "ymd":
        month_text = match.group("lm")
        separator = raw[len(match.group("ly")) :].lstrip()[:1]
        if separator == "." and len(month_text) == 1 and not _weak_ok(text, start, end):
            return None
        return DateHit(start, end, _value(int(match.group("ly")), int(month_text)), raw)
    if kind == "mdy":
        month = _numeric_month(match)
        return DateHit(start, end, _value(int(match.group("ry")), month), raw) if month else None
    if kind == "named":
        month = _MONTHS[match.group("nm").lower()]
        return DateHit(start, end, _value(_year(match.group("ny")), month), raw)
    if kind == "season":  # a US school's term: its year only, as the months it covers vary by school
        return DateHit(start, end, _value(_year(match.group("sy")), None), raw)
    if kind == "year":
        return DateHit(start, end, raw, raw)
    return None


def _weak_ok(text: str, start: int, end: int) -> bool:
    """ "2015.5" is year.month unless a unit or currency says it is an amount ("2015.5万", "$2015.5")."""
    if _WEAK_UNIT_AFTER.match(text, end):
        return False
    return not (start > 0 and text[start - 1] in "$¥€£")


def _bare_year_ok(text: str, hit: DateHit, paired: bool) -> bool:
    if paired:
        return True
    before = text[max(0, hit.start - 24) : hit.start]
    if _DIGIT_GROUP_BEFORE.search(before) and _DIGIT_GROUP_AFTER.match(text, hit.end):
        return False  # a group of a phone number: "138 2019 5678"
    if _DATE_WORD_BEFORE.search(before):
        return True
    after = _COUNT_AFTER.match(text, hit.end)
    return after is None or after.group("word") in _FUNCTION_WORDS


def _scan(text: str) -> list[DateHit]:
    return [hit for match in _DATE.finditer(text) if (hit := _candidate(match, text)) is not None]


def _pair(text: str, hits: list[DateHit]) -> tuple[list[DateRange], set[int]]:
    """Ranges from adjacent hits; returns them and the indexes of hits that are part of one."""
    ranges: list[DateRange] = []
    used: set[int] = set()
    for index, hit in enumerate(hits):
        if index in used:
            continue
        following = hits[index + 1] if index + 1 < len(hits) else None
        if following is not None:
            gap = text[hit.end : following.start]
            if _RANGE_GAP.fullmatch(gap):
                if _is_day_first(following) and not _is_day_first(hit):  # "01/09/2016–28/02/2020": one writer
                    hit = hits[index] = day_first(hit)
                ranges.append(DateRange(hit, following))
                used.update((index, index + 1))
                continue
        open_end = _OPEN_END.match(text, hit.end)
        if open_end is not None and (
            open_end.group(0)[: open_end.start("open") - hit.end].strip() or open_end.group("open") in ("至今", "现在")
        ):
            end = DateHit(open_end.start("open"), open_end.end("open"), PRESENT, open_end.group("open"))
            ranges.append(DateRange(hit, end))
            used.add(index)
            continue
        if _SINCE.search(text[max(0, hit.start - 8) : hit.start]):
            ranges.append(DateRange(hit, DateHit(hit.end, hit.end, PRESENT, "")))
            used.add(index)
    return ranges, used


def _month_ranges(text: str) -> list[DateRange]:
    """ "Mar – Jun 2019" / "March to June 2019": the start month takes the end's year."""
    found = []
    for match in _MONTH_PAIR.finditer(text):
        year = int(match.group("y"))
        start = DateHit(
            match.start("m1"), match.end("m1"), _value(year, _MONTHS[match.group("m1").lower()]), match.group("m1")
        )
        end = DateHit(
            match.start("m2"),
            match.end(),
            _value(year, _MONTHS[match.group("m2").lower()]),
            text[match.start("m2") : match.end()],
        )
        found.append(DateRange(start, end))
    return found


_SINCE_AFTER = re.compile(r"[ \t]*(起|以来|至今)(?=[）)\s]|$)")  # not "（2022.09起带团队8人）": what began then


def _analyse(text: str) -> tuple[list[DateHit], list[DateRange]]:
    if not text:
        return [], []
    hits = _scan(text)
    ranges, used = _pair(text, hits)
    month_ranges = _month_ranges(text)
    if month_ranges:
        covered = {r.end.end for r in month_ranges}
        ranges = [r for r in ranges if r.start.end not in covered] + month_ranges
        ranges.sort(key=lambda r: r.start.start)
    kept: list[DateHit] = []
    for index, hit in enumerate(hits):
        bare_year = len(hit.value) == 4 and not any(c.isalpha() or c in "年" for c in hit.raw)
        if bare_year and not _bare_year_ok(text, hit, index in used):
            continue
        kept.append(hit)
    kept_set = set(kept)
    ranges = [r for r in ranges if r.start in kept_set or r.start.value != r.start.raw]
    starts = {r.start for r in ranges} | {r.end for r in ranges}
    for hit in kept:  # "测绘工程师（2021年4月起）", "2020年起": since then, to now
        since = _SINCE_AFTER.match(text, hit.end)
        if since and hit not in starts and "-" in hit.value:
            ranges.append(DateRange(hit, DateHit(since.start(1), since.end(1), "present", since.group(1))))
            ranges.sort(key=lambda r: r.start.start)
    for date_range in ranges:
        for hit in date_range:
            if hit not in kept_set and hit.raw:
                kept.append(hit)
                kept_set.add(hit)
    kept.sort(key=lambda h: h.start)
    # Keep one hit per span: a month-range start overlapping nothing else is new; exact duplicates go.
    unique: list[DateHit] = []
    for hit in kept:
        if unique and hit.start < unique[-1].end:
            continue
        unique.append(hit)
    return unique, ranges


def analyse_dates(text: str) -> tuple[list[DateHit], list[DateRange]]:
    """find_dates and find_ranges in one pass, for callers that need both."""
    return _analyse(text)


def find_dates(text: str) -> list[DateHit]:
    """Every date in `text`, in order; open ends ("至今", "Present") only where they close a range."""
    return _analyse(text)[0]


def find_ranges(text: str) -> list[DateRange]:
    """(start, end) pairs: "2019.03 – 2021.06", "Mar 2019 to Jun 2021", "2019 - Present", "2019年3月-至今"."""
    return _analyse(text)[1]


def is_date_span(text: str, start: int, end: int, hits: list[DateHit]) -> bool:
    """True if [start, end) overlaps a date hit (numbers use this to skip dates)."""
    return any(hit.start < end and start < hit.end for hit in hits)


_BETWEEN_DATES = re.compile(r"[\s\-–—~|·,]*(?:to|至|到)?[\s\-–—~|·,]*", re.IGNORECASE)


def only_dates(text: str) -> bool:
    """True for a line that holds nothing but dates ("2022.03-至今", "Jan 2020 – Present"): a scan reads a date
    aligned to the right on a line of its own, above or below its employer and title."""
    hits = find_dates(text)
    if not hits:
        return False
    ends, starts = [0, *(h.end for h in hits)], [*(h.start for h in hits), len(text)]
    return all(_BETWEEN_DATES.fullmatch(text[a:b]) for a, b in zip(ends, starts, strict=True))
