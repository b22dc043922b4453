"""Lines a narrow column's edge wrapped, joined again: a sidebar's paragraph is one line of the reading.

A resume builder's sidebar is a third of the page or less, and its paragraphs wrap every few words. Read line by
line, a skills paragraph's "controlled vocabularies, Dublin" over "Core, MARC21" gave two items and a degree came
in three pieces, whether the page was a PDF's text layer (core.assets.pdf_layout) or a scan (core.ocr). Both
place their lines on the page and know from the reading order (core.ocr_layout) which lines stand in a sidebar and
where its edge is; this module decides which of those lines the edge broke.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from core.facts.vocabulary import get_vocabulary
from core.ocr_layout import Box

CJK = "\u2e80-\u9fff\uf900-\ufaff"  # CJK radicals and ideographs
WIDE = CJK + "\uff00-\uffef"  # …and full-width forms
_CJK_END = re.compile(rf"[{CJK}]$")


@dataclass
class Line:
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
# A word broken at its own hyphen or slash ("Pre-" over "Authorizations", "2019–" over "2024"), or an address
# broken wherever it reached the edge ("chenchen.pm@gmail.co" over "m"), joins unspaced.
_BROKEN_AT_MARK = re.compile(r"\S[-/–]$|(?:^|\s)(?:\S*[@/]|www\.)\S*$")


@dataclass(frozen=True)
class Tolerances:
    """How far a wrapped paragraph's next line may differ from its line: a PDF's positions are exact; a scan's
    boxes grow with a line's ascenders and descenders (24-33 px for one size), and their tops wander with them."""

    height: float = 0.1  # share of the line's height
    pitch: float = LINE_PITCH_SLACK  # share over the column's tightest pitch


SCANNED = Tolerances(height=0.35, pitch=0.25)


def unwrapped(lines: list[Line], sidebars: dict[int, float], within: Tolerances = Tolerances()) -> list[str]:
    """The lines, each sidebar line the column's edge wrapped joined to the next.

    A narrow column wraps every few words, so a skills list read "controlled vocabularies, Dublin" over "Core,
    MARC21" and a degree came in three pieces. A line was wrapped when the next line starts where it starts, at
    the column's tightest pitch, in the same size, and its first word would not have fitted beside it before the
    column's edge (the sidebar's longest line: a line break the writer put in, after "Kent State University,",
    leaves room and stays). The edge is only known where lines reach it, so the words must also say the line goes
    on (`_GOES_ON`), unless the column wraps often enough to be prose (MIN_CERTAIN_WRAPS): a column of items one
    a line ("TypeScript, JavaScript" over "React 18, Next.js") has a longest line too. A section's heading is no
    paragraph's end, set in the body's size or not. Not across Chinese: its wrapped items are read whole by
    core.facts (a sidebar's "…、嵌" over "入式 Linux")."""
    edges = [_edge(line, sidebars) for line in lines]
    pitches: dict[float, float] = {}
    for (line, below), edge in zip(pairwise(lines), edges, strict=False):
        if edge is not None and _under(line, below, within):
            pitch = below.first.y0 - line.first.y0
            pitches[edge] = min(pitch, pitches.get(edge, pitch))
    fills = [
        i
        for i, (line, below) in enumerate(pairwise(lines))
        if (edge := edges[i]) is not None
        and edges[i + 1] == edge
        and _under(line, below, within)
        and below.first.y0 - line.first.y0 <= (1 + within.pitch) * pitches[edge]
        and _fills(line, below, edge)
    ]
    certain = {i for i in fills if _goes_on(lines[i].text.rstrip(), lines[i + 1].text.lstrip())}
    counts = Counter(edges[i] for i in certain)
    wrapped = {i for i in fills if i in certain or counts[edges[i]] >= MIN_CERTAIN_WRAPS}
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in wrapped:
            above = out[-1].rstrip()
            joint = "" if _BROKEN_AT_MARK.search(above) or re.search(f"[{WIDE}]$", above) else " "
            out[-1] = above + joint + line.text.lstrip()
        else:
            out.append(line.text)
    return out


def _goes_on(text: str, below: str) -> bool:
    """The words say the line goes on below."""
    dash_below = _DASH_START.match(below) and not _DASH_START.match(text)
    return bool(_GOES_ON.search(text) or _GOES_ON_BELOW.match(below) or dash_below)


def _edge(line: Line, sidebars: dict[int, float]) -> float | None:
    """The right edge of the sidebar the whole line stands in, or None (a main column, a page without one)."""
    edge = sidebars.get(line.first.index)
    return edge if edge is not None and sidebars.get(line.last.index) == edge else None


def _under(line: Line, below: Line, within: Tolerances) -> bool:
    """`below` starts where `line` starts, on the next row, in the same size: candidates for one paragraph."""
    height = line.first.height
    return (
        abs(below.first.x0 - line.first.x0) <= 0.5 * height
        and abs(below.first.height - height) <= within.height * height
        and 0 < below.first.y0 - line.first.y0 <= 2 * height
    )


def _fills(line: Line, below: Line, edge: float) -> bool:
    """The next line's first word would not have fitted on this one before the column's edge; neither side is a
    sentence's end, a list mark (a dash leading the next line of a line that had none goes on: "Ohio Public
    Library Certification" over "– Librarian II …") or Chinese."""
    text, next_text = line.text.rstrip(), below.text.lstrip()
    if not text or not next_text or _SENTENCE_END.search(text) or _BULLET_START.match(next_text):
        return False
    if _DASH_START.match(next_text) and _DASH_START.match(text):  # a list of dashed items
        return False
    if _CJK_END.search(text) or re.match(f"[{WIDE}]", next_text) or text.isupper():
        return False
    vocabulary = get_vocabulary()
    if vocabulary.section_of(text) or vocabulary.section_of(next_text):
        return False
    first = below.first
    per_char = (first.x1 - first.x0) / max(1, len(first.text))
    word = len(next_text.split(maxsplit=1)[0])
    return line.last.x1 + per_char * (word + 1) > edge
