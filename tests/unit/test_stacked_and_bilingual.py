"""Six new pairs, found by writing documents in trades the fixtures lacked.

- A fitness coach's Chinese resume with headings in two languages ("Work Experience 工作经历", "Education 教育背景",
  "Certifications 证书"): a CPR card's expiry date became a job at "Red", the school a job, and the name "张浩然
  Haoran Zhang" was lost to "NASM-CPT" (tests/data/resume/fitness_coach_bilingual_zh.txt).
- A property manager's two-column PDF text, dates over employer over title ("2017.06-至今" /
  "万科物业发展股份有限公司" / "深圳分公司 项目经理"): three roles with neither employer nor title, and
  the school without its degree (tests/data/resume/property_manager_two_column_zh.txt).
- A Word template's spaced label "姓    名：陈思琪": no name (tests/data/resume/livestream_ops_zh.txt).
- A journalism graduate: "AP Style" read as accounts payable, and a posting's readers ("copy for CFOs and AP managers")
  as a requirement; the posting's "AP Style" and "a CMS such as WordPress" asked nothing
  (tests/data/resume/journalism_new_grad_en.txt, tests/data/jd/ledgerline_content_associate.txt).
- A flight attendant moving to customer success: "Fluent in English, Italian and Spanish" spoke no second language,
  "conflict de-escalation" resolved no conflict, "Zendesk (macros, tags…)" wrote VBA, and the part-time side job was
  the one she is "currently" in (tests/data/resume/flight_attendant_to_csm_en.txt, tests/data/jd/tripvale_csm.txt).
- A CNC programmer's posting: "read and interpret blueprints" asked for Unreal Blueprints, "Fanuc controls" for
  industrial robotics, "machining strategy" for strategic thinking (tests/data/jd/ascent_cnc_programmer.txt).
"""

from __future__ import annotations

from core.facts.model import DocumentModel
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary
from core.offline.lookup import stay_of
from core.workbench.coverage import compute_coverage
from tests.unit.fixture_pairs import coverage_status, fixture, run_offline


def _resume(name: str) -> DocumentModel:
    return read_document(fixture("resume", name), "resume")


def test_headings_in_two_languages_open_their_sections() -> None:
    doc = _resume("fitness_coach_bilingual_zh.txt")
    assert doc.contact.name == "张浩然"
    assert [(e.org, e.title) for e in doc.experience] == [("乐刻运动", "私教主管"), ("一兆韦德健身", "私人教练")]
    assert [(e.org, e.title, e.field) for e in doc.education] == [("上海体育学院", "本科", "运动人体科学")]


def test_roles_stacked_as_dates_employer_title() -> None:
    doc = _resume("property_manager_two_column_zh.txt")
    assert [(e.org, e.title, e.start) for e in doc.experience] == [
        ("万科物业发展股份有限公司", "项目经理", "2017-06"),
        ("深圳市长城物业集团股份有限公司", "客服主管", "2012-03"),
        ("深圳市金地物业管理有限公司", "物业管理员", "2008-07"),
    ]
    assert [(e.org, e.title, e.field) for e in doc.education] == [("深圳大学", "本科", "工商管理")]
    english = (
        "Jane Doe\n\nEXPERIENCE\nJan 2019 – Present\nAcme Logistics Inc.\nOperations Manager\n- Ran the night shift\n"
    )
    assert [(e.org, e.title) for e in read_document(english, "resume").experience] == [
        ("Acme Logistics Inc.", "Operations Manager")
    ]


def test_a_spaced_name_label_names_the_person() -> None:
    assert _resume("livestream_ops_zh.txt").contact.name == "陈思琪"


def test_ap_style_is_a_writers_and_the_readers_are_no_requirement() -> None:
    doc = _resume("journalism_new_grad_en.txt")
    assert "accounts payable" not in doc.skills and "principle app" not in doc.skills
    _, job = read_job(fixture("jd", "ledgerline_content_associate.txt"))
    assert {"ap style", "content management systems", "editing"} <= set(job.must_have)
    assert "accounts payable" not in {*job.must_have, *job.nice_to_have}
    # the readers' rule is no rule against the trade: "Responsible for AP and AR" is accounts payable
    assert "accounts payable" in {h.canonical for h in get_vocabulary().skills_in("Responsible for AP and AR")}
    status = coverage_status("journalism_new_grad_en.txt", "ledgerline_content_associate.txt")
    assert status["ap style"] == status["content management systems"] == "resume"


def test_the_flight_attendants_languages_de_escalation_and_current_role() -> None:
    doc = _resume("flight_attendant_to_csm_en.txt")
    assert "vba" not in doc.skills and "resource management" not in doc.skills
    status = coverage_status("flight_attendant_to_csm_en.txt", "tripvale_csm.txt")
    assert status["multilingual communication"] == status["conflict resolution"] == "resume"
    pitch = run_offline("flight_attendant_to_csm_en.txt", "tripvale_csm.txt", "en")["match"].self_pitch
    assert "I'm a Flight Attendant / In-Flight Lead at Frontier Airlines." in pitch


def test_a_machine_shops_posting_asks_for_blueprint_reading() -> None:
    _, job = read_job(fixture("jd", "ascent_cnc_programmer.txt"))
    asked = {*job.must_have, *job.nice_to_have}
    assert "blueprint reading" in job.must_have
    assert not asked & {"unreal blueprints", "industrial robotics", "strategic thinking"}


def test_words_in_their_other_sense() -> None:
    vocab = get_vocabulary()

    def skills(text: str) -> set[str]:
        return {hit.canonical for hit in vocab.skills_in(text)}

    assert "observability" not in skills("Advanced anesthesia induction and monitoring skills")
    assert "aircraft maintenance manuals" not in skills("SOA exams passed: P, FM, SRM")
    assert skills("Management system aligned with ISO 45001") == {"iso 45001"}
    assert "compensation and benefits" not in skills("Manage workers' compensation cases")
    assert "content management systems" not in skills("Document in line with Joint Commission and CMS guidelines")
    assert "trade show sales" not in skills("开展会员活动、体测活动")
    assert "labor scheduling" not in skills("能适应直播排班")
    assert "labor scheduling" in skills("能够合理安排人员排班")  # scheduling others, as a skill
    assert "crm" not in skills("Crew Resource Management (CRM)")
    assert skills("Crew Resource Management") == set()


def test_excel_and_vba_written_as_one_item_prove_excel() -> None:
    doc = read_document("Jane Doe\nSKILLS\nExcel / VBA, SQL\n", "resume")
    jd, job = read_job("Pricing Actuary\nAcme\nRequirements\n- Advanced Excel and SQL\n")
    coverage = compute_coverage(job.must_have, job.nice_to_have, doc, None, jd)
    assert {k.keyword: k.status for k in coverage.must_have} == {"excel": "resume", "sql": "resume"}


def test_the_coachs_property_managers_and_live_streamers_trades_are_read() -> None:
    """The three Chinese postings asked for next to nothing (a coach's posting: CPR, coaching, sales) and the
    resumes' certificates were cut, split or read as an English test: "全国物业管理企业经理" + "岗位证书" (a wrap) was
    two names joined by a line break, "建（构）筑物消防员 中级（四级）" CET-4."""
    _, gym = read_job(fixture("jd", "gym_head_coach_zh.txt"))
    assert {"personal training", "fitness instructor qualification", "membership renewal"} <= set(gym.must_have)
    _, estate = read_job(fixture("jd", "property_project_manager_zh.txt"))
    assert {"property manager qualification", "property manager post certificate"} <= set(estate.must_have)
    assert {"property fee collection", "owner satisfaction"} <= set(estate.nice_to_have)
    _, stream = read_job(fixture("jd", "livestream_lead_zh.txt"))
    assert {"livestream e-commerce", "douyin e-commerce", "qianchuan"} <= set(stream.must_have)
    status = coverage_status("property_manager_two_column_zh.txt", "property_project_manager_zh.txt")
    assert status["property manager post certificate"] == status["property fee collection"] == "resume"
    certificates = _resume("property_manager_two_column_zh.txt").certifications
    assert "全国物业管理企业经理岗位证书" in certificates and "四级" not in certificates
    assert coverage_status("fitness_coach_bilingual_zh.txt", "gym_head_coach_zh.txt")["personal training"] == "resume"


def test_a_team_counted_after_whom_it_holds() -> None:
    """ "管理主播4人、场控2人、投手1人，团队共8人" led no team: the count came after the people's kind."""
    status = coverage_status("livestream_ops_zh.txt", "livestream_lead_zh.txt")
    assert status["team management"] == "resume"


def test_chinese_prose_a_narrow_column_wrapped_is_read_by_sentence() -> None:
    """The two-column PDF's roles are paragraphs wrapped mid-sentence: the strengths quoted "环境四个部门。物业费收缴率
    由89.3%提升" and the pitch "我的相关经历：环境四个部门。物业费收缴率由89.3%提升；得分超过90分。组织…"."""
    doc = _resume("property_manager_two_column_zh.txt")
    assert doc.experience[0].bullets[1] == "物业费收缴率由89.3%提升至96.7%，连续三年业主满意度第三方测评得分超过90分。"
    assert doc.experience[2].bullets == ["负责住宅小区的日常巡查、装修管理与收费催缴工作，2010年被评为公司“优秀员工”。"]
    match = run_offline("property_manager_two_column_zh.txt", "property_project_manager_zh.txt", "zh")["match"]
    assert "提升；" not in match.self_pitch and "环境四个部门。物业费" not in match.self_pitch
    assert not any(s.endswith("提升”") for s in match.strengths)


def test_a_certificate_a_sidebar_wrapped_is_one_item_of_the_tailored_list() -> None:
    """The tailored resume listed "全国物业管理企业经理" and "岗位证书" as two certificates (and the joined name again),
    "建（构）筑物消防员" apart from its grade "中级（四级）"."""
    markdown = run_offline("property_manager_two_column_zh.txt", "property_project_manager_zh.txt", "zh")[
        "customize"
    ].markdown
    items = markdown.split("## 资格证书")[1].split("##")[0].split("\n- ")
    items = [item.strip() for item in items if item.strip()]
    assert "全国物业管理企业经理岗位证书" in items and "岗位证书" not in items
    assert "中级（四级）" not in items and items.count("全国物业管理企业经理岗位证书") == 1


def test_roles_under_one_employer_stay_together_in_the_tailored_resume() -> None:
    """ "The Maneater" over "Managing Editor, January 2025 - Present" and "Staff Writer, August 2022 - December 2024"
    and their shared bullets: the tailored resume put a summer internship of 2025 between the two titles and wrote
    "### Staff Writer, …" as an employer of its own, with the bullets the managing editor wrote."""
    markdown = run_offline("journalism_new_grad_en.txt", "ledgerline_content_associate.txt", "en")["customize"].markdown
    block = markdown.split("### The Maneater")[1].split("###")[0]
    assert "Managing Editor, January 2025 - Present" in block
    assert "\nStaff Writer, August 2022 - December 2024\n- Lead a staff of 18 writers" in block
    assert "### Staff Writer" not in markdown


def test_a_promotions_shared_bullets_are_told_as_the_whole_stay() -> None:
    """The same block in the interview: "At The Maneater as Staff Writer (2022-08 – 2024-12)" told the managing
    editor's "Lead a staff of 18 writers" as the staff writer's, the only title the reader gives lines to."""
    prep = run_offline("journalism_new_grad_en.txt", "ledgerline_content_associate.txt", "en")["interview"]
    stay = "At The Maneater as Staff Writer → Managing Editor (2022-08 – present)"
    led = [story for story in prep.star_stories if "Lead a staff of 18" in story.action]
    assert led and all(story.situation == stay for story in led)
    assert "At The Maneater, as a Staff Writer → Managing Editor (2022-08 – present): " in prep.self_intro_3min
    assert "Staff Writer (2022-08" not in prep.self_intro_3min + " ".join(s.situation for s in prep.star_stories)


def test_a_stay_is_read_from_stacked_titles_only() -> None:
    """A Chinese block stacked the same way is one stay from its first start to its last end; the top title, and
    a school's degrees stacked over one another, stay as they are."""
    doc = read_document(
        "王磊\n电话：138-0000-1234\n\n工作经历\n深圳市腾科软件有限公司\n高级测试工程师 2021.07-至今\n"
        "测试工程师 2018.07-2021.06\n- 带领5人测试小组，负责支付系统的接口自动化测试，用例覆盖率从40%提升至85%\n"
        "- 使用 Python 和 pytest 搭建自动化测试框架，回归测试时间从3天缩短到4小时\n\n"
        "教育背景\n华南理工大学 计算机科学与技术 本科 2014.09-2018.06\n",
        "resume",
    )
    senior, junior = doc.experience
    assert (senior.title, junior.title) == ("高级测试工程师", "测试工程师")
    stays = [stay_of(doc, i) for i in range(len(doc.entries))]
    assert stays[0] is doc.entries[0]
    assert (stays[1].title, stays[1].start, stays[1].end) == ("测试工程师 → 高级测试工程师", "2018-07", "present")
    research = _resume("new_grad_research_en.txt")
    assert all(stay_of(research, i) is entry for i, entry in enumerate(research.entries) if entry.kind == "education")


def test_a_chinese_certificate_with_a_bracketed_variant_keeps_its_whole_name() -> None:
    """ "建（构）筑物消防员": the tokens stop at the full-width bracket, and the certificate list said "筑物消防员"."""
    certificates = _resume("property_manager_two_column_zh.txt").certifications
    assert "建（构）筑物消防员" in certificates and "筑物消防员" not in certificates
    assert "全国物业管理企业经理岗位证书" in certificates  # the grade "中级（四级）" on the line above stays apart


def test_a_dotted_degree_keeps_its_last_dot() -> None:
    """ "B.A., Communication – San Francisco State University": the degree read "B.A", its last dot taken with the
    comma after it."""
    assert [(e.title, e.field) for e in _resume("event_manager_en.txt").education] == [("B.A.", "Communication")]
    doc = read_document("Jane Roe\njane@example.com\n\nEDUCATION\nM.Ed., Ohio State University, 2015\n", "resume")
    assert [(e.org, e.title, e.degree_level) for e in doc.education] == [("Ohio State University", "M.Ed.", "master")]


def test_a_degree_with_its_last_dot_ends_the_sentence_once() -> None:
    """With "B.A." read whole, the three-minute intro said "I studied at San Francisco State University, B.A.."."""
    prep = run_offline("event_manager_en.txt", "nimbus_corporate_event_manager.txt", "en")["interview"]
    assert "I studied at San Francisco State University, B.A. " in prep.self_intro_3min
    assert ".." not in prep.self_intro_3min + prep.self_intro_1min


def test_activities_each_a_role_in_a_club_are_read_apart() -> None:
    """ "Mizzou Ad Club - Member, 2023 National Student Advertising Competition team" over "Tutor, MU Writing Center
    (2023-2024)": one activity dated 2023-2024 at the club, the tutoring lost ("Tutor, MU" read as a city and its
    state)."""
    entries = _resume("journalism_new_grad_en.txt").entries
    activities = [(e.org, e.title, e.end) for e in entries if e.kind == "activity"]
    assert activities == [
        ("Society of Professional Journalists", "Vice President", "2025"),
        ("Mizzou Ad Club", "Member", "2023"),
        ("MU Writing Center", "Tutor", "2024"),
    ]


def test_a_posting_without_its_title_is_this_role() -> None:
    """A posting whose title the reader could not find: "What I've done that fits this this role"."""
    from tests.unit.test_offline_engine import Service

    doc = _resume("event_manager_en.txt")
    jd, job = read_job("Responsibilities:\n- Plan corporate events and manage venue contracts\n- Own event budgets\n")
    assert not job.title
    prep = Service(doc, None, jd, job, "en").run()["interview"]
    assert "this this" not in prep.self_intro_1min and " fits this role: " in prep.self_intro_1min
