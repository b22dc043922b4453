"""A PDF's text layer read in the order it stands on the page (core.assets.pdf_layout).

The fixture tests/data/pdf/browser_printed_resume.pdf is a new graduate's HTML resume (dates and places floated
right on each header row) printed to PDF by Chromium, as online resume builders do: its content stream draws
every float before the page's text, so content-stream order put all the dates at the top.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.assets import pdf as pdf_module
from core.assets.pdf import extract_text
from core.facts import grounding
from core.facts.coverage import cover
from core.facts.read import read_document, read_job, unit_at
from testkit import asset_pdfs as pdfs
from tests.unit.fixture_pairs import fixture

DATA = Path(__file__).resolve().parents[1] / "data"


def _roles(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.org, e.title, e.start, e.end) for e in read_document(text, "resume").experience]


def test_a_header_keeps_its_right_aligned_dates_and_place() -> None:
    text = extract_text(pdfs.floated_dates_pdf()).text
    lines = text.splitlines()
    assert "Software Engineering Intern | May 2025 – Aug 2025" in lines
    assert "Duolingo | Pittsburgh, PA" in lines
    assert _roles(text) == [
        ("Duolingo", "Software Engineering Intern", "2025-05", "2025-08"),
        ("Stripe", "Backend Developer", "2023-01", "2024-12"),
    ]
    school = read_document(text, "resume").education[0]
    assert (school.org, school.end, school.location) == ("Carnegie Mellon University", "2026-05", "Pittsburgh, PA")


def test_a_browser_printed_resume_keeps_every_role_with_its_dates() -> None:
    text = extract_text((DATA / "pdf" / "browser_printed_resume.pdf").read_bytes()).text
    model = read_document(text, "resume")
    assert model.contact.name == "PRIYA NATARAJAN"
    assert ("Duolingo", "Software Engineering Intern", "2025-05", "2025-08") in _roles(text)
    assert [(p.org, p.end) for p in model.projects] == [("CourseMatch", "2025"), ("Raft KV Store", "2024")]
    assert "spring" not in model.skills  # "Spring 2025" is a term, not the Java framework


def test_a_browser_printed_chinese_resume_reads_ideographs_not_radicals() -> None:
    """tests/data/pdf/browser_printed_zh_resume.pdf: Chromium's print of a Chinese resume maps some glyphs to Kangxi
    radicals and the radicals supplement ("周⾬桐", "⼤学", "项⽬经历", "部⻔"). The name was lost, 项目经历 was no
    heading, and 学术部部长 no title."""
    text = extract_text((DATA / "pdf" / "browser_printed_zh_resume.pdf").read_bytes()).text
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)
    model = read_document(text, "resume")
    assert model.contact.name == "周雨桐"
    assert [(p.org, p.start, p.end) for p in model.projects] == [("基于用户行为的电商复购预测", "2025-03", "2025-06")]
    assert ("武汉大学数学与统计学院学生会", "学术部部长", "2023-09", "2024-06") in _roles(text)
    assert "业务部门采纳" in text and "车险理赔" in text


def test_a_serif_print_keeps_its_words_and_address_whole_not_its_ligatures() -> None:
    """tests/data/pdf/browser_printed_serif_sales_resume.pdf: Chromium set the serif face with ligatures, and the
    text layer held "ﬁ" for "fi": the e-mail address was "marcus.whitﬁeld@gmail.com", the profile link likewise,
    and "qualiﬁcation" or "ﬁnancial" were no words to the reader."""
    text = extract_text((DATA / "pdf" / "browser_printed_serif_sales_resume.pdf").read_bytes()).text
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text)
    assert "MEDDICC qualification" in text and "in financial" in text
    model = read_document(text, "resume")
    assert (model.contact.email, model.contact.links) == (
        "marcus.whitfield@gmail.com",
        ["linkedin.com/in/marcuswhitfield"],
    )
    assert (model.experience[0].org, model.experience[0].title) == ("Datadog", "Senior Account Executive")


def test_a_bullets_wrapped_end_stays_with_it_and_a_dated_line_under_it_is_kept() -> None:
    """The same print: "… in Outreach and targeted LinkedIn" + "Sales Navigator campaigns" were two bullets (the
    strength quoted "Sales Navigator campaigns"), and "… through upsell and" + "cross-sell" + "Named to President's
    Club 2021" made "cross-sell" the name of a sub-role whose dated line was lost."""
    text = extract_text((DATA / "pdf" / "browser_printed_serif_sales_resume.pdf").read_bytes()).text
    datadog, zendesk, _ = read_document(text, "resume").experience
    assert (
        "Built 60% of own pipeline through outbound sequences in Outreach and targeted LinkedIn Sales Navigator"
        " campaigns" in datadog.bullets
    )
    assert zendesk.bullets == [
        "Achieved 109%, 121% and 114% of quota in FY2019–FY2021",
        "Managed a book of 85 accounts; expanded net revenue retention to 124% through upsell and cross-sell",
        "Named to President's Club 2021",
    ]


def test_a_year_that_ends_a_wrapped_bullet_is_no_role() -> None:
    """tests/data/pdf/browser_printed_nurse_resume.pdf: a bullet wrapped before its last word, "… rapid response
    calls in" + "2023", with the list marks lost in the text layer. The lone year made a role of the next bullet."""
    text = extract_text((DATA / "pdf" / "browser_printed_nurse_resume.pdf").read_bytes()).text
    model = read_document(text, "resume")
    assert _roles(text) == [
        ("Memorial Hermann Hospital", "Staff Nurse, Telemetry Unit", "2022-03", "present"),
        ("St. Luke's Health", "Staff Nurse, Medical-Surgical Unit", "2020-06", "2022-02"),
    ]
    assert model.experience[0].bullets[1].endswith("rapid response calls in 2023")
    assert len(model.experience[0].bullets) == 4
    proofs = {p.keyword: p.proof for p in cover(["acute care", "Telemetry Monitoring"], model, None)}
    assert proofs["acute care"] is not None and proofs["acute care"].endswith(
        "cardiac monitoring and patient education."
    )
    assert unit_at(model, model.lines.index("2023")) == (model.lines.index("2023") - 1, model.experience[0].bullets[1])


def test_a_two_column_header_wrapped_in_both_columns_keeps_its_range() -> None:
    """tests/data/pdf/browser_printed_terms_resume.pdf (tests/data/resume/new_grad_terms_en.txt printed by Chromium,
    each header a flex row): the school's line wrapped on the left and its dates on the right, "… GPA | Aug 2021 –
    May" + "3.7/4.0 | 2025", and the degree lost its start. Roles dated by term come through the text layer too."""
    text = extract_text((DATA / "pdf" / "browser_printed_terms_resume.pdf").read_bytes()).text
    model = read_document(text, "resume")
    school = model.education[0]
    assert (school.org, school.start, school.end) == ("University of Michigan", "2021-08", "2025-05")
    assert _roles(text) == [
        ("Ford Motor Company", "Software Engineering Intern", "2024", "2024"),
        ("University of Michigan", "Instructional Aide, EECS 281 (Data Structures and Algorithms)", "2023", "2024"),
    ]


def test_a_line_drawn_in_two_fonts_stays_one_line() -> None:
    text = extract_text((DATA / "facts" / "pdf" / "zh01_resume.pdf").read_bytes()).text
    lines = text.splitlines()
    assert "邮箱：liming.dev@163.com" in lines
    assert "阿里巴巴 · 高级开发工程师（P7） | 2019.07-至今" in lines


def test_when_the_positions_cannot_be_read_the_drawing_order_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.assets.pdf_layout as layout

    def broken(page: object) -> list[object]:
        raise KeyError("/Font")

    data = pdfs.floated_dates_pdf()
    monkeypatch.setattr(layout, "page_boxes", broken)
    import io

    from pypdf import PdfReader

    drawn = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert pdf_module._extract_here(data, None, 10**8).text == pdf_module._clean(drawn)


def test_a_page_drawn_word_by_word_is_read_as_lines_column_by_column() -> None:
    """Each word in its own colour: the producer draws every word apart, and the page is still a few dozen lines
    (over 400 boxes, the layout would fall back to rows and interleave the columns)."""
    import io

    from pypdf import PdfReader

    from core.assets.pdf_layout import page_boxes, reading_text

    def words(line: str) -> str:
        return " ".join(f"<span style='color:#00000{i % 2}'>{w}</span>" for i, w in enumerate(line.split()))

    left = "".join(f"<p>{words(line)}</p>" for line in pdfs.LEFT_COLUMN)
    right = "".join(f"<p>{words(line)}</p>" for line in pdfs.RIGHT_COLUMN)
    body = f"<h1>Bob Columns</h1><div class='grid'><div>{left}</div><div>{right}</div></div>"
    data = pdfs._html_pdf(body, ".grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5cm }")
    page = PdfReader(io.BytesIO(data)).pages[0]
    boxes = page_boxes(page)
    lines = reading_text(boxes).splitlines()
    assert len(lines) <= len(boxes) < 20  # a line the column wrapped is one again (core.assets.pdf_layout._unwrapped)
    assert "Northwind Traders, Lead Engineer, 2020-2024." in lines
    assert lines.index("Mentored a team of six engineers.") < lines.index("SKILLS")
    assert "Rust and TypeScript for web services." in lines


def test_a_page_denser_than_any_resume_keeps_its_drawing_order_without_placing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Placing the runs costs more than linear time (a 416 KB stream: 16 s of CPU); past the cap it is not tried,
    so a dense page is read as before rather than run into the sandbox's budget."""
    import core.assets.pdf_layout as layout

    calls: list[object] = []

    def recorded(page: object) -> list[object]:
        calls.append(page)
        return []

    monkeypatch.setattr(layout, "page_boxes", recorded)
    monkeypatch.setattr(pdf_module, "MAX_PLACED_CONTENT_BYTES", 1000)
    text = pdf_module._extract_here(pdfs.floated_dates_pdf(), None, 10**8).text
    assert calls == [] and "Software Engineering Intern | May 2025 – Aug 2025" not in text


def test_a_table_templates_cells_are_read_row_by_row_not_as_columns() -> None:
    """The cells of a details table and of an education row line up like columns; read as columns, the school
    came out among "性别：女" and "出生年月", and the degree was lost."""
    text = extract_text(pdfs.table_template_pdf()).text
    lines = text.splitlines()
    assert "姓名：张晓 | 性别：女 | 出生年月：2001.05" in lines
    assert "2019.09 - 2023.06 | 浙江大学 | 软件工程 | 本科" in lines
    model = read_document(text, "resume")
    school = model.education[0]
    assert model.contact.name == "张晓"
    assert (school.org, school.field, school.degree_level, school.start) == (
        "浙江大学",
        "软件工程",
        "bachelor",
        "2019-09",
    )
    assert _roles(text) == [("网易", "Java开发工程师", "2023-07", "present")]


def test_a_chinese_graduates_two_column_pdf_is_read_and_tailored_without_a_flag() -> None:
    """tests/data/pdf/browser_printed_zh_grad_two_column.pdf (tests/data/resume/new_grad_fe_zh.txt laid out with a
    sidebar and printed by Chromium): a browser journey on it flagged the project's own heading as an invented
    title and the award line "2024 年 华中科技大学 “挑战杯” …" as a wrong date for the school."""
    from core import offline
    from core.facts.grounding import check
    from core.facts.read import read_job
    from core.offline.documents import ServiceDocuments
    from core.workbench.schemas import MatchResultData

    text = extract_text((DATA / "pdf" / "browser_printed_zh_grad_two_column.pdf").read_bytes()).text
    model = read_document(text, "resume")
    assert [(e.org, e.title, len(e.bullets)) for e in model.entries if e.kind == "project"] == [
        ("校园二手交易小程序", "", 4),
        ("实验室设备预约系统", "组长", 2),
    ]
    # The sidebar wrapped "熟悉 HTML5、CSS3、JavaScript" before "（ES6+），了解 TypeScript": one line to quote.
    assert unit_at(model, model.skills["typescript"])[1] == "熟悉 HTML5、CSS3、JavaScript（ES6+），了解 TypeScript"
    assert unit_at(model, model.skills["pinia"])[1] == "熟悉 Vue 3 及其生态（Vue Router、Pinia），了解 React"
    # "GitHub：github.com/lsy-dev" is where the code is: Git is proven where the resume says it uses Git.
    assert model.lines[model.skills["git"]] == "熟悉 Git、Webpack、Vite"
    jd, job = read_job((DATA / "jd" / "campus_fe_zh.txt").read_text())
    docs = ServiceDocuments(resume=model, detailed=None, jd=jd, job=job, lang="zh")
    tailored = offline.customize(docs, MatchResultData(**offline.match(docs, []).model_dump()))
    assert "实验室设备预约系统（课程设计，3 人小组，担任组长）" in tailored.markdown
    assert check(tailored.markdown, [model], job) == []
    award = read_document((DATA / "resume" / "new_grad_fe_zh.txt").read_text(), "resume")
    line = "- 2024 年 华中科技大学 “挑战杯” 课外学术科技作品竞赛 校级二等奖"
    assert check(line, [award], job) == []
    assert check("- 2021 年 华中科技大学 “挑战杯” 课外学术科技作品竞赛 校级二等奖", [award], job)  # before it began


def test_a_chinese_pdfs_wrapped_items_stay_whole_though_their_marks_are_lost() -> None:
    """tests/data/pdf/browser_printed_zh_embedded_two_column.pdf (tests/data/resume/embedded_bms_zh.txt laid out
    with a sidebar and printed by Chromium, list marks drawn by CSS and so not in the text): items wrapping past
    the column were two bullets each ("…项目获事业部年" + "度技术创新奖"), and the wrapped end of the last item,
    "过第三方审核", above the next role's header was that role's employer, so 汇川技术 was lost."""
    from core import offline
    from core.facts.grounding import check
    from core.facts.read import read_job
    from core.offline.documents import ServiceDocuments
    from core.workbench.schemas import MatchResultData

    text = extract_text((DATA / "pdf" / "browser_printed_zh_embedded_two_column.pdf").read_bytes()).text
    model = read_document(text, "resume")
    source = read_document((DATA / "resume" / "embedded_bms_zh.txt").read_text(), "resume")
    assert [(e.org, e.title) for e in model.experience] == [(e.org, e.title) for e in source.experience]
    assert [e.bullets for e in model.experience] == [e.bullets for e in source.experience]  # as written, spaces too
    jd, job = read_job((DATA / "jd" / "bms_embedded_zh.txt").read_text())
    docs = ServiceDocuments(resume=model, detailed=None, jd=jd, job=job, lang="zh")
    tailored = offline.customize(docs, MatchResultData(**offline.match(docs, []).model_dump()))
    assert check(tailored.markdown, [model], job) == []
    # The sidebar's skills broke words at its edge ("…、嵌" + "入式 Linux…", "示波器、逻" + "辑分析仪"): the tailored
    # list showed "嵌", "逻", "辑分析仪" and the verbs "熟悉", "使用" as skills.
    lines = tailored.markdown.splitlines()
    listed = lines[lines.index("## 专业技能") + 1].split("、")
    assert {"逻辑分析仪", "示波器", "UDS 诊断", "嵌入式"} <= set(listed)
    assert not {"嵌", "逻", "辑分析仪", "熟悉", "使用"} & set(listed)
    # Long items under a full line stay apart: the grad's two-column PDF has items as wide as its column.
    grad = read_document(
        extract_text((DATA / "pdf" / "browser_printed_zh_grad_two_column.pdf").read_bytes()).text, "resume"
    )
    assert [len(e.bullets) for e in grad.entries if e.kind == "project"] == [4, 2]


def test_a_chinese_line_measured_short_stays_one_line_without_separators() -> None:
    """tests/data/pdf/browser_printed_zh_automation.pdf (tests/data/resume/electrical_zh.txt printed by Chromium):
    pypdf's layout mode measures some of its Chinese glyphs too narrow and pads others with spaces, so unbroken
    lines came apart into fields ("模 | 组PACK线", "通过率 | 100%") and a bullet's end moved below the next one
    ("欧姆龙、 | 菲尼克斯 | 等)；"). A header's single spaces between its fields are kept."""
    text = extract_text((DATA / "pdf" / "browser_printed_zh_automation.pdf").read_bytes()).text
    lines = text.splitlines()
    assert "王立军 | 男 | 30岁 | 已婚" in lines  # a separator the page writes stays
    assert [line for line in lines if " | " in line] == ["王立军 | 男 | 30岁 | 已婚"]
    assert "· 负责锂电池模组/PACK自动化线、叠片机的电气设计与程序开发，带领电气工程师及调试人员共5人；" in lines
    assert "· 用AutoCAD Electrical绘制电气图纸，编制BOM，配合采购完成元器件选型(施耐德、欧姆龙、菲尼克斯等)；" in lines
    assert "2020.04 — 至今 常州恒锐智能装备有限公司（锂电设备） 电气主管" in lines
    model = read_document(text, "resume")
    assert [(e.org, e.title) for e in model.experience] == [
        ("常州恒锐智能装备有限公司", "电气主管"),
        ("无锡精创自动化科技有限公司", "电气工程师"),
    ]
    older = extract_text((DATA / "pdf" / "browser_printed_zh_resume.pdf").read_bytes()).text
    assert "覆盖 12 个分公司" in older  # "分 公司": padding between two characters of one word


def test_a_word_a_browser_drew_in_pieces_after_a_ligature_stays_whole() -> None:
    """tests/data/pdf/browser_printed_pharmacy_technician.pdf (Chromium, DejaVu Sans, from
    tests/data/resume/pharmacy_technician_en.txt): after a ligature ("certiﬁed", "veriﬁcation") the browser drew the
    rest of the line in pieces, and pypdf's layout text put spaces inside words: "phar | macy technician", "acute
    car | e", "Sterile P | reparation". The certificate list said "PTCB Certified Phar"."""
    text = extract_text((DATA / "pdf" / "browser_printed_pharmacy_technician.pdf").read_bytes()).text
    assert "PTCB-certified pharmacy technician with 8 years" in text
    assert "barcode verification and pharmacist checks" in text and "200-bed acute care hospital" in text
    assert "PTCB Certified Compounded Sterile Preparation Technician (CSPT)" in text
    model = read_document(text, "resume")
    assert "PTCB Certified Pharmacy Technician" in model.certifications
    assert model.experience[0].title == "Lead Pharmacy Technician, IV Room"


def test_an_employer_and_title_a_browsers_pdf_ran_together_are_read_apart() -> None:
    """tests/data/pdf/browser_printed_zh_kindergarten_teacher.pdf (Chromium, Noto Sans CJK, from
    tests/data/resume/kindergarten_teacher_zh.txt): the text lost the gap of "苏州工业园区星海实验幼儿园    主班教师
    （大班）" under its dates, and the role had neither employer nor title."""
    text = extract_text((DATA / "pdf" / "browser_printed_zh_kindergarten_teacher.pdf").read_bytes()).text
    assert "苏州工业园区星海实验幼儿园主班教师（大班）" in text
    model = read_document(text, "resume")
    assert [(e.org, e.title) for e in model.experience] == [
        ("苏州工业园区星海实验幼儿园", "主班教师（大班）"),
        ("苏州市姑苏区金色童年幼儿园", "配班教师"),
    ]


def test_a_line_the_pdf_wrapped_copied_whole_is_the_persons_own() -> None:
    """tests/data/pdf/browser_printed_quantity_surveyor_cv.pdf (Chromium, from
    tests/data/resume/quantity_surveyor_uk_cv.txt): the page wrapped "MRICS - Chartered Member, Royal Institution of
    Chartered Surveyors, membership no. 6612094," before "since 12/11/2018". The tailored resume copied the line whole,
    and the grounding report warned of an employer "MRICS" and a title "Chartered Member" the documents lacked."""
    text = extract_text((DATA / "pdf" / "browser_printed_quantity_surveyor_cv.pdf").read_bytes()).text
    assert "membership no. 6612094,\nsince 12/11/2018" in text
    resume = read_document(text, "resume")
    _, job = read_job(fixture("jd", "uk_contractor_senior_qs.txt"))
    copied = (
        "- MRICS - Chartered Member, Royal Institution of Chartered Surveyors, membership no. 6612094, "
        "since 12/11/2018\n"
        "- A Levels: Mathematics (A), Economics (B), Geography (B), Prince Henry's Grammar School, Otley, 2010"
    )
    assert grounding.check(copied, [resume], job) == []
    assert grounding.check("- MRICS - Chartered Member, Royal Institution of Chartered Surveyors, 2009", [resume], job)


def test_a_sidebars_paragraphs_wrapped_at_its_edge_are_read_whole_and_its_line_breaks_kept() -> None:
    """A resume builder's sidebar a third of the page wide wraps each paragraph every few words. Read line by line,
    "Nielsen Norman Group UX" over "Certification – …" was two certificates, "Georgia Institute of" over
    "Technology," lost the degree's school, and "Figma" over "(prototyping)" split a skill from its measure. A
    line is joined to the next only where the next one's first word did not fit before the column's edge: the
    writer's own line break after the university stays. A line break after a degree as wide as the column is the
    writer's too when the next line names a school of its own, and a contact block's lines (an address as wide as
    the column) stay apart."""
    text = extract_text(pdfs.sidebar_pdf()).text
    lines = text.splitlines()
    for tag, paragraph in pdfs.SIDEBAR_PARAGRAPHS:
        if tag == "p":
            parts = [re.sub("</?b>", "", part) for part in paragraph.split("<br>")]
            assert all(part in lines for part in parts), paragraph
    model = read_document(text, "resume")
    assert model.contact.email == "dwhitfield.ux@gmail.com"
    schools = [(e.org, e.degree_level, e.end) for e in model.education]
    assert schools == [
        ("Georgia Institute of Technology", "master", "2018"),
        ("University of Georgia", "bachelor", "2014-05"),
    ]
    assert model.certifications == ["Nielsen Norman Group UX Certification"]
    assert {"card sorting", "usability testing", "figma", "survey design"} <= set(model.skills)
    # The main column's bullets keep their lines: their wraps are read by core.facts, not joined here.
    assert "• Ran 140 moderated sessions a year across patient and" in lines


def test_a_sidebar_of_items_one_a_line_keeps_them_apart_though_one_fills_it() -> None:
    """tests/data/facts/pdf/en04_resume.pdf: a sidebar listing skills two to a line, one line as wide as the column.
    Its longest line's next item would not have fitted beside it, but nothing says the line goes on. A guard: it
    passes before the sidebar's lines were ever joined, and fails if they are joined on their width alone."""
    lines = extract_text((DATA / "facts" / "pdf" / "en04_resume.pdf").read_bytes()).text.splitlines()
    items = {"HTML5, CSS3, Tailwind CSS", "Jest, Playwright", "TypeScript, JavaScript", "React 18, Next.js"}
    assert items <= set(lines)
    assert {"Berlin, Germany", "tombecker.dev"} <= set(lines)
