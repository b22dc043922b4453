"""A Chinese CRA's PDF, a 口腔 surgeon's scan with a 规培 section, and a posting that prefers after a comma.

tests/data/resume/clinical_monitor_cra_zh.txt: "苏州康衡医药科技有限公司（CRO） | 2021.04-至今" over
"临床监查员 CRA II | 肿瘤事业部" had lost her title (the business in brackets was read as a second field), and
"AE/SAE上报" and "Veeva Vault eTMF" were After Effects and HashiCorp Vault.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from tests.unit.fixture_pairs import fixture


def test_a_cros_business_in_brackets_leaves_the_title_under_it() -> None:
    doc = read_document(fixture("resume", "clinical_monitor_cra_zh.txt"), "resume")
    assert [(e.org, e.title) for e in doc.experience] == [
        ("苏州康衡医药科技有限公司", "临床监查员"),
        ("上海瑞新医学研究有限公司", "临床监查员"),  # "临床研究协调员（CRC）→ 临床监查员 CRA I": the post she rose to
    ]
    assert {"adverse event reporting", "veeva vault", "ctms", "medidata rave"} <= set(doc.skills)
    assert not {"after effects", "hashicorp vault", "veeva crm"} & set(doc.skills)


def test_a_residency_section_holds_a_hospital_not_a_school() -> None:
    doc = read_document(fixture("resume", "dental_implant_surgeon_scan_zh.txt"), "resume")
    assert [e.org for e in doc.education] == ["中山大学光华口腔医学院"]  # "规范化培训" is a heading, no school
    assert ("广东省口腔医院", "住院医师规范化培训") in [(e.org, e.title) for e in doc.experience]
    implants = doc.experience[1].bullets[0]
    assert implants.endswith("上颌窦内提升42例、外提升11例、GBR骨增量90余例")  # a scan's full line cut "外提" / "升"


def test_a_chinese_preference_after_a_comma_leaves_the_clause_before_it_required() -> None:
    _jd, job = read_job(fixture("jd", "government_affairs_manager_zh.txt"))
    assert job.degree_required == "bachelor"  # "本科及以上学历,公共管理、经济学、法学等相关专业优先"
    assert "government relations" in job.must_have  # "5年以上政府事务相关工作经验,有发改…工作经历者优先"
    _jd, english = read_job("Analyst\nAcme\n\nRequirements\n- Experience with Kafka, Flink or Spark is a plus\n")
    assert not {"kafka", "apache flink", "apache spark"} & set(english.must_have)  # one preference, not two asks
