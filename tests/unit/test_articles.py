"""A job title inside an English sentence takes its article (core.offline.articles): the offline pitch said "I'm
Staff Nurse, Telemetry Unit at Memorial Hermann Hospital." and "I'm Freelance Instructional Designer."."""

from __future__ import annotations

import pytest

from core.offline.articles import with_article
from tests.unit.fixture_pairs import run_offline


@pytest.mark.parametrize(
    ("title", "spoken"),
    [
        ("Staff Nurse, Telemetry Unit", "a Staff Nurse, Telemetry Unit"),
        ("Account Executive", "an Account Executive"),
        ("SRE", "an SRE"),
        ("HR Business Partner", "an HR Business Partner"),
        ("UX Designer", "a UX Designer"),
        ("University Lecturer", "a University Lecturer"),
        ("European Sales Manager", "a European Sales Manager"),
        ("Honorary Research Fellow", "an Honorary Research Fellow"),
        ("LEAD NURSE", "a LEAD NURSE"),
        ("ICU NURSE", "an ICU NURSE"),
        ("Head of Growth", "Head of Growth"),
        ("CEO & Co-founder", "CEO & Co-founder"),
        ("Owner", "Owner"),
        ("高级工程师", "高级工程师"),
    ],
)
def test_a_title_is_said_with_its_article(title: str, spoken: str) -> None:
    assert with_article(title, "en") == spoken


def test_chinese_sentences_take_the_title_as_written() -> None:
    assert with_article("Staff Nurse", "zh") == "Staff Nurse"


def test_the_pitch_and_the_introduction_say_what_the_person_is() -> None:
    out = run_offline("nurse_en.txt", "indeed_nurse.txt", "en")
    assert "I'm a Staff Nurse, Telemetry Unit at Memorial Hermann Hospital." in out["match"].self_pitch
    intro = out["interview"].self_intro_3min
    assert "At St. Luke's Health, as a Staff Nurse, Medical-Surgical Unit (2020-06 – 2022-02):" in intro
