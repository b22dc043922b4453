"""Headings of kinds of experience, academic CVs' sections, dotted degrees, words that mean something else beside
their neighbours, a bullet's wrapped count, a protein scientist's words, and a requirement a choice elsewhere
must not settle.

Pairs written as people in these fields write them: an industrial athletic trainer's PDF ("Clinical & Industrial
Experience"), a structural biologist's two-column CV, an interior designer's navy-sidebar PDF (B.F.A., WELL AP),
an IT auditor moving into GRC (SOC 1 and SOC 2 reports; a posting that names HIPAA among an audit's examples and
again on its own).
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import coverage_status, fixture, read_pair


def test_a_heading_naming_a_kind_of_experience_opens_the_roles() -> None:
    doc = read_document(fixture("resume", "athletic_trainer_industrial_en.txt"), "resume")
    roles = [(e.org, e.title) for e in doc.experience]
    assert roles[0] == ("Sierra Ridge Tire & Rubber", "Industrial Athletic Trainer")
    assert len(roles) == 3 and roles[2][0] == "Boise State University"
    vocab = get_vocabulary()
    assert vocab.section_of("Sales & Leadership Experience") == "experience"
    for posting_heading in ("Required Experience", "Preferred Experience", "Education & Experience", "Your Experience"):
        assert vocab.section_of(posting_heading) != "experience"


def test_a_count_or_lower_case_words_under_a_bullet_end_that_bullet_not_start_a_header() -> None:
    doc = read_document(fixture("resume", "athletic_trainer_industrial_en.txt"), "resume")
    first, second = doc.experience[0], doc.experience[1]
    assert first.bullets[-1].endswith("for 6 job families; 450+ candidates screened")
    assert second.org == "University of Nevada" and second.location == "Reno, NV"
    assert any(b.endswith("(Athletic Trainer System) electronic records") for b in second.bullets)


def test_academic_and_design_headings_are_their_sections() -> None:
    vocab = get_vocabulary()
    expected = {
        "Licenses & Affiliations": "certifications",
        "Tools & Frameworks": "skills",
        "Grants & Awards": "awards",
        "Teaching & Mentoring": "experience",
        "Service": "activities",
        "EXHIBITIONS": "projects",
        "Selected Exhibitions": "projects",
    }
    assert {heading: vocab.section_of(heading) for heading in expected} == expected
    doc = read_document(fixture("resume", "postdoc_structural_biology_cv_en.txt"), "resume")
    assert {"awards", "activities"} <= {s.canonical for s in doc.sections}


def test_dotted_arts_and_architecture_degrees_are_degrees() -> None:
    doc = read_document(fixture("resume", "interior_designer_sidebar_en.txt"), "resume")
    school = doc.education[0]
    assert (school.org, school.degree_level, school.field) == (
        "School of the Art Institute of Chicago",
        "bachelor",
        "Interior Architecture",
    )
    vocab = get_vocabulary()
    for written, level in (("M.F.A. Painting", "master"), ("B.Arch., Cornell", "bachelor"), ("M.S.W.", "master")):
        assert [hit.canonical for hit in vocab.degrees_in(written)] == [level]


def test_words_beside_a_name_say_which_thing_it_names() -> None:
    vocab = get_vocabulary()

    def skills(text: str) -> list[str]:
        return [hit.canonical for hit in vocab.skills_in(text)]

    assert skills("WELL AP — in progress (exp. 2025)") == []
    assert skills("Accounts: AP, AR, GL")[0] == "accounts payable"
    assert "security operations" not in skills("Performed SOC 1 and SOC 2 Type II examinations")
    assert skills("Tier 2 SOC analyst") == ["security operations"]
    assert skills("Sierra Ridge Tire & Rubber, Sparks, NV") == []
    assert skills("Spark, Kafka") == ["apache spark", "kafka"]
    assert skills("Documented treatments in ATS (Athletic Trainer System)") == []
    assert "applicant tracking systems" not in skills("信号系统：CBTC、ATP/ATO/ATS")
    assert "applicant tracking systems" in skills("Sourced in Greenhouse ATS")
    assert skills("Reno, NV • NPI 1538299047") == []
    assert skills("Led NPI for 3 product lines") == ["npi"]
    assert skills("Express and purify proteins at mg scale") == ["protein purification"]
    assert "express" in skills("Node.js, Express, MongoDB")
    doc = read_document(fixture("resume", "athletic_trainer_industrial_en.txt"), "resume")
    assert not {"apache spark", "applicant tracking systems", "npi"} & set(doc.skills)


def test_a_protein_scientists_skills_and_posting_are_read() -> None:
    doc, _jd, job = read_pair("postdoc_structural_biology_cv_en.txt", "protein_engineering_scientist.txt")
    assert {"protein engineering", "directed evolution", "protein expression", "spr", "bli"} <= set(job.must_have)
    assert {"phage display", "ngs", "pymol", "rosetta"} <= set(job.nice_to_have)
    assert "express" not in job.nice_to_have
    assert {"cryo-em", "x-ray crystallography", "pymol", "rosetta", "spr", "bli", "yeast display"} <= set(doc.skills)
    assert "assembly" not in doc.skills  # "Gibson assembly" is molecular cloning
    status = coverage_status("postdoc_structural_biology_cv_en.txt", "protein_engineering_scientist.txt")
    assert status["directed evolution"] == "resume"  # yeast surface display is directed evolution
    assert status["phage display"] == "missing"


def test_a_requirement_named_alone_is_not_settled_by_a_duty_listing_it_among_examples() -> None:
    status = coverage_status("it_auditor_to_grc_en.txt", "grc_analyst_healthcare.txt")
    assert status["hipaa"] == "missing"  # "Working knowledge of NIST CSF, ISO 27001 and HIPAA Security Rule"
    assert status["soc 2"] == "resume"
    jd_model, job = read_job(
        "Data Analyst\nAcme\n\nRequirements\n- Proficiency in Python (pandas, NumPy)\n- Stata and/or R\n"
    )
    doc = read_document("Ana Diaz\n\nSkills\nPython, R\n", "resume")
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd_model)
    shown = {item.keyword for item in [*coverage.must_have, *coverage.nice_to_have]}
    assert not {"pandas", "numpy", "stata"} & shown  # a bracket's examples and an "and/or" stay choices


def test_a_fraud_examiner_and_a_protection_professional_are_certificates_a_posting_asks() -> None:
    _jd, job = read_job(
        "Senior Fraud Investigator\nHalvorsen Freight\n\nRequirements\n"
        "- Certified Fraud Examiner (CFE) certification required\n\nNice to have\n"
        "- Certified Protection Professional (CPP)\n"
    )
    assert "cfe" in job.must_have
    assert "certified protection professional" in job.nice_to_have
    assert "certified payroll professional" not in job.nice_to_have  # the CPP spelled out before it
    payroll = get_vocabulary().certifications_in("CPP, FPC — payroll")
    assert payroll[0].canonical == "certified payroll professional"


def test_a_tables_date_cell_wrapped_over_its_rows_lines_heads_its_row() -> None:
    """tests/data/pdf/table_dates_police_detective.pdf (WeasyPrint, an HTML table: dates in the left cell, title,
    agency and bullets in the right): the narrow date cell wrapped ("Jun 2019 –" / "Present" / "(5+ yrs)") and was
    read as a column of its own, every role losing its dates and "Mar Patrol Officer" made a title."""
    from pathlib import Path

    from core.assets.pdf import extract_text

    data = (Path(__file__).parents[1] / "data" / "pdf" / "table_dates_police_detective.pdf").read_bytes()
    text = extract_text(data).text
    assert "Jun 2019 – Present (5+ yrs) | Detective Sergeant, Financial Crimes Unit" in text
    doc = read_document(text, "resume")
    assert [(e.title, e.start, e.end) for e in doc.experience] == [
        ("Detective Sergeant", "2019-06", "present"),
        ("Detective", "2016-03", "2019-06"),
        ("Patrol Officer", "2012-08", "2016-03"),
    ]
    assert all(e.org == "Pima Valley Police Department" for e in doc.experience)
    assert (
        doc.experience[1].bullets[0].endswith("35 open investigations; 78% clearance rate vs. 52% department average.")
    )
