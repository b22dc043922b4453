"""Markdown resume -> HTML -> PDF (weasyprint), with a text round-trip check and page previews.

Chinese glyphs come from Noto Sans CJK (Debian's fonts-noto-cjk), named in the CSS so weasyprint embeds a
subset of it; Latin text uses the same family, so one line never mixes fallback fonts. Page breaks never
cut a line (orphans/widows) and never split a bullet or a heading from what follows. After export the
PDF's text is extracted again (pypdf) and compared with the Markdown's text, so a lost glyph or a
dropped line is reported rather than shipped. The preview renders the very PDF to images (pdftoppm), so
it paginates exactly like the download.

The renderer fetches nothing: images are not part of a resume here, and a Markdown image pointing at a
remote host (or an SVG embedding `file:///…`) would otherwise make weasyprint read local files or hold a
thread on a host that never answers. Only inline `data:` URLs are served, by the standard library.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

FONT_STACK = '"Noto Sans CJK SC", "Noto Sans CJK", "Noto Sans", "DejaVu Sans", sans-serif'

CSS = f"""
@page {{ size: A4; margin: 16mm 16mm 18mm 16mm;
        @bottom-right {{ content: counter(page) " / " counter(pages); font-size: 8pt; color: #888; }} }}
html {{ font-family: {FONT_STACK}; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }}
body {{ margin: 0; }}
h1 {{ font-size: 20pt; margin: 0 0 4pt 0; }}
h2 {{ font-size: 13pt; margin: 12pt 0 4pt 0; padding-bottom: 2pt; border-bottom: 0.6pt solid #999; }}
h3 {{ font-size: 11pt; margin: 8pt 0 2pt 0; }}
h1, h2, h3, h4 {{ break-after: avoid; page-break-after: avoid; break-inside: avoid; }}
p {{ margin: 2pt 0 4pt 0; orphans: 3; widows: 3; }}
ul, ol {{ margin: 2pt 0 4pt 0; padding-left: 14pt; }}
li {{ margin: 1pt 0; break-inside: avoid; page-break-inside: avoid; orphans: 3; widows: 3; }}
table {{ border-collapse: collapse; }} tr {{ break-inside: avoid; }}
a {{ color: inherit; text-decoration: none; }}
code {{ font-family: {FONT_STACK}; }}
"""

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def to_html(markdown: str, lang: str = "en") -> str:
    """A standalone HTML document (raw HTML in the Markdown is escaped, never rendered)."""
    body = _md.render(markdown)
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!doctype html><html lang="{html_lang}"><head><meta charset="utf-8"><style>{CSS}</style></head>'
        f"<body>{body}</body></html>"
    )


class FetchRefused(ValueError):
    """A resource the export will not fetch (anything but an inline data: URL)."""


def _fetcher() -> object:
    """weasyprint's fetcher limited to `data:` URLs: every other scheme (http, https, file, ftp) is refused."""
    from weasyprint.urls import URLFetcher

    class _DataOnly(URLFetcher):  # type: ignore[misc, unused-ignore]  # weasyprint is untyped (strict: Any base)
        def fetch(self, url: str, headers: object = None) -> object:
            if not url.lower().startswith("data:"):
                raise FetchRefused("remote and local resources are not fetched")
            return super().fetch(url, headers)

    return _DataOnly(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def to_pdf(markdown: str, lang: str = "en") -> bytes:
    from weasyprint import HTML

    pdf = HTML(string=to_html(markdown, lang), url_fetcher=_fetcher()).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def embedded_fonts(pdf: bytes) -> list[str]:
    """BaseFont names of the fonts whose program is embedded in the PDF (subset prefix included)."""
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts") or []:
                descriptors.append(child.get_object().get("/FontDescriptor"))
            for desc in descriptors:
                if desc is None:
                    continue
                d = desc.get_object()
                if any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font.get("/BaseFont")))
    return sorted(names)


def markdown_text(markdown: str) -> list[str]:
    """The visible text lines of the Markdown (markup removed), as the PDF should show them."""
    html = _md.render(markdown)
    text = re.sub(r"</(p|li|h\d|tr|td|th|blockquote|pre)>|<br\s*/?>", "\n", html)
    text = re.sub(r"<[^>]+>", "", text)
    for entity, char in (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'")):
        text = text.replace(entity, char)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _compact(text: str) -> str:
    """Whitespace-free, NFKC-folded text: line wrapping and hyphen-free breaks do not count as changes."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class RoundTrip:
    ok: bool
    missing_lines: list[str] = field(default_factory=list)
    pages: int = 0


def check_round_trip(markdown: str, pdf: bytes) -> RoundTrip:
    """Every visible line of the Markdown must be found, in order, in the PDF's extracted text."""
    extracted = _compact(pdf_text(pdf))
    missing: list[str] = []
    cursor = 0
    for line in markdown_text(markdown):
        needle = _compact(line)
        at = extracted.find(needle, cursor)
        if at == -1:
            missing.append(line)
        else:
            cursor = at + len(needle)
    return RoundTrip(ok=not missing, missing_lines=missing, pages=page_count(pdf))


def render_pages(pdf: bytes, dpi: int = 70) -> list[bytes]:
    """PNG images of the PDF's pages (poppler's pdftoppm), for a preview that paginates like the file."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), str(src), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return [p.read_bytes() for p in sorted(Path(tmp).glob("page-*.png"), key=_page_number)]


def _page_number(path: Path) -> int:
    return int(path.stem.rsplit("-", 1)[1])
