"""A supply-chain planner's Chinese resume (tests/data/resume/supply_planner_zh.txt), as text and as a scan, against a
planning manager's posting (tests/data/jd/supply_planning_manager_zh.txt).

Found on a browser journey with the resume scanned: OCR read each role's header as one run ("2019.07－至今苏州联芯
智能科技有限公司供应链计划主管"), so the pitch said "目前是－苏州联芯…主管"; "SAP APO" came out "SAPAPO" and the
respacer cut "APICSCPIM" into "API CSC PIM", so SAP and CPIM were missing. As text, "物料计划员" was no title, a
range typed with the full-width "－" left the dash as the employer, and "管理4人计划团队" did not prove team
management.
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "supply_planner_zh.txt", "supply_planning_manager_zh.txt"
ROLES = [
    ("苏州联芯智能科技有限公司", "供应链计划主管", "2019-07", "present"),
    ("昆山华拓电子有限公司", "物料计划员", "2016-03", "2019-06"),
]


def _roles(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.org, e.title, e.start, e.end) for e in read_document(text, "resume").experience]


def test_the_roles_as_typed() -> None:
    assert _roles(fixture("resume", RESUME)) == ROLES


@pytest.mark.parametrize("title", ["物料计划员", "仓库管理员", "质检员"])
def test_a_post_ending_in_yuan_is_a_title(title: str) -> None:
    assert _roles(f"张三\n工作经历\n2016.03 - 2019.06    昆山华拓电子有限公司    {title}\n- 负责物料跟催\n") == [
        ("昆山华拓电子有限公司", title, "2016-03", "2019-06")
    ]


@pytest.mark.parametrize("dash", ["－", "～", "−"])
def test_a_range_typed_with_a_full_width_dash_leaves_no_dash_as_the_employer(dash: str) -> None:
    header = f"2019.07{dash}至今    苏州联芯智能科技有限公司    供应链计划主管"
    assert _roles(f"张三\n工作经历\n{header}\n- 负责需求计划\n") == [ROLES[0]]


def test_a_team_led_by_its_size_is_team_management() -> None:
    status = coverage_status(RESUME, POSTING)
    assert status["team management"] == "resume"
    held = {k for k, v in status.items() if v == "resume"}
    assert {"sap", "cpim", "supply chain management", "demand planning"} <= held
    assert status["cscp"] == "missing"  # held by nobody here


@pytest.mark.parametrize(
    ("line", "led"),
    [
        ("- 带领10名工程师完成产线导入", True),
        ("- Managing 6 planners across two sites", True),
        ("- 参与5人团队完成产线导入", False),  # a member of a team of five
        ("- 管理32家供应商的交付", False),  # suppliers, not people
    ],
)
def test_a_team_is_led_only_by_a_verb_of_leading_and_a_headcount(line: str, led: bool) -> None:
    from core.facts.coverage import cover

    doc = read_document(f"张三\n工作经历\n2019.07 - 至今    某公司    主管\n{line}\n", "resume")
    assert cover(["team management"], doc, None)[0].status == ("resume" if led else "missing")


def test_the_pitch_names_the_employer_and_title() -> None:
    pitch = run_offline(RESUME, POSTING, "zh")["match"].self_pitch
    assert "目前是苏州联芯智能科技有限公司供应链计划主管" in pitch


def test_the_scanned_resume_keeps_its_roles_and_terms() -> None:
    """Printed one-column onto a page image, fields of a header a few characters apart, read as an upload is."""
    from core.assets.pdf import extract_text
    from testkit.asset_pdfs import image_pdf, scanned_pages

    lines = fixture("resume", RESUME).splitlines()
    text = extract_text(image_pdf(scanned_pages(lines, size=24, cjk=True))).text
    assert _roles(text) == ROLES
    for term in ("SAP APO", "SAP ECC", "APICS CPIM"):
        assert term in text
    assert "API CSC" not in text


def test_a_missing_certificate_is_held_or_not_never_a_project_to_build() -> None:
    """The gap for a licence the warehouse posting asks for said "为叉车证准备一个具体、可验证的例子（小项目或有成果的
    课程）": no project or course makes a licence."""
    gaps = run_offline(RESUME, "warehouse_manager_zh.txt", "zh")["match"].gaps
    licence = next(g for g in gaps if "叉车证" in g.gap)
    assert licence.action.startswith("如果你已持有叉车证") and "小项目" not in licence.action
    other = next(g for g in gaps if "运营管理" in g.gap)  # a skill is still an example to build
    assert "小项目" in other.action
    english = run_offline("procurement_en.txt", "demand_planner.txt", "en")["match"].gaps
    cert = next(g for g in english if "CPIM" in g.gap)
    assert cert.action.startswith("If you hold CPIM")


def test_inventory_turnover_and_slow_moving_stock_are_inventory_management() -> None:
    assert coverage_status(RESUME, "warehouse_manager_zh.txt")["inventory management"] == "resume"
