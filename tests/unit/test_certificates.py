"""Certificates and licences: held or only worked towards, asked for by a posting, and never claimed beyond what
the documents say (tests/data/resume/staff_accountant_en.txt is a "CPA Candidate (passed FAR, AUD; REG scheduled)"
applying to a posting that requires an active CPA license)."""

from __future__ import annotations

import pytest

from core.facts.cert_status import in_short, pending_flags, pending_only
from core.facts.coverage import cover
from core.facts.grounding import check
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.test_offline_engine import _fixture, _service_of


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CPA Candidate (passed FAR, AUD; REG scheduled)", [("cpa", True)]),
        ("中国注册会计师CPA（专业阶段已通过6科：会计、审计）", [("cpa", True), ("cpa", True)]),
        ("ACCA（已通过9门：BT、MA、FA）", [("acca", True)]),
        ("执业药师（药学类）：已通过“药学专业知识（一）”等2门，其余2门备考中", [("licensed pharmacist", True)]),
        ("CFA 二级候选人（2023年8月通过一级）", [("cfa", True)]),
        ("CFA Level III, CFA charterholder since 2020", [("cfa", False), ("cfa", False)]),
        ("SHRM-CP (exam scheduled March)", [("shrm-cp", True)]),
        ("AWS Certified Solutions Architect – Associate (expired 2022)", [("aws certified solutions architect", True)]),
        ("toward my Texas Master Electrician license.", [("master electrician license", True)]),
        ("RDA 71530 – lapsed 2019", [("rda", True)]),
        ("CPA Exam (Ohio): FAR – passed 08/2023", [("cpa", True)]),
        ("已通过国家统一法律职业资格考试", [("legal professional qualification", False)]),
        ("Certified Public Accountant (CPA), Ohio, 2019", [("cpa", False), ("cpa", False)]),
        ("CPR/BLS (American Heart Association, exp. 2026)", [("cpr", False), ("bls", False)]),
        ("PMP certified, managing candidate pipelines", [("pmp", False)]),
        ("CKA（Certified Kubernetes Administrator）    已获得    2023.05", [("cka", False), ("cka", False)]),
        (
            "● Family Nurse Practitioner – Board Certified (FNP-BC), ANCC – exam scheduled August 2024",
            [("fnp board certification", True)],
        ),
        (
            "● APRN-CNP – Ohio Board of Nursing – application submitted 06/2024, APRN license pending",
            [("aprn license", True), ("aprn license", True)],
        ),
        ("- NALA Certified Paralegal (CP) exam — scheduled November", [("nala cp", True)]),
        ("● TKT（剑桥英语教学能力认证）Module 1、2 已通过，Module 3 备考中", [("tkt", True), ("tkt", True)]),
        ("CKA, CKAD (expired)", [("cka", False), ("ckad", True)]),
        ("PMP certified; led 4 projects, all pending review", [("pmp", False)]),
        ("汽车营销师（四级）", [("automotive marketer", False)]),
        # Five helpers' resumes (2026-12-07): each was read as held.
        ("在考：CFP国际金融理财师（已通过投资规划、税务规划两个模块，预计2025年完成）", [("cfp", True), ("cfp", True)]),
        ("- 正在备考：SHRM-CP（计划2025年春季考试）", [("shrm-cp", True)]),
        ("软考中级 软件设计师（备考中，2024年11月参考）", [("ruankao", True), ("ruankao", True)]),
        ("- APICS CPIM Part 1 (passed 2023)", [("cpim", True)]),
        (
            "ACRP Certified Clinical Research Associate (CCRA) – coursework completed, exam expected 2027",
            [("acrp certified clinical research associate", True)],
        ),
        (
            "- ASHP Pharmacy Informatics Certificate – coursework completed; capstone expected 2026",
            [("ashp pharmacy informatics certificate", True)],
        ),
        ("AFP金融理财师（2019年）", [("afp", False), ("afp", False)]),
    ],
)
def test_a_certificate_named_as_worked_towards_is_not_held(line: str, expected: list[tuple[str, bool]]) -> None:
    hits = get_vocabulary().certifications_in(line)
    assert [(h.canonical, flag) for h, flag in zip(hits, pending_flags(line, hits), strict=True)] == expected


def test_a_firm_or_a_job_title_is_no_certificate() -> None:
    """ "a regional CPA firm" and "Brennan & Holt CPAs, LLC" name no one's licence; "高级审计师" under an employer
    is a title, "中级审计师资格" the qualification."""
    vocab = get_vocabulary()
    for line in ("Three years at a regional CPA firm", "Brennan & Holt CPAs, LLC – Columbus, OH",
                 "审计部 | 审计员 → 高级审计师（2021.09-2024.06）", "配合外部审计师（安永）年报审计",
                 "用 Python 开发资源巡检与证书到期检查工具"):  # fmt: skip
        assert vocab.certifications_in(line) == [], line
    assert [h.canonical for h in vocab.certifications_in("中级审计师资格（2020年）")] == ["auditor qualification"]
    assert vocab.find_term("CPA", "Regional CPA firm, 4 offices, ~90 professionals") is None
    auditor = read_document(_fixture("resume", "auditor_zh.txt"), "resume")
    assert "审计师" not in auditor.certifications


def test_the_reader_keeps_the_words_that_say_a_certificate_is_not_held() -> None:
    accountant = read_document(_fixture("resume", "staff_accountant_en.txt"), "resume")
    assert accountant.certifications == ["CPA Candidate"]
    auditor = read_document(_fixture("resume", "auditor_zh.txt"), "resume")
    assert "初级会计师" in auditor.certifications
    assert any(c.startswith("中国注册会计师CPA（专业阶段已通过6科") for c in auditor.certifications)
    assert "CPA" not in auditor.certifications
    electrician = read_document(_fixture("resume", "electrician_en.txt"), "resume")
    assert "Journeyman Electrician License" in electrician.certifications  # as the licences section writes it
    # the licences section's own note, not the summary's first words on it ("toward my Texas Master Electrician…")
    assert "Master Electrician (Texas) - IN PROGRESS" in electrician.certifications
    assert pending_only([electrician], get_vocabulary()) == {
        "master electrician license": "toward my Texas Master Electrician license"
    }


def test_a_posting_asks_for_its_licences_first() -> None:
    _, accountant = read_job(_fixture("jd", "brightwave_senior_accountant.txt"))
    assert accountant.must_have[0] == "cpa"
    _, hygienist = read_job(_fixture("jd", "summit_dental_hygienist.txt"))
    assert hygienist.must_have[:2] == ["rdh", "local anesthesia permit"]
    assert "nitrous oxide permit" in hygienist.nice_to_have
    _, researcher = read_job(_fixture("jd", "new_energy_researcher_zh.txt"))  # "持有CFA、CPA证书者优先"
    assert researcher.must_have[0] == "fund qualification" and researcher.nice_to_have[:2] == ["cfa", "cpa"]
    _, foreman = read_job(_fixture("jd", "ironbridge_electrician_foreman.txt"))
    assert {"journeyman electrician license", "osha 30", "driver's license"} <= set(foreman.must_have)
    assert "master electrician license" in foreman.nice_to_have


def test_coverage_counts_a_certificate_worked_towards_as_missing() -> None:
    accountant = read_document(_fixture("resume", "staff_accountant_en.txt"), "resume")
    assert [p.status for p in cover(["CPA", "NetSuite"], accountant, None)] == ["missing", "resume"]
    licensed = read_document("Jane Doe\nCERTIFICATIONS\nCPA (Ohio), 2019\n", "resume")
    assert [p.status for p in cover(["CPA"], licensed, None)] == ["resume"]


def test_an_output_that_claims_a_certificate_the_documents_only_work_towards_is_flagged() -> None:
    accountant = read_document(_fixture("resume", "staff_accountant_en.txt"), "resume")
    flags = check("- CPA with 5+ years of public accounting experience", [accountant])
    assert [(f.kind, f.token, f.says) for f in flags] == [("certification", "CPA", "CPA Candidate")]
    assert check("- CPA Candidate (FAR and AUD passed)", [accountant]) == []
    assert check("- Pursuing CPA licensure; FAR and AUD passed", [accountant]) == []
    auditor = read_document(_fixture("resume", "auditor_zh.txt"), "resume")
    assert [f.token for f in check("- 持有CPA证书", [auditor])] == ["CPA"]
    assert check("- 中国注册会计师CPA（专业阶段已通过6科）", [auditor]) == []


def test_the_offline_engine_says_a_licence_is_in_progress_and_keeps_it_so() -> None:
    service = _service_of(
        _fixture("resume", "staff_accountant_en.txt"), _fixture("jd", "brightwave_senior_accountant.txt"), "en"
    )
    out = service.run()
    gaps = [gap.gap for gap in out["match"].gaps]
    assert gaps[0] == "CPA is required; your documents show it in progress: “CPA Candidate”"
    assert not any(strength.startswith("CPA") for strength in out["match"].strengths)
    assert check(out["customize"].markdown, [service.resume], service.job) == []
    chain = _service_of(_fixture("resume", "supply_chain_en.txt"), _fixture("jd", "xhs_ops.txt"), "en")
    markdown = chain.run()["customize"].markdown  # "Other: …, Lean Six Sigma Green Belt (in progress)"
    assert "Lean Six Sigma Green Belt (in progress)" in markdown
    assert check(markdown, [chain.resume], chain.job) == []


def test_a_pitch_holds_its_licences_and_a_title_proves_none() -> None:
    """tests/data/resume/equity_research_zh.txt: the pitch said "熟悉基金从业资格、估值" (familiar with a licence).
    tests/data/resume/electrician_en.txt: the posting's journeyman licence was proven by the headline "Journeyman
    Electrician - Commercial / Tenant Improvement" (a title), and "Forklift / Powered Industrial Truck Operator
    (2023)" in the licences was no forklift licence."""
    analyst = _service_of(
        _fixture("resume", "equity_research_zh.txt"), _fixture("jd", "new_energy_researcher_zh.txt"), "zh"
    ).run()
    assert "持有基金从业资格。熟悉估值" in analyst["match"].self_pitch
    electrician = _service_of(
        _fixture("resume", "electrician_en.txt"), _fixture("jd", "ironbridge_electrician_foreman.txt"), "en"
    ).run()
    strengths = electrician["match"].strengths
    licence = next(s for s in strengths if s.startswith("Journeyman Electrician License"))
    assert "Texas Journeyman Electrician License - TDLR Lic. No. 187342" in licence  # the licence's own line
    assert not any("Forklift" in gap.gap for gap in electrician["match"].gaps)
    assert " I hold a Journeyman Electrician License" in electrician["match"].self_pitch


def test_an_interview_asks_how_far_a_licence_in_progress_is_and_a_gap_quotes_it_short() -> None:
    """The staff accountant was asked "This role needs CPA. How would you get up to speed?". A long line of a
    licence's status is quoted by its name and the words that say it is not held."""
    service = _service_of(
        _fixture("resume", "staff_accountant_en.txt"), _fixture("jd", "brightwave_senior_accountant.txt"), "en"
    )
    questions = [q.question for q in service.run()["interview"].likely_questions]
    assert "This role needs CPA. Where do you stand, and when will you have it?" in questions
    assert in_short("AWS Certified Solutions Architect – Associate (expired 2022)") == (
        "AWS Certified Solutions Architect – Associate…(expired 2022)"
    )
    assert in_short("ACCA（已通过9门：BT、MA、FA、LW、PM、TX、FR、AA、FM）", 12) == "ACCA（已通过9门…"
    electrician = read_document(_fixture("resume", "electrician_en.txt"), "resume")
    listed = "Master Electrician (Texas) - IN PROGRESS; exam prep underway, target test date fall 2025"
    hits = get_vocabulary().certifications_in(listed, listed=True)
    assert pending_flags(listed, hits) == [True]
    assert "Powered Industrial Truck Operator" in electrician.certifications


def test_licences_new_trades_ask_for_and_hold() -> None:
    """tests/data/jd/meridian_urgent_care_np.txt requires FNP board certification, an APRN licence and DEA
    registration (its "Required:" label opened no section before); tests/data/resume/nurse_practitioner_en.txt has
    the first two pending. tests/data/jd/whitcombe_litigation_paralegal.txt requires an ABA-approved paralegal
    certificate. "汽车营销师（四级）" is a trade level, not CET-4 (tests/data/resume/auto_sales_zh.txt)."""
    _, np_job = read_job(_fixture("jd", "meridian_urgent_care_np.txt"))
    assert np_job.must_have[:3] == ["fnp board certification", "aprn license", "dea registration"]
    assert np_job.company == "Meridian Valley Health"
    nurse = read_document(_fixture("resume", "nurse_practitioner_en.txt"), "resume")
    # TNCC "— expired" too, since the vocabulary knows it
    assert set(pending_only([nurse], get_vocabulary())) == {"fnp board certification", "aprn license", "tncc"}
    _, paralegal = read_job(_fixture("jd", "whitcombe_litigation_paralegal.txt"))
    assert paralegal.must_have[0] == "paralegal certificate" and "relativity" in paralegal.must_have
    assert paralegal.company == "Whitcombe Sterling & Pryor LLP" and paralegal.years_required == 5
    seller = read_document(_fixture("resume", "auto_sales_zh.txt"), "resume")
    assert "四级" not in seller.certifications and "english" not in seller.languages
    # as its "证书 / 技能" section writes them (the summary says "持C1驾照")
    assert {"二手车评估师", "汽车营销师", "C1驾驶证"} <= set(seller.certifications)


def test_a_registered_nurse_licence_line_is_the_nurse_licence_a_posting_asks_for() -> None:
    """tests/data/resume/nurse_en.txt lists "Registered Nurse, Texas Board of Nursing, License #912345" under
    LICENSES; tests/data/jd/indeed_nurse.txt requires a "Current Texas RN license". The gap said the licence "is
    required but not shown in your documents". A "Registered Nurse" heading a job or a posting is no licence."""
    from tests.unit.fixture_pairs import coverage_status

    assert coverage_status("nurse_en.txt", "indeed_nurse.txt")["nurse license"] == "resume"
    assert coverage_status("nurse_practitioner_en.txt", "indeed_nurse.txt")["nurse license"] == "resume"
    vocab = get_vocabulary()
    licence = "Registered Nurse – Ohio Board of Nursing, License No. 4"
    assert [h.canonical for h in vocab.certifications_in(licence)] == ["nurse license"]
    assert vocab.certifications_in("Staff Registered Nurse, Emergency Department 07/2018 – Present") == []
    _, job = read_job(_fixture("jd", "indeed_nurse.txt"))
    assert job.title == "Registered Nurse" and job.must_have.count("nurse license") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A narrow column wrapped the words that say the licence is not held onto the next line.
        ("FNP-BC exam scheduled August 2024; APRN license\npending.", [("fnp board certification", True),
                                                                       ("aprn license", True)]),
        ("● Family Nurse Practitioner – Board Certified (FNP-BC),\nANCC – exam scheduled August 2024",
         [("fnp board certification", True)]),
        ("● APRN-CNP – Ohio Board of Nursing – application\nsubmitted 06/2024", [("aprn license", True)]),
        # A finished line, or a new item below, says nothing of the one above.
        ("● Basic Life Support (BLS), AHA – exp. 02/2026\n● Trauma Nursing Core Course – expired 04/2023",
         [("bls", False), ("bls", False), ("tncc", True)]),
        ("Certified Public Accountant (CPA), Ohio, 2019.\nPending: a move to Columbus",
         [("cpa", False), ("cpa", False)]),
        ("Basic Life Support (BLS), American Heart Association\nAdvanced Cardiovascular Life Support (ACLS) – expired",
         [("bls", False), ("bls", False), ("acls", True), ("acls", True)]),
    ],
)  # fmt: skip
def test_a_wrapped_line_goes_on_with_the_words_that_say_a_licence_is_not_held(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    hits = get_vocabulary().certifications_in(text)
    assert list(zip([h.canonical for h in hits], pending_flags(text, hits), strict=True)) == expected


def test_a_two_column_resumes_licences_in_progress_are_never_held() -> None:
    """tests/data/resume/nurse_practitioner_narrow_columns_en.txt: the nurse practitioner's resume printed in two
    narrow columns and read by pypdf, so "exam scheduled" and "pending" sit on the line below the licence's name.
    The journey on make run showed "FNP Board Certification" and "APRN License" as strengths, and the pitch said
    "I hold FNP Board Certification, APRN License, BLS, ACLS"."""
    resume = _fixture("resume", "nurse_practitioner_narrow_columns_en.txt")
    doc = read_document(resume, "resume")
    # the licences section's notes, each whole though the column wrapped it, its date kept
    assert "APRN-CNP – Ohio Board of Nursing – application submitted" in doc.certifications
    assert (
        "Family Nurse Practitioner – Board Certified (FNP-BC), ANCC – exam scheduled August 2024" in doc.certifications
    )
    service = _service_of(resume, _fixture("jd", "meridian_urgent_care_np.txt"), "en")
    match = service.run()["match"]
    assert "I hold BLS and ACLS." in match.self_pitch
    assert not any(s.startswith(("FNP", "APRN")) for s in match.strengths)
    assert {"FNP Board Certification", "APRN License"} <= {g.gap.split(" is required")[0] for g in match.gaps}


def test_a_certificate_earned_at_a_college_heads_its_education_and_completed_is_no_field() -> None:
    """The paralegal's "Certificate in Paralegal Studies (ABA-Approved Program)" over "Prairie Lakes College, … —
    Schaumburg, IL" over "Completed December 2018" lost its first line from the tailored education (the entry
    began at the college), and a shorter one read "Completed" as the field of study."""
    from tests.unit.fixture_pairs import run_offline

    doc = read_document(_fixture("resume", "paralegal_en.txt"), "resume")
    first = doc.education[0]
    assert first.org == "Prairie Lakes College"
    assert doc.lines[first.line_start] == "Certificate in Paralegal Studies (ABA-Approved Program)"
    markdown = run_offline("paralegal_en.txt", "whitcombe_litigation_paralegal.txt", "en")["customize"].markdown
    assert "### Certificate in Paralegal Studies (ABA-Approved Program)\nPrairie Lakes College" in markdown
    short = read_document(
        "EDUCATION\nCertificate in Paralegal Studies\nPrairie Lakes College — Schaumburg, IL\n"
        "Completed December 2018\n",
        "resume",
    )
    # the certificate names its field; "Completed" is none
    read = [(e.org, e.field, e.end) for e in short.education]
    assert read == [("Prairie Lakes College", "Paralegal Studies", "2018-12")]


def test_the_thirty_hour_card_meets_a_posting_asking_for_the_ten_hour_one() -> None:
    """ "OSHA 10 or 30 card" is read as OSHA 10, and an electrician's "OSHA 30 Construction" was missing: the gap said
    "OSHA 10 is required but not shown" and the interview asked whether he holds it. The longer course holds the
    shorter one's card, not the other way round."""
    thirty = read_document("Sam Ortiz\n\nCERTIFICATIONS\n- OSHA 30 Construction (2022)\n", "resume")
    ten = read_document("Sam Ortiz\n\nCERTIFICATIONS\n- OSHA 10 (2022)\n", "resume")
    _, job = read_job("Industrial Electrician\n\nRequirements\n- OSHA 10 or 30 card\n")
    assert "osha 10" in job.must_have
    assert [p.status for p in cover(["osha 10"], thirty, None)] == ["resume"]
    assert [p.status for p in cover(["osha 30"], ten, None)] == ["missing"]


def test_a_licence_named_by_its_post_is_held_as_a_licence() -> None:
    """A pharmacist's pitch said "I hold Licensed Pharmacist.": the vocabulary names the licence by the post it lets
    one hold. The sentence says the licence; a certificate's own name stays as written."""
    from core.offline.match import held_sentence

    assert held_sentence(["Licensed Pharmacist", "BLS"], "en") == " I hold a Licensed Pharmacist license and BLS."
    assert held_sentence(["Registered Nurse"], "en") == " I hold a Registered Nurse license."
    assert held_sentence(["OSHA 30"], "en") == " I hold OSHA 30."
