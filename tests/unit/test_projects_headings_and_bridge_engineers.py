"""A heading naming a kind of projects, a scan's wrapped tenure, a bridge engineer's words, an HR generalist's leave.

Pairs: a math teacher's "CURRICULUM PROJECTS" (read as jobs, her pitch said "I work at Desmos Classroom Activity
Series"), a scanned 跨境物流 resume, a bridge engineer's two-column PDF, an HR generalist's sidebar PDF.
"""

from __future__ import annotations

from core.facts.read import read_document
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair, run_offline


def test_a_heading_naming_a_kind_of_projects_opens_projects_not_jobs() -> None:
    doc = read_document(fixture("resume", "math_teacher_to_curriculum_designer_en.txt"), "resume")
    assert [e.org for e in doc.experience] == ["Crockett Ridge High School", "Pflugerville High School"]
    assert "Desmos Classroom Activity Series" in [e.org for e in doc.projects]
    vocab = get_vocabulary()
    assert vocab.section_of("CURRICULUM PROJECTS") == vocab.section_of("Data & Analytics Projects") == "projects"
    assert vocab.section_of("Led two major projects") is None  # a sentence, not a heading
    assert "plc programming" not in doc.skills  # "PLCs": professional learning communities
    pitch = run_offline("math_teacher_to_curriculum_designer_en.txt", "demand_planner.txt", "en")["match"].self_pitch
    assert "I work at Desmos" not in pitch and "Crockett Ridge High School" in pitch


def test_a_scans_tenure_cut_by_a_line_break_is_no_bullet() -> None:
    doc = read_document(fixture("resume", "cross_border_logistics_scan_zh.txt"), "resume")
    second = doc.experience[1]
    assert (second.org, second.title, second.start, second.end) == (
        "东莞市联通达国际货运代理有限公司",
        "操作专员",
        "2018-03",
        "2020-06",
    )  # "2018.03-2020.06 (2年3" + "个月）"
    assert not any("个月" in bullet for bullet in second.bullets)


def test_a_bridge_engineers_words_and_credential_in_brackets() -> None:
    doc, _jd, job = read_pair("bridge_engineer_two_column_en.txt", "bridge_design_lead.txt")
    assert ("Brandywine Structural Group", "Structural Engineer I (EIT)") in [(e.org, e.title) for e in doc.experience]
    assert {"bridge design", "aashto lrfd", "csibridge", "midas civil", "load rating", "bridge inspection"} <= set(
        doc.skills
    )
    assert not {"typescript", "interventional cardiology", "mechanical design"} & set(doc.skills)  # TS&L, PCI
    assert {"bridge design", "aashto lrfd"} <= set(job.must_have)
    status = coverage_status("bridge_engineer_two_column_en.txt", "bridge_design_lead.txt")
    assert status["bridge design"] == status["aashto lrfd"] == "resume"


def test_leave_work_proves_employment_law_and_training_managers_proves_communication() -> None:
    status = coverage_status("hr_generalist_sidebar_en.txt", "hr_business_partner_seattle.txt")
    assert status["labor law"] == "resume"  # "Managed leave of absence (FMLA, WA PFML, ADA accommodations)"
    assert status["communication"] == "resume"  # "trained 37 managers on manager self-service"
