"""Reading text from images with rapidocr (ONNX, Chinese + English models bundled in the wheel).

Used for scanned resume pages and JD screenshots. The engine loads once per process (about a second).
Lines are returned top-to-bottom, left-to-right, so a two-column screenshot still reads in order per line.
An image over the pixel limit is refused from its header, before it is decoded: a 13000x13000 PNG of a few
KB took 1.6 GB to read, and a 30000x30000 one ended in Pillow's DecompressionBombError.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
from typing import Any

from core.config import get_settings
from core.cpu_turns import TURNS
from core.errors import InvalidInput

_engine: Any = None
_lock = threading.Lock()


def _get_engine() -> Any:
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def check_pixels(data: bytes) -> None:
    """Refuse an image over the pixel limit (or unreadable) from its header alone; nothing is decoded."""
    from PIL import Image, UnidentifiedImageError

    limit = get_settings().ocr_max_pixels
    max_megapixels = round(limit / 1e6)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
    except Image.DecompressionBombError as exc:  # Pillow's own ceiling, far above ours
        bomb = f"> {round(2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6)}"
        raise InvalidInput("assets.error.image_too_large", megapixels=bomb, max_megapixels=max_megapixels) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InvalidInput("workbench.error.screenshot_unreadable") from exc
    if width * height > limit:
        raise InvalidInput(
            "assets.error.image_too_large",
            megapixels=round(width * height / 1e6),
            max_megapixels=max_megapixels,
        )


def read_image(data: bytes, min_score: float = 0.5) -> str:
    """All text found in an image (PNG/JPEG/...), one line per detected box; '' when nothing is readable."""
    import numpy as np
    from PIL import Image

    check_pixels(data)
    with Image.open(io.BytesIO(data)) as img:
        array = np.array(img.convert("RGB"))
    with TURNS.given_up():  # onnxruntime's own threads do the work: a job's turn goes to the others meanwhile
        result, _elapsed = _get_engine()(array, return_word_box=True)
    if not result:
        return ""
    boxes = sorted(result, key=lambda r: (round(min(p[1] for p in r[0]) / 12), min(p[0] for p in r[0])))
    lines = [_respace(_spaced(item)) for item in boxes if float(item[2]) >= min_score and str(item[1]).strip()]
    return "\n".join(line for line in lines if line)


_GLUED = re.compile(r"[A-Za-z]{6,}")
_LONE_LETTER = re.compile(r"([a-z]) ([b-hj-z])(?=[\s.,;:!?)]|$)")
_SHORT_WORDS = frozenset(["a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
                          "no", "of", "on", "or", "so", "to", "up", "us", "we"])  # fmt: skip
_ADDRESS = re.compile(r"\S+@\S+|\S*(?:https?://|www\.|\.com|\.org|\.cn|/)\S*")
_DIGIT_THEN_WORD = re.compile(r"(?<=[\d%])(?=[a-z]{3,})")
_WORD_THEN_DIGIT = re.compile(r"(?<=[a-z]{2})(?=\d)")


def _respace(line: str) -> str:
    """Split words the recogniser glued together ("Ownpaidacquisitionwitha", "28%through", "in18months"),
    using English word frequencies (wordninja); addresses and short tokens are left as read."""
    import wordninja

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        parts = wordninja.split(run)
        if len(parts) < 2 or "".join(parts).casefold() != run.casefold():
            return run
        if any(len(p) < 3 and p.casefold() not in _SHORT_WORDS for p in parts) or _is_known_name(run):
            return run
        out, at = [], 0
        for part in parts:  # keep the letters' own case
            out.append(run[at : at + len(part)])
            at += len(part)
        return " ".join(out)

    line = _SPACED_AT.sub("@", line)  # an e-mail address the gaps split ("laura.kim @gmail.com")
    pieces: list[str] = []
    last = 0
    for address in _ADDRESS.finditer(line):
        pieces.append(_respace_words(line[last : address.start()], split))
        pieces.append(address.group(0))
        last = address.end()
    pieces.append(_respace_words(line[last:], split))
    return "".join(pieces)


def _is_known_name(word: str) -> bool:
    """A skill's own name (Optimizely, Tableau) is one word even if English words hide inside it."""
    from core.facts.vocabulary import get_vocabulary

    return get_vocabulary().canonical_skill(word) is not None


_O_FOR_ZERO = re.compile(r"(?<=\d)[oO](?=\d)|(?<=\d[,.])[oO](?=\d)|(?<=\d[,.]\d)[oO]")
_SPACED_AT = re.compile(r"\s*@\s*")


def _respace_words(text: str, split: Any) -> str:
    text = _O_FOR_ZERO.sub("0", text)
    text = re.sub(r"(?<=[a-z])(?=\$\d)", " ", text)  # "a$4.5M"
    text = re.sub(r"(?<=\d[KMBkmb])(?=[a-z]{3,})", " ", text)  # "$4.5Mannual"
    text = _GLUED.sub(split, text)
    return _WORD_THEN_DIGIT.sub(" ", _DIGIT_THEN_WORD.sub(" ", text))


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or ch in "$%&+#.,;:)(/'-"


def _spaced(item: Any) -> str:
    """A line's text with the spaces the recogniser drops put back from its character boxes.

    rapidocr's model often reads "Growth Marketing Manager" as "GrowthMarketingManager" in a scan; the gap
    between two characters' boxes still shows where a word ends (wider than a character).
    Chinese characters never get a space between them.
    """
    text = str(item[1]).strip()
    if len(item) < 5 or not item[3] or len(item[3]) != len(item[4]):
        return text
    chars, char_boxes = [str(c) for c in item[4]], item[3]
    widths = sorted(b[1][0] - b[0][0] for b in char_boxes)
    unit = max(1.0, float(widths[len(widths) // 2]))
    out: list[str] = []
    for i, ch in enumerate(chars):
        if i and ch != " " and out and out[-1] != " ":
            gap = char_boxes[i][0][0] - char_boxes[i - 1][1][0]
            if gap > unit and (_is_latin(ch) or _is_latin(chars[i - 1])):
                out.append(" ")
        out.append(ch)
    text = "".join(out).strip()
    while True:  # a lone letter is a wide glyph's gap, not a word ("syste m s" is "systems")
        joined = _LONE_LETTER.sub(r"\1\2", text)
        if joined == text:
            return text
        text = joined
