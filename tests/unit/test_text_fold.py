"""Radicals a PDF's font drew for ideographs are read as those ideographs (core.facts.text.unify_radicals)."""

from __future__ import annotations

from core.facts.read import read_document
from core.facts.text import unify_radicals


def test_radicals_read_as_the_ideographs_drawn() -> None:
    assert (
        unify_radicals("周⾬桐 武汉⼤学 ⽤⼾⾏为 业务部⻔ 平均时⻓ ⻋险")
        == "周雨桐 武汉大学 用户行为 业务部门 平均时长 车险"
    )
    assert unify_radicals("Plain text, 普通中文 ⻈") == "Plain text, 普通中文 ⻈"  # a component alone stays
    text = "⼯作经历\n字节跳动 ⾼级⼯程师 2020.07-⾄今"
    assert len(unify_radicals(text)) == len(text)  # one character for one: offsets into the text hold


def test_a_pasted_text_with_radicals_is_read() -> None:
    model = read_document("周⾬桐\n⼯作经历\n字节跳动 ⾼级⼯程师 2020.07-⾄今\n• 负责推荐系统\n", "resume")
    assert model.contact.name == "周雨桐"
    assert [(e.org, e.title, e.end) for e in model.experience] == [("字节跳动", "高级工程师", "present")]
