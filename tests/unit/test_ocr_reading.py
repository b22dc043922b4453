"""Reading scanned pages with the real OCR engine: no line of a clean page is lost, whichever way up it is."""

from __future__ import annotations

import pytest

from core.ocr import read_image, tidy_read_line
from testkit.asset_pdfs import lines_per_page, png, printed_lines, scanned_pages
from testkit.facts.build import SOURCES
from testkit.ocr_compare import READ_SIMILARITY, best_reading, line_key


def _en04_first_page(upside_down: bool = False) -> tuple[list[str], list[str]]:
    """The lines printed on the first page of a corpus resume's scan, and what OCR read from that page.

    Printed this way, rapidocr's per-line angle classifier turned two upright lines of this page round (the
    current employer's heading among them) and they were lost."""
    lines = printed_lines((SOURCES / "en04" / "resume.md").read_text(encoding="utf-8"))
    page = scanned_pages(lines, upside_down=upside_down)[0]
    return lines[: lines_per_page()], read_image(png(page)).splitlines()


def test_every_line_of_a_clean_upright_scan_is_read() -> None:
    printed, read = _en04_first_page()
    assert [line for line in printed if best_reading(line, read) < READ_SIMILARITY] == []
    assert any("Zalando SE" in line for line in read)


def test_a_page_scanned_upside_down_is_read_the_right_way_up_and_in_order() -> None:
    printed, read = _en04_first_page(upside_down=True)
    assert line_key(read[0]) == line_key(printed[0])  # "Tom Becker" first, not the page's last line
    assert line_key(read[-1]) == line_key(printed[-1])
    assert [line for line in printed if best_reading(line, read) < READ_SIMILARITY] == []


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Grafana), Cl/CD", "Grafana), CI/CD"),
        ("Managed SE0 for 3,000 product pages", "Managed SEO for 3,000 product pages"),
        ("Power Bl, Tableau", "Power BI, Tableau"),
        ("Launched Al-assisted deal scoring", "Launched AI-assisted deal scoring"),
        ("0KR planning and S0X audits", "OKR planning and SOX audits"),
        ("TCP/lP", "TCP/IP"),
    ],
)
def test_a_skills_capitals_read_as_look_alikes_are_put_back(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


def test_a_role_header_with_a_slashed_date_is_tidied_like_any_line() -> None:
    # A slash made the whole run an "address", left as read: the title stayed glued and the month unread.
    read = "HubSpot,Boston,MA— SeniorProductManager|o1/2021-present"
    assert tidy_read_line(read) == "HubSpot,Boston,MA— Senior Product Manager|01/2021-present"


@pytest.mark.parametrize(
    "read",
    [
        "German (C1), English (B2)",  # language levels, not "CI"
        "Al Smith, CTO",  # a first name
        "Q1 2023: P0 incidents halved",
        "Windows 10, Office 365, AWS S3, EC2",
        "Bl reports",  # one capital and nothing to say it is BI
        "see github.com/Al0/x or a.l0@example.com",
        "linkedin.com/in/danreyes · danreyes.dev/blog",
        "SQl, ETl",  # the vocabulary knows these as read
    ],
)
def test_words_that_only_look_like_misread_capitals_are_left_alone(read: str) -> None:
    assert tidy_read_line(read) == read
