"""Reading uploaded PDFs: cheap validation before any charge, and text extraction with an OCR fallback.

`validate_pdf` runs in the upload request, so it only parses the file's structure (no text extraction):
a 0-byte file, an oversized one, something that is not a PDF, a password-protected or broken PDF and one
over the page limit each get their own translation key, and the user is never charged for them.

`extract_text` runs in the background job. pypdf's default (content-stream order) mode is used: for
two-column layouts it reads a column top to bottom before the next one, whereas layout mode interleaves
the columns line by line, which mixes sentences. A page without a usable text layer (a scan) has its
embedded images read with rapidocr. No message or exception here ever carries the document's content.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pypdf import PasswordType, PdfReader

from core.config import get_settings
from core.errors import InvalidInput

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # readers accept the header anywhere in the first KiB
MIN_TEXT_LAYER_CHARS = 20  # fewer non-space characters than this: treat the page as scanned
MIN_OCR_IMAGE_SIDE = 64  # logos and icons are not worth reading

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


def validate_pdf(data: bytes) -> PdfInfo:
    """Raise InvalidInput (a translation key per problem) unless `data` is an openable PDF within limits."""
    settings = get_settings()
    size = len(data)
    if size == 0:
        raise InvalidInput("assets.error.empty")
    if size > settings.upload_max_bytes:
        raise InvalidInput("assets.error.too_large", max_mb=_mb(settings.upload_max_bytes))
    if data.find(PDF_MAGIC, 0, MAGIC_WINDOW) == -1:
        raise InvalidInput("assets.error.not_pdf")
    reader = open_pdf(data)
    try:
        pages = len(reader.pages)
    except Exception as exc:
        raise InvalidInput("assets.error.broken") from exc
    if pages == 0:
        raise InvalidInput("assets.error.broken")
    if pages > settings.upload_max_pages:
        raise InvalidInput("assets.error.too_many_pages", pages=pages, max_pages=settings.upload_max_pages)
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


def extract_text(data: bytes, ocr: OcrFn | None = None) -> Extraction:
    """Text of every page: the text layer, or OCR of the page's images when it has none."""
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
            scanned = _clean(_ocr_page(page, ocr))
            if _visible_chars(scanned) > _visible_chars(text):
                text, method = scanned, "ocr"
        if not text:
            method = "empty"
        pages.append(PageText(index=index, method=method, chars=len(text)))
        if text:
            texts.append(text)
    return Extraction(text="\n\n".join(texts), pages=pages)


def _text_layer(page: object) -> str:
    try:
        return str(page.extract_text() or "")  # type: ignore[attr-defined]
    except Exception:  # a damaged content stream: fall back to OCR for this page
        return ""


def _ocr_page(page: object, ocr: OcrFn) -> str:
    parts: list[str] = []
    try:
        images = list(page.images)  # type: ignore[attr-defined]
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
    text = text.replace("\x00", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g}"
