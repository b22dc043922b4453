"""A JD read once serves the other steps of its click, and no caller can change what the next one gets."""

from __future__ import annotations

from unittest import mock

from core.workbench import offline

JD = """Data Engineer
Requirements:
- Python, Airflow and Spark
- SQL required"""


def test_a_second_read_of_the_same_jd_reuses_the_first_and_hands_out_objects_of_its_own() -> None:
    first_doc, first_job = offline.jd_models(JD)
    first_job.must_have.append("invented")  # a caller changing its copy
    first_doc.lines.clear()
    with mock.patch("core.facts.read.read_job", side_effect=AssertionError("read again")):
        doc, job = offline.jd_models(JD)
    assert job.must_have == ["python", "airflow", "apache spark", "sql"]
    assert doc.lines and doc.lines[0] == "Data Engineer"


def test_another_text_is_read_and_the_cache_stays_bounded() -> None:
    for n in range(offline.JD_CACHE_SIZE + 5):
        offline.jd_models(f"{JD}\n- {n} years of experience")
    assert offline.jd_json.cache_info().currsize == offline.JD_CACHE_SIZE
