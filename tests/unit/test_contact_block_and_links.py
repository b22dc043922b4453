"""Contact details away from the header: a sidebar's CONTACT block read after the main column gives the phone, the
city and a labelled portfolio ("Portfolio: priyank.design" opened no projects section); a LinkedIn address a line broke
after "/in/" is whole; an employer's line with its place and how it is worked in names the employer alone."""

from __future__ import annotations

from core.facts.read import read_document

SIDEBAR_AFTER = """Priya Nandakumar
Product Designer

EXPERIENCE
Lead Product Designer · Harborline Software
Apr 2022 – Present · Seattle, WA
• Founded "Tide", our Figma design system: 140+ components

CONTACT
priya.nandakumar@proton.me
+1 206 555 0193
Seattle, WA
Portfolio: priyank.design
linkedin.com/in/priyanandakumar

SKILLS
User research
"""

WRAPPED = """Tomasz K. Wierzbicki
Senior Backend Engineer · Denver, CO · (720) 555-0148 ·
tomasz@fastmail.com · github.com/twierz · linkedin.com/in/
tomaszwierzbicki

PROFESSIONAL EXPERIENCE
Ledgerline, Inc. | Denver, CO (Hybrid)
Staff Software Engineer, Payments Platform | Jan 2023 – Present
• Tech lead for 3 teams (14 engineers) on the ledger platform
"""


def test_a_contact_block_after_the_main_column_fills_the_contact() -> None:
    doc = read_document(SIDEBAR_AFTER, "resume")
    c = doc.contact
    assert (c.phone, c.location) == ("+1 206 555 0193", "Seattle, WA")
    assert c.links == ["linkedin.com/in/priyanandakumar", "priyank.design"]
    assert [s.canonical for s in doc.sections] == ["experience", "contact", "skills"]  # no "Portfolio:" section


def test_a_wrapped_profile_address_is_whole_and_a_work_mode_is_no_part_of_the_employer() -> None:
    doc = read_document(WRAPPED, "resume")
    assert "linkedin.com/in/tomaszwierzbicki" in doc.contact.links
    assert [(e.org, e.location) for e in doc.experience] == [("Ledgerline", "Denver, CO")]
