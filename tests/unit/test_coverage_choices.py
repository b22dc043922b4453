"""A JD's choices ("熟悉 Python 或 R"): one skill held meets the others, so none of them is a gap."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.facts.coverage import either_groups
from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage


def groups(requirement: str) -> list[list[str]]:
    jd, _job = read_job(f"Data Engineer\nRequirements\n{requirement}\n")
    return [sorted(group) for group in either_groups(jd)]


@pytest.mark.parametrize(
    ("requirement", "choice"),
    [
        ("熟练使用 SQL，熟悉 Python 或 R 进行数据处理；", ["python", "r"]),
        ("熟悉 Java/C++/Go 中的至少一种语言", ["c++", "go", "java"]),
        ("Experience with Python, R or Julia", ["julia", "python", "r"]),
        ("Experience with one of AWS, GCP, Azure", ["aws", "azure", "google cloud"]),
        ("熟悉Spark/Flink等大数据框架", ["apache spark", "flink"]),
        ("Cloud platforms such as AWS or GCP", ["aws", "google cloud"]),
    ],
)
def test_a_choice_is_read_as_one(requirement: str, choice: list[str]) -> None:
    assert groups(requirement) == [choice]


@pytest.mark.parametrize(
    "requirement",
    [
        "Proficiency in Java and Python",
        "熟悉Java、Go、MySQL、Redis、Kafka",
        "HTML/CSS/JavaScript",  # a slash joins skills asked together as often as a choice
        "熟悉Java、Go，了解Docker等",  # "等" belongs to Docker, not to the list before the comma
        "CI/CD pipelines and Docker",
        # A suite's products in its bracket are what of it is asked (tests/data/jd/corporate_trainer_ld.txt,
        # lumen_loam_brand_designer.txt): PowerPoint met Excel and Word, and Photoshop InDesign.
        "Proficiency with Microsoft Office (PowerPoint, Excel, Word).",
        "Expert in Adobe Creative Suite (Illustrator, Photoshop, InDesign) and Figma",
    ],
)
def test_a_list_asks_for_each(requirement: str) -> None:
    assert groups(requirement) == []


def test_the_choice_met_is_no_gap_and_no_point() -> None:
    resume = read_document("Li Lei\nSkills\nPython, SQL, Tableau\n", "resume")
    jd, _job = read_job("Data Analyst\nRequirements\n- SQL\n- Python or R for data cleaning\n- Looker or Tableau\n")
    plain = compute_coverage(["SQL", "Python", "R"], ["Looker", "Tableau"], resume, None)
    assert [(k.keyword, k.status) for k in plain.must_have] == [
        ("SQL", "resume"),
        ("Python", "resume"),
        ("R", "missing"),
    ]
    settled = compute_coverage(["SQL", "Python", "R"], ["Looker", "Tableau"], resume, None, jd)
    assert [k.keyword for k in settled.must_have] == ["SQL", "Python"]
    assert [k.keyword for k in settled.nice_to_have] == ["Tableau"]
    nothing_held = read_document("Li Lei\nSkills\nExcel\n", "resume")
    both_missing = compute_coverage(["Python", "R"], [], nothing_held, None, jd)
    assert [(k.keyword, k.status) for k in both_missing.must_have] == [("Python", "missing"), ("R", "missing")]


def test_a_choice_a_phone_screenshot_wrapped_over_two_lines_is_one() -> None:
    """tests/data/jd/fpa_manager_zh_phone_screenshot_ocr.txt: the screenshot's narrow column wrapped "其中至少2年FP&A
    或成本" + "分析经验" and OCR gives no other sign of the wrap, so FP&A was a gap for an accountant whose resume
    shows cost analysis. Lines that fill the column and end mid-sentence go on in the next."""
    path = Path(__file__).resolve().parents[1] / "data" / "jd" / "fpa_manager_zh_phone_screenshot_ocr.txt"
    jd, _job = read_job(path.read_text("utf-8"))
    assert ["cost accounting", "financial planning and analysis"] in [sorted(g) for g in either_groups(jd)]
    # A column of short items, each its own line: nothing wraps, nothing is joined.
    jd, _job = read_job("数据分析师\n任职要求\n熟悉SQL\n熟悉Python或R\n熟悉Tableau\n沟通能力强\n")
    assert [sorted(g) for g in either_groups(jd)] == [["python", "r"]]


def test_a_suites_products_in_its_bracket_are_each_asked_and_a_skills_examples_are_one_choice() -> None:
    resume = read_document("Maria Lopez\nSkills\nPowerPoint, Camtasia, scheduling\n", "resume")
    jd, _job = read_job(
        "Office Coordinator\nRequirements\n- Proficiency in Microsoft Office (Excel, Word, PowerPoint).\n"
        "- Video editing (Camtasia, Adobe Premiere).\n"
    )
    keywords = ["Microsoft Office", "Excel", "Microsoft Word", "PowerPoint", "Video Editing", "Adobe Premiere Pro"]
    statuses = [(k.keyword, k.status) for k in compute_coverage(keywords, [], resume, None, jd).must_have]
    assert ("Excel", "missing") in statuses and ("Microsoft Word", "missing") in statuses
    assert ("PowerPoint", "resume") in statuses
    assert "Adobe Premiere Pro" not in dict(statuses)  # Camtasia met the examples' choice
