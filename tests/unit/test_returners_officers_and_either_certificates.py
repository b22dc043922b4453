"""An Army officer's two-page PDF whose header cells both wrapped, a returner's resume and returnship posting, an
IT graduate's courses and pending certificates, a mechanic's gearbox, and Chinese postings that accept one of two
certificates or ask a degree only in the board's line of terms."""

from __future__ import annotations

from pathlib import Path

from core.assets.pdf import extract_text
from core.facts.coverage import either_groups
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import fixture

PDF = Path(__file__).parents[1] / "data" / "pdf"


def test_a_header_whose_two_cells_both_wrapped_keeps_its_employer_and_dates() -> None:
    """tests/data/pdf/army_officer_two_cells_wrapped.pdf (WeasyPrint): "Brigade Support Operations Officer (S4
    Forward) — 3rd Sustainment" + "Brigade, U.S. Army" beside "Jun 2022 –" + "Present"; the date was drawn against
    the title ("SustainmentJun 2022"), and the current role was lost from every output."""
    text = extract_text((PDF / "army_officer_two_cells_wrapped.pdf").read_bytes()).text
    assert "3rd Sustainment | Jun 2022 –" in text
    doc = read_document(text, "resume")
    first = doc.experience[0]
    assert (first.org, first.title, first.start, first.end) == (
        "3rd Sustainment Brigade",
        "Brigade Support Operations Officer",
        "2022-06",
        "present",
    )
    assert "Company Commander" in doc.experience[1].title and doc.experience[1].start == "2020-01"
    assert [e.org for e in doc.education][:2] == ["University of Kansas", "Virginia Military Institute"]


def test_board_service_and_military_training_are_their_sections() -> None:
    vocab = get_vocabulary()
    assert vocab.section_of("EDUCATION & MILITARY TRAINING") == "education"
    assert vocab.section_of("Board Service") == "activities"
    assert vocab.section_of("Military Training") == "certifications"


def test_a_returners_tenure_is_no_part_of_her_title_and_a_certificate_still_studied_for_is_not_held() -> None:
    doc = read_document(fixture("resume", "returner_software_engineer_en.txt"), "resume")
    assert doc.experience[0].title == "Software Engineer II"  # "Jan 2016 – Jun 2019 (3.5 yrs)"
    assert "AWS Certified Cloud Practitioner — studying" in doc.certifications
    assert "AWS Cloud Practitioner" not in doc.certifications  # "Completed 'AWS Cloud Practitioner Essentials'"


def test_a_returnship_postings_employer_is_its_own_line_not_its_teams_bracket() -> None:
    _jd, job = read_job(fixture("jd", "returnship_backend_java.txt"))
    assert (job.title, job.company, job.location) == ("Software Engineer", "Keystone Harbor Financial", "Columbus, OH")
    _jd, spotify = read_job("Data Engineer — Personalisation (Spotify, London)\n\nRequirements\n- SQL\n")
    assert (spotify.company, spotify.location) == ("Spotify", "London")


def test_an_academys_numbered_course_and_a_gearbox_are_no_certificates() -> None:
    doc = read_document(
        "Ana Ruiz\n\nCertifications\n- CompTIA A+ (in progress, exam scheduled Jan 2027)\n"
        "- Cisco Networking Academy: CCNA 1 – Introduction to Networks (course completion, Dec 2024)\n",
        "resume",
    )
    assert "CCNA" not in doc.certifications
    vocab = get_vocabulary()
    assert vocab.certifications_in("自动变速箱（AT/CVT）、发动机") == []
    assert [h.canonical for h in vocab.certifications_in("Credentials: CVT (2019)")] == ["cvt"]


def test_one_of_two_certificates_a_chinese_posting_accepts_is_a_choice() -> None:
    jd, _job = read_job(fixture("jd", "eap_consultant_zh.txt"))
    assert frozenset({"psychological counselor", "cps registered psychologist"}) in either_groups(jd)


def test_a_degree_asked_only_in_the_boards_line_of_terms_is_asked() -> None:
    _jd, job = read_job(fixture("jd", "delivery_regional_ops_zh.txt"))
    assert job.degree_required == "bachelor"  # "郑州 | 3-5年 | 本科 | 12-18K·14薪"; the requirements only prefer it


def test_a_dealership_postings_trade_words_are_read() -> None:
    """A 4S店 service manager's posting had kept only 沟通能力 and 团队管理: its certificate, diagnostics, new-energy
    repair and DMS are the trade's words (new skills_automotive.json)."""
    _jd, job = read_job(fixture("jd", "dealership_service_manager_zh.txt"))
    assert {"auto repair technician certificate", "automotive diagnostics", "automotive repair"} <= set(job.must_have)
    assert {"ev repair", "dealer management system"} <= set(job.nice_to_have)
    vocab = get_vocabulary()
    assert [h.canonical for h in vocab.skills_in("熟悉DMS经销商管理系统")] == ["dealer management system"]


def test_undated_projects_are_named_by_their_own_lines_not_their_bullets_wrapped_ends() -> None:
    """A bootcamp graduate's two-column PDF (text as extracted): "• Built a real-time waitlist … during a 2-" +
    "week pilot at a local café" had made "week pilot" a project, and each name's stack line hid the name above it."""
    doc = read_document(fixture("resume", "bootcamp_frontend_two_column_en.txt"), "resume")
    projects = [e for e in doc.entries if e.kind == "project"]
    assert [p.org for p in projects] == ["TableTurn", "Pantry Pal", "Bootcamp capstone: ShiftSwap"]
    assert any(b.endswith("during a 2-week pilot at a local café") for b in projects[0].bullets)
    assert projects[2].bullets[0].endswith("swap requests, responsive layout down to 320 px")
