"""PDF export: Chinese glyphs embedded, pagination that keeps lines whole, and a text round-trip check."""

from __future__ import annotations

import pytest

from core.workbench import export
from testkit.workbench import two_page_resume


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return export.to_pdf(two_page_resume(), "zh")


def test_two_page_chinese_english_resume_embeds_cjk_glyphs(pdf: bytes) -> None:
    assert export.page_count(pdf) == 2
    fonts = export.embedded_fonts(pdf)
    assert any("Noto-Sans-CJK" in name or "NotoSansCJK" in name for name in fonts), fonts
    assert all("+" in name for name in fonts), fonts  # subset fonts: the glyphs travel with the file


def test_text_round_trips_through_the_pdf(pdf: bytes) -> None:
    check = export.check_round_trip(two_page_resume(), pdf)
    assert check.ok, check.missing_lines
    assert check.pages == 2


def test_round_trip_reports_a_line_the_pdf_does_not_hold(pdf: bytes) -> None:
    changed = two_page_resume() + "\n- 新增一行 A line that was never exported.\n"
    check = export.check_round_trip(changed, pdf)
    assert not check.ok
    assert check.missing_lines == ["新增一行 A line that was never exported."]


def test_no_bullet_is_split_across_pages(pdf: bytes) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]
    for line in export.markdown_text(two_page_resume()):
        compact = line.replace(" ", "")
        assert any(compact in p.replace(" ", "").replace("\n", "") for p in pages), line


def test_preview_renders_one_image_per_pdf_page(pdf: bytes) -> None:
    images = export.render_pages(pdf, dpi=30)
    assert len(images) == 2
    assert all(img.startswith(b"\x89PNG") for img in images)


def test_raw_html_in_markdown_is_escaped() -> None:
    html = export.to_html("<script>alert(1)</script>\n\n- item")
    assert "<script>" not in html
