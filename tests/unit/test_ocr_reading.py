"""Reading scanned pages with the real OCR engine: no line of a clean page is lost, whichever way up it is."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.ocr import read_image, tidy_read_line
from testkit.asset_pdfs import DEJAVU, NOTO_CJK, jpeg, lines_per_page, png, printed_lines, scanned_pages
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


def test_a_jpeg_scan_keeps_its_words_apart() -> None:
    """A JPEG's ringing made the recogniser drop spaces ("ZalandoSE,Berlin"), and the respacer then split the
    run wrongly ("Zal an doSE"): the current employer was lost from the summary. Read as ink on white, the
    words stay apart."""
    lines = printed_lines((SOURCES / "en04" / "resume.md").read_text(encoding="utf-8"))
    read = read_image(jpeg(scanned_pages(lines)[0]))
    for printed in ("Zalando SE, Berlin", "for 23 markets", "Built the web banking app in Vue.js 3"):
        assert printed in read


@pytest.mark.parametrize("ground", [(30, 60, 110), (200, 40, 40), (0, 0, 0)])
def test_white_type_on_a_coloured_header_band_is_read_with_the_dark_type_below(ground: tuple[int, int, int]) -> None:
    """A template's name and title in white on a coloured band: light text on a dark ground is ink too."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 80, 1240, 300), fill=ground)
    draw.text((100, 100), "Laura Kim", fill="white", font=ImageFont.truetype(str(DEJAVU), 36))
    draw.text((100, 170), "Senior Product Designer", fill="white", font=ImageFont.truetype(str(DEJAVU), 26))
    draw.text((100, 230), "高级产品经理", fill="white", font=ImageFont.truetype(str(NOTO_CJK), 26))
    draw.text((100, 400), "Experience at Zalando SE, Berlin", fill="black", font=ImageFont.truetype(str(DEJAVU), 24))
    assert read_image(jpeg(page)).splitlines() == [
        "Laura Kim",
        "Senior Product Designer",
        "高级产品经理",
        "Experience at Zalando SE, Berlin",
    ]


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Grafana), Cl/CD", "Grafana), CI/CD"),
        ("Managed SE0 for 3,000 product pages", "Managed SEO for 3,000 product pages"),
        ("Power Bl, Tableau", "Power BI, Tableau"),
        ("Launched Al-assisted deal scoring", "Launched AI-assisted deal scoring"),
        ("0KR planning and S0X audits", "OKR planning and SOX audits"),
        ("TCP/lP", "TCP/IP"),
        ("携程Ul设计师 2018年3月-2021年3月", "携程UI设计师 2018年3月-2021年3月"),  # Latin in Chinese is a term
        ("负责Al算法落地", "负责AI算法落地"),
        ("Excel（高级)、Power Bl、SQL(基础)", "Excel（高级)、Power BI、SQL(基础)"),  # the word before past a 、
        ("工具：Excel、PowerBl、SQL基础", "工具：Excel、PowerBI、SQL基础"),  # glued to its word, the space read away
        ("Built an OpenAl prototype", "Built an OpenAI prototype"),
    ],
)
def test_a_skills_capitals_read_as_look_alikes_are_put_back(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("预算执行偏差控制在土5%以内", "预算执行偏差控制在±5%以内"),
        ("误差 土 0.5 % 内", "误差 ± 0.5 % 内"),
        ("土地流转面积增长 5%", "土地流转面积增长 5%"),
    ],
)
def test_a_plus_minus_read_as_the_character_for_earth_is_put_back(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("· Strong written com munication", "· Strong written communication"),  # a phone screenshot's JD
        ("Ex perience with Salesforce", "Ex perience with Salesforce"),  # a capital: a name may start so
        ("3+ years of ex perience", "3+ years of experience"),
        ("data base design and pay roll", "data base design and pay roll"),  # two words each: as written
    ],
)
def test_a_word_a_wide_gap_split_is_joined(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Web | 0ct 2016 - Aug 2018", "Web | Oct 2016 - Aug 2018"),
        ("N0v 2019 - present", "Nov 2019 - present"),
        ("0ctober 2020", "October 2020"),
    ],
)
def test_a_months_capital_o_read_as_a_zero_is_put_back(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Ownpaidacquisitionwitha", "Own paid acquisition with a"),
        ("Reducedchurnby 12%", "Reduced churn by 12%"),
        ("Partneredwithstakeholders", "Partnered with stakeholders"),
        ("LaunchedthecheckoutredesignforGermany", "Launched the checkout redesign for Germany"),
        ("WorkingStudent, Web", "Working Student, Web"),
        ("DeliveryHero, Berlin", "Delivery Hero, Berlin"),
    ],
)
def test_glued_english_words_are_split(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("-系统：SAPECC（MM/PP）、SAPAPO、用友U8", "-系统：SAP ECC（MM/PP）、SAP APO、用友U8"),
        ("-证书：APICSCPIM （2020）、英语六级", "-证书：APICS CPIM （2020）、英语六级"),  # not "API CSC PIM"
        ("熟悉JAVASCRIPT开发", "熟悉JAVASCRIPT开发"),  # a term known whole
        ("负责QWERTYZ项目", "负责QWERTYZ项目"),  # nothing known in it: as read
        ("PROFESSIONALEXPERIENCE", "PROFESSIONAL EXPERIENCE"),  # an English heading is still English words
    ],
)
def test_terms_glued_in_a_chinese_line_are_split_by_the_vocabulary(read: str, meant: str) -> None:
    assert tidy_read_line(read) == meant


@pytest.mark.parametrize("read", ["SoundCloud, Berlin", "LinkedIn", "DoorDash Inc.", "JetBrains s.r.o."])
def test_a_name_written_in_two_capitalised_words_stays_one(read: str) -> None:
    """ "SoundCloud" came out "Sound Cloud": the employer on the summary was not the one on the page."""
    assert tidy_read_line(read) == read


@pytest.mark.parametrize(
    "read",
    [
        "Softwareentwickler bei SAP",
        "Wirtschaftsingenieur (Dipl.)",
        "Werkstudent Informatiker",
    ],
)
def test_a_word_of_another_language_is_not_cut_into_english_scraps(read: str) -> None:
    """ "Informatiker" came out "In format i ker": a German resume's degree and titles must stay as printed."""
    assert tidy_read_line(read) == read


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        (
            "Machine Learning Engineer, Deliveroo — London ↓ 2019-09 t0",
            "Machine Learning Engineer, Deliveroo — London | 2019-09 to",
        ),
        ("2019-09 t0 present", "2019-09 to present"),
        ("Business Analyst ↓ Aug 2016 - May 2018", "Business Analyst | Aug 2016 - May 2018"),
        ("Churn ↓ 30%", "Churn ↓ 30%"),  # a fall, not a bar
    ],
)
def test_a_ranges_to_and_bar_misread_in_a_small_print_are_put_back(read: str, meant: str) -> None:
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
        "持有C1驾照",  # a licence class, not "CI"
        "version 0ct 5",  # no year: not a month
    ],
)
def test_words_that_only_look_like_misread_capitals_are_left_alone(read: str) -> None:
    assert tidy_read_line(read) == read


def test_a_designed_chinese_resume_printed_and_scanned_keeps_its_roles_school_and_figures() -> None:
    """tests/data/pdf/scanned_zh_accountant.pdf: a designed resume (a coloured rule, dates aligned right) printed by
    Chromium, turned 0.7°, blurred, speckled and saved as a JPEG inside a PDF, as a flatbed scan gives it. Its text
    as read is tests/data/resume/accountant_zh_scan_ocr.txt."""
    from pathlib import Path

    from core.assets.pdf import extract_text
    from core.facts.read import read_document

    pdf = Path(__file__).resolve().parents[1] / "data" / "pdf" / "scanned_zh_accountant.pdf"
    text = extract_text(pdf.read_bytes()).text
    model = read_document(text, "resume")
    roles = [(e.org, e.title, e.start, e.end) for e in model.experience]
    assert roles == [
        ("苏州恒力精密机械有限公司", "财务主管", "2022-03", "present"),
        ("昆山德鑫电子科技有限公司", "总账会计", "2019-07", "2022-02"),
    ]
    assert [(e.org, e.gpa) for e in model.education] == [("南京财经大学", "3.6/4.0")]
    for figure in ("±5%", "460万元", "1,500张", "下降37%", "Power BI"):
        assert figure in text


def test_a_titles_grade_read_as_lowercase_ls_is_split_off_its_glued_words() -> None:
    """A scanned resume's "Mechanical Design Engineer II" came out as "MechanicalDesignEngineerIl": no title, so the
    role's employer was read as the glued run ("I work at MechanicalDesignEngineerIl")."""
    assert tidy_read_line("MechanicalDesignEngineerIl") == "Mechanical Design Engineer II"
    assert tidy_read_line("SeniorDataAnalystIll") == "Senior Data Analyst III"
    assert [tidy_read_line(word) for word in ("Volleyball", "Marshall", "Install")] == [
        "Volleyball",
        "Marshall",
        "Install",
    ]
