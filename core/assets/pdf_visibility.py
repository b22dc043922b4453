"""Which of a PDF page's text a reader sees: text the page hides is not part of the user's document.

A resume can carry text nobody reading it sees: a job description pasted in white on a white page, or drawn in
render mode 3 (neither filled nor stroked, the mode of keyword stuffing and of a searchable scan's OCR layer),
or set a point high. Read as the document's, it would make coverage prove skills the resume never shows, and the
tailored resume and the pitch would write them as the user's. The page's text layer is read without it; a
searchable scan whose text is all hidden is then read by OCR from its image, as the page shows it.

White text is only hidden on a page that paints nothing behind text: a template's dark sidebar (a filled shape
or an image) shows its white contact lines and skills, so where the page paints a shape or an image a word could
stand on (not a rule, a bullet or an icon) in anything but white, white text is kept. Text a shape drawn later
covers is not looked for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Operators that draw text, and those that paint a filled shape, a shading or an image.
_SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}
_FILLS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PAINTS_IMAGE = {b"Do", b"sh", b"BI", b"INLINE IMAGE"}
# Render modes: 3 draws nothing, 7 only adds to the clip; 1 and 5 only stroke; the others fill.
_INVISIBLE_MODES = {3, 7}
_STROKE_ONLY_MODES = {1, 5}
_FILL_AND_STROKE_MODES = {2, 6}
# A colour this close to paper white does not show on it (0 is black, 1 white, in gray and RGB).
_WHITE = 0.97
# A painted shape or image narrower or lower than this (in points) holds no word: a rule, a bullet, an icon.
_BACKDROP_MIN_SIDE = 9.0
_BACKDROP_MIN_AREA = 30.0 * 9.0


@dataclass
class HiddenText:
    """How many characters of a page's text were dropped as hidden (its reading is compared without them)."""

    chars: int = 0


@dataclass
class _State:
    """The part of the graphics state that says whether text shows."""

    mode: int = 0
    fill_white: bool = False
    stroke_white: bool = False
    scale: tuple[float, float] = (1.0, 1.0)  # how long the current matrix makes a unit along x and along y

    def copy(self) -> _State:
        return _State(self.mode, self.fill_white, self.stroke_white, self.scale)

    def shows(self, white_hides: bool) -> bool:
        if self.mode in _INVISIBLE_MODES:
            return False
        if not white_hides:
            return True
        if self.mode in _STROKE_ONLY_MODES:
            return not self.stroke_white
        if self.mode in _FILL_AND_STROKE_MODES:
            return not (self.fill_white and self.stroke_white)
        return not self.fill_white


@dataclass
class _Walk:
    state: _State = field(default_factory=_State)
    saved: list[_State] = field(default_factory=list)
    path_can_hold_text: bool = False  # the path being built has a rectangle a word fits in, or a curve


def visible_operations(operations: list[tuple[Any, bytes]], hidden: HiddenText) -> Iterator[tuple[Any, bytes]]:
    """The page's operations without the text-drawing ones whose text does not show; `hidden` counts it."""
    white_hides = not _paints_behind_text(operations)
    walk = _Walk()
    for operands, operator in operations:
        if operator in _SHOWS_TEXT and not walk.state.shows(white_hides):
            hidden.chars += _shown_chars(operands)
            continue
        _step(walk, operands, operator)
        yield operands, operator


def _paints_behind_text(operations: Iterable[tuple[Any, bytes]]) -> bool:
    """Whether the page paints anything white text could stand on: a non-white shape or an image a word fits in."""
    walk = _Walk()
    for operands, operator in operations:
        state = walk.state
        if operator in _FILLS and walk.path_can_hold_text and not state.fill_white:
            return True
        if operator in _PAINTS_IMAGE and (operator != b"Do" or _fits_a_word(*state.scale)):
            return True  # an image or a form drawn into the unit square the matrix scales; a shading fills the clip
        if operator == b"re" and len(operands) == 4:
            width, height = abs(_float(operands[2])) * state.scale[0], abs(_float(operands[3])) * state.scale[1]
            walk.path_can_hold_text |= _fits_a_word(width, height)
        elif operator in {b"c", b"v", b"y"}:
            walk.path_can_hold_text = True  # a rounded box or a drawn shape: not measured, taken as a backdrop
        elif operator in _FILLS or operator in {b"S", b"s", b"n"}:
            walk.path_can_hold_text = False
        _step(walk, operands, operator)
    return False


def _fits_a_word(width: float, height: float) -> bool:
    return min(width, height) >= _BACKDROP_MIN_SIDE and width * height >= _BACKDROP_MIN_AREA


def _step(walk: _Walk, operands: Any, operator: bytes) -> None:
    """Follow the graphics state through one operation."""
    state = walk.state
    if operator == b"q":
        walk.saved.append(state.copy())
    elif operator == b"Q":
        if walk.saved:
            walk.state = walk.saved.pop()
    elif operator == b"cm" and len(operands) == 6:
        a, b, c, d = (_float(value) for value in operands[:4])
        x, y = state.scale
        state.scale = (math.hypot(a, b) * x, math.hypot(c, d) * y)  # a rotation or a skew is rare; lengths hold
    elif operator == b"Tr" and operands:
        state.mode = _number(operands[0], 0)
    elif operator in {b"g", b"rg", b"k", b"sc", b"scn"}:
        state.fill_white = _is_white(operands)
    elif operator in {b"G", b"RG", b"K", b"SC", b"SCN"}:
        state.stroke_white = _is_white(operands)
    elif operator == b"cs":
        state.fill_white = False  # a new colour space starts at its initial colour, black for the device spaces
    elif operator == b"CS":
        state.stroke_white = False


def _is_white(operands: Any) -> bool:
    """Whether a colour operator's operands name paper white: one gray, three RGB or four CMYK components."""
    try:
        values = [float(value) for value in operands]
    except (TypeError, ValueError):  # a pattern's name, or a damaged operand: not known to be white
        return False
    if len(values) in {1, 3}:
        return all(value >= _WHITE for value in values)
    if len(values) == 4:
        return all(value <= 1 - _WHITE for value in values)
    return False


def _float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _number(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _shown_chars(operands: Any) -> int:
    """How many characters (bytes of the strings) a text-drawing operation shows, for the comparison only."""
    count = 0
    for operand in operands or []:
        if isinstance(operand, bytes | str):
            count += len(operand)
        elif isinstance(operand, list):
            count += sum(len(part) for part in operand if isinstance(part, bytes | str))
    return count
