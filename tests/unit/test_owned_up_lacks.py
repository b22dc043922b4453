"""A lack the person owns up to ("缺点是团队管理经验较少", "limited experience with Kubernetes") proves nothing it
names; the facts beside it still do. And a trade's grade ("互联网营销师（直播销售员）四级") is no English test."""

from __future__ import annotations

from core.facts.read import read_document, read_job
from core.facts.shown import not_held_spans
from core.workbench.coverage import compute_coverage

RESUME_ZH = """李娜
电话：13800001111

工作经历
2020.07-2024.12 杭州某服饰淘宝店 淘宝主播
· 单场GMV最高52万，带教新人主播3名

证书
互联网营销师（直播销售员）四级 —— 2023年考取

自我评价
4年直播一线经验，对数据敏感。缺点是团队管理经验较少，目前只带过新人主播，希望在运营主管岗位上学习成长。
"""

POSTING_ZH = """直播运营主管 | 杭州-余杭区 | 3-5年 | 本科 | 15-25K
任职要求：
1. 3年以上直播运营经验，具备团队管理能力；
2. 英语流利者优先。
"""

RESUME_EN = """Sam Lee
sam@example.com

EXPERIENCE
Backend Developer, Acme Corp, 2021 - Present
- Built REST services in Python and ran them in Docker.
- I have limited experience with Kubernetes so far.
"""


def test_an_owned_up_lack_is_no_proof_and_its_next_clause_still_is_a_fact() -> None:
    text = "缺点是团队管理经验较少，目前只带过新人主播，希望在运营主管岗位上学习成长。"
    named = [text[start:end] for start, end in not_held_spans(text)]
    assert "缺点是团队管理经验较少" in named
    assert not any("新人主播" in span for span in named)


def test_a_chinese_resume_that_says_it_lacks_team_management_does_not_prove_it() -> None:
    jd, job = read_job(POSTING_ZH)
    doc = read_document(RESUME_ZH, "resume")
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    found = {item.keyword: item.status for item in [*coverage.must_have, *coverage.nice_to_have]}
    assert found["team management"] == "missing"


def test_a_trades_grade_is_no_english_test() -> None:
    doc = read_document(RESUME_ZH, "resume")
    assert doc.languages == []
    assert "cet-4" not in {c.lower() for c in doc.certifications}


def test_limited_experience_proves_nothing_and_the_tools_used_still_count() -> None:
    """The English side of the same rule (core.facts.shown's denials), held beside the Chinese one."""
    jd, job = read_job("Backend Engineer\nRequirements\n- Python and Docker.\n- Kubernetes.\n")
    doc = read_document(RESUME_EN, "resume")
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    found = {item.keyword: item.status for item in [*coverage.must_have, *coverage.nice_to_have]}
    assert found["kubernetes"] == "missing"
    assert found["python"] == found["docker"] == "resume"


ACCOUNTING_GRADUATE = """林晓雯
电话：138-2765-4410

校园经历
岭南学院会计学会　学术部部长　2022.09 - 2023.06
- 组织“CPA备考经验分享会”3场，累计参与人数200余人

证书与技能
- 注册会计师（CPA）：已通过会计、税法两科，审计、财务成本管理在考
- 计算机：熟练使用Office、希沃白板、钉钉
"""


def test_a_skills_and_certificates_sections_note_says_how_far_a_certificate_is() -> None:
    """The club's "CPA备考经验分享会" was listed as the certificate ('CPA备考') and the section's own line dropped."""
    certifications = read_document(ACCOUNTING_GRADUATE, "resume").certifications
    assert "注册会计师（CPA）：已通过会计、税法两科，审计、财务成本管理在考" in certifications
    assert not any("备考" in c for c in certifications)


def test_office_in_a_chinese_list_is_the_suite_and_an_office_managers_title_is_not() -> None:
    assert "microsoft office" in read_document(ACCOUNTING_GRADUATE, "resume").skills
    manager = read_document(
        "Ann Lee\nann@example.com\n\nEXPERIENCE\nOffice Manager, Northside Dental, 2020 - Present\n"
        "- Ran the front desk for the Front Office, Billing and Scheduling teams.\n",
        "resume",
    )
    assert "microsoft office" not in manager.skills
