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

from core.facts.read import names_an_organisation
from core.facts.vocabulary import get_vocabulary
from core.ocr_layout import Box

CJK = "\u2e80-\u9fff\uf900-\ufaff"  # CJK radicals and ideographs
WIDE = CJK + "\uff00-\uffef"  # …and full-width forms
_WIDE_END = re.compile(rf"[{WIDE}]$")
_WIDE_START = re.compile(rf"[{WIDE}]")
# A Chinese line fills its column when it ends within this many characters (each about as wide as the line is
# tall) of the edge: one more did not fit. A line of items that happens to end near the edge ("需求分析、用户研究"
# over "数据分析、SQL") is no wrap; where pypdf measures a mixed line's Latin glyphs short, a wrap is missed.
CJK_FILL = 1.2


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
# What opens a prose line: a word of letters ("Core, MARC21", "State University,") or a short number ("SOX" over
# "404 compliance"), not an address, a handle or a phone number, which stand on lines of their own in a contact
# block however the column wraps.
_A_WORD = re.compile(r"(?:[A-Za-z][A-Za-z'’&-]*|\d{1,4}(?:\.\d+)?)(?:[,;:)]|\s|$)")
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
    on (`_GOES_ON`), unless the column wraps often enough to be prose (MIN_CERTAIN_WRAPS) and the next line opens
    with a word (`_A_WORD`): a column of items one a line ("TypeScript, JavaScript" over "React 18, Next.js") has
    a longest line too. A section's heading is no paragraph's end, set in the body's size or not. Chinese wraps
    between any two characters: a Chinese line that fills its column and ends no sentence goes on ("…能够独立" over
    "完成中大型单页应用的架构设计与开" over "发。"), joined without a space."""
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
    wrapped = {
        i
        for i in fills
        if i in certain or (counts[edges[i]] >= MIN_CERTAIN_WRAPS and _prose_goes_on(lines[i].text, lines[i + 1].text))
    }
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in wrapped:
            above = out[-1].rstrip()
            out[-1] = above + _joint(above, line.text.lstrip()) + line.text.lstrip()
        else:
            out.append(line.text)
    return out


_PUNCTUATION_WIDE = re.compile(r"[\u3000-\u303f\uff00-\uffef]")
_IDEOGRAPH = re.compile(rf"[{CJK}]")
_IDEOGRAPH_END = re.compile(rf"[{CJK}]$")
_LIST_MARK_END = re.compile(r"[、，（]$")


def _joint(above: str, below: str) -> str:
    """What joins a wrapped line to the next: nothing inside a word broken at its mark or an address, between two
    Chinese characters or at a full-width mark ("诊" + "断", "JavaScript" + "（ES6+）"); a space between words, and
    between Chinese and a Latin word ("熟悉" + "Linux 字符设备驱动开发"), as Chinese writers space them."""
    if _BROKEN_AT_MARK.search(above):
        return ""
    last, first = above[-1:], below[:1]
    if _PUNCTUATION_WIDE.match(last) or _PUNCTUATION_WIDE.match(first):
        return ""
    return "" if _IDEOGRAPH.match(last) and _IDEOGRAPH.match(first) else " "


def _goes_on(text: str, below: str) -> bool:
    """The words say the line goes on below."""
    dash_below = _DASH_START.match(below) and not _DASH_START.match(text)
    address = _address_broken(text, below)
    # "IATA Dangerous Goods (Division" over "6.2) shipping …", "全家桶（Vue" over "Router、Pinia、Vuex），…"
    open_bracket = text.count("(") + text.count("（") > text.count(")") + text.count("）")
    # A Chinese line that fills its column and ends no sentence goes on: "…能够独立" over "完成中大型单页应用…"; from
    # Chinese to a Latin word it may as well be the next item ("用户研究" over "Axure、Figma").
    chinese = bool(_IDEOGRAPH_END.search(text) and _IDEOGRAPH.match(below)) or bool(_LIST_MARK_END.search(text))
    return bool(
        _GOES_ON.search(text) or _GOES_ON_BELOW.match(below) or dash_below or open_bracket or chinese or address
    )


# An address the edge broke: its domain not yet begun ("marisol.okafor.brandt@freig" over "htline.com"), or its
# last letters alone below ("chenchen.pm@gmail.co" over "m"); not an address over a handle ("…@posteo.de" over
# "tombecker.dev").
_ADDRESS_OPEN = re.compile(r"(?:^|\s)\S+@[^\s.]*$")
_ADDRESS_AT_END = re.compile(r"(?:^|\s)\S+@\S+$")
_ADDRESS_TAIL = re.compile(r"^[a-z]{1,3}(?:\s|$)")


def _address_broken(text: str, below: str) -> bool:
    return bool(_ADDRESS_OPEN.search(text) or (_ADDRESS_AT_END.search(text) and _ADDRESS_TAIL.match(below)))


def _prose_goes_on(text: str, below: str) -> bool:
    """In a column of prose, a line that fills it goes on below unless the next line opens with no word (an
    address, a phone number) or with a school's or a firm's name of its own."""
    return bool(_A_WORD.match(below.lstrip())) and not _names_firm_below(text.rstrip(), below.lstrip())


def _names_firm_below(text: str, below: str) -> bool:
    """The next line opens with a school's or a firm's name that does not start on this line: a degree's own line
    over its school's ("Bachelor of Science in Biology, Minor in Chemistry" over "North Carolina State University,
    Raleigh, NC", a writer's line break that the long degree filled up to). A name this line's last words start
    ("…(MLIS), Kent" over "State University,") goes on."""
    head = below.split(",", 1)[0].strip()
    last_field = text.rsplit(",", 1)[-1].split()
    starts_here = 0 < len(last_field) <= 2 and all(word[:1].isupper() for word in last_field)
    return head[:1].isupper() and names_an_organisation(head) and not starts_here


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
    sentence's end or a list mark (a dash leading the next line of a line that had none goes on: "Ohio Public
    Library Certification" over "– Librarian II …")."""
    text, next_text = line.text.rstrip(), below.text.lstrip()
    if not text or not next_text or _SENTENCE_END.search(text) or _BULLET_START.match(next_text):
        return False
    if _DASH_START.match(next_text) and _DASH_START.match(text):  # a list of dashed items
        return False
    if text.isupper():
        return False
    vocabulary = get_vocabulary()
    if vocabulary.section_of(text) or vocabulary.section_of(next_text):
        return False
    if _chinese_at(text, next_text):
        if _FIELD_LABEL.match(next_text) or _ITEM_END.search(text):
            return False  # "邮箱：" opens a field of its own; "英语（流利）" over "普通话（母语）" are two items
        return line.last.x1 + CJK_FILL * line.last.height > edge
    first = below.first
    per_char = (first.x1 - first.x0) / max(1, len(first.text))
    word = len(next_text.split(maxsplit=1)[0])
    return line.last.x1 + per_char * (word + 1) > edge


# A field's label opening a line ("邮箱：", "城市:"), and what ends an item rather than a wrapped line: a closing
# bracket, or an address ("chenchen.pm@gmail.com" over "城市：深圳").
_FIELD_LABEL = re.compile(r"^[^\s：:]{1,8}[：:]")
_ITEM_END = re.compile(r"[)）]$|\S*[@/.]\w+$")


def _chinese_at(text: str, below: str) -> bool:
    """The line ends, or the next one starts, in Chinese: a wrap there falls between any two characters."""
    return bool(_WIDE_END.search(text) or _WIDE_START.match(below))
