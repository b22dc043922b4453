"""Reading text from images with rapidocr (ONNX, Chinese + English models bundled in the wheel).

Used for scanned resume pages and JD screenshots. The engine loads once per process (about a second).
Lines are returned top-to-bottom, left-to-right, so a two-column screenshot still reads in order per line.
An image over the pixel limit is refused from its header, before it is decoded: a 13000x13000 PNG of a few
KB took 1.6 GB to read, and a 30000x30000 one ended in Pillow's DecompressionBombError.
"""

from __future__ import annotations

import io
import math
import re
import threading
import warnings
from typing import Any

from core.column_wraps import SCANNED, Line, unwrapped
from core.config import get_settings
from core.cpu_turns import TURNS
from core.errors import InvalidInput
from core.facts.text import english_word_rank, has_cjk
from core.ocr_layout import ROW_JOIN, Box, reading_order

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


# A page read upright scores ~0.95-0.99 per detected line on average; the same page upside down far less.
UPRIGHT_MIN_MEAN_SCORE = 0.8


def _recognise(array: Any) -> list[Any]:
    """Detected lines with their text, score and character boxes, without rapidocr's angle classifier.

    The classifier turns single lines it judges upside down before reading them. On clean upright scans it
    turned lines that were not, which then read as noise and were dropped: `python -m bench.scans` lost 31 of
    1,193 lines of the twelve corpus resumes (a current employer's heading among them) with it, none without.
    A page upside down as a whole is turned round by `read_image` instead, which also keeps its lines in
    reading order (with the classifier, every such page was read from its last line up).
    """
    # text_score=0: every detected line comes back with its score, so a page read the wrong way up shows as
    # many low scores (rapidocr would drop them and keep the few it reads as confident junk); read_image
    # drops the lines under its own threshold.
    result, _elapsed = _get_engine()(array, use_cls=False, return_word_box=True, text_score=0.0)
    return list(result or [])


def _mean_score(result: list[Any]) -> float:
    return sum(float(item[2]) for item in result) / len(result) if result else 0.0


def _characters_read(result: list[Any], min_score: float) -> int:
    return sum(len(str(item[1]).strip()) for item in result if float(item[2]) >= min_score)


def read_image(data: bytes, min_score: float = 0.5) -> str:
    """All text found in an image (PNG/JPEG/...), one line per detected box; '' when nothing is readable."""
    import numpy as np
    from PIL import Image

    check_pixels(data)
    with Image.open(io.BytesIO(data)) as img:
        array = np.array(ink_on_white(img.convert("RGB")))
    with TURNS.given_up():  # onnxruntime's own threads do the work: a job's turn goes to the others meanwhile
        result = _recognise(array)
        if _mean_score(result) < UPRIGHT_MIN_MEAN_SCORE:  # nothing, or upside down: try the page turned round
            turned = _recognise(array[::-1, ::-1])
            if _characters_read(turned, min_score) > _characters_read(result, min_score):
                result = turned
    if not result:
        return ""
    kept = [item for item in result if float(item[2]) >= min_score and str(item[1]).strip()]
    sidebars: dict[int, float] = {}  # a sidebar's lines its edge wrapped are one line again (core.column_wraps)
    ordered = reading_order(_boxes(kept), sidebars=sidebars)
    lines = [Line(text, box, box) for box in ordered if (text := tidy_read_line(_spaced(kept[box.index])))]
    return "\n".join(unwrapped(lines, sidebars, SCANNED))


def _boxes(result: list[Any]) -> list[Box]:
    """Each detected line's bounding box (the recogniser gives four corners) and text, for the layout."""
    boxes = []
    for index, item in enumerate(result):
        xs, ys = [float(p[0]) for p in item[0]], [float(p[1]) for p in item[0]]
        boxes.append(Box(min(xs), min(ys), max(xs), max(ys), index, str(item[1])))
    return boxes


# Ink is a pixel this many grey levels off the mean around it; the contrast is stretched by INK_GAIN from there, so
# a glyph's anti-aliased edge stays grey (a hard threshold merged "rn" into "m": "Kubemetes").
INK_OFFSET = 5
INK_GAIN = 3
# A ground (what most of a neighbourhood is, text aside) darker than this carries light text.
DARK_GROUND = 128


def ink_on_white(image: Any) -> Any:
    """The page as dark ink on a white ground, whatever its lighting, paper or colours.

    A phone's or a scanner's JPEG rings around every glyph, and the recogniser then drops most spaces
    ("ZalandoSE,Berlin"); a grey gradient, grey type or white type on a coloured header band read worse still.
    Each pixel is compared with the mean of a square about 1/60 of the page around it: on a light ground what
    is darker than that mean is ink, on a dark ground (a header band, a dark-mode screenshot) what is lighter.
    The ground is the median of a coarse copy of the page, so a line of text never flips it midway.
    `python -m bench.scans`: words read as printed 0.831 -> 0.869 over the corpus (README, Scanned resumes).
    """
    from PIL import Image, ImageChops, ImageFilter, ImageOps

    gray = ImageOps.grayscale(image)
    width, height = gray.size
    around = gray.filter(ImageFilter.BoxBlur(max(10, min(width, height) // 60)))
    coarse = gray.resize((max(1, width // 8), max(1, height // 8)), Image.Resampling.BOX)
    ground = coarse.filter(ImageFilter.MedianFilter(7)).resize((width, height), Image.Resampling.BILINEAR)
    light_text = ground.point(lambda v: 255 if v < DARK_GROUND else 0)
    contrast = Image.composite(ImageChops.subtract(gray, around), ImageChops.subtract(around, gray), light_text)
    ink = contrast.point(lambda v: 255 - max(0, min(255, (v - INK_OFFSET) * INK_GAIN)))
    return ink.convert("RGB")


_GLUED = re.compile(r"[A-Za-z]{6,}")
_LONE_LETTER = re.compile(r"([a-z]) ([b-hj-z])(?=[\s.,;:!?)]|$)")
_SHORT_WORDS = frozenset(["a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
                          "no", "of", "on", "or", "so", "to", "up", "us", "we"])  # fmt: skip
# An e-mail address or a web address (a domain, or a name with a dot before a slash); "CI/CD" and "01/2021" are
# words and dates, tidied like the rest of the line.
_ADDRESS = re.compile(r"\S+@\S+|\S*(?:https?://|www\.|\.com|\.org|\.cn)\S*|\S*\.[A-Za-z]{2,}/\S*")
_DIGIT_THEN_WORD = re.compile(r"(?<=[\d%])(?=[a-z]{3,})")
_WORD_THEN_DIGIT = re.compile(r"(?<=[a-z]{2})(?=\d)")


def tidy_read_line(line: str) -> str:
    """Split words the recogniser glued together ("Ownpaidacquisitionwitha", "28%through", "in18months"),
    using English word frequencies (wordninja), join a word a wide gap split ("com munication"), and put back a
    known skill's capitals read as look-alikes ("Cl/CD"); addresses and short tokens are left as read."""
    import wordninja

    in_chinese = has_cjk(line)

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        grade = _GLUED_GRADE.fullmatch(run)
        if grade and not in_chinese:  # "MechanicalDesignEngineerIl": a title, its grade's "II" read as "Il"
            words = split_run(grade.group(1))
            return f"{words} {_GRADES[grade.group(2)]}" if words != grade.group(1) else run
        return split_run(run)

    def split_run(run: str) -> str:
        if in_chinese and run.isupper():
            return _split_terms(run)  # Latin capitals in Chinese text are terms, not English words
        if len(run) <= _BRAND_MAX_LETTERS and _BRAND.fullmatch(run):
            return run  # a name written in two capitalised words: no split to compute
        parts = wordninja.split(run)
        if len(parts) < 2 or "".join(parts).casefold() != run.casefold():
            return run
        if any(len(p) < 3 and p.casefold() not in _SHORT_WORDS for p in parts) or _is_known_name(run):
            return run
        if any(len(p) < RARE_PART_LETTERS and english_word_rank(p) > RARE_PART_RANK for p in parts):
            return run  # a word of another language cut into rare scraps ("Software ent wick ler"), left as read
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
    return _rejoin_split_words("".join(pieces))


# A title's grade glued to its last word, its capital I's read as l's: "EngineerIl", "AnalystIll".
_GLUED_GRADE = re.compile(r"([A-Za-z]{8,}[a-z])(Il|lI|ll|II|Ill|IlI|III|IV)")
_GRADES = {"Il": "II", "lI": "II", "ll": "II", "II": "II", "Ill": "III", "IlI": "III", "III": "III", "IV": "IV"}

# Two capitalised words in one short run are a name written that way (SoundCloud, LinkedIn, DoorDash), not two
# words the recogniser glued: those come in longer runs ("SeniorProductManager", "DeliveryHero").
_BRAND = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+")
_BRAND_MAX_LETTERS = 10

# A glued English run splits into common words; a German or Spanish word ("Informatik", "Softwareentwickler")
# splits into scraps English rarely uses ("rma", "ent"). A short part ranked beyond this among wordninja's
# 126k words keeps the run whole; longer parts ("stakeholders", 64k) are words whatever their rank.
RARE_PART_LETTERS = 6
RARE_PART_RANK = 50_000


def _split_terms(run: str) -> str:
    """Two terms the recogniser glued in a Chinese line ("SAPAPO", "APICSCPIM"), split where the vocabulary knows
    both parts, else its known last part after three letters or more, else its known first part before three
    or more; a run it knows whole, or cannot place, stays as read (wordninja's English cut "APICSCPIM" into
    "API CSC PIM")."""
    if _is_known_term(run):
        return run
    cuts = [(run[:at], run[at:]) for at in range(len(run) - 2, 1, -1)]  # the longest first part first
    for left, right in cuts:
        if _is_known_term(left) and _is_known_term(right):
            return f"{left} {right}"
    long_enough = [(left, right) for left, right in cuts if len(left) >= 3 and len(right) >= 3]
    for known_part in (1, 0):
        for parts in long_enough:
            if _is_known_term(parts[known_part]):
                return " ".join(parts)
    return run


def _is_known_term(word: str) -> bool:
    """A skill or a certificate the vocabulary knows by this name."""
    from core.facts.vocabulary import get_vocabulary

    return _is_known_name(word) or get_vocabulary().knows("certification", word.casefold())


def _is_known_name(word: str) -> bool:
    """A skill's own name (Optimizely, Tableau) is one word even if English words hide inside it."""
    from core.facts.vocabulary import get_vocabulary

    return get_vocabulary().canonical_skill(word) is not None


# An o read for a zero: inside a number, or a month's leading zero before its year ("o1/2021").
_O_FOR_ZERO = re.compile(
    r"(?<=\d)[oO](?=\d)|(?<=\d[,.])[oO](?=\d)|(?<=\d[,.]\d)[oO]|(?<![A-Za-z])[oO](?=\d\s*/\s*(?:19|20)\d\d\b)"
)
_SPACED_AT = re.compile(r"\s*@\s*")
# A month's capital O read as a zero before its year ("0ct 2016", "N0v 2019").
_ZERO_IN_MONTH = re.compile(r"\b0(?=ct(?:ober)?\.?\s*(?:19|20)\d\d)|(?<=\bN)0(?=v(?:ember)?\.?\s*(?:19|20)\d\d)")


def _month_letter(match: re.Match[str]) -> str:
    return "o" if match.string[match.start() - 1 : match.start()] == "N" else "O"  # "Nov", "Oct"


# A range's "to" read with a zero ("2019-09 t0 present"), and a spaced bar before a date read as an arrow
# ("Analyst ↓ 2016-08"; "↓ 30%" is a fall and stays).
_TO_WITH_ZERO = re.compile(r"(?<=\d\s)t0(?=\s+(?:present|now|current|\d)|$)", re.IGNORECASE)
_BAR_AS_ARROW = re.compile(r"(?<=\S) ↓ (?=(?:19|20)\d\d|[A-Z][a-z]{2}\.? (?:19|20)\d\d)")
# A range's dash read as the character 一 ("2017年3月一至今", "2011.07一2017.02"); "3月一日" is a day, left as read.
_ONE_FOR_DASH = re.compile(
    r"(?<=(?:19|20)\d\d)(?=[.年/-]?\d{0,2}月?\s*一)([.年/-]?\d{0,2}月?)\s*一\s*(?=至今|现在|今|(?:19|20)\d\d)"
)


def _respace_words(text: str, split: Any) -> str:
    text = _ZERO_IN_MONTH.sub(_month_letter, _O_FOR_ZERO.sub("0", text))
    text = _EARTH_FOR_PLUS_MINUS.sub("±", text)
    text = _BAR_AS_ARROW.sub(" | ", _TO_WITH_ZERO.sub("to", text))
    text = _ONE_FOR_DASH.sub(r"\1—", text)
    text = re.sub(r"(?<=[a-z])(?=\$\d)", " ", text)  # "a$4.5M"
    text = re.sub(r"(?<=\d[KMBkmb])(?=[a-z]{3,})", " ", text)  # "$4.5Mannual"
    text = _GLUED.sub(split, text)
    return _fix_confused_capitals(_WORD_THEN_DIGIT.sub(" ", _DIGIT_THEN_WORD.sub(" ", text)))


# The recogniser reads a capital I as l or 1 and a capital O as 0 ("Cl/CD", "SE0", "Power Bl", "Al-assisted").
_CONFUSED_CAPITALS = str.maketrans({"l": "I", "1": "I", "0": "O"})
_CAPITALS_TOKEN = re.compile(r"(?<![A-Za-z0-9_/&])[A-Zl10][A-Zl10/&]*[A-Zl10](?![A-Za-z0-9_/&])")
_HYPHEN_COMPOUND = re.compile(r"-[a-z]")
_LATIN_WORD_BEFORE = re.compile(r"([A-Za-z][\w.+#-]*)[ \t]+$")
# "±" read as the character 土 ("earth") before a percentage: "偏差控制在土5%以内".
_EARTH_FOR_PLUS_MINUS = re.compile(r"土(?=\s?\d+(?:\.\d+)?\s?%)")


def _fix_confused_capitals(text: str) -> str:
    """Put back a skill's capitals that were read as look-alikes, only where the vocabulary knows the result and
    not the reading. A token with one capital ("Al", "C1") is as often a first name or a language level as an
    acronym, so it is changed only where the skill has an owner: the word before completes it ("Power BI") or
    it heads a hyphenated compound ("AI-assisted") or it stands in Chinese text ("Ul设计师"); a digit in it is never
    changed ("C1" stays a level, "C1驾照" a licence)."""

    def fix(match: re.Match[str]) -> str:
        token = match.group(0)
        capitals = sum(ch.isupper() for ch in token)
        if not capitals or not any(ch in "l10" for ch in token):
            return token
        fixed = token.translate(_CONFUSED_CAPITALS)
        if _is_known_name(token) or not _is_known_name(fixed):
            return token
        if capitals >= 2:
            return fixed
        if any(ch in "10" for ch in token):
            return token
        before = _LATIN_WORD_BEFORE.search(text, 0, match.start())  # "Excel（高级)、Power Bl": "Power"
        completes = before is not None and _is_known_name(f"{before.group(1)} {fixed}")
        compound = _HYPHEN_COMPOUND.match(text, match.end()) is not None
        # Latin in Chinese text is a term, not a name: "携程Ul设计师" is a UI designer.
        in_chinese = has_cjk(text[match.start() - 1 : match.start()] + text[match.end() : match.end() + 1])
        return fixed if completes or compound or in_chinese else token

    return _GLUED_CAPITALS.sub(_fix_glued_capitals, _CAPITALS_TOKEN.sub(fix, text))


# A word and a capital read as a look-alike glued to it ("PowerBl" for "PowerBI", the space read away).
_GLUED_CAPITALS = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]+[A-Z]*[A-Z][l1](?![A-Za-z0-9])")


def _fix_glued_capitals(match: re.Match[str]) -> str:
    token = match.group(0)
    fixed = token[:-1] + "I"
    return fixed if _is_known_name(fixed) and not _is_known_name(token) else token


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or ch in "$%&+#.,;:)(/'-"


# In a Chinese line a gap as wide as a Chinese character (0.9 of one) is a column's or a tab stop's gap: the
# recogniser reads "2019.07－至今", "苏州联芯智能科技有限公司" and "供应链计划主管" as one run, and its characters'
# boxes, where one character follows another 0-0.6 of a character apart (a full stop's box is narrow), show the
# fields; they are joined as a text PDF's far-apart runs are. Between Latin letters the boxes say nothing: they sit
# on the model's grid, letters of one word as far apart as two words ("M RP" beside "SAP APO").
FIELD_GAP_IN_CHINESE = 0.9


def _median_width(char_boxes: Any) -> float:
    widths = sorted(b[1][0] - b[0][0] for b in char_boxes)
    return max(1.0, float(widths[len(widths) // 2])) if widths else 1.0


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
    unit = _median_width(char_boxes)
    cjk_unit = _median_width([b for c, b in zip(chars, char_boxes, strict=True) if has_cjk(c)])
    in_chinese = sum(has_cjk(c) for c in chars) >= 2
    out: list[str] = []
    for i, ch in enumerate(chars):
        if i and ch != " " and out and out[-1] != " ":
            gap = char_boxes[i][0][0] - char_boxes[i - 1][1][0]
            if in_chinese and gap >= FIELD_GAP_IN_CHINESE * cjk_unit:
                out.append(ROW_JOIN)
            elif gap > unit and (_is_latin(ch) or _is_latin(chars[i - 1])):
                out.append(" ")
        out.append(ch)
    text = "".join(out).strip()
    while True:  # a lone letter is a wide glyph's gap, not a word ("syste m s" is "systems")
        joined = _LONE_LETTER.sub(r"\1\2", text)
        if joined == text:
            return text
        text = joined


# Two lower-case pieces a wide gap split, one no English word, together a word: "com munication" is
# "communication"; "data base" (two words) stays as written.
_LOWER_PAIR = re.compile(r"(?<![A-Za-z])([a-z]{2,}) (?=([a-z]{2,})(?![A-Za-z]))")


def _rejoin_split_words(text: str) -> str:
    if " " not in text:
        return text
    out, last = [], 0
    for match in _LOWER_PAIR.finditer(text):
        left, right = match.group(1), match.group(2)
        if match.start() < last or math.isinf(english_word_rank(left + right)):
            continue
        if math.isinf(english_word_rank(left)) or math.isinf(english_word_rank(right)):
            out.append(text[last : match.start()] + left)  # the space after `left` dropped
            last = match.end()
    return "".join(out) + text[last:] if out else text
