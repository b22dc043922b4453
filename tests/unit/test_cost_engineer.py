"""A cost engineer's Chinese resume against a developer's cost manager posting (tests/data/resume/cost_engineer_zh.txt,
tests/data/jd/real_estate_cost_manager_zh.txt), written by a helper in a trade the fixtures lacked.

The vocabulary held 一级 and 二级 of a licence as one certificate, named by its first name: a 二级建造师 met the
posting's "持有一级建造师证书者优先", and the pitch and both intros said "持有…一级建造师". The section "职业资格证书"
was no heading the reader knew: its lines were a role's bullets and the heading a certificate.
"""

from __future__ import annotations

from core.facts.model import DocumentModel
from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

RESUME, POSTING = "cost_engineer_zh.txt", "real_estate_cost_manager_zh.txt"


def _resume() -> DocumentModel:
    return read_document(fixture("resume", RESUME), "resume")


def test_a_licences_grade_is_its_own_certificate() -> None:
    statuses = coverage_status(RESUME, POSTING)
    assert statuses["grade 1 cost engineer"] == "resume"  # "一级造价工程师（土木建筑工程） 2019年取得"
    assert statuses["grade 1 constructor"] == "missing"  # the resume holds 二级建造师


def test_no_output_says_a_grade_the_resume_does_not_hold() -> None:
    steps = run_offline(RESUME, POSTING, "zh")
    said = [steps["match"].self_pitch, steps["interview"].self_intro_1min, steps["interview"].self_intro_3min]
    assert not any("一级建造师" in text for text in said)
    assert any("一级建造师" in gap.gap for gap in steps["match"].gaps)  # a gap, said as one


def test_a_certificates_section_headed_as_qualifications_holds_them() -> None:
    doc = _resume()
    assert doc.certifications == ["一级造价工程师", "二级建造师"]
    assert not any("造价工程师" in bullet for entry in doc.experience for bullet in entry.bullets)


def test_a_higher_grade_meets_a_lower_one_asked_and_not_the_other_way() -> None:
    def status(held: str, asked: str) -> str:
        doc = read_document(f"李娜\n电话：139-0000-0000\n\n证书\n{held}（2020年）\n", "resume")
        jd, job = read_job(f"会计主管\n任职要求：\n1. 本科及以上学历；\n2. 持有{asked}证书；\n")
        coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
        return {item.keyword: item.status for item in coverage.must_have}[job.must_have[0]]

    assert status("高级会计师", "中级会计师") == "resume"
    assert status("初级会计师", "中级会计师") == "missing"
    assert status("二级造价工程师", "一级造价工程师") == "missing"
    assert status("一级注册消防工程师", "注册消防工程师") == "resume"


def test_a_boards_tags_are_no_duty_to_ask_about() -> None:
    """ "工程造价  一级造价工程师  广联达  房地产  结算审核" under "职位描述": the interview asked
    "这项工作在入职前几个月怎样算做得好：工程造价  一级造价工程师…". The tags still name the job's tools
    ("运维开发" is DevOps)."""
    _, job = read_job(fixture("jd", POSTING))
    assert job.responsibilities[0].startswith("负责公司开发项目的目标成本编制")
    prep = run_offline(RESUME, POSTING, "zh")["interview"]
    asked = [prep.model_dump_json(), *(q.question for q in prep.likely_questions), *prep.questions_to_ask]
    assert not any("广联达  房地产" in text for text in asked)
    _, sre = read_job(fixture("jd", "game_sre_zh.txt"))
    assert "Kubernetes  SRE  运维开发  Go  混合云" not in sre.responsibilities and "devops" in sre.nice_to_have
