"""Three ways a role's header spreads over lines (tests/data/resume/payments_pm_beijing_en.txt): "Title — Team" over
"Firm Co., Ltd. | City" over the dates; a title over a firm whose name ends in its legal form's full stop; a dated
title line with its employer alone on the line under it, after a role whose employer stood over its title."""

from __future__ import annotations

from core.facts.read import read_document
from tests.unit.fixture_pairs import fixture


def test_each_role_has_its_own_employer_and_title() -> None:
    doc = read_document(fixture("resume", "payments_pm_beijing_en.txt"), "resume")
    assert [(e.org, e.title, e.start, e.location) for e in doc.experience] == [
        ("Qianhai Liantong Pay Technology Co", "Senior Product Manager, Payments Platform", "2021-03", "Beijing"),
        ("Beijing Yunshu Interactive Technology Co", "Product Manager", "2018-07", "Beijing"),
        ("Hua'an Digital Bank (Innovation Lab)", "Associate Product Manager", "2017-07", "Shenzhen"),
    ]
    assert [len(e.bullets) for e in doc.experience] == [5, 3, 1]


def test_a_labelled_client_line_is_no_employer() -> None:
    doc = read_document(fixture("resume", "india_sde_en.txt"), "resume")
    assert ("Infosys Limited", "Software Engineer") in [(e.org, e.title) for e in doc.experience]
