"""Dates as resumes write them come out as one normal form, and ranges pair across every separator."""

from __future__ import annotations

import pytest

from core.facts.dates import find_dates, find_ranges


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2015.05", "2015-05"),
        ("2015-05", "2015-05"),
        ("2015/05", "2015-05"),
        ("05/2015", "2015-05"),
        ("5/2015", "2015-05"),
        ("May 2015", "2015-05"),
        ("May. 2015", "2015-05"),
        ("Sept 2015", "2015-09"),
        ("September 2015", "2015-09"),
        ("sep 2015", "2015-09"),
        ("2015年5月", "2015-05"),
        ("2015年05月", "2015-05"),
        ("2015 年 5 月", "2015-05"),
        ("2015-05-12", "2015-05"),
        ("May 12, 2015", "2015-05"),
        ("2019", "2019"),
        ("2020年", "2020"),
        ("Jan '19", "2019-01"),
    ],
)
def test_every_format_normalises(text: str, value: str) -> None:
    assert [h.value for h in find_dates(f"Worked there {text} as lead")] == [value]


def test_hit_carries_raw_text_and_offsets() -> None:
    text = "Acme Corp  Sept 2015 – now"
    hit = find_dates(text)[0]
    assert (hit.raw, text[hit.start : hit.end]) == ("Sept 2015", "Sept 2015")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("2019.03 – 2021.06", ("2019-03", "2021-06")),
        ("2019.03—2021.06", ("2019-03", "2021-06")),
        ("2019.03~2021.06", ("2019-03", "2021-06")),
        ("2019-03 - 2021-06", ("2019-03", "2021-06")),
        ("Mar 2019 to Jun 2021", ("2019-03", "2021-06")),
        ("06/2018 - 05/2020", ("2018-06", "2020-05")),
        ("2018 – 2020", ("2018", "2020")),
        ("2018-2020", ("2018", "2020")),
        ("2019 - Present", ("2019", "present")),
        ("Feb 2020–Current", ("2020-02", "present")),
        ("May 2019 to now", ("2019-05", "present")),
        ("2019年3月-至今", ("2019-03", "present")),
        ("2015年9月－2018年6月", ("2015-09", "2018-06")),  # the full-width dash of Chinese input
        ("2019年1月－至今", ("2019-01", "present")),
        ("2011年9月一2015年6月", ("2011-09", "2015-06")),  # OCR reads a dash as 一
        ("2019.03 至今", ("2019-03", "present")),
        ("2017年9月至2021年6月", ("2017-09", "2021-06")),
        ("2015.9 - 2019.6", ("2015-09", "2019-06")),
        ("Mar – Jun 2019", ("2019-03", "2019-06")),
        ("Since 2020", ("2020", "present")),
    ],
)
def test_ranges(text: str, pair: tuple[str, str]) -> None:
    ranges = find_ranges(f"Acme Corp | {text} | Boston")
    assert [(r.start.value, r.end.value) for r in ranges] == [pair]


@pytest.mark.parametrize(
    ("text", "raws", "pair"),
    [
        ("Fall 2023 – Spring 2024", ["Fall 2023", "Spring 2024"], ("2023", "2024")),
        ("Summer 2024", ["Summer 2024"], None),
        ("Autumn 2019 - Present", ["Autumn 2019", "Present"], ("2019", "present")),
        ("Spring semester 2025", ["Spring semester 2025"], None),
        ("Winter '23", ["Winter '23"], None),
    ],
)
def test_a_school_term_is_a_date_of_its_year(text: str, raws: list[str], pair: tuple[str, str] | None) -> None:
    """US students date internships and campus jobs by term; without the term word a range "Fall 2023 – Spring
    2024" was two loose years, and a role dated "Summer 2024" had no date at all."""
    assert [h.raw for h in find_dates(f"Teaching Assistant   {text}")] == raws
    ranges = find_ranges(f"Teaching Assistant   {text}")
    assert [(r.start.value, r.end.value) for r in ranges] == ([pair] if pair else [])


def test_a_place_named_like_a_season_is_no_term() -> None:
    assert [h.raw for h in find_dates("Springfield 2024 | Fallon 2023")] == ["2024", "2023"]


def test_two_ranges_on_one_line_stay_apart() -> None:
    ranges = find_ranges("2015.09-2019.06 本科；2019.09-2022.06 硕士")
    assert [(r.start.value, r.end.value) for r in ranges] == [("2015-09", "2019-06"), ("2019-09", "2022-06")]


@pytest.mark.parametrize(
    "text",
    [
        "served 2000 users",
        "2000个客户",
        "Tel: 138 2019 5678",
        "555-2019-1234",
        "revenue 2015.5万",
        "$2015.5",
        "k8s S3 EC2 p99",
        "GPA 3.8/4.0",
        "2.5 years",
    ],
)
def test_amounts_and_tokens_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_present_word_alone_is_not_a_date() -> None:
    assert find_dates("Present the roadmap to the board now") == []


def test_junk_and_large_input_do_not_raise() -> None:
    assert find_dates("") == []
    junk = "".join(chr(i % 0x3000) for i in range(20000))
    find_ranges(junk)
    big = "2019.03 – 2021.06 led 8 engineers. " * 20000
    assert len(find_ranges(big)) == 20000
