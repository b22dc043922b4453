"""Numbers come out canonical with their context words; dates, contact details and tokens like k8s do not."""

from __future__ import annotations

import pytest

from core.facts.numbers import chinese_number, find_numbers


def _values(text: str) -> list[str]:
    return [h.value for h in find_numbers(text, is_skill=lambda w: w.lower() in {"python", "java"})]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("grew revenue 40%", "40%", "percent"),
        ("grew revenue 40 percent", "40%", "percent"),
        ("营收提升百分之四十", "40%", "percent"),
        ("raised $2M seed", "2000000", "money"),
        ("raised $2 million seed", "2000000", "money"),
        ("2M monthly users", "2000000", "count"),
        ("2,000,000 monthly users", "2000000", "count"),
        ("营收500万", "5000000", "count"),
        ("年销售额1.2亿元", "120000000", "money"),
        ("budget ¥300K", "300000", "money"),
        ("1.5k stars", "1500", "count"),
        ("Reached 3.4k GitHub stars", "3400", "count"),
        ("Python 3.4k stars", "3400", "count"),
        ("3x faster builds", "3x", "multiplier"),
        ("效率提升3倍", "3x", "multiplier"),
        ("led 8 engineers", "8", "count"),
        ("10+ years", "10", "count"),
        ("cut p95 latency to 120ms", "120", "count"),
        ("Python 3.12 and Django", "3.12", "version"),
        ("Java 17", "17", "version"),
        ("shipped v2.0", "2.0", "version"),
        ("GPA 3.8/4.0", "3.8", "gpa"),
        ("GPA: 9.5/10", "9.5", "gpa"),
        ("带领十二人团队", "12", "count"),
    ],
)
def test_canonical_values(text: str, value: str, kind: str) -> None:
    hits = find_numbers(text, is_skill=lambda w: w.lower() in {"python", "java"})
    assert [(h.value, h.kind) for h in hits] == [(value, kind)]


def test_same_amount_written_three_ways_is_one_value() -> None:
    assert {_values(t)[0] for t in ("$2M", "$2 million", "2,000,000")} == {"2000000"}


def test_raw_keeps_what_was_written() -> None:
    (hit,) = find_numbers("saved $1.2M annually")
    assert (hit.raw, hit.value) == ("$1.2M", "1200000")


@pytest.mark.parametrize(
    "text",
    [
        "k8s S3 EC2 p99 i18n H100 3D Web3 5G",
        "2019.03 – 2021.06",
        "May 2015 - Present",
        "2019年3月-至今",
        "Call +1 (415) 555-0199",
        "手机 13812345678",
        "138 1234 5678",
        "jane99@mail.com",
        "https://github.com/jane99",
        "24/7 on-call",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_english_context_is_singular_lower_case_without_stop_words() -> None:
    (hit,) = find_numbers("Led a team of 8 Engineers across the platforms")
    assert hit.context == ("led", "team", "engineer", "platform")


def test_context_stays_inside_its_clause() -> None:
    hits = find_numbers("Cut costs by 35%; hired 4 analysts")
    assert [h.context for h in hits] == [("cut", "cost"), ("hired", "analyst")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("带领 12 人完成迁移", "人"), ("拆分为12个微服务", "微服务"), ("管理8名工程师", "名工程师")],
)
def test_cjk_context_is_the_neighbouring_characters(text: str, expected: str) -> None:
    (hit,) = find_numbers(text)
    assert any(expected in word for word in hit.context)


def test_chinese_numerals() -> None:
    written = ("四十", "十二", "三百五十", "两万", "一亿二千万")
    assert [chinese_number(t) for t in written] == [40, 12, 350, 20000, 120000000]


def test_never_raises_and_stays_linear() -> None:
    assert find_numbers("") == []
    find_numbers("".join(chr(i % 0x2FFF) for i in range(20000)))
    assert len(find_numbers("led 8 engineers; " * 20000)) == 20000
