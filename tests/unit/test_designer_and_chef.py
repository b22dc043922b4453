"""A brand designer (tests/data/resume/brand_designer_en.txt) against a consumer brand's posting
(tests/data/jd/lumen_loam_brand_designer.txt), and a chef (tests/data/resume/chef_de_cuisine_en.txt) against a
hotel's executive sous chef posting (tests/data/jd/lakeshore_executive_sous_chef.txt).

Before: "Freelance Designer, Self-employed" under two roles at one firm was a third role there; "BFA, Graphic
Design — Pacific Northwest College of Art" had no field; the posting's packaging and print production were no
keywords, and "packaging for new product launches" asked for a go-to-market strategy. The chef's "HACCP Certified
(International HACCP Alliance)" was no certificate, "Spanish (fluent)" did not meet "Bilingual English/Spanish", and
"banquet execution" asked for execution. Names set in capitals read "Okonkwo-hale" and 'Daniel "danny" Reyes'.
"""

from __future__ import annotations

from core.facts.coverage import asked_languages
from core.facts.read import read_document, read_job
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

DESIGNER, BRAND = "brand_designer_en.txt", "lumen_loam_brand_designer.txt"
CHEF, HOTEL = "chef_de_cuisine_en.txt", "lakeshore_executive_sous_chef.txt"


def test_freelance_work_under_a_firms_roles_is_for_no_one() -> None:
    doc = read_document(fixture("resume", DESIGNER), "resume")
    assert [(e.org, e.title) for e in doc.experience][2] == ("", "Freelance Designer")
    assert (doc.education[0].title, doc.education[0].field) == ("BFA", "Graphic Design")


def test_the_designers_posting_asks_for_packaging_and_print_production() -> None:
    _, job = read_job(fixture("jd", BRAND))
    assert {"packaging design", "print production"} <= set(job.must_have)
    assert "go-to-market strategy" not in {*job.must_have, *job.nice_to_have}
    status = coverage_status(DESIGNER, BRAND)
    assert status["packaging design"] == status["print production"] == status["brand guidelines"] == "resume"


def test_the_chefs_certificates_and_spanish() -> None:
    doc = read_document(fixture("resume", CHEF), "resume")
    assert {"HACCP Certified", "ServSafe Food Protection Manager"} <= set(doc.certifications)
    _, job = read_job(fixture("jd", HOTEL))
    assert "execution" not in {*job.must_have, *job.nice_to_have}
    assert coverage_status(CHEF, HOTEL)["multilingual communication"] == "resume"


def _bilingual(resume: str, posting: str) -> str:
    doc = read_document(resume, "resume")
    jd, job = read_job(posting)
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    return next(
        k.status for k in [*coverage.must_have, *coverage.nice_to_have] if k.keyword == "multilingual communication"
    )


def test_a_second_language_counts_at_a_working_level_and_where_the_posting_names_it() -> None:
    posting = "Dental Hygienist\nSmile Co\nRequirements\n- Bilingual English/Spanish a plus\n"
    assert asked_languages(read_job(posting)[0]) == {"spanish"}
    resume = "EXPERIENCE\nHygienist, Smile Co, 2019 – 2024\n- Cleaned teeth\nLANGUAGES\n"
    assert _bilingual(resume + "English (native), Spanish (fluent)\n", posting) == "resume"
    assert _bilingual(resume + "English (native), Spanish (conversational)\n", posting) == "missing"
    assert _bilingual(resume + "English (native), German (fluent)\n", posting) == "missing"
    assert _bilingual(resume + "English (native)\n", posting) == "missing"


def test_a_name_set_in_capitals_is_spoken_with_its_hyphen_and_quotes() -> None:
    assert run_offline(DESIGNER, BRAND, "en")["match"].self_pitch.startswith("Hello, I'm Maya R. Okonkwo-Hale.")
    assert run_offline(CHEF, HOTEL, "en")["match"].self_pitch.startswith('Hello, I\'m Daniel "Danny" Reyes.')


def test_a_title_set_in_capitals_is_named_as_a_sentence_names_it() -> None:
    """The pitch said "the EXECUTIVE SOUS CHEF role", and the history listed it so."""
    _, job = read_job(fixture("jd", HOTEL))
    assert job.title == "Executive Sous Chef"
    assert (
        "the Executive Sous Chef role at The Lakeshore Grand Hotel"
        in run_offline(CHEF, HOTEL, "en")["match"].self_pitch
    )
    assert read_job("VP OF SALES\nAcme Corp\nRequirements\n- Sales\n")[1].title == "VP of Sales"


def test_a_second_language_asked_at_a_working_level_is_a_keyword_and_met_by_that_language() -> None:
    """ "Fluent Spanish required" and "英语可作为工作语言" asked for nothing; "Bilingual English/German" met a posting
    that names Spanish; "英语CET-6（586分），可作为工作语言" (no word boundary before "CET") was no level."""
    posting = "Dental Hygienist\nSmile Co\nRequirements\n- Fluent Spanish required\n"
    assert read_job(posting)[1].must_have == ["multilingual communication"]
    assert "multilingual communication" in read_job(fixture("jd", "fpa_manager_zh.txt"))[1].must_have
    resume = "EXPERIENCE\nHygienist, Smile Co, 2019 – 2024\n- Cleaned teeth\nSKILLS\n"
    assert _bilingual(resume + "Bilingual English/German\n", posting) == "missing"
    assert _bilingual(resume + "Bilingual English/Spanish\n", posting) == "resume"
    assert _bilingual(resume + "English (native) · Spanish (conversational)\n", posting) == "missing"
    assert coverage_status("auditor_zh.txt", "fpa_manager_zh.txt")["multilingual communication"] == "resume"


def _questions(posting: str, lang: str) -> list[str]:
    from tests.unit.test_offline_engine import Service

    jd, job = read_job(posting)
    doc = read_document(fixture("resume", "nurse_en.txt" if lang == "en" else "warehouse_zh.txt"), "resume")
    return [q.question for q in Service(doc, None, jd, job, lang).run()["interview"].likely_questions]


def test_a_missing_language_is_asked_about_by_the_name_the_posting_gives_it() -> None:
    """The interview asked "This role needs Multilingual Communication. How would you get up to speed?": a language
    is spoken or not, and the posting had named it (Spanish, 英语)."""
    posting = "Staff Nurse\nSmile Health\nRequirements\n- Fluent Spanish required\n- Patient education\n"
    questions = _questions(posting, "en")
    assert not any("ultilingual" in q for q in questions)
    assert questions[0] == "Why are you interested in the Staff Nurse role at Smile Health?"  # was "in Staff Nurse"
    assert "This role asks you to work in Spanish. What is your level, and where have you used it?" in questions
    posting = "Staff Nurse\nSmile Health\nRequirements\n- Bilingual candidates preferred; 2 years of ICU nursing\n"
    assert not any("ultilingual" in q for q in _questions(posting, "en"))
    posting = "仓储主管\n某某物流\n任职要求\n1、英语可作为工作语言\n2、三年以上仓储管理经验\n"
    assert "这个岗位需要用英语工作，你的水平如何？在哪些场合用过？" in _questions(posting, "zh")
