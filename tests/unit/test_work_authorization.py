"""Visa sponsorship read from both documents: a posting that sponsors none against a person who says they will need
it is the offline Match's first gap, and a line of work authorisation proves no skill and is no summary."""

from __future__ import annotations

import pytest

from core.facts.read import read_document
from core.facts.wishes import states_availability, wish_spans
from core.facts.work_authorization import needs_sponsorship, posting_rules_out_sponsorship
from tests.unit.fixture_pairs import fixture, run_offline

RESUME = "econ_research_assistant_opt_en.txt"
JD = "think_tank_research_associate.txt"


@pytest.mark.parametrize(
    ("posting", "clause"),
    [
        ("Must be authorized to work in the US; we are unable to sponsor visas", "we are unable to sponsor visas"),
        ("We do not offer visa sponsorship for this role.", "We do not offer visa sponsorship for this role"),
        ("Candidates must be able to work without sponsorship.", "Candidates must be able to work without sponsorship"),
        ("Applicants must not require sponsorship", "Applicants must not require sponsorship"),
        ("本岗位不提供工作签证。", "本岗位不提供工作签证"),
        ("Visa sponsorship is available for this role.", ""),
        ("Experience managing H-1B sponsorship for staff", ""),
        ("We do not discriminate on the basis of national origin.", ""),
    ],
)
def test_a_posting_rules_sponsorship_out_only_in_so_many_words(posting: str, clause: str) -> None:
    assert posting_rules_out_sponsorship(posting) == clause


@pytest.mark.parametrize(
    ("resume", "clause"),
    [
        ("Open to relocation to the US (F-1 OPT n/a; will require H-1B sponsorship)", "will require H-1B sponsorship"),
        ("Requires visa sponsorship", "Requires visa sponsorship"),
        ("Authorized to work in the US; no sponsorship required", ""),
        ("I do not require sponsorship", ""),
        ("- Prepared petitions for employees who require H-1B sponsorship", ""),  # an immigration paralegal's work
        ("US citizen", ""),
    ],
)
def test_a_person_needs_sponsorship_only_when_they_say_so_of_themselves(resume: str, clause: str) -> None:
    assert needs_sponsorship(resume) == clause


def test_the_posting_that_sponsors_none_is_the_first_gap_in_both_documents_words() -> None:
    match = run_offline(RESUME, JD, "en")["match"]
    assert match.gaps[0].gap == (
        "The posting sponsors no visas (“we do not sponsor visas for this position”); your resume says you will need "
        "sponsorship (“will require H-1B sponsorship thereafter”)"
    )
    assert "main gap: The posting sponsors no visas" in match.conclusion
    without = fixture("resume", RESUME).replace("; will require H-1B sponsorship thereafter", "")
    assert needs_sponsorship(without) == ""


def test_a_line_of_work_authorisation_stays_in_the_header_and_proves_no_skill() -> None:
    line = "F-1 STEM OPT through June 2027; will require H-1B sponsorship thereafter · Open to relocation"
    assert states_availability(line) and not states_availability("Relocated 40 hires to the Austin office")
    doc = read_document(fixture("resume", RESUME), "resume")
    assert "immigration" not in doc.skills  # "relocation", "visa sponsorship": an HR specialist's words
    out = run_offline(RESUME, JD, "en")
    markdown = out["customize"].markdown
    assert f"github.com/meerak-econ\n\n{line}\n\n## SKILLS" in markdown and "## Summary" not in markdown
    assert "sponsorship" not in str(out["interview"].likely_questions)
    hr = read_document(
        "Jordan Lee\n\nEXPERIENCE\nHR Generalist, Acme Corp | 2019 – Present\n"
        "- Advised 30 hires who require visa sponsorship on timelines and relocation\n",
        "resume",
    )
    assert "immigration" in hr.skills
    assert [hr.text[a:b] for a, b in wish_spans(hr.text)] == []


def test_the_models_match_is_handed_the_conflict_with_the_coverage() -> None:
    from core.offline.documents import ServiceDocuments
    from core.workbench import prompts
    from core.workbench.jobs import _sponsorship
    from core.workbench.schemas import MatchReply
    from tests.unit.fixture_pairs import read_pair

    resume, jd, job = read_pair(RESUME, JD)
    docs = ServiceDocuments(resume=resume, detailed=None, jd=jd, job=job, lang="en")
    handed = _sponsorship(docs)
    assert handed == {
        "visa_sponsorship_conflict": {
            "posting": "we do not sponsor visas for this position",
            "candidate": "will require H-1B sponsorship thereafter",
        }
    }
    messages = prompts.match_messages(
        "en", MatchReply, job={}, resume=resume.text, detailed=None, coverage={"must_have": []} | handed, knowledge=""
    )
    assert "will require H-1B sponsorship thereafter" in messages[1]["content"]
    other = read_pair("econ_research_assistant_opt_en.txt", "consulting_knowledge_manager.txt")
    assert _sponsorship(ServiceDocuments(other[0], None, other[1], other[2], "en")) != {}  # "we do not sponsor visas"
    unrelated = read_pair("executive_assistant_ruled_en.txt", JD)
    assert _sponsorship(ServiceDocuments(unrelated[0], None, unrelated[1], unrelated[2], "en")) == {}


def test_a_models_match_that_leaves_out_the_conflict_gets_it_as_its_first_gap() -> None:
    from core.offline.documents import ServiceDocuments
    from core.workbench.jobs import _with_sponsorship_gap
    from core.workbench.schemas import Gap, MatchReply
    from tests.unit.fixture_pairs import read_pair

    resume, jd, job = read_pair(RESUME, JD)
    docs = ServiceDocuments(resume=resume, detailed=None, jd=jd, job=job, lang="en")
    skills_only = MatchReply(gaps=[Gap(gap="No Stata shown", action="Add a Stata project")], self_pitch="Hello")
    mended = _with_sponsorship_gap(skills_only, docs, "en")
    assert len(mended.gaps) == 2 and mended.gaps[1] == skills_only.gaps[0]
    assert "will require H-1B sponsorship thereafter" in mended.gaps[0].gap
    assert "we do not sponsor visas for this position" in mended.gaps[0].gap
    in_chinese = _with_sponsorship_gap(skills_only, docs, "zh").gaps[0].gap
    assert in_chinese.startswith("岗位不提供签证担保")
    said = MatchReply(gaps=[Gap(gap="The role offers no visa sponsorship; you need H-1B")], self_pitch="Hello")
    assert _with_sponsorship_gap(said, docs, "en") == said  # the model said it: its words stay
    other = read_pair("executive_assistant_ruled_en.txt", JD)
    unrelated = ServiceDocuments(other[0], None, other[1], other[2], "en")
    assert _with_sponsorship_gap(skills_only, unrelated, "en") == skills_only
