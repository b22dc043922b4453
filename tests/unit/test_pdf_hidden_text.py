"""A PDF's hidden text is not the user's document: white on a white page, half-point type and render mode 3 are
left out of the reading, while white text on a dark sidebar and a searchable scan's image are read."""

from __future__ import annotations

from core.assets.pdf import extract_text
from core.facts.read import read_document
from testkit import asset_pdfs as pdfs


def _no_ocr(_: bytes) -> str:
    raise AssertionError("a page with a text layer must not be sent to OCR")


def test_white_and_tiny_keywords_on_a_white_page_are_not_read() -> None:
    text = extract_text(pdfs.hidden_text_pdf(), ocr=_no_ocr).text
    for line in pdfs.SHOWN_LINES:
        assert line in text
    assert "Kubernetes" not in text and "Snowflake" not in text and "Salesforce" not in text
    skills = read_document(text, "resume").skills
    assert "kubernetes" not in skills and "terraform" not in skills
    assert "quickbooks" in skills


def test_white_text_on_a_dark_sidebar_is_read() -> None:
    text = extract_text(pdfs.hidden_text_pdf(backdrop=True), ocr=_no_ocr).text
    assert pdfs.HIDDEN_WORDS in text
    assert pdfs.SHOWN_LINES[1] in text


def test_text_drawn_in_render_mode_three_is_not_read() -> None:
    text = extract_text(pdfs.invisible_layer_pdf(), ocr=_no_ocr).text
    assert pdfs.SHOWN_LINES[2] in text
    assert "Kubernetes" not in text


def test_a_searchable_scan_is_read_from_its_image_not_its_hidden_layer() -> None:
    page = pdfs.scanned_pages(["Carol Scanner", "Payroll Specialist", "Processed payroll for 240 staff"])[0]
    result = extract_text(pdfs.invisible_layer_pdf(image=page))
    assert [p.method for p in result.pages] == ["ocr"]
    assert "Payroll Specialist" in result.text
    assert "Kubernetes" not in result.text
