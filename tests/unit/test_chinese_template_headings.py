"""A Chinese template's own ways with headings and dates: "证书 & 荣誉" joins two known headings as "证书与荣誉" does,
and a role's length after its dates ("2015.07 - 2017.02（1年8个月）") is neither an employer nor a title."""

from __future__ import annotations

from core.facts.read import read_document
from core.facts.vocabulary import get_vocabulary

SIDEBAR = """罗嘉铭
核心技能
行业：SaaS、HR科技、制造业数字化
证书 & 荣誉
2022年度 全国销冠（TOP 1/86）
PMP项目管理专业人士认证（2019.06）
语言
英语（CET-6，可作为工作语言）
"""

ROLES = """工作经历
北京简道易通信息技术有限公司 ｜ 高级客户经理
2017.03 - 2020.06 ｜ 上海
· 负责制造业、零售行业KA客户，3年累计签约1,900万元，续费率92%
苏州华瑞办公设备有限公司 ｜ 销售代表
2015.07 - 2017.02（1年8个月） ｜ 苏州
· 负责苏州工业园区企业客户开拓，累计新签客户60余家
"""


def test_a_heading_joined_by_an_ampersand_or_slash_opens_its_section() -> None:
    vocab = get_vocabulary()
    headings = ("证书 & 荣誉", "证书&荣誉", "证书 / 荣誉", "证书和荣誉")
    assert {vocab.section_of(heading) for heading in headings} == {"certifications"}
    doc = read_document(SIDEBAR, "resume")
    assert [s.canonical for s in doc.sections] == ["skills", "certifications", "languages"]
    assert "证书" not in "".join(doc.lines[i] for i in doc.section_lines("skills")[1:])  # no heading glued on
    assert doc.certifications[0] == "PMP"


def test_a_roles_length_after_its_dates_is_no_employer() -> None:
    doc = read_document(ROLES, "resume")
    assert [(e.org, e.title, e.start, e.location) for e in doc.experience] == [
        ("北京简道易通信息技术有限公司", "高级客户经理", "2017-03", "上海"),
        ("苏州华瑞办公设备有限公司", "销售代表", "2015-07", "苏州"),
    ]
    assert doc.experience[0].bullets == ["负责制造业、零售行业KA客户，3年累计签约1,900万元，续费率92%"]
