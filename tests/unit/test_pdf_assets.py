"""PDF validation and text extraction on generated fixtures (no database: pure file handling + real OCR)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from cryptography.fernet import Fernet
from pypdf import PdfReader

from core.assets import crypto
from core.assets.pdf import extract_text, validate_pdf
from core.config import get_settings, reset_settings
from core.errors import InvalidInput
from testkit import asset_pdfs as pdfs


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda: b"", "assets.error.empty"),
        (pdfs.not_a_pdf, "assets.error.not_pdf"),
        (lambda: b"Name: Alice\nSkills: Python\n", "assets.error.not_pdf"),
        (pdfs.encrypted_pdf, "assets.error.encrypted"),
        (pdfs.broken_pdf, "assets.error.broken"),
        (lambda: pdfs.text_pdf()[:3000], "assets.error.broken"),
    ],
    ids=["empty", "png-renamed", "text-renamed", "encrypted", "garbage", "truncated"],
)
def test_invalid_uploads_are_refused_with_their_own_key(make, key) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_pdf(make())
    assert caught.value.key == key


def test_size_limit_is_checked_before_parsing() -> None:
    limit = get_settings().upload_max_bytes
    with pytest.raises(InvalidInput) as caught:
        validate_pdf(b"%PDF-1.7\n" + b"0" * limit)
    assert caught.value.key == "assets.error.too_large"
    assert caught.value.params == {"max_mb": "10"}


def test_page_limit_names_the_count_and_the_limit() -> None:
    limit = get_settings().upload_max_pages
    with pytest.raises(InvalidInput) as caught:
        validate_pdf(pdfs.text_pdf(pages=limit + 1))
    assert caught.value.key == "assets.error.too_many_pages"
    assert caught.value.params == {"pages": limit + 1, "max_pages": limit}
    assert validate_pdf(pdfs.text_pdf(pages=limit)).page_count == limit


def test_pdf_locked_only_by_an_owner_password_opens() -> None:
    data = pdfs.owner_only_encrypted_pdf()
    assert validate_pdf(data).page_count == 1
    assert "Alice Example" in extract_text(data, ocr=_no_ocr).text


def test_text_layer_is_used_and_ocr_is_not_called() -> None:
    result = extract_text(pdfs.text_pdf(pages=2), ocr=_no_ocr)
    assert [p.method for p in result.pages] == ["text", "text"]
    assert result.text.count("Reduced cloud costs by 35 percent") == 2
    assert "alice@example.com | +1 555 0100 | Berlin" in result.text


def test_chinese_pdf_extracts_its_characters() -> None:
    result = extract_text(pdfs.chinese_pdf(), ocr=_no_ocr)
    for line in pdfs.CHINESE_LINES:
        assert line in result.text


def test_a_chinese_pdf_whose_font_has_a_cmap_of_its_own_is_read_not_garbled() -> None:
    data = pdfs.chinese_icons_pdf()  # an icon the font lacks: WeasyPrint encodes the font by an embedded CMap
    resources: Any = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]
    encodings = [font.get_object()["/Encoding"].get_object() for font in resources["/Font"].values()]
    assert any(not isinstance(encoding, str) for encoding in encodings)
    result = extract_text(data, ocr=_no_ocr)
    for line in pdfs.CHINESE_LINES:
        assert line in result.text
    assert "138-1024-7765" in result.text and "zhangwei@163.com" in result.text


def test_two_column_layout_reads_one_column_after_the_other() -> None:
    text = extract_text(pdfs.two_column_pdf(), ocr=_no_ocr).text
    flat = " ".join(text.split())
    for line in pdfs.LEFT_COLUMN + pdfs.RIGHT_COLUMN:
        assert line in flat, line
    assert flat.index("Mentored a team") < flat.index("SKILLS")
    assert not any("Northwind" in row and "Rust" in row for row in text.splitlines())


def test_scanned_page_is_read_by_ocr() -> None:
    result = extract_text(pdfs.scanned_pdf())
    assert [p.method for p in result.pages] == ["ocr"]
    assert result.ocr_pages == 1
    for line in ("Carol Scanner", "Python Developer", "Built billing systems"):
        assert line in result.text


def test_page_with_nothing_readable_yields_no_text() -> None:
    result = extract_text(pdfs.noise_pdf())
    assert result.text == ""
    assert [p.method for p in result.pages] == ["empty"]


@pytest.fixture
def use_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch ENCRYPTION_KEY for one test; the previous value and settings come back afterwards."""
    with monkeypatch.context() as m:

        def use(key: str) -> None:
            m.setenv("ENCRYPTION_KEY", key)
            reset_settings()

        yield use
    reset_settings()


def test_encryption_round_trips_and_hides_the_plaintext(use_key: Callable[[str], None]) -> None:
    first = Fernet.generate_key().decode()
    use_key(first)
    token = crypto.encrypt_text("简历 Alice Example")
    assert b"Alice" not in token and "简历".encode() not in token
    assert crypto.decrypt_text(token) == "简历 Alice Example"
    assert crypto.encrypt_text("same") != crypto.encrypt_text("same")  # random IV: equal texts do not match

    use_key(f"{Fernet.generate_key().decode()},{first}")
    assert crypto.decrypt_text(token) == "简历 Alice Example"  # an old key still decrypts after rotation

    use_key(Fernet.generate_key().decode())
    with pytest.raises(crypto.EncryptionKeyError) as caught:
        crypto.decrypt_text(token)
    assert "Alice" not in str(caught.value)


def _no_ocr(_data: bytes) -> str:
    raise AssertionError("OCR must not run for a page with a text layer")
