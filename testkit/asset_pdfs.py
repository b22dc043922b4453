"""Fixture PDFs for the assets feature, generated in code so every case is reproducible and reviewable.

Text PDFs come from weasyprint (real text layers, fonts embedded, CJK included); image-only PDFs from
Pillow (one JPEG per page, no text layer), the way a phone scan or a "print to image" export looks.
"""

from __future__ import annotations

import io
import random
import re
import textwrap
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

ENGLISH_LINES = [
    "Alice Example",
    "alice@example.com | +1 555 0100 | Berlin",
    "Senior Data Engineer",
    "Acme Analytics 2019-2024: built a streaming pipeline processing 2 million events per day",
    "Reduced cloud costs by 35 percent by moving batch jobs to spot instances",
    "Skills: Python, PostgreSQL, Kafka, Airflow",
    "Education: MSc Computer Science, TU Munich, 2017",
]

CHINESE_LINES = [
    "张伟",
    "高级后端工程师",
    "工作经历：字节跳动 2020年3月至今，负责推荐系统服务，日请求量提升百分之四十",
    "技能：Go语言、分布式系统、消息队列",
    "教育背景：浙江大学 计算机科学与技术 学士",
]

LEFT_COLUMN = [
    "EXPERIENCE",
    "Northwind Traders, Lead Engineer, 2020-2024.",
    "Cut checkout latency from 900 ms to 250 ms.",
    "Mentored a team of six engineers.",
]
RIGHT_COLUMN = [
    "SKILLS",
    "Rust and TypeScript for web services.",
    "Terraform on AWS with cost dashboards.",
    "Fluent in German and English.",
]


def _html_pdf(body: str, css: str = "") -> bytes:
    from weasyprint import HTML

    html = (
        "<html><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 2cm } body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC'; font-size: 11pt }"
        f"{css}</style></head><body>{body}</body></html>"
    )
    return bytes(HTML(string=html).write_pdf())


def text_pdf(lines: list[str] | None = None, pages: int = 1) -> bytes:
    """An English resume with a real text layer; `pages` > 1 repeats it on forced page breaks."""
    body = "".join(f"<p>{line}</p>" for line in (lines or ENGLISH_LINES))
    sections = "".join(
        f"<section style='page-break-after: {'always' if i < pages - 1 else 'auto'}'>{body}</section>"
        for i in range(pages)
    )
    return _html_pdf(sections)


def chinese_pdf() -> bytes:
    """A resume in Chinese, set in Noto Sans CJK (embedded, with a ToUnicode map)."""
    body = "".join(f"<p lang='zh'>{line}</p>" for line in CHINESE_LINES)
    return _html_pdf(body, "p { font-family: 'Noto Sans CJK SC' }")


def chinese_icons_pdf() -> bytes:
    """`chinese_pdf` with a template's icons before the contact lines: a glyph the font lacks makes WeasyPrint encode
    the font by a CMap of its own (core.assets.pdf_fonts), as other writers do."""
    body = "".join(f"<p lang='zh'>{line}</p>" for line in ["📱 138-1024-7765 ｜ ✉ zhangwei@163.com", *CHINESE_LINES])
    return _html_pdf(body, "p { font-family: 'Noto Sans CJK SC' }")


def two_column_pdf() -> bytes:
    """A two-column resume: a CSS grid with the columns side by side on one page."""
    left = "".join(f"<p>{line}</p>" for line in LEFT_COLUMN)
    right = "".join(f"<p>{line}</p>" for line in RIGHT_COLUMN)
    body = f"<h1>Bob Columns</h1><div class='grid'><div>{left}</div><div>{right}</div></div>"
    return _html_pdf(body, ".grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5cm }")


# A resume builder's narrow sidebar: each paragraph wraps every few words at the column's edge; the writer's own
# line breaks stand after a university, after a degree as wide as the column, and between contact fields.
SIDEBAR_PARAGRAPHS = [
    ("h2", "Contact"),
    ("p", "Decatur, GA (open to hybrid)<br>dwhitfield.ux@gmail.com<br>(404) 555-0188"),
    ("h2", "Skills"),
    ("p", "Research methods: contextual inquiry, diary studies, usability testing, card sorting, tree testing"),
    ("p", "Tools: Dovetail (repository owner), Optimal Workshop, Maze, UserTesting, Figma (prototyping), Qualtrics"),
    ("p", "Workshop facilitation; survey design (Likert scales, MaxDiff, Kano analysis)"),
    ("h2", "Certifications"),
    ("p", "Nielsen Norman Group UX Certification – Interaction Design specialty, 2021"),
    ("h2", "Education"),
    (
        "p",
        "Master of Science in Human-Computer Interaction, Georgia Institute of Technology,<br>"
        "College of Computing, 2016 – 2018",
    ),
    (
        "p",
        "<b>Bachelor of Arts in Psychology with a Concentration in Cognitive Science, Minor in Statistics</b><br>"
        "University of Georgia, Athens, GA<br>May 2014",
    ),
]
SIDEBAR_MAIN = [
    ("h2", "Experience"),
    ("p", "Senior UX Researcher, Northwind Health — Atlanta, GA"),
    ("p", "Mar 2019 – present"),
    ("li", "Ran 140 moderated sessions a year across patient and clinician products"),
    ("li", "Built the research repository in Dovetail; 300 studies tagged, used by 9 product teams"),
]


def sidebar_pdf() -> bytes:
    """A two-column resume whose sidebar is a third of the page wide (as resume builders print them)."""
    side = "".join(f"<{tag}>{text}</{tag}>" for tag, text in SIDEBAR_PARAGRAPHS)
    main = "".join(f"<{tag}>{text}</{tag}>" for tag, text in SIDEBAR_MAIN)
    columns = f"<div class='side'>{side}</div><div class='main'>{main}</div>"
    body = f"<h1>Dana Whitfield</h1><div class='wrap'>{columns}</div>"
    css = (
        ".wrap { display: flex } .side { width: 32%; padding-right: 12px } .main { width: 66%; padding-left: 12px }"
        " body { font-size: 10pt } p, li { margin: 2px 0 } h2 { font-size: 11pt; margin: 10px 0 4px }"
    )
    return _html_pdf(body, css)


# A new graduate's resume as HTML resume builders lay it out: each header row's dates and place float right.
FLOATED_ROWS: list[tuple[str, str, list[str]]] = [
    ("EDUCATION", "", []),
    ("Carnegie Mellon University", "Pittsburgh, PA", []),
    ("Bachelor of Science in Computer Science", "Expected May 2026", ["GPA: 3.72/4.00"]),
    ("EXPERIENCE", "", []),
    ("Software Engineering Intern", "May 2025 – Aug 2025", []),
    ("Duolingo", "Pittsburgh, PA", ["Built a cleanup tool in Python that removed 340 stale flags across 12 services"]),
    ("Backend Developer", "Jan 2023 – Dec 2024", []),
    ("Stripe", "Dublin", ["Cut the payouts API's p99 latency by 40% with a Redis cache"]),
]


def floated_dates_pdf() -> bytes:
    """A resume whose header rows carry right-aligned floats (dates, places): the text layer draws the floats
    apart from the rows they belong to."""
    rows = []
    for left, right, bullets in FLOATED_ROWS:
        rows.append(f"<div style='overflow:hidden'><span style='float:right'>{right}</span>{left}</div>")
        rows.append("".join(f"<ul><li>{b}</li></ul>" for b in bullets if not b.startswith("GPA")))
        rows.append("".join(f"<div>{b}</div>" for b in bullets if b.startswith("GPA")))
    return _html_pdf("<h1>Priya Natarajan</h1><p>priya.n@example.com</p>" + "".join(rows))


def table_template_pdf() -> bytes:
    """A Chinese resume on a table template, as word-processor templates lay it out: a details table of three
    columns, then each entry's dates, organisation, field and degree in the cells of one row."""

    def row(*cells: str) -> str:
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    body = (
        "<h1 style='text-align:center'>个人简历</h1><table style='width:100%'>"
        + row("姓名：张晓", "性别：女", "出生年月：2001.05")
        + row("电话：139 1234 5678", "邮箱：zhangxiao@qq.com", "求职意向：Java开发工程师")
        + "</table><h3>教育背景</h3><table style='width:100%'>"
        + row("2019.09 - 2023.06", "浙江大学", "软件工程", "本科")
        + "</table><h3>工作经历</h3><table style='width:100%'>"
        + row("2023.07 - 至今", "网易", "Java开发工程师")
        + "</table><ul><li>负责网易严选订单服务开发，使用Spring Boot和MySQL，接口响应时间降低35%</li>"
        + "<li>引入Redis缓存热点商品数据，数据库QPS降低50%</li></ul>"
    )
    return _html_pdf(body, "body { font-family: 'Noto Sans CJK SC' } td { padding: 2px 6px }")


PAGE_PIXELS = (1240, 1754)  # A4 at 150 dpi


def _line_pitch(size: int) -> int:
    return int(size * 1.8)


def lines_per_page(size: int = 24) -> int:
    """How many lines `scanned_pages` puts on one page at this text size."""
    return PAGE_PIXELS[1] // _line_pitch(size) - 4


def _page_image(lines: list[str], font_path: Path, size: int = 40) -> Image.Image:
    page = Image.new("RGB", PAGE_PIXELS, "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path), size)
    y = 120
    for line in lines:
        draw.text((100, y), line, fill="black", font=font)
        y += _line_pitch(size)
    return page


def printed_lines(markdown: str, width: int = 78) -> list[str]:
    """A corpus resume's Markdown source (tests/data/facts/sources) as the plain lines a one-column printout
    shows: marks and side-column tags dropped, long lines wrapped at `width` characters."""
    lines = [_printed(line) for line in markdown.splitlines() if line.strip()]
    return [part for line in lines for part in textwrap.wrap(line, width)]


def _printed(source_line: str) -> str:
    """A source line as printed: its Markdown mark or field label and its side-column tag dropped."""
    return re.sub(r"^(#+|-|name:|headline:|contact:)\s*", "", source_line).replace(" [side]", "")


def two_column_page(markdown: str, cjk: bool = False, size: int = 22) -> Image.Image:
    """A corpus resume's Markdown source printed as a two-column template prints it: its [side] sections in a
    narrow left column, the rest on the right under the name in a larger size; one A4 page at 150 dpi."""
    side: list[str] = []
    main: list[str] = []
    target = main
    for line in markdown.splitlines():
        if not line.strip():
            continue
        if line.startswith("# "):
            target = side if "[side]" in line else main
        text = _printed(line)
        (main if line.startswith(("name:", "headline:")) else target).append(text)
    page = Image.new("RGB", PAGE_PIXELS, "white")
    draw = ImageDraw.Draw(page)
    font_path = NOTO_CJK if cjk else DEJAVU
    body, big = ImageFont.truetype(str(font_path), size), ImageFont.truetype(str(font_path), size * 2)
    pitch = _line_pitch(size)
    for x, y, lines, width in ((60, 100, side, 320), (420, 100 + 2 * pitch, main[1:], 780)):
        for text in lines:
            for part in _fit(text, body, width):
                draw.text((x, y), part, fill="black", font=body)
                y += pitch
    draw.text((420, 100), main[0], fill="black", font=big)
    return page


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text wrapped into lines no wider than `width` pixels: at spaces where it can, else (a long address,
    Chinese with no spaces) at the last character that fits, as a template does; never into the next column."""
    lines: list[str] = []
    line = ""
    for word in re.split(r"(?<= )", text):
        if font.getlength(line + word) <= width:
            line += word
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
        for ch in word:
            if font.getlength(line + ch) > width and line:
                lines.append(line.rstrip())
                line = ""
            line += ch
    if line.strip():
        lines.append(line.rstrip())
    return lines


def scanned_pages(lines: list[str], size: int = 24, cjk: bool = False, upside_down: bool = False) -> list[Image.Image]:
    """A4 pages at 150 dpi showing these lines at a body-text size, as many as they fill: a phone scan's
    images. Turned round when asked, as pages fed into the scanner the wrong way up."""
    per_page = lines_per_page(size)
    pages = [
        _page_image(lines[at : at + per_page], NOTO_CJK if cjk else DEJAVU, size=size)
        for at in range(0, len(lines), per_page)
    ]
    return [page.rotate(180) for page in pages] if upside_down else pages


def png(page: Image.Image) -> bytes:
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def jpeg(page: Image.Image, quality: int = 75) -> bytes:
    """The page as a phone or a scanner saves it: a JPEG, ringing around every glyph."""
    out = io.BytesIO()
    page.save(out, "JPEG", quality=quality)
    return out.getvalue()


def image_pdf(pages: list[Image.Image]) -> bytes:
    """An image-only PDF (no text layer) of these pages."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    return out.getvalue()


def scanned_pdf(lines: list[str] | None = None, pages: int = 1) -> bytes:
    """An image-only PDF (no text layer) whose pages show large, clear text that OCR can read."""
    page = _page_image(lines or ["Carol Scanner", "Python Developer", "Built billing systems"], DEJAVU)
    return image_pdf([page] * pages)


def noise_pdf() -> bytes:
    """An image-only PDF with nothing readable: a blank page with faint random speckles."""
    rng = random.Random(5)
    page = Image.new("L", (1240, 1754), 255)
    pixels = page.load()
    assert pixels is not None
    for _ in range(3000):
        pixels[rng.randrange(1240), rng.randrange(1754)] = rng.randrange(200, 255)
    out = io.BytesIO()
    page.convert("RGB").save(out, "PDF", resolution=150)
    return out.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    """A text PDF protected by a user password (cannot be opened without it)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def owner_only_encrypted_pdf() -> bytes:
    """Encrypted with an empty user password (print/copy restrictions only): opens without a password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def not_a_pdf() -> bytes:
    """A PNG renamed to resume.pdf."""
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(out, "PNG")
    return out.getvalue()


def broken_pdf() -> bytes:
    """Starts like a PDF, but the body is garbage: no objects, no pages, no trailer."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(random.Random(7).randrange(256) for _ in range(4000))


# A resume's visible lines, and keywords a page can carry where no reader sees them (core.assets.pdf_visibility).
SHOWN_LINES = [
    "Jordan Avery",
    "Staff Accountant, Pine Ridge Dental Group, Mar 2019 - Present",
    "Closed the books monthly for 4 clinics; reconciled 12 bank accounts",
    "Skills: QuickBooks Online, Excel, accounts payable",
]
HIDDEN_WORDS = "Kubernetes Terraform Snowflake machine learning CPA"


def hidden_text_pdf(backdrop: bool = False) -> bytes:
    """A resume with keywords in white and in half-point type; with `backdrop`, the white words stand on a navy
    sidebar instead, where a reader sees them."""
    shown = "".join(f"<p>{line}</p>" for line in SHOWN_LINES)
    if backdrop:
        side = f"<div style='background:#1f2a44; color:#fff; padding:8px'><p>{HIDDEN_WORDS}</p></div>"
        return _html_pdf(side + shown)
    return _html_pdf(
        shown + f"<p style='color:#fff'>{HIDDEN_WORDS}</p><p style='font-size:0.5pt'>Salesforce Tableau</p>"
    )


def invisible_layer_pdf(image: Image.Image | None = None) -> bytes:
    """A page whose text is drawn in render mode 3 (neither filled nor stroked) beside visible lines or, with
    `image`, over that image as a searchable scan's OCR layer is (then no line is visible text)."""
    from testkit.hostile_files import pdf_of_objects, stream_object

    visible = (
        ""
        if image
        else "".join(f"BT /F1 11 Tf 50 {780 - 20 * i} Td ({line}) Tj ET\n" for i, line in enumerate(SHOWN_LINES))
    )
    drawn = "q 595 0 0 842 0 0 cm /Im1 Do Q\n" if image else ""
    content = (drawn + visible + f"BT 3 Tr /F1 11 Tf 50 600 Td ({HIDDEN_WORDS}) Tj ET\n").encode()
    xobjects = b" /XObject << /Im1 5 0 R >>" if image else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >>"
        + xobjects
        + b" >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if image:
        gray = image.convert("L")
        header = f"/Type /XObject /Subtype /Image /Width {gray.width} /Height {gray.height}"
        objects.append(
            stream_object(
                f"{header} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode".encode(),
                zlib.compress(gray.tobytes()),
            )
        )
    else:
        objects.append(b"<< >>")
    objects.append(stream_object(b"", content))
    return pdf_of_objects(objects)
