"""A biotech research associate (tests/data/resume/biotech_ra_en.txt) against an assay development posting
(tests/data/jd/halcyon_assay_development.txt); a bank's wealth manager (tests/data/resume/bank_wealth_rm_zh.txt)
against another bank's private banker posting (tests/data/jd/hzbank_private_banker_zh.txt); a construction posting
whose title names its sector (tests/data/jd/brasfield_healthcare_pm.txt); a data engineer
(tests/data/resume/data_engineer_zh.txt) against a warehouse posting (tests/data/jd/kuaishou_data_warehouse_zh.txt).

Before: the lab posting asked for "infection control" (aseptic technique), "conversion rate optimization" (CROs) and
none of ELISA, qPCR, cell culture, GLP or flow cytometry; "BD FACSCanto" was business development and "PUBLICATIONS
& POSTERS" print design; a summer internship dated "Summer 2017 (May-Aug)" was bullets of the job above. The banker's
"• 2018.03-2019.08 担任综合柜员，办理开户…" was a third employer named "办理开户、存取款…"; "【杭州银行】" named no
company and "金融资产" asked for fundraising. "Senior Project Manager – Healthcare" was hired by "Healthcare". The
warehouse layers "ODS/DWD/DWS/ADS" proved advertising, and "1.5s" the 5S method.
"""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline

LAB, ASSAY = "biotech_ra_en.txt", "halcyon_assay_development.txt"
BANKER, PRIVATE = "bank_wealth_rm_zh.txt", "hzbank_private_banker_zh.txt"


def test_the_lab_posting_asks_for_bench_skills_in_their_own_sense() -> None:
    _, job = read_job(fixture("jd", ASSAY))
    assert {"elisa", "immunoassays", "cell culture", "aseptic technique", "qpcr", "glp", "gmp"} <= set(job.must_have)
    assert {"flow cytometry", "flowjo", "benchling", "lims", "digital pcr", "lab automation"} <= set(job.nice_to_have)
    asked = {*job.must_have, *job.nice_to_have}
    assert not asked & {"infection control", "conversion rate optimization"}


def test_the_research_associates_roles_and_skills() -> None:
    doc = read_document(fixture("resume", LAB), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience][2] == (
        "Dana-Farber Cancer Institute",
        "Undergraduate Research Intern",
        "2017",
        "2017",
    )
    assert not set(doc.skills) & {"business development", "print design", "infection control"}
    status = coverage_status(LAB, ASSAY)
    assert all(status[k] == "resume" for k in ("elisa", "qpcr", "cell culture", "flow cytometry", "lims", "glp"))
    assert status["digital pcr"] == status["lab automation"] == "missing"


def test_the_tailored_lab_resume_keeps_its_internship_and_publications_apart() -> None:
    markdown = run_offline(LAB, ASSAY, "en")["customize"].markdown
    verantis = markdown.split("### Research Associate I ·")[0]
    assert "Prepared buffers" not in verantis and "Undergraduate Research Intern" not in verantis
    assert "## PUBLICATIONS & POSTERS\n- Raghunathan P, Osei K" in markdown
    assert "## CERTIFICATIONS / TRAINING" in markdown


def test_a_marked_line_that_opens_with_its_dates_is_a_deed_of_the_role() -> None:
    doc = read_document(fixture("resume", BANKER), "resume")
    assert [(e.org, e.title) for e in doc.experience] == [
        ("招商银行杭州分行", "个人客户经理"),
        ("中国建设银行浙江省分行", "综合柜员 → 理财经理"),
    ]


def test_the_bank_posting_names_its_bank_its_place_and_not_fundraising() -> None:
    _, job = read_job(fixture("jd", PRIVATE))
    assert (job.title, job.company, job.location) == ("私人银行客户经理", "杭州银行", "浙江省杭州市（上城区总行）")
    assert "fundraising" not in {*job.must_have, *job.nice_to_have}
    assert coverage_status(BANKER, PRIVATE)["prospecting"] == "resume"  # "擅长高净值客户的开发与维护"


def test_a_title_naming_its_sector_is_hired_by_the_line_below() -> None:
    _, job = read_job(fixture("jd", "brasfield_healthcare_pm.txt"))
    assert (job.title, job.company, job.location) == (
        "Senior Project Manager",
        "Brasfield & Kemper Construction",
        "Cincinnati, OH",
    )
    pitch = run_offline("construction_pm_en.txt", "brasfield_healthcare_pm.txt", "en")["match"].self_pitch
    assert "role at Brasfield & Kemper Construction" in pitch and "at Healthcare" not in pitch


def test_warehouse_layers_and_latencies_are_no_advertising_or_5s() -> None:
    _, job = read_job(fixture("jd", "kuaishou_data_warehouse_zh.txt"))
    assert job.location == "北京·海淀区"
    status = coverage_status("data_engineer_zh.txt", "kuaishou_data_warehouse_zh.txt")
    assert status["advertising"] == "missing" and status["data modeling"] == "resume"
    assert "5s" not in read_document(fixture("resume", "data_engineer_zh.txt"), "resume").skills
    vocab = get_vocabulary()
    assert [h.canonical for h in vocab.skills_in("We ran paid ads on Meta")] == ["advertising"]
    assert [h.canonical for h in vocab.skills_in("数仓分层ODS/DWD/DWS/ADS")] == ["data warehousing"] * 2


def test_deeds_that_open_with_a_date_stay_deeds_when_the_pdf_dropped_their_marks() -> None:
    """tests/data/resume/bank_wealth_rm_zh_pdf.txt: the banker's resume as Chromium printed it (list marks drawn, not
    written). "2023年理财产品销售额2.1亿元，基金…；", "2018.03-2019.08 担任综合柜员，…；" and "2019.09起任理财经理，…；"
    were three more employers ("基金", "办理开户、存取款…", "负责支行中高端客户维护")."""
    doc = read_document(fixture("resume", "bank_wealth_rm_zh_pdf.txt"), "resume")
    assert [(e.org, e.title, e.start, e.end) for e in doc.experience] == [
        ("招商银行杭州分行", "个人客户经理", "2021-07", "present"),
        ("中国建设银行浙江省分行", "综合柜员 → 理财经理", "2018-03", "2021-06"),
    ]
    header = "2022/04 – 至今    苏州启元生物医药有限公司（创新药Biotech，B轮）    高级注册专员\n"
    assert read_document("工作经历\n" + header + "负责注册工作\n", "resume").experience[0].title == "高级注册专员"


def test_the_bankers_posting_asks_for_no_department_it_works_with_and_the_close_reads_as_chinese() -> None:
    """ "协同公司业务、投资银行等条线" asked for investment banking, "个人贷款业务，累计投放约1.5亿元" was ads placed,
    and the introduction closed "所以我很希望加入杭州银行这个岗位" (one joins a bank, not a post)."""
    _, job = read_job(fixture("jd", PRIVATE))
    assert "investment banking" not in {*job.must_have, *job.nice_to_have}
    assert "performance marketing" not in read_document(fixture("resume", BANKER), "resume").skills
    intro = run_offline(BANKER, PRIVATE, "zh")["interview"].self_intro_1min
    assert intro.endswith("所以我很希望加入杭州银行，担任这个岗位，也很乐意展开介绍其中任何一段经历。")
    unnamed = run_offline(BANKER, "boss_java.txt", "zh")["interview"]
    assert "加入这个岗位" not in unnamed.self_intro_1min


def test_a_numbered_publication_copied_as_a_bullet_is_the_documents_own_line() -> None:
    """The tailored resume lists "1. Raghunathan P, … VT-201. … 2023." as "- Raghunathan P, …": grounding flagged the
    year as a number the documents do not hold, on every posting."""
    from core.facts.grounding import check

    doc = read_document(fixture("resume", LAB), "resume")
    job = read_job(fixture("jd", ASSAY))[1]
    markdown = run_offline(LAB, ASSAY, "en")["customize"].markdown
    assert "- Raghunathan P, Osei K, Lindqvist M." in markdown
    assert check(markdown, [doc], job) == []
