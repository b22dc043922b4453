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
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from core.ocr_layout import ROW_JOIN, Box, reading_order

# Inside a run, words at most this many spaces apart are one segment; a wider gap (a tab stop, \hfill before
# a date) starts a new one.
_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")
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
_CJK = "\u2e80-\u9fff\uf900-\ufaff"  # CJK radicals and ideographs
_CJK_END = re.compile(rf"[{_CJK}]$")


def page_boxes(page: Any) -> list[Box]:
    """Every segment of text the page draws, as a box in pixels (y grows down the page)."""
    from pypdf._text_extraction import _layout_mode
    from pypdf.generic import ArrayObject, ContentStream, StreamObject

    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if not isinstance(contents, ArrayObject | StreamObject):
        return []
    fonts = page._layout_mode_fonts()
    operations = iter(ContentStream(contents, page.pdf, "bytes").operations)
    groups = _layout_mode.text_show_operations(operations, fonts, strip_rotated=True)
    boxes: list[Box] = []
    for run in _runs(groups):
        boxes += _segments(run, len(boxes))
    return boxes


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
        if last is not None and on_baseline and last.start <= run.start < last.end:
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


# Spaces pypdf's layout mode puts between two Chinese characters for a glyph's own offset ("模    组PACK线", "客户
# 验收" in a browser's print of one unbroken line): no gap the page shows. One space is a writer's separator
# between fields ("至今 常州恒锐…有限公司"), kept.
_WIDE = _CJK + "\uff00-\uffef"  # …and full-width forms
_SPACES_IN_CJK = re.compile(rf"(?<=[{_WIDE}]) {{2,6}}(?=[{_WIDE}])")


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
    sidebar's lines its column's edge wrapped are one line again (`_unwrapped`)."""
    sidebars: dict[int, float] = {}
    lines: list[_Line] = []
    previous: Box | None = None
    for box in reading_order(boxes, tables=True, sidebars=sidebars):
        if previous is not None and _same_row(previous, box) and box.x0 > previous.x0:
            lines[-1].text += _joint(previous, box) + box.text
            lines[-1].last = box
        else:
            lines.append(_Line(box.text, box, box))
        previous = box
    return "\n".join(_unwrapped(lines, sidebars))


@dataclass
class _Line:
    """A line of the reading: its text and its first and last box."""

    text: str
    first: Box
    last: Box


# A sidebar's next line is a paragraph's next line when it stands at most this share over the column's tightest
# pitch below (a paragraph's or an item's own margin sets the next one further down).
LINE_PITCH_SLACK = 0.08
_SENTENCE_END = re.compile(r"[.;!?。；！？]$")
_BULLET_START = re.compile(r"^[•·▪■●◦○*]")
_DASH_START = re.compile(r"^[–—-]")
# A line that certainly goes on below: it ends on a comma, a joining word or an open range, or the next line
# starts with a word in lower case or a bracketed word, or with a dash its line did not start with (not an
# address, a handle or a phone number: "tombecker.dev", "(312) 555-0164" are items of their own).
_GOES_ON = re.compile(r"(?:[,&/(–—-]|\b(?:and|or|of|for|in|with|to|the|a|an|at|on))$", re.IGNORECASE)
_GOES_ON_BELOW = re.compile(r"^\(?[a-z]+[,;:)]*(?:\s|$)|^\([A-Za-z]+[\s,)]")
# A sidebar with this many certain wraps wraps its paragraphs: there a line that fills the column goes on below
# even where its words do not say so ("controlled vocabularies, Dublin" over "Core, MARC21"). A list of items,
# one a line, wraps none or one.
MIN_CERTAIN_WRAPS = 3
# A word broken at its own hyphen or slash ("Pre-" over "Authorizations", "2019–" over "2024") joins unspaced.
_BROKEN_AT_MARK = re.compile(r"\S[-/–]$")


def _unwrapped(lines: list[_Line], sidebars: dict[int, float]) -> list[str]:
    """The lines, each sidebar line the browser wrapped at its column's edge joined to the next.

    A narrow column wraps every few words, so a skills list read "controlled vocabularies, Dublin" over "Core,
    MARC21" and a degree came in three pieces. A line was wrapped when the next line starts where it starts, at
    the column's tightest pitch, in the same size, and its first word would not have fitted beside it before the
    column's edge (the sidebar's longest line: a line break the writer put in, after "Kent State University,",
    leaves room and stays). The edge is only known where lines reach it, so the words must also say the line goes
    on (`_GOES_ON`), unless the column wraps often enough to be prose (MIN_CERTAIN_WRAPS): a column of items one
    a line ("TypeScript, JavaScript" over "React 18, Next.js") has a longest line too. Not across Chinese: its
    wrapped items are read whole by core.facts (a sidebar's "…、嵌" over "入式 Linux")."""
    edges = [_edge(line, sidebars) for line in lines]
    pitches: dict[float, float] = {}
    for (line, below), edge in zip(pairwise(lines), edges, strict=False):
        if edge is not None and _under(line, below):
            pitch = below.first.y0 - line.first.y0
            pitches[edge] = min(pitch, pitches.get(edge, pitch))
    fills = [
        i
        for i, (line, below) in enumerate(pairwise(lines))
        if (edge := edges[i]) is not None
        and edges[i + 1] == edge
        and _under(line, below)
        and below.first.y0 - line.first.y0 <= (1 + LINE_PITCH_SLACK) * pitches[edge]
        and _fills(line, below, edge)
    ]
    certain = {i for i in fills if _goes_on(lines[i].text.rstrip(), lines[i + 1].text.lstrip())}
    counts = Counter(edges[i] for i in certain)
    wrapped = {i for i in fills if i in certain or counts[edges[i]] >= MIN_CERTAIN_WRAPS}
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in wrapped:
            above = out[-1].rstrip()
            joint = "" if _BROKEN_AT_MARK.search(above) or re.search(f"[{_WIDE}]$", above) else " "
            out[-1] = above + joint + line.text.lstrip()
        else:
            out.append(line.text)
    return out


def _goes_on(text: str, below: str) -> bool:
    """The words say the line goes on below."""
    dash_below = _DASH_START.match(below) and not _DASH_START.match(text)
    return bool(_GOES_ON.search(text) or _GOES_ON_BELOW.match(below) or dash_below)


def _edge(line: _Line, sidebars: dict[int, float]) -> float | None:
    """The right edge of the sidebar the whole line stands in, or None (a main column, a page without one)."""
    edge = sidebars.get(line.first.index)
    return edge if edge is not None and sidebars.get(line.last.index) == edge else None


def _under(line: _Line, below: _Line) -> bool:
    """`below` starts where `line` starts, on the next row, in the same size: candidates for one paragraph."""
    height = line.first.height
    return (
        abs(below.first.x0 - line.first.x0) <= 0.5 * height
        and abs(below.first.height - height) <= 0.1 * height
        and 0 < below.first.y0 - line.first.y0 <= 2 * height
    )


def _fills(line: _Line, below: _Line, edge: float) -> bool:
    """The next line's first word would not have fitted on this one before the column's edge; neither side is a
    sentence's end, a list mark (a dash leading the next line of a line that had none goes on: "Ohio Public
    Library Certification" over "– Librarian II …") or Chinese."""
    text, next_text = line.text.rstrip(), below.text.lstrip()
    if not text or not next_text or _SENTENCE_END.search(text) or _BULLET_START.match(next_text):
        return False
    if _DASH_START.match(next_text) and _DASH_START.match(text):  # a list of dashed items
        return False
    if _CJK_END.search(text) or re.match(f"[{_WIDE}]", next_text) or text.isupper():
        return False
    first = below.first
    per_char = (first.x1 - first.x0) / max(1, len(first.text))
    word = len(next_text.split(maxsplit=1)[0])
    return line.last.x1 + per_char * (word + 1) > edge


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
