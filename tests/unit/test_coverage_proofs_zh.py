"""What a Chinese resume's plain sentences prove: a team counted before its name, working under pressure, and a
driving licence's class (a car's C1 is no truck driver's A2)."""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage

RESUME = """张伟
电话：138-0000-1234

工作经历
2019.07-至今  上海捷达物流有限公司  站点主管
- 管理配送员、仓管等共18人团队，负责日均3000单的配送
- 能适应高强度工作，旺季连续30天无差错

证书
机动车驾驶证C1
"""

POSTING = """站点经理 | 上海 | 3-5年 | 大专 | 10-15K
任职要求：
1. 3年以上物流站点管理经验；
2. 具备团队管理能力，抗压能力强；
3. {licence}。
"""


def statuses(licence: str) -> dict[str, str]:
    jd, job = read_job(POSTING.format(licence=licence))
    coverage = compute_coverage(job.must_have, job.nice_to_have, read_document(RESUME, "resume"), None, jd)
    return {item.keyword: item.status for item in [*coverage.must_have, *coverage.nice_to_have]}


def test_a_team_counted_before_its_name_and_hard_work_endured_are_proven() -> None:
    found = statuses("持有C1驾照")
    assert found["team management"] == "resume"  # "管理配送员、仓管等共18人团队"
    assert found["adaptability"] == "resume"  # "能适应高强度工作" answers "抗压能力强"


def test_a_car_licence_proves_a_car_licence() -> None:
    assert statuses("持有C1驾照")["driver's license"] == "resume"


def test_a_car_licence_is_no_heavy_vehicle_licence() -> None:
    for asked in ("持有A2驾驶证", "B2及以上驾照", "驾照A2，5年以上驾龄"):
        found = statuses(asked)
        assert found.get("cdl") == "missing", (asked, found)
