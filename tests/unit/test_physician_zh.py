"""A Chinese cardiologist's resume and a hospital's posting (tests/data/resume/cardiologist_zh.txt,
tests/data/jd/hangzhou_hospital_cardiology.txt), read in the trade's own words.

Before: "科研与学术" was no heading, so its lines became bullets of his job and "- 科研与学术" one of them; his
licences (医师资格证, 医师执业证, 规培, 主治医师) were not asked by the posting; nothing of coronary intervention,
ECG, echocardiography, the chest pain centre or research was known; the posting's place was "经验" and its
years none ("杭州某三级甲等综合医院 ｜ 杭州·上城区 ｜ 经验 5-10年 ｜ 硕士"); and a skills heading over an unmarked
line came into the tailored list as "技能熟练掌握…".
"""

from __future__ import annotations

import pytest

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline, skills_named

RESUME, POSTING = "cardiologist_zh.txt", "hangzhou_hospital_cardiology.txt"


def test_a_research_heading_ends_the_job_above_it() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert "publications" in [s.canonical for s in doc.sections]
    job = doc.experience[0]
    assert not any("科研" in b or "SCI" in b for b in job.bullets)
    markdown = run_offline(RESUME, POSTING, "zh")["customize"].markdown
    assert "- 科研与学术" not in markdown and "## 科研与学术" in markdown


def test_a_boards_line_of_terms_names_the_employer_the_place_and_the_years() -> None:
    _, job = read_job(fixture("jd", POSTING))
    assert (job.title, job.company, job.location) == ("心血管内科主治医师", "杭州某三级甲等综合医院", "杭州·上城区")
    assert (job.years_required, job.degree_required) == (5, "master")
    assert job.must_have[:3] == ["physician license", "attending physician", "residency certificate"]
    assert {"interventional cardiology", "chest pain center", "academic publishing", "research projects"} <= set(
        job.nice_to_have
    )


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("作为一助参与冠脉造影及 PCI 手术 800+ 台", {"interventional cardiology"}, set()),
        ("Provide care for post-PCI and heart-failure patients", set(), {"interventional cardiology"}),
        ("PCI Express drivers for the capture card", {"pcie"}, {"interventional cardiology", "express"}),
        ("Order and interpret diagnostic tests (X-ray, ECG)", {"electrocardiography"}, {"ray"}),
        ("熟练掌握心电图、动态心电图、心脏超声判读", {"electrocardiography", "echocardiography"}, set()),
    ],
)
def test_a_physicians_words_in_their_own_sense(text: str, wanted: set[str], unwanted: set[str]) -> None:
    found = skills_named(text)
    assert wanted <= found and not unwanted & found


def test_a_skills_heading_over_an_unmarked_line_is_no_item() -> None:
    resume = "周子谦\n技能\n熟练掌握门诊接诊规范、病例汇报技巧、床旁超声判读；英语 CET-6，可阅读英文文献。\n"
    from tests.unit.test_offline_engine import _service_of

    markdown = _service_of(resume, fixture("jd", POSTING), "zh").run()["customize"].markdown
    assert "门诊接诊规范" in markdown and "技能熟练掌握" not in markdown


def test_the_doctor_meets_the_posting_with_his_own_lines() -> None:
    status = coverage_status(RESUME, POSTING)
    held = ("physician license", "attending physician", "residency certificate", "interventional cardiology")
    assert all(status[k] == "resume" for k in held)
    assert status["chest pain center"] == status["academic publishing"] == "resume"
    match = run_offline(RESUME, POSTING, "zh")["match"]
    assert "熟悉主治医师" not in match.self_pitch and "主治医师" in match.self_pitch.split("持有")[1]
    questions = [q.question for q in run_offline(RESUME, POSTING, "zh")["interview"].likely_questions]
    assert not any("执业医师资格证经验" in q for q in questions)  # a licence held is no story to tell
