"""A plain-text resume drawn with rules between its sections (tests/data/resume/executive_assistant_ruled_en.txt):
the rules are no text, its TECHNOLOGY heading opens a section, and the name with a nickname in brackets is whole."""

from __future__ import annotations

from core.facts.read import read_document
from core.offline.lookup import spoken_name
from tests.unit.fixture_pairs import fixture, run_offline

RESUME = "executive_assistant_ruled_en.txt"
JD = "ceo_executive_assistant.txt"


def test_rules_between_sections_are_no_text_in_any_output() -> None:
    out = run_offline(RESUME, JD, "en")
    written = [out["match"].self_pitch, out["customize"].markdown, str(out["interview"]), str(out["match"].strengths)]
    assert not any("-----" in text for text in written)
    assert "- ---" not in out["customize"].markdown


def test_a_technology_heading_closes_the_last_role() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert [(s.canonical, s.title) for s in doc.sections][3] == ("skills", "TECHNOLOGY")
    last = doc.experience[-1]
    assert last.org == "Keel & Lantern Law Group" and len(last.bullets) == 2
    assert {"sap concur", "sharepoint", "google workspace"} <= set(doc.skills)


def test_a_name_with_a_nickname_in_brackets_is_read_whole() -> None:
    doc = read_document(fixture("resume", RESUME), "resume")
    assert doc.contact.name == "MARGARET (MEG) O'HALLORAN"
    assert spoken_name(doc) == "Margaret (Meg) O'Halloran"
    assert read_document("Jordan Lee (they/them)\njordan@example.com\n", "resume").contact.name == "Jordan Lee"
