"""Reading order of detected lines: a two-column page is read column by column, a one-column page row by row.

The boxes are laid out as rapidocr detects them on an A4 page at 150 dpi (1240 px wide, lines ~28 px tall,
32 px apart); the last test reads a real JPEG scan with the engine.
"""

from __future__ import annotations

from core.facts.read import read_document
from core.ocr import read_image
from core.ocr_layout import Box, reading_order
from testkit.asset_pdfs import jpeg, two_column_page
from tests.unit.test_facts_read import _entry

PITCH = 32


def _column(x0: float, x1: float, texts: list[str], top: float = 100, height: float = 28) -> list[Box]:
    return [Box(x0, top + i * PITCH, x1, top + i * PITCH + height, 0, text) for i, text in enumerate(texts)]


def _texts(boxes: list[Box]) -> list[str]:
    return [b.text for b in reading_order(boxes)]


SIDEBAR = ["Contact", "tom@posteo.de", "Berlin, Germany", "Skills", "TypeScript, React", "Languages", "German"]
MAIN = [
    "Experience",
    "Zalando SE, Berlin — Senior Frontend Engineer | Apr 2021 -",
    "Present",
    "Rebuilt the checkout in React 18 for 23 markets.",
    "N26, Berlin — Frontend Developer | Sep 2018 - Mar 2021",
    "Built the web banking app in Vue.js 3.",
]


def test_a_sidebar_is_read_before_the_main_column_not_row_by_row_with_it() -> None:
    boxes = _column(60, 330, SIDEBAR) + _column(420, 1180, MAIN)
    assert _texts(boxes) == SIDEBAR + MAIN


def test_a_heading_across_both_columns_comes_first() -> None:
    heading = [Box(60, 20, 900, 60, 0, "Tom Becker · tom@posteo.de · +49 151 2345 6789")]
    boxes = heading + _column(60, 330, SIDEBAR) + _column(420, 1180, MAIN)
    assert _texts(boxes) == [heading[0].text, *SIDEBAR, *MAIN]


def test_a_name_atop_the_main_column_in_a_larger_size_is_read_first() -> None:
    name = Box(420, 60, 700, 96, 0, "Tom Becker")
    boxes = [*_column(60, 330, SIDEBAR, top=60), name, *_column(420, 1180, MAIN, top=110)]
    assert _texts(boxes) == ["Tom Becker", *SIDEBAR, *MAIN]


def test_places_and_terms_aligned_to_the_right_edge_stay_on_their_rows() -> None:
    """Right-aligned labels that are not all dates (a place, "Expected May 2026"): they end together and start
    apart, where a column's lines start together; read as a column, every header lost its dates."""
    rows = [
        ("Carnegie Mellon University", "Pittsburgh, PA"),
        ("Bachelor of Science in Computer Science", "Expected May 2026"),
        ("Software Engineering Intern", "Summer Term 2025"),
        ("Duolingo", "Pittsburgh, PA"),
    ]
    boxes: list[Box] = []
    for i, (left, right) in enumerate(rows):
        y = 100 + i * PITCH
        boxes += [
            Box(60, y, 60 + 14 * len(left), y + 28, 0, left),
            Box(1180 - 14 * len(right), y, 1180, y + 28, 0, right),
        ]
    assert _texts(boxes) == [text for row in rows for text in row]


def test_a_tables_cells_on_shared_baselines_are_read_across_in_a_pdfs_text() -> None:
    """Three columns of cells whose lines sit on the same baselines row after row are a table, not columns; OCR's
    boxes (tables off) keep reading equal-pitch columns as columns."""
    rows = [
        ("姓名：张晓", "性别：女", "出生年月：2001.05"),
        ("电话：139 1234 5678", "邮箱：zx@qq.com", "求职意向：Java"),
        ("2019.09 - 2023.06", "浙江大学", "软件工程"),
    ]
    boxes: list[Box] = []
    for i, row in enumerate(rows):
        y = 100 + i * PITCH
        boxes += [Box(60 + 400 * k, y, 60 + 400 * k + 20 * len(cell), y + 28, 0, cell) for k, cell in enumerate(row)]
    assert [b.text for b in reading_order(boxes, tables=True)] == [cell for row in rows for cell in row]
    assert _texts(boxes) == [row[k] for k in range(3) for row in rows]


def test_right_aligned_dates_stay_on_their_rows() -> None:
    """A compact list of roles with their dates at the right margin: a column of dates is not a column."""
    rows = [("Senior Engineer, Acme", "2019 – 2021"), ("Engineer, Globex", "2016 – 2019"), ("Intern, Initech", "2015")]
    boxes: list[Box] = []
    for i, (role, dates) in enumerate(rows):
        y = 100 + i * PITCH
        boxes += [Box(60, y, 500, y + 28, 0, role), Box(1000, y, 1180, y + 28, 0, dates)]
    assert _texts(boxes) == [text for row in rows for text in row]


def test_a_one_column_page_is_read_top_down_and_its_tall_heading_stays_in_place() -> None:
    lines = ["Jane Doe", "jane@example.com", "EXPERIENCE", "Acme — Engineer | 2019 – 2021", "Built things."]
    boxes = _column(60, 900, lines)
    big = Box(60, 100 + 2 * PITCH, 400, 100 + 2 * PITCH + 40, 0, "EXPERIENCE")
    boxes[2] = big
    assert _texts(boxes) == lines


def test_a_phone_scan_of_a_two_column_resume_keeps_its_person_and_roles() -> None:
    """Read row by row, the sidebar's lines cut every role header off its dates and all three roles were lost."""
    from testkit.browser import ROOT

    source = (ROOT / "tests" / "data" / "facts" / "sources" / "en04" / "resume.md").read_text(encoding="utf-8")
    model = read_document(read_image(jpeg(two_column_page(source))), "resume")
    assert model.contact.name == "Tom Becker"
    for org, title, start in [
        ("Zalando SE", "Senior Frontend Engineer", "2021-04"),
        ("N26", "Frontend Developer", "2018-09"),
        ("SoundCloud", "Working Student", "2016-10"),
    ]:
        entry = _entry(model, org)
        assert (entry.title, entry.start) == (title, start)
    assert {"typescript", "react", "vue.js", "graphql"} <= set(model.skills)


def test_a_page_of_thousands_of_tiny_lines_is_read_row_by_row_at_once() -> None:
    """A hostile image: the layout is skipped beyond MAX_LAYOUT_LINES (no deep recursion, no quadratic cuts)."""
    from core.ocr_layout import MAX_LAYOUT_LINES

    boxes = _column(60, 330, [f"left {i}" for i in range(MAX_LAYOUT_LINES)], top=0, height=6)
    boxes += _column(420, 1180, [f"right {i}" for i in range(MAX_LAYOUT_LINES)], top=0, height=6)
    ordered = _texts(boxes)
    assert ordered[:2] == ["left 0", "right 0"]
    assert len(ordered) == 2 * MAX_LAYOUT_LINES


def test_a_scanned_sidebars_wrapped_paragraphs_and_address_are_read_whole() -> None:
    """A scan of a template whose narrow left column wraps its paragraphs: read line by line, the address lost its
    last letters to the next line ("…@freightline.co" over "m"), the degree its school and a certificate its
    year; a skills paragraph came in four pieces. Headings set in the body's size stay headings."""
    source = "\n".join(
        [
            "name: Marisol Okafor-Brandt",
            "headline: Logistics Coordinator",
            "# Contact [side]",
            "marisol.okafor.brandt@freightline.com",
            "# Skills [side]",
            "Freight operations: carrier booking, customs documentation, CargoWise One, SAP TM, Incoterms 2020",
            "# Certifications [side]",
            "Certified International Freight Forwarder (FIATA Diploma), 2019",
            "# Education [side]",
            "Bachelor of Business Administration in Supply Chain Management, University of Manchester, 2015",
            "# Experience",
            "Kuehne+Nagel — Logistics Coordinator, Mar 2019 – present",
            "- Booked 1,200 ocean and air shipments a year across 14 carriers",
            "- Cleared customs entries for EU and UK imports with zero penalties in 2023",
        ]
    )
    lines = read_image(jpeg(two_column_page(source))).splitlines()
    assert "marisol.okafor.brandt@freightline.com" in lines
    assert {"Skills", "Certifications", "Education"} <= set(lines)
    model = read_document("\n".join(lines), "resume")
    assert model.contact.email == "marisol.okafor.brandt@freightline.com"
    school = model.education[0]
    assert (school.org, school.degree_level, school.end) == ("University of Manchester", "bachelor", "2015")
    assert model.certifications == ["Certified International Freight Forwarder"]
    skills = [line for line in lines if line.startswith("Freight operations:")]
    assert len(skills) == 1 and skills[0].endswith("Incoterms 2020")
