"""China's nursing titles (护师 < 主管护师 < 副主任护师 < 主任护师) are credentials a posting asks for:
"具有主管护师及以上职称" is a requirement, and a nurse still sitting the exam ("主管护师资格考试：2027年备考中
（尚未取得）") is told so first."""

from __future__ import annotations

from core.facts.read import read_job
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME = "icu_nurse_lead_zh.txt"
JD = "nursing_supervisor_zh.txt"


def test_the_supervisor_nurse_title_a_posting_asks_for_is_a_requirement() -> None:
    _, job = read_job(fixture("jd", JD))
    assert job.must_have[:2] == ["nurse license", "supervisor nurse title"]
    _, junior = read_job(fixture("jd", "wuhan_icu_nurse_zh.txt"))  # "具有护师及以上职称"
    assert "nurse title" in junior.must_have


def test_a_title_still_studied_for_is_the_first_gap_and_a_junior_one_is_held() -> None:
    statuses = coverage_status(RESUME, JD)
    assert statuses["supervisor nurse title"] == "missing" and statuses["nurse license"] == "resume"
    assert coverage_status("icu_nurse_zh.txt", "wuhan_icu_nurse_zh.txt")["nurse title"] == "resume"  # 护师资格证
    match = run_offline(RESUME, JD, "zh")["match"]
    assert match.gaps[0].gap.startswith("岗位要求主管护师，你的材料显示尚在考取中")


def test_a_team_leaders_title_proves_team_management() -> None:
    """The title "责任护士 → 护理组长（2024.03起）": the posting's 团队管理 was a gap for a nurse who leads a group;
    a 店长 and a "Shift Supervisor" lead teams too, a 招聘主管 need not."""
    assert coverage_status(RESUME, JD)["team management"] == "resume"
    from core.facts.read import read_document
    from core.workbench.coverage import compute_coverage

    def proof(text: str) -> str | None:
        return compute_coverage(["team management"], [], read_document(text, "resume"), None, None).must_have[0].proof

    shift = "Ana Ruiz\n\nEXPERIENCE\nShift Supervisor, Starbucks, Tampa, FL   2014 – 2016\n- Opened the store\n"
    assert proof(shift) == "Shift Supervisor, Starbucks, Tampa, FL   2014 – 2016"
    assert proof("王芳\n\n工作经历\n2020.03-至今  某科技有限公司  招聘主管\n· 负责技术岗位招聘\n") is None
