"""A scanned grid dispatcher's resume and a job board's export of a course consultant's, as Chinese job seekers
send them: a range's dash read by OCR as 一, a sentence's wrapped end with a stray colon, dates alone over "employer，
post→post", a department and post joined by a middle dot, an objective a speck opens with a quote, pay beside a
post, a shift crew led, and course sales that are no fitness sales."""

from __future__ import annotations

from core.facts.read import read_document
from core.facts.vocabulary import get_vocabulary
from core.ocr import tidy_read_line
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair


def test_a_ranges_dash_read_as_one_is_a_dash_again() -> None:
    assert tidy_read_line("2017年3月一至今 | 国网湖南某市供电公司") == "2017年3月—至今 | 国网湖南某市供电公司"
    assert tidy_read_line("2011.07一2017.02 某公司") == "2011.07—2017.02 某公司"
    assert tidy_read_line("于2017年3月一日入职") == "于2017年3月一日入职"  # the first day of March


def test_a_scanned_dispatchers_roles_keep_their_employers_and_posts() -> None:
    doc = read_document(fixture("resume", "grid_dispatcher_scan_zh.txt"), "resume")
    roles = [(e.org, e.title, e.start, e.end) for e in doc.experience]
    assert roles == [
        ("国网湖南某市供电公司", "电力调度控制中心·地区调度员", "2017-03", "present"),
        ("国网湖南某市供电公司变电运维工区", "变电运维工→副站长", "2011-07", "2017-02"),
    ]
    assert len(doc.experience[0].bullets) >= 4  # "…零误调" + "度；：" is no heading that swallows the rest
    assert [s.canonical for s in doc.sections][:2] == ["objective", "experience"]  # "“求职意向：…" is the wish


def test_what_the_user_wants_and_a_crew_led_are_read_as_such() -> None:
    status = coverage_status("grid_dispatcher_scan_zh.txt", "renewables_plant_ops_lead_zh.txt")
    assert status["team management"] == "resume"  # "2022年起任值班长，带班6人"
    vocab = get_vocabulary()
    assert [h.canonical for h in vocab.skills_in("负责带班上课，班级35人")] == ["homeroom management"]
    _doc, _jd, _job = read_pair("grid_dispatcher_scan_zh.txt", "renewables_plant_ops_lead_zh.txt")
    objective = next(s for s in _doc.sections if s.canonical == "objective")
    assert all(index != objective.start for index in _doc.skills.values())  # "光伏电站站长" is wished, not done


def test_a_job_boards_pay_beside_a_post_is_no_part_of_it() -> None:
    doc = read_document(fixture("resume", "course_consultant_boss_export_zh.txt"), "resume")
    assert [(e.org, e.title) for e in doc.experience] == [
        ("郑州启航优学教育科技有限公司", "课程顾问组长"),
        ("河南卓职教育咨询有限公司", "课程顾问"),
        ("郑州新程教育", "电话销售"),  # "郑州新程教育（2023.08-2024.05）" over "电话销售 | 5000元/月"
    ]
    assert not any("元/月" in bullet for e in doc.experience for bullet in e.bullets)


def test_course_sales_are_no_fitness_sales() -> None:
    _doc, _jd, job = read_pair("course_consultant_boss_export_zh.txt", "vocational_course_sales_lead_zh.txt")
    assert "course sales" in job.must_have and "fitness sales" not in job.must_have
    assert "course sales" in get_vocabulary().broader("fitness sales")  # a PT package sold is a course sold
