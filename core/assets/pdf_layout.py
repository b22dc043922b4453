"""Reading order of a PDF's text layer: what is on one row stays on that row, columns are read one by one.

pypdf's default mode gives text in content-stream order: the order the producer drew it, not the order on the
page. A browser printing an HTML resume draws every right-aligned float (each role's dates and place) apart
from the rest of the page, so every role lost its dates ("May 2025 – Aug 2025" arrived at the top of the page,
"Pittsburgh, PACarnegie Mellon University" glued on at the end). Here each run of text the page draws becomes a
box at its position on the page, and the boxes are ordered by the recursive XY cut OCR uses
(core.ocr_layout): a two-column page is still read one column after the other, and a header keeps its
right-aligned dates on its row.

The positions come from pypdf's layout mode (`_layout_mode.text_show_operations`: where each run starts and
ends, in the font's real widths). Its public layout output is a fixed-width text grid in which proportional
text ends a few characters off, too coarse to see that labels are right-aligned; the module is internal, so
the version is pinned in uv.lock and any failure falls back to the default mode (core.assets.pdf).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from core.assets.pdf_visibility import HiddenText, visible_operations
from core.column_wraps import CJK, WIDE, Line, unwrapped
from core.ocr_layout import ROW_JOIN, Box, mostly_date, reading_order

# Inside a run, words at most this many spaces apart are one segment; a wider gap (a tab stop, \hfill before
# a date) starts a new one.
_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")
# Text set smaller than this many points is not read: nobody reads a resume in it (footnotes are 6-8 pt); it is
# how a page hides keywords (core.assets.pdf_visibility).
MIN_READABLE_HEIGHT = 2.0
# Page points to the layout's pixels: body text of 10-11 pt becomes ~20-22 px, as OCR's lines are.
SCALE = 2.0
# Runs whose baselines differ by less than this share of the text's height sit on one baseline.
SAME_BASELINE = 0.2
# Runs closer than this share of the text's height are one word drawn in two fonts.
JOINED_GAP = 0.15
# Runs of one baseline at most this share of the text's height apart are words of one line.
WORD_GAP = 0.6
# After a Chinese character, a gap up to this many heights is still the line's next word: pypdf's layout mode
# measures some Chinese glyphs (a browser's print, radicals drawn as compatibility characters) too narrow, leaving
# a gap of a character or two that the page does not show. A field's right-aligned dates stand further off.
CJK_WORD_GAP = 2.5
_CJK_END = re.compile(rf"[{CJK}]$")


def page_boxes(page: Any, hidden: HiddenText | None = None) -> list[Box]:
    """Every segment of text the page shows, as a box in pixels (y grows down the page); `hidden` counts the
    characters of the text it draws but does not show (core.assets.pdf_visibility), which is left out."""
    from pypdf._text_extraction import _layout_mode
    from pypdf.generic import ArrayObject, ContentStream, StreamObject

    hidden = hidden if hidden is not None else HiddenText()
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if not isinstance(contents, ArrayObject | StreamObject):
        return []
    fonts = page._layout_mode_fonts()
    operations = visible_operations(ContentStream(contents, page.pdf, "bytes").operations, hidden)
    groups = _layout_mode.text_show_operations(operations, fonts, strip_rotated=True)
    boxes: list[Box] = []
    for run in _runs(_readable(groups, hidden)):
        boxes += _segments(run, len(boxes))
    return boxes


def _readable(groups: list[Any], hidden: HiddenText) -> list[Any]:
    """The groups set in a size a reader can read; text under MIN_READABLE_HEIGHT points is hidden text."""
    readable = []
    for group in groups:
        if float(group["font_height"]) < MIN_READABLE_HEIGHT and str(group["text"]).strip():
            hidden.chars += len(str(group["text"]))
        else:
            readable.append(group)
    return readable


@dataclass
class _Run:
    """Text drawn in one go on one row, in page points."""

    text: str
    start: float
    end: float
    baseline: float  # y, growing down the page
    height: float


def _runs(groups: list[Any]) -> list[_Run]:
    """pypdf's groups (sorted by row, then x) as runs; a group that starts inside the one before it on its row
    continues it (a font switch mid-line: "邮箱：" then "liming.dev@163.com", whose own start pypdf gives as the
    line's), as pypdf's own layout text joins them, and so does one a word space after it."""
    runs: list[_Run] = []
    for group in groups:
        run = _Run(
            text=str(group["text"]),
            start=float(group["tx"]),
            end=float(group["displaced_tx"]),
            baseline=-float(group["ty"]) * float(group["flip_sort"]),
            height=max(1.0, float(group["font_height"])),
        )
        last = runs[-1] if runs else None
        on_baseline = last is not None and abs(run.baseline - last.baseline) < SAME_BASELINE * last.height
        if last is not None and on_baseline and _cell_of_dates(last, run):
            # a table's date cell drawn right against the words its row's other cell wrapped ("… — 3rd Sustainment"
            # then "Jun 2022 –"): two fields, not one word
            last.text += ROW_JOIN + run.text
            last.end = max(last.end, run.end)
        elif last is not None and on_baseline and last.start <= run.start < last.end:
            last.text += run.text
            last.end = max(last.end, run.end)
        elif last is not None and on_baseline and 0 <= run.start - last.end <= WORD_GAP * last.height:
            # The next word of the line, drawn on its own (a producer that draws word by word): one run, so a
            # page is a few dozen lines for the layout, not hundreds of words.
            last.text += _spacing(run.start - last.end, last.height) + run.text
            last.end = run.end
        else:
            runs.append(run)
    return runs


def _cell_of_dates(last: _Run, run: _Run) -> bool:
    """The run is a date range's start drawn where the run before it ends, a letter on each side: a cell's dates."""
    return (
        0 <= run.start - last.end <= WORD_GAP * last.height
        and last.text[-1:].isalpha()
        and run.text[:1].isalnum()
        and _DATE_RUN.match(run.text) is not None
    )


# A run opening with a month and year or a year and a range's dash: "Jun 2022 –", "2019 - Present".
_DATE_RUN = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b|(?:19|20)\d\d\s*[-–—]"
)


# Spaces pypdf's layout mode puts between two Chinese characters for a glyph's own offset ("模    组PACK线", "客户
# 验收" in a browser's print of one unbroken line): no gap the page shows. One space is a writer's separator
# between fields ("至今 常州恒锐…有限公司"), kept.
_SPACES_IN_CJK = re.compile(rf"(?<=[{WIDE}]) {{2,6}}(?=[{WIDE}])")


# Spaces pypdf's layout mode puts inside a word a browser drew in pieces after a ligature ("certiﬁed phar" +
# "macy technician", "acute car" + "e"): its advance for the ligature differs from the browser's, and the next
# piece's position reads as a gap. A field set apart by a tab stop opens with a capital or a digit, not mid-word.
_SPACES_IN_WORD = re.compile(r"(?<=[A-Za-z]) {3,}(?=[a-z])")


def _segments(run: _Run, first_index: int) -> list[Box]:
    """A run's segments, placed along the run in proportion to their characters."""
    text = _SPACES_IN_WORD.sub("", _SPACES_IN_CJK.sub("", run.text))
    height = run.height * SCALE
    start, end = run.start * SCALE, run.end * SCALE
    per_char = (end - start) / len(text) if text and end > start else height / 2
    baseline = run.baseline * SCALE
    out: list[Box] = []
    for found in _SEGMENT.finditer(text):
        x0 = start + found.start() * per_char
        x1 = start + found.end() * per_char
        out.append(Box(x0, baseline - 0.8 * height, x1, baseline + 0.2 * height, first_index + len(out), found.group()))
    return out


def reading_text(boxes: list[Box]) -> str:
    """The boxes' text in reading order: a line per row of a column, a row's segments joined by wide space; a
    sidebar's lines its column's edge wrapped are one line again (core.column_wraps)."""
    sidebars: dict[int, float] = {}
    lines: list[Line] = []
    previous: Box | None = None
    for box in reading_order(boxes, tables=True, sidebars=sidebars):
        if previous is not None and _same_row(previous, box) and box.x0 > previous.x0:
            lines[-1].text += _joint(previous, box) + box.text
            lines[-1].last = box
        else:
            lines.append(Line(box.text, box, box))
        previous = box
    return "\n".join(unwrapped(_date_cells_joined(lines), sidebars))


def _date_cells_joined(lines: list[Line]) -> list[Line]:
    """A table's date cell wrapped over its row's lines, read row by row beside the cell on its right: "Jun 2019 –
    | Detective Sergeant", "Present | Pima Valley Police Department", "(5+ yrs) | • Supervise …". The cell's
    lines join its first line ("Jun 2019 – Present (5+ yrs) | Detective Sergeant"); what stands beside them keeps
    its own line."""
    out: list[Line] = []
    owner: Line | None = None  # the line whose date cell is open
    cell_end = 0  # where that cell's text ends in the owner's
    cell_box: Box | None = None  # the cell's lowest line so far
    for line in lines:
        first = line.first
        beside = line.text[len(first.text) :].lstrip() if line.text.startswith(first.text) else ""
        if (
            owner is not None
            and cell_box is not None
            and abs(first.x0 - cell_box.x0) <= first.height
            and 0 <= first.y0 - cell_box.y1 <= first.height
            and mostly_date(first.text)
        ):
            owner.text = f"{owner.text[:cell_end]} {first.text}{owner.text[cell_end:]}"
            cell_end += len(first.text) + 1
            cell_box = first
            if beside.startswith("|"):
                out.append(Line(beside[1:].lstrip(), line.last, line.last))
            elif beside:
                out.append(Line(beside, line.last, line.last))
            continue
        owner, cell_box = None, None
        if beside and mostly_date(first.text):
            owner, cell_end, cell_box = line, len(first.text), first
        out.append(line)
    return out


def _same_row(a: Box, b: Box) -> bool:
    """Two runs on one row overlap over half the smaller one's height (a Chinese font's run is taller)."""
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.height, b.height)


def _joint(left: Box, right: Box) -> str:
    height = min(left.height, right.height)
    gap = right.x0 - left.x1
    if _CJK_END.search(left.text) and gap <= CJK_WORD_GAP * height:
        return " "  # "验收通过率" then "100%；": the Chinese run's width was measured short, the line goes on
    return _spacing(gap, height)


def _spacing(gap: float, height: float) -> str:
    """What stands between two runs of a row `gap` apart: nothing where a word switches font ("（" then "P7）"),
    a space between words, a field's separator between a header and its right-aligned dates."""
    if gap <= JOINED_GAP * height:
        return ""
    return " " if gap <= height else ROW_JOIN
