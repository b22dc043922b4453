"""Reading uploaded PDFs: cheap validation before any charge, and text extraction with an OCR fallback.

`validate_pdf` runs in the upload request, so it only parses the file's structure (no text extraction):
a 0-byte file, an oversized one, something that is not a PDF, a password-protected or broken PDF and one
over the page limit each get their own translation key, and the user is never charged for them.

`extract_text` runs in the background job. The text layer is read in the order it stands on the page
(core.assets.pdf_layout: a two-column page column by column, a header with its right-aligned dates, which a
browser-printed resume draws apart from the page); pypdf's default content-stream order stands where that
reading fails or loses text. Text the page draws but does not show (white on white, render mode 3, a point
high: core.assets.pdf_visibility) is not the document's and is left out. A page without a usable text layer
(a scan) has its embedded images read with rapidocr. No message or exception here ever carries the document's content.

Both run in a child process with time and memory budgets (core.sandbox): a small hostile PDF can expand
to a huge content stream, nest objects until the parser's stack overflows, or hold an image that decodes
to gigabytes. Inside the child, a page whose content stream or an image whose pixel count is over the
limit is refused before it is decoded; whatever else goes over budget kills the child. Either way the
user gets "assets.error.too_complex" and is not charged (validation) or refunded (extraction).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pypdf import PasswordType, PdfReader

from core import sandbox
from core.assets.pdf_fonts import mend_two_byte_cmaps
from core.assets.pdf_visibility import HiddenText
from core.config import get_settings
from core.errors import InvalidInput
from core.facts.text import expand_ligatures, unify_radicals

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # readers accept the header anywhere in the first KiB
MIN_TEXT_LAYER_CHARS = 20  # fewer non-space characters than this: treat the page as scanned
MIN_OCR_IMAGE_SIDE = 64  # logos and icons are not worth reading
MAX_CONTENT_BYTES = 4 * 1024 * 1024  # a resume page's decoded content stream is tens of KB
MIN_PLACED_SHARE = 0.9  # of the default mode's visible characters, for the positional reading to be used
# Pages up to this much decoded content are read in page order (~2 s of CPU at most; a resume page is 7-16 KB);
# the placing grows faster than the stream (78 KB: 1.4 s, 416 KB: 16 s), so a denser page keeps drawing order.
MAX_PLACED_CONTENT_BYTES = 100 * 1024

Method = Literal["text", "ocr", "empty"]
OcrFn = Callable[[bytes], str]

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about structure, and noisy


@dataclass(frozen=True)
class PdfInfo:
    """What validation learned: enough to store the asset row before the job runs."""

    page_count: int
    size_bytes: int


@dataclass(frozen=True)
class PageText:
    index: int
    method: Method
    chars: int


@dataclass
class Extraction:
    """The document's text (pages separated by blank lines) and how each page was read."""

    text: str
    pages: list[PageText] = field(default_factory=list)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method == "ocr")


def validate_pdf(data: bytes, stats: list[sandbox.ChildStats] | None = None) -> PdfInfo:
    """Raise InvalidInput (a translation key per problem) unless `data` is an openable PDF within limits.

    `stats` (benchmarks) receives the parsing child's time and peak memory.
    """
    settings = get_settings()
    size = len(data)
    if size == 0:
        raise InvalidInput("assets.error.empty")
    if size > settings.upload_max_bytes:
        raise InvalidInput("assets.error.too_large", max_mb=_mb(settings.upload_max_bytes))
    if data.find(PDF_MAGIC, 0, MAGIC_WINDOW) == -1:
        raise InvalidInput("assets.error.not_pdf")
    budget = sandbox.Budget(settings.pdf_validate_budget_s, settings.pdf_memory_budget_mb)
    info: PdfInfo = _limited(_count_pages, data, settings.upload_max_pages, budget=budget, stats=stats)
    return info


def _limited(
    fn: Callable[..., object], *args: object, budget: sandbox.Budget, stats: list[sandbox.ChildStats] | None
) -> Any:
    try:
        return sandbox.run_limited(fn, *args, budget=budget, stats=stats)
    except sandbox.BudgetExceeded as exc:
        raise InvalidInput("assets.error.too_complex") from exc


def _count_pages(data: bytes, max_pages: int) -> PdfInfo:
    """In the child: open the PDF and count its pages (no content is decoded)."""
    size = len(data)
    reader = open_pdf(data)
    try:
        pages = len(reader.pages)
    except Exception as exc:
        raise InvalidInput("assets.error.broken") from exc
    if pages == 0:
        raise InvalidInput("assets.error.broken")
    if pages > max_pages:
        raise InvalidInput("assets.error.too_many_pages", pages=pages, max_pages=max_pages)
    return PdfInfo(page_count=pages, size_bytes=size)


def open_pdf(data: bytes) -> PdfReader:
    """A reader for `data`; PDFs locked only by an owner password (an empty user password) are opened."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise InvalidInput("assets.error.broken") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:
            raise InvalidInput("assets.error.encrypted") from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise InvalidInput("assets.error.encrypted")
    return reader


def extract_text(data: bytes, ocr: OcrFn | None = None, stats: list[sandbox.ChildStats] | None = None) -> Extraction:
    """Text of every page: the text layer, or OCR of the page's images when it has none (in a child process).

    `ocr` must be a module-level function (it travels to the child by reference).
    """
    settings = get_settings()
    budget = sandbox.Budget(settings.pdf_extract_budget_s, settings.pdf_extract_memory_mb)
    result: Extraction = _limited(_extract_here, data, ocr, settings.ocr_max_pixels, budget=budget, stats=stats)
    return result


def _extract_here(data: bytes, ocr: OcrFn | None, max_pixels: int) -> Extraction:
    """In the child: the extraction itself."""
    if ocr is None:
        from core.ocr import read_image

        ocr = read_image
    reader = open_pdf(data)
    texts: list[str] = []
    pages: list[PageText] = []
    for index, page in enumerate(reader.pages):
        text = _clean(_text_layer(page))
        method: Method = "text"
        if _visible_chars(text) < MIN_TEXT_LAYER_CHARS:
            scanned = _clean(_ocr_page(page, ocr, max_pixels))
            if _visible_chars(scanned) > _visible_chars(text):
                text, method = scanned, "ocr"
        if not text:
            method = "empty"
        pages.append(PageText(index=index, method=method, chars=len(text)))
        if text:
            texts.append(text)
    return Extraction(text="\n\n".join(texts), pages=pages)


def _text_layer(page: Any) -> str:
    with contextlib.suppress(Exception):  # a font dictionary too damaged to mend is read as pypdf reads it
        mend_two_byte_cmaps(page)
    try:
        contents = page.get_contents()
        size = len(contents.get_data()) if contents is not None else 0
        if size > MAX_CONTENT_BYTES:
            raise InvalidInput("assets.error.too_complex")
        drawn = str(page.extract_text() or "")
    except InvalidInput:
        raise
    except Exception:  # a damaged content stream: fall back to OCR for this page
        return ""
    if size > MAX_PLACED_CONTENT_BYTES:
        return drawn  # placing runs grows faster than the stream: a page this dense is no resume's
    hidden = HiddenText()
    placed = _in_reading_order(page, hidden)
    if hidden.chars:
        return placed  # the default mode would read the hidden text too (core.assets.pdf_visibility)
    # The positional reading is used when it holds the page's text (a font pypdf cannot measure loses some).
    return placed if _visible_chars(placed) >= MIN_PLACED_SHARE * _visible_chars(drawn) else drawn


def _in_reading_order(page: Any, hidden: HiddenText) -> str:
    """The page's shown text ordered by where it stands (core.assets.pdf_layout); "" when that reading fails."""
    from core.assets.pdf_layout import page_boxes, reading_text

    try:
        return reading_text(page_boxes(page, hidden))
    except Exception:  # the content stream is read again in default mode, which stands
        return ""


def _image_pixels(page: Any) -> list[int]:
    """Width x height of every image XObject the page holds, read from the dictionaries (nothing decoded)."""
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        objects = xobjects.get_object().values() if xobjects is not None else []
    except Exception:
        return []
    sizes: list[int] = []
    for ref in objects:
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            sizes.append(int(obj.get("/Width", 0)) * int(obj.get("/Height", 0)))
    return sizes


def _ocr_page(page: Any, ocr: OcrFn, max_pixels: int) -> str:
    parts: list[str] = []
    if any(pixels > max_pixels for pixels in _image_pixels(page)):
        raise InvalidInput("assets.error.too_complex")  # a decompression bomb: never decode it
    try:
        images = list(page.images)
    except Exception:
        return ""
    for image in images:
        try:
            pil = image.image
            if pil is not None and min(pil.size) < MIN_OCR_IMAGE_SIDE:
                continue
            found = ocr(image.data)
        except Exception:  # an image format Pillow cannot decode (JBIG2, odd CCITT): skip it
            continue
        if found.strip():
            parts.append(found.strip())
    return "\n".join(parts)


_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def _clean(text: str) -> str:
    text = expand_ligatures(unify_radicals(text.replace("\x00", "")))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _mb(n: int) -> str:
    """Megabytes as the browser counts them (10^6 bytes), so the page, the browser and this check agree."""
    return f"{n / 1_000_000:g}"
