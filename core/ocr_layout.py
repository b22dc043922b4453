"""Reading order of the lines OCR detects on a page: a two-column resume is read column by column.

The recogniser gives each detected line a box and nothing about layout. Sorted by row, a sidebar's lines
were interleaved with the main column's ("Zalando SE, Berlin — Senior Frontend Engineer | Apr 2021 -" then
"tom becker.dev" then "Present"), and a phone scan of a two-column resume lost every role. The page is cut
recursively (an XY cut): at a gutter no line crosses, with prose on both sides, left before right; else at the
widest gap between rows, top before bottom. A column of dates, or of labels aligned to the right edge (each
role's dates and place), is not a column of prose: a header keeps its dates on its own row; nor are a table's
cells, whose lines sit on shared baselines row after row.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.facts.dates import find_dates

# A side of a gutter holds at least this many lines: two lines beside two others are a row's parts.
MIN_COLUMN_LINES = 3
# A gutter is at least this many line heights wide (a gap between words is far narrower; lines are whole).
MIN_GUTTER_HEIGHTS = 1.0
# The two sides must stand beside each other over this share of the shorter one's height.
MIN_SIDE_BY_SIDE = 0.3
# A side whose lines are mostly dates ("Apr 2021 – Present") belongs to the rows on its left.
MAX_DATE_SHARE = 0.5
# A right side whose lines all end within this many line heights of each other, and start at least twice as far
# apart, is not a column but the right-aligned labels of some rows (each role's dates and place, as a browser
# prints a float); a column's lines start together and end ragged. The margin allows for a photo's skew and for a
# segment placed by its characters inside a longer run of a PDF.
RIGHT_ALIGNED_HEIGHTS = 3.0
# In a PDF, two sides whose lines share a baseline with a line across, at least these shares of them, are a
# table's rows, not columns. Measured: a table's right side 1.0 and left 0.62-0.86 (its headings have no cell
# beside them); two columns' right sides 0.19-0.6, left 0.21-0.43.
MIN_TABLE_RIGHT_SHARE = 0.9
MIN_TABLE_LEFT_SHARE = 0.6
# Lines whose bottoms are within this share of a line's height sit on one baseline.
SAME_ROW_HEIGHTS = 0.25
# On a page with columns, a line this many times the body text's height (a detected box: a 40 px name over
# 22 px text is 36 over 28 px), in this top share of the page, is the page's title.
TITLE_HEIGHTS = 1.2
TITLE_TOP = 0.2
# Lines whose tops fall in the same band of this many pixels are one row when nothing else orders them.
ROW_PITCH = 12
# Beyond this many lines a page is not a resume's or a posting's (a hostile image of tiny text): it is read
# row by row, which bounds the cuts' time and the recursion's depth.
MAX_LAYOUT_LINES = 400

# Runs of one row far apart (a header and its right-aligned dates, a column's gap) are joined as a header's
# fields are, by a text PDF's layout and by OCR alike.
ROW_JOIN = " | "


@dataclass(frozen=True)
class Box:
    """A detected line: its bounding box in pixels and its index in the recogniser's result."""

    x0: float
    y0: float
    x1: float
    y1: float
    index: int
    text: str = ""

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def reading_order(boxes: Sequence[Box], *, tables: bool = False, sidebars: dict[int, float] | None = None) -> list[Box]:
    """The boxes in the order a person reads the page; the page's title (a name atop the main column, beside
    a sidebar) first. `sidebars`, when given, is filled with {box index: the right edge of its column} for the
    lines of the narrower side of each gutter (a sidebar), whose text wraps at that edge (core.column_wraps)."""
    if len(boxes) > MAX_LAYOUT_LINES:
        return _rows(list(boxes))
    ordered, columns = _order(list(boxes), tables, sidebars)
    title = _title(ordered) if columns else None  # one column is read top down: its title is already first
    return [title, *(b for b in ordered if b is not title)] if title is not None else ordered


def _title(boxes: list[Box]) -> Box | None:
    """The tallest line, when it stands out from the body text and sits near the top of the page."""
    if len(boxes) < MIN_COLUMN_LINES:
        return None
    tallest = max(boxes, key=lambda b: b.height)
    top, bottom = min(b.y0 for b in boxes), max(b.y1 for b in boxes)
    if tallest.height >= TITLE_HEIGHTS * _median_height(boxes) and tallest.y0 <= top + TITLE_TOP * (bottom - top):
        return tallest
    return None


def _order(boxes: list[Box], tables: bool = False, sidebars: dict[int, float] | None = None) -> tuple[list[Box], bool]:
    """The boxes in reading order, and whether the page had columns side by side."""
    if len(boxes) <= 1:
        return boxes, False
    gutter = _gutter(boxes, tables)
    if gutter is not None:
        left, right = [b for b in boxes if b.x1 <= gutter], [b for b in boxes if b.x0 >= gutter]
        if sidebars is not None:
            narrower = min(left, right, key=lambda side: max(b.x1 for b in side) - min(b.x0 for b in side))
            edge = max(b.x1 for b in narrower)
            sidebars.update((b.index, edge) for b in narrower)
        return _joined(_order(left, tables, sidebars), _order(right, tables, sidebars), True)
    cut = _widest_row_gap(boxes)
    if cut is not None:
        top, bottom = [b for b in boxes if b.y1 <= cut], [b for b in boxes if b.y0 >= cut]
        return _joined(_order(top, tables, sidebars), _order(bottom, tables, sidebars), False)
    return _rows(boxes), False


def _rows(boxes: list[Box]) -> list[Box]:
    return sorted(boxes, key=lambda b: (round(b.y0 / ROW_PITCH), b.x0))


def _joined(first: tuple[list[Box], bool], then: tuple[list[Box], bool], columns: bool) -> tuple[list[Box], bool]:
    return first[0] + then[0], columns or first[1] or then[1]


def _median_height(boxes: list[Box]) -> float:
    heights = sorted(b.height for b in boxes)
    return max(1.0, heights[len(heights) // 2])


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The uncovered stretches between the covered ones, widest first."""
    out: list[tuple[float, float]] = []
    spans = sorted(spans)
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start > reach:
            out.append((reach, start))
        reach = max(reach, end)
    return sorted(out, key=lambda gap: gap[0] - gap[1])


def _gutter(boxes: list[Box], tables: bool = False) -> float | None:
    """The x of a gutter between two columns of prose, or None."""
    min_width = MIN_GUTTER_HEIGHTS * _median_height(boxes)
    for start, end in _gaps([(b.x0, b.x1) for b in boxes]):
        if end - start < min_width:
            break
        left = [b for b in boxes if b.x1 <= start]
        right = [b for b in boxes if b.x0 >= end]
        if _columns(left, right, tables):
            return (start + end) / 2
    return None


def _columns(left: list[Box], right: list[Box], tables: bool = False) -> bool:
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return False
    top, bottom = (
        max(min(b.y0 for b in left), min(b.y0 for b in right)),
        min(max(b.y1 for b in left), max(b.y1 for b in right)),
    )
    shorter = min(max(b.y1 for b in side) - min(b.y0 for b in side) for side in (left, right))
    if bottom - top < MIN_SIDE_BY_SIDE * shorter:
        return False
    if _right_aligned(right) or (tables and _table_rows(left, right)):
        return False
    return _date_share(left) <= MAX_DATE_SHARE and _date_share(right) <= MAX_DATE_SHARE


def _table_rows(left: list[Box], right: list[Box]) -> bool:
    """True when every line on the right, and most on the left, sit on a baseline shared across: the cells of a
    table's rows ("姓名：张晓 | 性别：女"), read across; a page's two columns keep their own line pitch. Only for
    a PDF's text, whose baselines are exact: OCR's boxes of two columns set in one pitch look the same."""
    return _share_on_rows(right, left) >= MIN_TABLE_RIGHT_SHARE and _share_on_rows(left, right) >= MIN_TABLE_LEFT_SHARE


def _share_on_rows(side: list[Box], other: list[Box]) -> float:
    bottoms = sorted(b.y1 for b in other)
    on_row = 0
    for box in side:
        tolerance = SAME_ROW_HEIGHTS * box.height
        at = bisect_left(bottoms, box.y1 - tolerance)
        on_row += at < len(bottoms) and bottoms[at] <= box.y1 + tolerance
    return on_row / len(side)


def _right_aligned(side: list[Box]) -> bool:
    """True when the side's lines end together and start apart: labels pushed to the right edge."""
    tolerance = RIGHT_ALIGNED_HEIGHTS * _median_height(side)
    ends, starts = [b.x1 for b in side], [b.x0 for b in side]
    ragged = max(ends) - min(ends)
    return ragged <= tolerance and max(starts) - min(starts) > 2 * ragged


def _date_share(side: list[Box]) -> float:
    """The share of lines that are a date or a range and little else."""
    return sum(1 for b in side if mostly_date(b.text)) / len(side)


# A date cell's other lines: a range's open end wrapped alone ("Present") and the time served ("(5+ yrs)").
_DATE_CELL_LINE = re.compile(
    r"[(（]?\s*(?:present|current|now|today|至今|今)\s*[)）]?"
    r"|[(（]\s*\d+(?:\.\d+)?\+?\s*(?:yrs?|years?|mos?|months?|年|个月)(?:\s*\d+\s*(?:mos?|months?|个月))?\s*[)）]",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def mostly_date(text: str) -> bool:
    """A date or a range and little else, or a date cell's other line (\"Present\", \"(5+ yrs)\")."""
    if _DATE_CELL_LINE.fullmatch(text.strip()):
        return True
    letters = sum(1 for ch in text if not ch.isspace())
    covered = sum(hit.end - hit.start for hit in find_dates(text))
    return letters > 0 and covered >= 0.5 * letters


def _widest_row_gap(boxes: list[Box]) -> float | None:
    gaps = _gaps([(b.y0, b.y1) for b in boxes])
    return (gaps[0][0] + gaps[0][1]) / 2 if gaps else None
